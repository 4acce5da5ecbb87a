"""Python's text rules as data, for the browser engines (``signgen-text.js``).

signgen reads what people type with Python's rules (:mod:`signgen.spec.values`): the
whitespace of ``str.split()`` and ``str.strip()``, the decimal digits of ``\\d`` and
``float()``, ``str.casefold()``, the unit words. JavaScript has other tables (``\\s``,
``toLowerCase``, ``\\p{Nd}`` of a newer Unicode), so the engines that must give the CLI's
verdicts (the plan check, the audit) take these from the data the site exports: one
function, :func:`text_rules`, for both.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from typing import Any

from signgen.spec.values import UNIT_SHOWN, UNIT_WORDS


def text_rules() -> dict[str, Any]:
    """The tables ``SigngenText.make`` takes: whitespace, case folding,
    the zeros of the decimal digits, the unit words and how units are shown, and how
    ``sum()`` adds floats."""
    return {"whitespace": _whitespace(), "casefold": _casefold_table(),
            "digit_zeros": _digit_zeros(), "unit_words": dict(UNIT_WORDS),
            "unit_shown": dict(UNIT_SHOWN), "float_sum": _float_sum()}


def _float_sum() -> str:
    """How this Python's ``sum()`` adds floats: ``compensated`` (3.12 on), else ``plain``."""
    return "compensated" if sys.version_info >= (3, 12) else "plain"


@functools.cache
def _casefold_table() -> dict[str, str]:
    """Every character ``str.casefold`` changes, with what it makes of it: the browser's
    ``toLowerCase`` follows a newer Unicode than Python's (it lowercases letters Python does
    not know), so the engines fold with this table alone."""
    table = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Cs":
            continue
        folded = char.casefold()
        if folded != char:
            table[char] = folded
    return table


@functools.cache
def _digit_zeros() -> list[int]:
    """The code point of each 0 of the decimal digits (Nd) Python's ``\\d`` and ``float()`` read,
    each followed by 1 to 9."""
    return [code for code in range(sys.maxunicode + 1)
            if unicodedata.category(chr(code)) == "Nd" and unicodedata.decimal(chr(code)) == 0]


@functools.cache
def _whitespace() -> str:
    """What ``str.split()`` and ``str.strip()`` treat as space (not JavaScript's ``\\s``)."""
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


__all__ = ["text_rules"]
