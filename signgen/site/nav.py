"""The site's navigation: role sections for each language, then the manual, English under
its own tab.

The manual is hand-written, in ``docs/manual/`` (Chinese) and ``docs/en/manual/`` (English),
one file per page in both; a page's nav title is its first heading. :data:`MANUAL_PAGES` fixes
the order; a page not listed there comes after the listed ones (see
:func:`signgen.site.hand_written.with_hand_written_pages`), so a new page is never left out
of the nav.
"""

from __future__ import annotations

from typing import Any

from signgen.site.pages import STANDARD_PAGES
from signgen.site.templating import html_text
from signgen.site.urls import LANGS, Where, site_page

# (zh, en) section titles and the page keys in each, in order.
ROLE_SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("设计", "Design", ("plaques", "@plaques", "elevation", "windows", "boards", "communities")),
    ("施工", "Build", ("functions", "quantities", "checklist", "plan_check", "schedule")),
    ("审核", "Audit", ("audit_form", "audit_sheet", "rules")),
    ("标准", "Standard", ("source", "@full_text", "defaults", "changelog", "@spec_format")),
)
MANUAL_SECTION = ("使用说明", "Using signgen")
MANUAL_PAGES = ("index.md", "designers.md", "contractors.md", "auditors.md",
                "standard-editors.md", "spec-format.md", "site.md", "site-generators.md",
                "plugin-options.md", "cli.md", "development.md")
FULL_TEXT_PAGE = "full-text.md"  # hand-written: the source text, included from source/
TITLES = {
    "home": ("首页", "Home"), "plaques": ("标牌", "Plaques"),
    "elevation": ("大门立面", "Entrance elevation"), "windows": ("服务科目", "Service categories"),
    "boards": ("宣传栏", "Bulletin boards"), "communities": ("各社区", "Communities"),
    "functions": ("功能设置与面积", "Room functions and areas"),
    "quantities": ("数量要求", "Quantities"), "checklist": ("施工核对清单", "Checklist"),
    "plan_check": ("方案检查", "Plan check"),
    "schedule": ("标牌清单", "Sign schedule"), "audit_sheet": ("现场核查表", "Audit sheet"),
    "audit_form": ("在线核查", "Audit form"),
    "rules": ("规则", "Rules"), "source": ("标准原文", "Source text"),
    "defaults": ("项目默认值", "Project defaults"), "changelog": ("版本与修订", "Changelog"),
    "spec_format": ("规格文件格式", "Spec file format"),
}


def _title(key: str, lang: str) -> str:
    zh, en = TITLES[key]
    return zh if lang == "zh" else en


def _escaped(entries: list[Any]) -> list[Any]:
    """Every title in a nav as HTML text (:func:`html_text`): MkDocs and Material put nav
    titles, and the page titles they become, into pages unescaped."""
    out: list[Any] = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({html_text(k): _escaped(v) if isinstance(v, list) else v
                        for k, v in entry.items()})
        else:
            out.append(entry)
    return out


def _entries(keys: tuple[str, ...], where: Where, pages: dict[str, str], lang: str,
             with_site_pages: bool) -> list[Any]:
    entries: list[Any] = []
    for key in keys:
        if key == "@plaques":
            for plaque in where.standard.plaques:
                uri = where.page(lang, f"plaques/{plaque.id}.md")
                if uri in pages:
                    entries.append({plaque.name if lang == "zh" else plaque.name_en: uri})
        elif key == "@full_text":
            if with_site_pages:
                entries.append(site_page(lang, FULL_TEXT_PAGE))
        elif key == "@spec_format":
            if with_site_pages:
                entries.append({_title("spec_format", lang): site_page(lang, "spec-format.md")})
        else:
            uri = where.page(lang, STANDARD_PAGES[key])
            if uri in pages:
                entries.append({_title(key, lang): uri})
    return entries


def _language_nav(pages: dict[str, str], wheres: list[Where], lang: str) -> list[Any]:
    nav: list[Any] = []
    for where in wheres:
        core = where.base == ""
        sections: list[Any] = [] if core else [{_title("home", lang): where.page(lang,
                                                                               "index.md")}]
        if core:
            nav.append({_title("home", lang): where.page(lang, "index.md")})
        for zh, en, keys in ROLE_SECTIONS:
            entries = _entries(keys, where, pages, lang, core)
            if entries:
                sections.append({zh if lang == "zh" else en: entries})
        if core:
            nav.extend(sections)
        else:
            info = where.standard.standard
            nav.append({info.title if lang == "zh" else info.title_en: sections})
    return nav


def manual_nav(lang: str) -> dict[str, list[str]]:
    """The manual's section: its pages in order, the first one the section's index."""
    zh, en = MANUAL_SECTION
    return {zh if lang == "zh" else en: [site_page(lang, f"manual/{name}")
                                         for name in MANUAL_PAGES]}


def site_nav(pages: dict[str, str], wheres: list[Where]) -> list[Any]:
    """MkDocs ``nav``: the Chinese sections and manual at the top level, then one ``English``
    section holding the same in English."""
    nav = [*_language_nav(pages, wheres, LANGS[0]), manual_nav(LANGS[0])]
    for lang in LANGS[1:]:
        nav.append({"English": [*_language_nav(pages, wheres, lang), manual_nav(lang)]})
    return _escaped(nav)
