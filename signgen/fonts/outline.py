"""Glyph outlines as SVG path data in font units (y up), with their bounds.

harfbuzz draws a glyph onto :class:`HarfbuzzRecording`; :func:`path_and_bounds` turns the
recorded segments into compact path data, control-point bounds and the tight vertical ink
extent in one pass. The outline is the font's own, unhinted and at the default instance
(harfbuzz applies no hinting when drawing, and no variation is set), so its extent is the
ink of the finished sign.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from fontTools.misc.bezierTools import calcCubicBounds, calcQuadraticBounds
from fontTools.pens.basePen import decomposeQuadraticSegment
from fontTools.pens.recordingPen import RecordingPen

Bounds = tuple[float, float, float, float]
Extent = tuple[float, float]  # (yMin, yMax) of the ink, curves at their true extrema


def _font_number(value: float) -> str:
    """Font-unit coordinates: integers as integers, the rest with two decimals."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _FontNumbers(dict[float, str]):
    """:func:`_font_number` of each coordinate seen, kept: a glyph's path data repeats a few
    hundred distinct values, and a look-up costs a fraction of formatting one."""

    def __missing__(self, value: float) -> str:
        text = self[value] = _font_number(value)
        return text


_FONT_NUMBERS = _FontNumbers()


_Segments = list[tuple[str, tuple[Any, ...]]]


class Outline(NamedTuple):
    """A glyph's path data, control-point bounds and tight vertical ink extent (font units).

    ``bounds`` contains the ink (curves stay inside their control points), so a layout that
    keeps it inside the margins keeps the outline inside; ``extent`` is the ink's own lowest
    and highest y, as Inkscape's visual bounding box measures it. Both None when blank.
    """

    path: str
    bounds: Bounds | None
    extent: Extent | None


def _quadratic_y(y0: float, y1: float, y2: float) -> tuple[float, float] | None:
    """The y range of a quadratic whose control point is beyond its end points; else None."""
    if y0 <= y1 <= y2 or y2 <= y1 <= y0:
        return None
    box = calcQuadraticBounds((0, y0), (0, y1), (0, y2))
    return box[1], box[3]


def _cubic_y(y0: float, y1: float, y2: float, y3: float) -> tuple[float, float] | None:
    """The y range of a cubic with a control point beyond its end points; else None."""
    lo, hi = (y0, y3) if y0 < y3 else (y3, y0)
    if lo <= y1 <= hi and lo <= y2 <= hi:
        return None
    box = calcCubicBounds((0, y0), (0, y1), (0, y2), (0, y3))
    return box[1], box[3]


def path_and_bounds(segments: _Segments) -> Outline | None:
    """SVG path data (absolute M/L/H/V/C/Q/Z), control-point bounds and tight y extent.

    A curve whose control points lie between its end points' y cannot reach past them; the
    others are solved at their extrema (fontTools' bezier tools). Returns None for segments
    it does not handle (quadratic contours without on-curve points, and ``curveTo`` with
    other than three points), which fontTools' pens draw and harfbuzz never.

    >>> path_and_bounds([("moveTo", ((0, 0),)), ("lineTo", ((10, 0),)),
    ...                  ("curveTo", ((10, 5), (5, 10), (0, 10))), ("closePath", ())])
    Outline(path='M0 0H10C10 5 5 10 0 10Z', bounds=(0, 0, 10, 10), extent=(0, 10))
    >>> path_and_bounds([("moveTo", ((0, 0),)), ("lineTo", ((10, 0),)),
    ...                  ("qCurveTo", ((20, 20), (10, 10))), ("closePath", ())]).extent
    (0, 13.333333333333332)
    """
    n = _FONT_NUMBERS
    parts: list[str] = []
    add = parts.append
    xs: list[float] = []
    ys: list[float] = []  # on-curve points
    controls: list[float] = []  # off-curve y
    extrema: list[float] = []  # curves' y beyond their end points
    cx = cy = 0.0
    for op, points in segments:  # the most frequent segments first
        if op == "qCurveTo" and len(points) == 2 and points[1] is not None:
            (qx, qy), (x, y) = points
            add(f"Q{n[qx]} {n[qy]} {n[x]} {n[y]}")
            xs.append(qx)
            controls.append(qy)
            if (beyond := _quadratic_y(cy, qy, y)) is not None:
                extrema += beyond
        elif op == "lineTo":
            (x, y), = points
            add(f"H{n[x]}" if y == cy else f"V{n[y]}" if x == cx else f"L{n[x]} {n[y]}")
        elif op == "curveTo" and len(points) == 3:
            (x1, y1), (x2, y2), (x, y) = points
            add(f"C{n[x1]} {n[y1]} {n[x2]} {n[y2]} {n[x]} {n[y]}")
            xs += (x1, x2)
            controls += (y1, y2)
            if (beyond := _cubic_y(cy, y1, y2, y)) is not None:
                extrema += beyond
        elif op == "moveTo":
            (x, y), = points
            add(f"M{n[x]} {n[y]}")
        elif op == "qCurveTo" and len(points) > 1 and points[-1] is not None:
            for (qx, qy), (x, y) in decomposeQuadraticSegment(points):
                add(f"Q{n[qx]} {n[qy]} {n[x]} {n[y]}")
                xs.append(qx)
                controls.append(qy)
                if (beyond := _quadratic_y(cy, qy, y)) is not None:
                    extrema += beyond
                ys.append(y)
                cx, cy = x, y
            xs.append(x)
            continue
        elif op == "closePath":
            add("Z")
            continue
        elif op == "endPath":
            continue
        else:
            return None
        cx, cy = x, y
        xs.append(x)
        ys.append(y)
    if not xs:
        return Outline("".join(parts), None, None)
    low, high = min(ys), max(ys)
    if extrema:
        low, high = min(low, *extrema), max(high, *extrema)
    if controls:
        bottom, top = min(low, *controls), max(high, *controls)
    else:
        bottom, top = low, high
    return Outline("".join(parts), (min(xs), bottom, max(xs), top), (low, high))


class HarfbuzzRecording(RecordingPen):  # type: ignore[misc]
    """Records harfbuzz's drawing as fontTools' pens draw the same outline.

    harfbuzz closes every contour with an explicit line back to its start point; fontTools
    leaves that line implied by ``closePath`` (CFF and glyf outlines alike), and the path
    data made from fontTools' drawing is what plaques have always carried. So a ``lineTo``
    the start point right before ``closePath`` is dropped.
    """

    def moveTo(self, pt: tuple[float, float]) -> None:
        self.start = pt
        self.value.append(("moveTo", (pt,)))

    def closePath(self) -> None:
        value = self.value
        if value and value[-1][0] == "lineTo" and value[-1][1][0] == self.start:
            value.pop()
        value.append(("closePath", ()))
