"""Read a list of communities (CSV or XLSX), one row each, streaming and row by row checked.

Columns are the template fields the standard's once-per-community plaques use (by id or
by label: ``district`` or ``区``...), plus optional extras signgen understands: ``origin``,
``door_width_mm``, ``door_height_mm`` and ``logo``. A bad row becomes a :class:`RowProblem`
located as ``communities.csv:7: community: expected ..., got ...`` and the other rows go on;
a bad file (unknown header, not UTF-8, empty) raises :class:`SigngenError`.
"""

from __future__ import annotations

import codecs
import csv
import math
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from signgen.errors import Problem, SigngenError
from signgen.spec.model import Standard, TemplateField
from signgen.spec.template import plaque_fields

# signgen's own extra columns (not the standard's): canonical name -> accepted headers.
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    "origin": ("origin", "来源", "用房来源"),
    "door_width_mm": ("door_width_mm", "门宽", "门宽mm"),
    "door_height_mm": ("door_height_mm", "门高", "门高mm"),
    "logo": ("logo", "标识", "标识文件"),
}
LOGO_SUFFIXES = (".svg", ".png")
MAX_DOOR_MM = 100_000.0
_CHUNK = 1 << 20


@dataclass(frozen=True)
class CommunityRow:
    """One valid row: the field values for the plaques and the entrance overrides."""

    file: str
    line: int
    values: dict[str, str]
    key: tuple[str, ...]
    origin: str | None = None
    door_width_mm: float | None = None
    door_height_mm: float | None = None
    logo: Path | None = None

    @property
    def name(self) -> str:
        """The community's identifying values joined with '-' (district-street-community)."""
        return "-".join(self.key)


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
        return [f"{self.file}:{self.line}: {f}: {m}" for f, m in self.issues]

    def __str__(self) -> str:
        return "\n".join(self.messages())


Row = CommunityRow | RowProblem


def community_fields(standard: Standard) -> list[TemplateField]:
    """The template fields used by the plaques made once per community, in spec order."""
    used: set[str] = set()
    for plaque in standard.plaques:
        if plaque.repeat != "once":
            continue
        used.update(plaque_fields(plaque))
    return [f for f in standard.fields if f.id in used]


def key_fields(standard: Standard) -> list[TemplateField]:
    """The fields that name a community (the open ones: district, street, community)."""
    return [f for f in community_fields(standard) if not f.choices]


def _norm(header: object) -> str:
    text = "" if header is None else str(header)
    return text.replace("\ufeff", "").strip().casefold().replace(" ", "")


def _header_map(standard: Standard) -> tuple[dict[str, str], list[str]]:
    """Accepted header (normalised) -> column id, and the headers to list in errors."""
    accepted: dict[str, str] = {}
    shown: list[str] = []
    for f in community_fields(standard):
        for name in (f.id, f.label, f.label_en):
            accepted[_norm(name)] = f.id
        shown.append(f"{f.id} ({f.label})")
    for column, names in EXTRA_COLUMNS.items():
        for name in names:
            accepted[_norm(name)] = column
        shown.append(f"{column} ({'/'.join(names[1:])}, optional)")
    return accepted, shown


@dataclass
class CommunityFile:
    """An opened communities file: its columns are checked; rows are read on demand."""

    path: Path
    display: str
    standard: Standard
    columns: list[str | None]
    estimated_rows: int | None
    _origins: dict[str, str] = field(default_factory=dict)

    @cached_property
    def fields(self) -> list[TemplateField]:
        """The fields each row must give (see :func:`community_fields`)."""
        return community_fields(self.standard)

    @cached_property
    def keys(self) -> list[TemplateField]:
        """The fields that name a community (see :func:`key_fields`)."""
        return key_fields(self.standard)

    def rows(self) -> Iterator[Row]:
        """Each data row, checked, in file order (blank rows skipped)."""
        seen: dict[tuple[str, ...], int] = {}
        raw = _xlsx_rows(self.path) if _is_xlsx(self.path) else _csv_rows(self.path)
        next(raw, None)  # the header, checked when the file was opened
        for line, cells in raw:
            if all(c.strip() == "" for c in cells):
                continue
            row = self._check(line, cells)
            if isinstance(row, CommunityRow):
                key = tuple(k.casefold() for k in row.key)
                if key in seen:
                    label = self.keys[-1].id
                    row = RowProblem(self.display, line, (
                        (label, f"expected each community once per {self._key_names()}, got "
                                f"{row.name!r} again (first on line {seen[key]})"),), row.name)
                else:
                    seen[key] = line
            yield row

    def _key_names(self) -> str:
        return " and ".join(f.id for f in self.keys[:-1]) or "file"

    def _check(self, line: int, cells: Sequence[str]) -> Row:
        issues: list[tuple[str, str]] = []
        got: dict[str, str] = {}
        for i, cell in enumerate(cells):
            column = self.columns[i] if i < len(self.columns) else None
            if column is None:
                if cell.strip():
                    issues.append((f"column {i + 1}", "expected no value in a column "
                                                      f"without a header, got {cell!r}"))
                continue
            got[column] = cell.strip()
        values: dict[str, str] = {}
        for f in self.fields:
            value = got.get(f.id, "")
            if not value:
                issues.append((f.id, f"expected a value ({f.label}, e.g. {f.example}), "
                                     "got nothing"))
            elif f.choices and value not in f.choices:
                issues.append((f.id, f"expected one of {', '.join(f.choices)}, got {value!r}"))
            values[f.id] = value
        origin = self._origin(got.get("origin", ""), issues)
        width = _number("door_width_mm", got.get("door_width_mm", ""), issues)
        height = _number("door_height_mm", got.get("door_height_mm", ""), issues)
        logo = self._logo(got.get("logo", ""), issues)
        key = tuple(values[f.id] for f in self.keys)
        name = "-".join(key)
        if issues:
            return RowProblem(self.display, line, tuple(issues), name)
        return CommunityRow(self.display, line, values, key, origin, width, height, logo)

    def _origin(self, value: str, issues: list[tuple[str, str]]) -> str | None:
        if not value:
            return None
        found = self._origins.get(value.casefold())
        if found is None:
            known = ", ".join(f"{o.id} ({o.name})" for o in self.standard.origins)
            issues.append(("origin", f"expected one of {known}, got {value!r}"))
        return found

    def _logo(self, value: str, issues: list[tuple[str, str]]) -> Path | None:
        if not value:
            return None
        path = (self.path.parent / value)
        problem = logo_problem(path)
        if problem:
            issues.append(("logo", f"{problem}, got {value!r}"))
            return None
        return path


def logo_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a logo (None when it can): an existing SVG or PNG file."""
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return f"expected a logo file ending in {' or '.join(LOGO_SUFFIXES)}"
    if not path.is_file():
        return "expected an existing logo file (relative to the communities file)"
    return None


def _number(column: str, value: str, issues: list[tuple[str, str]]) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and 0 < number <= MAX_DOOR_MM):
        issues.append((column, f"expected a positive number of millimetres (at most "
                               f"{MAX_DOOR_MM:g}), got {value!r}"))
        return None
    return number


def _is_xlsx(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def _csv_rows(path: Path) -> Generator[tuple[int, list[str]], None, None]:
    """(first line number, cells) of each CSV record; multi-line cells count their lines."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        last = 0
        for cells in reader:
            yield last + 1, cells
            last = reader.line_num


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path) -> Generator[tuple[int, list[str]], None, None]:
    """(row number, cells) of the first sheet, read in openpyxl's streaming mode."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell(c) for c in cells]
    finally:
        book.close()


def _scan_utf8(path: Path, display: str) -> int:
    """Check that the file is UTF-8 without holding it; return its number of lines."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line = lines + chunk[:exc.start].count(b"\n") + 1
                raise SigngenError([Problem(
                    display, line, 0, "", "expected UTF-8 text (in Excel: save as "
                    "'CSV UTF-8'), got bytes that are not UTF-8 (GBK?)")]) from None
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise SigngenError([Problem(display, lines + 1, 0, "", "expected UTF-8 text, "
                                        "got a truncated character at the end")]) from None
    return lines


def open_communities(path: Path, standard: Standard, display: str | None = None
                     ) -> CommunityFile:
    """Open and check a communities file's format and header; rows are read later.

    Raises:
        SigngenError: missing or unreadable file, not UTF-8, empty, unknown or missing headers.
    """
    display = display or path.name
    if not path.is_file():
        raise SigngenError(f"{display}: expected a communities file (.csv or .xlsx), got none")
    if path.suffix.lower() not in (".csv", ".xlsx", ".xlsm"):
        raise SigngenError(f"{display}: expected a .csv or .xlsx file, got {path.suffix!r}")
    estimate: int | None = None
    if _is_xlsx(path):
        try:
            raw = _xlsx_rows(path)
            header = next(raw, None)
            raw.close()
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise SigngenError(f"{display}: expected an Excel workbook (.xlsx), got a file "
                               f"openpyxl cannot read ({type(exc).__name__})") from None
    else:
        estimate = _scan_utf8(path, display)
        raw = _csv_rows(path)
        header = next(raw, None)
        raw.close()
    if header is None or all(not c.strip() for c in header[1]):
        raise SigngenError([Problem(display, 1, 0, "", "expected a header row "
                                    f"({', '.join(f.id for f in community_fields(standard))}"
                                    "), got an empty file")])
    columns = _columns(header[1], standard, display)
    origins: dict[str, str] = {}
    for o in standard.origins:
        origins[o.id.casefold()] = o.id
        origins[o.name.casefold()] = o.id
    return CommunityFile(path, display, standard, columns,
                         None if estimate is None else max(estimate - 1, 0), origins)


def _columns(header: Sequence[str], standard: Standard, display: str) -> list[str | None]:
    accepted, shown = _header_map(standard)
    columns: list[str | None] = []
    problems: list[Problem] = []
    for i, name in enumerate(header):
        norm = _norm(name)
        if not norm:
            columns.append(None)
            continue
        column = accepted.get(norm)
        if column is None:
            problems.append(Problem(display, 1, i + 1, f"column {i + 1}",
                                    f"expected one of the known headers: {'; '.join(shown)}; "
                                    f"got {name.strip()!r}"))
        elif column in columns:
            problems.append(Problem(display, 1, i + 1, f"column {i + 1}",
                                    f"expected each column once, got {column!r} again"))
        columns.append(column)
    for f in community_fields(standard):
        if f.id not in columns:
            problems.append(Problem(display, 1, 0, f.id, f"expected a column {f.id} "
                                    f"(or {f.label}), got none"))
    if problems:
        raise SigngenError(problems)
    return columns


def count_rows(path: Path) -> int | None:
    """A quick estimate of the number of data rows (for a progress bar), or None."""
    try:
        if _is_xlsx(path):
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True)
            try:
                rows = book.worksheets[0].max_row
            finally:
                book.close()
            return None if rows is None else max(rows - 1, 0)
        with path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(_CHUNK), b""))
        return max(lines - 1, 0)
    except Exception:  # only an estimate: the real reading reports problems
        return None


def read_communities(path: Path, standard: Standard, display: str | None = None
                     ) -> Iterator[Row]:
    """Stream the rows of a communities file: a :class:`CommunityRow` or a :class:`RowProblem`.

    The file's format and header are checked at once (``SigngenError``); rows are then read
    one at a time, so a file of any length uses little memory. Line numbers are the file's.
    """
    return open_communities(path, standard, display).rows()
