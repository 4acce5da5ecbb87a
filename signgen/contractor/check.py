"""Check a renovation plan against a standard: areas, room functions, windows, boards, logo.

:func:`check_plan` returns a :class:`~signgen.output.report.Report`; every item names the
spec item it checks and the clause it comes from. The plan is compliant when no item fails:
an area under its minimum, a required function no room serves, or a required window
category with no window. Encouraged functions and recommended boards never fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from signgen.contractor.plan import Plan, PlanEntry
from signgen.output.numbers import measured
from signgen.output.report import Report, ReportItem, ReportSection, Status
from signgen.spec.model import Category, Cited, Standard


def _item(standard: Standard, item_id: str, status: Status, text: str, source: Cited | None,
          data: dict[str, Any] | None = None) -> ReportItem:
    clause = source.citation.clause if source else ""
    clause_number = standard.clause(clause).number if clause else ""
    return ReportItem(item_id, status, text, source.id if source else "", clause,
                      clause_number, data or {})


def area_items(standard: Standard, plan: Plan) -> list[ReportItem]:
    """One item per area rule: the plan's area against the minimum, with any shortfall."""
    tolerance = standard.tolerance("area")
    slack = tolerance.plus_minus if tolerance and tolerance.unit == "m2" else 0.0
    zones = {z.id: z for z in standard.zones}
    items = []
    for rule in standard.area_rules:
        area = plan.total_m2 if rule.zone is None else plan.zone_m2(rule.zone)
        short = rule.min_m2 - area
        where = f" ({zones[rule.zone].name})" if rule.zone in zones else ""
        label = f"{rule.name} {rule.name_en}{where}"
        if area + slack >= rule.min_m2:
            text = f"{label}: {measured(area)} m² ≥ {measured(rule.min_m2)} m²"
            status: Status = "pass"
        else:
            text = (f"{label}: {measured(area)} m² < {measured(rule.min_m2)} m²: "
                    f"short by {measured(short)} m²")
            status = "fail"
        items.append(_item(standard, f"area:{rule.id}", status, text, rule, {
            "area_m2": area, "min_m2": rule.min_m2, "short_m2": max(short, 0.0),
            "zone": rule.zone}))
    return items


def function_items(standard: Standard, plan: Plan) -> list[ReportItem]:
    """Each required function covered (by which rooms) or missing; encouraged ones present."""
    items = []
    for function in standard.functions:
        rooms = plan.rooms_with(function.id)
        names = "、".join(r.name for r in rooms)
        label = f"{function.name} {function.name_en}"
        data: dict[str, Any] = {"level": function.level, "rooms": [r.index for r in rooms]}
        status: Status
        if rooms:
            status = "pass"
            text = f"{label}: in {names}"
        elif function.level == "required":
            status, text = "fail", f"{label}: missing (required)"
        else:
            status, text = "info", f"{label}: not planned (encouraged where conditions allow)"
        items.append(_item(standard, f"function:{function.id}", status, text, function, data))
        zone = standard.function_zone(function.id)
        for room in rooms:
            if zone and room.zone and room.zone != zone:
                zones = {z.id: z.name for z in standard.zones}
                items.append(_item(standard, f"function-zone:{function.id}:{room.index}",
                                   "warn",
                                   f"{room.name}: {function.name} is counted as "
                                   f"{zones.get(zone, zone)} by project default, the plan puts "
                                   f"the room in {zones.get(room.zone, room.zone)}",
                                   None, {"room": room.index, "default_zone": zone}))
    return items


def _entry_items(standard: Standard, kind: str, what: str, listed: Sequence[Category],
                 entries: Sequence[PlanEntry]) -> list[ReportItem]:
    items = []
    for category in listed:
        count = sum(1 for e in entries if e.category == category.id)
        label = f"{category.name} {category.name_en}"
        status: Status
        if count:
            status, text = "pass", f"{label}: {count} {what}"
        elif category.level == "required":
            status, text = "fail", f"{label}: missing"
        else:
            status, text = "info", f"{label}: not planned ({category.level})"
        items.append(_item(standard, f"{kind}:{category.id}", status, text, category,
                           {"count": count, "level": category.level}))
    for entry in entries:
        if entry.category is None:
            items.append(_item(standard, f"{kind}-extra:{entry.index}", "info",
                               f"{entry.name}: not in the standard's list, kept as written",
                               None, {"index": entry.index}))
    return items


def logo_items(standard: Standard, plan: Plan) -> list[ReportItem]:
    """Where the unified logo goes for the plan's origin (new build, purchase...)."""
    origin = next((o for o in standard.origins if o.id == plan.origin), None)
    if origin is None:
        return []
    place = {"roof": "on the roof", "name_sign_front": "at the front end of the name sign"}
    return [_item(standard, f"logo:{origin.id}", "info",
                  f"{origin.name} {origin.name_en}: the logo goes "
                  f"{place[origin.logo_placement]} ({origin.citation.quote})", origin,
                  {"placement": origin.logo_placement})]


def room_items(standard: Standard, plan: Plan) -> list[ReportItem]:
    """The plan's rooms as written: zone, area and functions."""
    zones = {z.id: z.name for z in standard.zones}
    functions = {f.id: f.name for f in standard.functions}
    items = []
    for room in plan.rooms:
        zone = f", {zones.get(room.zone, room.zone)}" if room.zone else ""
        served = "、".join(functions[f] for f in room.functions) or "no function"
        items.append(_item(standard, f"room:{room.index}", "info",
                           f"{room.name}: {measured(room.area_m2)} m²{zone}: {served}", None,
                           {"area_m2": room.area_m2, "zone": room.zone,
                            "functions": list(room.functions)}))
    return items


def check_plan(standard: Standard, plan: Plan) -> Report:
    """Check ``plan`` against ``standard``; the report's ``ok`` is the verdict."""
    sections = []
    if standard.area_rules:
        sections.append(ReportSection("areas", "面积 Floor area",
                                      tuple(area_items(standard, plan))))
    if standard.functions:
        sections.append(ReportSection("functions", "功能设置 Room functions",
                                      tuple(function_items(standard, plan))))
    if standard.window_categories or plan.windows:
        sections.append(ReportSection("windows", "服务窗口 Service windows", tuple(
            _entry_items(standard, "window", "window(s)", standard.window_categories,
                         plan.windows))))
    if standard.boards or plan.boards:
        boards = _entry_items(standard, "board", "board(s)", standard.boards, plan.boards)
        if not plan.boards_listed:
            boards.insert(0, ReportItem("board-assumed", "info",
                                        "The plan lists no boards: every board the standard "
                                        "lists is assumed"))
        sections.append(ReportSection("boards", "宣传栏 Bulletin boards", tuple(boards)))
    logo = logo_items(standard, plan)
    if logo:
        sections.append(ReportSection("logo", "社区标识 Community logo", tuple(logo)))
    sections.append(ReportSection("rooms", "房间 Rooms", tuple(room_items(standard, plan))))
    zone_areas = {z.id: plan.zone_m2(z.id) for z in standard.zones}
    facts = [("总面积 Total", f"{measured(plan.total_m2)} m²")]
    facts += [(f"{z.name} {z.name_en}", f"{measured(zone_areas[z.id])} m²")
              for z in standard.zones]
    facts.append(("房间 Rooms", str(len(plan.rooms))))
    missing = [f.id for f in standard.functions
               if f.level == "required" and not plan.rooms_with(f.id)]
    data = {"total_m2": plan.total_m2, "zone_m2": zone_areas, "rooms": len(plan.rooms),
            "missing_functions": missing, "origin": plan.origin}
    return Report(f"{standard.standard.title}: 方案检查 Plan check", plan.source, standard.id,
                  tuple(sections), tuple(facts), data)
