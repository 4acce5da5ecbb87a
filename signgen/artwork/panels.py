"""Where a large sign is cut into 1:1 panels: between characters, on a panel sheet.

Pure geometry in mm. A panel is at most the sheet's long side wide (``panel_width_mm`` of
the project defaults, overlap included) and the sign must fit the sheet's short side in
height. Cuts fall in the gaps between the ink of neighbouring characters, as far along as a
panel allows; neighbouring panels overlap by ``panel_overlap_mm`` centred on the cut, so
the fitter can align them.
"""

from __future__ import annotations

from dataclasses import dataclass

from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry
from signgen.spec.model import PrintSetup, Standard


@dataclass(frozen=True, slots=True)
class Panel:
    """One panel: its number (from 1) and its left and right edges on the sign, in mm."""

    number: int
    left_mm: float
    right_mm: float

    @property
    def width_mm(self) -> float:
        """The panel's width, overlap included."""
        return self.right_mm - self.left_mm


def print_setup(standard: Standard) -> PrintSetup:
    """The standard's print set-up (project defaults: bleed, ICC profile, panels).

    Raises:
        SigngenError: the standard has none.
    """
    setup = standard.project_defaults.print_setup
    if setup is None:
        raise SigngenError(f"{standard.id}: project_defaults.print_setup: expected the print "
                           "set-up (bleed, ICC profile, panels), got none")
    return setup


def ink_spans(geometry: PlaqueGeometry, fonts: FontBook) -> list[tuple[float, float]]:
    """The horizontal ink extent (left, right) of every inked glyph, in mm, left to right."""
    spans = []
    for g in geometry.glyphs:
        face = fonts.face(g.face)
        bounds = face.bounds(g.glyph)
        if bounds is not None:
            s = g.size_mm / face.units_per_em
            spans.append((g.x_mm + bounds[0] * s, g.x_mm + bounds[2] * s))
    return sorted(spans)


def _gaps(spans: list[tuple[float, float]]) -> list[float]:
    """Mid-points of the gaps between characters' ink (where no ink is), left to right."""
    gaps = []
    reach = spans[0][1] if spans else 0.0
    for left, right in spans[1:]:
        if left > reach:
            gaps.append((reach + left) / 2)
        reach = max(reach, right)
    return gaps


def split_panels(geometry: PlaqueGeometry, fonts: FontBook, *, sheet_long_mm: float,
                 sheet_short_mm: float, overlap_mm: float) -> list[Panel]:
    """Cut the sign into panels between characters (see the module docstring).

    Raises:
        SigngenError: the sign is taller than the sheet, or two cuts in a row cannot be
            placed between characters within one sheet.
    """
    if geometry.height_mm > sheet_short_mm:
        raise SigngenError(
            f"plaque {geometry.plaque_id}: panels: expected a sign at most "
            f"{sheet_short_mm:g} mm high (project_defaults.print_setup.panel_height_mm), "
            f"got {geometry.height_mm:g} mm")
    width = geometry.width_mm
    half = overlap_mm / 2
    gaps = _gaps(ink_spans(geometry, fonts))
    panels: list[Panel] = []
    left = 0.0
    while width - left > sheet_long_mm:
        limit = left + sheet_long_mm - half
        fitting = [c for c in gaps if left + half < c <= limit]
        if not fitting:
            raise SigngenError(
                f"plaque {geometry.plaque_id}: panels: expected a gap between characters "
                f"within {sheet_long_mm:g} mm of {left:g} mm (panel_width_mm), got none; "
                "use a longer panel sheet or smaller letters")
        cut = fitting[-1]
        panels.append(Panel(len(panels) + 1, left, cut + half))
        left = cut - half
    panels.append(Panel(len(panels) + 1, left, width))
    return panels


def sign_panels(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook) -> list[Panel]:
    """The 1:1 panels of a sign on the print set-up's panel sheet (print PDF and PNG tiles).

    Raises:
        SigngenError: as :func:`split_panels`, or no print set-up.
    """
    setup = print_setup(standard)
    return split_panels(geometry, fonts, sheet_long_mm=setup.panel_width_mm,
                        sheet_short_mm=setup.panel_height_mm, overlap_mm=setup.panel_overlap_mm)
