"""One page per community of a communities file (CSV/XLSX as in ``signgen batch``).

Built to scale: fonts are loaded once per build, only the ``text`` SVG of each plaque is
rendered by default (under 1 KB each, no outlining), other formats only on request; the
schedule is a compact table; plaques whose text is the same for every community are
rendered once; the community pages stay out of the search index (their index page, which
names every community, is in it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from signgen.communities.headers import ColumnNote
from signgen.communities.identity import FolderNames, key_fields
from signgen.communities.rows import CommunityRow, open_communities
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm_text
from signgen.plaque.text import plaque_text
from signgen.site.audit_form import community_form, front_matter
from signgen.site.options import COMMUNITY_DOWNLOADS
from signgen.site.plaque_pages import FORMATS, Assets, PublishedPlaque, publish_plaque
from signgen.site.role_pages import audit_sheet_html_page, schedule_summary
from signgen.site.templating import Md, html_table, render
from signgen.site.urls import LANGS
from signgen.spec.template import plaque_fields

if TYPE_CHECKING:
    from signgen.site.options import GeneratedSite
    from signgen.site.pages import PageSet

SCHEDULE_HEADERS = {"zh": ["编号", "文字", "高 (mm)", "宽 (mm)", "数量"],
                    "en": ["Id", "Text", "Height (mm)", "Width (mm)", "Qty"]}


@dataclass(frozen=True)
class CommunityOptions:
    """The communities file, which files to make for each, and the QR codes' base URL."""

    path: Path
    downloads: tuple[str, ...] = ("svg", "audit-sheet", "audit-form")
    base_url: str = ""


def read_rows(path: Path, pages: PageSet) -> tuple[list[CommunityRow], list[ColumnNote]]:
    """Every row of the communities file and the columns kept out of it, or every problem
    found in it at once."""
    rows: list[CommunityRow] = []
    problems = []
    source = open_communities(path, pages.std)
    for row in source.rows():
        if isinstance(row, CommunityRow):
            rows.append(row)
        else:
            problems.extend(row.problems)
    if problems:
        raise SigngenError(problems)
    return rows, source.notes


def community_slugs(rows: list[CommunityRow]) -> list[str]:
    """A unique, safe folder name per row: the batch's rule
    (:class:`signgen.communities.identity.FolderNames`, ``-row7`` where names repeat)."""
    names = FolderNames()
    return [names.take(row.identity, row.line) for row in rows]


def community_pages(site: GeneratedSite, assets: Assets, pages: PageSet, fonts: FontBook,
                    options: CommunityOptions) -> None:
    """Add the communities index and one page per community (both languages)."""
    unknown = sorted(set(options.downloads) - set(COMMUNITY_DOWNLOADS))
    if unknown:
        raise SigngenError(f"community_downloads: expected some of "
                           f"{', '.join(COMMUNITY_DOWNLOADS)}, got {', '.join(unknown)}")
    std = pages.std
    where = pages.where
    rows, notes = read_rows(options.path, pages)
    site.notes.extend(note.text(lang) for note in notes for lang in LANGS)
    slugs = community_slugs(rows)
    once = [p for p in std.plaques if p.repeat == "once"]
    formats = tuple(f for f in FORMATS if f in options.downloads) or ("svg",)
    listed = []
    same_text: dict[tuple[str, str], PublishedPlaque] = {}
    for row, slug in zip(rows, slugs, strict=True):
        stem = where.download(f"communities/{slug}/")
        page = where.page("zh", f"communities/{slug}.md")
        rendered = []
        for p in once:
            text = plaque_text(std, p.id, row.values).text
            shared = same_text.get((p.id, text))
            if shared is None:
                shared = publish_plaque(std, fonts, assets, p.id, row.values, stem + p.id,
                                        formats, preview_outlined=False,
                                        page=f"{page} ({row.file}:{row.line})")
                if not plaque_fields(p):
                    same_text[(p.id, text)] = shared
            rendered.append((p, shared))
        sheet = ""
        if "audit-sheet" in options.downloads:
            sheet = assets.add(stem + "audit-sheet.html",
                               audit_sheet_html_page(std, row.values, options.base_url))
        schedule = [[r.id, r.text, r.height_mm or None, r.width, r.quantity]
                    for r in schedule_summary(std, row.values, row.origin, fonts)]
        for lang in LANGS:
            zh = lang == "zh"
            uri = where.page(lang, f"communities/{slug}.md")
            form = (Md(community_form(pages, assets, uri, lang, values=row.values,
                                      community=row.key, title=row.identity.title,
                                      origin=row.origin))
                    if "audit-form" in options.downloads else "")
            site.pages[uri] = render(
                "community.md.j2", lang=lang, page_uri=uri, title=row.identity.title,
                row=row, fields_table=html_table(
                    ["字段", "值"] if zh else ["Field", "Value"],
                    [[f.label if zh else f"{f.label_en} ({f.label})", row.values[f.id]]
                     for f in std.fields if row.values.get(f.id)]),
                plaques=rendered,
                plaque_uri=lambda i, lang=lang: where.page(lang, f"plaques/{i}.md"),
                audit_sheet=sheet, schedule_table=html_table(
                    SCHEDULE_HEADERS[lang], schedule),
                schedule_uri=pages.uri("schedule", lang), mm=mm_text, audit_form=form,
                front_matter=front_matter())
            site.hidden.add(uri)
        listed.append((row, slug))
    key = key_fields(std)
    for lang in LANGS:
        uri = pages.uri("communities", lang)
        site.pages[uri] = render(
            "communities.md.j2", lang=lang, page_uri=uri, source=options.path.name,
            notes=[note.message.in_lang(lang) for note in notes],
            key_fields=key,
            communities=[{"key": row.key, "uri": where.page(lang, f"communities/{slug}.md")}
                         for row, slug in listed])
