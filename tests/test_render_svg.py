"""SVG plaques: goldens, colours, outlines without <text>, escaping, deterministic bytes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from plaque_cases import OUTDOOR, PENGJIAQIAO

from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.svg import INKSCAPE_NS, plaque_svg, typeface_names
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

NS = {"svg": "http://www.w3.org/2000/svg"}
Golden = Callable[[str, str], None]


def _geometry(standard: Standard, fonts: FontBook, plaque_id: str,
              values: dict[str, str]) -> PlaqueGeometry:
    return plaque_layout(standard, plaque_text(standard, plaque_id, values), fonts,
                         community=values.get("community", ""))


def _svg(standard: Standard, fonts: FontBook, plaque_id: str, values: dict[str, str],
         outline: bool) -> str:
    return plaque_svg(_geometry(standard, fonts, plaque_id, values), standard, fonts,
                      outline=outline)


@pytest.mark.parametrize("outline", [True, False], ids=["outlined", "text"])
@pytest.mark.parametrize("case", ["pengjiaqiao", "placeholders"])
@pytest.mark.parametrize("plaque_id", OUTDOOR)
def test_goldens(standard: Standard, fonts: FontBook, golden: Golden, plaque_id: str,
                 case: str, outline: bool) -> None:
    """The three outdoor plaques, filled in and with placeholders, match their golden SVGs."""
    values = PENGJIAQIAO if case == "pengjiaqiao" else {}
    variant = "outlined" if outline else "text"
    golden(f"plaques/{plaque_id}.{case}.{variant}.svg",
           _svg(standard, fonts, plaque_id, values, outline))


@pytest.mark.parametrize("plaque_id", OUTDOOR)
def test_outlined_svg_has_paths_only_at_true_size(standard: Standard, fonts: FontBook,
                                                  plaque_id: str) -> None:
    """Outlined: no <text>, one path per inked glyph, size in mm matching the viewBox."""
    geometry = _geometry(standard, fonts, plaque_id, PENGJIAQIAO)
    svg = plaque_svg(geometry, standard, fonts, outline=True)
    root = ET.fromstring(svg)
    assert root.findall(".//svg:text", NS) == []
    inked = [g for g in geometry.glyphs if fonts.face(g.face).outline(g.glyph)]
    assert len(root.findall(".//svg:path", NS)) == len(inked)
    w, h = f"{geometry.width_mm:g}", f"{geometry.height_mm:g}"
    assert (root.get("width"), root.get("height")) == (f"{w}mm", f"{h}mm")
    assert root.get("viewBox") == f"0 0 {w} {h}"
    desc = root.find("svg:desc", NS)
    assert desc is not None and desc.text is not None
    assert plaque_id in desc.text and geometry.text in desc.text and "outlined" in desc.text


def _fills(svg: str) -> dict[str, str]:
    root = ET.fromstring(svg)
    return {g.get("id", ""): g.get("fill", "") for g in root.findall(".//svg:g", NS)}


@pytest.mark.parametrize("outline", [True, False])
def test_runs_are_drawn_in_their_colours(standard: Standard, fonts: FontBook,
                                         outline: bool) -> None:
    """Community in red, district and street in black, 党支部、居委会 in red (from the spec)."""
    svg = _svg(standard, fonts, "party-committee-plaque", PENGJIAQIAO, outline)
    fills = _fills(svg)
    plaque = standard.plaque("party-committee-plaque")
    layout = standard.layout("party-committee-plaque")
    for i, line in enumerate(layout.lines, start=1):
        for seg_id in line:
            seg = next(s for s in plaque.segments if s.id == seg_id)
            assert seg.colour is not None
            assert fills[f"line-{i}-{seg_id}"] == standard.colour_value(seg.colour).hex
    assert fills["line-2-community"] == standard.colour_value("red").hex
    assert fills["line-1-district-street"] == standard.colour_value("black").hex
    assert fills["line-3-party-committee"] == standard.colour_value("red").hex
    background = ET.fromstring(svg).find(".//svg:rect", NS)
    assert background is not None
    assert background.get("fill") == standard.colour_value(
        plaque.background or layout.background or "").hex


def test_text_variant_names_the_standard_typeface_first(standard: Standard,
                                                        fonts: FontBook) -> None:
    """<text> font-family lists the standard's typeface names, then the exact substitutes."""
    svg = _svg(standard, fonts, "name-sign", PENGJIAQIAO, outline=False)
    root = ET.fromstring(svg)
    texts = root.findall(".//svg:text", NS)
    assert "".join(t.text or "" for t in texts) == plaque_text(standard, "name-sign",
                                                               PENGJIAQIAO).text
    runs = plaque_text(standard, "name-sign", PENGJIAQIAO).lines[0]
    for element, run in zip(texts, runs, strict=True):
        family = element.get("font-family", "")
        names = [n.strip(" '") for n in family.split(",")]
        standard_names = typeface_names(standard, run.typeface)
        assert names[:len(standard_names)] == standard_names
        assert standard.typeface(run.typeface).name.startswith(standard_names[-1])
        for sub in standard.substitute(run.typeface).families:
            assert sub.family in names
        assert element.get("font-weight") == ("900" if fonts.primary(run.typeface).style
                                              == "Black" else element.get("font-weight"))


INJECTIONS = ["<script>alert(1)</script>", 'A&B"社区']


def _hostile_plaque(standard: Standard, fonts: FontBook, community: str, *,
                    outline: bool) -> ET.Element:
    """The party/committee plaque for ``community``, parsed; it must hold no script element."""
    values = {**PENGJIAQIAO, "community": community}
    root = ET.fromstring(_svg(standard, fonts, "party-committee-plaque", values, outline=outline))
    assert root.findall(".//svg:script", NS) == []
    return root


@pytest.mark.parametrize("community", INJECTIONS)
def test_hostile_names_give_well_formed_outlines(standard: Standard, fonts: FontBook,
                                                 community: str) -> None:
    """Markup in a name is drawn as glyphs: each character's outline is present as a path."""
    root = _hostile_plaque(standard, fonts, community, outline=True)
    paths = {p.get("d") for p in root.findall(".//svg:path", NS)}
    for char in set("<>&\"") & set(community):
        face = fonts.face_for("kai", char)
        glyph = face.glyph(char)
        assert glyph is not None
        assert face.outline(glyph) in paths
    title = root.find("svg:title", NS)
    assert title is not None and title.text is not None and community in title.text


@pytest.mark.parametrize("community", INJECTIONS)
def test_hostile_names_are_escaped_in_text(standard: Standard, fonts: FontBook,
                                           community: str) -> None:
    """In the <text> variant a name with markup comes back verbatim as text, not as markup."""
    root = _hostile_plaque(standard, fonts, community, outline=False)
    texts = [t.text for t in root.findall(".//svg:text", NS)]
    assert community in texts


def test_same_input_same_bytes(standard: Standard) -> None:
    """Rendering twice with fresh font books gives identical SVG bytes."""
    first = _svg(standard, FontBook(standard), "name-sign", PENGJIAQIAO, outline=True)
    second = _svg(standard, FontBook(standard), "name-sign", PENGJIAQIAO, outline=True)
    assert first == second


@pytest.mark.parametrize("outline", [True, False])
def test_no_external_urls_and_short_numbers(standard: Standard, fonts: FontBook,
                                            outline: bool) -> None:
    """No URL but the SVG and Inkscape namespaces; placement numbers have 3 decimals at most."""
    svg = _svg(standard, fonts, "workstation-plaque", PENGJIAQIAO, outline)
    assert set(re.findall(r"https?://[^\s\"']+", svg)) == {NS["svg"], INKSCAPE_NS}
    for match in re.findall(r"matrix\(([^)]*)\)", svg):
        *_, x, y = match.split()
        assert len(x.partition(".")[2]) <= 3 and len(y.partition(".")[2]) <= 3
    for line in svg.splitlines()[1:]:
        assert line.count("<") <= 2  # one element (with its text) per line


def test_text_variant_places_glyphs_like_the_outlines(standard: Standard,
                                                      fonts: FontBook) -> None:
    """Each <text> glyph x and baseline equal the outlined glyph's translation."""
    geometry = _geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    outlined = ET.fromstring(plaque_svg(geometry, standard, fonts, outline=True))
    text = ET.fromstring(plaque_svg(geometry, standard, fonts, outline=False))
    for group in text.findall("svg:g/svg:g", NS):
        element = group.find("svg:text", NS)
        assert element is not None
        xs = [float(v) for v in element.get("x", "").split()]
        ys = [float(v) for v in element.get("y", "").split()]
        paths = outlined.findall(f"svg:g/svg:g[@id='{group.get('id')}']/svg:path", NS)
        placed = [tuple(float(v) for v in re.findall(r"[-\d.]+", p.get("transform", ""))[4:])
                  for p in paths]
        assert len(xs) == len(placed) == len(element.text or "")
        for x, (px, py) in zip(xs, placed, strict=True):
            assert x == pytest.approx(px, abs=0.001)
            assert ys[0] == pytest.approx(py, abs=0.001)
