"""Draw the entrance elevation (:mod:`signgen.drawings.elevation`) as a to-scale SVG.

User units are real millimetres; the document's width and height are paper millimetres
at the drawing's scale (1:50 by default), so the file prints to scale. The plaques are the
real rendered plaque SVGs, nested. The logo is the user's file embedded as a data URI, or
a dashed placeholder box: the standard's logo artwork (its attachment) is not in the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from signgen.artwork.render import render_plaque
from signgen.drawings.elevation import ABOVE, Box, Elevation, entrance_elevation, entrance_plaques
from signgen.drawings.paper import (
    TEMPLATE,
    Paper,
    TitleBlock,
    fits_beside,
    papers,
    standard_row,
    title_block,
)
from signgen.drawings.paper import frame as paper_frame
from signgen.drawings.primitives import (
    E,
    Embedded,
    Pen,
    dimension,
    drawing,
    label,
    line_element,
    logo_data_uri,
    rect_element,
    svg_document,
)
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm, mm_label, number
from signgen.plaque.text import plaque_text
from signgen.spec.model import Origin, Standard

DEFAULT_SCALE = 50.0
PAD = 5.0  # between the sheet's frame and the elevation, paper mm
# signgen's own UI text for the missing artwork, not words of the standard.
LOGO_PLACEHOLDER = ("社区标识 (附件1 未附)", "logo artwork not supplied: --logo FILE")


class _Frame:
    """Elevation mm (y up, door centre x = 0) to SVG user units (y down)."""

    def __init__(self, left: float, top: float) -> None:
        self.left = left
        self.top = top

    def x(self, x: float) -> float:
        return x - self.left

    def y(self, y: float) -> float:
        return self.top - y

    def rect(self, box: Box) -> tuple[float, float, float, float]:
        return self.x(box.x), self.y(box.top), box.width, box.height


def _rect(frame: _Frame, box: Box, **attrs: str) -> Any:
    x, y, w, h = frame.rect(box)
    return rect_element(x, y, w, h, **attrs)


def _figure(frame: _Frame, box: Box, pen: Pen) -> Any:
    """A standing person, drawn in the figure's box: head, body, legs."""
    x, top, w, h = frame.rect(box)
    cx = x + w / 2
    head = h * 0.065
    body_top = top + 2 * head + h * 0.01
    hip = top + h * 0.53
    shoulder = w / 2
    path = (f"M{mm(cx - shoulder)} {mm(body_top + shoulder * 0.4)} "
            f"Q{mm(cx - shoulder)} {mm(body_top)} {mm(cx)} {mm(body_top)} "
            f"Q{mm(cx + shoulder)} {mm(body_top)} {mm(cx + shoulder)} "
            f"{mm(body_top + shoulder * 0.4)} "
            f"L{mm(cx + shoulder * 0.8)} {mm(hip)} L{mm(cx + shoulder * 0.55)} {mm(top + h)} "
            f"L{mm(cx + shoulder * 0.08)} {mm(top + h)} L{mm(cx)} {mm(hip + h * 0.05)} "
            f"L{mm(cx - shoulder * 0.08)} {mm(top + h)} L{mm(cx - shoulder * 0.55)} "
            f"{mm(top + h)} L{mm(cx - shoulder * 0.8)} {mm(hip)} Z")
    group = E.g(id="figure", fill="#9AA5B1", stroke="none")
    group.add(E.circle(center=(mm(cx), mm(top + head)), r=mm(head)))
    group.add(E.path(d=path))
    return group


def _logo(frame: _Frame, box: Box, pen: Pen, logo: Path | None) -> Any:
    x, y, w, h = frame.rect(box)
    if logo is not None:
        image = E.image("", insert=(mm(x), mm(y)), size=(mm(w), mm(h)), id="logo",
                        preserveAspectRatio="xMidYMid meet")
        del image.attribs["xlink:href"]  # SVG 2's plain href: no xlink namespace needed
        image["href"] = logo_data_uri(logo)
        return image
    size = min(w / 12, pen.text_size(3))
    group = E.g(id="logo")
    group.add(_rect(frame, box, fill="none", stroke="#555555", stroke_width=pen.medium,
                    stroke_dasharray=f"{mm(2 * pen.scale)} {mm(pen.scale)}"))
    group.add(label(x + w / 2, y + h / 2, LOGO_PLACEHOLDER[0], size))
    group.add(label(x + w / 2, y + h / 2 + 1.4 * size, LOGO_PLACEHOLDER[1], size * 0.6,
                    fill="#555555"))
    return group


def render_elevation(standard: Standard, elevation: Elevation, plaque_svgs: Mapping[str, str],
                     *, logo: Path | None = None, title: str = "",
                     scale: float = DEFAULT_SCALE) -> str:
    """The elevation as an SVG document at 1:``scale``; ``plaque_svgs`` maps plaque id -> SVG."""
    pen = Pen(scale)
    e = elevation
    step = next((d.offset for d in e.dimensions if d.id == "door-width"), -250.0)
    room = 4 * abs(step)
    ext = e.extent
    title_h = pen.text_size(4) * 4.5
    left, right = ext.x - room, ext.right + room
    top = ext.top + room
    bottom = -room - title_h
    frame = _Frame(left, top)
    width, height = right - left, top - bottom
    origin = next(o for o in standard.origins if o.id == e.origin)
    paper, block = _sheet(standard, origin, title, scale, width / scale, height / scale)
    dwg = drawing(f"{mm(paper.width)}mm", f"{mm(paper.height)}mm",
                  (paper.width, paper.height), title=title or "entrance elevation",
                  desc=f"entrance elevation, 1:{number(scale)}, mm; origin {origin.id}; "
                       f"{paper.name} landscape")
    dwg.add(rect_element(0, 0, paper.width, paper.height, id="paper", fill="#FFFFFF"))
    dwg.add(paper_frame(paper))
    fx, fy, _, _ = paper.frame
    # The elevation itself: a nested <svg> in real mm, sized to the scale on the sheet.
    sheet, dwg = dwg, dwg.add(E.svg(insert=(mm(fx + PAD), mm(fy + PAD)),
                          size=(mm(width / scale), mm(height / scale)),
                          viewBox=f"0 0 {mm(width)} {mm(height)}", id="elevation"))
    dwg.add(_rect(frame, e.wall, id="wall", fill="#F2EFEA", stroke="#333333",
                  stroke_width=pen.medium))
    dwg.add(_rect(frame, e.door, id="door", fill="#D9D4CC", stroke="#333333",
                  stroke_width=pen.medium))
    dx = frame.x(e.door.centre_x)
    dwg.add(line_element(dx, frame.y(0), dx, frame.y(e.door.top), id="door-leaves",
                         stroke="#333333", stroke_width=pen.thin))
    dwg.add(line_element(0, frame.y(0), width, frame.y(0), id="ground", stroke="#000000",
                         stroke_width=pen.thick))
    for placed in e.plaques:
        x, y, w, h = frame.rect(placed.box)
        svg = plaque_svgs.get(placed.plaque)
        group = dwg.add(E.g(id=f"plaque-{placed.plaque}"))
        if svg is not None:
            group.add(Embedded(svg, x=x, y=y, width=w, height=h,
                               id_prefix=f"{placed.plaque}-"))
        group.add(_rect(frame, placed.box, fill="none", stroke="#333333",
                        stroke_width=pen.thin))
    dwg.add(_logo(frame, e.logo, pen, logo))
    dwg.add(_figure(frame, e.figure, pen))
    for d in e.dimensions:
        start = (frame.x(d.start[0]), frame.y(d.start[1]))
        end = (frame.x(d.end[0]), frame.y(d.end[1]))
        horizontal = abs(d.start[1] - d.end[1]) < 1e-9
        for part in dimension(pen, start, end, -d.offset if horizontal else d.offset, d.label,
                              dim_id=f"dim-{d.id}"):
            dwg.add(part)
    for part in _title_block(standard, e, pen, frame, title, scale, bottom, width):
        dwg.add(part)
    for part in block.elements():
        sheet.add(part)
    return svg_document(sheet)


def _sheet(standard: Standard, origin: Origin, title: str, scale: float, width: float,
           height: float) -> tuple[Paper, TitleBlock]:
    """The smallest sheet on which the elevation (``width`` × ``height`` paper mm) fits
    clear of the title block, and that block.

    Raises:
        SigngenError: not even A3 holds it at this scale.
    """
    rows = [("图名 Title", f"入口立面图 entrance elevation: {origin.name} {origin.name_en}"),
            ("社区 Community", title or TEMPLATE), standard_row(standard)]
    number_ = f"{standard.id}/entrance-{origin.id}"
    for paper in papers():
        block = title_block(paper, rows, scale, number_)
        if fits_beside(paper, block, width, height, PAD):
            return paper, block
    raise SigngenError(
        f"--scale: expected a scale at which the entrance elevation fits an "
        f"{paper.name} landscape sheet, got 1:{number(scale)}: the drawing is "
        f"{mm_label(width)} x {mm_label(height)} mm on paper; use a larger N, such as "
        f"1:{number(scale * 2)}")


def _title_block(standard: Standard, e: Elevation, pen: Pen, frame: _Frame, title: str,
                 scale: float, bottom: float, width: float) -> list[Any]:
    origin = next(o for o in standard.origins if o.id == e.origin)
    size = pen.text_size(3.5)
    small = pen.text_size(2.5)
    y = frame.y(bottom) - 3.2 * size
    x = pen.scale * 10
    lines = [label(x, y, f"{title}  入口立面 entrance elevation  1:{number(scale)}  (mm)", size,
                   anchor="start", weight=700)]
    clause = standard.clause(origin.citation.clause)
    lines.append(label(x, y + 1.6 * size,
                       f"{origin.name} {origin.name_en}: 「{origin.citation.quote}」 "
                       f"({clause.number} {clause.title})", small, anchor="start"))
    entrance = standard.project_defaults.entrance
    notes = ["door, wall, gaps, logo size, figure and mounting heights: project defaults "
             "(defaults.yml, entrance and plaque_layouts)"]
    if entrance is not None and (e.door.width != entrance.door_width_mm
                                 or e.door.height != entrance.door_height_mm):
        notes[0] += "; door size given for this community"
    if e.wall_widened:
        notes.append("wall drawn wider than usual to hold the name sign")
    if e.wall_raised:
        notes.append("wall drawn taller than the default to hold the name sign")
    lines.append(label(x, y + 2.8 * size, "; ".join(notes), small, anchor="start",
                       fill="#555555"))
    return lines


def elevation_plaque_svgs(standard: Standard, values: Mapping[str, str], fonts: FontBook, *,
                          outline: bool = True, allow_small: bool = False
                          ) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Lay out and render the entrance plaques: (sizes by plaque id, SVG by plaque id).

    Raises:
        SigngenError: a plaque below the minimum letter height (unless ``allow_small``).
    """
    sizes: dict[str, tuple[float, float]] = {}
    svgs: dict[str, str] = {}
    community = "-".join(v for v in values.values() if v)
    kind = "svg-outlined" if outline else "svg"
    for plaque_id in entrance_plaques(standard).values():
        rendered = render_plaque(standard, fonts, plaque_id, values, (kind,),
                                 allow_small=allow_small, community=community)
        rendered.raise_if_refused()
        geometry = rendered.geometry
        sizes[plaque_id] = (geometry.width_mm, geometry.height_mm)
        svgs[plaque_id] = rendered.svg(outline=outline)
    return sizes, svgs


def elevation_title(standard: Standard, values: Mapping[str, str]) -> str:
    """The community as the name sign says it, or the template with placeholders."""
    ids = entrance_plaques(standard)
    if ABOVE in ids:
        return plaque_text(standard, ids[ABOVE], values).text
    return "-".join(v for v in values.values() if v) or standard.standard.title


def elevation_svg(standard: Standard, values: Mapping[str, str], fonts: FontBook, *,
                  origin: str, door_width_mm: float | None = None,
                  door_height_mm: float | None = None, logo: Path | None = None,
                  outline: bool = True, allow_small: bool = False,
                  scale: float = DEFAULT_SCALE) -> str:
    """The entrance elevation of one community (or the template, ``values`` empty) as SVG.

    Raises:
        SigngenError: unknown origin, a bad logo file, or a plaque that does not fit.
    """
    sizes, svgs = elevation_plaque_svgs(standard, values, fonts, outline=outline,
                                        allow_small=allow_small)
    elevation = entrance_elevation(standard, sizes, origin=origin, door_width_mm=door_width_mm,
                                   door_height_mm=door_height_mm)
    return render_elevation(standard, elevation, svgs, logo=logo,
                            title=elevation_title(standard, values), scale=scale)

