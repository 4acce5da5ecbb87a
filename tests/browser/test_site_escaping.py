"""The site escapes every text a spec or a communities file controls: a strict build from
names carrying markup (scripts, event handlers, a title end tag, Markdown links, quotes) in
every name, English name, label and title of the specs and every column of the communities
file publishes them as text; Chromium loads the pages and no script of theirs runs."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from project_paths import ROOT, SPECS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

EN = ' <script>window.__pwned="en"</script>" onmouseover="window.__pwned=1'
ZH = "<script>window.__pwned='zh'</script>"
ROW = ('"</title><script>window.__pwned=3</script>区",'
       '"<img src=x onerror=window.__pwned=4>街道",'
       '"社区</a><script>window.__pwned=5</script>[x](javascript:alert(1))",党支部\n')
# as markup: a script or img element, or an attribute broken out of its quotes
RAW = re.compile(r"<script>window\.__pwned|<img src=x onerror|<[^<>]*\"\s*onmouseover=")


def _hostile_specs(target: Path) -> Path:
    shutil.copytree(SPECS, target)
    english = re.compile(r"(\b(?:name_en|title_en|label_en): )([^\"',{}\[\]\n][^,{}\[\]\n]*?)"
                         r"(?=\s*[,}\n])")
    chinese = re.compile(r"(\n    (?:name|label): )([^\"'\n][^\n]*)")
    for path in target.rglob("*.yml"):
        text = english.sub(lambda m: m.group(1) + m.group(2) + EN.replace('"', "'", 1),
                           path.read_text(encoding="utf-8"))
        path.write_text(chinese.sub(lambda m: m.group(1) + m.group(2) + ZH, text),
                        encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build from hostile specs and a hostile communities file.

    The hostile names are too long for the plaques' minimum letter heights, so the fit rules
    refuse those plaques and the strict build aborts on exactly those warnings (the site is
    written first); any other warning fails here."""
    tmp = tmp_path_factory.mktemp("hostile")
    communities = tmp / "c.csv"
    communities.write_text("district,street,community,party_org\n" + ROW, encoding="utf-8")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp / "site"))
    options = config.plugins["signgen"].config
    options["specs"] = str(_hostile_specs(tmp / "specs"))
    options["cache_dir"] = str(tmp / "cache")
    options["communities"] = str(communities)
    config["strict"] = True
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with pytest.raises(Abort):
            build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    others = [w for w in warnings if "plaque refused, not published" not in w
              and "Aborted with" not in w]
    assert warnings and others == []
    return tmp / "site"


@pytest.mark.slow
def test_no_page_carries_the_markup_raw(hostile_site: Path) -> None:
    """No HTML page holds a hostile tag or attribute as markup; the names are there as text."""
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 100
    raw = [str(p.relative_to(hostile_site)) for p in pages
           if RAW.search(p.read_text(encoding="utf-8"))]
    assert raw == []
    community = next(p for p in pages if "communities/" in str(p) and "pwned" in str(p))
    assert "&lt;/title&gt;&lt;script&gt;window.__pwned=3" in community.read_text(
        encoding="utf-8")


@pytest.mark.slow
@pytest.mark.browser
def test_chromium_runs_no_script_of_theirs(hostile_site: Path, browser: Browser) -> None:
    """Chromium loads the home pages, every section index, every plaque and community page
    in both languages: window.__pwned stays unset and no dialog opens."""
    pages = [p for p in sorted(hostile_site.rglob("index.html"))
             if p.parent.parent in (hostile_site, hostile_site / "en")
             or p.parent.parent.name in ("plaques", "communities")]
    assert len(pages) > 40
    ran: dict[str, object] = {}
    # The session's browser (tests/browser/conftest.py): a second Playwright in the same
    # process is refused ("Sync API inside the asyncio loop").
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (ran.setdefault("dialog", d.message), d.dismiss()))
        for path in pages:
            page.goto(path.as_uri(), wait_until="load")
            page.hover("body")
            value = page.evaluate("window.__pwned")
            if value is not None:
                ran[str(path.relative_to(hostile_site))] = value
        community = next(p for p in pages if "pwned" in str(p) and "/en/" not in str(p))
        page.goto(community.as_uri())
        title = page.title()
    finally:
        context.close()
    assert ran == {}
    assert title.startswith("</title><script>window.__pwned=3</script>区")
