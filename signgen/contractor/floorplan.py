"""A floor-plan schematic of a plan: rooms as blocks whose areas are proportional to m².

Geometry first (:func:`floorplan_layout`, pure numbers in px), then SVG
(:func:`floorplan_svg`). Rooms are grouped in one band per zone, in the standard's zone
order; each band is split into rows of at most :data:`ROW_ROOMS` rooms, every row spanning
the full width, so a room's block area is its m² times the same scale everywhere. Each
required function that no room serves is a dashed red block in a last band, drawn at the
plan's median room area (it counts in no total). Units are px (SVG user units).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from signgen.contractor.plan import Plan, PlanRoom
from signgen.drawings.primitives import E, drawing, svg_document
from signgen.output.numbers import number
from signgen.plaque.svg import xml_chars
from signgen.spec.model import Standard

WIDTH = 800.0
ROW_ROOMS = 4
LABEL_H = 24.0  # a band's title strip, above its rows (not part of any area)
GAP = 8.0
LEGEND_ROW = 20.0
FILLS = ("#dbe9f6", "#e3f1dc", "#f6ead3", "#ece0f3", "#f3dede", "#e0f0ef")
NO_ZONE_FILL = "#eeeeee"
MISSING_STROKE = "#d00000"


@dataclass(frozen=True)
class Block:
    """One room (or one missing function) as a rectangle, in px."""

    id: str
    kind: Literal["room", "missing"]
    x: float
    y: float
    w: float
    h: float
    area_m2: float
    fill: str
    lines: tuple[str, ...]  # label lines: name, functions, area


@dataclass(frozen=True)
class Band:
    """A group of blocks with its title: one zone, the rooms without one, or the missing."""

    id: str
    title: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class FloorPlan:
    """The whole schematic in px: bands, blocks, legend entries and the scale."""

    width: float
    height: float
    px2_per_m2: float
    missing_area_m2: float
    bands: tuple[Band, ...]
    blocks: tuple[Block, ...]
    legend: tuple[tuple[str, str, bool], ...]  # fill, label, dashed
    legend_y: float


Maker = Callable[[float, float, float, float], Block]  # x, y, w, h -> block


def _room_maker(room: PlanRoom, fill: str, names: dict[str, str]) -> Maker:
    served = "、".join(names[f] for f in room.functions if f in names)
    return lambda x, y, w, h: Block(f"room-{room.index + 1:02d}", "room", x, y, w, h,
                                    room.area_m2, fill,
                                    (room.name, served, f"{number(room.area_m2)} m²"))


def _missing_maker(function_id: str, area: float, names: dict[str, str]) -> Maker:
    return lambda x, y, w, h: Block(f"missing-{function_id}", "missing", x, y, w, h, area,
                                    "none", (names[function_id], "缺少 missing"))


def missing_functions(standard: Standard, plan: Plan) -> list[str]:
    """Ids of the required functions no room of the plan serves, in spec order."""
    return [f.id for f in standard.functions
            if f.level == "required" and not plan.rooms_with(f.id)]


def floorplan_layout(standard: Standard, plan: Plan, width: float = WIDTH) -> FloorPlan:
    """Place every room and missing function; block area = m² x ``px2_per_m2``."""
    missing = missing_functions(standard, plan)
    missing_m2 = statistics.median(r.area_m2 for r in plan.rooms) if plan.rooms else 1.0
    groups: list[tuple[str, str, str, list[PlanRoom]]] = []
    for i, zone in enumerate(standard.zones):
        rooms = [r for r in plan.rooms if r.zone == zone.id]
        if rooms:
            groups.append((f"zone-{zone.id}", f"{zone.name} {zone.name_en}",
                           FILLS[i % len(FILLS)], rooms))
    unzoned = [r for r in plan.rooms if r.zone is None]
    if unzoned:
        groups.append(("zone-none", "房间 Rooms", NO_ZONE_FILL, unzoned))
    drawn_m2 = plan.total_m2 + missing_m2 * len(missing)
    scale = 0.6 * width * width / max(drawn_m2, 1.0)
    bands: list[Band] = []
    blocks: list[Block] = []
    y = 0.0
    names = {f.id: f.name for f in standard.functions}
    placed: list[tuple[str, str, list[tuple[float, Maker]]]] = [
        (band_id, title, [(r.area_m2, _room_maker(r, fill, names)) for r in rooms])
        for band_id, title, fill, rooms in groups]
    if missing:
        placed.append(("missing", "缺少的必设功能 Missing required functions",
                       [(missing_m2, _missing_maker(f, missing_m2, names)) for f in missing]))
    for band_id, title, items in placed:
        top = y
        y += LABEL_H
        for start in range(0, len(items), ROW_ROOMS):
            row = items[start:start + ROW_ROOMS]
            row_m2 = sum(area for area, _ in row)
            h = row_m2 * scale / width
            x = 0.0
            for area, make in row:
                # A plan built in code may have rooms without an area: they get no width.
                w = area / row_m2 * width if row_m2 > 0 else 0.0
                blocks.append(make(x, y, w, h))
                x += w
            y += h
        bands.append(Band(band_id, title, 0.0, top, width, y - top))
        y += GAP
    legend = [(fill, title, False) for _, title, fill, _ in groups]
    if missing:
        legend.append(("none", f"缺少的必设功能 Missing required function (drawn at the plan's "
                               f"median room area, {number(missing_m2)} m²)", True))
    legend.append(("", f"面积按比例 Block areas proportional to m²: 1 m² = "
                       f"{number(scale)} px²", False))
    height = y + LEGEND_ROW * len(legend) + GAP
    return FloorPlan(width, height, scale, missing_m2, tuple(bands), tuple(blocks),
                     tuple(legend), y)


def _font_stack(standard: Standard) -> str:
    families: list[str] = []
    for sub in standard.project_defaults.typeface_substitutes:
        for fam in sub.families:
            if fam.family not in families:
                families.append(fam.family)
    return ", ".join([*(f"'{f}'" for f in families), "sans-serif"])


def _fit(text: str, w: float, h: float, lines: int) -> float:
    """A font size (px) at which ``text`` fits ``w`` (CJK glyphs are 1 em wide)."""
    return max(4.0, min(14.0, (w - 6) / max(len(text), 1), (h - 4) / (lines * 1.25)))


def floorplan_svg(standard: Standard, plan: Plan, width: float = WIDTH) -> str:
    """The schematic as a standalone SVG document (px, text as ``<text>``, ids from the plan).

    No XML declaration: the HTML plan-check report embeds it as it is.
    """
    fp = floorplan_layout(standard, plan, width)
    dwg = drawing(number(fp.width), number(fp.height), (fp.width, fp.height),
                  title=f"{plan.source}: floor-plan schematic", id="floorplan",
                  font_family=_font_stack(standard))
    for band in fp.bands:
        group = dwg.add(E.g(id=band.id))
        group.add(E.text(xml_chars(band.title), x=["2"], y=[number(band.y + LABEL_H - 7)],
                         font_size="13", font_weight="bold"))
    for b in fp.blocks:
        dashed = b.kind == "missing"
        stroke = ({"stroke": MISSING_STROKE, "stroke_width": "2", "stroke_dasharray": "6 4"}
                  if dashed else {"stroke": "#333333", "stroke_width": "1"})
        group = dwg.add(E.g(id=b.id, class_=b.kind))
        group.add(E.rect(insert=(number(b.x), number(b.y)), size=(number(b.w), number(b.h)),
                         fill=b.fill, **stroke))
        lines = [line for line in b.lines if line]
        sizes = [_fit(line, b.w, b.h, len(lines)) for line in lines]
        ty = b.y + (b.h - sum(s * 1.25 for s in sizes)) / 2
        for line, size in zip(lines, sizes, strict=True):
            ty += size * 1.25
            colour = MISSING_STROKE if dashed else "#111111"
            group.add(E.text(xml_chars(line), x=[number(b.x + b.w / 2)],
                             y=[number(ty - size * 0.25)], font_size=number(size),
                             text_anchor="middle", fill=colour))
    legend = dwg.add(E.g(id="legend"))
    y = fp.legend_y
    for fill, label, dashed in fp.legend:
        if fill:
            stroke = ({"stroke": MISSING_STROKE, "stroke_dasharray": "4 3"} if dashed
                      else {"stroke": "#333333"})
            legend.add(E.rect(insert=("2", number(y + 3)), size=("24", "13"), fill=fill,
                              **stroke))
        legend.add(E.text(xml_chars(label), x=["32"], y=[number(y + 14)], font_size="12"))
        y += LEGEND_ROW
    return svg_document(dwg, declaration=False)
