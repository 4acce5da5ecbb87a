"""Site search in a real browser: each language finds its own pages, by the words people type.

The queries and their expected first results follow issue 12: English finds words by their
normal forms (police, rooms, plaques, rehabilitation), and in Chinese a function's full name
(社区警务室) puts that function's page first. The expected pages are found in the built site
by their heading (the function's name from the spec), never by guessed addresses.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_support import BrowserSession, SiteIndex, SitePage
from project_paths import SPECS

from signgen.spec.load import load_standards

pytestmark = pytest.mark.browser

# Material lists results ten at a time; the first page of results is what a user sees.
FIRST_PAGE = 10


def _function(function_id: str) -> tuple[str, str]:
    """The Chinese and English names of a room function of the core standard."""
    standard = next(s for s in load_standards(SPECS) if s.standard.role == "core")
    function = next(f for f in standard.functions if f.id == function_id)
    return function.name, function.name_en


def _rule_page(site_index: SiteIndex, function_id: str, lang: str) -> SitePage:
    """The function's own rule page: under rules/, headed by the function's name.

    English headings give the Chinese name after the English one.
    """
    zh, en = _function(function_id)
    name = zh if lang == "zh" else en
    prefix = "rules/" if lang == "zh" else "en/rules/"
    return site_index.find(f"the rule page of {function_id}",
                           lambda p: p.path.startswith(prefix)
                           and p.h1.rstrip("¶").split(" (")[0] == name,
                           lang=lang)


def search(session: BrowserSession, page_path: str, query: str) -> list[str]:
    """Type ``query`` in the search box of ``page_path``: the results' site paths, in order."""
    session.goto(page_path)
    session.page.locator("input.md-search__input").click()
    # CJK text arrives as insertText, without key events: press a key so Material searches.
    session.page.keyboard.insert_text(query)
    session.page.keyboard.press("End")
    session.page.locator(".md-search-result__item").first.wait_for(state="visible")
    hrefs: list[str] = session.page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a[href]",
        "links => links.map(a => a.href)")
    return [urlsplit(href).path.lstrip("/") for href in hrefs]


@pytest.mark.parametrize("function_id", ["police-room", "rehab-room", "archive-room",
                                         "reception-room"])
def test_chinese_full_name_puts_the_function_page_first(
        session: BrowserSession, site_index: SiteIndex, function_id: str) -> None:
    """A function's full Chinese name (e.g. 社区警务室) lists that function's rule page first."""
    name, _ = _function(function_id)
    results = search(session, "", name)
    session.screenshot(f"search-zh-{function_id}", full_page=False)
    assert results[0] == _rule_page(site_index, function_id, "zh").path, results


@pytest.mark.parametrize(("query", "function_id"), [
    ("police", "police-room"), ("rehabilitation", "rehab-room"), ("archive", "archive-room"),
    ("reception", "reception-room")])
def test_english_word_finds_the_function_page_first(
        session: BrowserSession, site_index: SiteIndex, query: str, function_id: str) -> None:
    """An English word in its normal form (police, not polic) lists the function's page first."""
    results = search(session, "en/", query)
    session.screenshot(f"search-en-{query}", full_page=False)
    assert results, f"nothing found for {query!r}"
    assert results[0] == _rule_page(site_index, function_id, "en").path, results


def test_english_plural_finds_what_the_singular_finds(session: BrowserSession) -> None:
    """'rooms' and 'plaques' find pages about rooms and plaques, as 'room' and 'plaque' do."""
    rooms = search(session, "en/", "rooms")
    room = search(session, "en/", "room")
    assert len(rooms) == len(room) == FIRST_PAGE, (rooms, room)
    plaques = search(session, "en/", "plaques")
    assert "en/plaques/" in plaques, plaques


@pytest.mark.parametrize(("page_path", "query"), [("", "社区"), ("", "function"),
                                                  ("en/", "room"), ("en/", "社区")])
def test_each_language_searches_its_own_pages(
        session: BrowserSession, page_path: str, query: str) -> None:
    """Results on a Chinese page are Chinese pages only; on an English page, English only."""
    paths = search(session, page_path, query)
    english = page_path.startswith("en/")
    assert paths and all(p.startswith("en/") == english for p in paths), paths
