"""Load a standard from ``specs/<id>/*.yml``: parse, validate, merge, cross-check.

Every problem in every file is collected and reported together as ``file:line:col: field:
expected ..., got ...`` (see :mod:`signgen.errors`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from signgen.errors import Problem, ProblemList, SigngenError
from signgen.spec.model import SECTIONS, Hex, Id, IsoDate, SpecFile, Standard
from signgen.spec.template import field_names
from signgen.spec.yamlsource import Locator, load_yaml

SPEC_SUFFIXES = (".yml", ".yaml")


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys a mapping at ``loc`` (ending in the bad key) may have, for suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def pydantic_problems(exc: ValidationError, locator: Locator, model: type[BaseModel],
                      prefix: tuple[str | int, ...] = ()) -> list[Problem]:
    """Turn pydantic's errors into located problems with 'expected ..., got ...' wording."""
    problems = []
    for err in exc.errors(include_url=False):
        kind = err["type"]
        # The last part of an unknown key's path is the key itself, even one named 'float'.
        keep = err["loc"][-1:] if kind == "extra_forbidden" else ()
        loc = tuple(p for p in err["loc"][:len(err["loc"]) - len(keep)]
                    if isinstance(p, int) or not _is_tag(p)) + tuple(keep)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _allowed_keys(model, loc)
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            if not key.isascii():
                hint = " (a comma inside {...} starts a new key: put the whole text in quotes)"
            message = f"unknown key{hint}; expected one of: {', '.join(allowed)}"
        elif kind == "missing":
            message = "expected a value, got nothing: this field is required"
        elif kind in _MESSAGES:
            ctx = {k: _number(v) for k, v in err.get("ctx", {}).items()}
            expected = _PATTERNS.get(str(ctx.get("pattern")), _MESSAGES[kind].format(**ctx))
            message = f"{expected}, got {_describe(err.get('input'))}{_quote_hint(kind, err)}"
        else:
            msg = err["msg"]
            if msg.startswith("Input should be "):
                msg = "expected " + msg.removeprefix("Input should be ")
            elif msg.startswith("String should "):
                msg = "expected text that should " + msg.removeprefix("String should ")
            elif msg.startswith("List should "):
                msg = "expected a list that should " + msg.removeprefix("List should ")
            else:
                msg = "expected valid input: " + msg[0].lower() + msg[1:]
            message = f"{msg}, got {_describe(err.get('input'))}{_quote_hint(kind, err)}"
        problems.append(locator.problem(loc, message, prefix))
    return problems


def _pattern(annotated: Any) -> str:
    return next(str(m.pattern) for m in annotated.__metadata__ if getattr(m, "pattern", None))


def _number(value: object) -> object:
    """0.0 reads better as 0 in a message."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Pydantic's wording, rephrased the way a person editing a spec file reads it.
_MESSAGES = {
    "string_type": "expected text",
    "string_pattern_mismatch": "expected text matching {pattern}",
    "greater_than": "expected a number greater than {gt}",
    "greater_than_equal": "expected a number of at least {ge}",
    "less_than": "expected a number less than {lt}",
    "less_than_equal": "expected a number of at most {le}",
    "too_short": "expected at least {min_length} item(s)",
    "too_long": "expected at most {max_length} item(s)",
    "finite_number": "expected a finite number",
}
_PATTERNS = {
    _pattern(Id): "expected an id: lower-case letters, digits, '-' and '_'",
    _pattern(Hex): "expected a colour as # and six hex digits, e.g. '#1A2B3C'",
    _pattern(IsoDate): "expected a date as YYYY-MM-DD",
}
_YAML_TYPES = {bool: "true/false", int: "number", float: "number"}


def _quote_hint(kind: str, err: Any) -> str:
    """YAML reads unquoted 1, 1.5 or true as a number or a boolean, not as text."""
    read_as = _YAML_TYPES.get(type(err.get("input")))
    if kind != "string_type" or read_as is None:
        return ""
    return f" (YAML reads it as a {read_as}: put it in quotes)"


def _is_tag(part: object) -> bool:
    """Pydantic adds type names such as 'float' or 'constrained-str' to union error paths."""
    return isinstance(part, str) and (part in {"float", "int", "str", "none", "bool"}
                                      or "[" in part or part.startswith("constrained-")
                                      or part.startswith("function-"))


def spec_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in SPEC_SUFFIXES and p.is_file())


def standard_dirs(specs_root: Path) -> list[Path]:
    """The standards under ``specs_root``: every folder holding spec files (or the root)."""
    if not specs_root.is_dir():
        raise SigngenError([Problem(str(specs_root), 0, 0, "",
                                    "expected a folder of spec files, got none there")])
    if spec_files(specs_root):
        return [specs_root]
    dirs = [d for d in sorted(specs_root.iterdir()) if d.is_dir() and spec_files(d)]
    if not dirs:
        raise SigngenError([Problem(str(specs_root), 0, 0, "",
                                    "expected spec files (*.yml) here or in sub-folders, "
                                    "got none")])
    return dirs


def load_standard(directory: Path) -> Standard:
    """Load, validate and cross-check the standard in ``directory``.

    Raises:
        SigngenError: with every problem found, each located in its file.
    """
    problems = ProblemList()
    merged: dict[str, Any] = {}
    where: dict[str, tuple[str, Locator]] = {}
    for path in spec_files(directory):
        display = str(path)
        try:
            data, loc = load_yaml(path, display)
        except SigngenError as exc:
            problems.extend(exc.problems or [Problem(display, 0, 0, "", exc.message)])
            continue
        if not isinstance(data, dict):
            problems.add(display, 1, 1, "(top level)",
                         f"expected a mapping of sections ({', '.join(SECTIONS)}), "
                         f"got {_describe(data)}")
            continue
        try:
            SpecFile.model_validate(data)
        except ValidationError as exc:
            problems.extend(pydantic_problems(exc, loc, SpecFile))
            continue
        for section, value in data.items():
            if value is None:  # `boards:` with nothing under it: the section is empty
                continue
            if section in merged:
                other = where[section][0]
                problems.extend([loc.problem((section,),
                                             f"section already defined in {other}; "
                                             "expected each section in one file only")])
                continue
            merged[section] = value
            where[section] = (display, loc)
    problems.raise_if_any()
    for required in ("standard", "documents", "clauses"):
        if required not in merged:
            problems.add(str(directory), 0, 0, required,
                         "expected this section in one of the spec files, got none")
    problems.raise_if_any()
    try:
        standard = Standard.model_validate(merged)
    except ValidationError as exc:  # each file passed alone; still, never a traceback
        raise SigngenError([
            where.get(str(err["loc"][0]), ("", Locator(str(directory))))[1].problem(
                err["loc"], f"expected valid input: {err['msg']}")
            for err in exc.errors(include_url=False)]) from None
    problems.extend(cross_check(standard, where))
    problems.raise_if_any()
    return standard


def load_standards(specs_root: Path) -> list[Standard]:
    """Load every standard under ``specs_root``, collecting problems from all of them."""
    problems = ProblemList()
    standards = []
    for directory in standard_dirs(specs_root):
        try:
            standards.append(load_standard(directory))
        except SigngenError as exc:
            problems.extend(exc.problems)
    problems.raise_if_any()
    first: dict[str, Path] = {}
    for directory, std in zip(standard_dirs(specs_root), standards, strict=True):
        if std.id not in first:
            first[std.id] = directory
            continue
        file, line, col = _standard_id_place(directory)
        problems.add(file, line, col, "standard.id",
                     f"expected each standard's id once under {specs_root}, got {std.id!r} "
                     f"again (first in {first[std.id]})")
    problems.raise_if_any()
    return standards


def _standard_id_place(directory: Path) -> tuple[str, int, int]:
    """The file, line and column of ``standard.id`` in a standard's folder (it loaded, so
    exactly one of its files has the ``standard`` section)."""
    for path in spec_files(directory):
        data, loc = load_yaml(path, str(path))
        if isinstance(data, dict) and "standard" in data:
            line, col = loc.where(("standard", "id"))
            return str(path), line, col
    return str(directory), 0, 0


# --- cross-file checks --------------------------------------------------------------------


class _Checker:
    def __init__(self, standard: Standard, where: dict[str, tuple[str, Locator]]) -> None:
        self.standard = standard
        self.where = where
        self.problems: list[Problem] = []

    def at(self, path: tuple[str | int, ...], message: str) -> None:
        section = str(path[0])
        _, loc = self.where[section]
        self.problems.append(loc.problem(path, message))

    def ids(self, section: str) -> set[str]:
        return {item.id for item in getattr(self.standard, section)}

    def ref(self, path: tuple[str | int, ...], value: str | None, section: str,
            what: str) -> None:
        if value is None:
            return
        known = sorted(self.ids(section))
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.at(path, f"expected the id of a {what} defined in '{section}:'{hint}, "
                          f"got {value!r}")


def _items(standard: Standard) -> Iterator[tuple[str, int, Any]]:
    for section in SECTIONS:
        value = getattr(standard, section)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield section, i, item


def cross_check(standard: Standard, where: dict[str, tuple[str, Locator]]) -> list[Problem]:
    """References between sections, duplicate ids, citations and template fields."""
    c = _Checker(standard, where)
    seen: dict[str, tuple[str, int]] = {}
    clauses = {cl.id: cl for cl in standard.clauses}
    field_ids = {f.id for f in standard.fields}
    for section, i, item in _items(standard):
        item_id = getattr(item, "id", None)
        if item_id is not None:
            key = f"{section}:{item_id}"
            if key in seen:
                c.at((section, i, "id"), f"duplicate id {item_id!r}: already used by "
                                         f"{section}[{seen[key][1]}]")
            seen[key] = (section, i)
        citation = getattr(item, "citation", None)
        if citation is not None:
            clause = clauses.get(citation.clause)
            if clause is None:
                c.ref((section, i, "citation", "clause"), citation.clause, "clauses", "clause")
            elif _squash(citation.quote) not in _squash(clause.text):
                c.at((section, i, "citation", "quote"),
                     f"expected words found verbatim in clause {clause.id!r}, "
                     f"got {citation.quote!r}")
            level_quote = getattr(item, "level_quote", None)
            if clause is not None and level_quote is not None \
                    and _squash(level_quote) not in _squash(clause.text):
                c.at((section, i, "level_quote"),
                     f"expected the words that set the level, verbatim in clause "
                     f"{clause.id!r}, got {level_quote!r}")
    for i, clause in enumerate(standard.clauses):
        c.ref(("clauses", i, "document"), clause.document, "documents", "document")
    for i, rule in enumerate(standard.area_rules):
        c.ref(("area_rules", i, "zone"), rule.zone, "zones", "zone")
    for i, r in enumerate(standard.rules):
        for j, origin in enumerate(r.origins):
            c.ref(("rules", i, "origins", j), origin, "origins", "origin")
    every_text = "\n".join(_squash(cl.text) for cl in standard.clauses)
    for i, function in enumerate(standard.functions):
        for j, alt in enumerate(function.alt_names):
            if _squash(alt) not in every_text:
                c.at(("functions", i, "alt_names", j),
                     f"expected a name the standard gives, found verbatim in a clause (a name "
                     f"the project adds belongs in project_aliases), got {alt!r}")
    for i, plaque in enumerate(standard.plaques):
        c.ref(("plaques", i, "background"), plaque.background, "colours", "colour")
        seg_ids = [s.id for s in plaque.segments]
        for j, seg in enumerate(plaque.segments):
            path = ("plaques", i, "segments", j)
            c.ref((*path, "typeface"), seg.typeface, "typefaces", "typeface")
            c.ref((*path, "colour"), seg.colour, "colours", "colour")
            if seg_ids.count(seg.id) > 1:
                c.at((*path, "id"), f"duplicate segment id {seg.id!r} in this plaque")
            for name in _template_names(seg.text):
                if name not in field_ids:
                    c.at((*path, "text"), f"expected '{{field}}' names defined in 'fields:' "
                                          f"({', '.join(sorted(field_ids))}), got {{{name}}}")
    _check_defaults(c, standard)
    return c.problems


def _check_defaults(c: _Checker, standard: Standard) -> None:
    d = standard.project_defaults
    base: tuple[str | int, ...] = ("project_defaults",)
    for i, cv in enumerate(d.colour_values):
        c.ref((*base, "colour_values", i, "colour"), cv.colour, "colours", "colour")
    for i, ts in enumerate(d.typeface_substitutes):
        c.ref((*base, "typeface_substitutes", i, "typeface"), ts.typeface, "typefaces",
              "typeface")
    for i, fz in enumerate(d.function_zones):
        c.ref((*base, "function_zones", i, "function"), fz.function, "functions", "function")
        c.ref((*base, "function_zones", i, "zone"), fz.zone, "zones", "zone")
    if d.print_setup is not None:
        for i, plaque_id in enumerate(d.print_setup.no_bleed_plaques):
            c.ref((*base, "print_setup", "no_bleed_plaques", i), plaque_id, "plaques", "plaque")
    plaques = {p.id: p for p in standard.plaques}
    for i, lay in enumerate(d.plaque_layouts):
        path = (*base, "plaque_layouts", i)
        c.ref((*path, "plaque"), lay.plaque, "plaques", "plaque")
        plaque = plaques.get(lay.plaque)
        if plaque is None:
            continue
        seg_ids = {s.id for s in plaque.segments}
        used = [s for line in lay.lines for s in line]
        for j, line in enumerate(lay.lines):
            for k, seg_id in enumerate(line):
                if seg_id not in seg_ids:
                    c.at((*path, "lines", j, k), f"expected a segment id of plaque "
                                                 f"{plaque.id!r} ({', '.join(sorted(seg_ids))})"
                                                 f", got {seg_id!r}")
        missing = sorted(seg_ids - set(used))
        if missing:
            c.at((*path, "lines"), f"expected every segment on a line, got none for "
                                   f"{', '.join(missing)}")
        if lay.min_letter_height_mm > lay.max_letter_height_mm:
            c.at((*path, "min_letter_height_mm"),
                 f"expected at most max_letter_height_mm ({lay.max_letter_height_mm}), "
                 f"got {lay.min_letter_height_mm}")
        if plaque.background is None and lay.background is None:
            c.at((*path, "background"), "expected a background colour here: the standard "
                                        "gives none for this plaque")
        styles = {s.segment for s in lay.segment_styles}
        for j, st in enumerate(lay.segment_styles):
            c.ref((*path, "segment_styles", j, "typeface"), st.typeface, "typefaces", "typeface")
            c.ref((*path, "segment_styles", j, "colour"), st.colour, "colours", "colour")
            if st.segment not in seg_ids:
                c.at((*path, "segment_styles", j, "segment"),
                     f"expected a segment id of plaque {plaque.id!r}, got {st.segment!r}")
        for seg in plaque.segments:
            if (seg.typeface is None or seg.colour is None) and seg.id not in styles:
                c.at((*path, "segment_styles"),
                     f"expected a typeface and colour for segment {seg.id!r}: the standard "
                     "gives none")
        if lay.background is not None:
            c.ref((*path, "background"), lay.background, "colours", "colour")
        height = plaque.size.height_mm or lay.height_mm
        width = plaque.size.width_mm or lay.width_mm
        if height is None:
            c.at((*path, "height_mm"), "expected a height here: the standard gives none")
        if width is None and not lay.width_from_text:
            c.at((*path, "width_mm"), "expected a width (or width_from_text: true): "
                                      "the standard gives none")
        if lay.width_from_text and (lay.min_width_mm is None or lay.max_width_mm is None):
            c.at((*path, "width_from_text"),
                 "expected min_width_mm and max_width_mm with width_from_text")
    layouts = {lay.plaque for lay in d.plaque_layouts}
    colour_values = {cv.colour for cv in d.colour_values}
    substitutes = {ts.typeface for ts in d.typeface_substitutes}
    for i, plaque in enumerate(standard.plaques):
        if plaque.id not in layouts:
            c.at(("plaques", i, "id"), "expected a layout for this plaque in "
                                       "project_defaults.plaque_layouts, got none")
    for i, colour in enumerate(standard.colours):
        if colour.id not in colour_values:
            c.at(("colours", i, "id"), "expected an exact value for this colour in "
                                       "project_defaults.colour_values, got none")
    for i, typeface in enumerate(standard.typefaces):
        if typeface.id not in substitutes:
            c.at(("typefaces", i, "id"), "expected installed substitutes for this typeface "
                                         "in project_defaults.typeface_substitutes, got none")


def _squash(text: str) -> str:
    return "".join(text.split())


def _template_names(text: str) -> Iterable[str]:
    try:
        return field_names(text)
    except ValueError:
        return ["(unbalanced braces)"]
