"""Helpers for the plan check page's browser tests: a plan typed as people type it, the form
filled as a person fills it, the page's items, and what the CLI says of the same plan."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex

from signgen.contractor.plan_template import plan_template_xlsx
from signgen.spec.model import Standard

ARTIFACTS = ROOT / "test-artifacts" / "plan-form"
ASSETS = ROOT / "signgen" / "site" / "theme" / "assets" / "javascripts"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}
REPORT_ITEMS = """() => [...document.querySelectorAll('.sg-plan-report li.sg-item')].map(li =>
    [li.dataset.id, li.dataset.status, li.querySelector('.sg-text').textContent])"""


def short_plan(standard: Standard) -> dict[str, Any]:
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


def open_plan_page(session: BrowserSession, site_index: SiteIndex, size: str) -> None:
    """Open the Chinese plan check page at ``size`` (a key of :data:`SIZES`), form drawn."""
    session.page.set_viewport_size(SIZES[size])
    session.goto(site_index.standard_page("plan_check").path)
    session.page.wait_for_selector(".sg-plan-report h2")


def fill_form(session: BrowserSession, plan: dict[str, Any]) -> None:
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


def page_items(session: BrowserSession) -> list[list[str]]:
    """[id, status, text] of every item the page shows, once it has a verdict."""
    session.page.wait_for_selector(".sg-plan-report[data-verdict]")
    items: list[list[str]] = session.page.evaluate(REPORT_ITEMS)
    return items


def run_signgen(*args: str) -> subprocess.CompletedProcess[str]:
    """``signgen ARGS`` in this checkout, its output captured."""
    return subprocess.run([sys.executable, "-m", "signgen", *args], capture_output=True,
                          text=True, check=False, cwd=ROOT)


def cli_items(plan: Path, lang: str = "zh", *options: str) -> tuple[int, list[list[str]]]:
    """``signgen check-plan PLAN --format json``: its exit status and items."""
    run = run_signgen("check-plan", str(plan), "--format", "json", "--lang", lang, *options)
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)
    return run.returncode, [[i["id"], i["status"], i["text"]] for s in report["sections"]
                            for i in s["items"]]


def download(session: BrowserSession, button: str, name: str) -> Path:
    """Click ``button`` and keep the file it downloads as ``test-artifacts/plan-form/NAME``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with session.page.expect_download() as info:
        session.page.click(button)
    path = ARTIFACTS / name
    info.value.save_as(path)
    return path


def filled_template(standard: Standard, plan: dict[str, Any]) -> bytes:
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


def libreoffice_copy(source: Path) -> Path:
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
