"""Glyph outlines as PDF Form XObjects, made with pikepdf (no hand-written PDF syntax).

A glyph's outline (SVG path data in font units, y up, from :meth:`Face.outline`) becomes the
content of one Form XObject in font units: PDF has no quadratic segment, so each ``Q`` is
raised to the cubic with the same curve. The form sets no colour, so it paints in the fill
colour current where it is drawn (the plaque's DeviceCMYK). Each distinct glyph is one form
per document, drawn with ``cm`` + ``Do`` wherever it occurs; its content bytes are cached per
process, so a glyph is converted once however many files use it.
"""

from __future__ import annotations

import re

import pikepdf
from pikepdf import ContentStreamInstruction as Op
from pikepdf import Name, Operator

from signgen.fonts.book import FontBook
from signgen.fonts.face import Face

_COMMAND = re.compile(r"([MLHVCQZ])([^MLHVCQZ]*)")
_TWO_THIRDS = 2.0 / 3.0
_FORM_CONTENT: dict[tuple[str, int, int], bytes] = {}


def path_operations(d: str) -> list[Op]:
    """PDF path operators (``m l c h``, then ``f``) for absolute SVG path data.

    >>> pikepdf.unparse_content_stream(path_operations("M0 0H3Q6 0 6 3Z"))
    b'0 0 m\\n3 0 l\\n5 0 6 1 6 3 c\\nh\\nf'
    """
    ops: list[Op] = []
    cx = cy = sx = sy = 0.0
    for command, args in _COMMAND.findall(d):
        v = [float(a) for a in args.split()]
        if command == "M":
            cx, cy = sx, sy = v[0], v[1]
            ops.append(Op([_n(cx), _n(cy)], Operator("m")))
        elif command in "LHV":
            if command == "L":
                cx, cy = v[0], v[1]
            elif command == "H":
                cx = v[0]
            else:
                cy = v[0]
            ops.append(Op([_n(cx), _n(cy)], Operator("l")))
        elif command == "C":
            ops.append(Op([_n(x) for x in v], Operator("c")))
            cx, cy = v[4], v[5]
        elif command == "Q":
            qx, qy, x, y = v
            ops.append(Op([_n(cx + _TWO_THIRDS * (qx - cx)), _n(cy + _TWO_THIRDS * (qy - cy)),
                           _n(x + _TWO_THIRDS * (qx - x)), _n(y + _TWO_THIRDS * (qy - y)),
                           _n(x), _n(y)], Operator("c")))
            cx, cy = x, y
        else:
            ops.append(Op([], Operator("h")))
            cx, cy = sx, sy
    if ops:
        ops.append(Op([], Operator("f")))
    return ops


def _n(value: float) -> int | float:
    """Integers as integers, the rest to 0.01 font unit: compact and the same every run."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def form_content(face: Face, glyph: int) -> bytes:
    """The content bytes of a glyph's form (cached per face and glyph)."""
    key = (str(face.file), face.index, glyph)
    found = _FORM_CONTENT.get(key)
    if found is None:
        found = _FORM_CONTENT[key] = pikepdf.unparse_content_stream(
            path_operations(face.outline(glyph)))
    return found


class GlyphForms:
    """The glyph forms of one PDF document, named ``/G0``, ``/G1``... in order of first use."""

    def __init__(self, pdf: pikepdf.Pdf, fonts: FontBook) -> None:
        self.pdf = pdf
        self.fonts = fonts
        self.resources = pikepdf.Dictionary()
        self._names: dict[tuple[str, int], Name | None] = {}

    def name(self, face_key: str, glyph: int) -> Name | None:
        """The resource name of a glyph's form, made on first use; None for a blank glyph."""
        key = (face_key, glyph)
        if key in self._names:
            return self._names[key]
        face = self.fonts.face(face_key)
        bounds = face.bounds(glyph)
        found: Name | None = None
        if bounds is not None:
            found = Name(f"/G{len(self.resources)}")
            form = self.pdf.make_stream(form_content(face, glyph))
            form.Type = Name.XObject
            form.Subtype = Name.Form
            form.BBox = [_n(b) for b in bounds]
            self.resources[found] = form
        self._names[key] = found
        return found

    def draw(self, ops: list[Op], face_key: str, glyph: int,
             matrix: tuple[float, float, float, float, float, float]) -> None:
        """Append the operators drawing a glyph with ``matrix`` (font units to current)."""
        name = self.name(face_key, glyph)
        if name is None:
            return
        ops.append(Op([], Operator("q")))
        ops.append(Op([round(m, 7) for m in matrix], Operator("cm")))
        ops.append(Op([name], Operator("Do")))
        ops.append(Op([], Operator("Q")))

    def label(self, ops: list[Op], text: str, typeface: str, size: float, x: float,
              y: float) -> float:
        """Draw ``text`` outlined in a typeface role, baseline at (x, y) in a y-up space.

        Returns the label's width, in the same units as ``size``.
        """
        pen = x
        for char in text:
            metrics = self.fonts.metrics(typeface, char)
            s = size / metrics.face.units_per_em
            self.draw(ops, metrics.face.key, metrics.glyph, (s, 0, 0, s, pen, y))
            pen += metrics.advance * size
        return pen - x
