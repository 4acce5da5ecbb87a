"""Design-intent drawings: dimensions, colour notations, typefaces and the clause, per plaque."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from plaque_cases import TUANJIE
from project_paths import SPECS

from signgen.cli.main import main
from signgen.drawings.primitives import text_width, wrap
from signgen.drawings.sheet import drawing_scale, plaque_drawing_svg, rgb
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.svg import plaque_svg
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

NS = "{http://www.w3.org/2000/svg}"


def _geometry(standard: Standard, fonts: FontBook, plaque_id: str,
              values: dict[str, str] | None = None) -> PlaqueGeometry:
    return plaque_layout(standard, plaque_text(standard, plaque_id, values or TUANJIE), fonts)


def _drawing(standard: Standard, geometry: PlaqueGeometry, fonts: FontBook, *,
             outline: bool) -> str:
    """The drawing sheet of ``geometry`` with its plaque rendered as the service does."""
    plaque = plaque_svg(geometry, standard, fonts, outline=outline)
    return plaque_drawing_svg(standard, geometry, fonts, plaque=plaque)


def _texts(svg: str) -> list[str]:
    return ["".join(el.itertext()) for el in ET.fromstring(svg).iter(f"{NS}text")]


@pytest.mark.parametrize("plaque_id", ["name-sign", "party-committee-plaque",
                                       "workstation-plaque", "service-purpose-plaque"])
def test_colours_in_three_notations_marked_project_default(standard: Standard, fonts: FontBook,
                                                           plaque_id: str) -> None:
    """Every colour used (background and text) shows HEX, RGB and CMYK from the defaults."""
    geometry = _geometry(standard, fonts, plaque_id)
    texts = _texts(_drawing(standard, geometry, fonts, outline=False))
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
    texts = _texts(_drawing(standard, _geometry(standard, fonts, plaque.id), fonts,
                                      outline=False))
    assert any(t.startswith(f"依据 Clause {clause.number} {clause.title}") for t in texts)
    start = texts.index(next(t for t in texts if t.startswith("「")))
    quoted = "".join(texts[start:start + 4])
    assert f"「{plaque.citation.quote}」" in quoted


def test_dimensions_are_the_plaque_size_and_letter_heights(standard: Standard,
                                                           fonts: FontBook) -> None:
    """Width, height, margin and each line's letter height are dimension labels in mm: the
    body size (字身, em) with the ink height as measured beside it (墨迹, issue 11.4)."""
    geometry = _geometry(standard, fonts, "party-committee-plaque")
    texts = _texts(_drawing(standard, geometry, fonts, outline=False))
    assert "750" in texts and "550" in texts and f"margin {geometry.margin_mm:g}" in texts
    for line in geometry.lines:
        assert (f"字身 {round(line.letter_height_mm, 1):g}"
                f"(墨迹 {round(line.ink_height_mm, 1):g})") in texts


def test_typefaces_name_the_standard_and_the_face_used(standard: Standard,
                                                       fonts: FontBook) -> None:
    """Each typeface role is listed as the standard's name -> the face the glyphs came from."""
    geometry = _geometry(standard, fonts, "name-sign")
    texts = _texts(_drawing(standard, geometry, fonts, outline=False))
    # A note wraps where the sheet is narrow (beside the title block): join its lines.
    joined = [f"{a} {b}" for a, b in zip(texts, [*texts[1:], ""], strict=True)]
    for run in geometry.lines[0].runs:
        typeface = standard.typeface(run.typeface)
        face = run.glyphs[0].face
        assert any(t.startswith(f"{typeface.name} (") and f"→ {face}" in t for t in joined)


def test_names_are_escaped_and_ids_unique(standard: Standard, fonts: FontBook) -> None:
    """A community named with markup stays text; the nested plaque's ids do not clash."""
    values = dict(TUANJIE, community="<b>&社区")
    svg = _drawing(standard, _geometry(standard, fonts, "name-sign", values), fonts,
                             outline=True)
    root = ET.fromstring(svg)
    assert root.findall(f".//{NS}b") == []
    assert any("<b>&社区" in t for t in _texts(svg))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) and "plaque-background" in ids


def test_drawing_golden(standard: Standard, fonts: FontBook, golden) -> None:  # type: ignore[no-untyped-def]
    """The party/committee plaque drawing for 团结社区 (text variant) matches its golden SVG."""
    geometry = _geometry(standard, fonts, "party-committee-plaque")
    svg = _drawing(standard, geometry, fonts, outline=False)
    assert svg == _drawing(standard, geometry, fonts, outline=False)
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


SHEETS = {(297.0, 210.0): "A4", (420.0, 297.0): "A3"}


def _mm(value: str) -> float:
    assert value.endswith("mm"), value
    return float(value[:-2])


@pytest.mark.parametrize("plaque_id", ["name-sign", "party-committee-plaque", "window-sign",
                                       "room-plaque", "board-header", "service-purpose-plaque"])
def test_every_drawing_is_on_an_a4_or_a3_landscape_sheet(standard: Standard, fonts: FontBook,
                                                         plaque_id: str) -> None:
    """The sheet is A4 or A3 landscape, one user unit a paper millimetre, and the nested
    plaque is its real size divided by the scale the title block states."""
    geometry = _geometry(standard, fonts, plaque_id)
    root = ET.fromstring(_drawing(standard, geometry, fonts, outline=False))
    size = (_mm(root.get("width", "")), _mm(root.get("height", "")))
    assert size in SHEETS
    assert root.get("viewBox") == f"0 0 {size[0]:g} {size[1]:g}"
    texts = ["".join(el.itertext()) for el in root.iter(f"{NS}text")]
    scale = int(texts[texts.index("比例 Scale") + 1].removeprefix("1:"))
    assert texts[texts.index("图幅 Sheet") + 1] == f"{SHEETS[size]} 横向 landscape"
    nested = next(el for el in root.iter(f"{NS}svg") if el is not root)
    assert float(nested.get("width", "")) == pytest.approx(geometry.width_mm / scale, abs=1e-3)
    assert float(nested.get("height", "")) == pytest.approx(geometry.height_mm / scale,
                                                            abs=1e-3)
    frame = root.find(f".//{NS}rect[@id='frame']")
    block = root.find(f".//{NS}rect[@id='title-block-frame']")
    assert frame is not None and block is not None
    inside = [float(frame.get(k, "")) for k in ("x", "y", "width", "height")]
    box = [float(block.get(k, "")) for k in ("x", "y", "width", "height")]
    assert box[0] + box[2] == pytest.approx(inside[0] + inside[2])
    assert box[1] + box[3] == pytest.approx(inside[1] + inside[3])


def test_title_block_names_drawing_plaque_community_standard_and_scale(
        standard: Standard, fonts: FontBook) -> None:
    """The title block: drawing number from spec ids, plaque, community, the standard with
    its edition, the scale with a 50 mm bar labelled in real mm, and the printing note in
    Chinese first."""
    geometry = plaque_layout(standard, plaque_text(standard, "party-committee-plaque",
                                                   TUANJIE), fonts, community="团结社区")
    svg = _drawing(standard, geometry, fonts, outline=False)
    root = ET.fromstring(svg)
    texts = ["".join(el.itertext()) for el in root.iter(f"{NS}text")]
    after = {key: texts[texts.index(key) + 1] for key in
             ("图名 Title", "社区 Community", "标准 Standard", "图号 Drawing No.", "比例 Scale")}
    assert after["图号 Drawing No."] == f"{standard.id}/party-committee-plaque"
    assert after["图名 Title"].startswith(standard.plaque("party-committee-plaque").name)
    assert after["社区 Community"] == "团结社区"
    info = standard.standard
    assert after["标准 Standard"].startswith(f"{info.title} 第 {info.edition} 版")
    scale = drawing_scale(geometry.width_mm, geometry.height_mm)
    assert after["比例 Scale"] == f"1:{scale}"
    bar = [el for el in root.iter(f"{NS}rect") if el.get("id", "").startswith("scale-bar-")]
    assert sum(float(el.get("width", "")) for el in bar) == 50
    assert f"{50 * scale} mm" in texts
    block = root.find(f".//{NS}g[@id='title-block']")
    assert block is not None
    note = " ".join("".join(el.itertext()) for el in block.iter(f"{NS}text"))
    assert note.index("请勿量取") < note.index("do not scale if printed at another size")


def test_drawing_pdf_prints_on_its_sheet_at_scale(runner: CliRunner, tmp_path: Path) -> None:
    """``signgen drawing -o x.pdf``: poppler reads an A3 landscape page, and the scale bar
    rasterised at 10 px/mm is 50 mm long, so 1:5 holds on the printed sheet."""
    out = tmp_path / "party.pdf"
    result = runner.invoke(main, ["drawing", "party-committee-plaque", "--specs", str(SPECS),
                                  "--set", "community=团结社区", "-o", str(out)])
    assert result.exit_code == 0, result.output
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None, info
    width, height = (float(v) * 25.4 / 72 for v in size.groups())
    assert (round(width), round(height)) == (420, 297)
    svg = ET.fromstring(runner.invoke(main, [
        "drawing", "party-committee-plaque", "--specs", str(SPECS), "--set",
        "community=团结社区", "-o", "-"]).output)
    first = svg.find(f".//{NS}rect[@id='scale-bar-1']")
    assert first is not None
    x, y = float(first.get("x", "")), float(first.get("y", ""))
    subprocess.run(["pdftoppm", "-r", "254", "-gray", "-png", "-singlefile", str(out),
                    str(tmp_path / "page")], check=True)
    from PIL import Image

    page = Image.open(tmp_path / "page.png").convert("L")
    row = round((y + 1.0) * 10)
    dark = [i for i in range(round(x * 10) - 20, round((x + 60) * 10))
            if int(page.getpixel((i, row)) or 0) < 128]  # type: ignore[arg-type]
    assert (dark[-1] - dark[0] + 1) / 10 == pytest.approx(50, abs=0.4)
