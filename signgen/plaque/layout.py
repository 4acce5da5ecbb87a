"""Copy-fit a plaque's text: pure geometry in millimetres, no SVG.

Definitions used throughout:

- **Letter height** is the *em size* (body size) of the type: a 120 mm letter height is a
  120 mm em square per Han character; Latin letters and digits are proportional and
  smaller. Each line is placed by its em box, extended wherever ink overshoots it, so that
  every outline stays inside the margins. The copy-fit's limits (``min_letter_height_mm``,
  ``max_letter_height_mm``) are em sizes.
- **Ink height** is what a tape measures on the finished sign: the ink of the line's
  tallest character (:mod:`signgen.plaque.ink`), about 90-96 % of the em for Han
  characters. Each line carries both (``letter_height_mm``, ``ink_height_mm``).
- A line is measured with the font's real advances (Han and full-width punctuation 1 em,
  the rest proportional) plus GPOS pair kerning between neighbours of the same face.
- **Copy-fit**: the text area is the plaque minus its margin on every side. Lines are
  stacked top to bottom, ``line_gap`` letter heights apart, centred vertically; each line
  is centred horizontally. All lines share one letter height: the largest that is at most
  ``max_letter_height_mm`` and lets the stack fit the text area's height. A line too long
  for the width at that height shrinks on its own (the other lines keep the shared
  height), rather than shrinking every line for the longest one.
- For ``width_from_text`` plaques the width is the widest line at the shared height plus
  the margins, clamped to [``min_width_mm``, ``max_width_mm``]; at the maximum, a longer
  line shrinks as above.
- **Minimum letter height** = max(``min_letter_height_mm``, viewing distance (m) ×
  legibility mm per metre). A line below it is an error naming the community, the plaque
  and both heights, or a warning with ``allow_small``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from signgen.errors import SigngenError
from signgen.fonts.book import FontBook, GlyphMetrics
from signgen.fonts.face import Face
from signgen.output.numbers import mm_label
from signgen.plaque.ink import tallest_ink
from signgen.plaque.text import PlaqueText
from signgen.spec.model import Standard


class PlacedGlyph(NamedTuple):
    """One glyph on the plaque: ``x_mm`` is the pen position, ``size_mm`` the em size."""

    char: str
    typeface: str
    colour: str
    face: str
    glyph: int  # glyph id in the face
    x_mm: float
    baseline_mm: float
    size_mm: float


@dataclass(frozen=True, slots=True)
class PlacedRun:
    """A run of glyphs of one segment, in one typeface role and colour.

    ``ink_height_mm`` is the ink height of the run's tallest character, as measured.
    """

    segment: str
    text: str
    typeface: str
    colour: str
    glyphs: tuple[PlacedGlyph, ...]
    ink_height_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A line of runs, its letter height, and the box (em boxes and ink) it occupies.

    ``letter_height_mm`` is the em (body) size; ``ink_height_mm`` the ink height of the
    line's tallest character ``tallest_char``, as measured on the finished sign.
    """

    runs: tuple[PlacedRun, ...]
    letter_height_mm: float
    left_mm: float
    top_mm: float
    width_mm: float
    height_mm: float
    ink_height_mm: float = 0.0
    tallest_char: str = ""

    @property
    def glyphs(self) -> tuple[PlacedGlyph, ...]:
        """Every glyph of the line, left to right."""
        return tuple(g for run in self.runs for g in run.glyphs)

    @property
    def text(self) -> str:
        """The line's text."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class PlaqueGeometry:
    """A laid-out plaque: its size, background, margins and placed lines, all in mm."""

    plaque_id: str
    name: str
    community: str
    text: str
    width_mm: float
    height_mm: float
    width_follows_text: bool
    background: str
    margin_mm: float
    lines: tuple[PlacedLine, ...]
    letter_height_mm: float
    min_letter_height_mm: float
    max_letter_height_mm: float
    warnings: tuple[str, ...]

    @property
    def letter_heights(self) -> tuple[float, ...]:
        """The letter height chosen for each line, top to bottom."""
        return tuple(line.letter_height_mm for line in self.lines)

    @property
    def ink_heights(self) -> tuple[float, ...]:
        """The ink height of each line's tallest character, top to bottom (mm)."""
        return tuple(line.ink_height_mm for line in self.lines)

    @property
    def text_area(self) -> tuple[float, float, float, float]:
        """The area inside the margins: (left, top, right, bottom) in mm."""
        m = self.margin_mm
        return (m, m, self.width_mm - m, self.height_mm - m)

    @property
    def glyphs(self) -> tuple[PlacedGlyph, ...]:
        """Every glyph of the plaque, line by line."""
        return tuple(g for line in self.lines for g in line.glyphs)


_Placed = tuple[str, GlyphMetrics, float]  # character, its glyph, pen position in em


@dataclass(frozen=True, slots=True)
class LineMeasure:
    """A line set at a 1 mm em: glyphs per run, and the box of its em boxes and ink.

    ``left``/``right`` are relative to the first pen position, ``top``/``bottom`` to the top
    of the em box (y down), all in em.
    """

    runs: tuple[tuple[_Placed, ...], ...]
    left: float
    right: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        """Width of the line's box, in em."""
        return self.right - self.left

    @property
    def height(self) -> float:
        """Height of the line's box, in em."""
        return self.bottom - self.top


def measure_line(text: PlaqueText, line_index: int, fonts: FontBook) -> LineMeasure:
    """Set one line at a 1 mm em: advances, kerning, and the union of em boxes and ink."""
    runs = []
    x = 0.0
    left, right, top, bottom = 0.0, 0.0, 0.0, 1.0
    prev_face: Face | None = None
    prev_char = ""
    metrics_of = fonts.metrics
    for run in text.lines[line_index]:
        placed = []
        typeface = run.typeface
        for char in run.text:
            try:
                metrics = metrics_of(typeface, char)
            except SigngenError as exc:
                raise SigngenError(f"plaque {text.plaque.id}, segment {run.segment}: "
                                   f"{exc.message}") from None
            face = metrics.face
            if face is prev_face:
                x += face.kern(prev_char, char) / face.units_per_em
            placed.append((char, metrics, x))
            ink = metrics.ink
            if ink is not None:  # comparisons, not min/max: this loop runs for every glyph
                if x + ink[0] < left:
                    left = x + ink[0]
                if x + ink[2] > right:
                    right = x + ink[2]
                if face.ascent - ink[3] < top:
                    top = face.ascent - ink[3]
                if face.ascent - ink[1] > bottom:
                    bottom = face.ascent - ink[1]
            x += metrics.advance
            prev_face, prev_char = face, char
        runs.append(tuple(placed))
    return LineMeasure(tuple(runs), left, max(right, x), top, bottom)


def minimum_letter_height(standard: Standard, plaque_id: str) -> float:
    """max(layout minimum, viewing distance × legibility mm per metre), in mm."""
    return standard.minimum_letter_height(plaque_id)


def _floor(value: float) -> float:
    """Round down to 0.1 mm: a fitted height never grows past what fits."""
    return math.floor(value * 10 + 1e-9) / 10


def plaque_layout(standard: Standard, text: PlaqueText, fonts: FontBook, *,
                  allow_small: bool = False, community: str = "") -> PlaqueGeometry:
    """Copy-fit ``text`` on its plaque and place every glyph (see the module docstring).

    Raises:
        SigngenError: a line would need letters below the minimum height (unless
            ``allow_small``), or a character is in no face of its typeface.
    """
    layout = text.layout
    plaque = text.plaque
    margin = layout.margin_mm
    measures = [measure_line(text, i, fonts) for i in range(len(text.lines))]
    n = len(measures)
    gap = layout.line_gap
    area_h = text.height_mm - 2 * margin
    stack = sum(m.height for m in measures) + (n - 1) * gap
    shared = min(layout.max_letter_height_mm, area_h / stack)
    if text.width_mm is None:
        widest = max(m.width for m in measures) * shared
        lo = layout.min_width_mm or 0.0
        hi = layout.max_width_mm or math.inf
        width = min(max(widest + 2 * margin, lo), hi)
        width = float(math.ceil(width)) if width < hi else width
    else:
        width = text.width_mm
    area_w = width - 2 * margin
    if area_w <= 0 or area_h <= 0:
        raise SigngenError(f"project_defaults.plaque_layouts[{plaque.id}].margin_mm: expected "
                           f"less than half of the plaque's {mm_label(width)} x "
                           f"{mm_label(text.height_mm)} mm, got {mm_label(margin)}")
    shared = _floor(shared)
    heights = [_floor(min(shared, area_w / m.width)) if m.width > 0 else shared
               for m in measures]
    run_inks = [[tallest_ink(run, h) for run in m.runs]
                for m, h in zip(measures, heights, strict=True)]
    inks = [max(r, default=(0.0, "")) for r in run_inks]
    minimum = minimum_letter_height(standard, plaque.id)
    warnings = []
    for i, h in enumerate(heights):
        if h < minimum:
            line = "".join(run.text for run in text.lines[i])
            message = (f"community {community or '(placeholders)'}, plaque {plaque.id} "
                       f"({plaque.name}), line {i + 1} {line!r}: letters would be "
                       f"{mm_label(h)} mm high (em, the body size; ink of the tallest "
                       f"character {mm_label(inks[i][0])} mm), expected at least "
                       f"{mm_label(minimum)} mm em (the larger of min_letter_height_mm and "
                       f"viewing distance × legibility)")
            if not allow_small:
                raise SigngenError(message + "; shorten the text or pass --allow-small")
            warnings.append(message)
    block = sum(m.height * h for m, h in zip(measures, heights, strict=True))
    block += (n - 1) * gap * shared
    y = margin + (area_h - block) / 2
    lines = []
    for i, (m, h) in enumerate(zip(measures, heights, strict=True)):
        box_w, box_h = m.width * h, m.height * h
        box_left = margin + (area_w - box_w) / 2
        origin = box_left - m.left * h
        em_top = y - m.top * h
        runs = []
        for run, placed, (ink, _) in zip(text.lines[i], m.runs, run_inks[i], strict=True):
            typeface, colour = run.typeface, run.colour
            glyphs = tuple([PlacedGlyph(char, typeface, colour, met.face.key, met.glyph,
                                        origin + x * h, em_top + met.face.ascent * h, h)
                            for char, met, x in placed])
            runs.append(PlacedRun(run.segment, run.text, typeface, colour, glyphs, ink))
        lines.append(PlacedLine(tuple(runs), h, box_left, y, box_w, box_h, *inks[i]))
        y += box_h + gap * shared
    return PlaqueGeometry(
        plaque_id=plaque.id, name=plaque.name, community=community, text=text.text,
        width_mm=width, height_mm=text.height_mm, width_follows_text=text.width_mm is None,
        background=text.background, margin_mm=margin, lines=tuple(lines),
        letter_height_mm=shared, min_letter_height_mm=minimum,
        max_letter_height_mm=layout.max_letter_height_mm, warnings=tuple(warnings))
