"""The plan workbook to fill in (``signgen plan-template -o plan.xlsx``).

Sheets: 概况 (how the premises were obtained and the community's values), 房间 (one room a
row: name, area, zone and functions from drop-down lists), 窗口与宣传栏 (service windows and
bulletin boards from drop-down lists) and a hidden 选项 sheet holding the lists: the
standard's function names with the alternative names it gives, its zones, origins, window
categories and boards, all read from the spec. :mod:`signgen.contractor.plan_xlsx` reads the
filled workbook into the same plan as a YAML file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from signgen.communities.identity import community_fields
from signgen.contractor.plan_sheets import (
    FUNCTION_COLUMNS,
    NOTES,
    ROWS,
    header,
    room_columns,
    sheet_title,
)
from signgen.output.workbook import workbook_bytes
from signgen.spec.model import Standard

__all__ = ["plan_lists", "plan_template_xlsx"]


def plan_lists(standard: Standard) -> dict[str, list[str]]:
    """The drop-down lists: list key -> the standard's names, in spec order."""
    functions: list[str] = []
    for function in standard.functions:
        functions += [n for n in function.standard_names if n not in functions]
    lists = {"functions": functions, "zones": [z.name for z in standard.zones],
             "origins": [o.name for o in standard.origins],
             "windows": [c.name for c in standard.window_categories],
             "boards": [b.name for b in standard.boards]}
    for field in community_fields(standard):
        if field.choices:
            lists[f"field:{field.id}"] = list(field.choices)
    return {k: v for k, v in lists.items() if v}


def _text(cell: Any, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # never a formula, whatever the text


def _validation(ref: str, lang: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    # Not strict: a name the standard accepts but the list lacks (an id, a project alias)
    # still goes in; the reader judges every name as the YAML plan's reader does.
    dv = DataValidation(type="list", formula1=ref, allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorStyle="information")
    dv.promptTitle = NOTES.say("pick_title", lang)
    dv.prompt = NOTES.say("pick", lang)
    dv.errorTitle = NOTES.say("pick_title", lang)
    dv.error = NOTES.say("pick", lang)
    dv.showInputMessage = True
    return dv


def _bold_header(ws: Any, titles: Sequence[str], widths: Sequence[int]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for i, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=i)
        _text(cell, title)
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def plan_template_xlsx(standard: Standard, lang: str = "zh") -> bytes:
    """The empty plan workbook for ``standard``; the same standard gives the same bytes."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter, quote_sheetname

    lists = plan_lists(standard)
    wb = Workbook()
    general = wb.active
    general.title = sheet_title("general")
    rooms = wb.create_sheet(sheet_title("rooms"))
    entries = wb.create_sheet(sheet_title("entries"))
    hidden = wb.create_sheet(sheet_title("lists"))
    hidden.sheet_state = "hidden"
    refs: dict[str, str] = {}
    for col, (key, names) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        _text(hidden.cell(row=1, column=col), key)
        for row, name in enumerate(names, start=2):
            _text(hidden.cell(row=row, column=col), name)
        refs[key] = (f"{quote_sheetname(hidden.title)}!${letter}$2:${letter}$"
                     f"{len(names) + 1}")

    _bold_header(general, [header("key"), header("label"), header("value")], [16, 30, 30])
    keyed = [("origin", header("origin"), refs.get("origins"))]
    keyed += [(f.id, f"{f.label} {f.label_en}", refs.get(f"field:{f.id}"))
              for f in community_fields(standard)]
    for row, (key, label, ref) in enumerate(keyed, start=2):
        _text(general.cell(row=row, column=1), key)
        _text(general.cell(row=row, column=2), label)
        if ref:
            dv = _validation(ref, lang)
            general.add_data_validation(dv)
            dv.add(f"C{row}")

    columns = room_columns()
    _bold_header(rooms, [title for _, title in columns], [24, 14, 18] + [22] * FUNCTION_COLUMNS)
    last = ROWS + 1
    for col, (key, _) in enumerate(columns, start=1):
        ref = {"zone": refs.get("zones"), "functions": refs.get("functions")}.get(key)
        if ref:
            letter = get_column_letter(col)
            dv = _validation(ref, lang)
            rooms.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{last}")

    _bold_header(entries, [header("windows"), header("boards")], [28, 28])
    for letter, key in (("A", "windows"), ("B", "boards")):
        if key in refs:
            dv = _validation(refs[key], lang)
            entries.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{last}")
    _text(entries.cell(row=1, column=4), NOTES.say("boards_empty", lang))

    return workbook_bytes(wb, standard.standard.date)

