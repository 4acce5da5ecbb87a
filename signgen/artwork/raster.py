"""Screen PDF and PNG from a plaque's SVG, through cairosvg (system cairo).

The PDF made here is the *screen* PDF: cairo writes DeviceRGB only. The print PDF, in the
spec's CMYK, is :mod:`signgen.artwork.print_pdf`. A PNG carries its physical size (a pHYs
chunk of ``px_per_mm`` × 1000 pixels per metre, so a 750 mm plaque opens as 750 mm) and an
sRGB chunk (the HEX colours are sRGB), both written by Pillow. cairo draws at most
:data:`MAX_PIXELS` a side: a larger PNG is an error that says so and names the options, one
of which is tiles (:func:`svg_to_png_tiles`, cut where the 1:1 panels are cut).

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
from typing import Any

import cairosvg
from cairosvg.parser import Tree
from cairosvg.surface import PNGSurface, cairo  # the cairo (cairocffi) cairosvg draws with
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


def _check_size(width: int, height: int, size_mm: tuple[float, float], px_per_mm: float,
                what: tuple[str, str], options: tuple[str, str]) -> None:
    """Raise the error for an image past cairo's limit: the limit, what was asked, the options.

    ``what`` and ``options`` are (Chinese, English): the image named, and what else to ask for.
    """
    if max(width, height) <= MAX_PIXELS:
        return
    fitting = math.floor(MAX_PIXELS / max(size_mm) * 100) / 100
    raise SigngenError(
        f"{what[0]}：每边最多 {MAX_PIXELS} 像素（cairo 的上限），实为 {width} × {height} 像素"
        f"（{size_mm[0]:g} × {size_mm[1]:g} mm，每毫米 {px_per_mm:g} 像素）；请用 "
        f"--px-per-mm {fitting:g} 或更小，{options[0]}"
        f" ({what[1]}: expected at most {MAX_PIXELS} px a side (cairo's limit), got {width} x "
        f"{height} px for {size_mm[0]:g} x {size_mm[1]:g} mm at {px_per_mm:g} px/mm; pass "
        f"--px-per-mm {fitting:g} or less, {options[1]})")


_PRINT_PDF_OPTION = ("或改用印刷 PDF（print-pdf 格式：超出 PDF 页面上限的牌匾"
                     "另出缩小稿和 1:1 拼板）",
                     "or use the print PDF (the print-pdf format: a reduced-scale PDF and 1:1 "
                     "panels for signs past the PDF page limit)")


class _WindowSurface(PNGSurface):  # type: ignore[misc]  # cairosvg has no type hints
    """cairosvg's PNG surface of the whole image that keeps only columns left to right.

    The whole image's transform is kept and shifted by a whole number of pixels, so the
    window's pixels are the whole image's pixels there: tiles side by side are the whole, up
    to antialiasing (cairo's coverage of a pixel on a curve's edge can differ by a few levels
    between surfaces of different widths: measured on the 9 m name sign, at most 15 of 255
    on 11 of 36 million pixels).
    """

    def __init__(self, tree: Tree, size_px: tuple[int, int], window: tuple[int, int]) -> None:
        self._window = window
        super().__init__(tree, None, 96, output_width=size_px[0], output_height=size_px[1])

    def _create_surface(self, width: float, height: float) -> tuple[Any, float, float]:
        left, right = self._window
        return cairo.ImageSurface(cairo.FORMAT_ARGB32, right - left, round(height)), width, height

    def set_context_size(self, *args: Any) -> None:
        self.context.translate(-self._window[0], 0)
        super().set_context_size(*args)


def _image(svg: str, size_px: tuple[int, int], window: tuple[int, int]) -> Image.Image:
    """Columns ``window`` (px) of the SVG drawn at ``size_px``, read from cairo's surface.

    cairosvg's own surface, read before it writes a PNG: Pillow encodes the pixels once,
    with the chunks cairo cannot write (no decode of cairo's PNG, same pixels).
    """
    surface = _WindowSurface(Tree(bytestring=svg.encode("utf-8")), size_px, window)
    pixels = surface.cairo
    pixels.flush()
    image = Image.frombuffer("RGBA", (pixels.get_width(), pixels.get_height()),
                             pixels.get_data(), "raw", "BGRa", pixels.get_stride(), 1)
    surface.finish()
    return image


def _pixel_size(svg: str, px_per_mm: float) -> tuple[tuple[float, float], tuple[int, int]]:
    if not px_per_mm > 0:
        raise SigngenError(f"px_per_mm: expected a positive number, got {px_per_mm}")
    width_mm, height_mm = svg_size_mm(svg)
    return (width_mm, height_mm), (max(round(width_mm * px_per_mm), 1),
                                   max(round(height_mm * px_per_mm), 1))


@memoized
def svg_to_png(svg: str, *, px_per_mm: float) -> bytes:
    """A PNG of the SVG at ``px_per_mm`` pixels per millimetre of the plaque.

    Raises:
        SigngenError: a non-positive resolution, or an image larger than cairo allows.
    """
    size_mm, (width, height) = _pixel_size(svg, px_per_mm)
    _check_size(width, height, size_mm, px_per_mm, ("png 尺寸", "png size"), (
        "或改用 png-tiles 格式（按 1:1 拼板分块，每块一个 PNG），" + _PRINT_PDF_OPTION[0],
        "or the png-tiles format (one PNG per 1:1 panel), " + _PRINT_PDF_OPTION[1]))
    return png_with_physical_size(_image(svg, (width, height), (0, width)), px_per_mm)


@memoized
def svg_to_png_tiles(svg: str, edges_mm: tuple[tuple[float, float], ...], *,
                     px_per_mm: float) -> tuple[bytes, ...]:
    """PNG tiles of the SVG at ``px_per_mm``: one per (left, right) edge pair, in mm.

    Each tile is the whole image's pixels between its edges (rounded to whole pixels of the
    whole image), full height, with pHYs and sRGB: tiles placed at their left edges, the
    overlaps laid on each other, are the whole PNG (up to antialiasing, see
    :class:`_WindowSurface`). The whole image need not fit cairo's limit; each tile must.

    Raises:
        SigngenError: a non-positive resolution, or a tile larger than cairo allows.
    """
    (width_mm, height_mm), (width, height) = _pixel_size(svg, px_per_mm)
    windows = [(round(left * width / width_mm), round(right * width / width_mm))
               for left, right in edges_mm]
    # the widest tile: the resolution the error suggests then fits every tile
    widest = max(range(len(windows)), key=lambda i: windows[i][1] - windows[i][0], default=0)
    if windows:
        (left, right), (left_mm, right_mm) = windows[widest], edges_mm[widest]
        number = f"{widest + 1}/{len(windows)}"
        _check_size(right - left, height, (right_mm - left_mm, height_mm), px_per_mm,
                    (f"png 分块 {number}", f"png tile {number}"), _PRINT_PDF_OPTION)
    return tuple(png_with_physical_size(_image(svg, (width, height), window), px_per_mm)
                 for window in windows)


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
