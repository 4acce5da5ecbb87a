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
from collections.abc import Iterable

from fontTools.misc.bezierTools import calcCubicBounds, calcQuadraticBounds

from signgen.fonts.face import Face

_TOKEN = re.compile(r"[MLHVCQZ]|[^MLHVCQZ ]+")  # a command letter, or one number
_TIGHT: dict[tuple[str, int, int], float] = {}


def tight_height(face: Face, glyph: int) -> float:
    """The tight ink height of a glyph, in font units (0 for a blank glyph)."""
    key = (str(face.file), face.index, glyph)
    found = _TIGHT.get(key)
    if found is None:
        bounds = _tight_y(face.outline(glyph))
        found = _TIGHT[key] = 0.0 if bounds is None else bounds[1] - bounds[0]
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
    return unicodedata.category(char)[0] in "LN"


def tallest_ink(glyphs: Iterable[tuple[str, Face, int, float]]) -> tuple[float, str]:
    """The ink height (mm) of the tallest of ``(char, face, glyph id, em size mm)``, and it.

    Letters and digits are measured, as a person measures letter height; punctuation only
    on a line that has nothing else.

    >>> tallest_ink([])
    (0.0, '')
    """
    glyphs = list(glyphs)
    if any(_is_letter(g[0]) for g in glyphs):
        glyphs = [g for g in glyphs if _is_letter(g[0])]
    candidates = []
    for char, face, glyph, size in glyphs:
        bounds = face.bounds(glyph)
        if bounds is not None:
            scale = size / face.units_per_em
            candidates.append(((bounds[3] - bounds[1]) * scale, scale, char, face, glyph))
    candidates.sort(key=lambda c: -c[0])
    best, best_char = 0.0, ""
    for upper, scale, char, face, glyph in candidates:
        if upper <= best:
            break
        height = tight_height(face, glyph) * scale
        if height > best:
            best, best_char = height, char
    return best, best_char
