"""The sign schedule: one row per sign, texts filled in, safe CSV/XLSX/Markdown, stable bytes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.cli.main import main
from signgen.contractor.plan import load_plan
from signgen.contractor.schedule import schedule_csv, schedule_markdown, schedule_rows
from signgen.contractor.schedule_xlsx import schedule_xlsx
from signgen.output.workbook import FIXED_TIME
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
