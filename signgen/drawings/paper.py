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
    """A title block drawn for one sheet: its elements and the box it takes, mm."""

    elements: list[Any]
    x: float
    y: float
    width: float
    height: float


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
    line_h = CELL_TEXT * 1.35
    cells: list[tuple[str, list[str], float]] = []
    for key, value in rows:
        lines = wrap(value, CELL_TEXT, value_width) or [""]
        cells.append((key, lines, max(6.0, len(lines) * line_h + 2.6)))
    ratio = f"1:{number(scale)}"
    facts = [("图号 Drawing No.", drawing_number), ("比例 Scale", ratio),
             ("图幅 Sheet", paper.label)]
    facts_h = 2 * line_h + 2.6
    bar_h = 12.0
    height = sum(h for _, _, h in cells) + facts_h + bar_h
    x, y = fx + fw - width, fy + fh - height
    parts: list[Any] = [rect_element(x, y, width, height, id="title-block-frame", fill="#FFFFFF",
                                     stroke=INK, stroke_width="0.5")]
    top = y
    for i, (key, lines, h) in enumerate(cells):
        parts.append(line_element(x, top, x + width, top, stroke=INK, stroke_width="0.25"))
        parts.append(label(x + 2, top + 1.3 + line_h, key, CELL_TEXT, anchor="start",
                           fill=GREY))
        for j, line in enumerate(lines):
            parts.append(label(x + LABEL_WIDTH + 2, top + 1.3 + (j + 1) * line_h, line,
                               CELL_TEXT, anchor="start", weight=700 if i == 0 else 400))
        top += h
    parts.append(line_element(x, top, x + width, top, stroke=INK, stroke_width="0.25"))
    parts.append(line_element(x + LABEL_WIDTH, y, x + LABEL_WIDTH, top, stroke=INK,
                              stroke_width="0.25"))
    column = width / len(facts)
    for i, (key, value) in enumerate(facts):
        cx = x + i * column
        if i:
            parts.append(line_element(cx, top, cx, top + facts_h, stroke=INK,
                                      stroke_width="0.25"))
        parts.append(label(cx + 2, top + 1.3 + line_h, key, CELL_TEXT, anchor="start",
                           fill=GREY))
        parts.append(label(cx + 2, top + 1.3 + 2 * line_h, value, CELL_TEXT, anchor="start",
                           weight=700))
    top += facts_h
    parts.append(line_element(x, top, x + width, top, stroke=INK, stroke_width="0.25"))
    parts += scale_bar(x + 4, top + 3.5, scale)
    note = (f"以 {paper.name} 原大打印时比例为 {ratio};以其他尺寸打印时请勿量取。"
            f"At {ratio} when printed on {paper.name} at 100 %; "
            "do not scale if printed at another size.")
    note_x = x + 4 + SCALE_BAR_SEGMENTS * SCALE_BAR_SEGMENT + 10
    for j, line in enumerate(wrap(note, CELL_TEXT * 0.9, x + width - 2 - note_x)[:3]):
        parts.append(label(note_x, top + 3.0 + (j + 1) * CELL_TEXT * 1.2, line,
                           CELL_TEXT * 0.9, anchor="start"))
    group = E.g(id="title-block")
    for part in parts:
        group.add(part)
    return TitleBlock([group], x, y, width, height)


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
