"""A renovation plan (``PLAN.yaml``): its rooms, windows and boards, resolved against a standard.

Names in a plan are what a contractor writes: a function by its id, Chinese name or an
alternative name; a zone, window category or board by its id, name, or an unambiguous part of
its name (``党建`` for ``党建宣传栏``). :func:`load_plan` checks the file's shape with pydantic,
resolves every name against the :class:`~signgen.spec.model.Standard`, and reports every problem
as ``file:line:col: field: expected ..., got ...``.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from signgen.errors import ProblemList, SigngenError
from signgen.spec.load import pydantic_problems
from signgen.spec.model import Category, Function, Standard
from signgen.spec.yamlsource import Locator, load_yaml

_Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]


# --- the file's shape -------------------------------------------------------------------


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class RoomInput(_Shape):
    """One room as written in the plan file."""

    name: _Text
    area_m2: float = Field(gt=0, allow_inf_nan=False, description="floor area in m²")
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


@dataclass(frozen=True)
class PlanEntry:
    """A service window or a bulletin board: the standard's item, or one it does not list."""

    index: int
    written: str  # as written in the plan
    category: str | None  # id of the window category or board; None if the standard lacks it
    name: str  # the standard's name when known, else as written


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
        return sum(r.area_m2 for r in self.rooms)

    def zone_m2(self, zone_id: str) -> float:
        """The floor area of the rooms in one zone."""
        return sum(r.area_m2 for r in self.rooms if r.zone == zone_id)

    def rooms_with(self, function_id: str) -> list[PlanRoom]:
        """The rooms that serve a function."""
        return [r for r in self.rooms if function_id in r.functions]


# --- name matching ----------------------------------------------------------------------


def normalise(name: str) -> str:
    """The form names are compared in: NFKC (full-width brackets → ASCII), no spaces, casefold.

    >>> normalise(" 社区多功能会议（学习）室 ")
    '社区多功能会议(学习)室'
    """
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _function_names(function: Function) -> list[str]:
    return [function.id, *function.all_names]


def resolve_function(standard: Standard, name: str) -> Function | None:
    """The function named ``name`` by id, Chinese name or alternative name; None if unknown."""
    wanted = normalise(name)
    for function in standard.functions:
        if any(normalise(n) == wanted for n in _function_names(function)):
            return function
    return None


def suggest_functions(standard: Standard, name: str, limit: int = 3) -> list[str]:
    """Known function names closest to ``name`` (best first, one per function), for hints.

    Each suggestion is the name (Chinese or alternative) that matched best.
    """
    wanted = normalise(name)
    scored: list[tuple[float, int, str]] = []
    for order, function in enumerate(standard.functions):
        best = (0.0, "")
        for candidate in function.all_names:
            key = normalise(candidate)
            score = difflib.SequenceMatcher(None, wanted, key).ratio()
            if wanted and (wanted in key or key in wanted):
                score = max(score, 0.75)
            if score > best[0]:
                best = (score, candidate)
        if best[0] >= 0.5:
            scored.append((-best[0], order, best[1]))
    return [name for _, _, name in sorted(scored)[:limit]]


def _named_items(items: Sequence[Any]) -> list[tuple[str, list[str]]]:
    return [(item.id, [item.id, item.name, getattr(item, "name_en", "")]) for item in items]


def match_named(items: Sequence[Any], name: str) -> tuple[str | None, list[str]]:
    """Match ``name`` to an item by id, name or English name, else by an unambiguous part.

    Returns:
        ``(id, [])`` on a match, ``(None, [])`` when nothing matches, and ``(None, ids)``
        when a part of a name matches several items.
    """
    wanted = normalise(name)
    named = _named_items(items)
    for item_id, names in named:
        if any(n and normalise(n) == wanted for n in names):
            return item_id, []
    if len(wanted) < 2:
        return None, []
    partial = [item_id for item_id, names in named
               if any(n and wanted in normalise(n) for n in names[1:])]
    if len(partial) == 1:
        return partial[0], []
    return None, partial


# --- loading ----------------------------------------------------------------------------


def _choices(items: Sequence[Any]) -> str:
    return ", ".join(f"{item.id} ({item.name})" for item in items)


class _Resolver:
    def __init__(self, standard: Standard, locator: Locator) -> None:
        self.standard = standard
        self.loc = locator
        self.problems = ProblemList()

    def bad(self, path: tuple[str | int, ...], message: str) -> None:
        self.problems.extend([self.loc.problem(path, message)])

    def community(self, values: dict[str, str]) -> dict[str, str]:
        fields = {f.id: f for f in self.standard.fields}
        out: dict[str, str] = {}
        for key, value in values.items():
            path: tuple[str | int, ...] = ("community", key)
            spec_field = fields.get(key)
            if fields and spec_field is None:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.bad(path, f"unknown key{hint}; expected one of: {', '.join(fields)}")
                continue
            text = value.strip()
            if spec_field and spec_field.choices and text and text not in spec_field.choices:
                self.bad(path, f"expected one of {', '.join(spec_field.choices)}, got {value!r}")
                continue
            out[key] = text
        return out

    def origin(self, written: str | None) -> str | None:
        if written is None:
            if self.standard.origins:
                self.bad(("origin",), "expected how the premises were obtained, one of "
                                      f"{_choices(self.standard.origins)}, got nothing")
            return None
        origin_id, _ = match_named(self.standard.origins, written)
        if origin_id is None:
            known = _choices(self.standard.origins) or "none (this standard lists no origins)"
            self.bad(("origin",), f"expected one of {known}, got {written!r}")
        return origin_id

    def zone(self, i: int, written: str | None) -> str | None:
        path: tuple[str | int, ...] = ("rooms", i, "zone")
        zones = self.standard.zones
        if written is None:
            if zones:
                self.bad(path, f"expected the room's zone, one of {_choices(zones)}, "
                               "got nothing")
            return None
        zone_id, several = match_named(zones, written)
        if zone_id is None:
            known = _choices(zones) or "none (this standard has no zones)"
            extra = f" (matches several: {', '.join(several)})" if several else ""
            self.bad(path, f"expected one of {known}{extra}, got {written!r}")
        return zone_id

    def functions(self, i: int, written: Sequence[object]) -> tuple[str, ...]:
        ids: list[str] = []
        for j, name in enumerate(written):
            if not isinstance(name, str):
                continue  # a shape error, reported by pydantic
            function = resolve_function(self.standard, name)
            if function is None:
                close = suggest_functions(self.standard, name)
                hint = f" (did you mean {' or '.join(close)}?)" if close else ""
                self.bad(("rooms", i, "functions", j),
                         f"expected a function of {self.standard.id} by id, Chinese name or "
                         f"alternative name{hint}, got {name!r}")
            elif function.id not in ids:
                ids.append(function.id)
        return tuple(ids)

    def entries(self, key: str, written: Sequence[object], items: Sequence[Category]
                ) -> tuple[PlanEntry, ...]:
        out = []
        by_id = {item.id: item for item in items}
        for i, name in enumerate(written):
            if not isinstance(name, str):
                continue  # a shape error, reported by pydantic
            item_id, several = match_named(items, name)
            if several:
                self.bad((key, i), f"expected one item, got a name that matches several: "
                                   f"{', '.join(by_id[s].name for s in several)}; "
                                   f"write the full name, got {name!r}")
                continue
            shown = by_id[item_id].name if item_id else name.strip()
            out.append(PlanEntry(i, name, item_id, shown))
        return tuple(out)


def parse_plan(data: Any, locator: Locator, standard: Standard) -> Plan:
    """Validate and resolve plan data already loaded from YAML (see :func:`load_plan`)."""
    if not isinstance(data, dict):
        raise SigngenError([locator.problem((), "expected a mapping with community, origin, "
                                                "rooms, windows, boards, got "
                                                f"{type(data).__name__}")])
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
        rooms.append(PlanRoom(i, room.name.strip(), float(room.area_m2), r.zone(i, room.zone),
                              r.functions(i, room.functions),
                              locator.where(("rooms", i))[0]))
    windows = r.entries("windows", raw.windows or [], standard.window_categories)
    boards_listed = raw.boards is not None
    if raw.boards is None:
        boards = tuple(PlanEntry(i, b.name, b.id, b.name) for i, b in enumerate(standard.boards))
    else:
        boards = r.entries("boards", raw.boards, standard.boards)
    r.problems.raise_if_any()
    return Plan(locator.file, standard.id, community, origin, tuple(rooms), windows, boards,
                boards_listed)


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
        functions = room.get("functions")
        if isinstance(functions, list):
            r.functions(i, functions)
    for key, items in (("windows", r.standard.window_categories),
                       ("boards", r.standard.boards)):
        names = data.get(key)
        if isinstance(names, list):
            r.entries(key, names, items)


def load_plan(path: Path, standard: Standard, display: str | None = None) -> Plan:
    """Load ``PLAN.yaml`` and resolve its names against ``standard``.

    Raises:
        SigngenError: every problem in the file, each as ``file:line:col: field: ...``.
    """
    data, locator = load_yaml(path, display or str(path))
    return parse_plan(data, locator, standard)

