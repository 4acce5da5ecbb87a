"""Reading a table (CSV or XLSX) once, row by row, with each record's real line number.

:func:`open_table` opens the file and reads its header; :meth:`Table.records` continues
from there with the same handle, so the file is read once, start to end, whatever its
length. A record that cannot be read (bytes that are not UTF-8, a cell over the CSV
module's field limit) comes back as a :class:`Record` with a ``problem`` and the records
after it go on; a sheet whose XML ends early gives one last record with a problem.

XLSX: the ``<dimension>`` a workbook stores is never trusted (openpyxl's read-only mode
would read only the rows and columns it claims); every row in the sheet XML is read.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from signgen.errors import Problem, SigngenError

SUFFIXES = (".csv", ".xlsx", ".xlsm")
NOT_UTF8 = "expected UTF-8 text (in Excel: save as 'CSV UTF-8'), got bytes that are not " \
           "UTF-8 (GBK?)"


@dataclass(frozen=True)
class Record:
    """One record of a table: its first line (or row) number and cells, or why it is bad."""

    line: int
    cells: list[str]
    problem: str = ""


def is_xlsx(path: Path) -> bool:
    """Whether ``path`` is read as a workbook (by its suffix)."""
    return path.suffix.lower() in (".xlsx", ".xlsm")


class Table:
    """An open table: its header record, then :meth:`records` (once), and progress."""

    def __init__(self, display: str, records: Generator[Record, None, None],
                 progress: Any) -> None:
        self.display = display
        self._records = records
        self._progress = progress
        self.header = next(records, None)

    def records(self) -> Iterator[Record]:
        """The records after the header, in file order (each read when asked for)."""
        try:
            yield from self._records
        finally:
            self._records.close()

    def fraction(self) -> float:
        """How much of the file has been read, 0 to 1 (an estimate, for a progress bar)."""
        return float(self._progress())

    def close(self) -> None:
        """Release the file (when the records are not read to the end)."""
        self._records.close()


def open_table(path: Path, display: str) -> Table:
    """Open a CSV or XLSX file and read its header record.

    Raises:
        SigngenError: no such file, a suffix other than .csv/.xlsx/.xlsm, a workbook that
            cannot be opened, a header that is not UTF-8.
    """
    if not path.is_file():
        raise SigngenError(f"{display}: expected a communities file (.csv or .xlsx), got none")
    if path.suffix.lower() not in SUFFIXES:
        raise SigngenError(f"{display}: expected a .csv or .xlsx file, got {path.suffix!r}")
    if is_xlsx(path):
        table = _open_xlsx(path, display)
    else:
        handle = path.open("rb")
        size = max(path.stat().st_size, 1)
        table = Table(display, _csv_records(handle), lambda: min(handle.tell() / size, 1.0)
                      if not handle.closed else 1.0)
    header = table.header
    if header is not None and header.problem:
        table.close()
        raise SigngenError([Problem(display, header.line, 0, "", header.problem)])
    return table


class _Lines:
    """The lines of a binary file decoded one by one; the numbers of undecodable lines."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.number = 0
        self.bad: list[int] = []

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            self.number += 1
            if self.number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                self.bad.append(self.number)
                yield raw.decode("utf-8", errors="replace")


def _csv_records(handle: IO[bytes]) -> Generator[Record, None, None]:
    """(first line number, cells) of each CSV record; multi-line cells count their lines."""
    with handle:
        lines = _Lines(handle)
        reader = csv.reader(iter(lines))
        last = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = last + 1
                last = reader.line_num
                yield Record(line, [], f"expected a CSV record, got one the csv module "
                                       f"cannot read ({exc})")
                continue
            line = last + 1
            last = reader.line_num
            bad = [n for n in lines.bad if line <= n <= last]
            if bad:
                yield Record(bad[0], [], NOT_UTF8)
            else:
                yield Record(line, cells)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _open_xlsx(path: Path, display: str) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise SigngenError(f"{display}: expected an Excel workbook (.xlsx), got a file "
                           f"openpyxl cannot read ({type(exc).__name__})") from None
    estimate = sheet.max_row if isinstance(sheet.max_row, int) else 0
    sheet.reset_dimensions()  # read every row and column, whatever <dimension> says
    done = [0]

    def records() -> Generator[Record, None, None]:
        number = 0
        try:
            rows = sheet.iter_rows(values_only=True)
            while True:
                try:
                    cells = next(rows)
                except StopIteration:
                    return
                except (zipfile.BadZipFile, EOFError, ValueError, KeyError, SyntaxError,
                        OSError) as exc:  # XML ParseError is a SyntaxError
                    yield Record(number + 1, [], "expected the rest of the sheet, got a "
                                 f"damaged or truncated sheet ({type(exc).__name__}); rows "
                                 f"after row {number} cannot be read")
                    return
                number += 1
                done[0] = number
                yield Record(number, [_cell(c) for c in cells])
        finally:
            book.close()

    return Table(display, records(),
                 lambda: min(done[0] / estimate, 0.99) if estimate > 1 else 0.0)
