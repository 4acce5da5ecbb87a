"""PDF and PNG from a plaque's SVG, through cairosvg (system cairo).

The page is the plaque at true size (SVG width/height in mm). Use the outlined SVG: cairosvg
takes only the first name of a ``font-family`` list, so ``<text>`` would need the standard's
own typeface installed. cairo writes the time into a PDF's ``/CreationDate``; it is blanked
(with spaces of the same length, so the cross-reference offsets stay valid), so the same
SVG always gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import cairosvg

from signgen.errors import SigngenError
from signgen.output.memo import memoized

MAX_PIXELS = 32767  # cairo's largest image side
_CREATION_DATE = re.compile(rb"/CreationDate \(D:[^)]*\)")
_MM = re.compile(r"^\s*([0-9.]+)\s*mm\s*$")


def _blank(match: re.Match[bytes]) -> bytes:
    return b" " * len(match.group(0))


@memoized
def svg_to_pdf(svg: str) -> bytes:
    """A one-page PDF of the SVG, the page the size of the SVG; no timestamp."""
    pdf = cairosvg.svg2pdf(bytestring=svg.encode("utf-8"))
    assert isinstance(pdf, bytes)
    return _CREATION_DATE.sub(_blank, pdf)


def svg_size_mm(svg: str) -> tuple[float, float]:
    """The width and height of an SVG whose root gives them in mm.

    Raises:
        SigngenError: the root's width or height is missing or not in mm.
    """
    root = ET.fromstring(svg.encode("utf-8"))
    sizes = []
    for name in ("width", "height"):
        found = _MM.match(root.get(name, ""))
        if found is None:
            raise SigngenError(f"svg {name}: expected a length in mm such as '750mm', "
                               f"got {root.get(name)!r}")
        sizes.append(float(found.group(1)))
    return sizes[0], sizes[1]


@memoized
def svg_to_png(svg: str, *, px_per_mm: float) -> bytes:
    """A PNG of the SVG at ``px_per_mm`` pixels per millimetre of the plaque.

    Raises:
        SigngenError: a non-positive resolution, or an image larger than cairo allows.
    """
    if not px_per_mm > 0:
        raise SigngenError(f"px_per_mm: expected a positive number, got {px_per_mm}")
    width_mm, height_mm = svg_size_mm(svg)
    width, height = round(width_mm * px_per_mm), round(height_mm * px_per_mm)
    if max(width, height) > MAX_PIXELS:
        raise SigngenError(f"png size: expected at most {MAX_PIXELS} px a side, got "
                           f"{width} x {height} px at {px_per_mm} px/mm; lower the resolution")
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=max(width, 1),
                           output_height=max(height, 1))
    assert isinstance(png, bytes)
    return png
