"""A seeded corpus of renovation plans, as a contractor types them, for the two plan engines.

:func:`plan_corpus` makes, for a standard, plans in the shape ``signgen check-plan`` reads
(values as typed: text): compliant ones, plans short of an area rule (total, per zone, at and
just past the tolerance), plans missing required functions, functions by standard name,
alternative name, project alias and id (full-width, spaced, upper-case), areas in full-width
digits, with units and thousands separators, values the reader refuses, empty and missing
room lists, windows and boards present, empty or absent, every origin and none, community
blocks right and wrong, shape errors, and text that must survive (quotes, newlines, emoji).
Everything is drawn from the standard's own lists, so the corpus follows the specs. Same
seed, same corpus.
"""

from __future__ import annotations

import random
from typing import Any

from signgen.communities.identity import community_fields
from signgen.contractor.plan import per_sign_sources
from signgen.spec.model import Standard

Plan = dict[str, Any]

# Areas as people type them: read (full-width, units, separators) and refused.
AREA_FORMS = ("{n}", "{w}", "{n}㎡", "{n} m2", "{n}平方米", "{n}平米", "{n}m²", " {n} ",
              "+{n}", "{n}.0", "{n}.")
BAD_AREAS = ("", "abc", "55,3", "150cm", "-5", "0", "1e400", "nan", "inf", ".inf", "1,50",
             "150 m3", "一百", "12,34,567", "--5", "5e", "１,５００", "Ⅻ", "٣٠", "1_000")
AWKWARD_TEXT = ("会议室\"A\"", "O'Brien's 室", "a\\b", "制表\t符", "换行\n室", "<script>x</script>",
                "😀活动室", "零\u200b宽", "\u2028分隔", "控制\x01符", "  前后空格  ", "=1+1",
                "室" * 201, "﹏", "社区", "#注释", "- 列表", "null", "true", "{a: b}", "   ",
                "\u3000", "😀" * 200, "😀" * 201, "\x85下一行", "\ufeff字节序")


def _full_width(text: str) -> str:
    """ASCII letters, digits and brackets as their full-width forms (NFKC reads them back)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _spaced(text: str) -> str:
    return " ".join(text)


def _area_text(rng: random.Random, value: float) -> str:
    n = f"{value:g}" if value < 1e6 else f"{value:.0f}"
    if value >= 1000 and value.is_integer() and rng.random() < 0.5:
        return f"{int(value):,}"
    forms = AREA_FORMS if value.is_integer() else AREA_FORMS[:-2]  # not 1.5.0
    return rng.choice(forms).format(n=n, w=_full_width(n))


class _Maker:
    def __init__(self, standard: Standard, seed: int) -> None:
        self.s = standard
        self.rng = random.Random(f"{standard.id}:{seed}")
        self.required = [f for f in standard.functions if f.can_fail]
        self.optional = [f for f in standard.functions if not f.can_fail]
        self.zones = standard.zones

    # --- names as written ----------------------------------------------------------------

    def function_name(self, function: Any, style: str | None = None) -> str:
        style = style or self.rng.choice(["name", "alt", "alias", "id", "wide", "spaced",
                                          "upper", "name", "name"])
        names = {"name": function.name, "id": function.id,
                 "alt": self.rng.choice(function.alt_names or [function.name]),
                 "alias": self.rng.choice(function.project_aliases.names
                                          if function.project_aliases else [function.name])}
        if style in names:
            return names[style]
        if style == "wide":
            return _full_width(self.rng.choice([function.name, function.id]))
        if style == "spaced":
            return _spaced(function.name)
        return function.id.upper()

    def zone_name(self, zone_id: str | None) -> str | None:
        if zone_id is None or not self.zones:
            return None
        zone = next(z for z in self.zones if z.id == zone_id)
        return self.rng.choice([zone.id, zone.name, zone.name_en, zone.name[-4:-2] or zone.name,
                                zone.id.upper(), _full_width(zone.id)])

    def entry_name(self, item: Any) -> str:
        return self.rng.choice([item.id, item.name, item.name_en, item.name[:2], item.name,
                                _spaced(item.name)])

    def origin(self) -> str | None:
        if not self.s.origins:
            return None
        origin = self.rng.choice(self.s.origins)
        return self.rng.choice([origin.id, origin.name, origin.name_en])

    def community(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for field in community_fields(self.s):
            values[field.id] = self.rng.choice(field.choices) if field.choices else field.example
        return values

    # --- plans ---------------------------------------------------------------------------

    def zone_of(self, function: Any) -> str | None:
        zone = self.s.function_zone(function.id)
        return zone if zone else (self.zones[0].id if self.zones else None)

    def compliant(self, extra_m2: float = 10.0, style: str | None = None) -> Plan:
        """A room per required function, areas meeting every rule with ``extra_m2`` to spare."""
        rooms: list[dict[str, Any]] = []
        for function in self.required:
            rooms.append({"name": function.name, "zone": self.zone_of(function),
                          "functions": [function]})
        self._set_areas(rooms, extra_m2)
        return self.written(rooms, style)

    def _set_areas(self, rooms: list[dict[str, Any]], extra_m2: float) -> None:
        """Share each zone's minimum (and then the total's) out over its rooms, plus extra."""
        for room in rooms:
            room["area"] = 5.0
        for rule in self.s.area_rules:
            members = [r for r in rooms if rule.zone is None or r["zone"] == rule.zone]
            if not members:
                continue
            have = sum(r["area"] for r in members)
            if have < rule.min_m2 + extra_m2:
                members[-1]["area"] += rule.min_m2 + extra_m2 - have

    def written(self, rooms: list[dict[str, Any]], style: str | None = None,
                area: Any = None) -> Plan:
        """The plan as a contractor types it: names in various forms, areas as text."""
        out = []
        for room in rooms:
            value = room["area"]
            typed = area(value) if area else _area_text(self.rng, value)
            out.append({"name": room["name"], "area_m2": typed,
                        "zone": self.zone_name(room["zone"]),
                        "functions": [self.function_name(f, style) for f in room["functions"]]})
        plan: Plan = {"community": self.community(), "rooms": out}
        origin = self.origin()
        if origin is not None or self.s.origins:
            plan["origin"] = origin
        return plan


def _exact(value: float) -> str:
    return repr(value)


def plan_corpus(standard: Standard, seed: int = 12, random_plans: int = 120
                ) -> list[tuple[str, Plan]]:
    """(case id, plan) pairs: the hand-made cases, then ``random_plans`` random mixtures."""
    m = _Maker(standard, seed)
    cases: list[tuple[str, Plan]] = []

    def add(case: str, plan: Plan) -> None:
        cases.append((f"{standard.id}/{case}", plan))

    for style in ("name", "alt", "alias", "id", "wide", "spaced", "upper"):
        add(f"compliant-{style}", m.compliant(style=style))
    tolerance = standard.tolerance("area")
    slack = tolerance.plus_minus if tolerance else 0.0
    for rule in standard.area_rules:
        for delta in (0.0, slack, slack + 1e-9, slack + 0.0001, 0.01, 1.0, 10.0, -0.5, slack / 2):
            plan_rooms = [{"name": f.name, "zone": m.zone_of(f), "functions": [f]}
                          for f in m.required]
            m._set_areas(plan_rooms, 0.0)
            members = [r for r in plan_rooms if rule.zone is None or r["zone"] == rule.zone]
            have = sum(r["area"] for r in members)
            members[-1]["area"] += rule.min_m2 - have - delta
            add(f"area-{rule.id}-{delta!r}", m.written(plan_rooms, "name", area=_exact))
    for i, function in enumerate(m.required):
        plan = m.compliant(style="name")
        plan["rooms"] = [r for j, r in enumerate(plan["rooms"]) if j != i]
        if plan["rooms"]:
            add(f"missing-{function.id}", plan)
    if len(m.required) > 2:
        plan = m.compliant()
        plan["rooms"] = plan["rooms"][:1]
        add("missing-most", plan)
    for i, text in enumerate(AREA_FORMS + BAD_AREAS):
        plan = m.compliant()
        plan["rooms"][0]["area_m2"] = text.format(n="1,500", w="１５００") if "{" in text else text
        add(f"area-text-{i}", plan)
    for value in ("1,500", "12,345.5", "1,500㎡", "1,000,000", "１５０", "150.5 平方米", "0.0001",
                  "1e-3", "3.03125", "1.00005", "2.00015", "1e21", "1e300"):
        plan = m.compliant()
        plan["rooms"][0]["area_m2"] = value
        add(f"area-read-{value}", plan)
    _names_cases(m, add)
    _entries_cases(m, add)
    _shape_cases(m, add)
    for i in range(random_plans):
        add(f"random-{i:03d}", _random_plan(m))
    return cases


def _names_cases(m: _Maker, add: Any) -> None:
    s = m.s
    for function in s.functions:
        for style in ("name", "alt", "alias", "id", "wide", "spaced", "upper"):
            plan = m.compliant(style="name")
            plan["rooms"][0]["functions"] = [m.function_name(function, style)]
            add(f"function-{function.id}-{style}", plan)
    for i, bad in enumerate(("警卫室", "档案", "会议", "", "康复", "室", "xyz", "社区图书室",
                             "LIBRARY", "图书阅览室 ", "社区多功能会议（学习）室")):
        plan = m.compliant()
        plan["rooms"][-1]["functions"].append(bad)
        add(f"function-unknown-{i}", plan)
    plan = m.compliant()
    plan["rooms"][0]["functions"] = plan["rooms"][0]["functions"] * 3
    add("function-repeated", plan)
    plan = m.compliant()
    plan["rooms"][0]["functions"] = []
    add("function-none", plan)
    if len(s.zones) > 1:  # every function in the other zone: zone warnings
        plan = m.compliant()
        for room in plan["rooms"]:
            room["zone"] = s.zones[-1].id if room["zone"] != s.zones[-1].id else s.zones[0].id
        add("zones-swapped", plan)
    for i, zone in enumerate((None, "", "社区", "办公", "活动", "office ", "OFFICE", "nowhere",
                              "Office space", "社区办公用房")):
        plan = m.compliant()
        plan["rooms"][0]["zone"] = zone
        add(f"zone-{i}", plan)
    for i, values in enumerate(({}, {"community": "  团结社区 "}, {"communty": "x"},
                                {"party_org": "党 总支"}, {"party_org": "党支部"},
                                {"room_functions": "x", "board": "y", "category": "z"},
                                {"社区": "x"}, {"district": ""}, {"null": "x", "on": "y"},
                                {"1": "x", "True": "y", "a b": "z"})):
        plan = m.compliant()
        plan["community"] = {**plan["community"], **values} if i else {}
        add(f"community-{i}", plan)
    for i, origin in enumerate([*(o.name for o in s.origins), *(o.id for o in s.origins), None,
                                "", "自建", "NEW_BUILD", "New build", "购"]):
        plan = m.compliant()
        plan["origin"] = origin
        add(f"origin-{i}", plan)
    for i, text in enumerate(AWKWARD_TEXT):
        plan = m.compliant()
        plan["rooms"][0]["name"] = text
        add(f"text-{i}", plan)


def _entries_cases(m: _Maker, add: Any) -> None:
    s = m.s
    for key, items in (("windows", s.window_categories), ("boards", s.boards)):
        for i, names in enumerate((None, [], [m.entry_name(x) for x in items],
                                   [x.name for x in items] * 2, ["残联", "", "宣传栏", "栏"],
                                   [x.id.upper() for x in items[:2]], ["  党建 ", "社保"],
                                   [_full_width(x.id) for x in items[:1]], ["x" * 201])):
            plan = m.compliant()
            if names is None:
                plan.pop(key, None)
            else:
                plan[key] = names
            add(f"{key}-{i}", plan)


def _shape_cases(m: _Maker, add: Any) -> None:
    base = m.compliant()
    room = base["rooms"][0]
    shapes: list[Any] = [
        {**base, "rooms": []}, {k: v for k, v in base.items() if k != "rooms"},
        {**base, "rooms": "x"}, {**base, "rooms": [room, "x", None]},
        {**base, "rooms": [{**room, "area_m2": None}]},
        {**base, "rooms": [{**room, "area_m2": True}]},
        {**base, "rooms": [{**room, "area_m2": 150}]},
        {**base, "rooms": [{**room, "area_m2": 1.5e-7}]},
        {**base, "rooms": [{**room, "area_m2": -3}]}, {**base, "rooms": [{**room, "extra": 1}]},
        {**base, "rooms": [{k: v for k, v in room.items() if k != "name"}]},
        {**base, "rooms": [{k: v for k, v in room.items() if k != "area_m2"}]},
        {**base, "rooms": [{**room, "name": 5, "zone": 5, "functions": "x"}]},
        {**base, "rooms": [{**room, "functions": [5, None, True]}]},
        {**base, "rooms": [{**room, "functions": None}]}, {**base, "community": None},
        {**base, "community": {"community": 5, "district": True}}, {**base, "origin": ["x"]},
        {**base, "orign": "x"}, {**base, "社区": "x"}, {**base, "windows": "x", "boards": [5]},
        [], "plan", None, 5, {},
    ]
    for i, plan in enumerate(shapes):
        add(f"shape-{i}", plan)


def _random_plan(m: _Maker) -> Plan:
    rng, s = m.rng, m.s
    rooms = []
    for _ in range(rng.randint(0 if rng.random() < 0.03 else 1, 9)):
        functions = rng.sample(s.functions, k=min(len(s.functions), rng.choice([0, 1, 1, 1, 2, 3])))
        names = [m.function_name(f) for f in functions]
        if rng.random() < 0.08:
            names.append(rng.choice(["警卫室", "会议", "办公室", "x"]))
        area: float = rng.choice([rng.uniform(1, 120), float(rng.randint(1, 200)), 0.03125,
                                  rng.randint(1, 40) / 32, rng.uniform(0, 1)])
        typed = (rng.choice(BAD_AREAS) if rng.random() < 0.05 else _area_text(rng, area)
                 if rng.random() < 0.7 else repr(area))
        zone = m.zone_name(rng.choice(s.zones).id) if s.zones else None
        if rng.random() < 0.05:
            zone = rng.choice([None, "社区", "nowhere"])
        name = rng.choice([*(f.name for f in functions), "综合室", "一楼大厅", *AWKWARD_TEXT[:8]])
        rooms.append({"name": name, "area_m2": typed, "zone": zone, "functions": names})
    plan: Plan = {"community": m.community(), "rooms": rooms}
    if rng.random() < 0.9 and (s.origins or rng.random() < 0.2):
        plan["origin"] = m.origin() if rng.random() < 0.95 else None
    for key, items in (("windows", s.window_categories), ("boards", s.boards)):
        if rng.random() < 0.8:
            plan[key] = [m.entry_name(x) for x in rng.sample(items, k=rng.randint(0, len(items)))]
            if rng.random() < 0.1:
                plan[key].append(rng.choice(["残联", "栏", "其他"]))
    if rng.random() < 0.05:
        key = rng.choice(list(per_sign_sources(s)) or ["x"])
        plan["community"][key] = "x"
    return plan

