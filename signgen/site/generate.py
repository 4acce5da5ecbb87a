"""The whole site in memory: every page (Chinese and English), every download, the nav.

:func:`generate_site` is what the MkDocs plugin calls; tests call it without MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from signgen.fonts.book import FontBook
from signgen.site import pages as P
from signgen.site.audit_form import template_form_page
from signgen.site.community_pages import CommunityOptions, community_pages
from signgen.site.defaults_page import defaults_page
from signgen.site.nav import site_nav
from signgen.site.options import STANDARD_KEY, GeneratedSite, SiteOptions
from signgen.site.plan_form import plan_check_page, plan_form_files
from signgen.site.plaque_pages import (
    FORMATS,
    Assets,
    example_values,
    plaque_context,
    plaque_stem,
    publish_plaque,
)
from signgen.site.role_pages import (
    audit_sheet_body,
    checklist_body,
    elevation_files,
    printable_page,
    schedule_body,
    schedule_csv_bytes,
)
from signgen.site.spec_format import spec_format_page
from signgen.site.templating import html_text, render
from signgen.site.urls import LANGS, Where, place_standards, site_page
from signgen.spec.load import load_standards
from signgen.spec.model import Standard
from signgen.spec.select import pick_standard
from signgen.spec.template import uses_field


def load_previous(path: Path | None) -> dict[str, Standard] | None:
    """The previous edition's standards by id, or None when no previous version is configured."""
    if path is None:
        return None
    return {s.id: s for s in load_standards(path)}


def generate_site(options: SiteOptions) -> GeneratedSite:
    """Load the specs (and the previous edition, communities) and generate the whole site.

    Raises:
        SigngenError: any problem in the specs, the previous specs or the communities file.
    """
    standards = load_standards(options.specs)
    core = pick_standard(standards, options.standard, STANDARD_KEY)
    previous = load_previous(options.previous_specs)
    wheres = place_standards(standards, core.id)
    site = GeneratedSite(site_name=html_text(core.standard.title),
                         site_name_en=html_text(core.standard.title_en))
    assets = Assets()
    for where in wheres:
        others = tuple(w for w in wheres if w is not where) if where.base == "" else ()
        keys = P.default_keys(where.standard)
        if where.base == "" and options.communities is not None:
            keys.add("communities")
        _standard_pages(site, assets, where, keys, options, others,
                        previous.get(where.standard.id) if previous is not None else None,
                        previous is not None)
    for lang in LANGS:
        site.pages[site_page(lang, "spec-format.md")] = spec_format_page(lang)
    site.assets.update(assets.files)
    site.warnings.extend(assets.refused)
    site.nav = site_nav(site.pages, wheres)
    return site


def _standard_pages(site: GeneratedSite, assets: Assets, where: Where, keys: set[str],
                    options: SiteOptions, others: tuple[Where, ...],
                    previous: Standard | None, previous_configured: bool) -> None:
    std = where.standard
    fonts = FontBook(std, options.fonts_dir) if std.plaques else None
    values = example_values(std)
    rendered: dict[str, Any] = {}
    templates: dict[str, Any] = {}
    window_signs: list[tuple[Any, Any]] = []
    board_signs: list[tuple[Any, Any]] = []
    elevations: list[tuple[object, str]] = []
    if fonts is not None and options.downloads:
        for plaque in std.plaques:
            page = where.page("zh", f"plaques/{plaque.id}.md")
            rendered[plaque.id] = publish_plaque(std, fonts, assets, plaque.id, values,
                                                 plaque_stem(where, plaque.id),
                                                 (*FORMATS, "drawing"), page=page)
            templates[plaque.id] = publish_plaque(
                std, fonts, assets, plaque.id, {}, plaque_stem(where, plaque.id, "template"),
                ("svg", "svg-outlined", "pdf"), page=page + " (template)")
        for field_id, items, signs in (("category", std.window_categories, window_signs),
                                       ("board", std.boards, board_signs)):
            sign = next((p for p in std.plaques
                         if uses_field(p, field_id)), None)
            if sign is None:
                continue
            for item in items:
                signs.append((item, publish_plaque(
                    std, fonts, assets, sign.id, {**values, field_id: item.name},
                    plaque_stem(where, item.id, sign.id), ("svg-outlined", "pdf"),
                    page=f"{where.page('zh', f'plaques/{sign.id}.md')} ({field_id}={item.name})")))
        if std.project_defaults.entrance and std.origins:
            elevations = elevation_files(std, fonts, assets, values,
                                         where.download("elevation"))
            if elevations:
                keys.add("elevation")
    if std.functions:
        keys.add("checklist")
        keys.add("plan_check")
    if std.plaques:
        keys.add("schedule")
    if std.rules or std.area_rules or std.plaques:
        keys.add("audit_sheet")
    if "audit_sheet" in keys:
        keys |= {"rules", "audit_form"}
    pages = P.PageSet(where, frozenset(keys), previous, previous_configured, others)
    add = site.pages.__setitem__
    plan_files = plan_form_files(std, where, assets, fonts) if "plan_check" in keys else None
    csv_uri = (assets.add(where.download("schedule.csv"),
                          schedule_csv_bytes(std, values, "example", fonts))
               if "schedule" in keys else "")
    for lang in LANGS:
        zh = lang == "zh"
        add(pages.uri("home", lang), P.home_page(pages, lang))
        add(pages.uri("source", lang), P.source_page(pages, lang))
        add(pages.uri("defaults", lang), defaults_page(pages, lang))
        add(pages.uri("changelog", lang), P.changelog_page(pages, lang))
        if "plaques" in keys:
            add(pages.uri("plaques", lang), P.plaques_index_page(pages, lang))
            for plaque in std.plaques:
                uri = where.page(lang, f"plaques/{plaque.id}.md")
                context = plaque_context(std, plaque, rendered.get(plaque.id),
                                         templates.get(plaque.id), lang)
                add(uri, P._render(pages, "plaque.md.j2", uri, lang,
                                   typeface_uri=lambda i, lang=lang: where.page(
                                       lang, "plaques/index.md") + f"#typeface-{i}",
                                   colour_uri=lambda i, lang=lang: where.page(
                                       lang, "plaques/index.md") + f"#colour-{i}",
                                   rgb=P.rgb_text, audit_uri=P.rule_uri(
                                       where, lang, f"plaque-{plaque.id}")
                                   if "rules" in keys else "", **context))
        if "functions" in keys:
            add(pages.uri("functions", lang), P.functions_page(pages, lang))
        if "windows" in keys:
            add(pages.uri("windows", lang), P.categories_page(pages, lang, "windows",
                                                              window_signs))
        if "boards" in keys:
            add(pages.uri("boards", lang), P.categories_page(pages, lang, "boards", board_signs))
        if "quantities" in keys:
            add(pages.uri("quantities", lang), P.quantities_page(pages, lang))
        if "elevation" in keys:
            add(pages.uri("elevation", lang), render(
                "elevation.md.j2", lang=lang, page_uri=pages.uri("elevation", lang),
                elevations=elevations,
                logo_labels={"roof": "房顶" if zh else "on the roof",
                             "name_sign_front": "社区标牌前端" if zh
                             else "at the front end of the name sign"},
                plaque_links=[(p, where.page(lang, f"plaques/{p.id}.md"))
                              for p in std.plaques if p.kind == "outdoor"]))
        if "checklist" in keys:
            add(pages.uri("checklist", lang), printable_page(
                pages, lang, "checklist", checklist_body(std, lang),
                title="施工核对清单" if zh else "Contractor checklist",
                intro="逐项核对功能用房、面积和标牌；可直接打印（A4）。" if zh else
                "Tick off rooms, areas and plaques one by one; prints on A4.",
                css_class="sg-checklist"))
        if plan_files is not None:
            add(pages.uri("plan_check", lang), plan_check_page(pages, lang, plan_files))
        if "schedule" in keys:
            add(pages.uri("schedule", lang), printable_page(
                pages, lang, "schedule", schedule_body(std, values, "example", fonts=fonts),
                title="标牌清单" if zh else "Sign schedule",
                intro="示例社区的全部标牌：每个必设功能一间房、每个服务科目一个窗口、每个宣传栏一块栏头。"
                if zh else "Every sign of the example community: one room per required "
                "function, one window per service category, one header per board.",
                css_class="sg-schedule", downloads=[("CSV", csv_uri)]))
        if "audit_sheet" in keys:
            add(pages.uri("audit_sheet", lang), printable_page(
                pages, lang, "audit_sheet", audit_sheet_body(
                    std, {}, lang, pages.uri("audit_sheet", lang)),
                title="现场核查表" if zh else "Audit sheet",
                intro="模板社区（名称待填）的现场核查表；二维码打开本站对应的规则页。" if zh else
                "The audit sheet for the template community (names to fill in); each QR code "
                "opens the matching rule page of this site.", css_class="sg-audit-sheet",
                raw_html=True))
        if "audit_form" in keys:
            add(pages.uri("audit_form", lang), template_form_page(pages, assets, lang))
        if "rules" in keys:
            add(pages.uri("rules", lang), P.rules_index_page(pages, lang))
            for rule in P.rule_pages(std):
                uri = P.rule_uri(where, lang, rule.page)
                add(uri, P.rule_page(pages, lang, rule))
                site.hidden.add(uri)
    if "communities" in keys and options.communities is not None and fonts is not None:
        community_pages(site, assets, pages, fonts, CommunityOptions(
            options.communities, options.community_downloads, options.base_url))
