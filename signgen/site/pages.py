"""Page builders for one standard: each returns the Markdown of one page in one language.

Every builder takes a :class:`PageSet` (which pages exist for the standard, and where) and
reads nothing but the loaded :class:`~signgen.spec.model.Standard`; tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from signgen.audit.items import AuditItem, checkable_items
from signgen.audit.template import tolerance_value
from signgen.messages import LEVEL
from signgen.site.changelog import diff_standards
from signgen.site.references import citing, clause_uri, items_by_audit_page, section_label
from signgen.site.templating import format_number, render
from signgen.site.urls import Where, site_page
from signgen.spec.model import LEVELS, Rule, Standard
from signgen.spec.template import uses_field

# Page keys -> page names inside a standard's folder; a page exists only if listed.
STANDARD_PAGES: dict[str, str] = {
    "home": "index.md", "plaques": "plaques/index.md", "elevation": "elevation.md",
    "functions": "functions.md", "windows": "windows.md", "boards": "boards.md",
    "quantities": "quantities.md", "checklist": "checklist.md", "schedule": "schedule.md",
    "plan_check": "plan-check.md",
    "audit_sheet": "audit-sheet.md", "audit_form": "audit-form.md", "rules": "rules/index.md",
    "source": "source.md",
    "defaults": "defaults.md", "changelog": "changelog.md",
    "communities": "communities/index.md",
}
RULE_KINDS = (("requirement", "要求", "Requirements"),
              ("recommendation", "建议", "Recommendations"),
              ("principle", "原则", "Principles"))
GROUPS = {"area": ("面积", "Floor areas"), "function": ("功能设置", "Room functions"),
          "plaque-outdoor": ("门外标牌", "Outdoor plaques"),
          "plaque-indoor": ("室内标牌", "Indoor plaques"),
          "window": ("服务科目", "Service categories"), "board": ("宣传栏", "Bulletin boards"),
          "rule": ("规则", "Rules"), "quantity": ("数量要求", "Quantities")}


@dataclass(frozen=True)
class PageSet:
    """The pages that exist for one standard, and the site-wide pages they link to."""

    where: Where
    keys: frozenset[str]
    previous: Standard | None = None
    previous_configured: bool = False
    others: tuple[Where, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def std(self) -> Standard:
        return self.where.standard

    def uri(self, key: str, lang: str) -> str:
        """Source path of the page ``key`` in ``lang``."""
        return self.where.page(lang, STANDARD_PAGES[key])

    def uris(self, lang: str) -> dict[str, str]:
        """Every existing page key -> its source path, plus the site-wide pages."""
        pages = {k: self.uri(k, lang) for k in self.keys}
        pages["spec_format"] = site_page(lang, "spec-format.md")
        return pages


def default_keys(standard: Standard) -> set[str]:
    """The pages a standard has from its spec model alone (absent sections: no page)."""
    keys = {"home", "source", "defaults", "changelog"}
    sections = {"plaques": standard.plaques,
                "functions": standard.functions or standard.area_rules,
                "windows": standard.window_categories, "boards": standard.boards,
                "quantities": standard.quantities, "rules": standard.rules}
    keys |= {key for key, items in sections.items() if items}
    return keys


def _render(pages: PageSet, template: str, key_or_uri: str, lang: str, **context: Any) -> str:
    uri = pages.uri(key_or_uri, lang) if key_or_uri in STANDARD_PAGES else key_or_uri
    where = pages.where
    base: dict[str, Any] = {
        "std": pages.std, "where": where, "pages": pages.uris(lang),
        "clause_uri": lambda clause_id: clause_uri(where, lang, clause_id),
        "section_label": lambda section: section_label(section, lang)}
    base.update(context)
    return render(template, lang=lang, page_uri=uri, **base)


def home_page(pages: PageSet, lang: str) -> str:
    """The standard's home: title, summary, edition, date and a way in for each role."""
    others = [(o.standard.standard.title if lang == "zh" else
               f"{o.standard.standard.title_en} ({o.standard.standard.title})",
               o.standard.standard.summary if lang == "zh" else o.standard.standard.summary_en,
               o.page(lang, "index.md")) for o in pages.others]
    return _render(pages, "home.md.j2", "home", lang, others=others)


def plaques_index_page(pages: PageSet, lang: str) -> str:
    """Every plaque, with the typefaces and colours and their project-default values."""
    std = pages.std
    return _render(pages, "plaques.md.j2", "plaques", lang,
                   level_word=lambda key: LEVEL.say(key, lang),
                   plaque_uris={p.id: pages.where.page(lang, f"plaques/{p.id}.md")
                                for p in std.plaques},
                   substitutes={s.typeface: s for s in
                                std.project_defaults.typeface_substitutes},
                   colour_values={c.colour: c for c in std.project_defaults.colour_values},
                   rgb=rgb_text)


def rgb_text(hex_value: str) -> str:
    """``#E60012`` as ``230 / 0 / 18``."""
    value = hex_value.lstrip("#")
    return " / ".join(str(int(value[i:i + 2], 16)) for i in (0, 2, 4))


def functions_page(pages: PageSet, lang: str) -> str:
    """Floor areas, zones, room functions (required, encouraged) and how premises are obtained."""
    std = pages.std
    return _render(pages, "functions.md.j2", "functions", lang,
                   zone_by_id={z.id: z for z in std.zones},
                   zone_of={f.function: f.zone for f in std.project_defaults.function_zones},
                   area_tolerance=std.tolerance("area"),
                   levels=[(level, LEVEL.say(level, lang).capitalize()) for level in LEVELS
                           if any(f.level == level for f in std.functions)],
                   level_word=lambda key: LEVEL.say(key, lang),
                   logo_labels={"roof": "房顶" if lang == "zh" else "on the roof",
                                "name_sign_front": "社区标牌前端" if lang == "zh"
                                else "at the front end of the name sign"})




def categories_page(pages: PageSet, lang: str, key: str,
                    signs: list[tuple[Any, Any]] | None = None) -> str:
    """Service-window categories (``windows``) or bulletin boards (``boards``) with their signs."""
    std = pages.std
    items = std.window_categories if key == "windows" else std.boards
    titles = {"windows": ("窗口标牌", "Service-window signs"),
              "boards": ("宣传栏", "Bulletin boards")}
    field_name = "category" if key == "windows" else "board"
    plaque = next((p for p in std.plaques
                   if uses_field(p, field_name)), None)
    return _render(pages, "categories.md.j2", key, lang,
                   title=titles[key][0 if lang == "zh" else 1], items=items,
                   prefix="window" if key == "windows" else "board",
                   plaque=plaque,
                   plaque_uri=pages.where.page(lang, f"plaques/{plaque.id}.md") if plaque else "",
                   level_labels={k: LEVEL.say(k, lang) for k in LEVELS},
                   signs=signs or [])


def quantities_page(pages: PageSet, lang: str) -> str:
    """Every measurable requirement: subject, comparator, value, unit, period."""
    per = {"day": ("每日", "day"), "week": ("每周", "week"), "month": ("每月", "month"),
           "year": ("每年", "year")}
    return _render(pages, "quantities.md.j2", "quantities", lang,
                   per_labels={k: v[0 if lang == "zh" else 1] for k, v in per.items()})


def source_page(pages: PageSet, lang: str) -> str:
    """The source text, clause by clause with anchors, each listing the items that cite it."""
    return _render(pages, "source.md.j2", "source", lang, citing=citing(pages.std))


def changelog_page(pages: PageSet, lang: str) -> str:
    """Edition and date, and what changed since the previous version (if one is configured)."""
    previous = pages.previous
    changes = diff_standards(previous, pages.std) if previous is not None else []
    labels = {"added": ("新增", "added"), "removed": ("删除", "removed"),
              "changed": ("修改", "changed")}
    return _render(pages, "changelog.md.j2", "changelog", lang, previous=previous,
                   changes=changes,
                   change_labels={k: v[0 if lang == "zh" else 1] for k, v in labels.items()},
                   section_label=lambda s: _change_section(s, lang))


def _change_section(section: str, lang: str) -> str:
    if section.startswith("project_defaults."):
        word = "项目默认值" if lang == "zh" else "project default"
        return f"{word}: {section.removeprefix('project_defaults.')}"
    return section_label(section, lang)


# --- rules: one page per audit page (QR codes open rules/<page>/), one per principle ------


@dataclass(frozen=True)
class RulePage:
    """A page under ``rules/``: the audit items it explains, or a principle."""

    page: str
    group: str
    title: str
    title_en: str
    items: tuple[AuditItem, ...] = ()
    rule: Rule | None = None


def rule_pages(standard: Standard) -> list[RulePage]:
    """Every rule page, in audit order, then the rules no site visit can check."""
    by_page: dict[str, list[AuditItem]] = {}
    for item in checkable_items(standard):
        by_page.setdefault(item.page, []).append(item)
    out = []
    rules = {f"rule-{r.id}": r for r in standard.rules}
    for page, items in by_page.items():
        first = items[0]
        out.append(RulePage(page, first.group, first.title.split(":")[0],
                            first.title_en.split(": ")[0], tuple(items), rules.get(page)))
    for rule in standard.rules:
        if f"rule-{rule.id}" not in by_page:
            out.append(RulePage(f"rule-{rule.id}", "principle", rule.title, rule.title_en,
                                rule=rule))
    return out


def rules_index_page(pages: PageSet, lang: str) -> str:
    """Every rule page, grouped as on the audit sheet."""
    groups = dict(GROUPS)
    groups["principle"] = ("原则（无现场核查）", "Principles (nothing to check on site)")
    return _render(pages, "rules.md.j2", "rules", lang, rule_pages=rule_pages(pages.std),
                   groups={k: v[0 if lang == "zh" else 1] for k, v in groups.items()})


def projects_heading(title: str, clause_text: str) -> bool:
    """True when a page's heading is the project's wording, not words of its clause.

    >>> projects_heading("乙 丙", "一、甲。乙丙;丁。"), projects_heading("戊", "一、甲。乙丙;丁。")
    (False, True)
    """
    def squash(text: str) -> str:
        return "".join(text.split())
    return squash(title) not in squash(clause_text)


def rule_page(pages: PageSet, lang: str, rule: RulePage) -> str:
    """One rule page: its text, clause, what an auditor checks and the tolerance."""
    kinds = {k: (zh, en) for k, zh, en in RULE_KINDS}
    kind = rule.rule.kind if rule.rule else "requirement"
    clause = rule.items[0].clause if rule.items else pages.std.clause(
        rule.rule.citation.clause if rule.rule else "")
    about = items_by_audit_page(pages.std).get(rule.page)
    about_uri = about.uri(pages.where, lang) if about and about.section != "rules" else ""
    about_uri = about_uri if about_uri.split("#")[0] in _existing(pages, lang) else ""
    return _render(pages, "rule.md.j2", pages.where.page(lang, f"rules/{rule.page}.md"), lang,
                   rule=rule, clause=clause, about_uri=about_uri,
                   projects_heading=projects_heading(rule.title, clause.text),
                   kind_label=kinds[kind][0 if lang == "zh" else 1] if rule.rule else
                   GROUPS.get(rule.group, (rule.group, rule.group))[0 if lang == "zh" else 1],
                   number=format_number, tolerance_value=tolerance_value)


def _existing(pages: PageSet, lang: str) -> set[str]:
    uris = set(pages.uris(lang).values())
    uris |= {pages.where.page(lang, f"plaques/{p.id}.md") for p in pages.std.plaques
             if "plaques" in pages.keys}
    return uris


def rule_uri(where: Where, lang: str, page: str) -> str:
    """Source path of a rule page."""
    return where.page(lang, f"rules/{page}.md")
