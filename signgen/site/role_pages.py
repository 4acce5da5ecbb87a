"""Pages built from the other stages' outputs: elevation, checklist, schedule, audit sheet."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from signgen.audit.sheet import DEFAULT_BASE_URL, audit_sheet_html
from signgen.communities.identity import community_fields
from signgen.contractor.checklist import checklist_markdown
from signgen.contractor.plan import Plan, PlanEntry, PlanRoom
from signgen.contractor.schedule import ScheduleRow, schedule_bytes, schedule_rows
from signgen.drawings.elevation_svg import elevation_svg
from signgen.fonts.book import FontBook
from signgen.site.plaque_pages import Assets
from signgen.site.raw_blocks import raw_block
from signgen.site.templating import Md
from signgen.spec.model import Standard

if TYPE_CHECKING:
    from signgen.site.pages import PageSet

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)


def template_plan(standard: Standard, values: Mapping[str, str], source: str,
                  origin: str | None = None) -> Plan:
    """A plan for a community that does everything the standard requires and nothing else.

    One room per required function (named by it, no area), one service window per listed
    category, every bulletin board; ``origin`` (default: the standard's first) places the logo.
    The plan's community holds only the fields of the plaques made once per community (as a
    plan file's ``community:`` does): a window's, room's or board's own text comes from the
    window, room or board, never from an example value.
    """
    community = {f.id: values[f.id] for f in community_fields(standard) if values.get(f.id)}
    required = [f for f in standard.functions if f.level == "required"]
    rooms = tuple(PlanRoom(i, f.name, 0.0, standard.function_zone(f.id), (f.id,))
                  for i, f in enumerate(required))
    windows = tuple(PlanEntry(i, c.name, c.id, c.name)
                    for i, c in enumerate(standard.window_categories))
    boards = tuple(PlanEntry(i, b.name, b.id, b.name) for i, b in enumerate(standard.boards))
    if origin is None and standard.origins:
        origin = standard.origins[0].id
    return Plan(source, standard.id, community, origin, rooms, windows, boards,
                boards_listed=False)


def schedule_body(standard: Standard, values: Mapping[str, str], source: str,
                  origin: str | None = None, fonts: FontBook | None = None) -> str:
    """The sign schedule's Markdown for one community's template plan, as ``signgen
    schedule -o FILE.md`` writes it for that plan (title dropped: the page has its own)."""
    plan = template_plan(standard, values, source, origin)
    text = schedule_bytes(standard, plan, "md", fonts=fonts).decode("utf-8")
    return re.sub(r"\A\s*# [^\n]*\n", "", text).strip()


def schedule_summary(standard: Standard, values: Mapping[str, str], origin: str | None = None,
                     fonts: FontBook | None = None) -> list[ScheduleRow]:
    """The template plan's schedule rows for one community (for a compact table)."""
    return schedule_rows(standard, template_plan(standard, values, "", origin), fonts=fonts)


def schedule_csv_bytes(standard: Standard, values: Mapping[str, str], source: str,
                       fonts: FontBook | None = None) -> bytes:
    """The sign schedule as CSV (for the download next to the page), the bytes ``signgen
    schedule -o FILE.csv`` writes for the same plan."""
    return schedule_bytes(standard, template_plan(standard, values, source), "csv",
                          fonts=fonts)


def site_root(page_uri: str) -> str:
    """The relative path from a page (its source path, directory URLs) to the site root.

    >>> site_root("audit-sheet.md"), site_root("en/x/audit-sheet.md"), site_root("index.md")
    ('../', '../../../', './')
    """
    parts = page_uri.removesuffix(".md").split("/")
    if parts[-1] == "index":
        parts.pop()
    return "../" * len(parts) or "./"


def audit_sheet_body(standard: Standard, values: Mapping[str, str], lang: str,
                     page_uri: str) -> str:
    """The audit sheet's HTML body, to embed in the site page ``page_uri`` (the site's CSS
    styles it; links relative to the page, codes drawn by the browser from its address)."""
    html = audit_sheet_html(standard, values, None, "", lang, site_root=site_root(page_uri))
    found = _BODY.search(html)
    body = found.group(1).strip() if found else html
    # The page has its own <h1>; the sheet's title becomes a second-level heading.
    return body.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def elevation_files(standard: Standard, fonts: FontBook, assets: Assets,
                    values: Mapping[str, str], stem: str) -> list[tuple[object, str]]:
    """One elevation SVG per place the logo can go (first origin of each), as (origin, uri)."""
    seen: set[str] = set()
    out: list[tuple[object, str]] = []
    for origin in standard.origins:
        if origin.logo_placement in seen:
            continue
        seen.add(origin.logo_placement)
        svg = elevation_svg(standard, values, fonts, origin=origin.id)
        out.append((origin, assets.add(f"{stem}-{origin.id}.svg", svg)))
    return out


def printable_page(pages: PageSet, lang: str, key: str, body: str, *, title: str, intro: str,
                   css_class: str, downloads: list[tuple[str, str]] | None = None,
                   raw_html: bool = False) -> str:
    """A page to print on A4: a title, a line of intro, and a body from another stage.

    ``raw_html``: the body is HTML (already escaped by its maker), kept as one raw block.
    """
    from signgen.site.pages import _render

    if raw_html:  # a blank line would end Markdown's raw HTML block early
        body = raw_block("\n".join([f'<div class="sg-print {html.escape(css_class)}">',
                                    *(line for line in body.splitlines() if line.strip()),
                                    "</div>"]))
    return _render(pages, "printable.md.j2", key, lang, title=title, intro=intro,
                   body=Md(body), css_class=css_class, downloads=downloads or [],
                   raw_html=raw_html)


def checklist_body(standard: Standard, lang: str) -> str:
    """The contractor checklist's Markdown, first heading dropped (the page has its own)."""
    text = checklist_markdown(standard, lang)
    return re.sub(r"\A# [^\n]*\n", "", text).strip()


def audit_sheet_html_page(standard: Standard, values: Mapping[str, str], base_url: str) -> str:
    """The standalone A4 audit sheet (HTML) for one community, as the audit command makes it
    (codes to ``base_url``, the site's ``site_url``; without one, the local address, and the
    sheet says so)."""
    return audit_sheet_html(standard, values, None, base_url or DEFAULT_BASE_URL, "zh")
