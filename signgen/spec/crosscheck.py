"""What only the whole standard can tell: references between sections and files, duplicate
ids, citations and level words found verbatim in their clause, the standard's own alternative
names, numbers that agree with their quote, template fields, and the project defaults each
plaque, colour and typeface needs. Geometry and dates are checked in :mod:`signgen.spec.limits`.

Sections that failed their shape check (``failed``) are left out: nothing refers into them,
so one mistake is reported once, in the same pass as every other problem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from signgen.errors import Problem
from signgen.messages import CROSS, Msg
from signgen.spec.model import SECTIONS, Standard
from signgen.spec.template import field_names
from signgen.spec.yamlsource import Locator

_WHAT = {"clauses": ("条款", "clause"), "documents": ("文件", "document"),
         "zones": ("功能区", "zone"), "colours": ("颜色", "colour"),
         "typefaces": ("字体", "typeface"), "functions": ("功能", "function"),
         "plaques": ("标牌", "plaque"), "origins": ("用房取得方式", "origin")}


class Checker:
    """Collects located problems for one standard, knowing which file holds each section."""

    def __init__(self, standard: Standard, where: dict[str, tuple[str, Locator]],
                 failed: Collection[str] = (),
                 failed_ids: Mapping[str, Collection[str]] | None = None,
                 index: Mapping[tuple[str, ...], list[int]] | None = None) -> None:
        self.standard = standard
        self.where = where
        self.failed = set(failed)  # sections (or project_defaults.KEY) that failed as a whole
        self.failed_ids = {k: set(v) for k, v in (failed_ids or {}).items()}
        self.index = dict(index or {})  # kept item -> its index in the file, per list
        self.problems: list[Problem] = []

    def at(self, path: tuple[str | int, ...], message: Msg) -> None:
        """A problem at ``path`` (its first part is the section) in the section's file."""
        _, loc = self.where[str(path[0])]
        self.problems.append(loc.problem(self._in_file(path), message))

    def _in_file(self, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """``path`` with list indices as in the file (items that failed were left out)."""
        out = list(path)
        for depth in (1, 2):
            key = tuple(str(p) for p in path[:depth])
            if len(path) > depth and isinstance(path[depth], int) and key in self.index:
                kept = self.index[key]
                position = path[depth]
                assert isinstance(position, int)
                if position < len(kept):
                    out[depth] = kept[position]
        return tuple(out)

    def failed_id(self, section: str, value: str) -> bool:
        """True when an item of ``section`` failed its shape check: ``value`` may name it.

        Any failed item counts (its id may be the very mistake), so a reference into a list
        with a bad item is not reported as unknown as well.
        """
        return section in self.failed_ids

    def ids(self, section: str) -> set[str]:
        return {item.id for item in getattr(self.standard, section)}

    def ref(self, path: tuple[str | int, ...], value: str | None, section: str) -> None:
        """``value`` must be the id of an item of ``section`` (unless that section failed)."""
        if value is None or section in self.failed or self.failed_id(section, value):
            return
        known = sorted(self.ids(section))
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            zh, en = _WHAT[section]
            hint = (Msg(f"(是否指 '{close[0]}'?)", f" (did you mean '{close[0]}'?)")
                    if close else "")
            self.at(path, CROSS.msg("ref", section=section, what=zh, what_en=en, hint=hint,
                                    got=value))


def items(standard: Standard) -> Iterator[tuple[str, int, Any]]:
    """(section, index, item) for every item of every list section."""
    for section in SECTIONS:
        value = getattr(standard, section, None)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield section, i, item


def squash(text: str) -> str:
    """Text without any whitespace, the form quotes are compared in."""
    return "".join(text.split())


def cross_check(c: Checker) -> None:
    """References between sections, duplicate ids, citations and template fields."""
    standard = c.standard
    seen: dict[str, int] = {}
    clauses = {cl.id: cl for cl in standard.clauses}
    for section, i, item in items(standard):
        item_id = getattr(item, "id", None)
        if item_id is not None:
            key = f"{section}:{item_id}"
            if key in seen:
                c.at((section, i, "id"), CROSS.msg("duplicate_id", got=item_id,
                                                   section=section, other=seen[key]))
            seen.setdefault(key, i)
        _check_citation(c, clauses, section, i, item)
    for i, clause in enumerate(standard.clauses):
        c.ref(("clauses", i, "document"), clause.document, "documents")
    for i, rule in enumerate(standard.area_rules):
        c.ref(("area_rules", i, "zone"), rule.zone, "zones")
    for i, r in enumerate(standard.rules):
        for j, origin in enumerate(r.origins):
            c.ref(("rules", i, "origins", j), origin, "origins")
    if "clauses" not in c.failed:
        every_text = "\n".join(squash(cl.text) for cl in standard.clauses)
        for i, function in enumerate(standard.functions):
            for j, alt in enumerate(function.alt_names):
                if squash(alt) not in every_text:
                    c.at(("functions", i, "alt_names", j), CROSS.msg("alt_name", got=alt))
    _check_numbers(c)
    _check_segments(c)


def _check_citation(c: Checker, clauses: dict[str, Any], section: str, i: int,
                    item: Any) -> None:
    citation = getattr(item, "citation", None)
    if citation is None or "clauses" in c.failed:
        return
    clause = clauses.get(citation.clause)
    if clause is None:
        c.ref((section, i, "citation", "clause"), citation.clause, "clauses")
        return
    if squash(citation.quote) not in squash(clause.text):
        c.at((section, i, "citation", "quote"),
             CROSS.msg("quote", clause=clause.id, got=citation.quote))
    level_quote = getattr(item, "level_quote", None)
    if level_quote is not None and squash(level_quote) not in squash(clause.text):
        c.at((section, i, "level_quote"), CROSS.msg("level_quote", clause=clause.id,
                                                    got=level_quote))


# A number in a quote, with the unit after it when it is a length: 1米, 55cm, 120平方米.
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(毫米|厘米|米|mm|cm|m(?![²2]))?")
_MM = {"毫米": 1.0, "mm": 1.0, "厘米": 10.0, "cm": 10.0, "米": 1000.0, "m": 1000.0}


def quote_numbers(quote: str, lengths: bool = False) -> list[float]:
    """The numbers in ``quote``; with ``lengths``, only lengths, in mm.

    >>> quote_numbers("规格为55cm(高)X75cm(长)", lengths=True)
    [550.0, 750.0]
    >>> quote_numbers("社区办公用房不少于120平方米")
    [120.0]
    """
    out = []
    for value, unit in _NUMBER.findall(quote):
        if lengths:
            if unit:
                out.append(float(value) * _MM[unit])
        else:
            out.append(float(value))
    return out


def _show(values: Iterable[float]) -> str:
    return ", ".join(f"{v:g}" for v in values)


def _check_numbers(c: Checker) -> None:
    """A number in an item agrees with the numbers of its own quote, or is an amendment."""
    s = c.standard
    checks: list[tuple[tuple[str | int, ...], float, str, bool, Any]] = []
    for i, rule in enumerate(s.area_rules):
        checks.append((("area_rules", i, "min_m2"), rule.min_m2, rule.citation.quote, False,
                       rule.amendment))
    for i, quantity in enumerate(s.quantities):
        once_per_period = quantity.value == 1 and quantity.per is not None
        if not once_per_period:  # 每天/每月 with no digit: 1 per period
            checks.append((("quantities", i, "value"), quantity.value,
                           quantity.citation.quote, False, quantity.amendment))
    for i, plaque in enumerate(s.plaques):
        for side in ("height_mm", "width_mm"):
            value = getattr(plaque.size, side)
            if value is not None:
                checks.append((("plaques", i, "size", side), value, plaque.citation.quote,
                               True, plaque.amendment))
    for path, value, quote, lengths, amendment in checks:
        numbers = quote_numbers(quote, lengths)
        if amendment is None and numbers and not any(abs(n - value) < 1e-9 for n in numbers):
            c.at(path, CROSS.msg("number_quote", field=str(path[-1]), got=f"{value:g}",
                                 quote=quote, numbers=_show(numbers)))


def _check_segments(c: Checker) -> None:
    s = c.standard
    field_ids = {f.id for f in s.fields}
    for i, plaque in enumerate(s.plaques):
        c.ref(("plaques", i, "background"), plaque.background, "colours")
        seg_ids = [seg.id for seg in plaque.segments]
        for j, seg in enumerate(plaque.segments):
            path = ("plaques", i, "segments", j)
            c.ref((*path, "typeface"), seg.typeface, "typefaces")
            c.ref((*path, "colour"), seg.colour, "colours")
            if seg_ids.count(seg.id) > 1:
                c.at((*path, "id"), CROSS.msg("segment_dup", got=seg.id))
            if "fields" in c.failed:
                continue
            for name in template_names(seg.text):
                if name not in field_ids:
                    c.at((*path, "text"), CROSS.msg("template", known=", ".join(
                        sorted(field_ids)), got=name))


def template_names(text: str) -> Iterable[str]:
    """The ``{field}`` names in a segment's text."""
    try:
        return field_names(text)
    except ValueError:
        return ["(unbalanced braces)"]
