"""A plaque's text for one community: the spec's segments with the values filled in.

This is the single place where a plaque's segments become its lines of real text (filled by
:func:`signgen.spec.template.fill_template`), so that the renderer, the sign schedule, the
audit and the site all agree on what a plaque says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from signgen.errors import SigngenError
from signgen.spec.model import Plaque, PlaqueLayout, Standard
from signgen.spec.template import fill_template


@dataclass(frozen=True)
class Run:
    """Text in one typeface and colour (ids from the spec)."""

    segment: str
    text: str
    typeface: str
    colour: str


@dataclass(frozen=True)
class PlaqueText:
    """What one plaque says, line by line, and how it is styled."""

    plaque: Plaque
    layout: PlaqueLayout
    lines: tuple[tuple[Run, ...], ...]
    background: str
    height_mm: float
    width_mm: float | None  # None: follows the text (layout.width_from_text)

    @property
    def text(self) -> str:
        """The whole plaque text on one line, as a person would type it."""
        return "".join(run.text for line in self.lines for run in line)


def plaque_text(standard: Standard, plaque_id: str, values: Mapping[str, str] | None = None
                ) -> PlaqueText:
    """Resolve a plaque's lines for the given field values (missing ones show placeholders).

    Raises:
        SigngenError: unknown plaque id, or a value outside a field's choices.
    """
    values = dict(values or {})
    plaque = next((p for p in standard.plaques if p.id == plaque_id), None)
    if plaque is None:
        known = ", ".join(p.id for p in standard.plaques)
        raise SigngenError(f"plaque: expected one of {known}, got {plaque_id!r}")
    for f in standard.fields:
        value = values.get(f.id, "").strip()
        if value and f.choices and value not in f.choices:
            raise SigngenError(f"{f.id}: expected one of {', '.join(f.choices)}, got {value!r}")
    placeholders = {f.id: f.placeholder for f in standard.fields}
    layout = standard.layout(plaque_id)
    styles = {s.segment: s for s in layout.segment_styles}
    segments = {s.id: s for s in plaque.segments}
    lines = []
    for line in layout.lines:
        runs = []
        for seg_id in line:
            seg = segments[seg_id]
            style = styles.get(seg_id)
            typeface = seg.typeface or (style.typeface if style else None)
            colour = seg.colour or (style.colour if style else None)
            if typeface is None or colour is None:
                raise SigngenError(f"plaque {plaque_id}: segment {seg_id}: expected a typeface "
                                   "and colour from the spec or its layout, got none")
            runs.append(Run(seg_id, fill_template(seg.text, values, placeholders), typeface,
                            colour))
        lines.append(tuple(runs))
    background = plaque.background or layout.background
    assert background is not None  # the loader checks every plaque has a background
    height = plaque.size.height_mm or layout.height_mm
    width = plaque.size.width_mm or layout.width_mm
    assert height is not None  # the loader checks every plaque has a height
    return PlaqueText(plaque, layout, tuple(lines), background, height,
                      None if layout.width_from_text else width)
