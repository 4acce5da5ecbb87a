"""Glyph outlines as SVG path data in font units (y up), with their control-point bounds.

harfbuzz draws a glyph onto :class:`HarfbuzzRecording`; :func:`path_and_bounds` turns the
recorded segments into compact path data and bounds in one pass.
"""

from __future__ import annotations

from typing import Any

from fontTools.pens.basePen import decomposeQuadraticSegment
from fontTools.pens.recordingPen import RecordingPen

Bounds = tuple[float, float, float, float]


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


def path_and_bounds(segments: _Segments) -> tuple[str, Bounds | None] | None:
    """SVG path data (absolute M/L/H/V/C/Q/Z) and control-point bounds of recorded segments.

    Control-point bounds contain the ink (curves stay inside their control points), so a
    layout that keeps them inside the margins keeps the outline inside. Returns None for
    segments it does not handle (quadratic contours without on-curve points, and
    ``curveTo`` with other than three points), which fontTools' pens draw and harfbuzz never.

    >>> path_and_bounds([("moveTo", ((0, 0),)), ("lineTo", ((10, 0),)),
    ...                  ("curveTo", ((10, 5), (5, 10), (0, 10))), ("closePath", ())])
    ('M0 0H10C10 5 5 10 0 10Z', (0, 0, 10, 10))
    """
    n = _FONT_NUMBERS
    parts: list[str] = []
    add = parts.append
    xs: list[float] = []
    ys: list[float] = []
    cx = cy = 0.0
    for op, points in segments:  # the most frequent segments first
        if op == "qCurveTo" and len(points) == 2 and points[1] is not None:
            (qx, qy), (x, y) = points
            add(f"Q{n[qx]} {n[qy]} {n[x]} {n[y]}")
            xs.append(qx)
            ys.append(qy)
        elif op == "lineTo":
            (x, y), = points
            add(f"H{n[x]}" if y == cy else f"V{n[y]}" if x == cx else f"L{n[x]} {n[y]}")
        elif op == "curveTo" and len(points) == 3:
            (x1, y1), (x2, y2), (x, y) = points
            add(f"C{n[x1]} {n[y1]} {n[x2]} {n[y2]} {n[x]} {n[y]}")
            xs += (x1, x2)
            ys += (y1, y2)
        elif op == "moveTo":
            (x, y), = points
            add(f"M{n[x]} {n[y]}")
        elif op == "qCurveTo" and len(points) > 1 and points[-1] is not None:
            for (qx, qy), (x, y) in decomposeQuadraticSegment(points):
                add(f"Q{n[qx]} {n[qy]} {n[x]} {n[y]}")
                xs.append(qx)
                ys.append(qy)
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
        return "".join(parts), None
    return "".join(parts), (min(xs), min(ys), max(xs), max(ys))


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
