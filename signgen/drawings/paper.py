"""Standard drawing sheets: A4 or A3 landscape, a frame, a title block and a scale bar.

User units are paper millimetres, so a sheet printed at 100 % on its paper size is at the
scale its title block states. The frame follows ISO 5457 (20 mm filing margin on the left,
10 mm elsewhere); the title block (ISO 7200's 180 mm width) sits in the frame's bottom
right corner. Which sheet holds a drawing is the drawing's choice (:func:`papers`): the
smallest on which it fits at its scale. Paper sizes are ISO 216, not words of a standard.
Labels are Chinese first, English beside.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from signgen.drawings.primitives import E, label, line_element, rect_element, wrap
from signgen.output.numbers import number
from signgen.spec.model import Standard

FRAME = (20.0, 10.0, 10.0, 10.0)  # left (filing margin), top, right, bottom, mm
TITLE_BLOCK_WIDTH = 180.0
SCALE_BAR_SEGMENTS = 5
SCALE_BAR_SEGMENT = 10.0  # paper mm per segment: a 50 mm bar
CELL_TEXT = 2.2  # paper mm
LABEL_WIDTH = 34.0  # the label column of the title block
LINE_H = CELL_TEXT * 1.35
FACTS_H = 2 * LINE_H + 2.6  # the row of drawing number, scale and sheet
BAR_H = 12.0  # the row of the scale bar and the printing note
TEMPLATE = "模板(占位符) template (placeholders)"  # the community row of a template drawing
INK = "#000000"
GREY = "#555555"


@dataclass(frozen=True)
class Paper:
    """A landscape sheet of an ISO 216 size, in mm."""

    name: str
    width: float
    height: float

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The frame's (x, y, width, height)."""
        left, top, right, bottom = FRAME
        return left, top, self.width - left - right, self.height - top - bottom

    @property
    def label(self) -> str:
        """``A3 横向 landscape``."""
        return f"{self.name} 横向 landscape"


A4 = Paper("A4", 297.0, 210.0)
A3 = Paper("A3", 420.0, 297.0)


def papers() -> tuple[Paper, ...]:
    """The sheets a drawing may use, smallest first."""
    return (A4, A3)


@dataclass(frozen=True)
class TitleBlock:
    """A title block placed on one sheet: the box it takes (mm) and its wrapped rows.

    Its size is known before it is drawn (:meth:`elements`), so that a drawing can try a
    sheet without drawing a block it will not use.
    """

    paper: Paper
    x: float
    y: float
    width: float
    height: float
    cells: tuple[tuple[str, tuple[str, ...], float], ...]  # label, lines, row height
    facts: tuple[tuple[str, str], ...]
    scale: float

    def elements(self) -> list[Any]:
        """The block drawn: rows, drawing number, scale and sheet, scale bar and note."""
        return [_draw_title_block(self)]


def standard_row(standard: Standard) -> tuple[str, str]:
    """The title block's row naming the standard and its edition, Chinese first."""
    info = standard.standard
    return ("标准 Standard", f"{info.title} 第 {info.edition} 版 ({info.date})  "
                             f"{info.title_en}, edition {info.edition}")


def fits_beside(paper: Paper, block: TitleBlock, width: float, height: float,
                pad: float) -> bool:
    """Whether a ``width`` × ``height`` box at the frame's top left (``pad`` inside it)
    stays clear of the title block and inside the frame."""
    fx, fy, fw, fh = paper.frame
    right, bottom = fx + pad + width, fy + pad + height
    if right > fx + fw - pad or bottom > fy + fh - pad:
        return False
    return right <= block.x - pad or bottom <= block.y - pad


def title_block(paper: Paper, rows: list[tuple[str, str]], scale: float,
                drawing_number: str) -> TitleBlock:
    """The title block: one labelled row per ``rows`` entry (text wrapped to its cell), the
    drawing number, scale and sheet, then a scale bar and the printing note.
    """
    fx, fy, fw, fh = paper.frame
    width = min(TITLE_BLOCK_WIDTH, fw)
    value_width = width - LABEL_WIDTH - 4.0
    cells = tuple((key, tuple(wrap(value, CELL_TEXT, value_width) or [""])) for key, value
                  in rows)
    sized = tuple((key, lines, max(6.0, len(lines) * LINE_H + 2.6)) for key, lines in cells)
    facts = (("图号 Drawing No.", drawing_number), ("比例 Scale", f"1:{number(scale)}"),
             ("图幅 Sheet", paper.label))
    height = sum(h for _, _, h in sized) + FACTS_H + BAR_H
    return TitleBlock(paper, fx + fw - width, fy + fh - height, width, height, sized, facts,
                      scale)


def _draw_title_block(block: TitleBlock) -> Any:
    x, y, width, height = block.x, block.y, block.width, block.height
    parts: list[Any] = [rect_element(x, y, width, height, id="title-block-frame", fill="#FFFFFF",
                                     stroke=INK, stroke_width="0.5")]
    top = y
    for i, (key, lines, h) in enumerate(block.cells):
        parts.append(line_element(x, top, x + width, top, stroke=INK, stroke_width="0.25"))
        parts.append(label(x + 2, top + 1.3 + LINE_H, key, CELL_TEXT, anchor="start",
                           fill=GREY))
        for j, line in enumerate(lines):
            parts.append(label(x + LABEL_WIDTH + 2, top + 1.3 + (j + 1) * LINE_H, line,
                               CELL_TEXT, anchor="start", weight=700 if i == 0 else 400))
        top += h
    parts.append(line_element(x, top, x + width, top, stroke=INK, stroke_width="0.25"))
    parts.append(line_element(x + LABEL_WIDTH, y, x + LABEL_WIDTH, top, stroke=INK,
                              stroke_width="0.25"))
    column = width / len(block.facts)
    for i, (key, value) in enumerate(block.facts):
        cx = x + i * column
        if i:
            parts.append(line_element(cx, top, cx, top + FACTS_H, stroke=INK,
                                      stroke_width="0.25"))
        parts.append(label(cx + 2, top + 1.3 + LINE_H, key, CELL_TEXT, anchor="start",
                           fill=GREY))
        parts.append(label(cx + 2, top + 1.3 + 2 * LINE_H, value, CELL_TEXT, anchor="start",
                           weight=700))
    top += FACTS_H
    parts.append(line_element(x, top, x + width, top, stroke=INK, stroke_width="0.25"))
    parts += scale_bar(x + 4, top + 3.5, block.scale)
    ratio, sheet = f"1:{number(block.scale)}", block.paper.name
    note = (f"以 {sheet} 原大打印时比例为 {ratio};以其他尺寸打印时请勿量取。"
            f"At {ratio} when printed on {sheet} at 100 %; "
            "do not scale if printed at another size.")
    note_x = x + 4 + SCALE_BAR_SEGMENTS * SCALE_BAR_SEGMENT + 10
    for j, line in enumerate(wrap(note, CELL_TEXT * 0.9, x + width - 2 - note_x)[:3]):
        parts.append(label(note_x, top + 3.0 + (j + 1) * CELL_TEXT * 1.2, line,
                           CELL_TEXT * 0.9, anchor="start"))
    group = E.g(id="title-block")
    for part in parts:
        group.add(part)
    return group


def scale_bar(x: float, y: float, scale: float) -> list[Any]:
    """A scale bar at (x, y): five 10 mm segments, alternately filled, labelled in real mm.

    Its length on paper is 50 mm whatever the scale: 50 × ``scale`` mm in reality.
    """
    bar = E.g(id="scale-bar", stroke=INK, stroke_width="0.18")
    for i in range(SCALE_BAR_SEGMENTS):
        bar.add(rect_element(x + i * SCALE_BAR_SEGMENT, y, SCALE_BAR_SEGMENT, 2.0,
                             id=f"scale-bar-{i + 1}", fill=INK if i % 2 == 0 else "#FFFFFF"))
    parts: list[Any] = [bar]
    for i in (0, SCALE_BAR_SEGMENTS // 2, SCALE_BAR_SEGMENTS):
        real = i * SCALE_BAR_SEGMENT * scale
        text = f"{number(real)} mm" if i == SCALE_BAR_SEGMENTS else number(real)
        parts.append(label(x + i * SCALE_BAR_SEGMENT, y + 5.2, text, CELL_TEXT * 0.9))
    return parts


def frame(paper: Paper) -> Any:
    """The sheet's frame line."""
    fx, fy, fw, fh = paper.frame
    return rect_element(fx, fy, fw, fh, id="frame", fill="none", stroke=INK,
                        stroke_width="0.5")
