"""The types of the audit: an :class:`AuditItem`, the site it is checked on, and how texts
and tolerances are compared."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from signgen.spec.model import Clause, Quantity, Tolerance

Kind = Literal["area", "function", "plaque-size", "plaque-placement", "plaque-text",
               "plaque-colours",
               "plaque-typefaces", "window", "board", "rule", "quantity"]

@dataclass(frozen=True)
class Room:
    """A room of the site being audited: its name, function ids and, where the plan gave
    them, the standard's names it used for them (its plaque text, as in the schedule)."""

    name: str
    functions: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    """What a plan says is on site: rooms, service windows and boards (names as shown)."""

    rooms: tuple[Room, ...] = ()
    windows: tuple[str, ...] = ()
    boards: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when no plan gave rooms, windows or boards."""
        return not (self.rooms or self.windows or self.boards)


@dataclass(frozen=True)
class StyledPart:
    """One part of a plaque whose colour or typeface the standard fixes."""

    key: str  # segment id, or "background"
    label: str  # the part's text for this community, or the word for background
    spec_id: str  # colour id or typeface id


@dataclass(frozen=True)
class AuditItem:
    """One thing an auditor checks, with what the standard requires of it."""

    id: str
    kind: Kind
    page: str  # id of the site page that explains it (see :func:`rule_url`)
    group: str  # items of one group share a page of the audit sheet
    title: str
    title_en: str
    check: str
    check_en: str
    clause: Clause
    quote: str
    level: str  # required, recommended, requirement, recommendation...
    required: str
    required_en: str
    tolerance: Tolerance | None = None
    min_m2: float | None = None
    size_cm: tuple[float | None, float | None] = (None, None)  # height, width
    text_pattern: str | None = None  # regex on normalise_text(observed)
    parts: tuple[StyledPart, ...] = ()
    quantity: Quantity | None = None
    fields: tuple[str, ...] = field(default=())  # what the auditor fills besides result, note
    origins: tuple[str, ...] = ()  # origin ids the text limits the item to (empty: all)
    project_addition: bool = False  # a sign the project adds: the standard does not name it


def normalise_text(text: str) -> str:
    """Text as compared: NFKC (full-width ，（） become ,()), every whitespace removed.

    >>> normalise_text("党支部（党总支）， 居委会")
    '党支部(党总支),居委会'
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


def tolerance_cm(tol: Tolerance | None) -> float:
    """A length tolerance in centimetres (0 when there is none)."""
    if tol is None:
        return 0.0
    return {"mm": 0.1, "cm": 1.0}.get(tol.unit, 1.0) * tol.plus_minus
