"""The survey as an XLSForm for ODK Collect and KoboToolbox, and reading their export back.

:func:`survey_xlsform` writes the ``survey``, ``choices`` and ``settings`` sheets: per item a
result (合格 / 不合格 / 不适用), the value the item asks for (a decimal for an area, quantity
or size; text for a plaque's text, a room, each colour or typeface part) and a note, each
question named ``<item id>.<field>``. The header (standard, edition, community, origin, site)
rides along as ``calculate`` fields. :func:`read_export` reads one submission of the
server's export (XLSX or CSV, column names as the form named them, group paths allowed) as
the data of a YAML survey, so :func:`signgen.audit.survey.parse_survey` judges it alike.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from signgen.audit.items import Site, checkable_items
from signgen.audit.survey_xlsx import LABELS, _site_json
from signgen.audit.template import tolerance_text
from signgen.audit.texts import level_word
from signgen.errors import Problem, SigngenError
from signgen.messages import Catalogue
from signgen.output.workbook import workbook_bytes
from signgen.spec.model import Standard
from signgen.spec.sheetsource import SheetLocator, cell_text, cell_value, is_workbook, open_workbook
from signgen.spec.yamlsource import Locator

__all__ = ["read_export", "survey_xlsform"]

FORM = Catalogue({
    "result": ("结果", "Result"), "note": ("备注", "Note"),
    "height_cm": ("高(cm)", "Height (cm)"), "width_cm": ("宽(cm)", "Width (cm)"),
    "measured": ("实测或所见", "Measured or seen"),
    "auditor": ("核查人", "Auditor"), "date": ("核查日期", "Date"),
    "one": ("应为一份提交记录(每个社区导出一份),实际为 {n} 份",
            "expected one submission (export one per community), got {n}"),
    "empty": ("应为带表头的导出文件,实际为空", "expected an export with a header row, got "
              "an empty file"),
})
RESULT_CHOICES = (("pass", "合格"), ("fail", "不合格"), ("na", "不适用"))
HEADER = ("standard", "edition", "origin", "site", "auditor", "date")


def _xpath_text(value: str) -> str:
    """A literal for a calculate: quoted, quotes of the other kind inside only."""
    quote = '"' if "'" in value else "'"
    return quote + value.replace(quote, "") + quote


def _rows(standard: Standard, values: dict[str, str], site: Site, origin: str | None,
          lang: str) -> list[list[str]]:
    info = standard.standard
    out = [["calculate", "standard", "", "", _xpath_text(info.id)],
           ["calculate", "edition", "", "", _xpath_text(info.edition)]]
    out += [["calculate", f"community.{k}", "", "", _xpath_text(v)]
            for k, v in values.items() if v]
    if origin:
        out.append(["calculate", "origin", "", "", _xpath_text(origin)])
    if not site.empty:
        out.append(["calculate", "site", "", "", _xpath_text(_site_json(site))])
    out += [["text", "auditor", FORM.say("auditor", lang), "", ""],
            ["date", "date", FORM.say("date", lang), "", ""]]
    for item in checkable_items(standard, values, site, origin):
        hint = " · ".join(x for x in (f"{item.clause.number} {item.clause.title}",
                                      item.required, level_word(item.level, lang),
                                      tolerance_text(item, lang)) if x)
        out.append(["select_one result", f"{item.id}.result", item.title, hint, ""])
        if item.kind == "plaque-size":
            out += [["decimal", f"{item.id}.measured.{k}", FORM.say(k, lang), "", ""]
                    for k in ("height_cm", "width_cm")]
        elif item.parts:
            out += [["text", f"{item.id}.observed.{p.key}", p.label, "", ""]
                    for p in item.parts]
        elif item.fields:
            kind = "decimal" if item.kind in ("area", "quantity") else "text"
            out.append([kind, f"{item.id}.{item.fields[0]}", FORM.say("measured", lang),
                        "", ""])
        out.append(["text", f"{item.id}.note", FORM.say("note", lang), "", ""])
    return out


def survey_xlsform(standard: Standard, values: dict[str, str], site: Site | None = None,
                   origin: str | None = None, lang: str = "zh") -> bytes:
    """The XLSForm for one community; the same input gives the same bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "hint", "calculation"])
    for row in _rows(standard, values, site or Site(), origin, lang):
        survey.append(row)
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for name, label in RESULT_CHOICES:
        choices.append(["result", name, label])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language"])
    settings.append([standard.standard.title, f"signgen-{standard.id}", lang])
    for ws in wb.worksheets:
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    return workbook_bytes(wb, standard.standard.date)


def _table(path: Path, display: str) -> tuple[list[tuple[int, list[Any]]], str]:
    """(row number, values) of the export's first sheet (or the CSV), and the sheet's name."""
    if is_workbook(path):
        book = open_workbook(path, display, lambda kind: LABELS.msg("unreadable", kind=kind))
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()
            rows = [(n, [cell_value(c) for c in cells])
                    for n, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
            return rows, sheet.title
        finally:
            book.close()
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return [(n, [cell_value(c) for c in row])
            for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)], ""


def read_export(path: Path, display: str | None = None) -> tuple[dict[str, Any], Locator]:
    """One submission of an ODK / KoboToolbox export as survey data, each value located."""
    file = display or str(path)
    rows, sheet = _table(path, file)
    rows = [(n, cells) for n, cells in rows if any(c is not None for c in cells)]
    if not rows:
        raise SigngenError([Problem(file, 0, 0, "", FORM.msg("empty"))])
    (head_row, head), submissions = rows[0], rows[1:]
    if len(submissions) != 1:
        raise SigngenError([Problem(file, 0, 0, "", FORM.msg("one", n=len(submissions)))])
    number, cells = submissions[0]
    loc: Locator = SheetLocator(file) if sheet else Locator(file)
    header: dict[str, Any] = {}
    items: dict[str, Any] = {}
    for col, name in enumerate(head):
        if name is None:
            continue
        key = str(name).rsplit("/", 1)[-1]  # group paths: meta/instanceID, g1/area.x.result
        value = cells[col] if col < len(cells) else None
        parts = key.split(".")
        if key in HEADER or parts[0] == "community":
            where: tuple[str, ...] = ("survey", *parts)
            target = header
        elif len(parts) >= 3:  # <kind>.<spec ids...>.<field>[.<part>]
            where = ()
            for cut in (len(parts) - 1, len(parts) - 2):
                if parts[cut] in ("measured", "observed", "measured_m2", "room", "result",
                                  "note"):
                    where = ("items", ".".join(parts[:cut]), *parts[cut:])
                    break
            if not where:
                continue  # a column of the server's own (_id, _uuid...)
            target = items
        else:
            continue
        if isinstance(loc, SheetLocator):
            loc.mark(where, sheet, number, col + 1)
        else:
            loc.marks[where] = (number, col + 1)
        if value is None:
            continue
        node = target
        for step in where[1:-1]:
            node = node.setdefault(step, {})
        node[where[-1]] = value if isinstance(value, int | float) else cell_text(value)
    if "site" in header:
        import json

        try:
            header["site"] = json.loads(header["site"])
        except ValueError:
            raise SigngenError([loc.problem(("survey", "site"), LABELS.msg(
                "site_json", got=str(header["site"])[:60]))]) from None
    loc.marks.setdefault(("survey",), (head_row, 1))
    return {"survey": header, "items": items}, loc
