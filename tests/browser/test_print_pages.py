"""The site's checklist and sign schedule as Chromium prints them (issue 12.6): every item
printed once, whole, with its id; no page holding a single item; the community line on the
first page and the signature block on the last, with items beside it.

Items are the rows of the page's tables (their ids are the second column); each printed
page's text (``pdftotext``) is searched for them. The PDFs are kept as artefacts, with the
page counts in ``test-artifacts/print/page-counts.txt``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_support import ROOT, BrowserSession, SiteIndex, directory_url

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "print"
PAGES = [(key, lang) for key in ("checklist", "schedule") for lang in ("zh", "en")]
SIGNATURE = {"zh": "签字", "en": "Signature"}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: run scripts/setup.sh (Debian package poppler-utils)")
    return found


def _page_texts(pdf: Path) -> list[str]:
    """Each printed page's text, whitespace removed (a cell may wrap an id)."""
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    return ["".join(subprocess.run(
        [_tool("pdftotext"), "-f", str(n), "-l", str(n), "-raw", str(pdf), "-"],
        capture_output=True, text=True, check=True).stdout.split())
        for n in range(1, count + 1)]


def items_per_page(texts: list[str], ids: list[str]) -> list[list[str]]:
    """The ids found on each page; longer ids first, so one that begins another is not
    counted twice.

    >>> items_per_page(["☐room-plaque-2x", "room-plaquename-sign"],
    ...                ["room-plaque", "room-plaque-2", "name-sign"])
    [['room-plaque-2'], ['room-plaque', 'name-sign']]
    """
    out = []
    for text in texts:
        found = []
        for item in sorted(ids, key=len, reverse=True):
            if item in text:
                found.append(item)
                text = text.replace(item, "\0")
        out.append(sorted(found, key=ids.index))
    return out


def _record(name: str, counts: list[int]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "page-counts.txt"
    lines = [line for line in (log.read_text(encoding="utf-8").splitlines()
                               if log.is_file() else []) if not line.startswith(f"{name}:")]
    lines.append(f"{name}: {len(counts)} pages, items per page {counts}")
    log.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("key", "lang"), PAGES)
def test_printed_page_keeps_items_whole_and_never_alone(
        session: BrowserSession, site_index: SiteIndex, key: str, lang: str) -> None:
    """Printed on A4 (the page's own size: landscape), every item appears on exactly one
    page, no page holds a single item, page 1 has the community line and the last page the
    signature block with at least two items."""
    from signgen.site.pages import STANDARD_PAGES

    path = directory_url(STANDARD_PAGES[key])
    page = site_index.page(path if lang == "zh" else f"en/{path}")
    session.goto(page.path)
    ids = [t.strip() for t in session.page.locator(
        ".sg-print table tbody tr td:nth-child(2)").all_inner_texts()]
    assert len(ids) >= 10 and len(set(ids)) == len(ids)
    session.page.emulate_media(media="print")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{key}-{lang}.pdf"
    pdf.write_bytes(session.page.pdf(format="A4", prefer_css_page_size=True))
    texts = _page_texts(pdf)
    found = items_per_page(texts, ids)
    counts = [len(f) for f in found]
    _record(f"{key}-{lang}", counts)
    printed = [i for f in found for i in f]
    assert sorted(printed) == sorted(ids), "items missing or printed on two pages"
    assert 1 not in counts, f"a page holds a single item: items per page {counts}"
    community = "社区" if lang == "zh" else "Community"
    assert community in texts[0]
    assert SIGNATURE[lang] in texts[-1] and counts[-1] >= 2, counts
