"""What an auditor checks on site: one :class:`AuditItem` per checkable item of a standard.

Every item comes from the loaded :class:`~signgen.spec.model.Standard` (area rules, required
functions, plaques, window categories, boards, rules with a ``check``, quantities); its id is
derived from the spec ids, so the same standard and site always give the same items in the
same order. Only values the standard itself fixes are judged: a plaque size or style that
is a project default is not an audit item.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from signgen.contractor.plan import Plan
from signgen.output.numbers import measured
from signgen.spec.model import Clause, Plaque, Quantity, Standard, Tolerance
from signgen.spec.template import fill_template, plaque_fields, template_parts

Kind = Literal["area", "function", "plaque-size", "plaque-placement", "plaque-text",
               "plaque-colours",
               "plaque-typefaces", "window", "board", "rule", "quantity"]

# Interface words (not the standard's): how an aspect of a plaque or a period is called.
ASPECTS: dict[str, tuple[str, str]] = {
    "size": ("尺寸", "size"),
    "placement": ("位置", "placement"),
    "text": ("文字", "text"),
    "colours": ("颜色", "colours"),
    "typefaces": ("字体", "typefaces"),
}
PERIODS: dict[str, tuple[str, str]] = {
    "day": ("每日", "a day"), "week": ("每周", "a week"),
    "month": ("每月", "a month"), "year": ("每年", "a year"),
}
COMPARATORS: dict[str, str] = {">=": "≥", "<=": "≤", "==": "="}
ROOM_JOINER = "、"  # how a room plaque lists several functions, as in the standard's lists


@dataclass(frozen=True)
class Room:
    """A room of the site being audited: its name and function ids."""

    name: str
    functions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    """What a plan says is on site: rooms, service windows and boards (names as shown)."""

    rooms: tuple[Room, ...] = ()
    windows: tuple[str, ...] = ()
    boards: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when no plan gave rooms, windows or boards."""
        return not (self.rooms or self.windows or self.boards)


@dataclass(frozen=True)
class StyledPart:
    """One part of a plaque whose colour or typeface the standard fixes."""

    key: str  # segment id, or "background"
    label: str  # the part's text for this community, or the word for background
    spec_id: str  # colour id or typeface id


@dataclass(frozen=True)
class AuditItem:
    """One thing an auditor checks, with what the standard requires of it."""

    id: str
    kind: Kind
    page: str  # id of the site page that explains it (see :func:`rule_url`)
    group: str  # items of one group share a page of the audit sheet
    title: str
    title_en: str
    check: str
    check_en: str
    clause: Clause
    quote: str
    level: str  # required, recommended, requirement, recommendation...
    required: str
    required_en: str
    tolerance: Tolerance | None = None
    min_m2: float | None = None
    size_cm: tuple[float | None, float | None] = (None, None)  # height, width
    text_pattern: str | None = None  # regex on normalise_text(observed)
    parts: tuple[StyledPart, ...] = ()
    quantity: Quantity | None = None
    fields: tuple[str, ...] = field(default=())  # what the auditor fills besides result, note


def normalise_text(text: str) -> str:
    """Text as compared: NFKC (full-width ，（） become ,()), every whitespace removed.

    >>> normalise_text("党支部（党总支）， 居委会")
    '党支部(党总支),居委会'
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


def tolerance_cm(tol: Tolerance | None) -> float:
    """A length tolerance in centimetres (0 when there is none)."""
    if tol is None:
        return 0.0
    return {"mm": 0.1, "cm": 1.0}.get(tol.unit, 1.0) * tol.plus_minus


def site_from_plan(plan: Plan) -> Site:
    """The rooms, windows and boards of a :class:`signgen.contractor.plan.Plan`."""
    return Site(
        rooms=tuple(Room(r.name, tuple(r.functions)) for r in plan.rooms),
        windows=tuple(w.name for w in plan.windows),
        boards=tuple(b.name for b in plan.boards) if plan.boards_listed else (),
    )


def checkable_items(standard: Standard, values: Mapping[str, str] | None = None,
                    site: Site | None = None) -> list[AuditItem]:
    """Every checkable item of ``standard`` for one community, in a stable order.

    ``values`` fills the plaques' ``{field}`` names; ``site`` (from a plan) gives one item
    per room, window and board for plaques repeated that way, else one generic item each.
    """
    values = dict(values or {})
    site = site or Site()
    items: list[AuditItem] = []
    items += _area_items(standard)
    items += _function_items(standard)
    for plaque in standard.plaques:
        items += _plaque_items(standard, plaque, values, site)
    items += _category_items(standard, "window")
    items += _category_items(standard, "board")
    items += _rule_items(standard)
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
            clause=clause, quote=quote, level="required", required=req, required_en=req,
            tolerance=tol, min_m2=rule.min_m2, fields=("measured_m2",)))
    return out


def _function_items(standard: Standard) -> list[AuditItem]:
    out = []
    for fn in standard.functions:
        if fn.level != "required":
            continue
        clause, quote = _cited(standard, fn.citation)
        out.append(AuditItem(
            id=f"function.{fn.id}", kind="function", page=f"function-{fn.id}",
            group="function", title=fn.name, title_en=fn.name_en,
            check=f"确认设有{fn.name},记下所在房间",
            check_en=f"Confirm present, and note which room: {fn.name_en}",
            clause=clause, quote=quote, level=fn.level, required=fn.name,
            required_en=fn.name_en, fields=("room",)))
    return out


def _text_pattern(standard: Standard, plaque: Plaque, values: Mapping[str, str]) -> str:
    """A regex for the plaque's text: filled values exactly, unfilled fields by choice or any."""
    fields = {f.id: f for f in standard.fields}
    pattern = ""
    for seg_id in (s for line in standard.layout(plaque.id).lines for s in line):
        segment = next(s for s in plaque.segments if s.id == seg_id)
        pattern += _template_pattern(segment.text, values, fields)
    return pattern


def _template_pattern(template: str, values: Mapping[str, str], fields: Mapping[str, Any]
                      ) -> str:
    out = ""
    for literal, name in template_parts(template):
        out += re.escape(normalise_text(literal))
        if name is None:
            continue
        value = values.get(name, "").strip()
        spec_field = fields.get(name)
        if value:
            out += re.escape(normalise_text(value))
        elif spec_field is not None and spec_field.choices:
            out += "(?:" + "|".join(re.escape(normalise_text(c)) for c in spec_field.choices) + ")"
        else:
            out += ".+"
    return out


def _plaque_text(standard: Standard, plaque: Plaque, values: Mapping[str, str]) -> str:
    placeholders = {f.id: f.placeholder for f in standard.fields}
    lines = standard.layout(plaque.id).lines
    segments = {s.id: s for s in plaque.segments}
    return "".join(fill_template(segments[s].text, values, placeholders)
                   for line in lines for s in line)


def _template_fields(plaque: Plaque) -> list[str]:
    return plaque_fields(plaque)


def _copy_keys(prefix: str, names: Sequence[str], known: Sequence[Any]) -> list[str]:
    """A key per copy: the standard's id when the name is one of its items, else numbered."""
    by_name = {n: item.id for item in known for n in (item.id, item.name)}
    keys: list[str] = []
    for i, name in enumerate(names):
        base = by_name.get(name, f"{prefix}-{i + 1}")
        key, n = base, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        keys.append(key)
    return keys


def _repeats(standard: Standard, plaque: Plaque, site: Site) -> list[tuple[str, str, str]]:
    """(key, label, value) for each copy of a repeated plaque on this site.

    The value goes into every ``{field}`` of the plaque that the community values leave
    empty (as in the sign schedule): a room's function names joined with 、 (or its name),
    a window's category, a board's name.
    """
    if plaque.repeat == "per_room" and site.rooms:
        names = {f.id: f.name for f in standard.functions}
        return [(f"room-{i + 1}", room.name,
                 ROOM_JOINER.join(names.get(f, f) for f in room.functions) or room.name)
                for i, room in enumerate(site.rooms)]
    if plaque.repeat == "per_window" and site.windows:
        keys = _copy_keys("window", site.windows, standard.window_categories)
        return [(k, w, w) for k, w in zip(keys, site.windows, strict=True)]
    if plaque.repeat == "per_board" and site.boards:
        keys = _copy_keys("board", site.boards, standard.boards)
        return [(k, b, b) for k, b in zip(keys, site.boards, strict=True)]
    return [("", "", "")]


def _plaque_items(standard: Standard, plaque: Plaque, values: Mapping[str, str], site: Site
                  ) -> list[AuditItem]:
    clause, quote = _cited(standard, plaque.citation)
    base: dict[str, Any] = dict(id=f"plaque.{plaque.id}", page=f"plaque-{plaque.id}",
                                group=f"plaque-{plaque.kind}", clause=clause, quote=quote,
                                level="required")
    out: list[AuditItem] = []
    h_mm, w_mm = plaque.size.height_mm, plaque.size.width_mm
    if h_mm is not None or w_mm is not None:
        out.append(_size_item(standard, plaque, base, h_mm, w_mm))
    zh, en = ASPECTS["placement"]
    out.append(AuditItem(
        **{**base, "id": f"plaque.{plaque.id}.placement"}, kind="plaque-placement",
        title=f"{plaque.name}:{zh}", title_en=f"{plaque.name_en}: {en}",
        check=f"确认{plaque.name}的位置:{plaque.placement}",
        check_en=f"Confirm where it is mounted: {plaque.name_en}: {plaque.placement_en}",
        required=plaque.placement, required_en=plaque.placement_en))
    for key, label, value in _repeats(standard, plaque, site):
        filled = dict(values)
        for name in _template_fields(plaque) if value else ():
            if not filled.get(name):
                filled[name] = value
        text = _plaque_text(standard, plaque, filled)
        suffix = f".{key}" if key else ""
        where = f" · {label}" if label else ""
        zh, en = ASPECTS["text"]
        out.append(AuditItem(
            **{**base, "id": f"plaque.{plaque.id}{suffix}.text"}, kind="plaque-text",
            title=f"{plaque.name}{where}:{zh}", title_en=f"{plaque.name_en}{where}: {en}",
            check=f"记下{plaque.name}上的文字({plaque.placement})",
            check_en=f"Copy the text exactly: {plaque.name_en} ({plaque.placement_en})",
            required=text, required_en=text,
            text_pattern=_text_pattern(standard, plaque, filled), fields=("observed",)))
    out += _style_items(standard, plaque, values, base)
    return out


def _size_item(standard: Standard, plaque: Plaque, base: dict[str, Any],
               h_mm: float | None, w_mm: float | None) -> AuditItem:
    h = h_mm / 10 if h_mm is not None else None
    w = w_mm / 10 if w_mm is not None else None
    if h is not None and w is not None:
        req = f"{measured(h)} × {measured(w)} cm"
        req_zh, req_en = f"{req}(高 × 长)", f"{req} (height × width)"
    elif h is not None:
        req_zh, req_en = f"高 {measured(h)} cm(长度标准未定)", f"{measured(h)} cm high " \
                                                            "(width not fixed by the standard)"
    else:
        req_zh, req_en = f"长 {measured(w or 0)} cm(高度标准未定)", f"{measured(w or 0)} cm wide " \
                                                               "(height not fixed by the standard)"
    zh, en = ASPECTS["size"]
    return AuditItem(
        **{**base, "id": f"{base['id']}.size"}, kind="plaque-size",
        title=f"{plaque.name}:{zh}", title_en=f"{plaque.name_en}: {en}",
        check=f"测量{plaque.name}的高和长(厘米)",
        check_en=f"Measure height and width in cm: {plaque.name_en}",
        required=req_zh, required_en=req_en, tolerance=standard.tolerance("plaque_size"),
        size_cm=(h, w), fields=("measured",))


def _style_items(standard: Standard, plaque: Plaque, values: Mapping[str, str],
                 base: dict[str, Any]) -> list[AuditItem]:
    placeholders = {f.id: f.placeholder for f in standard.fields}
    colours = [StyledPart(s.id, fill_template(s.text, values, placeholders), s.colour)
               for s in plaque.segments if s.colour is not None]
    if plaque.background is not None:
        colours.append(StyledPart("background", "底色", plaque.background))
    faces = [StyledPart(s.id, fill_template(s.text, values, placeholders), s.typeface)
             for s in plaque.segments if s.typeface is not None]
    out = []
    for aspect, parts in (("colours", colours), ("typefaces", faces)):
        if not parts:
            continue
        zh, en = ASPECTS[aspect]
        if aspect == "colours":
            req = "; ".join(f"{p.label}: {standard.colour(p.spec_id).name} "
                            f"{standard.colour_value(p.spec_id).hex}" for p in parts)
            req_en = "; ".join(f"{p.label}: {standard.colour(p.spec_id).name_en} "
                               f"{standard.colour_value(p.spec_id).hex}" for p in parts)
        else:
            req = "; ".join(f"{p.label}: {standard.typeface(p.spec_id).name}" for p in parts)
            req_en = "; ".join(f"{p.label}: {standard.typeface(p.spec_id).name_en}"
                               for p in parts)
        out.append(AuditItem(
            **{**base, "id": f"{base['id']}.{aspect}"}, kind=f"plaque-{aspect}",  # type: ignore[arg-type]
            title=f"{plaque.name}:{zh}", title_en=f"{plaque.name_en}: {en}",
            check=f"逐段记下{plaque.name}的{zh}",
            check_en=f"Note the {en} of each part: {plaque.name_en}",
            required=req, required_en=req_en, parts=tuple(parts), fields=("observed",)))
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


def _rule_items(standard: Standard) -> list[AuditItem]:
    out = []
    for rule in standard.rules:
        if not rule.check:
            continue
        clause, quote = _cited(standard, rule.citation)
        out.append(AuditItem(
            id=f"rule.{rule.id}", kind="rule", page=f"rule-{rule.id}", group="rule",
            title=rule.title, title_en=rule.title_en, check=rule.check,
            check_en=rule.check_en or rule.text_en, clause=clause, quote=quote,
            level=rule.kind, required=rule.check, required_en=rule.check_en or rule.text_en))
    return out


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
