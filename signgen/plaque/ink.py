"""Letter heights as a person measures them: the ink of the tallest character of a line.

The copy-fit sets type by its *em size* (the body size): a 120 mm letter height is a 120 mm
em square, but the ink of a Han character fills only about 90-96 % of it, so a tape held to
the finished sign reads less. This module measures what the tape reads: the tight vertical
extent of each glyph's outline (curves bounded at their extrema, with fontTools'
``BoundsPen``, as Inkscape's visual bounding box measures them), times the em size.

Tight bounds are computed only where they can matter: glyphs are taken in order of their
control-point height (which is never less than the tight height), and the search stops as
soon as the next control-point height cannot beat the best tight height found. Each glyph's
tight height is computed once per process.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from fontTools.pens.boundsPen import BoundsPen
from fontTools.svgLib.path import parse_path

from signgen.fonts.face import Face

_TIGHT: dict[tuple[str, int, int], float] = {}


def tight_height(face: Face, glyph: int) -> float:
    """The tight ink height of a glyph, in font units (0 for a blank glyph)."""
    key = (str(face.file), face.index, glyph)
    found = _TIGHT.get(key)
    if found is None:
        pen = BoundsPen(None)
        parse_path(face.outline(glyph), pen)
        bounds = pen.bounds
        found = _TIGHT[key] = 0.0 if bounds is None else float(bounds[3] - bounds[1])
    return found


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
