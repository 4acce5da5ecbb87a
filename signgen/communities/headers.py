"""The header row of a communities file: which column holds which field, and what is kept out.

Headers are matched by field id or label (``district`` or ``区``), as written or in their
everyday variants: without a bracketed unit or note (``门宽(mm)``, ``街道(乡镇)``) and without
a ``名称`` ending (``社区名称``); NFKC, case and spaces do not count. A column signgen does not
know (``联系人``, ``电话``) is *kept out*: its cells are never read, and a :class:`ColumnNote`
names it (file, column letter and number, header, and the closest known header as a
did-you-mean) so the batch and the site build can say so and go on. A required field without
a column, or a known column given twice, is still an error that rejects the file.

A title row or two above the header (``XX区社区名单``, a blank row) are read past.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from signgen.communities.identity import community_fields
from signgen.communities.tables import Table
from signgen.errors import Problem, SigngenError
from signgen.messages import Catalogue, Msg
from signgen.spec.model import Standard

# signgen's own extra columns (not the standard's): canonical name -> accepted headers.
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    "origin": ("origin", "来源", "用房来源"),
    "door_width_mm": ("door_width_mm", "门宽", "门宽mm"),
    "door_height_mm": ("door_height_mm", "门高", "门高mm"),
    "logo": ("logo", "标识", "标识文件"),
    "note": ("note", "备注", "说明"),  # free text for people; signgen reads nothing from it
    "serial": ("serial", "序号", "编号"),  # a row number for people; signgen reads nothing
}
TITLE_ROWS = 3  # rows above the header a file may hold (a title, a blank line)
_CUTOFF = 0.6  # how close a header must be to a known one for a did-you-mean

NOTES = Catalogue({
    "kept_out": ("第 {letter} 列（第 {number} 列）的表头 {header} 不是已知的列，已略去，"
                 "不读取该列{hint}",
                 "column {letter} ({number}), headed {header}, is not a known column: kept "
                 "out, its cells are not read{hint_en}"),
    "hint": ("（是否想写 {guess}？）", " (did you mean {guess}?)"),
    "maybe": ("；第 {letter} 列 {header} 可能就是这一列（是否想写 {guess}？）",
              "; column {letter}, headed {header}, may be it (did you mean {guess}?)"),
    "note": ("提示", "note"),
    "missing": ("缺少 {field}（{label}）列{maybe}",
                "expected a column {field} (or {label}), got none{maybe_en}"),
    "twice": ("第 {letter} 列又是 {column} 列：每列只能有一个",
              "expected each column once, got {column!r} again"),
})


def column_letter(number: int) -> str:
    """The spreadsheet letter of the 1-based column ``number`` (openpyxl's rule).

    >>> column_letter(1), column_letter(8), column_letter(27)
    ('A', 'H', 'AA')
    """
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(number))


def _show(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass(frozen=True)
class ColumnNote:
    """A column kept out of the reading: where it is, its header, the closest known one."""

    file: str
    line: int
    number: int
    header: str
    guess: str = ""  # the known header it most resembles, or empty
    guess_column: str = ""  # the column id that header stands for

    @property
    def letter(self) -> str:
        """The column's spreadsheet letter (A, B... AA)."""
        return column_letter(self.number)

    @property
    def message(self) -> Msg:
        """What was kept out and why, in Chinese with its English."""
        guess = _show(self.guess)
        return NOTES.msg("kept_out", letter=self.letter, number=self.number,
                         header=_show(self.header),
                         hint=NOTES.say("hint", "zh", guess=guess) if self.guess else "",
                         hint_en=NOTES.say("hint", "en", guess=guess) if self.guess else "")

    def text(self, lang: str = "zh") -> str:
        """``file:line: 提示: message`` (``note:`` in English), as printed."""
        return f"{self.file}:{self.line}: {NOTES.say('note', lang)}: " \
               f"{self.message.in_lang(lang)}"

    def to_json(self) -> dict[str, object]:
        """The note as the batch summary stores it."""
        return {"file": self.file, "line": self.line, "column": self.number,
                "letter": self.letter, "header": self.header, "did_you_mean": self.guess,
                "message": str(self.message), "message_en": self.message.en}


@dataclass
class Columns:
    """Each cell position's column id (None: no header, or kept out) and the notes."""

    ids: list[str | None]
    kept_out: set[int] = field(default_factory=set)  # 0-based positions
    notes: list[ColumnNote] = field(default_factory=list)


def norm_header(header: object) -> str:
    """A header as compared: NFKC, no BOM, case-folded, no spaces."""
    text = "" if header is None else unicodedata.normalize("NFKC", str(header))
    return "".join(text.replace("\ufeff", "").casefold().split())


def variants(norm: str) -> list[str]:
    """A header as written, then without a bracketed unit or note (门宽(mm), 街道(乡镇))
    and without a 名称 ending (社区名称): the everyday ways of heading the same column."""
    bare = re.sub(r"\([^()]*\)$", "", norm)
    out = [norm, bare]
    out += [v[:-2] for v in (norm, bare) if v.endswith("名称") and len(v) > 2]
    return out


def header_map(standard: Standard) -> dict[str, str]:
    """Accepted header (normalised) -> column id."""
    accepted: dict[str, str] = {}
    for f in community_fields(standard):
        for name in (f.id, f.label, f.label_en):
            accepted[norm_header(name)] = f.id
    for column, names in EXTRA_COLUMNS.items():
        for name in names:
            accepted[norm_header(name)] = column
    return accepted


def skip_title_rows(table: Table, standard: Standard) -> None:
    """Read past a title row or two above the header (a row with at most one filled cell
    and no known header), so that ``table.header`` is the header row."""
    accepted = header_map(standard)
    for _ in range(TITLE_ROWS):
        if table.header is None:
            return
        cells = table.header.cells
        if any(v in accepted for c in cells for v in variants(norm_header(c))):
            return
        if sum(bool(c.strip()) for c in cells) > 1:
            return  # a header with unknown columns: reported as such
        table.next_header()


def read_columns(header: Sequence[str], line: int, standard: Standard,
                 display: str) -> Columns:
    """Which column each header names; unknown ones kept out with a note.

    Raises:
        SigngenError: a known column given twice, a required field without a column.
    """
    accepted = header_map(standard)
    columns = Columns([])
    problems: list[Problem] = []
    for i, name in enumerate(header):
        norm = norm_header(name)
        column = next((accepted[v] for v in variants(norm) if v in accepted), None)
        if column is None and norm:
            close = difflib.get_close_matches(norm, list(accepted), n=1, cutoff=_CUTOFF)
            guess = close[0] if close else ""
            columns.kept_out.add(i)
            columns.notes.append(ColumnNote(display, line, i + 1, name.strip(), guess,
                                            accepted[guess] if guess else ""))
        elif column is not None and column in columns.ids:
            problems.append(Problem(display, line, i + 1, f"column {i + 1}", NOTES.msg(
                "twice", letter=column_letter(i + 1), column=column)))
        columns.ids.append(column)
    for f in community_fields(standard):
        if f.id not in columns.ids:
            near = [n for n in columns.notes if n.guess_column == f.id]
            maybe = ["".join(NOTES.say("maybe", lang, letter=n.letter, header=_show(n.header),
                                       guess=_show(n.guess)) for n in near)
                     for lang in ("zh", "en")]
            problems.append(Problem(display, line, 0, f.id, NOTES.msg(
                "missing", field=f.id, label=f.label, maybe=maybe[0], maybe_en=maybe[1])))
    if problems:
        raise SigngenError(problems)
    return columns
