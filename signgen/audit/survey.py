"""Read a filled (or half-filled) audit survey back, checking every value.

:func:`parse_survey` reports each problem as ``file:line:col: field: expected ..., got ...``
(Chinese unless ``lang`` is ``en``); numbers and results are read as people type them
(:mod:`signgen.spec.values`). :mod:`signgen.audit.template` writes the survey.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from signgen.audit.items import (
    AuditItem,
    Room,
    Site,
    checkable_items,
    per_sign_fields,
)
from signgen.audit.photos import PhotoCheck, checked_photo
from signgen.audit.texts import CATALOGUE
from signgen.errors import ProblemList, SigngenError
from signgen.spec.model import Standard
from signgen.spec.values import RESULTS, ValueProblem, read_number, read_result
from signgen.spec.yamlsource import Locator, PathKey

T = TypeVar("T")

# Keys the template writes for the reader; their values are never used when judging.
INFO_KEYS = frozenset({"clause", "quote", "title", "title_en", "check", "check_en", "required",
                       "required_en", "tolerance", "level", "unit"})
SIZE_KEYS = ("height_cm", "width_cm")


@dataclass(frozen=True)
class Entry:
    """What the auditor wrote for one item (None: left empty)."""

    result: str | None = None
    measured: float | None = None  # area in m² or a quantity in its unit
    size: Mapping[str, float | None] = field(default_factory=dict)  # height_cm, width_cm
    observed: str | None = None
    observed_parts: Mapping[str, str | None] = field(default_factory=dict)
    room: str | None = None
    note: str | None = None
    photo: str | None = None  # a photo's path, relative to the survey (or inside its zip)
    line: int = 0


@dataclass(frozen=True)
class Survey:
    """A loaded survey: which standard and community, the items, what was recorded."""

    source: str
    standard: Standard
    values: dict[str, str]
    site: Site
    items: list[AuditItem]
    entries: dict[str, Entry]
    auditor: str = ""
    date: str = ""
    origin: str | None = None  # origin id: how the premises were obtained


def survey_standard_id(data: Any) -> str | None:
    """The standard id a loaded survey names in its header, if any."""
    header = data.get("survey") if isinstance(data, dict) else None
    value = header.get("standard") if isinstance(header, dict) else None
    return value if isinstance(value, str) else None


class _Reader:
    def __init__(self, standard: Standard, loc: Locator, lang: str,
                 photo_exists: PhotoCheck | None = None, photo_where: str = "") -> None:
        self.standard = standard
        self.loc = loc
        self.lang = lang
        self.photo_exists = photo_exists
        self.photo_where = photo_where
        self.problems = ProblemList()

    def bad(self, path: PathKey, text_key: str, **values: object) -> None:
        """A located problem whose message carries both languages (printed in ``lang``)."""
        self.problems.extend([self.loc.problem(path, CATALOGUE.msg(text_key, **values))])

    def raise_if_any(self) -> None:
        if self.problems:
            raise SigngenError(self.problems.items, self.lang)

    def got(self, value: object) -> str:
        if isinstance(value, dict):
            return CATALOGUE.msg("err.a-mapping")
        if isinstance(value, list):
            return CATALOGUE.msg("err.a-list")
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."

    def unknown(self, path: PathKey, key: object, allowed: list[str]) -> None:
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = CATALOGUE.msg("err.hint", close=close[0]) if close else ""
        self.bad(path, "err.unknown-key", hint=hint, allowed=", ".join(allowed))

    def text(self, path: PathKey, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool | dict | list):
            self.bad(path, "err.text", got=self.got(value))
            return None
        return str(value)

    def number(self, path: PathKey, value: Any, unit: str | None, positive: bool
               ) -> float | None:
        if value is None:
            return None
        try:
            return read_number(value, unit, minimum=None if positive else 0.0,
                               positive=positive)
        except ValueProblem as problem:
            self.problems.extend([self.loc.problem(path, problem.msg())])
            return None

    def header(self, header: Any) -> tuple[dict[str, str], Site, str, str, str | None]:
        path: PathKey = ("survey",)
        if not isinstance(header, dict):
            self.bad(path, "err.header", got=self.got(header))
            return {}, Site(), "", "", None
        known = {"standard", "edition", "community", "origin", "site", "auditor", "date"}
        for key in header:
            if key not in known:
                self.unknown((*path, key), key, sorted(known))
        info = self.standard.standard
        sid, edition = header.get("standard"), header.get("edition")
        if sid != info.id:
            self.bad((*path, "standard"), "err.standard", want=info.id, got=sid)
        elif str(edition) != info.edition:
            self.bad((*path, "edition"), "err.edition", id=info.id, want=info.edition,
                     got=edition)
        values = self.community(header.get("community"))
        origin = self.origin(header.get("origin"))
        site = self.site(header.get("site"))
        auditor = self.text((*path, "auditor"), header.get("auditor")) or ""
        date = self.text((*path, "date"), header.get("date")) or ""
        return values, site, auditor, date, origin

    def origin(self, raw: Any) -> str | None:
        text = (self.text(("survey", "origin"), raw) or "").strip()
        if not text:
            return None
        for o in self.standard.origins:
            if text in (o.id, o.name, o.name_en):
                return o.id
        choices = ", ".join(f"{o.id} ({o.name})" for o in self.standard.origins) or "-"
        self.bad(("survey", "origin"), "err.origin", choices=choices, got=text)
        return None

    def community(self, raw: Any) -> dict[str, str]:
        path: PathKey = ("survey", "community")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.bad(path, "err.community", got=self.got(raw))
            return {}
        per_sign = per_sign_fields(self.standard)
        fields = {f.id: f for f in self.standard.fields if f.id not in per_sign}
        values = {}
        for key, value in raw.items():
            spec_field = fields.get(key)
            if key in per_sign:
                self.bad((*path, key), "err.per-sign", key=key, allowed=", ".join(fields))
                continue
            if spec_field is None:
                self.unknown((*path, key), key, list(fields))
                continue
            text = (self.text((*path, key), value) or "").strip()
            if text and spec_field.choices and text not in spec_field.choices:
                self.bad((*path, key), "err.choice", choices=", ".join(spec_field.choices),
                         got=text)
                continue
            values[key] = text
        return values

    def site(self, raw: Any) -> Site:
        path: PathKey = ("survey", "site")
        if raw is None or raw == {}:
            return Site()
        if not isinstance(raw, dict):
            self.bad(path, "err.site", got=self.got(raw))
            return Site()
        for key in raw:
            if key not in ("rooms", "windows", "boards"):
                self.unknown((*path, key), key, ["rooms", "windows", "boards"])
        functions = {f.id for f in self.standard.functions}
        rooms = []
        for i, room in enumerate(self.list_of((*path, "rooms"), raw.get("rooms"))):
            where: PathKey = (*path, "rooms", i)
            if not isinstance(room, dict) or not isinstance(room.get("name"), str):
                self.bad(where, "err.room", got=self.got(room))
                continue
            ids = []
            for j, fid in enumerate(self.list_of((*where, "functions"), room.get("functions"))):
                if not isinstance(fid, str) or fid not in functions:
                    self.bad((*where, "functions", j), "err.function", id=self.standard.id,
                             got=fid)
                else:
                    ids.append(fid)
            rooms.append(Room(room["name"], tuple(ids)))
        windows = [self.text((*path, "windows", i), w) or ""
                   for i, w in enumerate(self.list_of((*path, "windows"), raw.get("windows")))]
        boards = [self.text((*path, "boards", i), b) or ""
                  for i, b in enumerate(self.list_of((*path, "boards"), raw.get("boards")))]
        return Site(tuple(rooms), tuple(windows), tuple(boards))

    def list_of(self, path: PathKey, raw: Any) -> list[Any]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.bad(path, "err.list", got=self.got(raw))
            return []
        return raw

    def entry(self, item: AuditItem, raw: Any) -> Entry:
        path: PathKey = ("items", item.id)
        line = self.loc.where(path)[0]
        if raw is None:
            return Entry(line=line)
        if not isinstance(raw, dict):
            self.bad(path, "err.entry", got=self.got(raw))
            return Entry(line=line)
        allowed = {"result", "note", "photo", *item.fields}
        for key in raw:
            if key not in allowed and key not in INFO_KEYS:
                self.unknown((*path, key), key, sorted(allowed))
        try:
            result = read_result(raw.get("result"))
        except ValueProblem as problem:
            self.problems.extend([self.loc.problem((*path, "result"), problem.msg())])
            result = None
        note = self.text((*path, "note"), raw.get("note"))
        kw: dict[str, Any] = {"photo": self.photo((*path, "photo"), raw.get("photo"))}
        got = raw.get(item.fields[0]) if item.fields else None
        where: PathKey = (*path, item.fields[0]) if item.fields else path
        if item.kind == "area":
            kw["measured"] = self.number(where, got, "m2", positive=False)
        elif item.kind == "quantity":
            unit = item.quantity.unit if item.quantity is not None else None
            kw["measured"] = self.number(where, got, unit, positive=False)
        elif item.kind == "plaque-size":
            kw["size"] = self.size(where, got)
        elif item.kind == "plaque-text":
            kw["observed"] = self.text(where, got)
        elif item.kind == "function":
            kw["room"] = self.text(where, got)
        elif item.parts:
            kw["observed_parts"] = self.parts(where, got, [p.key for p in item.parts])
        return Entry(result=result, note=note, line=line, **kw)

    def photo(self, path: PathKey, raw: Any) -> str | None:
        text = (self.text(path, raw) or "").strip()
        problem = checked_photo(text, self.photo_exists, self.photo_where) if text else None
        if problem is not None:
            self.problems.extend([self.loc.problem(path, problem)])
        return text if text and problem is None else None

    def size(self, path: PathKey, raw: Any) -> dict[str, float | None]:
        return self.mapping(path, raw, list(SIZE_KEYS), "{height_cm: ..., width_cm: ...}",
                            lambda where, value: self.number(where, value, "cm", positive=True))

    def parts(self, path: PathKey, raw: Any, keys: list[str]) -> dict[str, str | None]:
        return self.mapping(path, raw, keys, ", ".join(keys), self.text)

    def mapping(self, path: PathKey, raw: Any, keys: list[str], expected: str,
                read: Callable[[PathKey, Any], T]) -> dict[str, T]:
        """A mapping with only ``keys``, each value read by ``read``; a problem per bad key."""
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.bad(path, "err.mapping", expected=expected, got=self.got(raw))
            return {}
        out = {}
        for key, value in raw.items():
            if key not in keys:
                self.unknown((*path, key), key, keys)
                continue
            out[key] = read((*path, key), value)
        return out


def parse_survey(data: Any, loc: Locator, standard: Standard, lang: str = "zh",
                 photo_exists: PhotoCheck | None = None, photo_where: str = "") -> Survey:
    """Check a survey loaded with :func:`~signgen.spec.yamlsource.load_yaml` against ``standard``.

    ``photo_exists`` tells whether an item's ``photo`` names a file where the survey is
    (:mod:`signgen.audit.photos`; ``photo_where`` names that place: a text key); without
    it a photo path is checked only as written.

    Raises:
        SigngenError: every problem (wrong standard or edition, unknown item, bad value),
            each located in the survey file, in ``lang``.
    """
    reader = _Reader(standard, loc, lang, photo_exists, photo_where)
    if not isinstance(data, dict):
        raise SigngenError([loc.problem((), CATALOGUE.msg("err.top", got=reader.got(data)))],
                           lang)
    for key in data:
        if key not in ("survey", "items"):
            reader.unknown((key,), key, ["survey", "items"])
    values, site, auditor, date, origin = reader.header(data.get("survey"))
    reader.raise_if_any()  # items depend on the header: stop at a wrong standard
    items = checkable_items(standard, values, site, origin)
    by_id = {item.id: item for item in items}
    raw_items = data.get("items")
    entries: dict[str, Entry] = {}
    if raw_items is not None and not isinstance(raw_items, dict):
        reader.bad(("items",), "err.items", got=reader.got(raw_items))
        raw_items = {}
    for key, raw in (raw_items or {}).items():
        item = by_id.get(key)
        if item is None:
            close = difflib.get_close_matches(str(key), list(by_id), n=1)
            hint = CATALOGUE.msg("err.hint", close=close[0]) if close else ""
            reader.bad(("items", key), "err.item-id", id=standard.id, hint=hint, got=key)
            continue
        entries[key] = reader.entry(item, raw)
    reader.raise_if_any()
    return Survey(loc.file, standard, values, site, items, entries, auditor, date, origin)


__all__ = ["RESULTS", "Entry", "Survey", "parse_survey", "survey_standard_id"]
