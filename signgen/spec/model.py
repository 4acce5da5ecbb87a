"""The validated model of a standard: what the spec files in ``specs/<id>/`` contain.

Every spec file is a mapping of *sections* (``plaques:``, ``functions:``...). The files of
one standard are merged; each section may appear in only one file. Items of the standard
itself carry a :class:`Citation`; values the standard does not fix live under
``project_defaults:`` and each carries a ``reason``. Nothing here knows the content of any
particular standard: that is data.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Positive = Annotated[float, Field(gt=0, allow_inf_nan=False)]
NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Hex = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
IsoDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


class Strict(BaseModel):
    """Base: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Citation(Strict):
    """Where a rule comes from: a clause of a source document and its exact words."""

    clause: Id = Field(description="id of a clause in `clauses:`")
    quote: Text = Field(description="the original Chinese words, verbatim from the clause")


class Cited(Strict):
    """An item of the standard itself."""

    id: Id
    citation: Citation


Level = Literal["required", "recommended", "encouraged", "examples"]
"""How strongly the standard asks for an item, as its own words say (``level_quote``).

- ``required``: the text sets it (应, 要求, 设置, 悬挂, 不少于...): a plan or site without it fails;
- ``recommended``: the text suggests it (建议): never fails, reported apart;
- ``encouraged``: the text encourages it where conditions allow (鼓励, 在条件允许的情况下):
  never fails, reported apart;
- ``examples``: one of an open list (主要有…等): an example, required by nothing alone; what
  is checked is what the clause itself requires of the whole (e.g. each window has a sign).
"""
LEVELS: tuple[str, ...] = ("required", "recommended", "encouraged", "examples")
FAILING_LEVELS: frozenset[str] = frozenset({"required"})  # the only level a missing item fails


class Leveled(Cited):
    """A checkable item: its level and the words of its clause that set the level."""

    level: Level = Field(description="required | recommended | encouraged | examples "
                                     "(an open list: 主要有…等); from the text, never assumed")
    level_quote: Text = Field(description="the words of the cited clause that set the level, "
                                          "verbatim (e.g. 建议设置, 主要有, 鼓励社区设置)")

    @property
    def can_fail(self) -> bool:
        """True when a plan or site lacking this item fails (the level is ``required``)."""
        return self.level in FAILING_LEVELS


class ProjectAddition(Strict):
    """Marks something the project adds that the standard does not name, with its reason."""

    reason: Text = Field(description="why signgen adds it, in English")
    reason_zh: Text = Field(description="the same reason in Chinese")

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` ("zh" or "en")."""
        return self.reason_zh if lang == "zh" else self.reason


class ProjectAliases(ProjectAddition):
    """Names the project accepts for a function, not given by the standard.

    A plan or survey may use them; a plaque never shows them (it shows the standard's name).
    """

    names: list[Text] = Field(min_length=1)


class Amendment(ProjectAddition):
    """A deliberate local change to a number the cited quote gives (e.g. a district's own
    minimum); ``validate`` accepts the difference and the site shows it with its reason."""


class Named(Cited):
    """A cited item with a Chinese name and an English one."""

    name: Text
    name_en: Text


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

    def substitute(self, typeface_id: str) -> TypefaceSubstitute:
        return next(s for s in self.project_defaults.typeface_substitutes
                    if s.typeface == typeface_id)

    def tolerance(self, applies_to: str) -> Tolerance | None:
        return next((t for t in self.project_defaults.tolerances if t.applies_to == applies_to),
                    None)

    def function_zone(self, function_id: str) -> str | None:
        return next((z.zone for z in self.project_defaults.function_zones
                     if z.function == function_id), None)
