"""Check a list of communities (CSV or XLSX), one row each, streaming and row by row.

Columns are the template fields the standard's once-per-community plaques use (by id or
by label: ``district`` or ``区``...), plus optional extras signgen understands: ``origin``,
``door_width_mm``, ``door_height_mm`` and ``logo`` (headers: :mod:`signgen.communities.headers`;
a column it does not know is kept out with a note, :attr:`CommunityFile.notes`). A bad row
becomes a :class:`RowProblem` located as ``communities.csv:7: community: expected ..., got
...`` and the other rows go on; a bad file (a required column missing, header not UTF-8,
empty, no data rows) raises :class:`SigngenError`. The file is read once
(:mod:`signgen.communities.tables`); who a row's community is comes from
:mod:`signgen.communities.identity`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from signgen.communities.headers import ColumnNote, Columns, read_columns, skip_title_rows
from signgen.communities.identity import (
    CommunityIdentity,
    community_fields,
    community_identity,
    key_fields,
)
from signgen.communities.tables import Table, open_table
from signgen.drawings.logo import logo_problem, logo_reference_problem
from signgen.errors import Problem, SigngenError
from signgen.spec.model import Standard, TemplateField

MAX_DOOR_MM = 100_000.0
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class CommunityRow:
    """One valid row: the field values for the plaques and the entrance overrides."""

    file: str
    line: int
    values: dict[str, str]
    identity: CommunityIdentity
    origin: str | None = None
    door_width_mm: float | None = None
    door_height_mm: float | None = None
    logo: Path | None = None

    @property
    def key(self) -> tuple[str, ...]:
        """The identifying values as written (district, street, community)."""
        return self.identity.values

    @property
    def name(self) -> str:
        """The community's identifying values joined with '-' (district-street-community)."""
        return self.identity.name


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be used, with every problem found in it."""

    file: str
    line: int
    issues: tuple[tuple[str, str], ...]
    name: str = ""

    @property
    def problems(self) -> list[Problem]:
        """The issues as located problems (no column)."""
        return [Problem(self.file, self.line, 0, f, m) for f, m in self.issues]

    def messages(self) -> list[str]:
        """Each issue as ``file:line: field: message``."""
        return [f"{self.file}:{self.line}: {f}: {m}" if f else f"{self.file}:{self.line}: {m}"
                for f, m in self.issues]

    def __str__(self) -> str:
        return "\n".join(self.messages())


Row = CommunityRow | RowProblem


@dataclass
class CommunityFile:
    """An opened communities file: its columns are checked; rows are read on demand, once."""

    path: Path
    display: str
    standard: Standard
    header: Columns
    table: Table
    _origins: dict[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> list[str | None]:
        """Each cell position's column id (None: no header, or kept out)."""
        return self.header.ids

    @property
    def notes(self) -> list[ColumnNote]:
        """The columns kept out of the reading, in file order."""
        return self.header.notes

    @cached_property
    def fields(self) -> list[TemplateField]:
        """The fields each row must give (see :func:`community_fields`)."""
        return community_fields(self.standard)

    @cached_property
    def keys(self) -> list[TemplateField]:
        """The fields that name a community (see :func:`key_fields`)."""
        return key_fields(self.standard)

    def fraction(self) -> float:
        """How much of the file has been read (0 to 1), for a progress bar."""
        return self.table.fraction()

    def rows(self) -> Generator[Row, None, None]:
        """Each data row, checked, in file order (blank rows skipped).

        Raises:
            SigngenError: the file has a header and no data row at all (0 communities).
        """
        seen: dict[tuple[str, ...], int] = {}
        count = 0
        for record in self.table.records():
            if record.problem:
                count += 1
                yield RowProblem(self.display, record.line, (("", record.problem),))
                continue
            if all(c.strip() == "" for c in record.cells):
                continue
            count += 1
            row = self._check(record.line, record.cells)
            if isinstance(row, CommunityRow):
                key = row.identity.key
                if key in seen:
                    label = self.keys[-1].id if self.keys else "row"
                    row = RowProblem(self.display, record.line, (
                        (label, f"expected each community once per {self._key_names()}, got "
                                f"{row.name!r} again (first on line {seen[key]})"),), row.name)
                else:
                    seen[key] = record.line
            yield row
        if count == 0:
            raise SigngenError([Problem(self.display, 2, 0, "", "expected at least one "
                                        "community after the header row, got none "
                                        "(0 communities)")])

    def _key_names(self) -> str:
        return " and ".join(f.id for f in self.keys[:-1]) or "file"

    def _check(self, line: int, cells: Sequence[str]) -> Row:
        issues: list[tuple[str, str]] = []
        got: dict[str, str] = {}
        for i, cell in enumerate(cells):
            column = self.columns[i] if i < len(self.columns) else None
            if i in self.header.kept_out:
                continue
            if column is None:
                if cell.strip():
                    issues.append((f"column {i + 1}", "expected no value in a column "
                                                      f"without a header, got {_show(cell)}"))
                continue
            got[column] = cell.strip()
        for column, value in got.items():
            bad = _CONTROL.search(value)
            if bad:
                issues.append((column, "expected printable text, got the control character "
                                       f"U+{ord(bad.group()):04X}"))
                got[column] = ""
        values: dict[str, str] = {}
        for f in self.fields:
            value = got.get(f.id, "")
            if not value:
                if not any(c == f.id for c, _ in issues):
                    issues.append((f.id, f"expected a value ({f.label}, e.g. {f.example}), "
                                         "got nothing"))
            elif f.choices and "".join(value.split()) in f.choices:
                value = "".join(value.split())  # 党 总支: a space typed inside a choice
            elif f.choices and value not in f.choices:
                issues.append((f.id, f"expected one of {', '.join(f.choices)}, got "
                                     f"{_show(value)}"))
            values[f.id] = value
        origin = self._origin(got.get("origin", ""), issues)
        width = _number("door_width_mm", got.get("door_width_mm", ""), issues)
        height = _number("door_height_mm", got.get("door_height_mm", ""), issues)
        logo = self._logo(got.get("logo", ""), issues)
        identity = community_identity(self.standard, values)
        if issues:
            return RowProblem(self.display, line, tuple(issues), identity.name)
        return CommunityRow(self.display, line, values, identity, origin, width, height, logo)

    def _origin(self, value: str, issues: list[tuple[str, str]]) -> str | None:
        if not value:
            return None
        found = self._origins.get(value.casefold())
        if found is None:
            known = ", ".join(f"{o.id} ({o.name})" for o in self.standard.origins)
            issues.append(("origin", f"expected one of {known}, got {_show(value)}"))
        return found

    def _logo(self, value: str, issues: list[tuple[str, str]]) -> Path | None:
        if not value:
            return None
        problem = logo_reference_problem(value)
        path = self.path.parent / value
        problem = problem or logo_problem(path)
        if problem:
            issues.append(("logo", f"{problem}, got {_show(value)}"))
            return None
        return path


def _show(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _number(column: str, value: str, issues: list[tuple[str, str]]) -> float | None:
    if not value:
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", value):
        value = value.replace(",", "")  # 1,500: thousands separators
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and 0 < number <= MAX_DOOR_MM):
        issues.append((column, f"expected a positive number of millimetres (at most "
                               f"{MAX_DOOR_MM:g}), got {_show(value)}"))
        return None
    return number


def open_communities(path: Path, standard: Standard, display: str | None = None
                     ) -> CommunityFile:
    """Open a communities file and check its header; rows are read later, from the same
    handle (the file is read once).

    Raises:
        SigngenError: missing or unreadable file, not UTF-8, empty, a required column
            missing or a column given twice, a standard without plaques made once per community.
    """
    display = display or path.name
    if not community_fields(standard):
        once = [p.id for p in standard.plaques if p.repeat == "once"]
        what = ("has no plaques" if not standard.plaques else
                "has no plaques made once per community" if not once else
                "has no fields in its once-per-community plaques")
        raise SigngenError(f"--standard: expected a standard with plaques made once per "
                           f"community from a communities file, got {standard.id!r}, which "
                           f"{what}")
    table = open_table(path, display)
    skip_title_rows(table, standard)
    header = table.header
    if header is None or all(not c.strip() for c in header.cells):
        table.close()
        raise SigngenError([Problem(display, 1, 0, "", "expected a header row "
                                    f"({', '.join(f.id for f in community_fields(standard))}"
                                    "), got an empty file")])
    try:
        columns = read_columns(header.cells, header.line, standard, display)
    except SigngenError:
        table.close()
        raise
    origins: dict[str, str] = {}
    for o in standard.origins:
        origins[o.id.casefold()] = o.id
        origins[o.name.casefold()] = o.id
    return CommunityFile(path, display, standard, columns, table, origins)


def read_communities(path: Path, standard: Standard, display: str | None = None
                     ) -> Iterator[Row]:
    """Stream the rows of a communities file: a :class:`CommunityRow` or a :class:`RowProblem`.

    The file's format and header are checked at once (``SigngenError``); rows are then read
    one at a time, so a file of any length uses little memory. Line numbers are the file's.
    """
    return open_communities(path, standard, display).rows()
