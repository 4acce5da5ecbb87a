"""The design-intent drawing of one plaque: the plaque to scale with its dimensions and notes.

A sheet (user units are paper millimetres) showing the rendered plaque at a standard scale,
dimension lines for width, height, margins and each line's letter height (labels in real
mm), colour swatches with HEX, RGB and CMYK (project defaults, and marked so), the
typefaces (the standard's name -> the substitute face actually used), and the clause the
plaque implements with its original words. Deterministic and escaped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from signgen.drawings.primitives import Pen, dimension, label, nest_svg
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm, mm_label, number
from signgen.plaque.layout import PlaqueGeometry
from signgen.plaque.svg import SVG_NS, xml_attr, xml_text
from signgen.spec.model import Standard

SCALES = (1, 2, 5, 10, 20, 25, 50, 100, 200)
PLAQUE_BOX = (250.0, 110.0)  # largest plaque on the sheet, paper mm
SHEET_WIDTH = 297.0
MARGIN = 15.0
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


def text_width(text: str, size: float) -> float:
    """Estimated width of UI text: wide (CJK) characters 1 em, others about half an em."""
    return sum(_char_width(c, size) for c in text)


def _char_width(char: str, size: float) -> float:
    return size if _wide(char) else 0.55 * size


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (at spaces for Latin, anywhere in CJK)."""
    lines: list[str] = []
    line, used = "", 0.0
    for char in text:
        step = _char_width(char, size)
        if used + step > width and line:
            cut = line.rfind(" ") if not _wide(char) else -1
            if cut > 0 and not _wide(line[cut - 1]):
                lines.append(line[:cut])
                line = line[cut + 1:]
            else:
                lines.append(line)
                line = ""
            used = text_width(line, size)
        line += char
        used += step
    if line:
        lines.append(line)
    return lines


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


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
    """Collects elements top to bottom; ``y`` is the next free line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = MARGIN

    def text(self, text: str, size: float = TEXT, *, x: float = MARGIN, weight: int = 400,
             fill: str = "#000000", width: float = SHEET_WIDTH - 2 * MARGIN) -> None:
        for line in wrap(text, size, width - (x - MARGIN)):
            self.y += size * 1.35
            self.parts.append(label(x, self.y, line, size, anchor="start", weight=weight,
                                    fill=fill))

    def heading(self, text: str) -> None:
        self.y += 3.0
        self.text(text, TEXT, weight=700)


def plaque_drawing_svg(standard: Standard, geometry: PlaqueGeometry, fonts: FontBook, *,
                       plaque: str) -> str:
    """The dimensioned design-intent drawing of a laid-out plaque, as an SVG sheet.

    ``plaque`` is the plaque's SVG, from :func:`signgen.plaque.render.render_plaque` (which
    makes drawings through this function).
    """
    spec = standard.plaque(geometry.plaque_id)
    svg = plaque
    n = drawing_scale(geometry.width_mm, geometry.height_mm)
    pen = Pen(1.0)
    sheet = _Sheet()
    sheet.text(f"{spec.name} {spec.name_en}", 5.0, weight=700)
    sheet.text(f"{geometry.text}", TEXT)
    sheet.text(f"design-intent drawing 设计意图图  plaque {spec.id}  scale 1:{n}  "
               "dimensions in mm", SMALL, fill="#555555")
    w, h = geometry.width_mm / n, geometry.height_mm / n
    x0, y0 = MARGIN + 22.0, sheet.y + 16.0
    nested = nest_svg(svg, x=x0, y=y0, width=w, height=h, id_prefix="plaque-")
    sheet.parts.append(f'<g id="plaque">{nested}')
    sheet.parts.append(f'<rect x="{mm(x0)}" y="{mm(y0)}" width="{mm(w)}" height="{mm(h)}" '
                       f'fill="none" stroke="#333333" stroke-width="{pen.thin}"/></g>')
    sheet.parts += list(_plaque_dimensions(geometry, fonts, pen, n, x0, y0))
    sheet.y = y0 + h + 16.0
    _notes(sheet, standard, geometry)
    height = sheet.y + MARGIN
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="{SVG_NS}" version="1.1" width="{mm(SHEET_WIDTH)}mm" '
        f'height="{mm(height)}mm" viewBox="0 0 {mm(SHEET_WIDTH)} {mm(height)}">',
        f"<title>{xml_text(f'{spec.name}: {geometry.text}')}</title>",
        f"<desc>{xml_text(f'design-intent drawing of plaque {spec.id}, 1:{n}, mm')}</desc>",
        f'<rect id="paper" x="0" y="0" width="{mm(SHEET_WIDTH)}" height="{mm(height)}" '
        'fill="#FFFFFF"/>',
        *sheet.parts, "</svg>", ""])


def _plaque_dimensions(g: PlaqueGeometry, fonts: FontBook, pen: Pen, n: int, x0: float,
                       y0: float) -> Iterator[str]:
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
                        f"字高 {mm_label(line.letter_height_mm)}", dim_id=f"dim-letter-{i}")


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
    sheet.text("Letter heights 字高: " + "; ".join(
        f"line {i} {line.text} {mm_label(line.letter_height_mm)}"
        for i, line in enumerate(g.lines, start=1))
        + f" (minimum {mm_label(g.min_letter_height_mm)}, maximum "
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
        sheet.parts.append(f'<rect id="swatch-{xml_attr(colour_id)}" x="{mm(MARGIN)}" '
                           f'y="{mm(sheet.y)}" width="14" height="8" '
                           f'fill="{value.hex.upper()}" stroke="#333333" stroke-width="0.18"/>')
        top = sheet.y
        sheet.y -= 0.6
        sheet.text(f"{colour.name} {colour.name_en}: {use}", SMALL, x=MARGIN + 18)
        sheet.text(f"HEX {value.hex.upper()}   RGB {r}, {gr}, {b}   CMYK {cmyk}   "
                   "(project default)", SMALL, x=MARGIN + 18)
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
