"""The audit survey: a fillable YAML file with one entry per checkable item.

:func:`survey_template` writes it as commented text that reads well printed or on a phone;
:func:`parse_survey` reads a filled (or half-filled) one back, checking every value and
reporting each problem as ``file:line:col: field: expected ..., got ...``.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from signgen.audit.items import AuditItem, Room, Site, checkable_items, tolerance_cm
from signgen.errors import ProblemList, SigngenError
from signgen.output.numbers import measured
from signgen.spec.model import Standard
from signgen.spec.yamlsource import Locator, PathKey

T = TypeVar("T")

RESULTS = ("pass", "fail", "na")
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


# --- writing ----------------------------------------------------------------------------


def _q(value: object) -> str:
    """A YAML scalar: JSON strings are valid YAML and escape everything."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def tolerance_text(item: AuditItem, lang: str = "en") -> str:
    """``± 1 cm (project default)``, or empty when the item has no tolerance."""
    tol = item.tolerance
    if tol is None:
        return ""
    unit = "m²" if tol.unit == "m2" else tol.unit
    mark = "项目默认值" if lang == "zh" else "project default"
    return f"± {measured(tol.plus_minus)} {unit} ({mark})"


def survey_template(standard: Standard, values: Mapping[str, str], site: Site | None = None
                    ) -> str:
    """The fillable survey for one community, as commented YAML text."""
    site = site or Site()
    info = standard.standard
    out = [
        f"# signgen audit survey: {_comment(info.title)} / {_comment(info.title_en)}",
        f"# edition {_comment(info.edition)}. For each item write result: pass, fail or na",
        "# (not applicable), and fill the measured or observed values; leave empty what you",
        "# did not check. signgen judges measured and observed values itself:",
        "#   signgen audit THIS-FILE.yaml",
        "survey:",
        f"  standard: {_q(info.id)}",
        f"  edition: {_q(info.edition)}",
        "  community:",
    ]
    field_ids = [f.id for f in standard.fields]
    shown = [k for k in field_ids if values.get(k)] + sorted(k for k in values
                                                           if k not in field_ids and values[k])
    out += [f"    {k}: {_q(values[k])}" for k in shown] or ["    {}"]
    if out[-1] == "    {}":
        out[-2:] = ["  community: {}"]
    out += _site_lines(site)
    out += ["  auditor:", "  date:", "items:"]
    for item in checkable_items(standard, values, site):
        out += _item_lines(item)
    return "\n".join(out) + "\n"


def _site_lines(site: Site) -> list[str]:
    if site.empty:
        return ["  site: {}   # no plan: one generic item per room, window and board plaque"]
    out = ["  site:   # from the plan: one plaque item per room, window and board below"]
    if site.rooms:
        out.append("    rooms:")
        out += [f"      - {{name: {_q(r.name)}, functions: [{', '.join(r.functions)}]}}"
                for r in site.rooms]
    if site.windows:
        out.append(f"    windows: [{', '.join(_q(w) for w in site.windows)}]")
    if site.boards:
        out.append(f"    boards: [{', '.join(_q(b) for b in site.boards)}]")
    return out


def _item_lines(item: AuditItem) -> list[str]:
    out = [
        "",
        f"  {item.id}:",
        f"    # {_comment(item.title)} / {_comment(item.title_en)}",
        f"    clause: {_q(item.clause.number + ' ' + item.clause.title)}",
        f"    quote: {_q(item.quote)}",
        f"    check: {_q(item.check)}",
        f"    check_en: {_q(item.check_en)}",
        f"    required: {_q(item.required)}",
    ]
    if item.required_en != item.required:
        out.append(f"    required_en: {_q(item.required_en)}")
    if item.level not in ("required", "requirement"):
        out.append(f"    level: {_q(item.level)}")
    if item.tolerance is not None:
        out.append(f"    tolerance: {_q(tolerance_text(item))}")
    out.append("    result:     # pass / fail / na")
    if item.kind == "plaque-size":
        out.append("    measured: {height_cm: , width_cm: }")
    elif item.kind == "area":
        out.append("    measured_m2:")
    elif item.kind == "quantity" and item.quantity is not None:
        out.append(f"    measured:     # {_comment(item.quantity.unit)}")
    elif item.kind == "function":
        out.append("    room:     # which room serves it")
    elif item.kind == "plaque-text":
        out.append("    observed:     # the text exactly as on the plaque")
    elif item.parts:
        out.append("    observed:     # " + ("colour name or HEX" if item.kind ==
                                             "plaque-colours" else "typeface name"))
        out += [f"      {p.key}:     # {_comment(p.label)}" for p in item.parts]
    out.append("    note:")
    return out


# --- reading ----------------------------------------------------------------------------


def survey_standard_id(data: Any) -> str | None:
    """The standard id a loaded survey names in its header, if any."""
    header = data.get("survey") if isinstance(data, dict) else None
    value = header.get("standard") if isinstance(header, dict) else None
    return value if isinstance(value, str) else None


class _Reader:
    def __init__(self, standard: Standard, loc: Locator) -> None:
        self.standard = standard
        self.loc = loc
        self.problems = ProblemList()

    def bad(self, path: PathKey, message: str) -> None:
        self.problems.extend([self.loc.problem(path, message)])

    def text(self, path: PathKey, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool | dict | list):
            self.bad(path, f"expected text, got {_describe(value)}")
            return None
        return str(value)

    def number(self, path: PathKey, value: Any, minimum: float, strict: bool) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.bad(path, f"expected a number, got {_describe(value)}")
            return None
        if value < minimum or (strict and value == minimum):
            what = "a positive number" if strict else f"a number of at least {measured(minimum)}"
            self.bad(path, f"expected {what}, got {measured(float(value))}")
            return None
        return float(value)

    def header(self, header: Any) -> tuple[dict[str, str], Site, str, str]:
        path: PathKey = ("survey",)
        if not isinstance(header, dict):
            self.bad(path, f"expected a mapping with standard, edition, community, got "
                           f"{_describe(header)}")
            return {}, Site(), "", ""
        known = {"standard", "edition", "community", "site", "auditor", "date"}
        for key in header:
            if key not in known:
                self.bad((*path, key), _unknown_key(key, sorted(known)))
        info = self.standard.standard
        sid, edition = header.get("standard"), header.get("edition")
        if sid != info.id:
            self.bad((*path, "standard"), f"expected a survey for standard {info.id!r}, "
                                          f"got {sid!r}")
        elif str(edition) != info.edition:
            self.bad((*path, "edition"), f"expected edition {info.edition!r} of {info.id}, "
                                         f"got {edition!r}")
        values = self.community(header.get("community"))
        site = self.site(header.get("site"))
        auditor = self.text((*path, "auditor"), header.get("auditor")) or ""
        date = self.text((*path, "date"), header.get("date")) or ""
        return values, site, auditor, date

    def community(self, raw: Any) -> dict[str, str]:
        path: PathKey = ("survey", "community")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.bad(path, f"expected a mapping of field: value, got {_describe(raw)}")
            return {}
        fields = {f.id: f for f in self.standard.fields}
        values = {}
        for key, value in raw.items():
            spec_field = fields.get(key)
            if spec_field is None:
                self.bad((*path, key), _unknown_key(key, list(fields)))
                continue
            text = (self.text((*path, key), value) or "").strip()
            if text and spec_field.choices and text not in spec_field.choices:
                self.bad((*path, key), f"expected one of {', '.join(spec_field.choices)}, "
                                       f"got {text!r}")
                continue
            values[key] = text
        return values

    def site(self, raw: Any) -> Site:
        path: PathKey = ("survey", "site")
        if raw is None or raw == {}:
            return Site()
        if not isinstance(raw, dict):
            self.bad(path, f"expected a mapping with rooms, windows, boards, got "
                           f"{_describe(raw)}")
            return Site()
        for key in raw:
            if key not in ("rooms", "windows", "boards"):
                self.bad((*path, key), _unknown_key(key, ["rooms", "windows", "boards"]))
        functions = {f.id for f in self.standard.functions}
        rooms = []
        for i, room in enumerate(self.list_of((*path, "rooms"), raw.get("rooms"))):
            where: PathKey = (*path, "rooms", i)
            if not isinstance(room, dict) or not isinstance(room.get("name"), str):
                self.bad(where, f"expected {{name: ..., functions: [...]}}, got "
                                f"{_describe(room)}")
                continue
            ids = []
            for j, fid in enumerate(self.list_of((*where, "functions"), room.get("functions"))):
                if fid not in functions:
                    self.bad((*where, "functions", j), f"expected a function id of "
                                                       f"{self.standard.id}, got {fid!r}")
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
            self.bad(path, f"expected a list, got {_describe(raw)}")
            return []
        return raw

    def entry(self, item: AuditItem, raw: Any) -> Entry:
        path: PathKey = ("items", item.id)
        line = self.loc.where(path)[0]
        if raw is None:
            return Entry(line=line)
        if not isinstance(raw, dict):
            self.bad(path, f"expected a mapping with result, note..., got {_describe(raw)}")
            return Entry(line=line)
        allowed = {"result", "note", *item.fields}
        for key in raw:
            if key not in allowed and key not in INFO_KEYS:
                self.bad((*path, key), _unknown_key(key, sorted(allowed)))
        result = raw.get("result")
        if isinstance(result, str) and result.strip().lower() in RESULTS:
            result = result.strip().lower()  # PASS and " na " are what they look like
        elif result is not None:
            self.bad((*path, "result"), f"expected one of pass, fail, na (or nothing), "
                                        f"got {_describe(result)}")
            result = None
        note = self.text((*path, "note"), raw.get("note"))
        kw: dict[str, Any] = {}
        got = raw.get(item.fields[0]) if item.fields else None
        where: PathKey = (*path, item.fields[0]) if item.fields else path
        if item.kind in ("area", "quantity"):
            kw["measured"] = self.number(where, got, 0.0, strict=False)
        elif item.kind == "plaque-size":
            kw["size"] = self.size(where, got)
        elif item.kind == "plaque-text":
            kw["observed"] = self.text(where, got)
        elif item.kind == "function":
            kw["room"] = self.text(where, got)
        elif item.parts:
            kw["observed_parts"] = self.parts(where, got, [p.key for p in item.parts])
        return Entry(result=result, note=note, line=line, **kw)

    def size(self, path: PathKey, raw: Any) -> dict[str, float | None]:
        return self.mapping(path, raw, list(SIZE_KEYS), "{height_cm: ..., width_cm: ...}",
                            lambda where, value: self.number(where, value, 0.0, strict=True))

    def parts(self, path: PathKey, raw: Any, keys: list[str]) -> dict[str, str | None]:
        return self.mapping(path, raw, keys, f"a mapping of {', '.join(keys)}", self.text)

    def mapping(self, path: PathKey, raw: Any, keys: list[str], expected: str,
                read: Callable[[PathKey, Any], T]) -> dict[str, T]:
        """A mapping with only ``keys``, each value read by ``read``; a problem per bad key."""
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.bad(path, f"expected {expected}, got {_describe(raw)}")
            return {}
        out = {}
        for key, value in raw.items():
            if key not in keys:
                self.bad((*path, key), _unknown_key(key, keys))
                continue
            out[key] = read((*path, key), value)
        return out


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key{hint}; expected one of: {', '.join(allowed)}"


def parse_survey(data: Any, loc: Locator, standard: Standard) -> Survey:
    """Check a survey loaded with :func:`~signgen.spec.yamlsource.load_yaml` against ``standard``.

    Raises:
        SigngenError: every problem (wrong standard or edition, unknown item, bad value),
            each located in the survey file.
    """
    reader = _Reader(standard, loc)
    if not isinstance(data, dict):
        raise SigngenError([loc.problem((), "expected a mapping with survey: and items:, "
                                            f"got {_describe(data)}")])
    for key in data:
        if key not in ("survey", "items"):
            reader.bad((key,), _unknown_key(key, ["survey", "items"]))
    values, site, auditor, date = reader.header(data.get("survey"))
    reader.problems.raise_if_any()  # items depend on the header: stop at a wrong standard
    items = checkable_items(standard, values, site)
    by_id = {item.id: item for item in items}
    raw_items = data.get("items")
    entries: dict[str, Entry] = {}
    if raw_items is not None and not isinstance(raw_items, dict):
        reader.bad(("items",), f"expected a mapping of item id: entry, got "
                               f"{_describe(raw_items)}")
        raw_items = {}
    for key, raw in (raw_items or {}).items():
        item = by_id.get(key)
        if item is None:
            close = difflib.get_close_matches(key, list(by_id), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            reader.bad(("items", key), f"expected the id of an item of {standard.id}{hint}, "
                                       f"got {key!r}")
            continue
        entries[key] = reader.entry(item, raw)
    reader.problems.raise_if_any()
    return Survey(loc.file, standard, values, site, items, entries, auditor, date)


__all__ = ["RESULTS", "Entry", "Survey", "parse_survey", "survey_standard_id",
           "survey_template", "tolerance_cm", "tolerance_text"]
