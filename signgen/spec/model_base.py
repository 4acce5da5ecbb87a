"""The building blocks of the spec model: value types, citations, levels, project marks.

See :mod:`signgen.spec.model` for what a spec file contains.
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
