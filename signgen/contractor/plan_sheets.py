"""The layout of a plan workbook (``plan.xlsx``): its sheets, columns and their headers.

One place for the writer (:mod:`signgen.contractor.plan_template`) and the reader
(:mod:`signgen.contractor.plan_xlsx`), so a template always reads back. Headers are Chinese
first, English beside; the reader finds a column by either language.
"""

from __future__ import annotations

from signgen.messages import Catalogue

SHEETS = Catalogue({
    "general": ("概况", "General"),
    "rooms": ("房间", "Rooms"),
    "entries": ("窗口与宣传栏", "Windows & boards"),
    "lists": ("选项", "Lists"),
})

HEADERS = Catalogue({
    "key": ("字段", "key"),
    "label": ("名称", "label"),
    "value": ("填写", "value"),
    "name": ("房间名称", "room name"),
    "area_m2": ("面积(m²)", "area (m²)"),
    "zone": ("功能区", "zone"),
    "function": ("功能", "function"),
    "windows": ("服务窗口", "service window"),
    "boards": ("宣传栏", "bulletin board"),
    "origin": ("用房取得方式", "how the premises were obtained"),
})

NOTES = Catalogue({
    "pick": ("请从下拉列表中选择,或填写本标准的名称", "Pick from the list, or type the "
             "standard's name"),
    "pick_title": ("请选择", "Pick one"),
    "area": ("面积,单位平方米,例如 90", "Floor area in m², e.g. 90"),
    "boards_empty": ("宣传栏一栏留空:视为设有本标准的全部宣传栏(与 YAML 方案不写 boards 相同)",
                     "boards column left empty: every board of the standard is assumed (as in "
                     "a YAML plan without boards)"),
})

# Function columns per room: a room serving more functions than this is written in YAML.
FUNCTION_COLUMNS = 4
# Rows the drop-down lists cover below the header.
ROWS = 200


def header(key: str, suffix: str = "") -> str:
    """A column's header: Chinese first, then English (``房间名称 room name``)."""
    en = HEADERS.say(key, "en") + (f" {suffix}" if suffix else "")
    return f"{HEADERS.say(key, 'zh')}{suffix} {en}"


def sheet_title(key: str) -> str:
    """A sheet's title: Chinese first, then English (``房间 Rooms``)."""
    return f"{SHEETS.say(key, 'zh')} {SHEETS.say(key, 'en')}"


def room_columns() -> list[tuple[str, str]]:
    """(plan key, header) of the rooms sheet, in order."""
    cols = [(k, header(k)) for k in ("name", "area_m2", "zone")]
    cols += [("functions", header("function", str(n + 1))) for n in range(FUNCTION_COLUMNS)]
    return cols


def match_header(text: str, key: str) -> bool:
    """Whether a header cell names the column ``key`` (either language, a number after it)."""
    cell = " ".join(text.split()).casefold()
    zh, en = HEADERS.say(key, "zh").casefold(), HEADERS.say(key, "en").casefold()
    return cell.startswith(zh) or en in cell or cell == key
