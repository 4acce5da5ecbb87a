"""The survey as a workbook: ``audit-template --format xlsx`` writes it, ``audit`` reads it.

Sheets: 概况 (the standard, edition, community values, origin, the site from the plan,
auditor, date) and 检查项 (one row per item: its clause, requirement, level and tolerance,
a 结果 drop-down of 合格/不合格/不适用, the measured or seen value, a note; a plaque's
colours and typefaces take one row per part). :func:`read_survey_xlsx` gives the same data
the YAML survey gives, so :func:`signgen.audit.survey.parse_survey` judges both alike.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from signgen.audit.items import Site, checkable_items
from signgen.audit.template import tolerance_text
from signgen.audit.texts import level_word
from signgen.errors import Problem, SigngenError
from signgen.messages import Catalogue
from signgen.output.workbook import workbook_bytes
from signgen.spec.model import Standard
from signgen.spec.sheetsource import SheetLocator, cell_text, open_workbook, sheet_rows
from signgen.spec.yamlsource import Locator

__all__ = ["is_survey_workbook", "read_survey_xlsx", "survey_xlsx"]

LABELS = Catalogue({
    "sheet.general": ("概况 Survey", "概况 Survey"),
    "sheet.items": ("检查项 Items", "检查项 Items"),
    "key": ("字段 key", "字段 key"), "label": ("名称 label", "名称 label"),
    "value": ("填写 value", "填写 value"),
    "id": ("编号 id", "编号 id"), "part": ("部分 part", "部分 part"),
    "item": ("检查项 item", "检查项 item"), "clause": ("条款 clause", "条款 clause"),
    "required": ("要求 required", "要求 required"), "level": ("等级 level", "等级 level"),
    "tolerance": ("允许偏差 tolerance", "允许偏差 tolerance"),
    "result": ("结果 result", "结果 result"), "measured": ("实测或所见 measured/seen",
                                                         "实测或所见 measured/seen"),
    "height_cm": ("高(cm) height", "高(cm) height"), "width_cm": ("宽(cm) width",
                                                                "宽(cm) width"),
    "note": ("备注 note", "备注 note"), "field": ("键 field", "键 field"),
    "site": ("现场(由方案生成,请勿修改) site, from the plan: do not edit",
             "现场(由方案生成,请勿修改) site, from the plan: do not edit"),
    "pick": ("请选择 合格、不合格 或 不适用", "Pick pass (合格), fail (不合格) or n/a (不适用)"),
    "unreadable": ("应为 Excel 工作簿(.xlsx),实际为 openpyxl 无法读取的文件({kind})",
                   "expected an Excel workbook (.xlsx), got a file openpyxl cannot read "
                   "({kind})"),
    "no_sheet": ("缺少工作表“{want}”;工作簿中有:{got}",
                 "expected a sheet named {want!r}, got the sheets: {got}"),
    "site_json": ("应为方案生成的现场内容(JSON),实际无法读取:{got}",
                  "expected the site the template wrote (JSON), got text that does not "
                  "read: {got}"),
})
RESULT_CHOICES = ("合格", "不合格", "不适用")  # what read_result reads: pass, fail, n/a
HEADER_KEYS = ("key", "label", "value")
ITEM_KEYS = ("id", "part", "item", "clause", "required", "level", "tolerance", "result",
             "measured", "height_cm", "width_cm", "note", "field")
SIZE = "measured:size"  # the field column's word for a plaque size (height and width)


def _site_json(site: Site) -> str:
    return json.dumps({"rooms": [{"name": r.name, "functions": list(r.functions)}
                                 for r in site.rooms],
                       "windows": list(site.windows), "boards": list(site.boards)},
                      ensure_ascii=False, sort_keys=True)


def survey_xlsx(standard: Standard, values: dict[str, str], site: Site | None = None,
                origin: str | None = None, lang: str = "zh") -> bytes:
    """The fillable survey workbook for one community; the same input gives the same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    site = site or Site()
    info = standard.standard
    wb = Workbook()
    general = wb.active
    general.title = LABELS.say("sheet.general", lang)
    items_ws = wb.create_sheet(LABELS.say("sheet.items", lang))

    def put(ws: Any, row: int, col: int, value: object, bold: bool = False) -> None:
        cell = ws.cell(row=row, column=col, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True)

    for col, key in enumerate(HEADER_KEYS, start=1):
        put(general, 1, col, LABELS.say(key, lang), bold=True)
    rows: list[tuple[str, str, str]] = [("standard", info.title, info.id),
                                        ("edition", info.title_en, info.edition)]
    rows += [(f"community.{f.id}", f"{f.label} {f.label_en}", values.get(f.id, ""))
             for f in standard.fields if values.get(f.id)]
    if standard.origins:
        choices = ", ".join(f"{o.id} ({o.name})" for o in standard.origins)
        rows.append(("origin", choices, origin or ""))
    if not site.empty:
        rows.append(("site", LABELS.say("site", lang), _site_json(site)))
    rows += [("auditor", "", ""), ("date", "", "")]
    for r, (key, label, value) in enumerate(rows, start=2):
        put(general, r, 1, key)
        put(general, r, 2, label)
        put(general, r, 3, value)
    for letter, width in zip("ABC", (18, 40, 40), strict=True):
        general.column_dimensions[letter].width = width

    for col, key in enumerate(ITEM_KEYS, start=1):
        put(items_ws, 1, col, LABELS.say(key, lang), bold=True)
    row = 2
    for item in checkable_items(standard, values, site, origin):
        cells = [item.id, "", f"{item.title} / {item.title_en}",
                 f"{item.clause.number} {item.clause.title}", item.required,
                 level_word(item.level, lang),
                 tolerance_text(item, lang) if item.tolerance is not None else ""]
        cells += [""] * 5
        if item.fields and not item.parts:
            cells.append(SIZE if item.kind == "plaque-size" else item.fields[0])
        for col, value in enumerate(cells, start=1):
            put(items_ws, row, col, value)
        row += 1
        for part in item.parts:
            put(items_ws, row, 1, item.id)
            put(items_ws, row, 2, part.key)
            put(items_ws, row, 3, part.label)
            row += 1
    dv = DataValidation(type="list", formula1='"' + ",".join(RESULT_CHOICES) + '"',
                        allow_blank=True, showErrorMessage=True, errorStyle="warning")
    dv.prompt = dv.error = LABELS.say("pick", lang)
    dv.showInputMessage = True
    items_ws.add_data_validation(dv)
    dv.add(f"H2:H{max(row - 1, 2)}")
    for i, width in enumerate((26, 12, 36, 24, 30, 10, 16, 10, 20, 10, 10, 24, 12)):
        items_ws.column_dimensions[chr(ord("A") + i)].width = width
    items_ws.column_dimensions["M"].hidden = True  # the YAML key each value goes to
    items_ws.freeze_panes = "B2"

    return workbook_bytes(wb, standard.standard.date)


def _sheet(book: Any, key: str, file: str) -> Any:
    want = LABELS.say(key, "zh")
    zh = want.split()[0]
    for sheet in book.worksheets:
        if sheet.title.strip().startswith(zh) or sheet.title.strip() == want:
            return sheet
    raise SigngenError([Problem(file, 0, 0, "", LABELS.msg(
        "no_sheet", want=want, got=", ".join(s.title for s in book.worksheets)))])


def _columns(header: list[Any], keys: tuple[str, ...]) -> dict[str, int]:
    words = {k: LABELS.say(k, "zh").split()[0] for k in keys}
    out: dict[str, int] = {}
    for i, cell in enumerate(header):
        for key, word in words.items():
            if isinstance(cell, str) and (cell.startswith(word) or cell == key):
                out.setdefault(key, i)
    return out


def _general(sheet: Any, loc: SheetLocator) -> dict[str, Any]:
    rows = sheet_rows(sheet)
    cols = _columns(rows[0][1] if rows else [], HEADER_KEYS)
    kcol, vcol = cols.get("key", 0), cols.get("value", 2)
    header: dict[str, Any] = {}
    loc.mark(("survey",), sheet.title, 1, 1)
    for number, cells in rows[1:]:
        key = cells[kcol] if kcol < len(cells) else None
        value = cells[vcol] if vcol < len(cells) else None
        if key is None:
            continue
        key = str(key)
        if key.startswith("community."):
            path: tuple[str, ...] = ("survey", "community", key.split(".", 1)[1])
        else:
            path = ("survey", key)
        loc.mark(path, sheet.title, number, vcol + 1)
        if value is None:
            continue
        if key == "site":
            try:
                header["site"] = json.loads(str(value))
            except ValueError:
                raise SigngenError([loc.problem(path, LABELS.msg(
                    "site_json", got=str(value)[:60]))]) from None
        elif len(path) == 3:
            header.setdefault("community", {})[path[2]] = cell_text(value)
        else:
            header[key] = cell_text(value)
    return header


def _items(sheet: Any, loc: SheetLocator) -> dict[str, Any]:
    rows = sheet_rows(sheet)
    cols = _columns(rows[0][1] if rows else [], ITEM_KEYS)
    items: dict[str, Any] = {}
    loc.mark(("items",), sheet.title, 1, 1)

    def get(cells: list[Any], key: str) -> Any:
        i = cols.get(key)
        return cells[i] if i is not None and i < len(cells) else None

    for number, cells in rows[1:]:
        item_id = get(cells, "id")
        if item_id is None:
            continue
        item_id = str(item_id)
        entry = items.setdefault(item_id, {})
        here = ("items", item_id)
        part = get(cells, "part")
        if part is not None:
            value = get(cells, "measured")
            path = (*here, "observed", str(part))
            loc.mark(path, sheet.title, number, cols.get("measured", 0) + 1)
            if value is not None:
                entry.setdefault("observed", {})[str(part)] = cell_text(value)
            continue
        loc.mark(here, sheet.title, number, 1)
        for key in ("result", "note"):
            loc.mark((*here, key), sheet.title, number, cols.get(key, 0) + 1)
            if get(cells, key) is not None:
                entry[key] = get(cells, key)
        field_name = get(cells, "field")
        if field_name == SIZE:
            size = {}
            for key in ("height_cm", "width_cm"):
                loc.mark((*here, "measured", key), sheet.title, number, cols.get(key, 0) + 1)
                if get(cells, key) is not None:
                    size[key] = get(cells, key)
            if size:
                entry["measured"] = size
        elif field_name is not None:
            name = str(field_name)
            value = get(cells, "measured")
            loc.mark((*here, name), sheet.title, number, cols.get("measured", 0) + 1)
            if value is not None:
                entry[name] = value if name.startswith("measured") else cell_text(value)
    return items


def read_survey_xlsx(path: Path, display: str | None = None) -> tuple[dict[str, Any], Locator]:
    """The survey data of a workbook and where each value is (sheet and cell)."""
    loc = SheetLocator(display or str(path))
    book = open_workbook(path, loc.file, lambda kind: LABELS.msg("unreadable", kind=kind))
    try:
        data = {"survey": _general(_sheet(book, "sheet.general", loc.file), loc),
                "items": _items(_sheet(book, "sheet.items", loc.file), loc)}
    finally:
        book.close()
    return data, loc


def is_survey_workbook(path: Path) -> bool:
    """Whether a workbook is one :func:`survey_xlsx` wrote (it has the items sheet)."""
    try:
        book = open_workbook(path, str(path), str, data_only=False)
    except SigngenError:
        return True  # let the survey reader say what is wrong with it
    try:
        word = LABELS.say("sheet.items", "zh").split()[0]
        return any(s.strip().startswith(word) for s in book.sheetnames)
    finally:
        book.close()
