"""The design-intent drawing of one plaque: the plaque to scale with its dimensions and notes.

A standard sheet (:mod:`signgen.drawings.paper`: A4 or A3 landscape, frame, title block with
drawing number, standard, scale and scale bar; user units are paper millimetres) showing
the rendered plaque at a standard scale,
dimension lines for width, height, margins and each line's letter height (labels in real
mm), colour swatches with HEX, RGB and CMYK (project defaults, and marked so), the
typefaces (the standard's name -> the substitute face actually used), and the clause the
plaque implements with its original words. Deterministic and escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from signgen.drawings.paper import (
    TEMPLATE,
    Paper,
    TitleBlock,
    frame,
    papers,
    standard_row,
    title_block,
)
from signgen.drawings.primitives import (
    E,
    Embedded,
    Pen,
    dimension,
    drawing,
    first_line,
    label,
    rect_element,
    svg_document,
)
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm, mm_label, number
from signgen.plaque.layout import PlaqueGeometry
from signgen.spec.model import Standard

SCALES = (1, 2, 5, 10, 20, 25, 50, 100, 200)
PLAQUE_BOX = (250.0, 110.0)  # largest plaque on the sheet, paper mm
PAD = 5.0  # inside the frame and around the title block, paper mm
DIMENSION_ROOM = (22.0, 24.0)  # left of the plaque (height, margin), right (letter heights)
TEXT = 3.2  # paper mm
SMALL = 2.6


def drawing_scale(width_mm: float, height_mm: float) -> int:
    """The first standard scale (1:n) at which the plaque fits the sheet's plaque box.

    >>> drawing_scale(750, 550), drawing_scale(8750, 1000)
    (5, 50)
    """
    for n in SCALES:
        if width_mm / n <= PLAQUE_BOX[0] and height_mm / n <= PLAQUE_BOX[1]:
            return n
    return SCALES[-1]


def rgb(hex_value: str) -> tuple[int, int, int]:
    """``#E60012`` -> (230, 0, 18)."""
    value = hex_value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _colours_used(geometry: PlaqueGeometry) -> list[tuple[str, str]]:
    """(colour id, what uses it), background first, then in reading order."""
    uses: dict[str, list[str]] = {geometry.background: ["background"]}
    for line in geometry.lines:
        for run in line.runs:
            uses.setdefault(run.colour, []).append(run.segment)
    return [(c, ", ".join(dict.fromkeys(u))) for c, u in uses.items()]


def _typefaces_used(geometry: PlaqueGeometry) -> list[tuple[str, list[str]]]:
    """(typeface id, the face keys its glyphs were outlined from), in reading order."""
    faces: dict[str, list[str]] = {}
    for glyph in geometry.glyphs:
        keys = faces.setdefault(glyph.typeface, [])
        if glyph.face not in keys:
            keys.append(glyph.face)
    return list(faces.items())


class _Sheet:
    """Collects elements top to bottom inside the frame; ``y`` is the next free line.

    Text flows at the frame's width, and beside the title block once it reaches it;
    ``fits`` says whether everything stayed inside the sheet.
    """

    def __init__(self, paper: Paper, block: TitleBlock) -> None:
        fx, fy, fw, fh = paper.frame
        self.paper = paper
        self.block = block
        self.left, self.right = fx + PAD, fx + fw - PAD
        self.bottom = fy + fh - PAD
        self.parts: list[Any] = []
        self.y = fy + PAD
        self.fits = True

    def width_at(self, top: float, x: float) -> float:
        """The room for text from ``x`` on a line whose top is at ``top``."""
        if top + TEXT * 1.35 > self.block.y - PAD:
            return self.block.x - PAD - x
        return self.right - x

    def text(self, text: str, size: float = TEXT, *, x: float | None = None,
             weight: int = 400, fill: str = "#000000") -> None:
        left = self.left if x is None else x
        rest = text
        while rest:
            width = self.width_at(self.y, left)
            if width < 10 * size:
                self.fits = False
                width = self.right - left
            line, rest = first_line(rest, size, width)
            self.y += size * 1.35
            self.parts.append(label(left, self.y, line, size, anchor="start", weight=weight,
                                    fill=fill))
        if self.y > self.bottom:
            self.fits = False

    def heading(self, text: str) -> None:
        self.y += 3.0
        self.text(text, TEXT, weight=700)


def plaque_drawing_svg(standard: Standard, geometry: PlaqueGeometry, fonts: FontBook, *,
                       plaque: str) -> str:
    """The dimensioned design-intent drawing of a laid-out plaque, on an A4 or A3 sheet.

    The scale is the first standard one at which the plaque fits its box
    (:func:`drawing_scale`); the sheet is the smaller one on which the drawing then fits,
    or A3 at the next scales if it does not. ``plaque`` is the plaque's SVG, from
    :func:`signgen.artwork.render.render_plaque` (which makes drawings through this function).
    """
    spec = standard.plaque(geometry.plaque_id)
    svg = plaque
    first = drawing_scale(geometry.width_mm, geometry.height_mm)
    tries = [(p, first) for p in papers()] + [(papers()[-1], n) for n in SCALES if n > first]
    for paper, n in tries:
        sheet = _compose(standard, geometry, fonts, svg, paper, n)
        if sheet.fits:
            break
    dwg = drawing(f"{mm(paper.width)}mm", f"{mm(paper.height)}mm",
                  (paper.width, paper.height), title=f"{spec.name}: {geometry.text}",
                  desc=f"design-intent drawing of plaque {spec.id}, 1:{n}, mm, "
                       f"{paper.name} landscape")
    dwg.add(rect_element(0, 0, paper.width, paper.height, id="paper", fill="#FFFFFF"))
    dwg.add(frame(paper))
    for part in [*sheet.parts, *sheet.block.elements()]:
        dwg.add(part)
    return svg_document(dwg)


def drawing_number(standard: Standard, plaque_id: str) -> str:
    """A drawing's number, from spec ids: ``community-premises/party-committee-plaque``."""
    return f"{standard.id}/{plaque_id}"


def _title_rows(standard: Standard, g: PlaqueGeometry) -> list[tuple[str, str]]:
    spec = standard.plaque(g.plaque_id)
    return [("图名 Title", f"{spec.name} 设计意图图  {spec.name_en}: design-intent drawing"),
            ("牌面 Text", g.text),
            ("社区 Community", g.community or TEMPLATE),
            standard_row(standard)]


def _compose(standard: Standard, geometry: PlaqueGeometry, fonts: FontBook, svg: str,
             paper: Paper, n: int) -> _Sheet:
    """Everything on one sheet at 1:``n``: heading, plaque, dimensions, notes, title block."""
    spec = standard.plaque(geometry.plaque_id)
    block = title_block(paper, _title_rows(standard, geometry), n,
                        drawing_number(standard, spec.id))
    pen = Pen(1.0)
    sheet = _Sheet(paper, block)
    sheet.text(f"{spec.name} {spec.name_en}", 5.0, weight=700)
    sheet.text(f"{geometry.text}", TEXT)
    sheet.text(f"设计意图图 design-intent drawing  plaque {spec.id}  比例 scale 1:{n}  "
               "单位 mm", SMALL, fill="#555555")
    w, h = geometry.width_mm / n, geometry.height_mm / n
    x0, y0 = sheet.left + DIMENSION_ROOM[0], sheet.y + 16.0
    right = x0 + w + DIMENSION_ROOM[1]
    if right > sheet.right or (right > block.x - PAD and y0 + h + 16.0 > block.y - PAD):
        sheet.fits = False
        return sheet  # the plaque alone does not fit: no need to lay out the notes
    group = E.g(id="plaque")
    group.add(Embedded(svg, x=x0, y=y0, width=w, height=h, id_prefix="plaque-"))
    group.add(rect_element(x0, y0, w, h, fill="none", stroke="#333333",
                           stroke_width=pen.thin))
    sheet.parts.append(group)
    for dim in _plaque_dimensions(geometry, fonts, pen, n, x0, y0):
        sheet.parts += dim
    sheet.y = y0 + h + 16.0
    _notes(sheet, standard, geometry)
    return sheet


def _plaque_dimensions(g: PlaqueGeometry, fonts: FontBook, pen: Pen, n: int, x0: float,
                       y0: float) -> Iterator[list[Any]]:
    w, h, m = g.width_mm / n, g.height_mm / n, g.margin_mm / n
    yield dimension(pen, (x0, y0), (x0 + w, y0), -8.0, mm_label(g.width_mm), dim_id="dim-width")
    yield dimension(pen, (x0, y0), (x0, y0 + h), -10.0, mm_label(g.height_mm),
                    dim_id="dim-height")
    if g.margin_mm > 0:
        yield dimension(pen, (x0, y0 + h), (x0 + m, y0 + h), 7.0,
                        f"margin {mm_label(g.margin_mm)}", dim_id="dim-margin-side")
        yield dimension(pen, (x0, y0), (x0, y0 + m), -4.0, mm_label(g.margin_mm),
                        dim_id="dim-margin-top")
    for i, line in enumerate(g.lines, start=1):
        first = line.glyphs[0] if line.glyphs else None
        if first is None:
            continue
        em_top = first.baseline_mm - fonts.face(first.face).ascent * first.size_mm
        top, bottom = y0 + em_top / n, y0 + (em_top + line.letter_height_mm) / n
        yield dimension(pen, (x0 + w, top), (x0 + w, bottom), 14.0,
                        f"字身 {mm_label(line.letter_height_mm)}"
                        f"(墨迹 {mm_label(line.ink_height_mm)})", dim_id=f"dim-letter-{i}")


def _notes(sheet: _Sheet, standard: Standard, g: PlaqueGeometry) -> None:
    spec = standard.plaque(g.plaque_id)
    layout = standard.layout(g.plaque_id)
    sheet.heading("尺寸 Size")
    given = [f"height {mm_label(spec.size.height_mm)}" if spec.size.height_mm else "",
             f"width {mm_label(spec.size.width_mm)}" if spec.size.width_mm else ""]
    std_size = ", ".join(x for x in given if x) or "none"
    sheet.text(f"{mm_label(g.width_mm)} × {mm_label(g.height_mm)} mm (width × height). "
               f"Given by the standard: {std_size}; the rest is a project default"
               + (" (width follows the text)" if g.width_follows_text else "") + ".", SMALL)
    sheet.text("Letter heights 字高 (ink 墨迹 = tallest character as measured on the sign; "
               "em 字身 = body size): " + "; ".join(
        f"line {i} {line.text} ink {mm_label(line.ink_height_mm)} ({line.tallest_char}), "
        f"em {mm_label(line.letter_height_mm)}"
        for i, line in enumerate(g.lines, start=1))
        + f" (em limits: minimum {mm_label(g.min_letter_height_mm)}, maximum "
          f"{mm_label(g.max_letter_height_mm)}); margin {mm_label(g.margin_mm)}; "
          f"mounting height {mm_label(layout.mounting_height_mm)} (lower edge above floor).",
        SMALL)
    sheet.text(f"Project default layout: {layout.reason}", SMALL, fill="#555555")
    sheet.heading("颜色 Colours (exact values: project defaults)")
    for colour_id, use in _colours_used(g):
        colour = standard.colour(colour_id)
        value = standard.colour_value(colour_id)
        r, gr, b = rgb(value.hex)
        cmyk = "/".join(number(c) for c in value.cmyk)
        sheet.y += 2.0
        sheet.parts.append(rect_element(sheet.left, sheet.y, 14, 8, id=f"swatch-{colour_id}",
                                        fill=value.hex.upper(), stroke="#333333",
                                        stroke_width="0.18"))
        top = sheet.y
        sheet.y -= 0.6
        sheet.text(f"{colour.name} {colour.name_en}: {use}", SMALL, x=sheet.left + 18)
        sheet.text(f"HEX {value.hex.upper()}   RGB {r}, {gr}, {b}   CMYK {cmyk}   "
                   "(project default)", SMALL, x=sheet.left + 18)
        sheet.y = max(sheet.y, top + 8.0)
    sheet.heading("字体 Typefaces (substitutes: project defaults)")
    for typeface_id, faces in _typefaces_used(g):
        typeface = standard.typeface(typeface_id)
        sheet.text(f"{typeface.name} ({typeface.name_en}) → {', '.join(faces)}", SMALL)
    clause = standard.clause(spec.citation.clause)
    sheet.heading(f"依据 Clause {clause.number} {clause.title}")
    sheet.text(f"「{spec.citation.quote}」", SMALL)
    if g.warnings:
        sheet.heading("注意 Warnings")
        for warning in g.warnings:
            sheet.text(warning, SMALL, fill="#B00020")
