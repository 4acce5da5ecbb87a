"""Letter heights as a person measures them: the ink of the tallest character of a line.

The copy-fit sets type by its *em size* (the body size): a 120 mm letter height is a 120 mm
em square, but the ink of a Han character fills only about 90-96 % of it, so a tape held to
the finished sign reads less. This module measures what the tape reads: the tight vertical
extent of each glyph's outline (curves bounded at their extrema, as Inkscape's visual
bounding box measures them), times the em size.

Each glyph's tight height is found once, in the same pass that draws its outline
(:func:`signgen.fonts.outline.path_and_bounds`), and carried by its
:class:`~signgen.fonts.book.GlyphMetrics` in em; a run is measured by one pass over its
glyphs, scaled to millimetres once.
"""

from __future__ import annotations

from collections.abc import Sequence

from signgen.fonts.book import GlyphMetrics


def tallest_ink(placed: Sequence[tuple[str, GlyphMetrics, float]], size_mm: float
                ) -> tuple[float, str]:
    """The ink height (mm) of the tallest character of a run set at ``size_mm``, and it.

    ``placed`` is a run as the layout measures it: (character, its glyph, pen position).
    Letters and digits are measured, as a person measures letter height; punctuation only
    on a run that has nothing else. Of characters equally tall, the first is named.

    >>> tallest_ink([], 120.0)
    (0.0, '')
    """
    best, best_char, letters = 0.0, "", False
    for char, metrics, _ in placed:
        if metrics.letter:
            letters = True
            if metrics.ink_height > best:
                best, best_char = metrics.ink_height, char
    if not letters:
        for char, metrics, _ in placed:
            if metrics.ink_height > best:
                best, best_char = metrics.ink_height, char
    return best * size_mm, best_char
