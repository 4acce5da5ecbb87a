"""The sign schedule: every sign a plan's premises need, one row each, for the sign shop.

Rows come from the standard's plaques and the plan: each plaque with ``repeat: once``; the
unified logo (placed by the plan's origin); one sign per service window (``per_window``),
one name plaque per room (``per_room``, naming the room's functions joined with 、) and one
header per bulletin board (``per_board``). A plan without a ``boards:`` key gets every board
the standard lists. The text is :func:`signgen.plaque.text.plaque_text` with the plan's
community values; sizes, typefaces, colours and mounting heights say whether they are the
standard's or a project default. Given the fonts, a sign whose width follows its text gets
the width the copy-fit computes (what ``signgen render`` and ``signgen signs`` draw) and
its letter height as a person measures it: the ink height of its tallest character, with
the em (body) size of that character's line beside it (:mod:`signgen.plaque.ink`); every
row has a sign number (1, 2, ... in schedule order) and the name of its artwork file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace

from signgen.contractor.messages import SCHEDULE
from signgen.contractor.plan import Plan, PlanEntry, PlanRoom
from signgen.contractor.plaque_facts import (
    both,
    clause_label,
    default_mark,
    level_label,
    mounting_facts,
    plaque_type,
    size_facts,
    style_facts,
)
from signgen.fonts.book import FontBook
from signgen.messages import check_lang
from signgen.output.document import Heading, Para, Table, blocks_markdown
from signgen.output.files import safe_name
from signgen.output.numbers import number
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.text import plaque_text
from signgen.spec.model import Plaque, Standard
from signgen.spec.template import plaque_fields


@dataclass(frozen=True)
class ScheduleRow:
    """One sign: what it says, how big, in which faces and colours, where, how many."""

    id: str
    type: str
    text: str
    height_mm: float | None
    width: float | str  # mm as laid out, or "follows text, MIN-MAX" without the fonts
    size_source: str
    typefaces: str
    colours: str
    placement: str
    mounting_height: str
    quantity: int
    clause: str
    level: str = ""  # the sign's level from the spec, in words (required, recommended...)
    number: int = 0  # the sign number, unique per instance: 1, 2, ... in schedule order
    artwork: str = ""  # the artwork file's name (``ID.svg``, made safe); none for the logo
    ink_height_mm: float | None = None  # the tallest character's ink, as measured (fonts)
    em_size_mm: float | None = None  # the em (body) size of that character's line (fonts)
    plaque_id: str = ""  # the spec's plaque (not a column): what ``signgen signs`` renders
    values: tuple[tuple[str, str], ...] = ()  # the field values the text was made with


ARTWORK_SUFFIX = ".svg"


# (field, column width in XLSX); headers come from the messages in the schedule's language.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("number", 6), ("id", 28), ("type", 22), ("text", 40), ("height_mm", 12), ("width", 22),
    ("ink_height_mm", 12), ("em_size_mm", 12), ("size_source", 34), ("typefaces", 48),
    ("colours", 40), ("placement", 40), ("mounting_height", 30), ("quantity", 8),
    ("level", 10), ("clause", 16), ("artwork", 34))


def headers(lang: str = "zh") -> list[str]:
    """The column headers in ``lang``."""
    return [SCHEDULE.say(f"c_{key}", lang) for key, _ in COLUMNS]


def row_cells(row: ScheduleRow) -> list[str | int | float]:
    """The row's cells in :data:`COLUMNS` order (numbers stay numbers)."""
    cells: list[str | int | float] = []
    for key, _ in COLUMNS:
        value = getattr(row, key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        cells.append("" if value is None else value)
    return cells


# --- rows -------------------------------------------------------------------------------


def _plaque_row(standard: Standard, plaque: Plaque, row_id: str, values: Mapping[str, str],
                lang: str, fonts: FontBook | None) -> ScheduleRow:
    text = plaque_text(standard, plaque.id, values)
    height, width, source = size_facts(standard, plaque.id, lang)
    size: tuple[float | None, float | str] = (height, width)
    letters: tuple[float | None, float | None] = (None, None)
    if fonts is not None:
        # The copy-fit's own size, laid out as render_plaque lays it out (small letters
        # allowed: a refused sign still has a size in the schedule).
        geometry = plaque_layout(standard, text, fonts, allow_small=True,
                                 community=values.get("community", ""))
        size = (round(geometry.height_mm, 1), round(geometry.width_mm, 1))
        letters = letter_height(geometry)
    faces, colours = style_facts(standard, text, lang)
    return ScheduleRow(row_id, plaque_type(plaque, lang), text.text, size[0], size[1],
                       source, faces, colours, both(lang, plaque.placement, plaque.placement_en),
                       mounting_facts(standard, plaque.id, lang), 1,
                       clause_label(standard, plaque.citation.clause),
                       level_label(plaque.level, lang), artwork=artwork_name(row_id),
                       ink_height_mm=letters[0], em_size_mm=letters[1],
                       plaque_id=plaque.id, values=tuple(sorted(values.items())))


def letter_height(geometry: PlaqueGeometry) -> tuple[float | None, float | None]:
    """A sign's letter height: its tallest character's ink and that line's em, 0.1 mm.

    The first line of the tallest ink gives the em; (None, None) for a sign without ink.
    """
    inked = [line for line in geometry.lines if line.ink_height_mm > 0]
    if not inked:
        return None, None
    tallest = max(inked, key=lambda line: line.ink_height_mm)
    return round(tallest.ink_height_mm, 1), round(tallest.letter_height_mm, 1)


def artwork_name(row_id: str, suffix: str = ARTWORK_SUFFIX) -> str:
    """The file name of a row's artwork: its schedule id made safe, then ``suffix``.

    >>> artwork_name("window-sign-w01")
    'window-sign-w01.svg'
    >>> artwork_name("../x", ".pdf")
    'x.pdf'
    """
    return safe_name(row_id) + suffix


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
    """The room plaque's text: the standard's name the plan used for each function."""
    if room.names:
        return "、".join(room.names)
    names = {f.id: f.name for f in standard.functions}
    return "、".join(names[f] for f in room.functions) or room.name


def logo_row(standard: Standard, plan: Plan, lang: str = "zh") -> ScheduleRow | None:
    """The unified logo's row, placed by the plan's origin; None without an origin."""
    origin = next((o for o in standard.origins if o.id == plan.origin), None)
    if origin is None:
        return None
    entrance = standard.project_defaults.entrance
    size = float(entrance.logo_size_mm) if entrance else None
    return ScheduleRow(
        f"logo-{origin.id}", SCHEDULE.say("logo_type", lang), SCHEDULE.say("logo_text", lang),
        size, "" if size is None else size,
        default_mark(lang) if entrance else "", "", "",
        f"{both(lang, origin.name, origin.name_en)}: “{origin.citation.quote}”", "", 1,
        clause_label(standard, origin.citation.clause))


def schedule_rows(standard: Standard, plan: Plan, lang: str = "zh",
                  fonts: FontBook | None = None) -> list[ScheduleRow]:
    """Every sign the plan's premises need, in the standard's plaque order, numbered.

    With ``fonts`` each plaque's height and width are the laid-out ones (numbers, in mm);
    without, a width that follows the text is given as its range.
    """
    rows = _rows(standard, plan, lang, fonts)
    return [replace(row, number=n) for n, row in enumerate(rows, start=1)]


def _rows(standard: Standard, plan: Plan, lang: str, fonts: FontBook | None
          ) -> list[ScheduleRow]:
    check_lang(lang)
    rows: list[ScheduleRow] = []
    logo = logo_row(standard, plan, lang)
    for plaque in standard.plaques:
        if plaque.repeat == "once":
            rows.append(_plaque_row(standard, plaque, plaque.id, plan.community, lang, fonts))
            if logo and plaque.kind == "outdoor" and logo not in rows:
                rows.append(logo)
        elif plaque.repeat == "per_window":
            for entry, row_id in zip(plan.windows, _entry_ids(plaque.id, plan.windows),
                                     strict=True):
                rows.append(_plaque_row(standard, plaque, row_id,
                                        _item_values(plan, plaque, entry.name), lang, fonts))
        elif plaque.repeat == "per_room":
            for room in plan.rooms:
                rows.append(_plaque_row(standard, plaque, f"{plaque.id}-r{room.index + 1:02d}",
                                        _item_values(plan, plaque, _room_label(standard, room)),
                                        lang, fonts))
        else:
            for entry, row_id in zip(plan.boards, _entry_ids(plaque.id, plan.boards),
                                     strict=True):
                rows.append(_plaque_row(standard, plaque, row_id,
                                        _item_values(plan, plaque, entry.name), lang, fonts))
    if logo and logo not in rows:
        rows.append(logo)
    return rows


# --- files ------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str | int | float) -> str | int | float:
    """Prefix ``'`` to text a spreadsheet would run as a formula (=, +, -, @, tab, CR).

    >>> neutralise('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def schedule_table(rows: list[ScheduleRow], lang: str = "zh") -> Table:
    """The schedule as a document table (headers and text cells)."""
    return Table(tuple(headers(lang)), tuple(
        tuple(c if isinstance(c, str) else number(c) for c in row_cells(r)) for r in rows))


def schedule_markdown(standard: Standard, plan: Plan, rows: list[ScheduleRow],
                      lang: str = "zh") -> str:
    """The schedule as a Markdown page: title, the plan it is for, and the escaped table."""
    count = sum(r.quantity for r in rows)
    info = standard.standard
    return blocks_markdown([
        Heading(SCHEDULE.say("title", lang, title=info.title, title_en=info.title_en), 1),
        Para(SCHEDULE.say("count", lang, source=plan.source, count=count,
                          standard=standard.id)),
        *([Para(SCHEDULE.say("heights_note", lang))]
          if any(r.ink_height_mm is not None for r in rows) else []),
        schedule_table(rows, lang)])


def schedule_csv(rows: list[ScheduleRow], lang: str = "zh") -> bytes:
    """UTF-8 CSV with a BOM (so Excel and WPS read Chinese), formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(lang))
    for row in rows:
        writer.writerow([neutralise(c) for c in row_cells(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


SCHEDULE_FORMATS = ("csv", "xlsx", "md")


def schedule_bytes(standard: Standard, plan: Plan, fmt: str, lang: str = "zh",
                   fonts: FontBook | None = None) -> bytes:
    """The schedule of ``plan`` in one of :data:`SCHEDULE_FORMATS`, in ``lang``."""
    return schedule_file(standard, plan, schedule_rows(standard, plan, lang, fonts), fmt, lang)


def schedule_file(standard: Standard, plan: Plan, rows: list[ScheduleRow], fmt: str,
                  lang: str = "zh") -> bytes:
    """``rows`` of ``plan``'s schedule in one of :data:`SCHEDULE_FORMATS`, in ``lang``."""
    if fmt == "csv":
        return schedule_csv(rows, lang)
    if fmt == "xlsx":
        from signgen.contractor.schedule_xlsx import schedule_xlsx

        return schedule_xlsx(standard, rows, lang)
    return schedule_markdown(standard, plan, rows, lang).encode("utf-8")
