"""The plan check page in Chromium, at phone and desktop widths, judged against the CLI.

A contractor's plan is entered in the form, the page's verdicts are read off the page, and
the plan file the page downloads is run through ``signgen check-plan``: the same items,
statuses and texts; the schedule is ``signgen schedule``'s bytes. The draft survives a
reload, a browser without storage is told so, the report prints on A4 (read back by
poppler's ``pdftotext``), and no request leaves 127.0.0.1 (the ``session`` fixture fails the
test otherwise). Excel workbooks: ``test_plan_form_excel.py``. Screenshots and PDFs are kept
in ``test-artifacts/``.
"""

from __future__ import annotations

import csv as csv_module
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex
from plan_form_support import (
    ARTIFACTS,
    SIZES,
    cli_items,
    download,
    fill_form,
    open_plan_page,
    page_items,
    run_signgen,
    short_plan,
)

from signgen.contractor.messages import SCHEDULE
from signgen.spec.load import load_standards
from signgen.spec.model import Standard

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_short_plan_fails_its_areas_with_the_cli_texts(
        session: BrowserSession, site_index: SiteIndex, standard: Standard, size: str) -> None:
    """A plan of 310 m² entered in the form fails the area items; every item the page shows
    (id, status, text) is the one check-plan gives for the plan file the page downloads; the
    page is no wider than the screen, a room is a card on the phone and a row on the desktop,
    and areas get the numeric keyboard."""
    open_plan_page(session, site_index, size)
    fill_form(session, short_plan(standard))
    items = page_items(session)
    session.screenshot(f"plan-form-short-{size}")
    width = session.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], f"the page is {width} px wide at {size} width"
    assert session.page.get_attribute('[name="rooms.0.area_m2"]', "inputmode") == "decimal"
    name, area = (session.page.locator(f'[name="rooms.0.{key}"]').bounding_box()
                  for key in ("name", "area_m2"))
    assert name and area
    if size == "phone":  # a card: the fields one under the other
        assert area["y"] >= name["y"] + name["height"]
    else:  # a table row: the fields side by side
        assert area["y"] == name["y"] and area["x"] > name["x"] + name["width"]
    failing = {i[0]: i[2] for i in items if i[1] == "fail"}
    assert "area:area-total" in failing, items
    assert "310" in failing["area:area-total"]
    plan = download(session, "button.sg-download-plan", f"plan-short-{size}.yaml")
    status, cli = cli_items(plan)
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
    fill_form(session, short_plan(standard))
    items = page_items(session)
    plan = download(session, "button.sg-download-plan", "plan-short-en.yaml")
    assert items == cli_items(plan, "en")[1]


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
    items = page_items(session)
    plan = download(session, "button.sg-download-plan", "plan-second-standard.yaml")
    assert items == cli_items(plan, "zh", "--standard", other.id)[1]


def test_draft_is_kept_across_a_reload(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """What was entered is in the form again after a reload and in a new tab once this one
    is closed, with the same verdicts."""
    open_plan_page(session, site_index, "phone")
    fill_form(session, short_plan(standard))
    before = page_items(session)
    assert "sg-ok" in (session.page.get_attribute(".sg-plan-storage", "class") or "")
    session.page.reload(wait_until="load")
    session.page.wait_for_selector(".sg-plan-report[data-verdict]")
    assert session.page.input_value('[name="rooms.5.name"]') == "图书阅览室"
    assert session.page.input_value('[name="rooms.1.area_m2"]') == "４０"
    assert page_items(session) == before
    url = session.page.url
    session.page.close()
    session.page = session.context.new_page()
    session.page.goto(url, wait_until="load")
    session.page.wait_for_selector(".sg-plan-report[data-verdict]")
    assert page_items(session) == before


def test_a_browser_without_storage_is_told_so(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """Where storage refuses to keep anything (a private window, a full or blocked store:
    every write throws), the page says the draft is not kept, and still checks."""
    session.page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('storage refused', 'QuotaExceededError'); };""")
    open_plan_page(session, site_index, "phone")
    storage = session.page.locator(".sg-plan-storage")
    assert "sg-warn" in (storage.get_attribute("class") or "")
    assert storage.inner_text().strip()
    fill_form(session, short_plan(standard))
    assert page_items(session)


def test_report_prints_on_a4_with_community_line_and_signature(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """Printed (Chromium, A4), the page holds the report, the community's name and a
    signature line, and no form control."""
    open_plan_page(session, site_index, "desktop")
    plan = short_plan(standard)
    fill_form(session, plan)
    page_items(session)
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


def test_sign_schedule_is_the_cli_schedule_or_the_page_says_how_to_make_it(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """Where the engine makes the schedule, the page's CSV is the bytes of ``signgen schedule
    -o signs.csv`` on the page's plan file; where it cannot, the page says so and names that
    command."""
    open_plan_page(session, site_index, "desktop")
    fill_form(session, short_plan(standard))
    page_items(session)
    plan = download(session, "button.sg-download-plan", "plan-schedule.yaml")
    if session.page.locator("button.sg-download-schedule").count() == 0:
        note = session.page.inner_text(".sg-schedule-cli")
        assert "signgen schedule plan.yaml -o signs.csv" in note
        return
    csv = download(session, "button.sg-download-schedule", "signs.csv")
    expected = ARTIFACTS / "signs-cli.csv"
    run = run_signgen("schedule", str(plan), "-o", str(expected))
    assert run.returncode == 0, run.stderr
    assert csv.read_bytes() == expected.read_bytes()


def test_a_schedule_width_the_browser_cannot_know_is_said_so(
        session: BrowserSession, site_index: SiteIndex, standard: Standard) -> None:
    """A room plaque in characters the site carries no font data for keeps its width range
    in the CSV, and the page says which sign and why (never a guessed width)."""
    open_plan_page(session, site_index, "phone")
    session.page.select_option('[name="origin"]', value=standard.origins[0].name)
    session.page.fill('[name="rooms.0.name"]', "蜗牛屋")  # no function: the plaque names the room
    session.page.fill('[name="rooms.0.area_m2"]', "400")
    session.page.select_option('[name="rooms.0.zone"]', value=standard.zones[0].name)
    page_items(session)
    csv = download(session, "button.sg-download-schedule", "signs-unknown.csv")
    status = session.page.locator(".sg-plan-status.sg-warn")
    assert "room-plaque-r01" in status.inner_text() and "蜗" in status.inner_text()
    plan = download(session, "button.sg-download-plan", "plan-unknown.yaml")
    cli = ARTIFACTS / "signs-unknown-cli.csv"
    assert run_signgen("schedule", str(plan), "-o", str(cli)).returncode == 0

    def width(path: Path) -> str:
        rows = list(csv_module.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        column = rows[0].index(SCHEDULE.say("c_width", "zh"))
        return next(r[column] for r in rows[1:] if r[0] and "蜗牛屋" in r)

    assert not re.fullmatch(r"[\d.]+", width(csv))  # the range, in words
    assert re.fullmatch(r"[\d.]+", width(cli))  # the CLI has the fonts and lays it out
