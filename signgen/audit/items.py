"""What an auditor checks on site: one :class:`AuditItem` per checkable item of a standard.

Every item comes from the loaded :class:`~signgen.spec.model.Standard` (area rules, required
functions, plaques, window categories, boards, rules with a ``check``, quantities); its id is
derived from the spec ids, so the same standard and site always give the same items in the
same order. Only values the standard itself fixes are judged: a plaque size or style that
is a project default is not an audit item.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from signgen.audit.item_types import (
    AuditItem,
    Kind,
    Room,
    Site,
    StyledPart,
    normalise_text,
    tolerance_cm,
)
from signgen.audit.plaque_items import plaque_items, template_fields
from signgen.contractor.plan import Plan
from signgen.output.numbers import measured
from signgen.spec.model import Clause, Quantity, Standard

PERIODS: dict[str, tuple[str, str]] = {
    "day": ("每日", "a day"), "week": ("每周", "a week"),
    "month": ("每月", "a month"), "year": ("每年", "a year"),
}
COMPARATORS: dict[str, str] = {">=": "≥", "<=": "≤", "==": "="}


def site_from_plan(plan: Plan) -> Site:
    """The rooms, windows and boards of a :class:`signgen.contractor.plan.Plan`."""
    return Site(
        rooms=tuple(Room(r.name, tuple(r.functions), tuple(r.names)) for r in plan.rooms),
        windows=tuple(w.name for w in plan.windows),
        boards=tuple(b.name for b in plan.boards) if plan.boards_listed else (),
    )


def per_sign_fields(standard: Standard) -> list[str]:
    """The ``{field}`` names filled per sign (a room's functions, a window's category, a
    board's name): those of plaques repeated per room, window or board."""
    seen: list[str] = []
    for plaque in standard.plaques:
        if plaque.repeat != "once":
            seen += [f for f in template_fields(plaque) if f not in seen]
    return seen


def checkable_items(standard: Standard, values: Mapping[str, str] | None = None,
                    site: Site | None = None, origin: str | None = None) -> list[AuditItem]:
    """Every checkable item of ``standard`` for one community, in a stable order.

    ``values`` fills the plaques' ``{field}`` names; ``site`` (from a plan) gives one item
    per room, window and board for plaques repeated that way, else one generic item each;
    ``origin`` (an origin id: how the premises were obtained) says what a per-origin rule
    requires; items the text limits to some origins carry them (:func:`applies_to_origin`).
    """
    values = dict(values or {})
    site = site or Site()
    items: list[AuditItem] = []
    items += _area_items(standard)
    items += _function_items(standard)
    for plaque in standard.plaques:
        items += plaque_items(standard, plaque, values, site)
    items += _category_items(standard, "window")
    items += _category_items(standard, "board")
    items += _rule_items(standard, origin)
    items += _quantity_items(standard)
    return items


def _cited(standard: Standard, citation: Any) -> tuple[Clause, str]:
    return standard.clause(citation.clause), citation.quote


def _area_items(standard: Standard) -> list[AuditItem]:
    tol = standard.tolerance("area")
    out = []
    for rule in standard.area_rules:
        clause, quote = _cited(standard, rule.citation)
        req = f"≥ {measured(rule.min_m2)} m²"
        out.append(AuditItem(
            id=f"area.{rule.id}", kind="area", page=f"area-{rule.id}", group="area",
            title=rule.name, title_en=rule.name_en,
            check=f"测量{rule.name}(平方米)", check_en=f"Measure in m²: {rule.name_en}",
            clause=clause, quote=quote, level=rule.level, required=req, required_en=req,
            tolerance=tol, min_m2=rule.min_m2, fields=("measured_m2",)))
    return out


def _function_items(standard: Standard) -> list[AuditItem]:
    out = []
    for fn in standard.functions:
        clause, quote = _cited(standard, fn.citation)
        out.append(AuditItem(
            id=f"function.{fn.id}", kind="function", page=f"function-{fn.id}",
            group="function", title=fn.name, title_en=fn.name_en,
            check=f"确认设有{fn.name},记下所在房间",
            check_en=f"Confirm present, and note which room: {fn.name_en}",
            clause=clause, quote=quote, level=fn.level, required=fn.name,
            required_en=fn.name_en, fields=("room",)))
    return out


def _category_items(standard: Standard, which: Literal["window", "board"]) -> list[AuditItem]:
    source: Sequence[Any] = standard.window_categories if which == "window" else standard.boards
    out = []
    for cat in source:
        clause, quote = _cited(standard, cat.citation)
        out.append(AuditItem(
            id=f"{which}.{cat.id}", kind=which, page=f"{which}-{cat.id}", group=which,
            title=cat.name, title_en=cat.name_en,
            check=f"确认设有{cat.name}" + ("窗口" if which == "window" else ""),
            check_en=("Confirm present (service window): " if which == "window"
                      else "Confirm present (board): ") + cat.name_en,
            clause=clause, quote=quote, level=cat.level, required=cat.name,
            required_en=cat.name_en))
    return out


def _rule_items(standard: Standard, origin_id: str | None) -> list[AuditItem]:
    origins = {o.id: o for o in standard.origins}
    origin = origins.get(origin_id or "")
    out = []
    for rule in standard.rules:
        if not rule.check:
            continue
        clause, quote = _cited(standard, rule.citation)
        title, title_en = rule.title, rule.title_en
        check, check_en = rule.check, rule.check_en or rule.text_en
        if rule.origins:
            names = [origins[o] for o in rule.origins if o in origins]
            title += f"(仅{'、'.join(o.name for o in names)})"
            title_en += f" (only {', '.join(o.name_en for o in names)})"
        if rule.per_origin and origin is not None:
            title, title_en = f"{title}({origin.name})", f"{title_en} ({origin.name_en})"
            check, check_en = origin.citation.quote, f"{origin.name_en}: {check_en}"
            clause, quote = _cited(standard, origin.citation)
        out.append(AuditItem(
            id=f"rule.{rule.id}", kind="rule", page=f"rule-{rule.id}", group="rule",
            title=title, title_en=title_en, check=check, check_en=check_en, clause=clause,
            quote=quote, level=rule.kind, required=check, required_en=check_en,
            origins=tuple(rule.origins)))
    return out


def applies_to_origin(item: AuditItem, origin: str | None) -> bool:
    """False when the text limits the item to other origins than the premises' one."""
    return not (origin and item.origins and origin not in item.origins)


def quantity_requirement(q: Quantity, lang: str = "zh") -> str:
    """``≥ 2000 册`` / ``≥ 2 次 a month``: a quantity's requirement as shown."""
    text = f"{COMPARATORS[q.comparator]} {measured(q.value)} {q.unit}"
    if q.per:
        zh, en = PERIODS[q.per]
        text = f"{zh} {text}" if lang == "zh" else f"{text} {en}"
    return text


def _quantity_items(standard: Standard) -> list[AuditItem]:
    out = []
    for q in standard.quantities:
        clause, quote = _cited(standard, q.citation)
        out.append(AuditItem(
            id=f"quantity.{q.id}", kind="quantity", page=f"quantity-{q.id}", group="quantity",
            title=q.name, title_en=q.name_en, check=f"记下{q.name}({q.unit})",
            check_en=f"Count or measure ({q.unit}): {q.name_en}", clause=clause, quote=quote,
            level="required", required=quantity_requirement(q, "zh"),
            required_en=quantity_requirement(q, "en"), quantity=q, fields=("measured",)))
    return out


def rule_url(base_url: str, item: AuditItem, standard_base: str = "", lang: str = "zh"
             ) -> str:
    """The site page an item's QR code opens: ``BASE_URL [en/] [std-id/] rules/<page>/``.

    ``standard_base`` is ``""`` for the core standard, ``"<standard-id>/"`` for the others;
    English pages live under ``en/``.

    >>> from types import SimpleNamespace
    >>> rule_url("http://intranet/signgen", SimpleNamespace(page="plaque-name-sign"))
    'http://intranet/signgen/rules/plaque-name-sign/'
    >>> rule_url("http://x/", SimpleNamespace(page="q"), "learning-community/", "en")
    'http://x/en/learning-community/rules/q/'
    """
    lang_root = "" if lang == "zh" else f"{lang}/"
    return f"{base_url.rstrip('/')}/{lang_root}{standard_base}rules/{item.page}/"


def standard_base(standard: Standard) -> str:
    """Where a standard's pages sit in the site: ``""`` for core, else ``"<id>/"``."""
    return "" if standard.standard.role == "core" else f"{standard.id}/"


def audit_pages(standard: Standard) -> list[tuple[str, str, str]]:
    """(page id, title, title_en) of every page a QR code may open, once each, in order."""
    seen: dict[str, tuple[str, str, str]] = {}
    for item in checkable_items(standard):
        if item.page not in seen:
            title = item.title.split(":")[0]
            title_en = item.title_en.split(": ")[0]
            seen[item.page] = (item.page, title, title_en)
    return list(seen.values())


__all__ = ["COMPARATORS", "PERIODS", "AuditItem", "Kind", "Room", "Site", "StyledPart",
           "applies_to_origin", "audit_pages", "checkable_items", "normalise_text",
           "per_sign_fields", "quantity_requirement", "rule_url", "site_from_plan",
           "standard_base", "tolerance_cm"]
