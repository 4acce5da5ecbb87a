"""Judge a filled survey: every item passes, fails, is not applicable or was not checked.

Measured and observed values are judged by signgen, against what the standard requires and
the project-default tolerances; where signgen measured nothing (condition, fading,
mounting, legibility) the auditor's result stands. Where both judged, the stricter wins:
an auditor's fail is never turned into a pass, and an auditor's pass on values out of
tolerance becomes a fail, said in the finding. Only required items can fail the audit; a
recommended item or an example is reported apart. Applicable required items left empty
make the audit INCOMPLETE (exit status 3).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from signgen.audit.items import (
    AuditItem,
    applies_to_origin,
    normalise_text,
    quantity_requirement,
    tolerance_cm,
)
from signgen.audit.styles import PartVerdict, judge_colour, judge_typeface
from signgen.audit.survey import Entry, Survey
from signgen.audit.texts import level_class, t
from signgen.output.numbers import measured
from signgen.spec.model import Standard
from signgen.spec.values import unit_shown

Status = Literal["pass", "fail", "na", "unchecked"]
STATUS_ORDER: tuple[Status, ...] = ("fail", "pass", "unchecked", "na")
EXIT_COMPLIANT, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INCOMPLETE = 0, 1, 2, 3


@dataclass(frozen=True)
class Judgement:
    """signgen's verdict on measured or observed values, with the figures that decided it
    (status None: values were recorded but signgen could not decide; the message says why)."""

    status: Literal["pass", "fail"] | None
    message: str


@dataclass(frozen=True)
class Outcome:
    """One item's final status, who decided it and why."""

    item: AuditItem
    status: Status
    decided_by: Literal["signgen", "auditor", "both", ""]
    message: str
    auditor_result: str | None = None
    overridden: bool = False  # the auditor's pass or na became a fail on the recorded values
    note: str = ""

    @property
    def level(self) -> str:
        """``required``, ``recommended`` or ``examples`` (see :func:`level_class`)."""
        return level_class(self.item.level)

    @property
    def advisory(self) -> bool:
        """True for a recommended item or an example: it never fails the audit."""
        return self.level != "required"


@dataclass(frozen=True)
class Score:
    """How much was checked and how much of it passed (not-applicable items excluded)."""

    passed: int
    failed: int
    checked: int
    total: int
    not_applicable: int

    def text(self, lang: str = "zh") -> str:
        """``合格 10 / 已核查 16;已核查 16 / 适用 61 项(不适用 1 项)``."""
        return t("score", lang, passed=self.passed, checked=self.checked, total=self.total,
                 na=self.not_applicable)

    def __str__(self) -> str:
        return self.text("en")


def _score(outcomes: list[Outcome]) -> Score:
    count = {s: sum(1 for o in outcomes if o.status == s) for s in STATUS_ORDER}
    return Score(passed=count["pass"], failed=count["fail"],
                 checked=count["pass"] + count["fail"],
                 total=len(outcomes) - count["na"], not_applicable=count["na"])


@dataclass(frozen=True)
class AuditReport:
    """The judged survey: outcomes in item order, the score of required items and the
    advisory items (recommended, examples) apart."""

    survey: Survey
    outcomes: list[Outcome]
    score: Score
    advisory_score: Score
    lang: str = "zh"

    @property
    def required(self) -> list[Outcome]:
        """The outcomes of required items, in item order."""
        return [o for o in self.outcomes if not o.advisory]

    @property
    def advisory(self) -> list[Outcome]:
        """The outcomes of recommended items and examples, in item order."""
        return [o for o in self.outcomes if o.advisory]

    @property
    def failures(self) -> list[Outcome]:
        """The failed required items, in item order (an advisory item never fails)."""
        return [o for o in self.required if o.status == "fail"]

    @property
    def unchecked(self) -> list[Outcome]:
        """Applicable required items left empty."""
        return [o for o in self.required if o.status == "unchecked"]

    @property
    def origin_missing(self) -> bool:
        """The standard knows origins but the survey records none."""
        return bool(self.survey.standard.origins) and not self.survey.origin

    @property
    def incomplete(self) -> bool:
        """Applicable required items left empty, or the origin not recorded."""
        return bool(self.unchecked) or self.origin_missing

    @property
    def exit_status(self) -> int:
        """0 compliant and complete, 1 something failed, 3 nothing failed but incomplete."""
        if self.failures:
            return EXIT_FAILED
        return EXIT_INCOMPLETE if self.incomplete else EXIT_COMPLIANT

    def ordered(self) -> list[Outcome]:
        """Failures first, then passes, unchecked and not applicable; item order within."""
        return sorted(self.outcomes, key=lambda o: STATUS_ORDER.index(o.status))


def audit(survey: Survey, lang: str = "zh") -> AuditReport:
    """Judge every item of ``survey``; unchecked items are counted, never failed."""
    outcomes = [judge_item(survey.standard, item, survey.entries.get(item.id, Entry()), lang,
                           survey.origin)
                for item in survey.items]
    return AuditReport(survey, outcomes, _score([o for o in outcomes if not o.advisory]),
                       _score([o for o in outcomes if o.advisory]), lang)


def judge_item(standard: Standard, item: AuditItem, entry: Entry, lang: str = "zh",
               origin: str | None = None) -> Outcome:
    """The outcome of one item: the stricter of signgen's judgement of the recorded values
    and the auditor's result; the auditor's alone where signgen measured nothing; not
    applicable when the text limits the item to other origins than ``origin``."""
    note = entry.note or ""
    said = entry.result
    if not applies_to_origin(item, origin):
        names = {o.id: o.name if lang != "en" else o.name_en for o in standard.origins}
        return Outcome(item, "na", "signgen", t(
            "origin.not-this", lang, origins="、".join(names.get(o, o) for o in item.origins),
            origin=names.get(origin or "", origin)), said, False, note)
    judged = judge_values(standard, item, entry, lang)
    if judged is not None and judged.status is not None:
        msg = judged.message
        if said is None:
            return Outcome(item, judged.status, "signgen", msg, None, False, note)
        if said == judged.status:
            return Outcome(item, judged.status, "both", t("both-agree", lang, msg=msg),
                           said, False, note)
        if said == "fail":
            return Outcome(item, "fail", "auditor", t("auditor-fail-stands", lang, msg=msg),
                           said, False, note)
        if judged.status == "fail":
            return Outcome(item, "fail", "signgen",
                           t("auditor-pass-overruled", lang, msg=msg,
                             result=t(f"status.{said}", lang)), said, True, note)
        return Outcome(item, "na", "auditor", t("auditor-na-stands", lang, msg=msg), said,
                       False, note)
    extra = f" ({judged.message})" if judged is not None else ""
    if said is not None:
        room = t("room", lang, room=entry.room) if entry.room else ""
        return Outcome(item, said, "auditor",  # type: ignore[arg-type]
                       t("by-auditor", lang, result=t(f"status.{said}", lang)) + room + extra,
                       said, False, note)
    return Outcome(item, "unchecked", "", t("not-checked", lang) + extra, None, False, note)


def judge_values(standard: Standard, item: AuditItem, entry: Entry, lang: str = "zh"
                 ) -> Judgement | None:
    """signgen's judgement of the recorded values, or None when there is nothing to judge."""
    if item.kind == "area":
        return _judge_area(item, entry, lang)
    if item.kind == "plaque-size":
        return _judge_size(item, entry, lang)
    if item.kind == "plaque-text":
        return _judge_text(item, entry, lang)
    if item.kind == "plaque-colours":
        return _judge_parts(item, entry, lambda text, want, label: judge_colour(
            standard, text, want, label, lang))
    if item.kind == "plaque-typefaces":
        return _judge_parts(item, entry, lambda text, want, label: judge_typeface(
            standard, text, want, label, lang))
    if item.kind == "quantity":
        return _judge_quantity(item, entry, lang)
    return None


def _tolerance(value: float, unit: str, lang: str) -> str:
    return t("tolerance", lang, value=measured(value), unit=unit_shown(unit)) if value else ""


def _judge_area(item: AuditItem, entry: Entry, lang: str) -> Judgement | None:
    if entry.measured is None or item.min_m2 is None:
        return None
    tol = item.tolerance.plus_minus if item.tolerance else 0.0
    ok = entry.measured >= item.min_m2 - tol
    return Judgement("pass" if ok else "fail",
                     t("area", lang, got=measured(entry.measured), min=measured(item.min_m2),
                       tol=_tolerance(tol, "m2", lang)))


def _judge_size(item: AuditItem, entry: Entry, lang: str) -> Judgement | None:
    tol = tolerance_cm(item.tolerance)
    req_h, req_w = item.size_cm
    got_h, got_w = entry.size.get("height_cm"), entry.size.get("width_cm")
    pairs = [(req, got) for req, got in ((req_h, got_h), (req_w, got_w)) if req is not None]
    bad = any(got is not None and abs(got - req) > tol + 1e-9 for req, got in pairs)
    complete = all(got is not None for _, got in pairs)
    if not bad and not complete:
        return None
    shown_tol = _tolerance(tol, "cm", lang) if item.tolerance else ""
    if req_h is not None and req_w is not None:
        msg = t("size.both", lang, measured=f"{_maybe(got_h)} × {_maybe(got_w)}",
                required=f"{measured(req_h)} × {measured(req_w)}", tol=shown_tol)
    else:
        req, got, what = ((req_h, got_h, "height") if req_h is not None
                          else (req_w, got_w, "width"))
        msg = t("size.one", lang, what=t(f"size.{what}", lang), got=_maybe(got),
                required=measured(req or 0), tol=shown_tol)
    return Judgement("fail" if bad else "pass", msg)


def _maybe(value: float | None) -> str:
    return "?" if value is None else measured(value)


def _judge_text(item: AuditItem, entry: Entry, lang: str) -> Judgement | None:
    if entry.observed is None or item.text_pattern is None:
        return None
    ok = re.fullmatch(item.text_pattern, normalise_text(entry.observed)) is not None
    message = t("text", lang, observed=entry.observed, required=item.required)
    return Judgement("pass", message) if ok else Judgement("fail", message +
                                                           t("text.rule", lang))


def _judge_parts(item: AuditItem, entry: Entry, judge: Callable[[str, str, str], PartVerdict]
                 ) -> Judgement | None:
    """Each observed part judged; one wrong part fails the item, an unread or missing part
    leaves it to the auditor."""
    observed = {k: v for k, v in entry.observed_parts.items() if v is not None and v.strip()}
    if not observed:
        return None
    verdicts = [judge(observed[p.key], p.spec_id, p.label) for p in item.parts
                if p.key in observed]
    message = "; ".join(v.message for v in verdicts)
    if any(v.verdict == "fail" for v in verdicts):
        return Judgement("fail", "; ".join(v.message for v in verdicts if v.verdict == "fail"))
    if any(v.verdict == "unknown" for v in verdicts) or len(verdicts) < len(item.parts):
        return Judgement(None, message)
    return Judgement("pass", message)


def _judge_quantity(item: AuditItem, entry: Entry, lang: str) -> Judgement | None:
    q = item.quantity
    if entry.measured is None or q is None:
        return None
    value = entry.measured
    ok = {">=": value >= q.value, "<=": value <= q.value, "==": value == q.value}[q.comparator]
    return Judgement("pass" if ok else "fail",
                     t("quantity", lang, value=measured(value), unit=q.unit,
                       required=quantity_requirement(q, lang)))
