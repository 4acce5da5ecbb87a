"""The project defaults a standard needs, and every geometric and date constraint the
renderers rely on, checked once in ``validate`` and located in the spec file.

Whatever passes here renders: each plaque has one layout, a size within
:data:`MAX_SIDE_MM`, margins under half the plaque, a minimum letter height no larger than the
maximum, and room for its lines of letters at the minimum height; the standard's date exists.
"""

from __future__ import annotations

import datetime

from signgen.messages import CROSS
from signgen.spec.crosscheck import Checker
from signgen.spec.model import PlaqueLayout

# signgen's own limit, not the standard's: no side of a sign over 100 m. It catches typos
# (1e12 mm) before they reach a PDF page or a PNG.
MAX_SIDE_MM = 100_000.0


def _mm(value: float) -> str:
    return f"{value:g}"


def check_defaults(c: Checker) -> None:
    """References from the project defaults, and the defaults each item needs."""
    s = c.standard
    d = s.project_defaults
    base: tuple[str | int, ...] = ("project_defaults",)
    for i, cv in enumerate(d.colour_values):
        c.ref((*base, "colour_values", i, "colour"), cv.colour, "colours")
    for i, ts in enumerate(d.typeface_substitutes):
        c.ref((*base, "typeface_substitutes", i, "typeface"), ts.typeface, "typefaces")
    for i, fz in enumerate(d.function_zones):
        c.ref((*base, "function_zones", i, "function"), fz.function, "functions")
        c.ref((*base, "function_zones", i, "zone"), fz.zone, "zones")
    if d.print_setup is not None:
        for i, plaque_id in enumerate(d.print_setup.no_bleed_plaques):
            c.ref((*base, "print_setup", "no_bleed_plaques", i), plaque_id, "plaques")
    plaques = {p.id: p for p in s.plaques}
    first: dict[str, int] = {}
    for i, lay in enumerate(d.plaque_layouts):
        path = (*base, "plaque_layouts", i)
        c.ref((*path, "plaque"), lay.plaque, "plaques")
        if lay.plaque in first:
            c.at((*path, "plaque"), CROSS.msg("layout_twice", plaque=lay.plaque,
                                              other=first[lay.plaque]))
            continue
        first[lay.plaque] = i
        if lay.plaque in plaques:
            _check_layout(c, path, lay)
    if "project_defaults" in c.failed:
        return
    colour_values = {cv.colour for cv in d.colour_values}
    substitutes = {ts.typeface for ts in d.typeface_substitutes}
    for i, plaque in enumerate(s.plaques):
        if plaque.id not in first and not c.failed_id("plaque_layouts", plaque.id):
            c.at(("plaques", i, "id"), CROSS.msg("no_layout"))
    for i, colour in enumerate(s.colours):
        if colour.id not in colour_values and not c.failed_id("colour_values", colour.id):
            c.at(("colours", i, "id"), CROSS.msg("no_colour_value"))
    for i, typeface in enumerate(s.typefaces):
        if typeface.id not in substitutes and \
                not c.failed_id("typeface_substitutes", typeface.id):
            c.at(("typefaces", i, "id"), CROSS.msg("no_substitute"))


def _check_layout(c: Checker, path: tuple[str | int, ...], lay: PlaqueLayout) -> None:
    plaque = c.standard.plaque(lay.plaque)
    seg_ids = {seg.id for seg in plaque.segments}
    known = ", ".join(sorted(seg_ids))
    used = [seg for line in lay.lines for seg in line]
    for j, line in enumerate(lay.lines):
        for k, seg_id in enumerate(line):
            if seg_id not in seg_ids:
                c.at((*path, "lines", j, k), CROSS.msg("line_segment", plaque=plaque.id,
                                                       known=known, got=seg_id))
    missing = sorted(seg_ids - set(used))
    if missing:
        c.at((*path, "lines"), CROSS.msg("segment_unplaced", missing=", ".join(missing)))
    if plaque.background is None and lay.background is None:
        c.at((*path, "background"), CROSS.msg("background"))
    styles = {st.segment for st in lay.segment_styles}
    for j, st in enumerate(lay.segment_styles):
        c.ref((*path, "segment_styles", j, "typeface"), st.typeface, "typefaces")
        c.ref((*path, "segment_styles", j, "colour"), st.colour, "colours")
        if st.segment not in seg_ids:
            c.at((*path, "segment_styles", j, "segment"),
                 CROSS.msg("style_segment", plaque=plaque.id, got=st.segment))
    for seg in plaque.segments:
        if (seg.typeface is None or seg.colour is None) and seg.id not in styles:
            c.at((*path, "segment_styles"), CROSS.msg("style_missing", segment=seg.id))
    c.ref((*path, "background"), lay.background, "colours")
    _check_geometry(c, path, lay, len(lay.lines))


def _check_geometry(c: Checker, path: tuple[str | int, ...], lay: PlaqueLayout,
                    n_lines: int) -> None:
    """Sizes within bounds, margins, letter heights and lines that fit."""
    plaque = c.standard.plaque(lay.plaque)
    for name in ("height_mm", "width_mm", "min_width_mm", "max_width_mm", "margin_mm",
                 "max_letter_height_mm", "min_letter_height_mm", "mounting_height_mm"):
        value = getattr(lay, name)
        if value is not None and value > MAX_SIDE_MM:
            c.at((*path, name), CROSS.msg("too_large", limit=_mm(MAX_SIDE_MM), got=_mm(value)))
            return
    height = plaque.size.height_mm or lay.height_mm
    width = plaque.size.width_mm or lay.width_mm
    if height is None:
        c.at((*path, "height_mm"), CROSS.msg("height_missing"))
    if width is None and not lay.width_from_text:
        c.at((*path, "width_mm"), CROSS.msg("width_missing"))
    if lay.width_from_text and (lay.min_width_mm is None or lay.max_width_mm is None):
        c.at((*path, "width_from_text"), CROSS.msg("width_range"))
    if (lay.min_width_mm is not None and lay.max_width_mm is not None
            and lay.min_width_mm > lay.max_width_mm):
        c.at((*path, "min_width_mm"), CROSS.msg("min_over_max_width",
                                                max=_mm(lay.max_width_mm),
                                                got=_mm(lay.min_width_mm)))
    if lay.min_letter_height_mm > lay.max_letter_height_mm:
        c.at((*path, "min_letter_height_mm"),
             CROSS.msg("letter_min_max", max=_mm(lay.max_letter_height_mm),
                       got=_mm(lay.min_letter_height_mm)))
        return
    if height is None:
        return
    narrowest = width if width is not None else (lay.max_width_mm or 0.0)
    if 2 * lay.margin_mm >= height or (narrowest and 2 * lay.margin_mm >= narrowest):
        c.at((*path, "margin_mm"), CROSS.msg("margin", width=_mm(narrowest or 0),
                                             height=_mm(height), got=_mm(lay.margin_mm)))
        return
    minimum = c.standard.minimum_letter_height(lay.plaque)
    if minimum > lay.max_letter_height_mm:
        c.at((*path, "max_letter_height_mm"), CROSS.msg(
            "minimum_over_max", minimum=_mm(minimum), max=_mm(lay.max_letter_height_mm)))
        return
    room = height - 2 * lay.margin_mm
    need = n_lines * minimum + (n_lines - 1) * lay.line_gap * minimum
    if need > room:
        field = "line_gap" if n_lines > 1 and n_lines * minimum <= room else \
            "min_letter_height_mm"
        c.at((*path, field), CROSS.msg("lines_do_not_fit", n=n_lines, minimum=_mm(minimum),
                                       gap=_mm(lay.line_gap), need=_mm(need), room=_mm(room)))


def check_dates(c: Checker) -> None:
    """Every date in the standard exists in the calendar."""
    if "standard" in c.failed:
        return
    text = c.standard.standard.date
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        c.at(("standard", "date"), CROSS.msg("date", got=text))
