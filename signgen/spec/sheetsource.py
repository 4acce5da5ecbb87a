"""Reading workbooks (``.xlsx``) as the YAML readers read files: values and where they are.

A :class:`SheetLocator` is the :class:`~signgen.spec.yamlsource.Locator` of a workbook: each
value's path marks a cell of a named sheet, so a problem reads
``plan.xlsx:房间 Rooms!B3: rooms[1].area_m2: ...`` (file, sheet, cell: row and column).
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signgen.errors import Problem, SigngenError
from signgen.spec.yamlsource import Locator, PathKey, format_path

__all__ = ["SheetLocator", "cell_text", "cell_value", "is_workbook", "sheet_rows"]


@dataclass
class SheetLocator(Locator):
    """A :class:`Locator` whose marks are cells of named sheets."""

    sheets: dict[PathKey, str] = field(default_factory=dict)

    def mark(self, path: PathKey, sheet: str, row: int, col: int) -> None:
        """Record that ``path``'s value is in ``sheet`` at ``row``, ``col`` (1-based)."""
        self.marks[path] = (row, col)
        self.sheets[path] = sheet

    def cell(self, path: Sequence[str | int]) -> str:
        """``sheet!B3`` of ``path`` or of its nearest located parent; empty if none."""
        from openpyxl.utils import get_column_letter

        key = tuple(path)
        while key and key not in self.marks:
            key = key[:-1]
        if key not in self.marks:
            return ""
        row, col = self.marks[key]
        return f"{self.sheets[key]}!{get_column_letter(col)}{row}"

    def problem(self, path: Sequence[str | int], message: str, prefix: PathKey = ()) -> Problem:
        where = self.cell(path)
        return Problem(f"{self.file}:{where}" if where else self.file, 0, 0,
                       format_path(tuple(prefix) + tuple(path)), message)


def is_workbook(path: Path) -> bool:
    """Whether ``path`` names a workbook (by its suffix, as the user wrote it)."""
    return path.suffix.lower() in (".xlsx", ".xlsm")


# What openpyxl raises on a file that is no workbook or a damaged one.
UNREADABLE = (OSError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError)


def open_workbook(path: Path, display: str, unreadable: Callable[[str], Any],
                  data_only: bool = True) -> Any:
    """``path`` opened read-only with openpyxl, or a :class:`SigngenError` located at
    ``display`` whose message is ``unreadable(kind of error)``."""
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except UNREADABLE as exc:
        raise SigngenError([Problem(display, 0, 0, "", unreadable(type(exc).__name__))]
                           ) from None


def cell_value(value: object) -> Any:
    """A cell as the YAML reader would give it: numbers stay numbers, the rest text or None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def cell_text(value: object) -> str:
    """A cell's value as text: ``90.0`` reads ``90``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_rows(sheet: Any) -> list[tuple[int, list[Any]]]:
    """(row number, cell values) of every row, whatever the sheet's stored dimension says."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    return [(n, [cell_value(c) for c in cells])
            for n, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
