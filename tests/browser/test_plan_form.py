"""The plan check page in Chromium, at phone and desktop widths, judged against the CLI.

A contractor's plan is entered in the form (or loaded from the Excel template, filled by
openpyxl and re-saved by LibreOffice), the page's verdicts are read off the page, and the plan
file the page downloads is run through ``signgen check-plan`` (and the workbook itself): the
same items, statuses and texts. The draft survives a reload, a browser without storage is told
so, the report prints on A4 (read back by poppler's ``pdftotext``), and no request leaves
127.0.0.1 (the ``session`` fixture fails the test otherwise). Screenshots and PDFs are kept
in ``test-artifacts/``.
"""

from __future__ import annotations

import base64
import csv as csv_module
import datetime
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex

from signgen.contractor.messages import SCHEDULE
from signgen.contractor.plan_template import plan_template_xlsx
from signgen.spec.load import load_standards
from signgen.spec.model import Standard

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "plan-form"
ASSETS = ROOT / "signgen" / "site" / "theme" / "assets" / "javascripts"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}
REPORT_ITEMS = """() => [...document.querySelectorAll('.sg-plan-report li.sg-item')].map(li =>
    [li.dataset.id, li.dataset.status, li.querySelector('.sg-text').textContent])"""


@pytest.fixture(scope="module")
def standard() -> Standard:
    """The core standard the site's root pages are about."""
    return next(s for s in load_standards(ROOT / "specs") if s.standard.role == "core")


def _short_plan(standard: Standard) -> dict[str, Any]:
    """A plan 10 m² short of the total area (310 m²), typed as people type: full-width
    digits, an alternative name; the rehabilitation room missing."""
    f = {fn.id: fn for fn in standard.functions}
    zone = {z.id: z.name for z in standard.zones}
    return {
        "community": {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区"},
        "origin": standard.origins[1].name,
        "rooms": [
            ("一站式服务大厅", "90", zone["office"], [f["one-stop-hall"].name]),
            ("综合室", "４０", zone["office"], [f["police-room"].name, f["archive-room"].name]),
            ("调解室", "20", zone["office"], [f["reception-room"].standard_names[1]]),
            ("文体活动室", "80", zone["activity"], [f["culture-sports-room"].name]),
            ("多功能会议室", "50", zone["activity"], [f["meeting-room"].name]),
            ("图书阅览室", "30", zone["activity"], [f["library"].name]),
        ],
        "windows": [c.name for c in standard.window_categories[:2]],
        "boards": [b.name for b in standard.boards[:2]],
    }


def _open(session: BrowserSession, site_index: SiteIndex, size: str) -> None:
    session.page.set_viewport_size(SIZES[size])
    session.goto(site_index.standard_page("plan_check").path)
    session.page.wait_for_selector(".sg-plan-report h2")


def _fill(session: BrowserSession, plan: dict[str, Any]) -> None:
    """Enter ``plan`` in the form as a person would: type, pick, add rows."""
    page = session.page
    for key, value in plan["community"].items():
        page.fill(f'[name="community.{key}"]', value)
    page.select_option('[name="origin"]', value=plan["origin"])
    for i, (name, area, zone, functions) in enumerate(plan["rooms"]):
        if i:
            page.click("button.sg-add-room")
        page.fill(f'[name="rooms.{i}.name"]', name)
        page.fill(f'[name="rooms.{i}.area_m2"]', area)
        page.select_option(f'[name="rooms.{i}.zone"]', value=zone)
        for j, function in enumerate(functions):
            if j:
                page.locator(f'.sg-room[data-row="{i}"] button.sg-add-function').click()
            page.select_option(f'[name="rooms.{i}.functions.{j}"]', value=function)
    for key in ("windows", "boards"):
        for i, name in enumerate(plan[key]):
            page.click(f"button.sg-add-{key}")
            page.fill(f'[name="{key}.{i}"]', name)


def _page_items(session: BrowserSession) -> list[list[str]]:
    session.page.wait_for_selector(".sg-plan-report[data-verdict]")
    items: list[list[str]] = session.page.evaluate(REPORT_ITEMS)
    return items


def _signgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "signgen", *args], capture_output=True,
                          text=True, check=False, cwd=ROOT)


def _cli_items(plan: Path, lang: str = "zh", *options: str) -> tuple[int, list[list[str]]]:
    """``signgen check-plan PLAN --format json``: its exit status and items."""
    run = _signgen("check-plan", str(plan), "--format", "json", "--lang", lang, *options)
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)
    return run.returncode, [[i["id"], i["status"], i["text"]] for s in report["sections"]
                            for i in s["items"]]


def _download(session: BrowserSession, button: str, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with session.page.expect_download() as info:
        session.page.click(button)
    path = ARTIFACTS / name
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("size", list(SIZES))
def test_short_plan_fails_its_areas_with_the_cli_texts(
        session: BrowserSession, site_index: SiteIndex, standard: Standard, size: str) -> None:
    """A plan of 310 m² entered in the form fails the area items; every item the page shows
    (id, status, text) is the one check-plan gives for the plan file the page downloads; the
    page is no wider than the screen."""
    _open(session, site_index, size)
    _fill(session, _short_plan(standard))
    items = _page_items(session)
    session.screenshot(f"plan-form-short-{size}")
    width = session.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], f"the page is {width} px wide at {size} width"
    failing = {i[0]: i[2] for i in items if i[1] == "fail"}
    assert "area:area-total" in failing, items
    assert "310" in failing["area:area-total"]
    plan = _download(session, "button.sg-download-plan", f"plan-short-{size}.yaml")
    status, cli = _cli_items(plan)
    assert status == 1
    assert items == cli
    verdict = session.page.get_attribute(".sg-plan-report", "data-verdict")
    assert verdict == "not-compliant"


def test_english_page_gives_the_english_cli_texts(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """On the English site the same plan gives check-plan --lang en's items."""
    session.page.set_viewport_size(SIZES["desktop"])
    session.goto("en/" + site_index.standard_page("plan_check").path)
    session.page.wait_for_selector(".sg-plan-report h2")
    _fill(session, _short_plan(standard))
    items = _page_items(session)
    plan = _download(session, "button.sg-download-plan", "plan-short-en.yaml")
    assert items == _cli_items(plan, "en")[1]


def test_a_second_standard_is_checked_against_its_own_spec(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """The supplementary standard's page (no zones, no origins, no windows) judges with that
    standard's data: the items of check-plan --standard for the page's plan file."""
    other = next(s for s in load_standards(ROOT / "specs") if s.standard.role != "core")
    session.page.set_viewport_size(SIZES["phone"])
    session.goto(f"{other.id}/" + site_index.standard_page("plan_check").path)
    session.page.wait_for_selector(".sg-plan-report h2")
    assert session.page.locator('[name="origin"], [name="rooms.0.zone"]').count() == 0
    session.page.fill('[name="rooms.0.name"]', "活动中心")
    session.page.fill('[name="rooms.0.area_m2"]', "1,500")
    session.page.select_option('[name="rooms.0.functions.0"]',
                               value=other.functions[0].standard_names[-1])
    items = _page_items(session)
    plan = _download(session, "button.sg-download-plan", "plan-second-standard.yaml")
    assert items == _cli_items(plan, "zh", "--standard", other.id)[1]


def _filled_template(standard: Standard, plan: dict[str, Any]) -> bytes:
    """The site's Excel template filled in by openpyxl, with a blank row between rooms."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(plan_template_xlsx(standard)))
    general, rooms, entries = book.worksheets[0], book.worksheets[1], book.worksheets[2]
    keys = {general.cell(row=r, column=1).value: r for r in range(2, general.max_row + 1)}
    for key, value in plan["community"].items():
        general.cell(row=keys[key], column=3, value=value)
    general.cell(row=keys["origin"], column=3, value=plan["origin"])
    row = 2
    for name, area, zone, functions in plan["rooms"]:
        number: Any = int(area) if area.isascii() else area
        for col, value in enumerate([name, number, zone, *functions], start=1):
            rooms.cell(row=row, column=col, value=value)
        row += 2 if row == 3 else 1  # a blank row: skipped, as the CLI skips it
    for col, key in ((1, "windows"), (2, "boards")):
        for i, name in enumerate(plan[key], start=2):
            entries.cell(row=i, column=col, value=name)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _libreoffice_copy(source: Path) -> Path:
    """``source`` opened and saved again by LibreOffice (its own XML, shared strings...)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("soffice not found: run scripts/setup.sh (Debian package libreoffice-calc)")
    out = source.parent / "libreoffice"
    out.mkdir(exist_ok=True)
    profile = source.parent / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    str(source)], check=True, capture_output=True, timeout=180)
    return out / source.name


@pytest.mark.parametrize("size", list(SIZES))
def test_excel_plan_loads_and_checks_as_the_cli_checks_it(
        session: BrowserSession, site_index: SiteIndex, standard: Standard, size: str,
        tmp_path: Path) -> None:
    """The template filled in (openpyxl; re-saved by LibreOffice on the phone run) loads into
    the form, and the page's items are check-plan's on the workbook itself."""
    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(_filled_template(standard, _short_plan(standard)))
    if size == "phone":
        workbook = _libreoffice_copy(workbook)
    _open(session, site_index, size)
    session.page.set_input_files("input.sg-load-input", str(workbook))
    session.page.wait_for_selector(".sg-plan-status.sg-ok")
    assert session.page.input_value('[name="rooms.1.name"]') == "综合室"
    items = _page_items(session)
    session.screenshot(f"plan-form-excel-{size}")
    status, cli = _cli_items(workbook)
    assert status == 1
    assert items == cli


def test_a_bad_excel_plan_gets_the_problems_check_plan_reports(
        session: BrowserSession, site_index: SiteIndex, standard: Standard,
        tmp_path: Path) -> None:
    """A workbook with an area in words and a per-sign field in the general sheet: the page
    lists the problems check-plan reports for that workbook (exit 2), word for word, marks
    the fields, and gives no verdict."""
    import openpyxl

    plan = _short_plan(standard)
    plan["rooms"][1] = ("综合室", "四十", *plan["rooms"][1][2:])
    book = openpyxl.load_workbook(io.BytesIO(_filled_template(standard, plan)))
    general = book.worksheets[0]
    general.append(["board", "", "党建宣传栏"])  # each board's own text: not a community value
    path = tmp_path / "bad.xlsx"
    book.save(path)
    run = _signgen("check-plan", str(path))
    assert run.returncode == 2, run.stdout
    expected = [line.split(": ", 1)[1] for line in run.stderr.splitlines()[1:]]
    _open(session, site_index, "desktop")
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


def test_draft_is_kept_across_a_reload(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """What was entered is in the form again after a reload, with the same verdicts."""
    _open(session, site_index, "phone")
    _fill(session, _short_plan(standard))
    before = _page_items(session)
    assert "sg-ok" in (session.page.get_attribute(".sg-plan-storage", "class") or "")
    session.page.reload(wait_until="load")
    session.page.wait_for_selector(".sg-plan-report[data-verdict]")
    assert session.page.input_value('[name="rooms.5.name"]') == "图书阅览室"
    assert session.page.input_value('[name="rooms.1.area_m2"]') == "４０"
    assert _page_items(session) == before


def test_a_browser_without_storage_is_told_so(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """Where storage refuses to keep anything (a private window, a full or blocked store:
    every write throws), the page says the draft is not kept, and still checks."""
    session.page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('storage refused', 'QuotaExceededError'); };""")
    _open(session, site_index, "phone")
    storage = session.page.locator(".sg-plan-storage")
    assert "sg-warn" in (storage.get_attribute("class") or "")
    assert storage.inner_text().strip()
    _fill(session, _short_plan(standard))
    assert _page_items(session)


def test_report_prints_on_a4_with_community_line_and_signature(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """Printed (Chromium, A4), the page holds the report, the community's name and a
    signature line, and no form control."""
    _open(session, site_index, "desktop")
    plan = _short_plan(standard)
    _fill(session, plan)
    _page_items(session)
    session.page.emulate_media(media="print")
    hidden = session.page.evaluate(
        "() => getComputedStyle(document.querySelector('.sg-plan-form')).display")
    assert hidden == "none"
    session.screenshot("plan-form-print")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "plan-report.pdf"
    pdf.write_bytes(session.page.pdf(format="A4", prefer_css_page_size=False))
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext not found: run scripts/setup.sh (Debian package poppler-utils)")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    squashed = "".join(text.split())
    assert "彭家桥社区" in squashed and "签字" in squashed
    assert "差10平方米" in squashed  # the failing total area item
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "(A4)" in info, info


def test_xlsx_reader_reads_cells_as_openpyxl_does(browser: Any, tmp_path: Path,
                                                    standard: Standard) -> None:
    """signgen-xlsx.js gives every sheet's rows as signgen's Python reader (openpyxl) gives
    them: the filled template, and the same re-saved by LibreOffice (dates, booleans, gaps)."""
    import openpyxl

    from signgen.spec.sheetsource import sheet_rows

    book = openpyxl.load_workbook(io.BytesIO(_filled_template(standard, _short_plan(standard))))
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
        for path in (source, _libreoffice_copy(source)):
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


def test_sign_schedule_is_the_cli_schedule_or_the_page_says_how_to_make_it(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """Where the engine makes the schedule, the page's CSV is the bytes of ``signgen schedule
    -o signs.csv`` on the page's plan file; where it cannot, the page says so and names that
    command."""
    _open(session, site_index, "desktop")
    _fill(session, _short_plan(standard))
    _page_items(session)
    plan = _download(session, "button.sg-download-plan", "plan-schedule.yaml")
    if session.page.locator("button.sg-download-schedule").count() == 0:
        note = session.page.inner_text(".sg-schedule-cli")
        assert "signgen schedule plan.yaml -o signs.csv" in note
        return
    csv = _download(session, "button.sg-download-schedule", "signs.csv")
    expected = ARTIFACTS / "signs-cli.csv"
    run = _signgen("schedule", str(plan), "-o", str(expected))
    assert run.returncode == 0, run.stderr
    assert csv.read_bytes() == expected.read_bytes()


def test_a_schedule_width_the_browser_cannot_know_is_said_so(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """A room plaque in characters the site carries no font data for keeps its width range
    in the CSV, and the page says which sign and why (never a guessed width)."""
    _open(session, site_index, "phone")
    session.page.select_option('[name="origin"]', value=standard.origins[0].name)
    session.page.fill('[name="rooms.0.name"]', "蜗牛屋")  # no function: the plaque names the room
    session.page.fill('[name="rooms.0.area_m2"]', "400")
    session.page.select_option('[name="rooms.0.zone"]', value=standard.zones[0].name)
    _page_items(session)
    csv = _download(session, "button.sg-download-schedule", "signs-unknown.csv")
    status = session.page.locator(".sg-plan-status.sg-warn")
    assert "room-plaque-r01" in status.inner_text() and "蜗" in status.inner_text()
    plan = _download(session, "button.sg-download-plan", "plan-unknown.yaml")
    cli = ARTIFACTS / "signs-unknown-cli.csv"
    assert _signgen("schedule", str(plan), "-o", str(cli)).returncode == 0

    def width(path: Path) -> str:
        rows = list(csv_module.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        column = rows[0].index(SCHEDULE.say("c_width", "zh"))
        return next(r[column] for r in rows[1:] if r[0] and "蜗牛屋" in r)

    assert not re.fullmatch(r"[\d.]+", width(csv))  # the range, in words
    assert re.fullmatch(r"[\d.]+", width(cli))  # the CLI has the fonts and lays it out


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
    run = _signgen("check-plan", str(path))
    assert run.returncode == 2
    message = run.stderr.strip().removeprefix("Error: ").removeprefix(f"{path}: ")
    _open(session, site_index, "phone")
    session.page.fill('[name="rooms.0.name"]', "kept")
    session.page.set_input_files("input.sg-load-input", str(path))
    status = session.page.locator(".sg-plan-status.sg-fail")
    status.wait_for()
    assert f"{path.name}: {message}" in status.inner_text()
    assert session.page.input_value('[name="rooms.0.name"]') == "kept"
