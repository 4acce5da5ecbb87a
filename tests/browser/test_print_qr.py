"""The site's printable pages in Chromium: QR codes that zbar reads off an A4 print, phones.

The audit sheet is printed to PDF by Chromium (``page.pdf``), rasterised by poppler
(``pdftoppm``) and read by zbar (``zbarimg``): the professional's tools, not our own reader.
PDFs, page images and screenshots are kept in ``test-artifacts/``.
"""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex, screenshot_name

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "print"
PHONE = {"width": 375, "height": 812}
PRINTABLE = ("audit_sheet", "checklist", "schedule")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: run scripts/setup.sh (Debian packages zbar-tools, "
                    "poppler-utils)")
    return found


def _print_pdf(session: BrowserSession, path: str, name: str, *, landscape: bool = False) -> Path:
    """The page at ``path`` printed by Chromium on A4, kept as test-artifacts/print/<name>.pdf."""
    session.goto(path)
    session.page.emulate_media(media="print")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(session.page.pdf(format="A4", landscape=landscape,
                                     prefer_css_page_size=False))
    return pdf


def _status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as response:
        return int(response.status)


def test_printed_audit_sheet_codes_open_the_served_rule_pages(
        session: BrowserSession, site_index: SiteIndex, site_url: str) -> None:
    """Every item's code on the A4 print, read by zbar at 150 dpi, is an absolute URL of the
    served site that answers 200; one code per item, each at least 15 mm, modules >= 0.5 mm."""
    sheet = site_index.audit_sheet_page()
    session.goto(sheet.path)
    items = session.page.locator(".sg-audit-sheet .item").count()
    assert items > 0
    session.page.wait_for_function(
        "n => document.querySelectorAll('.sg-audit-sheet figure.qr svg').length === n", arg=items)
    session.page.emulate_media(media="print")
    sizes = session.page.evaluate(
        """() => [...document.querySelectorAll('.sg-audit-sheet figure.qr svg')].map(s => [
             s.getBoundingClientRect().width * 25.4 / 96, s.viewBox.baseVal.width])""")
    # 0.01 mm: Chromium lays the side out in whole device pixels (20.5 mm came out 20.497)
    too_small = [(mm, side) for mm, side in sizes if mm < 15 or mm / side < 0.5 - 0.01]
    assert too_small == [], f"codes under 15 mm or 0.5 mm modules: {too_small[:5]}"
    pdf = _print_pdf(session, sheet.path, "audit-sheet")
    stem = ARTIFACTS / "audit-sheet"
    for old in ARTIFACTS.glob("audit-sheet-*.png"):
        old.unlink()
    subprocess.run([_tool("pdftoppm"), "-r", "150", "-png", str(pdf), str(stem)], check=True)
    pages = sorted(ARTIFACTS.glob("audit-sheet-*.png"))
    assert pages
    decoded: list[str] = []
    for image in pages:
        run = subprocess.run([_tool("zbarimg"), "--quiet", "--raw", "-Sqrcode.enable=1",
                              str(image)], capture_output=True, text=True, check=False)
        assert run.returncode in (0, 4), f"zbarimg {image.name}: {run.stderr}"
        decoded += [line for line in run.stdout.splitlines() if line.strip()]
    assert len(decoded) == items, f"{len(decoded)} codes read by zbar, {items} items"
    outside = [url for url in decoded if not url.startswith(site_url)]
    assert outside == [], f"codes not on the served site {site_url}: {outside[:5]}"
    failing = {url: _status(url) for url in sorted(set(decoded))}
    assert {u: s for u, s in failing.items() if s != 200} == {}


def test_audit_sheet_items_link_to_their_rule_pages(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """On screen every item's title is a link that opens its rule page (200)."""
    sheet = site_index.audit_sheet_page()
    session.goto(sheet.path)
    links = session.page.locator(".sg-audit-sheet .item .title a")
    items = session.page.locator(".sg-audit-sheet .item").count()
    assert links.count() == items
    first = links.first
    href = first.get_attribute("href")
    assert href and "rules/" in href
    first.click()
    session.page.wait_for_load_state("load")
    assert "/rules/" in session.page.url
    assert session.page.locator("article h1").first.is_visible()


@pytest.mark.parametrize("key", PRINTABLE)
def test_printable_pages_fit_a_phone(
        session: BrowserSession, site_index: SiteIndex, key: str) -> None:
    """At 375 x 812 the audit sheet, checklist and schedule scroll only vertically."""
    page = site_index.standard_page(key)
    session.page.set_viewport_size(PHONE)
    session.goto(page.path)
    session.screenshot(screenshot_name("phone", page.path))
    width = session.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.path}: {width} px wide at 375 px"


def test_schedule_prints_every_column_on_a4_landscape(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """The sign schedule printed on A4 landscape shows every column header on page 1."""
    page = site_index.standard_page("schedule")
    session.goto(page.path)
    headers = [h.strip() for h in session.page.locator(
        ".sg-schedule table thead th").all_inner_texts()]
    assert len(headers) >= 10
    pdf = _print_pdf(session, page.path, "schedule", landscape=True)
    run = subprocess.run([_tool("pdftotext"), "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                         capture_output=True, text=True, check=True)
    text = "".join(run.stdout.split())
    missing = [h for h in headers if "".join(h.split()) not in text]
    assert missing == [], f"column headers not on page 1: {missing}"


@pytest.mark.parametrize("key", PRINTABLE)
def test_printable_pages_have_a_community_line_and_a_signature_block(
        session: BrowserSession, site_index: SiteIndex, key: str) -> None:
    """Printed, each printable page names the community and ends with a signature block."""
    page = site_index.standard_page(key)
    session.goto(page.path)
    session.page.emulate_media(media="print")
    signature = session.page.locator(".sg-print .sg-sign, .sg-audit-sheet footer.sign")
    assert signature.count() == 1 and signature.first.is_visible()
    assert "社区" in signature.first.inner_text()
    community = session.page.locator(".sg-print .sg-community-line, .sg-audit-sheet header p")
    assert any("社区" in text for text in community.all_inner_texts())


def test_community_audit_sheet_download_fits_a_phone(session: BrowserSession) -> None:
    """A community's audit-sheet.html (the site's download, made by the same function) has
    a viewport tag and lays out within 375 px."""
    from project_paths import SPECS

    from signgen.site.role_pages import audit_sheet_html_page
    from signgen.spec.load import load_standard

    values = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区"}
    html = audit_sheet_html_page(load_standard(SPECS / "community-premises"), values, "")
    session.page.set_viewport_size(PHONE)
    session.page.set_content(html, wait_until="load")
    session.screenshot("phone-community-audit-sheet")
    assert session.page.locator('meta[name="viewport"]').count() == 1
    width = session.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"audit-sheet.html: {width} px wide at 375 px"
