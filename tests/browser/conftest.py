"""Browser fixtures: the site built once, served on 127.0.0.1, and Chromium through Playwright.

The site is built from the repository's ``mkdocs.yml`` (strict) into a temporary folder and
served by a threaded ``http.server``. Every test gets a fresh browser context whose requests
are all recorded; a request to any host but 127.0.0.1 is aborted and fails the test, so an
offline site that is not offline fails loudly instead of hanging.

Chromium is Debian's ``/usr/bin/chromium`` (never ``playwright install``). When it is missing
the tests fail and say how to install it (CI must really run them); ``SIGNGEN_SKIP_BROWSER=1``
skips them.
"""

from __future__ import annotations

import mimetypes
import os
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# SIGNGEN_SITE_CONFIG points the tests at another mkdocs.yml (e.g. a site being developed).
MKDOCS_YML = Path(os.environ.get("SIGNGEN_SITE_CONFIG", ROOT / "mkdocs.yml"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"
# Desktop width: Material shows its search box in the header from 1220 px.
VIEWPORT = {"width": 1280, "height": 900}
# Bounded but generous: two cores are shared with other jobs.
ACTION_TIMEOUT_MS = 20_000
NAVIGATION_TIMEOUT_MS = 30_000

# The types the downloads must be served with, registered explicitly: Python's defaults
# depend on the machine's /etc/mime.types.
CONTENT_TYPES = {
    ".svg": "image/svg+xml",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".json": "application/json",
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".xml": "application/xml",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
for _suffix, _type in CONTENT_TYPES.items():
    mimetypes.add_type(_type, _suffix)


# --- the built site ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per session from ``mkdocs.yml`` in strict mode."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not MKDOCS_YML.is_file():
        pytest.fail(f"{MKDOCS_YML} not found: the browser tests build the site from it")
    site_dir = tmp_path_factory.mktemp("site")
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("NO_MKDOCS_2_WARNING", "1")  # Material's notice on every build
            build(load_config(str(MKDOCS_YML), site_dir=str(site_dir), strict=True))
    except (MkDocsException, SystemExit) as error:
        pytest.fail(f"mkdocs build --strict of {MKDOCS_YML} failed: {error}")
    return site_dir


class _SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files with explicit content types; a directory URL serves its index.html."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output is not the place for an access log."""


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in /) of the built site, served on 127.0.0.1 on a free port."""
    handler = partial(_SiteRequestHandler, directory=str(built_site))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_index(built_site: Path) -> SiteIndex:
    """The built site's pages, to find the one a test needs."""
    return SiteIndex(built_site)


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """Playwright's driver; fails without Chromium (SIGNGEN_SKIP_BROWSER=1 skips instead)."""
    if os.environ.get("SIGNGEN_SKIP_BROWSER") == "1":
        pytest.skip("SIGNGEN_SKIP_BROWSER=1: browser tests skipped")
    problem = ""
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing: run `bash scripts/setup.sh` to install Chromium"
    else:
        try:
            import playwright.sync_api  # noqa: F401 (checking that it is installed)
        except ImportError:
            problem = "playwright is not installed: run `bash scripts/setup.sh`"
    if problem:
        pytest.fail(f"{problem} (or set SIGNGEN_SKIP_BROWSER=1 to skip the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Headless Debian Chromium, launched once per session."""
    chromium = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=NAVIGATION_TIMEOUT_MS)
    yield chromium
    chromium.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname == LOCAL_HOST


@pytest.fixture
def session(browser: Browser, site_url: str) -> Iterator[BrowserSession]:
    """A fresh context and page on the site; fails the test on any non-local request."""
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN", service_workers="block")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page = context.new_page()
    recorded = BrowserSession(site_url, context, page)

    def route(route: Any) -> None:
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            recorded.blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    context.on("request", lambda request: recorded.requests.append(request.url))
    page.on("console", lambda message: recorded.console_errors.append(
        f"{message.text} ({message.location.get('url', '')})") if message.type == "error" else None)
    page.on("pageerror", lambda error: recorded.page_errors.append(str(error)))
    page.on("response", lambda response: recorded.failed_responses.append(
        f"{response.status} {response.url}") if response.status >= 400 else None)
    try:
        yield recorded
    finally:
        context.close()
    assert not recorded.blocked, (
        "the site requested hosts other than 127.0.0.1 (it must work offline): "
        + ", ".join(recorded.blocked))
    assert not recorded.page_errors, "JavaScript errors: " + "; ".join(recorded.page_errors)
