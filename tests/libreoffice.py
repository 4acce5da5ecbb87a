"""LibreOffice Calc, headless, as the tool that opens our workbooks the way a user's does.

:class:`Calc` converts many files in one ``soffice`` call, with a private profile (so tests
never touch a user's LibreOffice settings and two runs do not share a lock). CSV export uses
the filter options that write *every* sheet (``-1``) and quote every text cell, so a number
LibreOffice sees as text is told from a real number: :func:`read_cells` gives each cell's
text and whether it was quoted (text) or not (a number, a date, a formula's value).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

# separator ',', text delimiter '"', UTF-8 (76), from line 1, no column formats, default
# language, quote all text cells, detect special numbers, save cell contents as stored
# (not as shown), no formulas, no trimming, all sheets (-1: one file per sheet).
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1'
XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"
TIMEOUT_S = 240


@dataclass(frozen=True)
class Cell:
    """One cell as LibreOffice exported it: its text, and whether it was text (quoted)."""

    text: str
    quoted: bool

    @property
    def is_number(self) -> bool:
        """LibreOffice held a value here that is not text (a number)."""
        return bool(self.text) and not self.quoted


def soffice() -> str:
    """The ``soffice`` executable; the test fails (never skips) without it."""
    found = shutil.which("soffice")
    if found is None:
        pytest.fail("soffice not found: run scripts/setup.sh (Debian package "
                    "libreoffice-calc-nogui)")
    return found


class Calc:
    """``soffice --headless --convert-to`` with a private profile under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.profile = folder / "profile"
        self.executable = soffice()

    def convert(self, files: list[Path], target: str, out_dir: Path) -> None:
        """Convert ``files`` (one soffice call) into ``out_dir`` with the filter ``target``."""
        out_dir.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [self.executable, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
             "--norestore", "--convert-to", target, "--outdir", str(out_dir),
             *map(str, files)],
            capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        assert result.returncode == 0, result.stderr + result.stdout


def read_cells(path: Path) -> list[list[Cell]]:
    """The rows of a CSV file LibreOffice wrote, each cell with whether it was quoted."""
    text = path.read_text(encoding="utf-8")
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j, parts = i + 1, []
            while True:
                k = text.index('"', j)
                parts.append(text[j:k])
                if text.startswith('""', k):
                    parts.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            row.append(Cell("".join(parts), True))
        else:
            k = i
            while k < n and text[k] not in ",\n":
                k += 1
            row.append(Cell(text[i:k].rstrip("\r"), False))
            i = k
        if i >= n or text[i] == "\n":
            rows.append(row)
            row = []
        i += 1
    if row:
        rows.append(row)
    return rows
