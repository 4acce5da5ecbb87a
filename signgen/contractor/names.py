"""How a contractor's names match a standard's items: a function by id, name, one of the
standard's alternative names or a project alias; a zone, window category or board by id, name
or an unambiguous part of its name (``党建`` for ``党建宣传栏``)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from typing import Any

from signgen.spec.model import Function, Standard


def normalise(name: str) -> str:
    """The form names are compared in: NFKC (full-width brackets → ASCII), no spaces, casefold.

    >>> normalise(" 社区多功能会议（学习）室 ")
    '社区多功能会议(学习)室'
    """
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _function_names(function: Function) -> list[str]:
    return [function.id, *function.all_names]


def resolve_function(standard: Standard, name: str) -> Function | None:
    """The function named ``name`` by id, Chinese name or alternative name; None if unknown."""
    wanted = normalise(name)
    for function in standard.functions:
        if any(normalise(n) == wanted for n in _function_names(function)):
            return function
    return None


def standard_name(function: Function, written: str) -> str:
    """The standard's name for ``function`` that ``written`` is, else the function's name.

    A room planned as 矛盾调解室 (a name the standard gives for 社区接访室) keeps it; a
    project alias (接访室) or an id gives the standard's own name.
    """
    wanted = normalise(written)
    return next((n for n in function.standard_names if normalise(n) == wanted), function.name)


def suggest_functions(standard: Standard, name: str, limit: int = 3) -> list[str]:
    """Known function names closest to ``name`` (best first, one per function), for hints.

    Each suggestion is the name (Chinese or alternative) that matched best.
    """
    wanted = normalise(name)
    scored: list[tuple[float, int, str]] = []
    for order, function in enumerate(standard.functions):
        best = (0.0, "")
        for candidate in function.all_names:
            key = normalise(candidate)
            score = difflib.SequenceMatcher(None, wanted, key).ratio()
            if wanted and (wanted in key or key in wanted):
                score = max(score, 0.75)
            if score > best[0]:
                best = (score, candidate)
        if best[0] >= 0.5:
            scored.append((-best[0], order, best[1]))
    return [name for _, _, name in sorted(scored)[:limit]]


def _named_items(items: Sequence[Any]) -> list[tuple[str, list[str]]]:
    return [(item.id, [item.id, item.name, getattr(item, "name_en", "")]) for item in items]


def match_named(items: Sequence[Any], name: str) -> tuple[str | None, list[str]]:
    """Match ``name`` to an item by id, name or English name, else by an unambiguous part.

    Returns:
        ``(id, [])`` on a match, ``(None, [])`` when nothing matches, and ``(None, ids)``
        when a part of a name matches several items.
    """
    wanted = normalise(name)
    named = _named_items(items)
    for item_id, names in named:
        if any(n and normalise(n) == wanted for n in names):
            return item_id, []
    if len(wanted) < 2:
        return None, []
    partial = [item_id for item_id, names in named
               if any(n and wanted in normalise(n) for n in names[1:])]
    if len(partial) == 1:
        return partial[0], []
    return None, partial
