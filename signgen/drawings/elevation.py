"""The entrance elevation as geometry: wall, door, plaques, logo, a figure and dimensions, in mm.

Pure: no drawing here. x runs right from the door's centre line, y runs up from the floor.
Which plaque goes where comes from ``Plaque.position`` (the standard's 门楣正上方/左侧/右侧);
sizes of door, wall, gaps, logo and figure are ``project_defaults.entrance`` (a community may
override the door); the side plaques sit at their layouts' mounting heights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from signgen.errors import SigngenError
from signgen.output.numbers import mm_label
from signgen.spec.model import Standard

# Positions an entrance elevation draws (Plaque.position values).
ABOVE, LEFT, RIGHT = "above_door", "left_of_door", "right_of_door"
ENTRANCE_POSITIONS = (ABOVE, LEFT, RIGHT)
FIGURE_WIDTH_RATIO = 0.3  # a standing person's shoulder width to height, for the drawing only


@dataclass(frozen=True)
class Box:
    """A rectangle in elevation mm: ``x`` its left edge, ``y`` its bottom edge above the floor."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2

    @property
    def centre_y(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class PlacedPlaque:
    """A plaque of the standard at its place on the entrance wall."""

    plaque: str
    position: str
    box: Box


@dataclass(frozen=True)
class Dimension:
    """A dimension line measuring from ``start`` to ``end``, drawn ``offset`` mm aside.

    Horizontal dimensions are drawn below (negative offset) or above; vertical ones to the
    left (negative) or right. ``label`` is the measured length in mm.
    """

    id: str
    start: tuple[float, float]
    end: tuple[float, float]
    offset: float
    label: str


@dataclass(frozen=True)
class Elevation:
    """Everything an entrance drawing shows, placed in mm."""

    origin: str
    logo_placement: str
    wall: Box
    door: Box
    plaques: tuple[PlacedPlaque, ...]
    logo: Box
    figure: Box
    dimensions: tuple[Dimension, ...]
    wall_widened: bool
    wall_raised: bool

    def at(self, position: str) -> PlacedPlaque | None:
        """The plaque drawn at ``position`` (above_door, left_of_door, right_of_door)."""
        return next((p for p in self.plaques if p.position == position), None)

    @property
    def extent(self) -> Box:
        """The box holding the wall, the logo and the figure (not the dimensions)."""
        boxes = [self.wall, self.logo, self.figure, *(p.box for p in self.plaques)]
        left = min(b.x for b in boxes)
        bottom = min(b.y for b in boxes)
        return Box(left, bottom, max(b.right for b in boxes) - left,
                   max(b.top for b in boxes) - bottom)


def entrance_plaques(standard: Standard) -> dict[str, str]:
    """position -> plaque id for the plaques the standard puts at the entrance."""
    found: dict[str, str] = {}
    for plaque in standard.plaques:
        if plaque.position in ENTRANCE_POSITIONS and plaque.position not in found:
            found[plaque.position] = plaque.id
    return found


def entrance_elevation(standard: Standard, sizes: Mapping[str, tuple[float, float]], *,
                       origin: str, door_width_mm: float | None = None,
                       door_height_mm: float | None = None) -> Elevation:
    """Place the entrance: door centred at x = 0, plaques around it, logo per the origin.

    ``sizes`` maps plaque id -> (width, height) in mm of the plaques as laid out (the name
    sign's width follows its text). When the name sign (with a front logo) is wider than
    the wall would be, the wall is drawn wider (``wall_widened``); when the sign reaches
    the top of the wall, taller (``wall_raised``).

    Raises:
        SigngenError: unknown origin, no entrance defaults, or a missing plaque size.
    """
    entrance = standard.project_defaults.entrance
    if entrance is None:
        raise SigngenError(f"{standard.id}: expected project_defaults.entrance for an "
                           "elevation, got none")
    found = next((o for o in standard.origins if o.id == origin or o.name == origin), None)
    if found is None:
        known = ", ".join(f"{o.id} ({o.name})" for o in standard.origins) or "none"
        raise SigngenError(f"origin: expected one of {known}, got {origin!r}")
    door_w = door_width_mm or entrance.door_width_mm
    door_h = door_height_mm or entrance.door_height_mm
    gap_side, gap_above = entrance.gap_beside_door_mm, entrance.gap_above_door_mm
    door = Box(-door_w / 2, 0.0, door_w, door_h)

    def size(plaque_id: str) -> tuple[float, float]:
        if plaque_id not in sizes:
            raise SigngenError(f"elevation: expected the size of plaque {plaque_id!r}, got none")
        return sizes[plaque_id]

    placed: list[PlacedPlaque] = []
    ids = entrance_plaques(standard)
    if LEFT in ids:
        w, h = size(ids[LEFT])
        y = standard.layout(ids[LEFT]).mounting_height_mm
        placed.append(PlacedPlaque(ids[LEFT], LEFT, Box(door.x - gap_side - w, y, w, h)))
    if RIGHT in ids:
        w, h = size(ids[RIGHT])
        y = standard.layout(ids[RIGHT]).mounting_height_mm
        placed.append(PlacedPlaque(ids[RIGHT], RIGHT, Box(door.right + gap_side, y, w, h)))
    sign: Box | None = None
    if ABOVE in ids:
        w, h = size(ids[ABOVE])
        sign = Box(-w / 2, door.top + gap_above, w, h)
        placed.append(PlacedPlaque(ids[ABOVE], ABOVE, sign))

    side_right = max([door.right, *(p.box.right for p in placed if p.position == RIGHT)])
    fig_h = entrance.figure_height_mm
    figure = Box(side_right + gap_side, 0.0, fig_h * FIGURE_WIDTH_RATIO, fig_h)
    logo_size = entrance.logo_size_mm
    on_roof = found.logo_placement == "roof" or sign is None

    # The wall is symmetric about the door; its usual half width holds the side plaques and
    # the figure, plus one side gap of wall beyond them.
    half = max(-min([door.x, *(p.box.x for p in placed if p.position == LEFT)]),
               figure.right) + gap_side
    wide = 0.0
    if sign is not None:
        wide = max(-sign.x, sign.right)
        if not on_roof:
            wide = max(wide, -(sign.x - logo_size))
        wide += gap_side
    wall_half = max(half, wide)
    wall_h = entrance.wall_height_mm
    needed_h = (sign.top + gap_above) if sign is not None else wall_h
    wall = Box(-wall_half, 0.0, 2 * wall_half, max(wall_h, needed_h))
    if on_roof:
        logo = Box(wall.centre_x - logo_size / 2, wall.top, logo_size, logo_size)
    else:
        assert sign is not None
        logo = Box(sign.x - logo_size, sign.centre_y - logo_size / 2, logo_size, logo_size)
    elevation = Elevation(found.id, "roof" if on_roof else found.logo_placement, wall, door,
                          tuple(placed), logo, figure, (), wide > half, needed_h > wall_h)
    return _with_dimensions(elevation, gap_side)


def _with_dimensions(e: Elevation, gap_side: float) -> Elevation:
    """Door width and height, mounting heights, sign size, gap beside the door, figure."""
    step = max(250.0, e.wall.height / 18)
    dims: list[Dimension] = [
        Dimension("door-width", (e.door.x, 0.0), (e.door.right, 0.0), -step,
                  mm_label(e.door.width)),
        Dimension("door-height", (e.door.x, 0.0), (e.door.x, e.door.top), step,
                  mm_label(e.door.height)),
        Dimension("wall-height", (e.wall.x, 0.0), (e.wall.x, e.wall.top), -3 * step,
                  mm_label(e.wall.height)),
        Dimension("figure-height", (e.figure.right, 0.0), (e.figure.right, e.figure.top),
                  step, mm_label(e.figure.height)),
    ]
    sign = e.at(ABOVE)
    if sign is not None:
        b = sign.box
        dims += [
            Dimension("name-sign-bottom", (e.wall.x, 0.0), (e.wall.x, b.y), -2 * step,
                      mm_label(b.y)),
            Dimension("name-sign-width", (b.x, b.top), (b.right, b.top), step,
                      mm_label(b.width)),
            Dimension("name-sign-height", (b.right, b.y), (b.right, b.top), step,
                      mm_label(b.height)),
        ]
    for placed in e.plaques:
        if placed.position == ABOVE:
            continue
        b = placed.box
        side = "left" if placed.position == LEFT else "right"
        x = b.x if placed.position == LEFT else b.right
        dims += [
            Dimension(f"{side}-plaque-bottom", (x, 0.0), (x, b.y),
                      -step if placed.position == LEFT else step, mm_label(b.y)),
            Dimension(f"{side}-plaque-width", (b.x, b.top), (b.right, b.top), step,
                      mm_label(b.width)),
        ]
        if gap_side > 0:
            start, end = ((b.right, b.y), (e.door.x, b.y)) if placed.position == LEFT \
                else ((e.door.right, b.y), (b.x, b.y))
            dims.append(Dimension(f"{side}-plaque-gap", start, end, -step, mm_label(gap_side)))
    return Elevation(e.origin, e.logo_placement, e.wall, e.door, e.plaques, e.logo, e.figure,
                     tuple(dims), e.wall_widened, e.wall_raised)
