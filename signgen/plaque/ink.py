"""Letter heights as a person measures them: the ink of the tallest character of a line.

The copy-fit sets type by its *em size* (the body size): a 120 mm letter height is a 120 mm
em square, but the ink of a Han character fills only about 90-96 % of it, so a tape held to
the finished sign reads less. This module measures what the tape reads: the tight vertical
extent of each glyph's outline (curves bounded at their extrema, as Inkscape's visual
bounding box measures them), times the em size.

Tight bounds are computed only where they can matter: glyphs are taken in order of their
control-point height (which is never less than the tight height), and the search stops as
soon as the next control-point height cannot beat the best tight height found. Each glyph's
tight height is computed once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from fontTools.misc.bezierTools import calcCubicBounds, calcQuadraticBounds

from signgen.fonts.book import GlyphMetrics
from signgen.fonts.face import Face

_TOKEN = re.compile(r"[MLHVCQZ]|[^MLHVCQZ ]+")  # a command letter, or one number
_TIGHT: dict[Face, dict[int, float]] = {}  # per face: glyph id -> tight ink height, in em
_LETTERS: dict[str, bool] = {}


def tight_height(face: Face, glyph: int) -> float:
    """The tight ink height of a glyph, in em (0 for a blank glyph); cached per face."""
    heights = _TIGHT.get(face)
    if heights is None:
        heights = _TIGHT[face] = {}
    found = heights.get(glyph)
    if found is None:
        bounds = _tight_y(face.outline(glyph))
        found = 0.0 if bounds is None else (bounds[1] - bounds[0]) / face.units_per_em
        heights[glyph] = found
    return found


def _tight_y(d: str) -> tuple[float, float] | None:
    """The lowest and highest y of absolute SVG path data, curves at their true extrema.

    Only y is needed, so only y is read. A curve whose control points lie between its end
    points' y cannot reach past them; the others are solved (fontTools' bezier tools).

    >>> _tight_y("M0 0L10 0Q20 20 10 10Z")  # the curve peaks at 40/3, its control point at 20
    (0.0, 13.333333333333332)
    """
    t = _TOKEN.findall(d)
    n, i = len(t), 0
    y = 0.0
    ys: list[float] = []
    while i < n:
        command = t[i]
        if command == "C":
            y1, y2, y3 = float(t[i + 2]), float(t[i + 4]), float(t[i + 6])
            lo, hi = (y, y3) if y < y3 else (y3, y)
            if not (lo <= y1 <= hi and lo <= y2 <= hi):
                box = calcCubicBounds((0, y), (0, y1), (0, y2), (0, y3))
                ys += (box[1], box[3])
            y, i = y3, i + 7
        elif command == "Q":
            y1, y3 = float(t[i + 2]), float(t[i + 4])
            if not (y <= y1 <= y3 or y3 <= y1 <= y):
                box = calcQuadraticBounds((0, y), (0, y1), (0, y3))
                ys += (box[1], box[3])
            y, i = y3, i + 5
        elif command in ("L", "M"):
            y, i = float(t[i + 2]), i + 3
        elif command == "V":
            y, i = float(t[i + 1]), i + 2
        else:  # H keeps y; Z returns to a point already counted
            i += 2 if command == "H" else 1
            continue
        ys.append(y)
    return (min(ys), max(ys)) if ys else None


def _is_letter(char: str) -> bool:
    """Letters and digits (Han characters included); not punctuation such as （ or 、."""
    found = _LETTERS.get(char)
    if found is None:
        found = _LETTERS[char] = unicodedata.category(char)[0] in "LN"
    return found


def tallest_ink(placed: Sequence[tuple[str, GlyphMetrics, float]], size_mm: float
                ) -> tuple[float, str]:
    """The ink height (mm) of the tallest character of a run set at ``size_mm``, and it.

    ``placed`` is a run as the layout measures it: (character, its glyph, pen position).
    Letters and digits are measured, as a person measures letter height; punctuation only
    on a run that has nothing else. Glyphs whose tight height is known come from the cache;
    the others are measured in order of their control-point height (an upper bound of the
    tight height), only while that height could beat the best found.

    >>> tallest_ink([], 120.0)
    (0.0, '')
    """
    letters = [_is_letter(char) for char, _, _ in placed]
    every = not any(letters)
    best, best_char = 0.0, ""
    unknown = []
    for (char, metrics, _), letter in zip(placed, letters, strict=True):
        if not (letter or every) or metrics.ink is None:
            continue
        heights = _TIGHT.get(metrics.face)
        known = heights.get(metrics.glyph) if heights is not None else None
        if known is None:
            unknown.append((metrics.ink[3] - metrics.ink[1], char, metrics))
        elif known > best:
            best, best_char = known, char
    unknown.sort(key=lambda c: -c[0])
    for upper, char, metrics in unknown:
        if upper <= best:
            break
        height = tight_height(metrics.face, metrics.glyph)
        if height > best:
            best, best_char = height, char
    return best * size_mm, best_char
