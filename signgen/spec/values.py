"""Numbers and results as people type them: ``５５``, ``55cm``, ``150㎡``, ``合格``.

One reader for every number and every pass/fail a person writes into a survey or a plan:
full-width digits and units are read through NFKC (``５５`` is 55, ``㎡`` is m2), a unit
is accepted when it is the one asked for, thousands separators are dropped (``1,500`` is
1500: groups of three digits), any other comma (``55,3``) gets a hint to use a point, and only
finite numbers are numbers (``.inf`` and ``nan`` are refused). Each refusal is a
:class:`ValueProblem` whose text is Chinese first (:meth:`ValueProblem.text`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from signgen.messages import Catalogue, Msg

RESULTS = ("pass", "fail", "na")
# How a result may be written (after NFKC, whitespace removed, casefolded): interface words.
RESULT_WORDS: dict[str, str] = {
    "pass": "pass", "合格": "pass",
    "fail": "fail", "不合格": "fail",
    "na": "na", "n/a": "na", "不适用": "na",
}
# Unit spellings (after NFKC, casefolded) → the unit a spec writes; interface words.
UNIT_WORDS: dict[str, str] = {
    "m2": "m2", "m²": "m2", "平方米": "m2", "平米": "m2", "sqm": "m2",
    "cm": "cm", "厘米": "cm", "公分": "cm",
    "mm": "mm", "毫米": "mm",
    "m": "m", "米": "m",
}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
# Thousands separators as Chinese (and English) writing uses them: 1,500 and 12,345.5.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?![,\d])")
# Units as people read them in messages.
UNIT_SHOWN: dict[str, str] = {"m2": "m²", "delta_e2000": "ΔE2000"}

# The texts of the problems below, Chinese and English: {code: (zh, en)}.
TEXTS: dict[str, tuple[str, str]] = {
    "not-a-number": ("应为数字,实为 {got}", "expected a number, got {got}"),
    "not-finite": ("应为有限的数字,实为 {got}", "expected a finite number, got {got}"),
    "decimal-comma": ("应为数字,实为 {got}(小数请用点,例如 {hint})",
                      "expected a number, got {got} (write the decimal with a point, "
                      "e.g. {hint})"),
    "wrong-unit": ("单位应为 {unit},实为 {got}", "expected a number in {unit}, got {got}"),
    "too-small": ("应为不小于 {minimum} 的数字,实为 {got}",
                  "expected a number of at least {minimum}, got {got}"),
    "not-positive": ("应为正数,实为 {got}", "expected a positive number, got {got}"),
    "not-a-result": ("应为 合格、不合格、不适用(pass、fail、na)之一或留空,实为 {got}",
                     "expected one of pass, fail, na (合格, 不合格, 不适用) or nothing, "
                     "got {got}"),
}


CATALOGUE = Catalogue(TEXTS)


@dataclass(frozen=True)
class ValueProblem(Exception):
    """A value that is not what was asked for: a code of :data:`TEXTS` and its figures."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str = "zh") -> str:
        """The problem in ``lang`` (``zh`` or ``en``)."""
        return CATALOGUE.say(self.code, lang, **self.params)

    def msg(self) -> Msg:
        """The problem in both languages (a ``str`` in Chinese carrying its English)."""
        return CATALOGUE.msg(self.code, **self.params)


def describe(value: object) -> str:
    """A value as a message quotes it: repr, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def unit_shown(unit: str) -> str:
    """``m2`` and ``delta_e2000`` as people read them (m², ΔE2000); other units as written."""
    return UNIT_SHOWN.get(unit, unit)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def read_number(value: object, unit: str | None = None, minimum: float | None = None,
                positive: bool = False) -> float:
    """A finite number from what a person typed: a YAML number, or text such as ``５５``,
    ``55cm`` or ``150㎡`` when ``unit`` is ``cm`` or ``m2``.

    >>> read_number("５５"), read_number("55cm", "cm"), read_number("150㎡", "m2")
    (55.0, 55.0, 150.0)
    >>> read_number("1,500"), read_number("12,345.5㎡", "m2")
    (1500.0, 12345.5)
    >>> try:
    ...     read_number("55,3")
    ... except ValueProblem as problem:
    ...     print(problem.text("en"))
    expected a number, got '55,3' (write the decimal with a point, e.g. 55.3)

    Raises:
        ValueProblem: not a number, not finite, a decimal comma, a unit other than ``unit``,
            below ``minimum``, or not above 0 when ``positive``.
    """
    got = describe(value)
    if isinstance(value, bool):
        raise ValueProblem("not-a-number", {"got": got})
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        number = _number_in_text(value, unit, got)
    else:
        raise ValueProblem("not-a-number", {"got": got})
    if not math.isfinite(number):
        raise ValueProblem("not-finite", {"got": got})
    if positive and number <= 0:
        raise ValueProblem("not-positive", {"got": got})
    if minimum is not None and number < minimum:
        raise ValueProblem("too-small", {"got": got, "minimum": f"{minimum:g}"})
    return number


def _number_in_text(value: str, unit: str | None, got: str) -> float:
    text = "".join(unicodedata.normalize("NFKC", value).split())
    grouped = _GROUPED.match(text)
    if grouped is not None:  # 1,500: thousands separators, dropped
        text = grouped.group().replace(",", "") + text[grouped.end():]
    match = _NUMBER.match(text.casefold())
    if match is None or not match.group():
        raise ValueProblem("not-a-number", {"got": got})
    rest = text[match.end():]
    comma = _DECIMAL_COMMA.match(text)
    if comma is not None and comma.end() > match.end():
        raise ValueProblem("decimal-comma", {"got": got,
                                             "hint": comma.group().replace(",", ".")})
    if rest:
        written = UNIT_WORDS.get(rest.casefold(), rest)
        wanted = UNIT_WORDS.get(_key(unit), unit) if unit else None
        if wanted is None or written != wanted:
            if wanted is None:
                raise ValueProblem("not-a-number", {"got": got})
            raise ValueProblem("wrong-unit", {"got": got, "unit": unit_shown(unit or "")})
    return float(match.group())


def read_result(value: object) -> str | None:
    """``pass``, ``fail`` or ``na`` from what an auditor wrote (合格/不合格/不适用 too);
    None when left empty.

    >>> read_result("合格"), read_result(" PASS "), read_result("不适用"), read_result(None)
    ('pass', 'pass', 'na', None)

    Raises:
        ValueProblem: anything else.
    """
    if value is None:
        return None
    if isinstance(value, str):
        if not value.strip():
            return None
        word = RESULT_WORDS.get(_key(value))
        if word is not None:
            return word
    raise ValueProblem("not-a-result", {"got": describe(value)})


__all__ = ["RESULTS", "RESULT_WORDS", "TEXTS", "UNIT_SHOWN", "UNIT_WORDS", "ValueProblem",
           "describe", "read_number", "read_result", "unit_shown"]
