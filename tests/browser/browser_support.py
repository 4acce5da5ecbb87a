"""Helpers for the browser tests: find pages in the built site, drive a recorded browser page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Response

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


# --- finding pages in the built site ----------------------------------------------------------


class _PageScan(HTMLParser):
    """The parts of a built page the tests look for: h1, images and links in the content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.h1 = ""
        self.images: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self._in_article = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        # Material's content is one <article>, never nested.
        if tag == "article" and "md-content__inner" in values.get("class", "").split():
            self._in_article = True
        if not self._in_article:
            return
        if "id" in values:
            self.ids.append(values["id"])
        if tag == "h1" and not self.h1:
            self._in_h1 = True
        elif tag == "img" and values.get("src"):
            self.images.append(values["src"])
        elif tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        elif tag == "article":
            self._in_article = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data


@dataclass(frozen=True)
class SitePage:
    """One built page: its URL path relative to the site root (``""`` is the home page)."""

    path: str
    lang: str
    h1: str
    images: tuple[str, ...]
    links: tuple[str, ...]
    ids: tuple[str, ...]

    def resolve(self, href: str) -> str:
        """A link of this page as a path relative to the site root, without query or anchor."""
        absolute = urlsplit(urljoin(f"http://site/{self.path}", href))
        return unquote(absolute.path).lstrip("/") if absolute.netloc == "site" else href

    def downloads(self, *suffixes: str) -> list[str]:
        """Site paths of the content's links to files ending in one of ``suffixes``."""
        paths = [self.resolve(href) for href in self.links]
        return sorted({p for p in paths if p.lower().endswith(suffixes)})

    def image_paths(self, *suffixes: str) -> list[str]:
        """Site paths of the content's images ending in one of ``suffixes``."""
        paths = [self.resolve(src) for src in self.images]
        return [p for p in paths if p.lower().endswith(suffixes)]


class SiteIndex:
    """Every HTML page of the built site, to find the pages a test needs by their content."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.pages: list[SitePage] = []
        for html_file in sorted(site_dir.rglob("index.html")):
            rel = html_file.parent.relative_to(site_dir).as_posix()
            if rel.startswith(("assets", "search")):
                continue
            scan = _PageScan()
            scan.feed(html_file.read_text(encoding="utf-8"))
            path = "" if rel == "." else f"{rel}/"
            lang = "en" if path.startswith("en/") else "zh"
            self.pages.append(SitePage(path, lang, " ".join(scan.h1.split()),
                                       tuple(scan.images), tuple(scan.links), tuple(scan.ids)))

    def page(self, path: str) -> SitePage:
        """The page at ``path`` (e.g. ``"functions/"``); fails the test if there is none."""
        for page in self.pages:
            if page.path == path:
                return page
        pytest.fail(f"the built site has no page {path!r}")

    def find(self, description: str, match: Any, lang: str = "zh") -> SitePage:
        """The first page (in path order) of ``lang`` for which ``match(page)`` is true."""
        for page in self.pages:
            if page.lang == lang and match(page):
                return page
        pytest.fail(f"the built site has no {lang} page that is {description}")

    def plaque_page(self) -> SitePage:
        """A Chinese plaque page (``plaques/<id>/``): an SVG image and downloads of it."""
        return self.find(
            "a plaque page (plaques/<id>/ showing an SVG image with SVG, PDF and PNG downloads)",
            lambda p: re.fullmatch(r"plaques/[^/]+/", p.path) is not None
            and bool(p.image_paths(".svg")) and bool(p.downloads(".pdf")))

    def standard_page(self, key: str) -> SitePage:
        """The core standard's Chinese page ``key`` (a key of the site's ``STANDARD_PAGES``)."""
        from signgen.site.pages import STANDARD_PAGES

        return self.page(directory_url(STANDARD_PAGES[key]))

    def functions_page(self) -> SitePage:
        """The Chinese room-functions page (functions and areas)."""
        return self.standard_page("functions")

    def audit_sheet_page(self) -> SitePage:
        """The Chinese audit sheet page."""
        return self.standard_page("audit_sheet")


def directory_url(src_uri: str) -> str:
    """The URL path MkDocs gives a Markdown source path with ``use_directory_urls``.

    >>> directory_url("index.md"), directory_url("rules/index.md"), directory_url("a/b.md")
    ('', 'rules/', 'a/b/')
    """
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


@dataclass
class BrowserSession:
    """A fresh browser context on the served site, with everything it requested recorded."""

    base_url: str
    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        """Absolute URL of a site path such as ``"plaques/name-sign/"``."""
        return urljoin(self.base_url, path)

    def goto(self, path: str) -> Response:
        """Open a site path, wait for it to load, and check it answered 200."""
        response = self.page.goto(self.url(path), wait_until="load")
        assert response is not None, f"no response for {path!r}"
        assert response.status == 200, f"{path!r} answered {response.status}"
        return response

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """Keep a screenshot as ``test-artifacts/screenshots/<name>.png`` (a stable name)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        return path


def screenshot_name(prefix: str, path: str) -> str:
    """A stable file name for a screenshot of a site path.

    >>> screenshot_name("page", "en/plaques/name-sign/")
    'page-en-plaques-name-sign'
    """
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", path).strip("-") or "home"
    return f"{prefix}-{slug}"
