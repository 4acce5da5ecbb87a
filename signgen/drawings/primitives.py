"""SVG pieces shared by the entrance elevation and the design-intent drawings.

A plaque nested in a larger drawing (ids prefixed so that two plaques never clash),
architectural dimension lines, text labels and an embedded logo image. Numbers go through
:func:`signgen.output.numbers.mm` and text through its escapers, so the output is deterministic.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from signgen.communities.logo import logo_problem
from signgen.errors import SigngenError
from signgen.output.numbers import mm
from signgen.plaque.svg import xml_attr, xml_text

LABEL_FONT = "'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif"  # signgen's UI labels
_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*")
_ROOT = re.compile(r"<svg\b([^>]*)>")
_SIZE_ATTR = re.compile(r'\s(?:x|y|width|height)="[^"]*"')
_ID = re.compile(r'\bid="([^"]+)"')
_EXTERNAL = re.compile(r"""(?:href|src)\s*=\s*["']\s*(?:https?:|ftp:)?//""", re.I)


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


def nest_svg(svg: str, *, x: float, y: float, width: float, height: float,
             id_prefix: str) -> str:
    """An SVG document placed as a nested ``<svg>`` at (x, y) with the given size.

    Its prolog is dropped, the root's own size replaced, and every id (and reference to
    it) prefixed with ``id_prefix`` so that several plaques can share one drawing.
    """
    body = _PROLOG.sub("", svg).strip()
    match = _ROOT.search(body)
    if match is None:
        raise ValueError("expected an SVG document with an <svg> root")
    attrs = _SIZE_ATTR.sub("", match.group(1))
    root = (f'<svg x="{mm(x)}" y="{mm(y)}" width="{mm(width)}" height="{mm(height)}"'
            f'{attrs}>')
    body = body[:match.start()] + root + body[match.end():]
    ids = sorted(set(_ID.findall(body)), key=len, reverse=True)
    if ids:
        names = "|".join(re.escape(i) for i in ids)
        body = re.sub(rf'(\bid="|href="#|url\(#)({names})(?=["\)])',
                      lambda m: f"{m.group(1)}{id_prefix}{m.group(2)}", body)
    return body


def label(x: float, y: float, text: str, size: float, *, anchor: str = "middle",
          rotate: bool = False, fill: str = "#000000", weight: int = 400) -> str:
    """A UI text label (signgen's, not a plaque's): centred on x unless ``anchor`` says."""
    transform = f' transform="rotate(-90 {mm(x)} {mm(y)})"' if rotate else ""
    return (f'<text x="{mm(x)}" y="{mm(y)}" font-family="{xml_attr(LABEL_FONT)}" '
            f'font-size="{mm(size)}" font-weight="{weight}" text-anchor="{anchor}" '
            f'fill="{fill}"{transform}>{xml_text(text)}</text>')


def dimension(pen: Pen, start: tuple[float, float], end: tuple[float, float], offset: float,
              text: str, *, dim_id: str) -> str:
    """A dimension line in SVG coordinates: extension lines, 45° ticks, the measure.

    Horizontal when the points share a y (``offset`` > 0 draws it lower), otherwise
    vertical (``offset`` > 0 draws it to the right). The label sits outside the line.
    """
    (x1, y1), (x2, y2) = start, end
    tick = 1.2 * pen.scale
    gap = 0.8 * pen.scale
    size = pen.text_size(2.2)
    parts = [f'<g id="{xml_attr(dim_id)}" class="dimension" stroke="#1F4E79" '
             f'stroke-width="{pen.thin}" fill="none">']
    sign = 1 if offset >= 0 else -1
    if abs(y1 - y2) < 1e-9:
        y = y1 + offset
        parts += [_line(x1, y1 + sign * gap, x1, y + sign * gap),
                  _line(x2, y2 + sign * gap, x2, y + sign * gap),
                  _line(x1, y, x2, y)]
        parts += [_line(x - tick / 2, y + tick / 2, x + tick / 2, y - tick / 2) for x in (x1, x2)]
        text_y = y - 0.6 * pen.scale if sign < 0 or offset == 0 else y + size + 0.4 * pen.scale
        text_x = (x1 + x2) / 2
        parts.append("</g>")
        parts.append(label(text_x, text_y, text, size, fill="#1F4E79"))
    else:
        x = x1 + offset
        parts += [_line(x1 + sign * gap, y1, x + sign * gap, y1),
                  _line(x2 + sign * gap, y2, x + sign * gap, y2),
                  _line(x, y1, x, y2)]
        parts += [_line(x - tick / 2, y + tick / 2, x + tick / 2, y - tick / 2) for y in (y1, y2)]
        text_x = x - 0.6 * pen.scale
        parts.append("</g>")
        parts.append(label(text_x, (y1 + y2) / 2, text, size, rotate=True, fill="#1F4E79"))
    return "\n".join(parts)


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{mm(x1)}" y1="{mm(y1)}" x2="{mm(x2)}" y2="{mm(y2)}"/>'


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
