"""Excel plans on the plan check page, in Chromium: the template filled in by openpyxl (and
re-saved by LibreOffice) loads into the form and is judged as ``signgen check-plan`` judges the
workbook itself; workbooks the CLI refuses or finds fault with get its words; the in-browser
XLSX reader gives every cell as openpyxl does.
"""

from __future__ import annotations

import base64
import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from browser_support import BrowserSession, SiteIndex
from plan_form_support import (
    ASSETS,
    SIZES,
    cli_items,
    filled_template,
    libreoffice_copy,
    open_plan_page,
    page_items,
    run_signgen,
    short_plan,
)

from signgen.spec.model import Standard

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_excel_plan_loads_and_checks_as_the_cli_checks_it(
        session: BrowserSession, site_index: SiteIndex, standard: Standard, size: str,
        tmp_path: Path) -> None:
    """The template filled in (openpyxl; re-saved by LibreOffice on the phone run) loads into
    the form, and the page's items are check-plan's on the workbook itself."""
    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(filled_template(standard, short_plan(standard)))
    if size == "phone":
        workbook = libreoffice_copy(workbook)
    open_plan_page(session, site_index, size)
    session.page.set_input_files("input.sg-load-input", str(workbook))
    session.page.wait_for_selector(".sg-plan-status.sg-ok")
    assert session.page.input_value('[name="rooms.1.name"]') == "综合室"
    items = page_items(session)
    session.screenshot(f"plan-form-excel-{size}")
    status, cli = cli_items(workbook)
    assert status == 1
    assert items == cli


def test_a_bad_excel_plan_gets_the_problems_check_plan_reports(
        session: BrowserSession, site_index: SiteIndex, standard: Standard,
        tmp_path: Path) -> None:
    """A workbook with an area in words and a per-sign field in the general sheet: the page
    lists the problems check-plan reports for that workbook (exit 2), word for word, marks
    the fields, and gives no verdict."""
    import openpyxl

    plan = short_plan(standard)
    plan["rooms"][1] = ("综合室", "四十", *plan["rooms"][1][2:])
    book = openpyxl.load_workbook(io.BytesIO(filled_template(standard, plan)))
    general = book.worksheets[0]
    general.append(["board", "", "党建宣传栏"])  # each board's own text: not a community value
    path = tmp_path / "bad.xlsx"
    book.save(path)
    run = run_signgen("check-plan", str(path))
    assert run.returncode == 2, run.stdout
    expected = [line.split(": ", 1)[1] for line in run.stderr.splitlines()[1:]]
    open_plan_page(session, site_index, "desktop")
    session.page.set_input_files("input.sg-load-input", str(path))
    session.page.wait_for_selector(".sg-plan-report[data-verdict='problems']")
    shown = session.page.eval_on_selector_all(".sg-plan-problems li",
                                              "els => els.map(e => e.textContent)")
    session.screenshot("plan-form-excel-problems")
    # the same problems; the CLI sorts a workbook's by sheet and cell, the page by field
    assert sorted(shown) == sorted(expected)
    assert session.page.get_attribute('[name="rooms.1.area_m2"]', "aria-invalid") == "true"
    assert session.page.get_attribute('[name="community.board"]', "aria-invalid") == "true"
    assert session.page.locator(".sg-plan-report li.sg-item").count() == 0


@pytest.mark.parametrize("kind", ["not-a-zip", "no-rooms-sheet"])
def test_a_workbook_the_cli_refuses_is_refused_with_its_words(
        session: BrowserSession, site_index: SiteIndex, tmp_path: Path, kind: str) -> None:
    """A file that is no workbook, or a workbook without the rooms sheet, is refused on the
    page with the message check-plan gives for it; the form is left as it was."""
    import openpyxl

    path = tmp_path / f"{kind}.xlsx"
    if kind == "not-a-zip":
        path.write_text("not a workbook", encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        book.active.title = "Sheet1"
        book.save(path)
    run = run_signgen("check-plan", str(path))
    assert run.returncode == 2
    message = run.stderr.strip().removeprefix("Error: ").removeprefix(f"{path}: ")
    open_plan_page(session, site_index, "phone")
    session.page.fill('[name="rooms.0.name"]', "kept")
    session.page.set_input_files("input.sg-load-input", str(path))
    status = session.page.locator(".sg-plan-status.sg-fail")
    status.wait_for()
    assert f"{path.name}: {message}" in status.inner_text()
    assert session.page.input_value('[name="rooms.0.name"]') == "kept"
def test_xlsx_reader_reads_cells_as_openpyxl_does(browser: Any, tmp_path: Path,
                                                    standard: Standard) -> None:
    """signgen-xlsx.js gives every sheet's rows as signgen's Python reader (openpyxl) gives
    them: the filled template, and the same re-saved by LibreOffice (dates, booleans, gaps)."""
    import openpyxl

    from signgen.spec.sheetsource import sheet_rows

    book = openpyxl.load_workbook(io.BytesIO(filled_template(standard, short_plan(standard))))
    extra = book.create_sheet("杂项 Misc")
    extra["A1"] = "  spaced  "
    extra["B1"] = 12.5
    extra["C1"] = True
    extra["A3"] = datetime.datetime(2026, 12, 2, 8, 30)
    extra["B3"] = -7
    extra["D4"] = "end"
    source = tmp_path / "cells.xlsx"
    book.save(source)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(ASSETS / "signgen-xlsx.js"))
        for path in (source, libreoffice_copy(source)):
            expected = []
            read = openpyxl.load_workbook(path, read_only=True, data_only=True)
            for sheet in read.worksheets:
                expected.append([sheet.title, [[n, cells] for n, cells in sheet_rows(sheet)]])
            read.close()
            got = page.evaluate("""b64 => SigngenXlsx.readWorkbook(Uint8Array.from(atob(b64),
                c => c.charCodeAt(0)).buffer).then(sheets => sheets.map(s => [s.title, s.rows]))""",
                                base64.b64encode(path.read_bytes()).decode())
            assert _trimmed(got) == _trimmed(expected), path.name
    finally:
        context.close()


def _trimmed(sheets: list[Any]) -> list[Any]:
    """Rows without trailing empty cells and sheets without trailing empty rows: how long a
    row is does not change what either reader finds in it."""
    out = []
    for title, rows in sheets:
        kept = []
        for n, cells in rows:
            cells = list(cells)
            while cells and cells[-1] is None:
                cells.pop()
            kept.append([n, cells])
        while kept and not kept[-1][1]:
            kept.pop()
        out.append([title, kept])
    return out
