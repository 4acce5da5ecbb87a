"""The audit form on the served site, in Chromium, as an auditor uses it on a phone and a PC.

A community page of the bundled site (``examples/communities.csv`` is enabled in
``mkdocs.yml``) is filled: a failing plaque size, a passing one (full-width digits), a note,
a photo from a file. The draft must survive a reload; the exported zip is checked with
Info-ZIP's ``unzip -t``, its photo with Pillow, and judged by ``signgen audit`` in a
subprocess: the same statuses and messages item by item, and the same verdict, as the page
showed. The form's print view is printed to A4 by Chromium and read back with ``pdftotext``.
PDFs and screenshots are kept in ``test-artifacts/``.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "audit-form"
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}
FAILING = "plaque.party-committee-plaque.size"
PASSING = "plaque.workstation-plaque.size"
NOTE = "左侧牌匾偏小 <b>&amp; \"测试\""
FORM = ".sg-audit-form[data-ready]"


def community_page(site_index: SiteIndex, lang: str = "zh") -> str:
    """A community page of the built site that holds an audit form."""
    return site_index.find(
        "a community page with an audit form (communities: in mkdocs.yml)",
        lambda p: re.fullmatch(r"(en/)?communities/[^/]+/", p.path) is not None
        and "audit-form" in p.ids, lang).path


def photo_file(tmp_path: Path) -> Path:
    """A 2400 × 1800 JPEG as a phone camera makes (about 1 MB of noise-like detail)."""
    from PIL import Image

    image = Image.effect_noise((2400, 1800), 60).convert("RGB")
    path = tmp_path / "IMG_0001.jpg"
    image.save(path, quality=92)
    return path


def item(session: BrowserSession, item_id: str) -> Any:
    """The card of one item."""
    return session.page.locator(f'.sg-af-item[data-item="{item_id}"]')


def fill_survey(session: BrowserSession, photo: Path) -> None:
    """Fill the form as an auditor: two sizes, a result, a note and a photo."""
    failing = item(session, FAILING)
    failing.locator('[data-field="measured.height_cm"]').fill("50")
    failing.locator('[data-field="measured.width_cm"]').fill("75")
    failing.locator('[data-field="note"]').fill(NOTE)
    failing.locator('input[type="file"]').set_input_files(str(photo))
    passing = item(session, PASSING)
    passing.locator('[data-field="measured.height_cm"]').fill("５５")
    passing.locator('[data-field="measured.width_cm"]').fill("75cm")
    passing.locator('input[value="pass"]').check()
    session.page.wait_for_function(
        "id => document.querySelector(`.sg-af-item[data-item='${id}'] .sg-af-photo-name`)"
        ".textContent !== ''", arg=FAILING)


def page_verdicts(session: BrowserSession) -> dict[str, Any]:
    """What the page shows: each item's status and message, the verdict lines, exit status."""
    return session.page.evaluate("""() => {
        const root = document.querySelector('.sg-audit-form');
        const items = {};
        for (const card of root.querySelectorAll('.sg-af-item')) {
            items[card.dataset.item] = [card.dataset.status,
                                        card.querySelector('.sg-af-message').textContent];
        }
        return {items, exit: Number(root.querySelector('.sg-af-summary').dataset.exitStatus),
                verdict: [...root.querySelectorAll('.sg-af-verdict p')].map(p => p.textContent),
                storage: root.dataset.storage};
    }""")


def signgen_audit(path: Path, lang: str = "zh") -> tuple[int, dict[str, Any]]:
    """``signgen audit PATH --format json`` in a subprocess: exit status and the report."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "signgen", "audit", str(path),
                           "--format", "json", "--lang", lang], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, check=False)
    assert done.returncode in (0, 1, 3), done.stderr
    return done.returncode, json.loads(done.stdout)


def reopen(session: BrowserSession, path: str, viewport: dict[str, int]) -> None:
    """Close the tab and open ``path`` in a new one of the same browser profile."""
    session.page.close()
    session.page = session.context.new_page()
    session.page.on("pageerror", lambda error: session.page_errors.append(str(error)))
    session.page.set_viewport_size(viewport)
    session.goto(path)
    session.page.wait_for_selector(FORM)


def export_zip(session: BrowserSession, folder: Path) -> Path:
    """Click the export button and keep the download."""
    with session.page.expect_download() as download:
        session.page.click('[data-action="export-zip"]')
    path = folder / download.value.suggested_filename
    download.value.save_as(str(path))
    return path


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_filled_form_survives_reload_and_exports_what_signgen_audit_judges_alike(
        session: BrowserSession, site_index: SiteIndex, tmp_path: Path, device: str) -> None:
    """Fill, reload (kept), export: signgen audit on the zip gives the page's verdicts."""
    session.page.set_viewport_size(VIEWPORTS[device])
    path = community_page(site_index)
    session.goto(path)
    session.page.wait_for_selector(FORM)
    fill_survey(session, photo_file(tmp_path))
    shown = page_verdicts(session)
    assert shown["items"][FAILING][0] == "fail", shown["items"][FAILING]
    assert "50 × 75" in shown["items"][FAILING][1]
    assert shown["items"][PASSING][0] == "pass", shown["items"][PASSING]
    assert shown["exit"] == 1 and shown["storage"] == "ok"
    rule = item(session, FAILING).locator("a.sg-af-rule").evaluate("a => a.href")
    assert session.page.request.get(rule).status == 200, rule
    session.screenshot(f"audit-form-{device}-filled")

    session.page.reload(wait_until="load")
    session.page.wait_for_selector(FORM)
    session.page.wait_for_selector(f'.sg-af-item[data-item="{FAILING}"] img.sg-af-thumb[src]')
    assert item(session, FAILING).locator('[data-field="note"]').input_value() == NOTE
    assert item(session, PASSING).locator('[data-field="measured.height_cm"]').input_value() \
        == "５５"
    assert page_verdicts(session) == shown, "the reloaded draft is judged differently"
    reopen(session, path, VIEWPORTS[device])  # the tab closed, the page opened again in a new one
    session.page.wait_for_selector(f'.sg-af-item[data-item="{FAILING}"] img.sg-af-thumb[src]')
    assert page_verdicts(session) == shown, "the draft did not survive a closed tab"

    bundle = export_zip(session, tmp_path)
    unzip = shutil.which("unzip")
    assert unzip is not None, "unzip not found: run scripts/setup.sh (Debian package unzip)"
    tested = subprocess.run([unzip, "-t", str(bundle)], capture_output=True, text=True,
                            check=False)
    assert tested.returncode == 0 and "No errors detected" in tested.stdout, tested.stdout
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert names == ["survey.yaml", f"photos/{FAILING}.jpg"]
        from PIL import Image

        with Image.open(io.BytesIO(archive.read(names[1]))) as kept:
            assert max(kept.size) == 1600 and kept.format == "JPEG"
    status, report = signgen_audit(bundle)
    assert status == shown["exit"]
    assert report["verdict_text"] == shown["verdict"]
    judged = {i["id"]: [i["status"], i["message"]] for i in report["items"]}
    assert judged == shown["items"]
    photos = {i["id"]: i["photo"] for i in report["items"] if i["photo"]}
    assert photos == {FAILING: f"photos/{FAILING}.jpg"}
    assert next(i["note"] for i in report["items"] if i["id"] == FAILING) == NOTE


def test_print_view_is_the_a4_report_with_ids_community_and_signature(
        session: BrowserSession, site_index: SiteIndex, tmp_path: Path) -> None:
    """The print button prints the form alone on A4: community line, item ids, the finding
    of each item, a signature block; no page holds a single item."""
    path = community_page(site_index)
    session.goto(path)
    session.page.wait_for_selector(FORM)
    fill_survey(session, photo_file(tmp_path))
    community = session.page.get_attribute(".sg-audit-form", "data-community")
    assert community
    session.page.evaluate("window.print = () => {}")  # Chromium's dialog: page.pdf instead
    session.page.click('[data-action="print"]')
    assert session.page.get_attribute("html", "data-sg-print") == "audit-form"
    session.page.emulate_media(media="print")
    hidden = session.page.evaluate(
        "() => getComputedStyle(document.querySelector('#plaques')).display")
    assert hidden == "none", "the page's other sections print with the form"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "audit-form-print.pdf"
    pdf.write_bytes(session.page.pdf(format="A4", prefer_css_page_size=True))
    ids = session.page.evaluate(
        "() => [...document.querySelectorAll('.sg-af-item')].map(c => c.dataset.item)")
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    flat = "".join(text.split())
    assert "".join(community.split()) in flat
    assert "核查人签字" in text and "不合格" in text
    assert "50×75" in flat and "".join(NOTE.split()) in flat
    assert all(i in flat for i in ids), [i for i in ids if i not in flat]
    counts = [sum(1 for i in ids if i in "".join(p.split())) for p in pages]
    assert 1 not in counts, f"a printed page holds a lone item: items per page {counts}"
    signed = [n for n, p in zip(counts, pages, strict=True) if "核查人签字" in p]
    assert signed and signed[0] >= 2, f"the signature block prints without items: {counts}"


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF, as poppler's pdftotext reads it."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext not found: run scripts/setup.sh (poppler-utils)"
    text = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


# What a browser in private mode or with site data blocked does: writes refused, no
# database (the way older Safari and Chromium with blocked site data answer).
NO_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("storage disabled", "QuotaExceededError");
};
IDBFactory.prototype.open = function () {
  throw new DOMException("storage disabled", "SecurityError");
};
"""


def test_without_storage_the_form_says_so_and_still_judges(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """Where the browser refuses storage the form says drafts are not kept, and judges."""
    session.context.add_init_script(NO_STORAGE)
    session.goto(community_page(site_index))
    session.page.wait_for_selector(FORM)
    assert session.page.get_attribute(".sg-audit-form", "data-storage") == "none"
    notice = session.page.locator(".sg-af-notice").first.text_content() or ""
    assert "不允许保存草稿" in notice and "导出" in notice
    item(session, FAILING).locator('[data-field="measured.height_cm"]').fill("50")
    item(session, FAILING).locator('[data-field="measured.width_cm"]').fill("75")
    assert page_verdicts(session)["items"][FAILING][0] == "fail"
    session.screenshot("audit-form-no-storage", full_page=False)


def test_english_template_form_judges_and_explains_a_refused_value(
        session: BrowserSession, tmp_path: Path) -> None:
    """The template community's form in English: origin choice, a refused value named
    with signgen audit's message (no export until it is put right), the YAML export
    judged alike by signgen audit."""
    from signgen.site.pages import STANDARD_PAGES

    session.page.set_viewport_size(VIEWPORTS["phone"])
    session.goto("en/" + STANDARD_PAGES["audit_form"].removesuffix(".md") + "/")
    session.page.wait_for_selector(FORM)
    session.page.select_option('[data-header="origin"]', "purchased")
    area = session.page.locator('.sg-af-item[data-kind="area"]').first
    area.locator('[data-field="measured_m2"]').fill("310,5")
    problem = area.locator(".sg-af-problem").text_content() or ""
    assert "use a decimal point" in problem or "310.5" in problem, problem
    area_id = area.get_attribute("data-item")
    assert area_id
    item(session, FAILING).locator('[data-field="measured.height_cm"]').fill("55")
    item(session, FAILING).locator('[data-field="measured.width_cm"]').fill("75")
    shown = page_verdicts(session)
    assert shown["items"][FAILING][0] == "pass" and shown["items"][area_id][0] == "unchecked"
    session.screenshot("audit-form-en-template-phone")
    downloads: list[Any] = []
    session.page.on("download", lambda d: downloads.append(d))
    session.page.click('[data-action="export-yaml"]')
    blocked = session.page.locator(".sg-af-notice").first.text_content() or ""
    assert "could not be read" in blocked and area_id in blocked and not downloads
    area.locator('[data-field="measured_m2"]').fill("310.5")
    shown = page_verdicts(session)
    assert shown["items"][area_id][0] == "fail"
    with session.page.expect_download() as download:
        session.page.click('[data-action="export-yaml"]')
    survey = tmp_path / "survey.yaml"
    download.value.save_as(str(survey))
    status, report = signgen_audit(survey, "en")
    assert status == shown["exit"] and report["origin"] == "purchased"
    assert {i["id"]: [i["status"], i["message"]] for i in report["items"]} == shown["items"]


PHOTOS = ["photos/a.jpg", " photos/b.JPEG ", "../x.jpg", "/etc/x.png", "a\\b.jpg", "C:/x.jpg",
          "photos//x.jpg", "photos/./x.jpg", "photos/x.txt", "x" * 196 + ".jpg",
          "x" * 197 + ".jpg", "照片/门牌.heic", 12, True, ["a.jpg"]]


def test_photo_paths_are_read_as_signgen_audit_reads_them(
        session: BrowserSession, standard: Any) -> None:
    """The browser judge reads an item's photo path as signgen audit does: the same
    refusals (path outside the folder, not an image, not text) for the same item."""
    from signgen.audit.export import audit_data
    from signgen.audit.survey import parse_survey
    from signgen.errors import SigngenError
    from signgen.spec.yamlsource import Locator

    data = audit_data(standard, {})
    ids = [i["id"] for i in data["items"]][:len(PHOTOS)]
    items = {i: {"photo": p} for i, p in zip(ids, PHOTOS, strict=True)}
    info = standard.standard
    survey = {"survey": {"standard": info.id, "edition": info.edition, "community": {}},
              "items": items}
    try:
        parse_survey(survey, Locator("s.yaml"), standard)
        python: list[list[str]] = []
    except SigngenError as error:
        python = sorted([p.field, p.message.en] for p in error.problems)
    session.goto("audit-form/")
    session.page.wait_for_selector(FORM)
    browser = session.page.evaluate("""([data, items]) => SigngenAudit.judge(data,
        {origin: null, items}, "en").problems.map(p => ["items." + p.item + "." + p.field,
        p.message_en]).sort()""", [data, items])
    assert len(python) == 11 and sorted(browser) == python
