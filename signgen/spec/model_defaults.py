"""The project defaults of the spec model: every value a standard leaves open, each with a
reason (see ``project_defaults:`` in ``specs/<id>/defaults.yml``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from signgen.spec.model_base import Hex, Id, NonNegative, Percent, Positive, Strict, Text

# --- project defaults -------------------------------------------------------------------


class Default(Strict):
    """A value the standard does not fix; signgen's choice, with a one-line reason."""

    reason: Text = Field(description="why signgen chose this value, in English")
    reason_zh: str = Field("", description="the same reason in Chinese, for the Chinese site")

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` ("zh" or "en"), falling back to English."""
        return self.reason_zh if lang == "zh" and self.reason_zh else self.reason


class ColourValue(Default):
    colour: Id
    hex: Hex
    cmyk: Annotated[list[Percent], Field(min_length=4, max_length=4)]


class FontFamily(Strict):
    family: Text = Field(description="exact fontconfig family name")
    style: Text = "Regular"


class TypefaceSubstitute(Default):
    typeface: Id
    families: list[FontFamily] = Field(min_length=1)
    debian_packages: list[Text] = Field(min_length=1)


class SegmentStyle(Strict):
    """Typeface and colour for a segment whose style the standard leaves open."""

    segment: Id
    typeface: Id
    colour: Id


class PlaqueLayout(Default):
    """How a plaque is laid out: size the standard leaves open, lines, margins, letters."""

    plaque: Id
    height_mm: Positive | None = None
    width_mm: Positive | None = None
    width_from_text: bool = Field(
        False, description="width follows the fitted text plus margins (within min/max)")
    min_width_mm: Positive | None = None
    max_width_mm: Positive | None = None
    margin_mm: NonNegative
    line_gap: NonNegative = Field(0.25, description="gap between lines, in letter heights")
    lines: list[list[Id]] = Field(min_length=1, description="segment ids on each line")
    max_letter_height_mm: Positive = Field(
        description="largest letter height: the em (body) size, not the measured ink height")
    min_letter_height_mm: Positive = Field(
        description="smallest letter height: the em (body) size, not the measured ink height")
    mounting_height_mm: NonNegative = Field(description="floor to the plaque's lower edge")
    viewing_distance_m: Positive | None = Field(
        None, description="typical reading distance; sets a minimum letter height")
    background: Id | None = Field(None, description="where the standard gives none")
    segment_styles: list[SegmentStyle] = Field(default_factory=list)


class Tolerance(Default):
    id: Id
    applies_to: Literal["plaque_size", "area", "letter_height", "mounting_height", "colour"]
    plus_minus: NonNegative
    unit: Literal["mm", "cm", "m2", "delta_e2000"]


class Legibility(Default):
    """Minimum letter height from viewing distance: mm of letter per metre of distance."""

    mm_per_metre: Positive


class Entrance(Default):
    door_width_mm: Positive
    door_height_mm: Positive
    wall_height_mm: Positive
    gap_above_door_mm: NonNegative
    gap_beside_door_mm: NonNegative
    logo_size_mm: Positive
    figure_height_mm: Positive


class FunctionZone(Default):
    function: Id
    zone: Id


class PrintSetup(Default):
    """How print and cutting files are made: bleed, marks, profile, large signs."""

    bleed_mm: NonNegative = Field(description="bleed around a trimmed plaque")
    no_bleed_plaques: list[Id] = Field(
        default_factory=list, description="banner-type signs, made without bleed")
    crop_mark_length_mm: Positive
    crop_mark_offset_mm: NonNegative = Field(description="gap between trim and a crop mark")
    icc_profile: Text = Field(description="CMYK ICC profile file of the PDF/X output intent")
    output_condition: Text = Field(description="the output intent's condition, as text")
    panel_width_mm: Positive = Field(description="long side of a panel sheet (1:1 tiles)")
    panel_height_mm: Positive = Field(description="short side of a panel sheet")
    panel_overlap_mm: NonNegative
    reduced_scale: Positive = Field(description="N of the 1:N PDF of a sign past PDF limits")


class QrCodes(Default):
    """How big the audit sheet's QR codes print: a floor on the symbol and on each module."""

    min_size_mm: Positive = Field(description="smallest printed side of a code, quiet zone in")
    min_module_mm: Positive = Field(description="smallest printed side of one module")


class ProjectDefaults(Strict):
    """Every value signgen needs that the standard leaves open."""

    colour_values: list[ColourValue] = Field(default_factory=list)
    typeface_substitutes: list[TypefaceSubstitute] = Field(default_factory=list)
    plaque_layouts: list[PlaqueLayout] = Field(default_factory=list)
    tolerances: list[Tolerance] = Field(default_factory=list)
    legibility: Legibility | None = None
    entrance: Entrance | None = None
    function_zones: list[FunctionZone] = Field(default_factory=list)
    print_setup: PrintSetup | None = None
    qr_codes: QrCodes | None = None
