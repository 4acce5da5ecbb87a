"""The sign schedule: one row per sign, texts filled in, safe CSV/XLSX/Markdown, stable bytes."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.artwork.render import render_plaque
from signgen.cli.main import main
from signgen.contractor.plan import load_plan
from signgen.contractor.schedule import (
    ScheduleRow,
    headers,
    schedule_csv,
    schedule_markdown,
    schedule_rows,
)
from signgen.contractor.schedule_xlsx import schedule_xlsx
from signgen.fonts.book import FontBook
from signgen.output.workbook import FIXED_TIME
from signgen.plaque.svg import SVG_NS
from signgen.spec.model import Standard

COMPLIANT = ROOT / "examples" / "plan-compliant.yaml"
INJECTION = '=HYPERLINK("http://x")'


def test_row_count_for_sample_plan(standard: Standard) -> None:
    """plan-compliant.yaml needs 23 signs: 3 outdoor plaques + logo + slogan + 5 windows
    + 7 rooms + 6 boards (each count from the spec's repeat and the plan's lists)."""
    plan = load_plan(COMPLIANT, standard)
    rows = schedule_rows(standard, plan)
    once = sum(1 for p in standard.plaques if p.repeat == "once")
    expected = once + 1 + len(plan.windows) + len(plan.rooms) + len(plan.boards)
    assert (once, len(plan.windows), len(plan.rooms), len(plan.boards)) == (4, 5, 7, 6)
    assert len(rows) == expected == 23
    assert len({r.id for r in rows}) == len(rows)


def test_texts_filled_from_plan(standard: Standard) -> None:
    """Community values fill the outdoor plaques; a shared room's plaque joins its functions."""
    plan = load_plan(COMPLIANT, standard)
    rows = {r.id: r for r in schedule_rows(standard, plan)}
    outdoor = [r for r in rows.values() if plan.community["community"] in r.text]
    assert len(outdoor) == sum(1 for p in standard.plaques
                               if p.kind == "outdoor" and p.repeat == "once")
    names = {f.id: f.name for f in standard.functions}
    shared = next(r for r in plan.rooms if len(r.functions) > 1)
    row = rows[f"room-plaque-r{shared.index + 1:02d}"]
    assert row.text == "、".join(names[f] for f in shared.functions)
    assert "随文字" in row.width
    english = {r.id: r for r in schedule_rows(standard, plan, "en")}
    assert "follows text" in english[row.id].width


def test_logo_placed_by_origin(standard: Standard) -> None:
    """The logo row cites the plan's origin and where the logo goes for it."""
    plan = load_plan(COMPLIANT, standard)
    origin = next(o for o in standard.origins if o.id == plan.origin)
    logo = next(r for r in schedule_rows(standard, plan) if r.id == f"logo-{origin.id}")
    assert origin.citation.quote in logo.placement


def _injected(tmp_path: Path, standard: Standard):  # type: ignore[no-untyped-def]
    """The compliant plan with a formula as district and as a room (with no function) name."""
    room = f"  - {{name: '{INJECTION}', area_m2: 10, zone: office, functions: []}}\n"
    text = COMPLIANT.read_text(encoding="utf-8").replace(
        "district: 东湖区", f"district: '{INJECTION}'").replace("windows:", room + "windows:", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return load_plan(path, standard)


def test_formula_injection_neutralised_in_csv(tmp_path: Path, standard: Standard) -> None:
    """Cells starting with = are prefixed with ' in the CSV, which starts with a UTF-8 BOM."""
    plan = _injected(tmp_path, standard)
    data = schedule_csv(schedule_rows(standard, plan))
    assert data.startswith(b"\xef\xbb\xbf")
    cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert f"'{INJECTION}" in cells  # the room named like a formula
    assert any(c.startswith(f"'{INJECTION}") for c in cells if c != f"'{INJECTION}")


def test_formula_injection_stored_as_text_in_xlsx(tmp_path: Path, standard: Standard) -> None:
    """In the XLSX every such cell is a text cell (data_type s) with the ' prefix."""
    plan = _injected(tmp_path, standard)
    book = openpyxl.load_workbook(io.BytesIO(schedule_xlsx(standard,
                                                           schedule_rows(standard, plan))))
    sheet = book.active
    hits = [c for row in sheet.iter_rows() for c in row
            if isinstance(c.value, str) and INJECTION in c.value]
    assert len(hits) >= 2
    for cell in hits:
        assert cell.data_type == "s"
        assert cell.value.startswith("'=")
    assert sheet.freeze_panes == "A2"


def test_xlsx_same_input_same_bytes(standard: Standard) -> None:
    """Two XLSX renderings are byte-identical: fixed zip times, fixed document dates."""
    plan = load_plan(COMPLIANT, standard)
    rows = schedule_rows(standard, plan)
    first, second = schedule_xlsx(standard, rows), schedule_xlsx(standard, rows)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {FIXED_TIME}
        core = archive.read("docProps/core.xml").decode()
    assert standard.standard.date in core


def test_markdown_escapes_cells(tmp_path: Path, standard: Standard) -> None:
    """A room with no function and a name holding | and <script> stays inside its cell."""
    text = COMPLIANT.read_text(encoding="utf-8").replace(
        "windows:", "  - {name: 'a|b<script>', area_m2: 5, zone: office}\nwindows:", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path, standard)
    md = schedule_markdown(standard, plan, schedule_rows(standard, plan))
    line = next(x for x in md.splitlines() if "a\\|b" in x)
    assert "&lt;script&gt;" in line and "<script>" not in md
    header = next(x for x in md.splitlines() if x.startswith("| "))
    assert line.count(" | ") == header.count(" | ")


def test_cli_writes_each_format(runner: CliRunner, tmp_path: Path) -> None:
    """signgen schedule writes CSV, XLSX and Markdown by suffix, and refuses others (exit 2)."""
    for suffix in ("csv", "xlsx", "md"):
        out = tmp_path / f"signs.{suffix}"
        result = runner.invoke(main, ["schedule", str(COMPLIANT), "--specs", str(SPECS),
                                      "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    result = runner.invoke(main, ["schedule", str(COMPLIANT), "--specs", str(SPECS),
                                  "-o", str(tmp_path / "signs.pdf")])
    assert result.exit_code == 2 and not (tmp_path / "signs.pdf").exists()


def _tallest_letter_in_inkscape(standard: Standard, fonts: FontBook, row: ScheduleRow,
                                folder: Path) -> float:
    """The height (mm) Inkscape's --query-all gives the tallest letter of the row's outlined
    SVG, as ``signgen signs`` renders it (punctuation such as 、 not counted)."""
    rendered = render_plaque(standard, fonts, row.plaque_id, dict(row.values),
                             ("svg-outlined",), allow_small=True)
    root = ET.fromstring(rendered.files["svg-outlined"])
    letters = []
    for i, line in enumerate(rendered.geometry.lines, start=1):
        for run in line.runs:
            group = root.find(f".//{{{SVG_NS}}}g[@id='line-{i}-{run.segment}']")
            assert group is not None
            inked = [g for g in run.glyphs if fonts.face(g.face).outline(g.glyph)]
            for n, (element, glyph) in enumerate(zip(group, inked, strict=True)):
                element.set("id", f"glyph-{i}-{run.segment}-{n}")
                if glyph.char.isalnum():
                    letters.append(f"glyph-{i}-{run.segment}-{n}")
    path = folder / f"{row.id}.svg"
    ET.ElementTree(root).write(path, encoding="utf-8")
    out = subprocess.run(["inkscape", "--query-all", str(path)], capture_output=True,
                         text=True, check=True).stdout
    heights = {cells[0]: float(cells[4]) * 25.4 / 96  # Inkscape's px (96 dpi) to mm
               for cells in (row.split(",") for row in out.splitlines()) if len(cells) == 5}
    return max(heights[x] for x in letters)


@pytest.mark.skipif(shutil.which("inkscape") is None, reason="Inkscape is not installed")
def test_ink_heights_are_what_inkscape_measures_on_the_signs(standard: Standard,
                                                             fonts: FontBook,
                                                             tmp_path: Path) -> None:
    """With the fonts, a sign's ink height is the tallest letter Inkscape measures on its
    outlined SVG (within 0.1 mm), beside the em (body) size of that letter's line."""
    plan = load_plan(COMPLIANT, standard)
    rows = {r.id: r for r in schedule_rows(standard, plan, fonts=fonts)}
    chosen = ["name-sign", "party-committee-plaque",
              next(k for k in rows if k.startswith("window-sign")),
              next(k for k, r in rows.items() if k.startswith("room-plaque") and "、" in r.text)]
    for row_id in chosen:
        row = rows[row_id]
        assert row.ink_height_mm is not None and row.em_size_mm is not None, row_id
        measured = _tallest_letter_in_inkscape(standard, fonts, row, tmp_path)
        assert row.ink_height_mm == pytest.approx(measured, abs=0.1), row_id
        assert 0.85 * row.em_size_mm < row.ink_height_mm < row.em_size_mm, row_id


def test_letter_heights_are_labelled_numbers_in_every_format(standard: Standard,
                                                             fonts: FontBook) -> None:
    """The two columns say which height is which, in Chinese and English; CSV and XLSX hold
    numbers (as every width is); without fonts (no layout) they are empty, never guessed."""
    plan = load_plan(COMPLIANT, standard)
    assert {"墨迹字高(毫米)", "字身(毫米)"} <= set(headers("zh"))
    assert {"Ink height (mm)", "Body size, em (mm)"} <= set(headers("en"))
    rows = schedule_rows(standard, plan, fonts=fonts)
    sheet = openpyxl.load_workbook(io.BytesIO(schedule_xlsx(standard, rows, "en"))).active
    table = list(sheet.iter_rows(values_only=True))
    ink, em = table[0].index("Ink height (mm)"), table[0].index("Body size, em (mm)")
    name_sign = next(r for r in table if r[1] == "name-sign")
    assert isinstance(name_sign[ink], float) and isinstance(name_sign[em], (int, float))
    assert name_sign[ink] < name_sign[em]
    logo = next(r for r in table if str(r[1]).startswith("logo-"))
    assert logo[ink] is None and logo[em] is None  # the logo is not our lettering
    width = table[0].index("Width (mm)")
    assert all(isinstance(r[width], (int, float)) for r in table[1:])  # the logo's too
    assert all(r.ink_height_mm is None for r in schedule_rows(standard, plan))
    md = schedule_markdown(standard, plan, rows)
    assert "墨迹字高:成品上最高一个字的实测高度" in md
