"""Screen PDF and PNG from a plaque's SVG, through cairosvg (system cairo).

The PDF made here is the *screen* PDF: cairo writes DeviceRGB only. The print PDF, in the
spec's CMYK, is :mod:`signgen.artwork.print_pdf`. A PNG carries its physical size (a pHYs
chunk of ``px_per_mm`` × 1000 pixels per metre, so a 750 mm plaque opens as 750 mm) and an
sRGB chunk (the HEX colours are sRGB), both written by Pillow.

The page is the plaque at true size (SVG width/height in mm). Use the outlined SVG: cairosvg
takes only the first name of a ``font-family`` list, so ``<text>`` would need the standard's
own typeface installed. cairo writes the time into a PDF's ``/CreationDate``; it is blanked
(with spaces of the same length, so the cross-reference offsets stay valid), so the same
SVG always gives the same bytes.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET

import cairosvg
from cairosvg.parser import Tree
from cairosvg.surface import PNGSurface
from PIL import Image, PngImagePlugin

from signgen.errors import SigngenError
from signgen.output.memo import memoized

MAX_PIXELS = 32767  # cairo's largest image side
_SRGB_PERCEPTUAL = b"\x00"  # the sRGB chunk's one byte: rendering intent 0, perceptual
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
        fitting = math.floor(MAX_PIXELS / max(width_mm, height_mm) * 100) / 100
        raise SigngenError(
            f"png size: expected at most {MAX_PIXELS} px a side (cairo's limit), got {width} x "
            f"{height} px for {width_mm:g} x {height_mm:g} mm at {px_per_mm:g} px/mm; pass "
            f"--px-per-mm {fitting:g} or less, or use the print PDF (--format print-pdf: a "
            "reduced-scale PDF and 1:1 panels for signs past the PDF page limit)")
    # cairosvg's own PNG surface, read before it writes a PNG: Pillow encodes the pixels
    # once, with the chunks cairo cannot write (no decode of cairo's PNG, same pixels).
    surface = PNGSurface(Tree(bytestring=svg.encode("utf-8")), None, 96,
                         output_width=max(width, 1), output_height=max(height, 1))
    pixels = surface.cairo
    pixels.flush()
    image = Image.frombuffer("RGBA", (pixels.get_width(), pixels.get_height()),
                             bytes(pixels.get_data()), "raw", "BGRa", pixels.get_stride(), 1)
    surface.finish()
    return png_with_physical_size(image, px_per_mm)


def png_with_physical_size(image: Image.Image, px_per_mm: float) -> bytes:
    """PNG bytes of ``image`` with a pHYs chunk for ``px_per_mm`` and an sRGB chunk.

    An image without transparency is written as RGB, as cairo writes it.
    """
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    info = PngImagePlugin.PngInfo()
    info.add(b"sRGB", _SRGB_PERCEPTUAL)
    out = io.BytesIO()
    dpi = px_per_mm * 25.4
    image.save(out, "PNG", dpi=(dpi, dpi), pnginfo=info)
    return out.getvalue()
