"""Clauses and the items that cite them: where each item is published, both ways."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from signgen.site.urls import Where
from signgen.spec.model import Standard

# (section, page, anchor prefix or None for a page of its own, UI label zh, UI label en)
SECTIONS: tuple[tuple[str, str, str | None, str, str], ...] = (
    ("plaques", "plaques/{id}.md", None, "标牌", "Plaques"),
    ("typefaces", "plaques/index.md", "typeface", "字体", "Typefaces"),
    ("colours", "plaques/index.md", "colour", "颜色", "Colours"),
    ("zones", "functions.md", "zone", "用房分区", "Zones"),
    ("area_rules", "functions.md", "area", "面积", "Floor areas"),
    ("functions", "functions.md", "function", "功能设置", "Room functions"),
    ("origins", "functions.md", "origin", "用房取得方式", "How premises are obtained"),
    ("window_categories", "windows.md", "window", "服务科目", "Service categories"),
    ("boards", "boards.md", "board", "宣传栏", "Bulletin boards"),
    ("quantities", "quantities.md", "quantity", "数量要求", "Quantities"),
    ("rules", "rules/rule-{id}.md", None, "规则", "Rules"),
)


@dataclass(frozen=True)
class CitedItem:
    """An item of the standard with the page (and anchor) where the site publishes it."""

    section: str
    item: Any
    page: str  # page name within the standard, e.g. "functions.md"
    anchor: str  # "" for a page of its own

    @property
    def clause(self) -> str:
        return str(self.item.citation.clause)

    @property
    def title(self) -> str:
        return str(getattr(self.item, "name", None) or self.item.title)

    @property
    def title_en(self) -> str:
        return str(getattr(self.item, "name_en", None) or self.item.title_en)

    def uri(self, where: Where, lang: str) -> str:
        """Source path with anchor, in ``lang``."""
        page = where.page(lang, self.page)
        return f"{page}#{self.anchor}" if self.anchor else page


def anchor(prefix: str, item_id: str) -> str:
    """The HTML id an item gets on a shared page, e.g. ``function-police-room``."""
    return f"{prefix}-{item_id}"


def cited_items(standard: Standard) -> list[CitedItem]:
    """Every cited item of the standard, in spec order, section by section."""
    items = []
    for section, page, prefix, _, _ in SECTIONS:
        for item in getattr(standard, section):
            items.append(CitedItem(section, item, page.format(id=item.id),
                                   anchor(prefix, item.id) if prefix else ""))
    return items


def citing(standard: Standard) -> dict[str, list[CitedItem]]:
    """Clause id -> the items citing it (every clause present, possibly with none)."""
    by_clause: dict[str, list[CitedItem]] = {c.id: [] for c in standard.clauses}
    for item in cited_items(standard):
        by_clause.setdefault(item.clause, []).append(item)
    return by_clause


def section_label(section: str, lang: str) -> str:
    """UI name of a section of the standard."""
    for name, _, _, zh, en in SECTIONS:
        if name == section:
            return zh if lang == "zh" else en
    return section


def clause_uri(where: Where, lang: str, clause_id: str) -> str:
    """Source path of a clause's anchor on the source-text page."""
    return f"{where.page(lang, 'source.md')}#clause-{clause_id}"


# section -> the prefix of its items' rule pages (``rules/<prefix>-<id>/``, as the audit uses)
AUDIT_PREFIXES = {"area_rules": "area", "functions": "function", "plaques": "plaque",
                  "window_categories": "window", "boards": "board", "rules": "rule",
                  "quantities": "quantity"}


def audit_page(item: CitedItem) -> str | None:
    """The rule page that explains how an item is audited, e.g. ``plaque-name-sign``."""
    prefix = AUDIT_PREFIXES.get(item.section)
    return f"{prefix}-{item.item.id}" if prefix else None


def items_by_audit_page(standard: Standard) -> dict[str, CitedItem]:
    """Rule page id -> the item it is about (where the item is published)."""
    out: dict[str, CitedItem] = {}
    for item in cited_items(standard):
        page = audit_page(item)
        if page is not None:
            out.setdefault(page, item)
    return out
