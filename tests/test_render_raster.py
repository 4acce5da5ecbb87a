"""PDF and PNG: true page size, no timestamp, colours where the layout put the letters."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from plaque_cases import PENGJIAQIAO, ink_box

from signgen.artwork.raster import svg_to_pdf, svg_to_png
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.svg import plaque_svg
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def party(standard: Standard, fonts: FontBook) -> tuple[PlaqueGeometry, str]:
    """The left-of-door plaque for 彭家桥社区, laid out and outlined."""
    text = plaque_text(standard, "party-committee-plaque", PENGJIAQIAO)
    geometry = plaque_layout(standard, text, fonts, community=PENGJIAQIAO["community"])
    return geometry, plaque_svg(geometry, standard, fonts, outline=True)


def test_pdf_page_is_the_plaque_size(party: tuple[PlaqueGeometry, str]) -> None:
    """The PDF MediaBox is the plaque's width and height in points (750 mm = 2125.98 pt)."""
    geometry, svg = party
    pdf = svg_to_pdf(svg)
    found = re.search(rb"/MediaBox \[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert found is not None
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    assert (x0, y0) == (0, 0)
    assert x1 == pytest.approx(geometry.width_mm * PT_PER_MM, abs=0.01)
    assert y1 == pytest.approx(geometry.height_mm * PT_PER_MM, abs=0.01)
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1


def test_pdf_has_no_timestamp_and_is_byte_stable(party: tuple[PlaqueGeometry, str]) -> None:
    """cairo's CreationDate is blanked: the same SVG always gives the same PDF bytes."""
    _, svg = party
    first = svg_to_pdf(svg)
    assert b"CreationDate" not in first and b"D:20" not in first
    assert first.startswith(b"%PDF-") and first.rstrip().endswith(b"%%EOF")
    assert svg_to_pdf(svg) == first


def _pixels(image: Image.Image, box: tuple[float, float, float, float],
            scale: float) -> list[tuple[int, int, int]]:
    left, top, right, bottom = (round(v * scale) for v in box)
    crop = image.crop((left, top, max(right, left + 1), max(bottom, top + 1)))
    raw = crop.tobytes()
    return [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 3)]


def _hex_rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _near(pixel: tuple[int, int, int], rgb: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 40 for a, b in zip(pixel, rgb, strict=True))


def test_png_shows_red_and_black_where_the_layout_put_them(
        standard: Standard, fonts: FontBook, party: tuple[PlaqueGeometry, str]) -> None:
    """The PNG is the plaque's size; each glyph's box holds ink of its run's colour only."""
    geometry, svg = party
    scale = 2.0
    image = Image.open(io.BytesIO(svg_to_png(svg, px_per_mm=scale))).convert("RGB")
    assert image.size == (round(geometry.width_mm * scale), round(geometry.height_mm * scale))
    background = _hex_rgb(standard.colour_value(geometry.background).hex)
    colours = {c.colour: _hex_rgb(c.hex) for c in standard.project_defaults.colour_values}
    corners = _pixels(image, (0, 0, geometry.margin_mm, geometry.margin_mm), scale)
    assert all(_near(p, background) for p in corners)
    seen = set()
    for glyph in geometry.glyphs:
        box = ink_box(glyph, fonts)
        assert box is not None
        pixels = _pixels(image, box, scale)
        own = colours[glyph.colour]
        others = [rgb for cid, rgb in colours.items()
                  if cid not in (glyph.colour, geometry.background)]
        assert sum(_near(p, own) for p in pixels) > len(pixels) // 20, glyph.char
        assert not any(_near(p, rgb) for p in pixels for rgb in others), glyph.char
        seen.add(glyph.colour)
    assert seen == {"red", "black"} & set(colours)


def test_png_refuses_sizes_cairo_cannot_draw(party: tuple[PlaqueGeometry, str]) -> None:
    """A resolution that makes the image wider than cairo allows is a clear error."""
    _, svg = party
    with pytest.raises(SigngenError, match="px a side"):
        svg_to_png(svg, px_per_mm=100)
    with pytest.raises(SigngenError, match="positive"):
        svg_to_png(svg, px_per_mm=0)
