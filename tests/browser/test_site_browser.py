"""The built site in a real browser: pages load offline, plaques show, search and print work.

Pages are found in the built site (see ``SiteIndex`` in browser_support.py) through the site's
own page table (``signgen.site.pages.STANDARD_PAGES``) or by their content, never by guessed
addresses. Screenshots of every page visited land in ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_support import BrowserSession, SiteIndex, SitePage, screenshot_name

pytestmark = pytest.mark.browser

DOWNLOAD_TYPES = {".svg": "image/svg+xml", ".pdf": "application/pdf", ".png": "image/png"}
# The first bytes of each kind of download (an SVG may start with an XML declaration).
MAGIC = {".svg": (b"<svg", b"<?xml"), ".pdf": (b"%PDF",), ".png": (b"\x89PNG\r\n\x1a\n",)}
NAVIGATION = (".md-header", ".md-sidebar--primary", ".md-search")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_START = re.compile(r"\s*[A-Za-z]{2,}")


def site_path(url: str) -> str:
    """The site path (e.g. ``functions/``) of an absolute URL on the served site."""
    return urlsplit(url).path.lstrip("/")


def assert_no_errors(session: BrowserSession) -> None:
    """No console error and no response of 400 or more in this session so far."""
    problems = session.console_errors + session.failed_responses
    assert not problems, "errors while loading:\n" + "\n".join(problems)


def test_home_page_loads_without_console_errors(session: BrowserSession) -> None:
    """The Chinese home page loads with a title, no console errors and no failed requests."""
    session.goto("")
    session.page.locator("article h1").first.wait_for(state="visible")
    session.screenshot("home-zh")
    assert_no_errors(session)


def test_plaque_page_shows_its_svg(session: BrowserSession, site_index: SiteIndex) -> None:
    """A plaque page's SVG image has loaded and is drawn at a non-zero size."""
    plaque = site_index.plaque_page()
    session.goto(plaque.path)
    image = session.page.locator("article img[src$='.svg']").first
    image.scroll_into_view_if_needed()
    image.wait_for(state="visible")
    session.page.wait_for_function("img => img.complete", arg=image.element_handle())
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    box = image.bounding_box()
    session.screenshot(screenshot_name("plaque", plaque.path))
    assert natural[0] > 0 and natural[1] > 0, f"{plaque.path}: the SVG did not load ({natural})"
    assert box is not None and box["width"] > 0 and box["height"] > 0, box
    assert_no_errors(session)


def test_plaque_downloads_answer_with_their_types(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """Every SVG, PDF and PNG link on a plaque page answers 200 with its content type."""
    plaque = site_index.plaque_page()
    session.goto(plaque.path)
    hrefs: list[str] = session.page.eval_on_selector_all(
        "article a[href]", "links => links.map(a => a.href)")
    downloads = sorted({h.split("#")[0] for h in hrefs
                        if urlsplit(h).path.lower().endswith(tuple(DOWNLOAD_TYPES))})
    found = {urlsplit(h).path.lower()[-4:] for h in downloads}
    assert found == set(DOWNLOAD_TYPES), f"{plaque.path}: download links {downloads}"
    problems = []
    for url in downloads:
        suffix = urlsplit(url).path.lower()[-4:]
        response = session.context.request.get(url)
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        body = response.body()
        if response.status != 200:
            problems.append(f"{url}: status {response.status}")
        elif content_type != DOWNLOAD_TYPES[suffix]:
            problems.append(f"{url}: content type {content_type!r}")
        elif not body.lstrip().startswith(MAGIC[suffix]):
            problems.append(f"{url}: does not start like a {suffix} file: {body[:20]!r}")
    assert problems == []


def _sample_pages(site_index: SiteIndex) -> list[SitePage]:
    """The English home page, and the first Chinese page of each top-level section.

    The English pages come from the same templates as the Chinese ones; one stands for all.
    """
    seen: set[str] = set()
    sample = [site_index.page("en/")]
    for page in site_index.pages:
        parts = page.path.split("/")
        section = parts[0] if len(parts) > 1 else ""
        if page.lang == "zh" and section not in seen:
            seen.add(section)
            sample.append(page)
    return sample


def test_pages_request_nothing_but_the_local_site(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """A page of each section loads with every request on 127.0.0.1 and none failing."""
    visited = []
    for page in _sample_pages(site_index):
        session.goto(page.path)
        session.screenshot(screenshot_name("page", page.path), full_page=False)
        visited.append(page.path)
    assert len(visited) >= 4, visited
    assert session.requests, "no request was recorded"
    assert session.blocked == [], session.blocked
    elsewhere = [url for url in session.requests
                 if urlsplit(url).scheme in ("http", "https")
                 and urlsplit(url).hostname != "127.0.0.1"]
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
    assert_no_errors(session)


def test_audit_sheet_prints_without_navigation(
        session: BrowserSession, site_index: SiteIndex) -> None:
    """In print media the audit sheet keeps its content and shows no header, nav or search."""
    sheet = site_index.audit_sheet_page()
    session.goto(sheet.path)
    session.page.emulate_media(media="print")
    session.screenshot(screenshot_name("print", sheet.path), full_page=False)
    assert session.page.locator("article h1").first.is_visible()
    visible = [selector for selector in NAVIGATION
               if any(element.is_visible()
                      for element in session.page.locator(selector).all())]
    assert visible == [], f"{sheet.path}: visible in print: {visible}"


@pytest.mark.parametrize("page_key", ["home", "functions"])
def test_english_page_switches_back_to_chinese(
        session: BrowserSession, site_index: SiteIndex, page_key: str) -> None:
    """An English page loads in English; its language switch leads to the same page in Chinese."""
    chinese = site_index.standard_page(page_key)
    english = site_index.page(f"en/{chinese.path}")
    session.goto(english.path)
    title = session.page.locator("article h1").first
    title.wait_for(state="visible")
    session.screenshot(screenshot_name("english", english.path), full_page=False)
    assert LATIN_START.match(title.inner_text()), title.inner_text()
    switch = session.page.locator("a.md-select__link[hreflang^='zh']")
    assert switch.count() == 1, "the English page has no language switch to Chinese"
    session.page.locator(".md-header__option .md-select").first.hover()
    switch.click()
    session.page.wait_for_url(lambda url: not site_path(url).startswith("en/"))
    session.page.locator("article h1").first.wait_for(state="visible")
    session.screenshot(screenshot_name("english-switched", english.path), full_page=False)
    landed = site_path(session.page.url)
    assert landed == chinese.path, (
        f"the 中文 link on {english.path} leads to {landed!r}, not to {chinese.path!r}")
    assert HAN.search(session.page.locator("article h1").first.inner_text())


def test_english_pages_declare_english(session: BrowserSession, site_index: SiteIndex) -> None:
    """English pages say lang="en" (screen readers, fonts, translation offers depend on it)."""
    declared = {}
    for key in ("home", "functions"):
        english = site_index.page(f"en/{site_index.standard_page(key).path}")
        session.goto(english.path)
        declared[english.path] = session.page.locator("html").get_attribute("lang") or ""
    assert all(lang.startswith("en") for lang in declared.values()), (
        f"<html lang> of English pages: {declared}")
