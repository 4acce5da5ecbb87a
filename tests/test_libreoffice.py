"""Every workbook signgen writes, opened by LibreOffice Calc (headless): what it sees.

One ``soffice`` call exports every sheet of every workbook as CSV (text cells quoted, so
numbers are told from text), another saves each again as XLSX. Checked: every sheet is
there; every cell reads as written (headers, Chinese text, numbers); numbers are numbers
and nothing numeric hides as text; drop-down lists, hidden sheets and repeated print rows
survive LibreOffice's own save; and a workbook LibreOffice saved reads in signgen exactly
as the one we wrote (plan check, audit, communities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from libreoffice import CSV_FILTER, XLSX_FILTER, Calc, Cell, read_cells
from project_paths import ROOT, SPECS
from test_plan_xlsx import fill, yaml_plan
from test_survey_xlsx import entries, fill_xlsx

from signgen.audit.items import checkable_items, site_from_plan
from signgen.cli.main import main
from signgen.communities.rows import CommunityRow, read_communities
from signgen.contractor.plan import load_plan
from signgen.spec.model import Standard

EXAMPLES = ROOT / "examples"
# workbook -> the signgen command that writes it (`signgen signs` writes its schedule.xlsx
# with the same function as `signgen schedule`)
WRITTEN = {
    "schedule.xlsx": ["schedule", str(EXAMPLES / "plan-compliant.yaml")],
    "schedule-en.xlsx": ["schedule", str(EXAMPLES / "plan-compliant.yaml"), "--lang", "en"],
    "plan.xlsx": ["plan-template"],
    "plan-en.xlsx": ["plan-template", "--lang", "en"],
    "survey.xlsx": ["audit-template", str(EXAMPLES / "plan-short.yaml"), "--format", "xlsx"],
    "xlsform.xlsx": ["audit-template", str(EXAMPLES / "plan-short.yaml"), "--format",
                     "xlsform"],
}
# Text that looks like a number and is one only by accident: an identifier.
IDENTIFIERS = {("概况 Survey", "edition")}  # (sheet, key in column A)
NUMERIC = re.compile(r"[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?")
SCHEDULE_NUMBERS = ("number", "height_mm", "width", "quantity")


@dataclass
class Opened:
    """The workbooks we wrote, and what LibreOffice made of them."""

    books: dict[str, Path]  # name -> file we wrote
    csv: Path  # LibreOffice's CSV export, one file per sheet
    saved: Path  # LibreOffice's XLSX save of each


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory, standard: Standard) -> Opened:
    """Write every kind of workbook (as the CLI writes them, and filled in as people fill
    them), then convert them all in two soffice calls."""
    tmp = tmp_path_factory.mktemp("libreoffice")
    books: dict[str, Path] = {}
    runner = CliRunner()
    for name, args in WRITTEN.items():
        out = tmp / "written" / name
        result = runner.invoke(main, [*args, "-o", str(out), "--specs", str(SPECS)])
        assert result.exit_code in (0, 1), result.output  # 1: a plan that falls short
        books[name] = out
    books["plan-filled.xlsx"] = fill(books["plan.xlsx"].read_bytes(),
                                     yaml_plan("plan-compliant.yaml"),
                                     tmp / "written" / "plan-filled.xlsx")
    plan = load_plan(EXAMPLES / "plan-compliant.yaml", standard)
    values, site = dict(plan.community), site_from_plan(plan)
    survey = tmp / "written" / "survey-filled.xlsx"
    runner.invoke(main, ["audit-template", str(EXAMPLES / "plan-compliant.yaml"), "--format",
                         "xlsx", "-o", str(survey), "--specs", str(SPECS)])
    items = checkable_items(standard, values, site, plan.origin)
    books["survey-filled.xlsx"] = fill_xlsx(survey.read_bytes(), entries(standard, items),
                                            survey)
    communities = openpyxl.Workbook()
    for row in COMMUNITIES:
        communities.active.append(row)
    books["communities.xlsx"] = tmp / "written" / "communities.xlsx"
    communities.save(books["communities.xlsx"])
    flat = tmp / "flat"  # unique names in one folder: soffice names outputs by file stem
    flat.mkdir()
    for name, path in books.items():
        (flat / name).write_bytes(path.read_bytes())
    calc = Calc(tmp)
    files = sorted(flat.iterdir())
    calc.convert(files, CSV_FILTER, tmp / "csv")
    calc.convert(files, XLSX_FILTER, tmp / "saved")
    return Opened({n: flat / n for n in books}, tmp / "csv", tmp / "saved")


COMMUNITIES: list[list[object]] = [
    ["东湖区社区名单"], [],
    ["序号", "区", "街道(乡镇)", "社区名称", "党组织", "门宽(mm)", "联系人"],
    [1, "东湖区", "百花洲街道", "彭家桥社区", "党 总支", "1,500", "张三"],
    [2, "东湖区", "百花洲街道", "墩子塘社区", "党支部", 1200, ""],
]


def _sheets(opened: Opened, name: str) -> dict[str, list[list[Cell]]]:
    """What LibreOffice exported of each sheet of ``name``, by sheet title."""
    book = openpyxl.load_workbook(opened.books[name], read_only=True)
    stem = Path(name).stem
    out = {title: read_cells(opened.csv / f"{stem}-{title}.csv") for title in book.sheetnames
           if (opened.csv / f"{stem}-{title}.csv").is_file()}
    book.close()
    return out


def _ours(path: Path) -> dict[str, list[list[Any]]]:
    """Each sheet's cell values as openpyxl reads the file we wrote."""
    book = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
            for ws in book.worksheets}


def _trim(rows: list[list[Any]], empty: Any) -> list[list[Any]]:
    """Rows without trailing empty cells, and without trailing empty rows."""
    out = []
    for row in rows:
        row = list(row)
        while row and empty(row[-1]):
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def _expected_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        return f"{value:.15g}"
    return str(value)


def test_libreoffice_opens_every_workbook_with_every_sheet(opened: Opened) -> None:
    """LibreOffice exports every sheet of every workbook, the hidden ones too."""
    for name in opened.books:
        ours = list(_ours(opened.books[name]))
        assert list(_sheets(opened, name)) == ours, name
    assert len(opened.books) == 9


def test_libreoffice_reads_every_cell_as_written(opened: Opened) -> None:
    """Headers, Chinese text and numbers: every cell LibreOffice shows is the one we wrote."""
    for name in opened.books:
        theirs = _sheets(opened, name)
        for title, rows in _ours(opened.books[name]).items():
            want = _trim([[_expected_text(v) for v in row] for row in rows],
                         lambda v: v == "")
            got = _trim([[c.text for c in row] for row in theirs[title]], lambda v: v == "")
            assert got == want, f"{name}: {title}"
    schedule = _sheets(opened, "schedule.xlsx")["signs"]
    assert [c.text for c in schedule[0]][:4] == ["序号", "编号", "类型", "文字"]
    assert any("彭家桥社区" in c.text for c in schedule[1])


def test_numbers_are_numbers_and_text_is_text(opened: Opened) -> None:
    """What we write as a number LibreOffice holds as a number, text as text, and no text
    cell signgen writes looks like a number (numbers stored as text cannot be summed or
    sorted), except identifiers."""
    written = set(WRITTEN)
    for name in opened.books:
        theirs = _sheets(opened, name)
        for title, rows in _ours(opened.books[name]).items():
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is None or value == "":
                        continue
                    cell = theirs[title][r][c]
                    where = f"{name}: {title}!{openpyxl.utils.get_column_letter(c + 1)}{r + 1}"
                    assert cell.is_number == isinstance(value, int | float), where
                    key = str(row[0])
                    if isinstance(value, str) and name in written and \
                            (title, key) not in IDENTIFIERS:
                        assert not NUMERIC.fullmatch(value.strip()), f"{where}: {value!r}"


@pytest.mark.parametrize("name", ["schedule.xlsx", "schedule-en.xlsx"])
def test_schedule_sizes_and_quantities_are_numbers(opened: Opened, name: str) -> None:
    """Every sign's number, height, width and quantity is a number in LibreOffice."""
    from signgen.contractor.schedule import COLUMNS

    rows = _sheets(opened, name)["signs"]
    columns = [key for key, _ in COLUMNS]
    assert len(rows) > 5
    for row in rows[1:]:
        for key in SCHEDULE_NUMBERS:
            assert row[columns.index(key)].is_number, (name, row[1].text, key)


def _validations(path: Path) -> dict[str, tuple[str, list[tuple[Any, ...]], str | None]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: (ws.sheet_state, sorted(
        (dv.type, dv.formula1, str(dv.sqref), bool(dv.allow_blank), dv.errorStyle)
        for dv in ws.data_validations.dataValidation), ws.print_title_rows)
        for ws in book.worksheets}


def test_drop_downs_and_print_setup_survive_a_libreoffice_save(opened: Opened) -> None:
    """Saved again by LibreOffice, each workbook keeps its drop-down lists (same lists, same
    cells), its hidden sheets, and the schedule its header row repeated on every page, its
    A3 landscape one-page-wide setup and its filter. (Frozen panes are view settings, which
    a headless LibreOffice does not save: not checked.)"""
    lists = 0
    for name, path in opened.books.items():
        ours = _validations(path)
        assert _validations(opened.saved / name) == ours, name
        lists += sum(len(v[1]) for v in ours.values())
    assert lists >= 20
    assert _validations(opened.saved / "plan.xlsx")["选项 Lists"][0] == "hidden"
    assert _validations(opened.saved / "schedule.xlsx")["signs"][2] == "$1:$1"
    signs = openpyxl.load_workbook(opened.saved / "schedule.xlsx")["signs"]
    setup = signs.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", int(signs.PAPERSIZE_A3), 1, 0)  # A3 landscape, one page wide
    last = openpyxl.utils.get_column_letter(signs.max_column)
    assert signs.auto_filter.ref == f"A1:{last}{signs.max_row}"


def _without(text: str, *paths: Path) -> str:
    for path in paths:
        text = text.replace(str(path), "FILE").replace(path.name, "FILE")
    return text


def test_workbooks_saved_by_libreoffice_read_the_same(opened: Opened, runner: CliRunner,
                                                      standard: Standard) -> None:
    """A plan, a survey and a communities list saved by LibreOffice give the same plan check,
    the same audit verdicts and the same communities as the files we wrote."""
    for command, name in (("check-plan", "plan-filled.xlsx"), ("audit", "survey-filled.xlsx")):
        ours, saved = opened.books[name], opened.saved / name
        a = runner.invoke(main, [command, str(ours), "--specs", str(SPECS)])
        b = runner.invoke(main, [command, str(saved), "--specs", str(SPECS)])
        assert a.exit_code == b.exit_code and a.exit_code in (0, 1), a.output
        assert _without(b.output, saved) == _without(a.output, ours)
        assert len(a.output.splitlines()) > 10
    ours = list(read_communities(opened.books["communities.xlsx"], standard))
    saved = list(read_communities(opened.saved / "communities.xlsx", standard))
    assert all(isinstance(r, CommunityRow) for r in ours) and len(ours) == 2
    assert [(r.line, r.values, r.door_width_mm) for r in saved if isinstance(r, CommunityRow)] \
        == [(r.line, r.values, r.door_width_mm) for r in ours if isinstance(r, CommunityRow)]


def test_read_cells_tells_quoted_text_from_numbers(tmp_path: Path) -> None:
    """The CSV reader keeps quoting: quoted text (with commas, quotes, newlines) vs numbers."""
    path = tmp_path / "x.csv"
    path.write_text('"a, ""b""",12.5,\n"two\nlines",,"900"\n', encoding="utf-8")
    assert read_cells(path) == [[Cell('a, "b"', True), Cell("12.5", False), Cell("", False)],
                                [Cell("two\nlines", True), Cell("", False), Cell("900", True)]]
