"""A renovation plan (``PLAN.yaml``): its rooms, windows and boards, resolved against a standard.

Names in a plan are what a contractor writes: a function by its id, Chinese name or an
alternative name; a zone, window category or board by its id, name, or an unambiguous part of
its name (``党建`` for ``党建宣传栏``). :func:`load_plan` checks the file's shape with pydantic,
resolves every name against the :class:`~signgen.spec.model.Standard`, and reports every problem
as ``file:line:col: field: expected ..., got ...``.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from signgen.communities.identity import community_fields
from signgen.contractor.messages import PLAN
from signgen.contractor.names import (
    match_named,
    normalise,
    resolve_function,
    standard_name,
    suggest_functions,
)
from signgen.errors import ProblemList, SigngenError
from signgen.messages import Msg, text_in
from signgen.spec.load import pydantic_problems
from signgen.spec.model import Category, Standard
from signgen.spec.template import plaque_fields
from signgen.spec.values import ValueProblem, read_number
from signgen.spec.yamlsource import Locator, load_yaml

__all__ = ["Plan", "PlanEntry", "PlanInput", "PlanRoom", "RoomInput", "load_plan", "match_named",
           "normalise", "parse_plan", "per_sign_sources", "resolve_function", "standard_name",
           "suggest_functions"]

_Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]


# --- the file's shape -------------------------------------------------------------------


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class RoomInput(_Shape):
    """One room as written in the plan file."""

    name: _Text
    area_m2: int | float | str = Field(
        description="floor area in m²: a number, or text as people type it (150㎡, １５０)")
    zone: _Text | None = None
    functions: list[_Text] = Field(default_factory=list)


class PlanInput(_Shape):
    """The plan file as written, before names are resolved."""

    community: dict[str, str] = Field(default_factory=dict)
    origin: _Text | None = None
    rooms: list[RoomInput] = Field(min_length=1)
    windows: list[_Text] | None = None
    boards: list[_Text] | None = None


# --- the resolved plan ------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRoom:
    """A room with its zone and functions resolved to spec ids."""

    index: int  # position in the plan's room list, from 0
    name: str
    area_m2: float
    zone: str | None  # zone id; None when the standard has no zones
    functions: tuple[str, ...]  # function ids, in the plan's order, without repeats
    line: int = 0
    # For each function, the standard's name the plan used (an alternative name the standard
    # gives, e.g. 矛盾调解室, stays; a project alias becomes the standard's name): plaque text.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanEntry:
    """A service window or a bulletin board: the standard's item, or one it does not list."""

    index: int
    written: str  # as written in the plan
    category: str | None  # id of the window category or board; None if the standard lacks it
    name: str  # the standard's name when known, else as written


def add_areas(areas: Iterable[float]) -> float:
    """Areas added left to right from 0, one after the other: the same float on every Python
    (``sum`` compensates from 3.12 on) and in the browser engine (``signgen-plan.js``)."""
    total = 0.0
    for area in areas:
        total += area
    return total


@dataclass(frozen=True)
class Plan:
    """A renovation plan, every name resolved against one standard."""

    source: str
    standard: str  # the standard's id
    community: dict[str, str]
    origin: str | None  # origin id
    rooms: tuple[PlanRoom, ...]
    windows: tuple[PlanEntry, ...]
    boards: tuple[PlanEntry, ...]
    boards_listed: bool = True  # False: no ``boards:`` key, every board of the standard assumed

    @property
    def total_m2(self) -> float:
        """The floor area of all rooms."""
        return add_areas(r.area_m2 for r in self.rooms)

    def zone_m2(self, zone_id: str) -> float:
        """The floor area of the rooms in one zone."""
        return add_areas(r.area_m2 for r in self.rooms if r.zone == zone_id)

    def rooms_with(self, function_id: str) -> list[PlanRoom]:
        """The rooms that serve a function."""
        return [r for r in self.rooms if function_id in r.functions]


# --- loading ----------------------------------------------------------------------------


def _choices(items: Sequence[Any]) -> str:
    return ", ".join(f"{item.id} ({item.name})" for item in items)


class _Resolver:
    def __init__(self, standard: Standard, locator: Locator) -> None:
        self.standard = standard
        self.loc = locator
        self.problems = ProblemList()

    def bad(self, path: tuple[str | int, ...], message: Msg) -> None:
        self.problems.extend([self.loc.problem(path, message)])

    def community(self, values: dict[str, str]) -> dict[str, str]:
        """The community's own values; a per-sign field (a board's name...) is refused."""
        every = {f.id: f for f in self.standard.fields}
        fields = {f.id: f for f in community_fields(self.standard)} if every else {}
        per_sign = per_sign_sources(self.standard)
        out: dict[str, str] = {}
        for key, value in values.items():
            path: tuple[str | int, ...] = ("community", key)
            spec_field = fields.get(key)
            known = ", ".join(fields)
            if every and key in per_sign:
                source, plaque = per_sign[key]
                self.bad(path, PLAN.msg("per_sign_field", field=key, plaque=plaque.name,
                                        plaque_en=plaque.name_en, source=source, known=known))
                continue
            if every and spec_field is None:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = PLAN.msg("did_you_mean", name=close[0]) if close else ""
                self.bad(path, PLAN.msg("unknown_key", hint=hint, known=known))
                continue
            text = value.strip()
            if spec_field and spec_field.choices and text and text not in spec_field.choices:
                self.bad(path, PLAN.msg("choice", choices=", ".join(spec_field.choices),
                                        got=value))
                continue
            out[key] = text
        return out

    def origin(self, written: str | None) -> str | None:
        if written is None:
            if self.standard.origins:
                self.bad(("origin",), PLAN.msg("origin_missing",
                                               known=_choices(self.standard.origins)))
            return None
        origin_id, _ = match_named(self.standard.origins, written)
        if origin_id is None:
            known = _choices(self.standard.origins) or PLAN.msg("none_listed")
            self.bad(("origin",), PLAN.msg("choice", choices=known, got=written))
        return origin_id

    def area(self, i: int, written: int | float | str) -> float:
        """A room's area in m², read as people type it (``150㎡``, full-width digits)."""
        try:
            return read_number(written, "m2", positive=True)
        except ValueProblem as problem:
            self.bad(("rooms", i, "area_m2"), problem.msg())
            return 0.0

    def zone(self, i: int, written: str | None) -> str | None:
        path: tuple[str | int, ...] = ("rooms", i, "zone")
        zones = self.standard.zones
        if written is None:
            if zones:
                self.bad(path, PLAN.msg("zone_missing", known=_choices(zones)))
            return None
        zone_id, several = match_named(zones, written)
        if zone_id is None:
            known = _choices(zones) or PLAN.msg("none_listed")
            extra = PLAN.msg("several", items=", ".join(several)) if several else ""
            choices = Msg(known, text_in(known, "en")) + extra  # each language its own
            self.bad(path, PLAN.msg("choice", choices=choices, got=written))
        return zone_id

    def functions(self, i: int, written: Sequence[object]) -> tuple[tuple[str, str], ...]:
        """(function id, the standard's name to show) per function, without repeats."""
        out: list[tuple[str, str]] = []
        for j, name in enumerate(written):
            if not isinstance(name, str):
                continue  # a shape error, reported by pydantic
            function = resolve_function(self.standard, name)
            if function is None:
                close = suggest_functions(self.standard, name)
                either = PLAN.msg("or")
                hint = (PLAN.msg("function_hint", names=Msg(str(either).join(close),
                                                             either.en.join(close)))
                        if close else "")
                self.bad(("rooms", i, "functions", j),
                         PLAN.msg("function_unknown", standard=self.standard.id, hint=hint,
                                  got=name))
            elif function.id not in (f for f, _ in out):
                out.append((function.id, standard_name(function, name)))
        return tuple(out)

    def entries(self, key: str, written: Sequence[object], items: Sequence[Category]
                ) -> tuple[PlanEntry, ...]:
        out = []
        by_id = {item.id: item for item in items}
        for i, name in enumerate(written):
            if not isinstance(name, str):
                continue  # a shape error, reported by pydantic
            item_id, several = match_named(items, name)
            if several:
                self.bad((key, i), PLAN.msg("entry_several", got=name, items=", ".join(
                    by_id[s].name for s in several)))
                continue
            shown = by_id[item_id].name if item_id else name.strip()
            out.append(PlanEntry(i, name, item_id, shown))
        return tuple(out)


def parse_plan(data: Any, locator: Locator, standard: Standard) -> Plan:
    """Validate and resolve plan data already loaded from YAML (see :func:`load_plan`)."""
    if not isinstance(data, dict):
        raise SigngenError([locator.problem((), PLAN.msg("not_mapping",
                                                         got=type(data).__name__))])
    r = _Resolver(standard, locator)
    try:
        raw = PlanInput.model_validate(data)
    except ValidationError as exc:
        r.problems.extend(pydantic_problems(exc, locator, PlanInput))
        _check_names_leniently(r, data)
        r.problems.raise_if_any()
        raise  # unreachable: a validation error always leaves a problem
    community = r.community(raw.community)
    origin = r.origin(raw.origin)
    rooms = []
    for i, room in enumerate(raw.rooms):
        functions = r.functions(i, room.functions)
        rooms.append(PlanRoom(i, room.name.strip(), r.area(i, room.area_m2), r.zone(i, room.zone),
                              tuple(f for f, _ in functions), locator.where(("rooms", i))[0],
                              tuple(n for _, n in functions)))
    if not math.isfinite(add_areas(room.area_m2 for room in rooms)):
        r.bad(("rooms",), PLAN.msg("total_not_finite"))
    windows = r.entries("windows", raw.windows or [], standard.window_categories)
    boards_listed = raw.boards is not None
    if raw.boards is None:
        boards = tuple(PlanEntry(i, b.name, b.id, b.name) for i, b in enumerate(standard.boards))
    else:
        boards = r.entries("boards", raw.boards, standard.boards)
    r.problems.raise_if_any()
    return Plan(locator.file, standard.id, community, origin, tuple(rooms), windows, boards,
                boards_listed)


def per_sign_sources(standard: Standard) -> dict[str, tuple[str, Any]]:
    """Fields only repeated plaques use -> (the plan key that gives them, the plaque).

    These never belong in a ``community:`` block (a plan's, or a survey's): each window,
    room or board gives its own.
    """
    once = {f.id for f in community_fields(standard)}
    source = {"per_window": "windows", "per_room": "rooms[].functions", "per_board": "boards"}
    out: dict[str, tuple[str, Any]] = {}
    for plaque in standard.plaques:
        if plaque.repeat == "once":
            continue
        for name in plaque_fields(plaque):
            if name not in once:
                out.setdefault(name, (source[plaque.repeat], plaque))
    return out


def _check_names_leniently(r: _Resolver, data: dict[str, Any]) -> None:
    """After shape errors, still check the names that are text, so all problems show at once."""
    community = data.get("community")
    if isinstance(community, dict):
        r.community({k: v for k, v in community.items() if isinstance(v, str)})
    origin = data.get("origin")
    if origin is None or isinstance(origin, str):
        r.origin(origin)
    rooms = data.get("rooms")
    for i, room in enumerate(rooms if isinstance(rooms, list) else []):
        if not isinstance(room, dict):
            continue
        zone = room.get("zone")
        if zone is None or isinstance(zone, str):
            r.zone(i, zone)
        area = room.get("area_m2")
        if isinstance(area, int | float | str) and not isinstance(area, bool):
            r.area(i, area)
        functions = room.get("functions")
        if isinstance(functions, list):
            r.functions(i, functions)
    for key, items in (("windows", r.standard.window_categories),
                       ("boards", r.standard.boards)):
        names = data.get(key)
        if isinstance(names, list):
            r.entries(key, names, items)


def load_plan(path: Path, standard: Standard, display: str | None = None) -> Plan:
    """Load ``PLAN.yaml`` (or ``plan.xlsx``) and resolve its names against ``standard``.

    Raises:
        SigngenError: every problem in the file, each as ``file:line:col: field: ...``.
    """
    from signgen.contractor.plan_xlsx import is_xlsx_plan, read_plan_xlsx

    if is_xlsx_plan(path):  # a workbook from ``signgen plan-template``: the same checks
        data, locator = read_plan_xlsx(path, display)
    else:
        data, locator = load_yaml(path, display or str(path))
    return parse_plan(data, locator, standard)

