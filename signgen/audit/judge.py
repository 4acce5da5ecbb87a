"""Judge a filled survey: every item passes, fails, is not applicable or was not checked.

Measured and observed values are judged by signgen, against what the standard requires and
the project-default tolerance; the auditor's own ``result`` counts only where signgen has
nothing to judge. When both exist and disagree, signgen's judgement wins and says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from signgen.audit.items import (
    AuditItem,
    normalise_text,
    quantity_requirement,
    tolerance_cm,
)
from signgen.audit.survey import Entry, Survey, tolerance_text
from signgen.output.numbers import measured
from signgen.spec.model import Standard

Status = Literal["pass", "fail", "na", "unchecked"]
STATUS_ORDER: tuple[Status, ...] = ("fail", "pass", "unchecked", "na")
TEXT_RULE = "compared without whitespace, full-width punctuation read as half-width"


@dataclass(frozen=True)
class Judgement:
    """signgen's verdict on measured or observed values, with the figures that decided it."""

    status: Literal["pass", "fail"]
    message: str


@dataclass(frozen=True)
class Outcome:
    """One item's final status, who decided it and why."""

    item: AuditItem
    status: Status
    decided_by: Literal["signgen", "auditor", ""]
    message: str
    auditor_result: str | None = None
    overridden: bool = False  # the auditor's result disagreed with signgen's judgement
    note: str = ""


@dataclass(frozen=True)
class Score:
    """How much was checked and how much of it passed (not-applicable items excluded)."""

    passed: int
    failed: int
    checked: int
    total: int
    not_applicable: int

    def __str__(self) -> str:
        return (f"passed {self.passed} / checked {self.checked}; checked {self.checked} / "
                f"{self.total} applicable items ({self.not_applicable} not applicable)")


@dataclass(frozen=True)
class AuditReport:
    """The judged survey: outcomes in item order and the score."""

    survey: Survey
    outcomes: list[Outcome]
    score: Score

    @property
    def failures(self) -> list[Outcome]:
        """The failed items, in item order."""
        return [o for o in self.outcomes if o.status == "fail"]

    def ordered(self) -> list[Outcome]:
        """Failures first, then passes, unchecked and not applicable; item order within."""
        return sorted(self.outcomes, key=lambda o: STATUS_ORDER.index(o.status))


def audit(survey: Survey) -> AuditReport:
    """Judge every item of ``survey``; unchecked items are counted, never failed."""
    outcomes = [judge_item(survey.standard, item, survey.entries.get(item.id, Entry()))
                for item in survey.items]
    count = {s: sum(1 for o in outcomes if o.status == s) for s in STATUS_ORDER}
    score = Score(passed=count["pass"], failed=count["fail"],
                  checked=count["pass"] + count["fail"],
                  total=len(outcomes) - count["na"], not_applicable=count["na"])
    return AuditReport(survey, outcomes, score)


def judge_item(standard: Standard, item: AuditItem, entry: Entry) -> Outcome:
    """The outcome of one item: signgen's judgement when values were recorded, else the
    auditor's result, else not checked."""
    judged = judge_values(standard, item, entry)
    note = entry.note or ""
    if judged is not None:
        message = judged.message
        overridden = entry.result is not None and entry.result != judged.status
        if overridden:
            message += (f" (the auditor wrote {entry.result}; signgen's judgement of the "
                        "recorded values wins)")
        return Outcome(item, judged.status, "signgen", message, entry.result, overridden, note)
    if entry.result is not None:
        extra = f"; room: {entry.room}" if entry.room else ""
        return Outcome(item, entry.result, "auditor",  # type: ignore[arg-type]
                       f"{entry.result} by the auditor{extra}", entry.result, False, note)
    return Outcome(item, "unchecked", "", "not checked", None, False, note)


def judge_values(standard: Standard, item: AuditItem, entry: Entry) -> Judgement | None:
    """signgen's judgement of the recorded values, or None when there is nothing to judge."""
    if item.kind == "area":
        return _judge_area(item, entry)
    if item.kind == "plaque-size":
        return _judge_size(item, entry)
    if item.kind == "plaque-text":
        return _judge_text(item, entry)
    if item.kind == "plaque-colours":
        return _judge_parts(item, entry, lambda text, want: _is_colour(standard, text, want),
                            lambda want: f"{standard.colour(want).name} "
                                         f"{standard.colour_value(want).hex}")
    if item.kind == "plaque-typefaces":
        return _judge_parts(item, entry, lambda text, want: _is_typeface(standard, text, want),
                            lambda want: standard.typeface(want).name)
    if item.kind == "quantity":
        return _judge_quantity(item, entry)
    return None


def _judge_area(item: AuditItem, entry: Entry) -> Judgement | None:
    if entry.measured is None or item.min_m2 is None:
        return None
    tol = item.tolerance.plus_minus if item.tolerance else 0.0
    ok = entry.measured >= item.min_m2 - tol
    tol_text = f" ({tolerance_text(item)})" if item.tolerance and tol else ""
    return Judgement("pass" if ok else "fail",
                     f"measured {measured(entry.measured)} m², required ≥ "
                     f"{measured(item.min_m2)} m²{tol_text}")


def _judge_size(item: AuditItem, entry: Entry) -> Judgement | None:
    tol = tolerance_cm(item.tolerance)
    req_h, req_w = item.size_cm
    got_h, got_w = entry.size.get("height_cm"), entry.size.get("width_cm")
    pairs = [(req, got) for req, got in ((req_h, got_h), (req_w, got_w)) if req is not None]
    bad = any(got is not None and abs(got - req) > tol + 1e-9 for req, got in pairs)
    complete = all(got is not None for _, got in pairs)
    if not bad and not complete:
        return None
    shown_tol = f" ± {measured(tol)} cm" if item.tolerance else ""
    if req_h is not None and req_w is not None:
        got_text = f"{_maybe(got_h)} × {_maybe(got_w)} cm"
        required = f"{measured(req_h)} × {measured(req_w)} cm{shown_tol}"
        msg = f"measured {got_text}, required {required} (height × width)"
    else:
        req, got, what = ((req_h, got_h, "height") if req_h is not None
                          else (req_w, got_w, "width"))
        msg = f"measured {what} {_maybe(got)} cm, required {measured(req or 0)} cm{shown_tol}"
    if item.tolerance:
        msg += "; tolerance is a project default"
    return Judgement("fail" if bad else "pass", msg)


def _maybe(value: float | None) -> str:
    return "?" if value is None else measured(value)


def _judge_text(item: AuditItem, entry: Entry) -> Judgement | None:
    if entry.observed is None or item.text_pattern is None:
        return None
    ok = re.fullmatch(item.text_pattern, normalise_text(entry.observed)) is not None
    message = f"observed “{entry.observed}”, required “{item.required}”"
    return Judgement("pass", message) if ok else Judgement("fail", f"{message} ({TEXT_RULE})")


def _judge_parts(item: AuditItem, entry: Entry, matches: Callable[[str, str], bool],
                 show: Callable[[str], str]
                 ) -> Judgement | None:
    observed = {k: v for k, v in entry.observed_parts.items() if v is not None and v.strip()}
    if not observed:
        return None
    wrong = [f"{p.label}: observed {observed[p.key]}, required {show(p.spec_id)}"
             for p in item.parts if p.key in observed and not matches(observed[p.key], p.spec_id)]
    if wrong:
        return Judgement("fail", "; ".join(wrong))
    missing = [p.label for p in item.parts if p.key not in observed]
    if missing:
        return None
    return Judgement("pass", "; ".join(f"{p.label}: {observed[p.key]}" for p in item.parts))


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _name_parts(name: str) -> list[str]:
    """``白色(白底)`` → 白色(白底), 白色, 白底: a name and the parts around its brackets."""
    key = _key(name)
    return [key, *[p for p in re.split(r"[()]", key) if p]]


def _is_colour(standard: Standard, text: str, colour_id: str) -> bool:
    colour = standard.colour(colour_id)
    names = {colour.id, *_name_parts(colour.name), *_name_parts(colour.name_en)}
    names |= {n.removesuffix("色") for n in names if len(n) > 1}
    hex_value = standard.colour_value(colour_id).hex.casefold()
    wanted = _key(text)
    return wanted in names or wanted in {hex_value, hex_value.lstrip("#")}


def _is_typeface(standard: Standard, text: str, typeface_id: str) -> bool:
    """The observed name means this typeface: its exact name, id or English name, a part
    of a bracketed name that no other typeface carries, or one of its substitute families."""
    wanted = _key(text)
    exact = {t.id for t in standard.typefaces
             if wanted in {_key(t.id), _key(t.name), _key(t.name_en)}}
    if exact:
        return typeface_id in exact
    families = {s.typeface for s in standard.project_defaults.typeface_substitutes
                for f in s.families
                if wanted in {_key(f.family), _key(f"{f.family} {f.style}")}}
    if families:
        return typeface_id in families
    parts = {t.id for t in standard.typefaces if wanted in _name_parts(t.name)[1:]}
    return parts == {typeface_id}


def _judge_quantity(item: AuditItem, entry: Entry) -> Judgement | None:
    q = item.quantity
    if entry.measured is None or q is None:
        return None
    value = entry.measured
    ok = {">=": value >= q.value, "<=": value <= q.value, "==": value == q.value}[q.comparator]
    return Judgement("pass" if ok else "fail",
                     f"measured {measured(value)} {q.unit}, required "
                     f"{quantity_requirement(q, 'en')}")
