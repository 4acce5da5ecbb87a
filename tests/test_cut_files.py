"""Cutting and raster files: DXF in ezdxf, colour layers in the SVG, PNG size, ink heights."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import ezdxf.bbox
import pytest
from ezdxf.filemanagement import read as read_dxf
from PIL import Image
from plaque_cases import PENGJIAQIAO, TUANJIE

from signgen.artwork.dxf import OUTLINE_LAYER, plaque_dxf
from signgen.artwork.raster import svg_to_png
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.svg import INKSCAPE_NS, SVG_NS, plaque_svg
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

PX_PER_MM_96DPI = 96 / 25.4


def _geometry(standard: Standard, fonts: FontBook, plaque_id: str,
              values: dict[str, str]) -> PlaqueGeometry:
    return plaque_layout(standard, plaque_text(standard, plaque_id, values), fonts,
                         community=values.get("community", ""))


def test_dxf_passes_ezdxf_audit_with_a_layer_per_colour_and_segment(
        standard: Standard, fonts: FontBook) -> None:
    """ezdxf reads the DXF back: no audit error, mm units, closed outlines, named layers."""
    geometry = _geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    data = plaque_dxf(geometry, standard, fonts)
    doc = read_dxf(io.StringIO(data.decode("utf-8")))
    auditor = doc.audit()
    assert not auditor.has_errors and not auditor.has_fixes
    assert doc.header["$INSUNITS"] == 4  # millimetres
    expected = {OUTLINE_LAYER} | {f"{run.colour}-{run.segment}" for line in geometry.lines
                                  for run in line.runs}
    assert expected == {"plaque-outline", "black-district-street", "red-community",
                        "red-party-committee"}
    assert {layer.dxf.name for layer in doc.layers} - {"0", "Defpoints"} == expected
    red = doc.layers.get("red-community")
    assert red.rgb == (0xE6, 0x00, 0x12) and "CMYK 0/100/100/0" in red.description
    msp = doc.modelspace()
    assert {e.dxftype() for e in msp} == {"LWPOLYLINE"}
    assert all(e.closed for e in msp.query("LWPOLYLINE"))  # type: ignore[attr-defined]
    assert {e.dxf.layer for e in msp} == expected
    extents = ezdxf.bbox.extents(msp)
    assert (extents.extmin.x, extents.extmin.y) == pytest.approx((0, 0))
    assert (extents.extmax.x, extents.extmax.y) == pytest.approx((750, 550))
    letters = ezdxf.bbox.extents(msp.query(f'LWPOLYLINE[layer!="{OUTLINE_LAYER}"]'))
    left, top, right, bottom = geometry.text_area
    assert letters.extmin.x >= left and letters.extmax.x <= right
    assert letters.extmin.y >= geometry.height_mm - bottom
    assert letters.extmax.y <= geometry.height_mm - top


def test_dxf_same_input_same_bytes(standard: Standard) -> None:
    """Two fresh renderings of the DXF are byte for byte the same (no clock, no GUID)."""
    def once() -> bytes:
        fonts = FontBook(standard)
        return plaque_dxf(_geometry(standard, fonts, "name-sign", TUANJIE), standard, fonts)
    assert once() == once()


def test_svg_has_one_inkscape_layer_per_colour(standard: Standard, fonts: FontBook) -> None:
    """The party plaque's two red runs share one red layer; the background has its own."""
    geometry = _geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    root = ET.fromstring(plaque_svg(geometry, standard, fonts, outline=True))
    layers = root.findall(f"{{{SVG_NS}}}g")
    assert all(g.get(f"{{{INKSCAPE_NS}}}groupmode") == "layer" for g in layers)
    assert [g.get("id") for g in layers] == ["layer-background", "layer-black", "layer-red"]
    red = layers[2]
    assert [g.get("id") for g in red] == ["line-2-community", "line-3-party-committee"]
    assert "#E60012" in (red.get(f"{{{INKSCAPE_NS}}}label") or "")


def _chunks(png: bytes) -> dict[bytes, bytes]:
    chunks: dict[bytes, bytes] = {}
    i = 8
    while i < len(png):
        (length,) = struct.unpack(">I", png[i:i + 4])
        chunks.setdefault(png[i + 4:i + 8], png[i + 8:i + 8 + length])
        i += 12 + length
    return chunks


@pytest.mark.parametrize("px_per_mm", [0.5, 2.0])
def test_png_carries_its_physical_size_and_srgb(standard: Standard, fonts: FontBook,
                                                px_per_mm: float) -> None:
    """pHYs is px_per_mm × 1000 pixels per metre, so the 750 mm plaque opens 750 mm wide."""
    geometry = _geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    png = svg_to_png(plaque_svg(geometry, standard, fonts, outline=True), px_per_mm=px_per_mm)
    chunks = _chunks(png)
    x, y, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert (x, y, unit) == (round(px_per_mm * 1000), round(px_per_mm * 1000), 1)
    assert chunks[b"sRGB"] == b"\x00"
    image = Image.open(io.BytesIO(png))
    assert image.width / (x / 1000) == pytest.approx(750, abs=1)


def test_png_past_cairo_limit_says_the_limit_and_the_options(standard: Standard,
                                                             fonts: FontBook) -> None:
    """A name sign at 4 px/mm passes cairo's 32,767 px: the error names it and what to do."""
    geometry = _geometry(standard, fonts, "name-sign", TUANJIE)
    svg = plaque_svg(geometry, standard, fonts, outline=True)
    with pytest.raises(Exception, match=r"32767 px a side \(cairo's limit\).*--px-per-mm 3\.\d+ "
                                        r"or less.*print-pdf"):
        svg_to_png(svg, px_per_mm=4.0)


@pytest.mark.skipif(shutil.which("inkscape") is None, reason="Inkscape is not installed")
def test_ink_heights_match_what_inkscape_measures(standard: Standard, fonts: FontBook,
                                                  tmp_path: Path) -> None:
    """Each line's ink height is the tallest letter's height in Inkscape's --query-all."""
    geometry = _geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    root = ET.fromstring(plaque_svg(geometry, standard, fonts, outline=True))
    letters: dict[int, list[str]] = {}  # line -> ids of its letters' paths (no punctuation)
    for i, line in enumerate(geometry.lines, start=1):
        for run in line.runs:
            group = root.find(f".//{{{SVG_NS}}}g[@id='line-{i}-{run.segment}']")
            assert group is not None
            inked = [g for g in run.glyphs if fonts.face(g.face).bounds(g.glyph)]
            for n, (element, glyph) in enumerate(zip(group, inked, strict=True)):
                element.set("id", f"glyph-{i}-{run.segment}-{n}")
                if glyph.char.isalnum():
                    letters.setdefault(i, []).append(f"glyph-{i}-{run.segment}-{n}")
    path = tmp_path / "plaque.svg"
    ET.ElementTree(root).write(path, encoding="utf-8")
    out = subprocess.run(["inkscape", "--query-all", str(path)], capture_output=True,
                         text=True, check=True).stdout
    heights = {row.split(",")[0]: float(row.split(",")[4]) / PX_PER_MM_96DPI
               for row in out.splitlines() if row.count(",") == 4}
    for i, line in enumerate(geometry.lines, start=1):
        assert line.ink_height_mm == pytest.approx(max(heights[x] for x in letters[i]), abs=0.05)
        assert 0.85 * line.letter_height_mm < line.ink_height_mm < line.letter_height_mm
