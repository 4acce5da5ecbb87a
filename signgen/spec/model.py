"""The validated model of a standard: what the spec files in ``specs/<id>/`` contain.

Every spec file is a mapping of *sections* (``plaques:``, ``functions:``...). The files of
one standard are merged; each section may appear in only one file. Items of the standard
itself carry a :class:`Citation`; values the standard does not fix live under
``project_defaults:`` and each carries a ``reason``. Nothing here knows the content of any
particular standard: that is data.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from signgen.spec.model_base import (
    FAILING_LEVELS,
    LEVELS,
    Amendment,
    Citation,
    Cited,
    Hex,
    Id,
    IsoDate,
    Level,
    Leveled,
    Named,
    NonNegative,
    Percent,
    Positive,
    ProjectAddition,
    ProjectAliases,
    Strict,
    Text,
)
from signgen.spec.model_defaults import (
    ColourValue,
    Default,
    Entrance,
    FontFamily,
    FunctionZone,
    Legibility,
    PlaqueLayout,
    PrintSetup,
    ProjectDefaults,
    SegmentStyle,
    Tolerance,
    TypefaceSubstitute,
)

__all__ = [
    "FAILING_LEVELS",
    "LEVELS",
    "Amendment",
    "Citation",
    "Cited",
    "ColourValue",
    "Default",
    "Entrance",
    "FontFamily",
    "FunctionZone",
    "Hex",
    "Id",
    "IsoDate",
    "Legibility",
    "Level",
    "Leveled",
    "Named",
    "NonNegative",
    "Percent",
    "PlaqueLayout",
    "Positive",
    "PrintSetup",
    "ProjectAddition",
    "ProjectAliases",
    "ProjectDefaults",
    "SegmentStyle",
    "Strict",
    "Text",
    "Tolerance",
    "TypefaceSubstitute",
]

# --- meta -------------------------------------------------------------------------------


class StandardInfo(Strict):
    """The standard as published: titles, edition, date."""

    id: Id
    title: Text
    title_en: Text
    edition: Text
    date: IsoDate = Field(description="date of this edition, YYYY-MM-DD, in quotes")
    summary: Text
    summary_en: Text
    role: Literal["core", "supplementary"] = "core"


class Document(Strict):
    """A source document the clauses come from."""

    id: Id
    title: Text
    title_en: Text
    note: str = ""


class Clause(Strict):
    """A clause of a source document, with its full original text."""

    id: Id
    document: Id
    number: Text = Field(description="the clause number as printed, e.g. 四(一)2")
    title: Text
    title_en: Text
    text: Text = Field(description="the original Chinese text of the clause")
    digest_en: Text = Field(description="a short English digest; the Chinese wins")


class TemplateField(Strict):
    """A value filled in per community, e.g. the district name."""

    id: Id
    label: Text
    label_en: Text
    placeholder: Text = Field(description="what a plaque shows when no value is given")
    example: Text
    choices: list[Text] = Field(default_factory=list, description="allowed values, if closed")


# --- the standard's items ---------------------------------------------------------------


class KnownAs(Strict):
    """The names under which a typeface or colour the standard names is published or
    spoken of (方正大标宋, FZDaBiaoSong-B06S; 大红, 正红): the project's reading, with why."""

    names: list[Text] = Field(min_length=1)
    reason: Text = Field(description="why these names count as the standard's one, in English")
    reason_zh: str = ""


class Typeface(Named):
    """A typeface role the standard names (e.g. 宋体(大标宋))."""

    style: Literal["song", "kai", "hei", "fangsong", "li"]
    known_as: KnownAs | None = Field(
        None, description="font family names that are this typeface (not the substitutes)")


class Colour(Named):
    """A colour the standard names (e.g. 红色); its exact value is a project default."""

    known_as: KnownAs | None = Field(None, description="colour names that mean this colour")


class Zone(Named):
    """A kind of floor space (e.g. office space, activity space)."""


class LeveledNamed(Leveled):
    """A checkable item with a Chinese name and an English one."""

    name: Text
    name_en: Text


class AreaRule(LeveledNamed):
    """A minimum floor area, for one zone or (zone omitted) for the premises in total."""

    zone: Id | None = None
    min_m2: Positive
    amendment: Amendment | None = Field(
        None, description="set when min_m2 deliberately differs from the number in the quote")


class Function(LeveledNamed):
    """A room function: required ("set") or encouraged.

    ``alt_names`` are the other names the standard itself gives (each found verbatim in the
    quote, e.g. 社区接访室(矛盾调解室、心理慰藉室)): a room planned under one keeps it on its
    plaque. ``project_aliases`` are names the project accepts as well (short forms): they are
    the project's, and a plaque shows the standard's name instead.
    """

    alt_names: list[Text] = Field(default_factory=list)
    project_aliases: ProjectAliases | None = None

    @property
    def standard_names(self) -> list[str]:
        """The standard's names for this function: its name first, then the alternatives."""
        return [self.name, *self.alt_names]

    @property
    def all_names(self) -> list[str]:
        """Every accepted name: the standard's, then the project's aliases."""
        aliases = self.project_aliases.names if self.project_aliases else []
        return [*self.standard_names, *aliases]


class Origin(Named):
    """A way the premises were obtained, and where the unified logo goes for it."""

    logo_placement: Literal["roof", "name_sign_front"]


class Segment(Strict):
    """A run of plaque text in one typeface and colour; ``{field}`` fills in a value.

    Typeface and colour are left out where the standard does not give them; the plaque's
    layout in the project defaults then supplies them (``segment_styles``).
    """

    id: Id
    text: Text
    typeface: Id | None = None
    colour: Id | None = None


class Size(Strict):
    """A plaque size as the standard gives it; either side may be left to the defaults."""

    height_mm: Positive | None = None
    width_mm: Positive | None = None


class Plaque(LeveledNamed):
    """A sign or plaque: its text segments, colours, size and where it is mounted.

    ``project_addition`` marks a sign the standard does not name (e.g. a header on each board
    the standard recommends): the project's own, shown as such everywhere.
    """

    kind: Literal["outdoor", "indoor"]
    placement: Text
    placement_en: Text
    repeat: Literal["once", "per_window", "per_room", "per_board"] = "once"
    position: Literal["above_door", "left_of_door", "right_of_door", "lobby", "window",
                      "room", "courtyard"] | None = Field(
        None, description="where the standard puts it, as a place an elevation can draw "
                          "(e.g. 门楣正上方 = above_door); omit where not stated")
    background: Id | None = Field(None, description="omit where the standard gives none")
    size: Size
    segments: list[Segment] = Field(min_length=1)
    project_addition: ProjectAddition | None = Field(
        None, description="set for a sign the project adds: the standard does not name it")
    amendment: Amendment | None = Field(
        None, description="set when the size deliberately differs from the number in the quote")


class Category(LeveledNamed):
    """A listed item such as a service-window category or a bulletin board."""


class Quantity(Named):
    """A measurable requirement: ``subject comparator value unit [per period]``."""

    comparator: Literal[">=", "<=", "=="]
    value: float
    unit: Text
    per: Literal["day", "week", "month", "year"] | None = None
    amendment: Amendment | None = Field(
        None, description="set when value deliberately differs from the number in the quote")


class Rule(Cited):
    """A requirement or principle stated in prose; ``check`` says what an auditor looks at."""

    title: Text
    title_en: Text
    text_en: Text
    kind: Literal["principle", "requirement", "recommendation"]
    check: str = ""
    check_en: str = ""
    origins: list[Id] = Field(
        default_factory=list,
        description="origin ids the rule applies to, when the text limits it (empty: all)")
    per_origin: bool = Field(
        False, description="what is required depends on the origin: each origin's citation says")


# --- a spec file and the whole standard -------------------------------------------------


class SpecFile(Strict):
    """One spec file: any subset of the sections below (each section in one file only)."""

    standard: StandardInfo | None = None
    documents: list[Document] | None = None
    clauses: list[Clause] | None = None
    fields: list[TemplateField] | None = None
    typefaces: list[Typeface] | None = None
    colours: list[Colour] | None = None
    zones: list[Zone] | None = None
    area_rules: list[AreaRule] | None = None
    functions: list[Function] | None = None
    origins: list[Origin] | None = None
    plaques: list[Plaque] | None = None
    window_categories: list[Category] | None = None
    boards: list[Category] | None = None
    quantities: list[Quantity] | None = None
    rules: list[Rule] | None = None
    project_defaults: ProjectDefaults | None = None


SECTIONS: tuple[str, ...] = tuple(SpecFile.model_fields)


class Standard(Strict):
    """A whole standard: the merged, cross-checked sections of its spec files."""

    standard: StandardInfo
    documents: list[Document]
    clauses: list[Clause]
    fields: list[TemplateField] = Field(default_factory=list)
    typefaces: list[Typeface] = Field(default_factory=list)
    colours: list[Colour] = Field(default_factory=list)
    zones: list[Zone] = Field(default_factory=list)
    area_rules: list[AreaRule] = Field(default_factory=list)
    functions: list[Function] = Field(default_factory=list)
    origins: list[Origin] = Field(default_factory=list)
    plaques: list[Plaque] = Field(default_factory=list)
    window_categories: list[Category] = Field(default_factory=list)
    boards: list[Category] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    project_defaults: ProjectDefaults = Field(default_factory=ProjectDefaults)

    @property
    def id(self) -> str:
        return self.standard.id

    def clause(self, clause_id: str) -> Clause:
        return next(c for c in self.clauses if c.id == clause_id)

    def plaque(self, plaque_id: str) -> Plaque:
        return next(p for p in self.plaques if p.id == plaque_id)

    def typeface(self, typeface_id: str) -> Typeface:
        return next(t for t in self.typefaces if t.id == typeface_id)

    def colour(self, colour_id: str) -> Colour:
        return next(c for c in self.colours if c.id == colour_id)

    def colour_value(self, colour_id: str) -> ColourValue:
        return next(c for c in self.project_defaults.colour_values if c.colour == colour_id)

    def layout(self, plaque_id: str) -> PlaqueLayout:
        return next(p for p in self.project_defaults.plaque_layouts if p.plaque == plaque_id)

    def minimum_letter_height(self, plaque_id: str) -> float:
        """max(layout minimum, viewing distance × legibility mm per metre), in mm."""
        layout = self.layout(plaque_id)
        legibility = self.project_defaults.legibility
        from_distance = (layout.viewing_distance_m * legibility.mm_per_metre
                         if layout.viewing_distance_m is not None and legibility is not None
                         else 0.0)
        return max(layout.min_letter_height_mm, from_distance)

    def substitute(self, typeface_id: str) -> TypefaceSubstitute:
        return next(s for s in self.project_defaults.typeface_substitutes
                    if s.typeface == typeface_id)

    def tolerance(self, applies_to: str) -> Tolerance | None:
        return next((t for t in self.project_defaults.tolerances if t.applies_to == applies_to),
                    None)

    def function_zone(self, function_id: str) -> str | None:
        return next((z.zone for z in self.project_defaults.function_zones
                     if z.function == function_id), None)
