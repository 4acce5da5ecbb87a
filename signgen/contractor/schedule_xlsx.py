"""The sign schedule as an XLSX workbook, ready to print and to filter.

Header row frozen, repeated on every printed page and filtered; A3 landscape, one page
wide; text wrapped and stored as text (never a formula); numbers stored as numbers. The same
rows give the same bytes (document dates are the standard's, zip entries a fixed time).
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from signgen.contractor.schedule import COLUMNS, ScheduleRow, headers, neutralise, row_cells
from signgen.output.workbook import workbook_bytes
from signgen.spec.model import Standard


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
    return workbook_bytes(wb, standard.standard.date)


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
