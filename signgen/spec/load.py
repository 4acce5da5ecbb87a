"""Load a standard from ``specs/<id>/*.yml``: parse, validate, merge, cross-check.

Every problem in every file is collected and reported together, in one pass, as
``file:line:col: field: expected ..., got ...`` (see :mod:`signgen.errors`): the shape of each
section (:mod:`signgen.spec.problems`), then whatever only the whole standard can tell
(:mod:`signgen.spec.crosscheck`, :mod:`signgen.spec.limits`) over the sections whose shape
is right. An editor fixes everything in one round.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from signgen.errors import Problem, ProblemList, SigngenError
from signgen.messages import CROSS
from signgen.spec.crosscheck import Checker, cross_check
from signgen.spec.limits import check_dates, check_defaults
from signgen.spec.model import SECTIONS, ProjectDefaults, SpecFile, Standard
from signgen.spec.problems import describe, pydantic_problems
from signgen.spec.yamlsource import Locator, load_yaml

__all__ = ["SPEC_SUFFIXES", "load_standard", "load_standards", "pydantic_problems",
           "spec_files", "standard_dirs"]

SPEC_SUFFIXES = (".yml", ".yaml")
REQUIRED_SECTIONS = ("standard", "documents", "clauses")
LIST_SECTIONS = frozenset(name for name in SECTIONS if name not in ("standard", "project_defaults"))
Where = dict[str, tuple[str, Locator]]


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


class _Reading:
    """What the spec files of one standard hold so far: good items, problems, what failed.

    Each item of a list section is checked alone, so one bad plaque does not hide the
    references of the others; ``index`` maps a kept item back to its place in the file and
    ``failed_ids`` holds the ids of the items that failed (nothing is "unknown" for naming one).
    """

    def __init__(self) -> None:
        self.problems = ProblemList()
        self.failed: set[str] = set()  # sections that failed as a whole
        self.failed_ids: dict[str, set[str]] = {}
        self.raw: dict[str, Any] = {}  # every section as written
        self.good: dict[str, Any] = {}  # the parts that passed their shape check
        self.index: dict[tuple[str, ...], list[int]] = {}
        self.where: Where = {}
        self.unreadable = False  # a file could not be read: its sections are unknown

    def _items(self, key: tuple[str, ...], values: list[Any], check: Any, loc: Locator,
               lines: list[str]) -> list[Any]:
        kept: list[Any] = []
        self.index[key] = []
        for i, item in enumerate(values):
            try:
                check(i, item)
            except ValidationError as exc:
                self.problems.extend(pydantic_problems(exc, loc, SpecFile, lines=lines))
                name = item.get("id", item.get("plaque", item.get("colour", item.get(
                    "typeface", item.get("function"))))) if isinstance(item, dict) else None
                self.failed_ids.setdefault(key[-1], set())
                if isinstance(name, str):
                    self.failed_ids[key[-1]].add(name)
                continue
            kept.append(item)
            self.index[key].append(i)
        return kept

    def section(self, section: str, value: Any, loc: Locator, lines: list[str]) -> None:
        """Check one section of one file and keep what passes."""
        def whole(data: Any) -> None:
            SpecFile.model_validate({section: data})

        if section in LIST_SECTIONS and isinstance(value, list):
            def one(i: int, item: Any) -> None:
                try:
                    SpecFile.model_validate({section: [item]})
                except ValidationError as exc:  # relocate [0] to the item's own index
                    raise _at_index(exc, section, i) from None
            self.good[section] = self._items((section,), value, one, loc, lines)
        elif section == "project_defaults" and isinstance(value, dict):
            kept: dict[str, Any] = {}
            for key, part in value.items():
                if key in ProjectDefaults.model_fields and isinstance(part, list) \
                        and key not in ("legibility", "entrance"):
                    def one_default(i: int, item: Any, key: str = key) -> None:
                        try:
                            whole({key: [item]})
                        except ValidationError as exc:
                            raise _at_index(exc, section, i, key) from None
                    kept[key] = self._items((section, str(key)), part, one_default, loc, lines)
                else:
                    try:
                        whole({key: part})
                    except ValidationError as exc:
                        self.problems.extend(pydantic_problems(exc, loc, SpecFile, lines=lines))
                        self.failed.add(f"{section}.{key}")
                        continue
                    if key in ProjectDefaults.model_fields:
                        kept[key] = part
            self.good[section] = kept
        else:
            try:
                whole(value)
            except ValidationError as exc:
                self.problems.extend(pydantic_problems(exc, loc, SpecFile, lines=lines))
                self.failed.add(section)
                return
            self.good[section] = value

    def read_file(self, path: Path) -> None:
        """Check one file section by section."""
        display = str(path)
        try:
            data, loc = load_yaml(path, display)
        except SigngenError as exc:
            self.problems.extend(exc.problems or [Problem(display, 0, 0, "", exc.message)])
            self.unreadable = True
            return
        if not isinstance(data, dict):
            self.problems.add(display, 1, 1, "(top level)", CROSS.msg(
                "top_level", sections=", ".join(SECTIONS), got=describe(data)))
            self.unreadable = True
            return
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for section, value in data.items():
            if section not in SECTIONS:  # an unknown key: reported, never kept
                try:
                    SpecFile.model_validate({section: value})
                except ValidationError as exc:
                    self.problems.extend(pydantic_problems(exc, loc, SpecFile, lines=lines))
                continue
            if value is None:  # `boards:` with nothing under it: the section is empty
                continue
            if section in self.raw:
                self.problems.extend([loc.problem((section,), CROSS.msg(
                    "section_twice", other=self.where[section][0]))])
                continue
            self.raw[section] = value
            self.where[section] = (display, loc)
            self.section(section, value, loc, lines)


def _at_index(exc: ValidationError, section: str, index: int, key: str | None = None
              ) -> ValidationError:
    """The same errors with the item's list index in place of the 0 of a one-item check."""
    errors = []
    for err in exc.errors(include_url=False):
        loc = list(err["loc"])
        at = 2 if key is None else 3
        if len(loc) > at - 1 and loc[at - 1] == 0:
            loc[at - 1] = index
        errors.append({**err, "loc": tuple(loc)})
    return ValidationError.from_exception_data(exc.title, errors)  # type: ignore[arg-type]


def _load(directory: Path) -> tuple[Standard, Where]:
    r = _Reading()
    for path in spec_files(directory):
        r.read_file(path)
    if r.unreadable:  # what the unreadable file held is unknown: check nothing against it
        r.failed.update(name for name in SECTIONS if name not in r.raw)
    for required in REQUIRED_SECTIONS:
        if required not in r.raw and required not in r.failed:
            r.problems.add(str(directory), 0, 0, required, CROSS.msg("section_missing"))
            r.failed.add(required)
    typed: dict[str, Any] = {}
    for section, value in r.good.items():
        try:
            typed[section] = getattr(SpecFile.model_validate({section: value}), section)
        except ValidationError as exc:  # good parts that fail together: reported, left out
            r.problems.extend(pydantic_problems(exc, r.where[section][1], SpecFile))
            r.failed.add(section)
    lists = {name: typed.get(name, []) for name in LIST_SECTIONS}
    partial = Standard.model_construct(**{**lists, **{k: v for k, v in typed.items()
                                                      if k not in lists}})
    checker = Checker(partial, r.where, r.failed, r.failed_ids, r.index)
    cross_check(checker)
    check_defaults(checker)
    check_dates(checker)
    r.problems.extend(checker.problems)
    r.problems.raise_if_any()
    try:
        standard = Standard.model_validate(r.raw)
    except ValidationError as exc:  # each section passed alone; still, never a traceback
        raise SigngenError([
            r.where.get(str(err["loc"][0]), ("", Locator(str(directory))))[1].problem(
                err["loc"], f"expected valid input: {err['msg']}")
            for err in exc.errors(include_url=False)]) from None
    return standard, r.where


def load_standard(directory: Path) -> Standard:
    """Load, validate and cross-check the standard in ``directory``.

    Raises:
        SigngenError: with every problem found, each located in its file.
    """
    return _load(directory)[0]


def load_standards(specs_root: Path) -> list[Standard]:
    """Load every standard under ``specs_root``, collecting problems from all of them.

    A standard id used twice is located at the second folder's ``standard.id``.
    """
    problems = ProblemList()
    loaded: list[tuple[Standard, Where]] = []
    dirs: list[Path] = []
    for directory in standard_dirs(specs_root):
        try:
            loaded.append(_load(directory))
            dirs.append(directory)
        except SigngenError as exc:
            problems.extend(exc.problems)
    first: dict[str, Path] = {}
    for directory, (standard, where) in zip(dirs, loaded, strict=True):
        _, loc = where["standard"]
        if standard.id in first:
            problems.extend([loc.problem(("standard", "id"), CROSS.msg(
                "duplicate_standard", root=str(specs_root), got=standard.id,
                other=str(first[standard.id])))])
        first.setdefault(standard.id, directory)
    problems.raise_if_any()
    return [standard for standard, _ in loaded]
