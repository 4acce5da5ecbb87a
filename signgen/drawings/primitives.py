"""SVG pieces shared by the entrance elevation, the design-intent drawing and the floor plan.

Drawings are built with svgwrite (validation off, for speed; every id set here from spec
ids, never svgwrite's counter) and serialised by ElementTree, which escapes every text and
attribute: no hand-written escaping. Here: a drawing and its serialisation (one element a
line), a plaque nested in a larger drawing (ids prefixed so that two plaques never clash),
architectural dimension lines, text labels and an embedded logo image. Numbers go through
:mod:`signgen.output.numbers`, so the output is deterministic.
"""

from __future__ import annotations

import base64
import functools
import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import svgwrite
from svgwrite.text import Text

from signgen.drawings.logo import logo_problem
from signgen.errors import SigngenError
from signgen.output.numbers import mm
from signgen.plaque.svg import xml_chars

LABEL_FONT = "'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif"  # signgen's UI labels
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
_EXTERNAL = re.compile(r"""(?:href|src)\s*=\s*["']\s*(?:https?:|ftp:)?//""", re.I)
_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*")
_ROOT = re.compile(r"<svg\b([^>]*)>")
_SIZE_ATTR = re.compile(r'\s(?:x|y|width|height)="[^"]*"')
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(\bid="|href="#|url\(#)([^"\)]+)(?=["\)])')  # an id, or a reference
_PLACEHOLDER = "signgen-embedded"
_SPLICE = re.compile(rf'<{_PLACEHOLDER} ref="([^"]*)" />')
_NO_INDENT = ("text", "title", "desc")  # mixed content
# The element factory: svgwrite's validation off (it costs more than the drawing itself).
E = svgwrite.Drawing(debug=False)


def drawing(width: str, height: str, view_box: tuple[float, float], *, title: str,
            desc: str = "", **attrs: str) -> Any:
    """An empty ``svgwrite.Drawing`` with its size, viewBox, title and description."""
    dwg = svgwrite.Drawing(size=(width, height), viewBox=f"0 0 {mm(view_box[0])} "
                           f"{mm(view_box[1])}", debug=False, **attrs)
    dwg.elements.clear()  # svgwrite's empty <defs>
    dwg.set_desc(title=xml_chars(title), desc=xml_chars(desc) if desc else None)
    return dwg


def svg_document(dwg: Any, *, declaration: bool = True) -> str:
    """A drawing as an SVG file: one element a line, nested plaques as they were written."""
    root = dwg.get_xml()
    for attr in ("xmlns:ev", "xmlns:xlink", "baseProfile"):  # svgwrite's, unused here
        root.attrib.pop(attr, None)
    _indent(root)
    text = ET.tostring(root, encoding="unicode")
    nested = _embedded(dwg)
    if nested:
        text = _SPLICE.sub(lambda m: nested[html.unescape(m.group(1))], text)
    return f"{XML_DECLARATION}\n{text}\n" if declaration else f"{text}\n"


def _indent(element: ET.Element) -> None:
    """A newline before each child of a container, not inside text."""
    if element.tag in _NO_INDENT:
        return
    children = list(element)
    if not children:
        return
    element.text = "\n"
    for child in children:
        child.tail = "\n"
        _indent(child)


class Embedded:
    """An SVG document nested in a drawing as an ``<svg>`` element at (x, y), sized.

    The document is one signgen wrote (a plaque, escaped by :mod:`signgen.plaque.svg`), so
    it is spliced in as written rather than parsed and written again, which would cost more
    than the whole drawing: its prolog is dropped, its root's own size replaced, and every
    id (and ``#id`` reference to it) prefixed with ``id_prefix`` so that several plaques
    can share one drawing. In the tree it stands as a placeholder element that
    :func:`svg_document` replaces.
    """

    elementname = "svg"

    def __init__(self, svg: str, *, x: float, y: float, width: float, height: float,
                 id_prefix: str) -> None:
        self.id_prefix = id_prefix
        self.text = _nested(svg, (x, y, width, height), id_prefix)
        self.elements: list[Any] = []

    def get_xml(self) -> ET.Element:
        return ET.Element(_PLACEHOLDER, {"ref": self.id_prefix})


def _nested(svg: str, box: tuple[float, float, float, float], prefix: str) -> str:
    body = _PROLOG.sub("", svg).strip()
    match = _ROOT.search(body)
    if match is None:
        raise ValueError("expected an SVG document with an <svg> root")
    attrs = _SIZE_ATTR.sub("", match.group(1))
    x, y, w, h = box
    root = f'<svg x="{mm(x)}" y="{mm(y)}" width="{mm(w)}" height="{mm(h)}"{attrs}>'
    body = body[:match.start()] + root + body[match.end():]
    ids = set(_ID.findall(body))
    if ids:
        body = _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}" if m.group(2) in ids
                        else m.group(0), body)
    return body


def _embedded(element: Any) -> dict[str, str]:
    """Every :class:`Embedded` document under ``element``, by id prefix."""
    found: dict[str, str] = {}
    for child in getattr(element, "elements", ()):
        if isinstance(child, Embedded):
            found[child.id_prefix] = child.text
        else:
            found.update(_embedded(child))
    return found


@dataclass(frozen=True)
class Pen:
    """Line widths and text sizes for a drawing, in its user units (real mm at a scale)."""

    scale: float  # user units per paper mm (50 for a 1:50 drawing)

    @property
    def thin(self) -> str:
        return mm(0.18 * self.scale)

    @property
    def medium(self) -> str:
        return mm(0.35 * self.scale)

    @property
    def thick(self) -> str:
        return mm(0.7 * self.scale)

    def text_size(self, paper_mm: float = 2.5) -> float:
        """A text height that prints ``paper_mm`` high."""
        return paper_mm * self.scale


def label(x: float, y: float, text: str, size: float, *, anchor: str = "middle",
          rotate: bool = False, fill: str = "#000000", weight: int = 400) -> Any:
    """A UI text label (signgen's, not a plaque's): centred on x unless ``anchor`` says."""
    element = Text(xml_chars(text), factory=E)
    # Attribute names as written: svgwrite's keyword spelling (font_size) costs a
    # conversion per attribute, and a drawing has a few hundred labels.
    element.attribs.update({"x": mm(x), "y": mm(y), "font-family": LABEL_FONT,
                            "font-size": mm(size), "font-weight": str(weight),
                            "text-anchor": anchor, "fill": fill})
    if rotate:
        element.attribs["transform"] = f"rotate(-90 {mm(x)} {mm(y)})"
    return element


def dimension(pen: Pen, start: tuple[float, float], end: tuple[float, float], offset: float,
              text: str, *, dim_id: str) -> list[Any]:
    """A dimension line in SVG coordinates: extension lines, 45° ticks, the measure.

    Horizontal when the points share a y (``offset`` > 0 draws it lower), otherwise
    vertical (``offset`` > 0 draws it to the right). The label sits outside the line.
    Returns the line group and its label.
    """
    (x1, y1), (x2, y2) = start, end
    tick = 1.2 * pen.scale
    gap = 0.8 * pen.scale
    size = pen.text_size(2.2)
    group = E.g(id=dim_id, class_="dimension", stroke="#1F4E79", stroke_width=pen.thin,
                fill="none")
    sign = 1 if offset >= 0 else -1
    if abs(y1 - y2) < 1e-9:
        y = y1 + offset
        lines = [(x1, y1 + sign * gap, x1, y + sign * gap),
                 (x2, y2 + sign * gap, x2, y + sign * gap), (x1, y, x2, y)]
        lines += [(x - tick / 2, y + tick / 2, x + tick / 2, y - tick / 2) for x in (x1, x2)]
        text_y = y - 0.6 * pen.scale if sign < 0 or offset == 0 else y + size + 0.4 * pen.scale
        caption = label((x1 + x2) / 2, text_y, text, size, fill="#1F4E79")
    else:
        x = x1 + offset
        lines = [(x1 + sign * gap, y1, x + sign * gap, y1),
                 (x2 + sign * gap, y2, x + sign * gap, y2), (x, y1, x, y2)]
        lines += [(x - tick / 2, y + tick / 2, x + tick / 2, y - tick / 2) for y in (y1, y2)]
        caption = label(x - 0.6 * pen.scale, (y1 + y2) / 2, text, size, rotate=True,
                        fill="#1F4E79")
    for line in lines:
        group.add(line_element(*line))
    return [group, caption]


def line_element(x1: float, y1: float, x2: float, y2: float, **attrs: str) -> Any:
    """A ``<line>`` from (x1, y1) to (x2, y2)."""
    return E.line(start=(mm(x1), mm(y1)), end=(mm(x2), mm(y2)), **attrs)


def rect_element(x: float, y: float, width: float, height: float, **attrs: str) -> Any:
    """A ``<rect>`` at (x, y), sized."""
    return E.rect(insert=(mm(x), mm(y)), size=(mm(width), mm(height)), **attrs)


def text_width(text: str, size: float) -> float:
    """Estimated width of UI text: wide (CJK) characters 1 em, others about half an em."""
    return sum(_char_width(c, size) for c in text)


def _char_width(char: str, size: float) -> float:
    return size if _wide(char) else 0.55 * size


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (at spaces for Latin, anywhere in CJK).

    >>> wrap("社区 signs and plaques", 2.0, 13.0)
    ['社区 signs', 'and plaques']
    """
    lines: list[str] = []
    while text:
        line, text = first_line(text, size, width)
        lines.append(line)
    return lines


def first_line(text: str, size: float, width: float) -> tuple[str, str]:
    """The first line :func:`wrap` makes of ``text``, and the rest of the text."""
    line, used = "", 0.0
    for i, char in enumerate(text):
        step = _char_width(char, size)
        if used + step > width and line:
            cut = line.rfind(" ") if not _wide(char) else -1
            if cut > 0 and not _wide(line[cut - 1]):
                return line[:cut], line[cut + 1:] + text[i:]
            return line, text[i:]
        line += char
        used += step
    return line, ""


@functools.cache
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def logo_data_uri(path: Path) -> str:
    """A logo file (SVG or PNG) as a ``data:`` URI, checked to be what its name says.

    Raises:
        SigngenError: missing, not a file, not SVG/PNG, or an SVG that links outside.
    """
    problem = logo_problem(path)
    if problem:
        raise SigngenError(f"--logo: {problem}, got {str(path)!r}")
    data = path.read_bytes()
    if path.suffix.lower() == ".png":
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise SigngenError(f"--logo: expected a PNG image, got other bytes in {path}")
        mime = "image/png"
    else:
        text = data.decode("utf-8", errors="replace")
        if "<svg" not in text:
            raise SigngenError(f"--logo: expected an SVG image (an <svg> element), got none "
                               f"in {path}")
        if _EXTERNAL.search(text):
            raise SigngenError(f"--logo: expected a self-contained SVG, got a link to an "
                               f"external resource in {path}")
        mime = "image/svg+xml"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
