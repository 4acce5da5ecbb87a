"""Check a renovation plan against a standard: areas, room functions, windows, boards, logo.

:func:`check_plan` returns a :class:`~signgen.output.report.Report` in Chinese (``lang="zh"``,
the default) or English; every item names the spec item it checks and the clause it comes
from, and carries the item's level from the spec. The plan is compliant when no item fails,
and only a ``required`` item can fail: an area under its minimum or a required function no
room serves. Encouraged functions and recommended boards are reported apart with a count
("建议项: 2 / 6 设置") and never fail. Window categories are an open list of examples
(主要有…等): each planned window gets a sign naming its category; no example is required.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from signgen.contractor.messages import CHECK
from signgen.contractor.plan import Plan, PlanEntry
from signgen.messages import check_lang
from signgen.output.numbers import measured
from signgen.output.report import Report, ReportItem, ReportSection, Status
from signgen.spec.model import Category, Cited, Function, Standard


def _item(standard: Standard, item_id: str, status: Status, text: str, source: Cited | None,
          data: dict[str, Any] | None = None) -> ReportItem:
    clause = source.citation.clause if source else ""
    clause_number = standard.clause(clause).number if clause else ""
    facts = dict(data or {})
    level = getattr(source, "level", None)
    if level is not None:
        facts["level"] = level
    return ReportItem(item_id, status, text, source.id if source else "", clause,
                      clause_number, facts)


def _name(lang: str, zh: str, en: str) -> dict[str, str]:
    return {"name": zh, "name_en": f"{en} ({zh})" if lang == "en" else zh}


def area_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """One item per area rule: the plan's area against the minimum, with any shortfall."""
    tolerance = standard.tolerance("area")
    slack = tolerance.plus_minus if tolerance and tolerance.unit == "m2" else 0.0
    zones = {z.id: z for z in standard.zones}
    items = []
    for rule in standard.area_rules:
        area = plan.total_m2 if rule.zone is None else plan.zone_m2(rule.zone)
        short = rule.min_m2 - area
        zone = zones.get(rule.zone) if rule.zone else None
        values = {**_name(lang, rule.name, rule.name_en),
                  "zone": f"({zone.name})" if zone else "",
                  "zone_en": f" ({zone.name_en})" if zone else "",
                  "area": measured(area), "min": measured(rule.min_m2), "short": measured(short),
                  "slack": measured(slack)}
        status: Status = "pass"
        if area >= rule.min_m2:
            text = CHECK.say("area_ok", lang, **values)
        elif area + slack >= rule.min_m2:
            text = CHECK.say("area_tolerance", lang, **values)
        else:
            status, text = "fail", CHECK.say("area_short", lang, **values)
        items.append(_item(standard, f"area:{rule.id}", status, text, rule, {
            "area_m2": area, "min_m2": rule.min_m2, "short_m2": max(short, 0.0),
            "zone": rule.zone}))
    return items


def _function_item(standard: Standard, plan: Plan, function: Function, lang: str
                   ) -> ReportItem:
    rooms = plan.rooms_with(function.id)
    values = {**_name(lang, function.name, function.name_en),
              "rooms": "、".join(r.name for r in rooms), "level_quote": function.level_quote}
    status: Status
    if rooms:
        status, text = "pass", CHECK.say("function_in", lang, **values)
    elif function.can_fail:
        status, text = "fail", CHECK.say("function_missing", lang, **values)
    else:
        status, text = "info", CHECK.say("function_not_planned", lang, **values)
    return _item(standard, f"function:{function.id}", status, text, function,
                 {"rooms": [r.index for r in rooms]})


def _zone_items(standard: Standard, plan: Plan, function: Function, lang: str
                ) -> list[ReportItem]:
    zone = standard.function_zone(function.id)
    zones = {z.id: z for z in standard.zones}
    items = []
    for room in plan.rooms_with(function.id):
        if not (zone and room.zone and room.zone != zone):
            continue
        default, planned = zones[zone], zones[room.zone]
        items.append(_item(standard, f"function-zone:{function.id}:{room.index}", "warn",
                           CHECK.say("function_zone", lang, room=room.name,
                                     function=function.name,
                                     function_en=f"{function.name_en} ({function.name})",
                                     default=default.name, default_en=default.name_en,
                                     planned=planned.name, planned_en=planned.name_en),
                           None, {"room": room.index, "default_zone": zone}))
    return items


def function_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """Each function that can fail: covered (by which rooms) or missing."""
    items = []
    for function in standard.functions:
        if function.can_fail:
            items.append(_function_item(standard, plan, function, lang))
            items.extend(_zone_items(standard, plan, function, lang))
    return items


def encouraged_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """Functions that never fail (encouraged...), with a count of those planned first."""
    optional = [f for f in standard.functions if not f.can_fail]
    if not optional:
        return []
    items = []
    for function in optional:
        items.append(_function_item(standard, plan, function, lang))
        items.extend(_zone_items(standard, plan, function, lang))
    done = sum(1 for f in optional if plan.rooms_with(f.id))
    count = ReportItem("encouraged-count", "info", CHECK.say(
        "encouraged_count", lang, done=done, total=len(optional)),
        data={"planned": done, "listed": len(optional)})
    return [count, *items]


def window_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """Each planned window with the category its sign names; the examples the text lists.

    A required category (if a standard had one) missing from the plan fails; categories of
    an open list (``examples``) are only listed.
    """
    items: list[ReportItem] = []
    sign = next((p for p in standard.plaques if p.repeat == "per_window"), None)
    if not plan.windows and sign is not None:
        items.append(_item(standard, "windows-none", "warn", CHECK.say(
            "windows_none", lang, quote=sign.level_quote, sign=sign.name,
            sign_en=sign.name_en.lower()), sign))
    for entry in plan.windows:
        extra = "" if entry.category else CHECK.say("window_extra", lang)
        items.append(_item(standard, f"window-sign:{entry.index}", "info", CHECK.say(
            "window_sign", lang, n=entry.index + 1, name=entry.name,
            sign=sign.name if sign else "", sign_en=sign.name_en if sign else "") + extra, sign,
            {"index": entry.index, "category": entry.category}))
    items.extend(_listed_items(standard, standard.window_categories, plan.windows, lang))
    examples = [c for c in standard.window_categories if c.level == "examples"]
    if examples:
        planned = "、".join(e.name for e in plan.windows) or CHECK.say("nothing", lang)
        clause = examples[0].citation.clause
        items.append(ReportItem("window-examples", "info", CHECK.say(
            "window_examples", lang, level_quote=examples[0].level_quote,
            examples="、".join(c.name for c in examples),
            examples_en=", ".join(f"{c.name_en} ({c.name})" for c in examples),
            planned=planned), "window_categories", clause, standard.clause(clause).number,
            {"level": "examples", "examples": [c.id for c in examples],
             "planned": [e.category for e in plan.windows if e.category]}))
    return items


def _listed_items(standard: Standard, listed: Sequence[Category], entries: Sequence[PlanEntry],
                  lang: str) -> list[ReportItem]:
    """Required categories of a list: present or missing (a fail)."""
    items = []
    for category in listed:
        if not category.can_fail:
            continue
        count = sum(1 for e in entries if e.category == category.id)
        values = _name(lang, category.name, category.name_en)
        status: Status = "pass" if count else "fail"
        text = (CHECK.say("listed_set", lang, count=count, **values) if count
                else CHECK.say("function_missing", lang, level_quote=category.level_quote,
                               **values))
        items.append(_item(standard, f"required:{category.id}", status, text, category,
                           {"count": count}))
    return items


def board_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """Each board the standard lists: planned or not; a count of the recommended ones first."""
    items: list[ReportItem] = []
    if not plan.boards_listed:
        items.append(ReportItem("board-assumed", "info", CHECK.say("boards_assumed", lang)))
    items.extend(_listed_items(standard, standard.boards, plan.boards, lang))
    optional = [b for b in standard.boards if not b.can_fail]
    for board in optional:
        count = sum(1 for e in plan.boards if e.category == board.id)
        values = _name(lang, board.name, board.name_en)
        text = (CHECK.say("board_set", lang, count=count, **values) if count
                else CHECK.say("board_not_set", lang, **values))
        items.append(_item(standard, f"board:{board.id}", "info", text, board,
                           {"count": count}))
    for entry in plan.boards:
        if entry.category is None:
            items.append(ReportItem(f"board-extra:{entry.index}", "info",
                                    CHECK.say("board_extra", lang, name=entry.name),
                                    data={"index": entry.index}))
    if optional:
        done = sum(1 for b in optional if any(e.category == b.id for e in plan.boards))
        items.insert(0, ReportItem("recommended-count", "info", CHECK.say(
            "recommended_count", lang, done=done, total=len(optional)),
            data={"planned": done, "listed": len(optional)}))
    return items


def logo_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """Where the unified logo goes for the plan's origin (new build, purchase...)."""
    origin = next((o for o in standard.origins if o.id == plan.origin), None)
    if origin is None:
        return []
    place = f"place_{origin.logo_placement}"
    return [_item(standard, f"logo:{origin.id}", "info", CHECK.say(
        "logo", lang, **_name(lang, origin.name, origin.name_en),
        place=CHECK.say(place, "zh"), place_en=CHECK.say(place, "en"),
        quote=origin.citation.quote), origin, {"placement": origin.logo_placement})]


def room_items(standard: Standard, plan: Plan, lang: str = "zh") -> list[ReportItem]:
    """The plan's rooms as written: zone, area and functions."""
    zones = {z.id: z for z in standard.zones}
    items = []
    for room in plan.rooms:
        zone = zones.get(room.zone) if room.zone else None
        zone_text = (f", {zone.name_en}" if lang == "en" else f",{zone.name}") if zone else ""
        served = "、".join(room.names) or CHECK.say("no_function", lang)
        items.append(_item(standard, f"room:{room.index}", "info", CHECK.say(
            "room", lang, name=room.name, area=measured(room.area_m2), zone=zone_text,
            functions=served), None,
            {"area_m2": room.area_m2, "zone": room.zone, "functions": list(room.functions)}))
    return items


def check_plan(standard: Standard, plan: Plan, lang: str = "zh") -> Report:
    """Check ``plan`` against ``standard``; the report's ``ok`` is the verdict."""
    check_lang(lang)
    sections = []

    def add(key: str, section_id: str, items: list[ReportItem]) -> None:
        if items:
            sections.append(ReportSection(section_id, CHECK.say(key, lang), tuple(items)))

    add("s_areas", "areas", area_items(standard, plan, lang))
    add("s_functions", "functions", function_items(standard, plan, lang))
    add("s_encouraged", "encouraged", encouraged_items(standard, plan, lang))
    if standard.window_categories or plan.windows:
        add("s_windows", "windows", window_items(standard, plan, lang))
    if standard.boards or plan.boards:
        add("s_boards", "boards", board_items(standard, plan, lang))
    add("s_logo", "logo", logo_items(standard, plan, lang))
    add("s_rooms", "rooms", room_items(standard, plan, lang))
    zone_areas = {z.id: plan.zone_m2(z.id) for z in standard.zones}
    facts = [(CHECK.say("f_total", lang), CHECK.say("m2", lang, n=measured(plan.total_m2)))]
    facts += [(z.name_en if lang == "en" else z.name,
               CHECK.say("m2", lang, n=measured(zone_areas[z.id]))) for z in standard.zones]
    facts.append((CHECK.say("f_rooms", lang), str(len(plan.rooms))))
    missing = [f.id for f in standard.functions if f.can_fail and not plan.rooms_with(f.id)]
    data = {"total_m2": plan.total_m2, "zone_m2": zone_areas, "rooms": len(plan.rooms),
            "missing_functions": missing, "origin": plan.origin}
    info = standard.standard
    return Report(CHECK.say("title", lang, title=info.title, title_en=info.title_en),
                  plan.source, standard.id, tuple(sections), tuple(facts), data, lang=lang)
