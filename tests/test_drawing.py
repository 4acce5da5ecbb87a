"""Design-intent drawings: dimensions, colour notations, typefaces and the clause, per plaque."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from plaque_cases import TUANJIE
from project_paths import SPECS

from signgen.cli.main import main
from signgen.drawings.sheet import drawing_scale, rgb, text_width, wrap
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.render import render_plaque
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

NS = "{http://www.w3.org/2000/svg}"


def _geometry(standard: Standard, fonts: FontBook, plaque_id: str,
              values: dict[str, str] | None = None) -> PlaqueGeometry:
    return plaque_layout(standard, plaque_text(standard, plaque_id, values or TUANJIE), fonts)


def _sheet(standard: Standard, fonts: FontBook, plaque_id: str,
           values: dict[str, str] | None = None, *, outline: bool = False) -> str:
    kind = "drawing" if outline else "drawing-text"
    rendered = render_plaque(standard, fonts, plaque_id, values or TUANJIE, (kind,))
    return rendered.files[kind].decode("utf-8")


def _texts(svg: str) -> list[str]:
    return ["".join(el.itertext()) for el in ET.fromstring(svg).iter(f"{NS}text")]


@pytest.mark.parametrize("plaque_id", ["name-sign", "party-committee-plaque",
                                       "workstation-plaque", "service-purpose-plaque"])
def test_colours_in_three_notations_marked_project_default(standard: Standard, fonts: FontBook,
                                                           plaque_id: str) -> None:
    """Every colour used (background and text) shows HEX, RGB and CMYK from the defaults."""
    geometry = _geometry(standard, fonts, plaque_id)
    texts = _texts(_sheet(standard, fonts, plaque_id))
    used = {geometry.background} | {r.colour for line in geometry.lines for r in line.runs}
    for colour_id in used:
        value = standard.colour_value(colour_id)
        r, g, b = rgb(value.hex)
        cmyk = "/".join(f"{c:g}" for c in value.cmyk)
        line = f"HEX {value.hex.upper()}   RGB {r}, {g}, {b}   CMYK {cmyk}   (project default)"
        assert line in texts
    assert sum("HEX #" in t for t in texts) == len(used)


def test_clause_number_and_quote_are_shown(standard: Standard, fonts: FontBook) -> None:
    """The clause the plaque implements is named by number and quoted in the original words."""
    plaque = standard.plaque("workstation-plaque")
    clause = standard.clause(plaque.citation.clause)
    texts = _texts(_sheet(standard, fonts, plaque.id))
    assert any(t.startswith(f"依据 Clause {clause.number} {clause.title}") for t in texts)
    start = texts.index(next(t for t in texts if t.startswith("「")))
    quoted = "".join(texts[start:start + 4])
    assert f"「{plaque.citation.quote}」" in quoted


def test_dimensions_are_the_plaque_size_and_letter_heights(standard: Standard,
                                                           fonts: FontBook) -> None:
    """Width, height, margin and each line's letter height are dimension labels in mm."""
    geometry = _geometry(standard, fonts, "party-committee-plaque")
    texts = _texts(_sheet(standard, fonts, "party-committee-plaque"))
    assert "750" in texts and "550" in texts and f"margin {geometry.margin_mm:g}" in texts
    for height in geometry.letter_heights:
        assert f"字高 {round(height, 1):g}" in texts


def test_typefaces_name_the_standard_and_the_face_used(standard: Standard,
                                                       fonts: FontBook) -> None:
    """Each typeface role is listed as the standard's name -> the face the glyphs came from."""
    geometry = _geometry(standard, fonts, "name-sign")
    texts = _texts(_sheet(standard, fonts, "name-sign"))
    for run in geometry.lines[0].runs:
        typeface = standard.typeface(run.typeface)
        face = run.glyphs[0].face
        assert any(t.startswith(f"{typeface.name} (") and t.endswith(face) for t in texts)


def test_names_are_escaped_and_ids_unique(standard: Standard, fonts: FontBook) -> None:
    """A community named with markup stays text; the nested plaque's ids do not clash."""
    values = dict(TUANJIE, community="<b>&社区")
    svg = _sheet(standard, fonts, "name-sign", values, outline=True)
    root = ET.fromstring(svg)
    assert root.findall(f".//{NS}b") == []
    assert any("<b>&社区" in t for t in _texts(svg))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) and "plaque-background" in ids


def test_drawing_golden(standard: Standard, fonts: FontBook, golden) -> None:  # type: ignore[no-untyped-def]
    """The party/committee plaque drawing for 团结社区 (text variant) matches its golden SVG."""
    svg = _sheet(standard, fonts, "party-committee-plaque")
    assert svg == _sheet(standard, fonts, "party-committee-plaque")
    golden("drawing/party-committee-plaque-tuanjie.svg", svg)


def test_scale_and_wrapping() -> None:
    """The scale is the first standard one that fits; long text wraps within the width."""
    assert drawing_scale(300, 120) == 2 and drawing_scale(4800, 600) == 20
    lines = wrap("社" * 50 + " word " * 10, 3.0, 60.0)
    assert all(text_width(line, 3.0) <= 60.0 for line in lines) and len(lines) > 3
    assert lines[0] == "社" * 20 and "".join(lines).replace(" ", "") == (
        "社" * 50 + "word" * 10)


def test_drawing_command(tmp_path: Path, runner: CliRunner) -> None:
    """signgen drawing PLAQUE -o X.svg writes the drawing; an unknown plaque exits 2."""
    out = tmp_path / "d.svg"
    sets = [a for k, v in TUANJIE.items() for a in ("--set", f"{k}={v}")]
    result = runner.invoke(main, ["drawing", "name-sign", *sets, "--text", "-o", str(out),
                                  "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output
    assert "团结社区" in out.read_text(encoding="utf-8")
    bad = runner.invoke(main, ["drawing", "no-such-plaque", "--specs", str(SPECS)])
    assert bad.exit_code == 2 and "plaque: expected one of" in bad.output
