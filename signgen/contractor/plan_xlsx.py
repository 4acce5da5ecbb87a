"""Reading a plan workbook (``plan.xlsx``, from ``signgen plan-template``) as plan data.

:func:`read_plan_xlsx` gives the same data and a locator as the YAML reader does, so
:func:`signgen.contractor.plan.parse_plan` checks both alike: the same model, the same
messages. Each problem is located by file, sheet and cell: ``plan.xlsx:房间 Rooms!B3``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from signgen.contractor.plan_sheets import HEADERS, SHEETS, match_header, sheet_title
from signgen.errors import Problem, SigngenError
from signgen.messages import Catalogue
from signgen.spec.sheetsource import SheetLocator, cell_text, is_workbook, open_workbook, sheet_rows
from signgen.spec.yamlsource import Locator, PathKey

__all__ = ["is_xlsx_plan", "read_plan_xlsx"]

is_xlsx_plan = is_workbook

XLSX = Catalogue({
    "unreadable": ("应为 Excel 工作簿(.xlsx),实际为 openpyxl 无法读取的文件({kind})",
                   "expected an Excel workbook (.xlsx), got a file openpyxl cannot read "
                   "({kind})"),
    "no_sheet": ("缺少工作表“{want}”;工作簿中有:{got}",
                 "expected a sheet named {want!r}, got the sheets: {got}"),
    "no_header": ("在前 {n} 行中找不到表头(应有“{want}”一列)",
                  "expected a header row with a {want!r} column in the first {n} rows, "
                  "got none"),
})

_HEADER_ROWS = 10  # a title row or two may sit above the header


def _find_sheet(book: Any, key: str, loc: SheetLocator, required: bool) -> Any:
    zh, en = SHEETS.say(key, "zh"), SHEETS.say(key, "en").casefold()
    for sheet in book.worksheets:
        title = sheet.title.strip()
        if title.startswith(zh) or en in title.casefold():
            return sheet
    if required:
        raise SigngenError([Problem(loc.file, 0, 0, "", XLSX.msg(
            "no_sheet", want=sheet_title(key), got=", ".join(s.title for s in book.worksheets)))])
    return None


def _header(rows: list[tuple[int, list[Any]]], keys: Sequence[str], first: str, file: str,
            title: str) -> tuple[int, dict[int, str]]:
    """The header row's number and column (0-based) -> key, for the keys it names."""
    for number, cells in rows[:_HEADER_ROWS]:
        columns = {}
        for i, cell in enumerate(cells):
            named = [k for k in keys if isinstance(cell, str) and match_header(cell, k)]
            if named:  # 功能区 is a zone, not a 功能: the longest name wins
                columns[i] = max(named, key=lambda k: len(HEADERS.say(k, "zh")))
        if first in columns.values():
            return number, columns
    want = f"{HEADERS.say(first, 'zh')} {HEADERS.say(first, 'en')}"
    raise SigngenError([Problem(f"{file}:{title}", 0, 0, "",
                                XLSX.msg("no_header", n=_HEADER_ROWS, want=want))])


def _general(sheet: Any, data: dict[str, Any], loc: SheetLocator) -> None:
    rows = sheet_rows(sheet)
    head, cols = _header(rows, ("key", "value"), "key", loc.file, sheet.title)
    key_col = next(i for i, k in cols.items() if k == "key")
    value_col = next((i for i, k in cols.items() if k == "value"), key_col + 2)
    community: dict[str, Any] = {}
    for number, cells in rows:
        if number <= head or key_col >= len(cells) or cells[key_col] is None:
            continue
        key = str(cells[key_col])
        value = cells[value_col] if value_col < len(cells) else None
        path: PathKey = ("origin",) if key == "origin" else ("community", key)
        loc.mark(path, sheet.title, number, value_col + 1)
        if value is None:
            continue
        if key == "origin":
            data["origin"] = str(value)
        else:
            community[key] = value if isinstance(value, str) else cell_text(value)
    if community:
        data["community"] = community
        loc.mark(("community",), sheet.title, head, value_col + 1)


def _rooms(sheet: Any, data: dict[str, Any], loc: SheetLocator) -> None:
    rows = sheet_rows(sheet)
    head, cols = _header(rows, ("name", "area_m2", "zone", "function"), "name", loc.file,
                         sheet.title)
    loc.mark(("rooms",), sheet.title, head, 1)
    rooms: list[dict[str, Any]] = []
    for number, cells in rows:
        if number <= head or all(c is None for c in cells):
            continue
        i = len(rooms)
        room: dict[str, Any] = {}
        functions: list[str] = []
        loc.mark(("rooms", i), sheet.title, number, 1)
        for col, key in sorted(cols.items()):
            value = cells[col] if col < len(cells) else None
            if key == "function":
                if value is not None:
                    loc.mark(("rooms", i, "functions", len(functions)), sheet.title, number,
                             col + 1)
                    functions.append(value if isinstance(value, str) else cell_text(value))
                continue
            loc.mark(("rooms", i, key), sheet.title, number, col + 1)
            if value is not None:
                room[key] = value if key == "area_m2" or isinstance(value, str) \
                    else cell_text(value)
        if functions:
            room["functions"] = functions
        rooms.append(room)
    data["rooms"] = rooms


def _entries(sheet: Any, data: dict[str, Any], loc: SheetLocator) -> None:
    rows = sheet_rows(sheet)
    head, cols = _header(rows, ("windows", "boards"), "windows", loc.file, sheet.title)
    for col, key in cols.items():
        names: list[str] = []
        loc.mark((key,), sheet.title, head, col + 1)
        for number, cells in rows:
            value = cells[col] if col < len(cells) else None
            if number > head and value is not None:
                loc.mark((key, len(names)), sheet.title, number, col + 1)
                names.append(value if isinstance(value, str) else cell_text(value))
        if names or key == "windows":
            data[key] = names


def read_plan_xlsx(path: Path, display: str | None = None) -> tuple[dict[str, Any], Locator]:
    """The plan data of a workbook and where each value is (sheet and cell).

    Raises:
        SigngenError: the file is no workbook, or lacks the rooms sheet or a header.
    """
    loc = SheetLocator(display or str(path))
    book = open_workbook(path, loc.file, lambda kind: XLSX.msg("unreadable", kind=kind))
    try:
        data: dict[str, Any] = {}
        general = _find_sheet(book, "general", loc, required=False)
        if general is not None:
            _general(general, data, loc)
        _rooms(_find_sheet(book, "rooms", loc, required=True), data, loc)
        entries = _find_sheet(book, "entries", loc, required=False)
        if entries is not None:
            _entries(entries, data, loc)
    finally:
        book.close()
    return data, loc
