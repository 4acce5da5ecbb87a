"""The sign schedule: every sign a plan's premises need, one row each, for the sign shop.

Rows come from the standard's plaques and the plan: each plaque with ``repeat: once``; the
unified logo (placed by the plan's origin); one sign per service window (``per_window``),
one name plaque per room (``per_room``, naming the room's functions joined with 、) and one
header per bulletin board (``per_board``). A plan without a ``boards:`` key gets every board
the standard lists. The text is :func:`signgen.plaque.text.plaque_text` with the plan's
community values; sizes, typefaces, colours and mounting heights say whether they are the
standard's or a project default.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from signgen.contractor.plan import Plan, PlanEntry, PlanRoom
from signgen.output.document import Heading, Para, Table, blocks_markdown
from signgen.output.numbers import number
from signgen.plaque.text import PlaqueText, plaque_text
from signgen.spec.model import Plaque, Standard
from signgen.spec.template import plaque_fields

STANDARD = "标准 standard"
DEFAULT = "项目默认 project default"


@dataclass(frozen=True)
class ScheduleRow:
    """One sign: what it says, how big, in which faces and colours, where, how many."""

    id: str
    type: str
    text: str
    height_mm: float | None
    width: str  # mm, or "follows text, MIN-MAX"
    size_source: str
    typefaces: str
    colours: str
    placement: str
    mounting_height: str
    quantity: int
    clause: str


COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("id", "编号 ID", 28), ("type", "类型 Type", 22), ("text", "文字 Text", 40),
    ("height_mm", "高 Height (mm)", 12), ("width", "宽 Width (mm)", 22),
    ("size_source", "尺寸来源 Size source", 34), ("typefaces", "字体 Typefaces", 48),
    ("colours", "颜色 Colours", 40), ("placement", "位置 Placement", 40),
    ("mounting_height", "安装高度 Mounting height (mm)", 30), ("quantity", "数量 Qty", 8),
    ("clause", "条款 Clause", 16))


def row_cells(row: ScheduleRow) -> list[str | int | float]:
    """The row's cells in :data:`COLUMNS` order (numbers stay numbers)."""
    cells: list[str | int | float] = []
    for key, _, _ in COLUMNS:
        value = getattr(row, key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        cells.append("" if value is None else value)
    return cells


# --- facts about a plaque, shared with the checklist ------------------------------------


def size_facts(standard: Standard, plaque_id: str) -> tuple[float | None, str, str]:
    """Height (mm), width text and where each comes from (standard or project default)."""
    plaque = standard.plaque(plaque_id)
    layout = standard.layout(plaque_id)
    height = plaque.size.height_mm or layout.height_mm
    h_src = STANDARD if plaque.size.height_mm else DEFAULT
    if plaque.size.width_mm:
        width, w_src = number(plaque.size.width_mm), STANDARD
    elif layout.width_from_text:
        low = number(layout.min_width_mm or 0)
        high = number(layout.max_width_mm or 0)
        width, w_src = f"随文字 follows text, {low}-{high}", DEFAULT
    else:
        width, w_src = number(layout.width_mm or 0), DEFAULT
    source = f"height: {h_src}; width: {w_src}" if h_src != w_src else h_src
    return height, width, source


def style_facts(standard: Standard, text: PlaqueText) -> tuple[str, str]:
    """Typefaces (standard name → substitute) and colours (name HEX), marking defaults."""
    plaque = text.plaque
    own = {s.id: s for s in plaque.segments}
    faces: list[str] = []
    colours: list[str] = []
    for line in text.lines:
        for run in line:
            seg = own[run.segment]
            face = standard.typeface(run.typeface)
            sub = standard.substitute(run.typeface).families[0]
            mark = "" if seg.typeface else f" ({DEFAULT})"
            entry = f"{face.name}{mark} → {sub.family} {sub.style}"
            if entry not in faces:
                faces.append(entry)
            colour_mark = "" if seg.colour else f" ({DEFAULT})"
            colour = f"{standard.colour(run.colour).name} {standard.colour_value(run.colour).hex}"
            if colour + colour_mark not in colours:
                colours.append(colour + colour_mark)
    bg_mark = "" if plaque.background else f", {DEFAULT}"
    bg = f"{standard.colour(text.background).name} {standard.colour_value(text.background).hex}"
    colours.append(f"{bg} (background{bg_mark})")
    return "; ".join(faces), "; ".join(colours)


def mounting_facts(standard: Standard, plaque_id: str) -> str:
    """Mounting height from the project defaults, floor to the sign's lower edge."""
    layout = standard.layout(plaque_id)
    return f"{number(layout.mounting_height_mm)} (floor to lower edge, {DEFAULT})"


def clause_label(standard: Standard, clause_id: str) -> str:
    """A clause as ``number (id)``, e.g. ``四(四) (d3-4-4)``."""
    return f"{standard.clause(clause_id).number} ({clause_id})"


# --- rows -------------------------------------------------------------------------------


def _plaque_row(standard: Standard, plaque: Plaque, row_id: str, values: Mapping[str, str]
                ) -> ScheduleRow:
    text = plaque_text(standard, plaque.id, values)
    height, width, source = size_facts(standard, plaque.id)
    faces, colours = style_facts(standard, text)
    return ScheduleRow(row_id, f"{plaque.name} {plaque.name_en}", text.text, height, width,
                       source, faces, colours, f"{plaque.placement} ({plaque.placement_en})",
                       mounting_facts(standard, plaque.id), 1,
                       clause_label(standard, plaque.citation.clause))


def _item_values(plan: Plan, plaque: Plaque, value: str) -> dict[str, str]:
    """Community values plus ``value`` in each field the plaque uses that the plan lacks."""
    values = dict(plan.community)
    for name in plaque_fields(plaque):
        if not values.get(name):
            values[name] = value
    return values


def _entry_ids(prefix: str, entries: tuple[PlanEntry, ...]) -> list[str]:
    ids: list[str] = []
    for entry in entries:
        base = (f"{prefix}-{entry.category}" if entry.category
                else f"{prefix}-x{entry.index + 1:02d}")
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def _room_label(standard: Standard, room: PlanRoom) -> str:
    names = {f.id: f.name for f in standard.functions}
    return "、".join(names[f] for f in room.functions) or room.name


def logo_row(standard: Standard, plan: Plan) -> ScheduleRow | None:
    """The unified logo's row, placed by the plan's origin; None without an origin."""
    origin = next((o for o in standard.origins if o.id == plan.origin), None)
    if origin is None:
        return None
    entrance = standard.project_defaults.entrance
    size = number(entrance.logo_size_mm) if entrance else ""
    return ScheduleRow(
        f"logo-{origin.id}", "标识 Logo", "统一标识：图样不在标准正文中 unified logo: artwork "
        "not in the standard text", float(entrance.logo_size_mm) if entrance else None, size,
        DEFAULT if entrance else "", "", "", f"{origin.name} {origin.name_en}: "
        f"“{origin.citation.quote}”", "", 1, clause_label(standard, origin.citation.clause))


def schedule_rows(standard: Standard, plan: Plan) -> list[ScheduleRow]:
    """Every sign the plan's premises need, in the standard's plaque order."""
    rows: list[ScheduleRow] = []
    logo = logo_row(standard, plan)
    for plaque in standard.plaques:
        if plaque.repeat == "once":
            rows.append(_plaque_row(standard, plaque, plaque.id, plan.community))
            if logo and plaque.kind == "outdoor" and logo not in rows:
                rows.append(logo)
        elif plaque.repeat == "per_window":
            for entry, row_id in zip(plan.windows, _entry_ids(plaque.id, plan.windows),
                                     strict=True):
                rows.append(_plaque_row(standard, plaque, row_id,
                                        _item_values(plan, plaque, entry.name)))
        elif plaque.repeat == "per_room":
            for room in plan.rooms:
                rows.append(_plaque_row(standard, plaque, f"{plaque.id}-r{room.index + 1:02d}",
                                        _item_values(plan, plaque, _room_label(standard, room))))
        else:
            for entry, row_id in zip(plan.boards, _entry_ids(plaque.id, plan.boards),
                                     strict=True):
                rows.append(_plaque_row(standard, plaque, row_id,
                                        _item_values(plan, plaque, entry.name)))
    if logo and logo not in rows:
        rows.append(logo)
    return rows


# --- files ------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries' date: the earliest a zip can hold


def neutralise(value: str | int | float) -> str | int | float:
    """Prefix ``'`` to text a spreadsheet would run as a formula (=, +, -, @, tab, CR).

    >>> neutralise('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def schedule_table(rows: list[ScheduleRow]) -> Table:
    """The schedule as a document table (headers and text cells)."""
    return Table(tuple(h for _, h, _ in COLUMNS), tuple(
        tuple(c if isinstance(c, str) else number(c) for c in row_cells(r)) for r in rows))


def schedule_markdown(standard: Standard, plan: Plan, rows: list[ScheduleRow]) -> str:
    """The schedule as a Markdown page: title, the plan it is for, and the escaped table."""
    count = sum(r.quantity for r in rows)
    return blocks_markdown([
        Heading(f"{standard.standard.title}: 标牌清单 Sign schedule", 1),
        Para(f"{plan.source}: {count} signs ({standard.id})"),
        schedule_table(rows)])


def schedule_csv(rows: list[ScheduleRow]) -> bytes:
    """UTF-8 CSV with a BOM (so Excel and WPS read Chinese), formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([h for _, h, _ in COLUMNS])
    for row in rows:
        writer.writerow([neutralise(c) for c in row_cells(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _fixed_datetime(standard: Standard) -> datetime.datetime:
    try:
        return datetime.datetime.strptime(standard.standard.date, "%Y-%m-%d")
    except ValueError:
        return datetime.datetime(2000, 1, 1)


def schedule_xlsx(standard: Standard, rows: list[ScheduleRow]) -> bytes:
    """An XLSX workbook: header row frozen, column widths, text cells stored as text.

    The same rows give the same bytes: document dates are the standard's date and the
    zip entries carry a fixed time.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "signs"
    ws.append([h for _, h, _ in COLUMNS])
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
    for i, (_, _, width) in enumerate(COLUMNS):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = "A2"
    stamp = _fixed_datetime(standard)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "signgen"
    raw = io.BytesIO()
    wb.save(raw)
    return _deterministic_zip(raw.getvalue(), stamp)


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


SCHEDULE_FORMATS = ("csv", "xlsx", "md")


def schedule_bytes(standard: Standard, plan: Plan, fmt: str) -> bytes:
    """The schedule of ``plan`` in one of :data:`SCHEDULE_FORMATS`."""
    rows = schedule_rows(standard, plan)
    if fmt == "csv":
        return schedule_csv(rows)
    if fmt == "xlsx":
        return schedule_xlsx(standard, rows)
    return schedule_markdown(standard, plan, rows).encode("utf-8")
