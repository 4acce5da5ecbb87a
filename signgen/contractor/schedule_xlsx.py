"""The sign schedule as an XLSX workbook, ready to print and to filter.

Header row frozen, repeated on every printed page and filtered; A3 landscape, one page
wide; text wrapped and stored as text (never a formula); numbers stored as numbers. The same
rows give the same bytes (document dates are the standard's, zip entries a fixed time).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from signgen.contractor.schedule import COLUMNS, ScheduleRow, headers, neutralise, row_cells
from signgen.spec.model import Standard

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries' date: the earliest a zip can hold


def _fixed_datetime(standard: Standard) -> datetime.datetime:
    try:
        return datetime.datetime.strptime(standard.standard.date, "%Y-%m-%d")
    except ValueError:
        return datetime.datetime(2000, 1, 1)


def schedule_xlsx(standard: Standard, rows: list[ScheduleRow], lang: str = "zh") -> bytes:
    """An XLSX workbook: header row frozen, column widths, text cells stored as text.

    The same rows give the same bytes: document dates are the standard's date and the
    zip entries carry a fixed time.
    """
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "signs"
    ws.append(headers(lang))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row_cells(row))
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.value = neutralise(cell.value)
                cell.data_type = "s"  # never a formula, whatever the text
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, (_, width) in enumerate(COLUMNS):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = "A2"
    _print_setup(ws, len(rows))
    stamp = _fixed_datetime(standard)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "signgen"
    raw = io.BytesIO()
    wb.save(raw)
    return _deterministic_zip(raw.getvalue(), stamp)


def _print_setup(ws: Any, count: int) -> None:
    """A3 landscape, one page wide, the header row on every page, an autofilter."""
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    for cell in ws[1]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _deterministic_zip(data: bytes, stamp: datetime.datetime) -> bytes:
    """Rewrite a zip with fixed entry times; openpyxl stamps 'now' in core.xml and entries."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + iso.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()
