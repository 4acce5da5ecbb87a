"""The plan check's data for the browser: what ``signgen check-plan`` reads from a standard.

:func:`plan_data` gathers, as plain JSON-able data, everything :func:`signgen.contractor.plan.
parse_plan` and :func:`signgen.contractor.check.check_plan` take from the spec (zones,
functions with every name a room may use, area rules, the area tolerance, window categories,
boards, origins and where the logo goes, the fields a plan's ``community:`` block takes) and
the message catalogues they speak with, in Chinese and English, and what the sign schedule
needs (:mod:`signgen.contractor.schedule_export`). The browser engine
(``signgen-plan.js``) reads a plan and judges it from this data alone, with the same rules: the
site build writes one file per standard, and the engines are proven equal by
``tests/browser/test_engine_plan.py``.

Same standard, same data: no timestamps, lists in spec order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from signgen.communities.identity import community_fields
from signgen.contractor.messages import CHECK, PLAN, SCHEDULE
from signgen.contractor.plan import PlanInput, RoomInput, per_sign_sources
from signgen.contractor.schedule_export import schedule_data
from signgen.fonts.book import FontBook
from signgen.messages import REPORT, SHAPE, Catalogue
from signgen.spec.model import Standard
from signgen.spec.text_rules import text_rules
from signgen.spec.values import CATALOGUE as VALUES

FORMAT = 1  # the shape of the data; the engine refuses another
# The engine's scripts (signgen/site/theme/assets/javascripts/), in the order a page loads them.
ENGINE_SCRIPTS = ("signgen-text.js", "signgen-plan.js", "signgen-plan-yaml.js",
                  "signgen-plan-check.js", "signgen-schedule.js")


def _cited(standard: Standard, item: Any) -> dict[str, Any]:
    """Id, names, level and clause of a spec item, as a check item cites it."""
    clause = item.citation.clause
    out: dict[str, Any] = {"id": item.id, "name": item.name, "name_en": item.name_en,
                           "clause": clause, "clause_number": standard.clause(clause).number}
    level = getattr(item, "level", None)
    if level is not None:
        out.update(level=level, level_quote=item.level_quote, can_fail=item.can_fail)
    return out


def _catalogue(catalogue: Catalogue) -> dict[str, list[str]]:
    return {key: [zh, en] for key, (zh, en) in catalogue.texts.items()}


def _rooms(standard: Standard) -> dict[str, Any]:
    zones = {z.id: z for z in standard.zones}
    functions = []
    for function in standard.functions:
        zone = standard.function_zone(function.id)
        functions.append({
            **_cited(standard, function), "standard_names": function.standard_names,
            "all_names": function.all_names,
            "project_aliases": (function.project_aliases.names
                                if function.project_aliases else []),
            # the zone the project defaults give the function (a warning elsewhere)
            "zone": zone if zone in zones else None})
    return {
        "zones": [{"id": z.id, "name": z.name, "name_en": z.name_en} for z in standard.zones],
        "functions": functions,
        "area_rules": [{**_cited(standard, r), "zone": r.zone, "min_m2": r.min_m2}
                       for r in standard.area_rules]}


def _tolerance(standard: Standard) -> dict[str, Any] | None:
    tolerance = standard.tolerance("area")
    if tolerance is None:
        return None
    return {"id": tolerance.id, "plus_minus": tolerance.plus_minus, "unit": tolerance.unit,
            "project_default": True, "reason": tolerance.reason,
            "reason_zh": tolerance.reason_zh}


def _community(standard: Standard, values: Mapping[str, str] | None) -> dict[str, Any]:
    per_sign = {key: {"source": source, "plaque": plaque.name, "plaque_en": plaque.name_en}
                for key, (source, plaque) in per_sign_sources(standard).items()}
    return {
        "values": dict(values or {}),
        "every_field": [f.id for f in standard.fields],
        "fields": [{"id": f.id, "label": f.label, "label_en": f.label_en,
                    "choices": list(f.choices or [])} for f in community_fields(standard)],
        "per_sign": per_sign}


def _window_sign(standard: Standard) -> dict[str, Any] | None:
    sign = next((p for p in standard.plaques if p.repeat == "per_window"), None)
    return None if sign is None else _cited(standard, sign)


def _origins(standard: Standard) -> list[dict[str, Any]]:
    return [{**_cited(standard, o), "logo_placement": o.logo_placement,
             "quote": o.citation.quote} for o in standard.origins]


def _shape() -> dict[str, Any]:
    """The plan file's keys and text limits, as :class:`PlanInput` checks them."""
    limits = RoomInput.model_fields["name"].metadata[0]
    rooms = PlanInput.model_fields["rooms"].metadata[0]
    return {"keys": list(PlanInput.model_fields), "room_keys": list(RoomInput.model_fields),
            "text_min": limits.min_length, "text_max": limits.max_length,
            "rooms_min": rooms.min_length}


def plan_data(standard: Standard, values: Mapping[str, str] | None = None, *,
              fonts: FontBook | None = None) -> dict[str, Any]:
    """Everything the browser needs to read and check a plan against ``standard``.

    Args:
        standard: the standard plans are checked against.
        values: a community's values (a community page's plan check starts with them in
            the plan's ``community:`` block); None for the standard's own page.
        fonts: the fonts ``signgen schedule`` uses, for the widths of signs that follow
            their text (default: found as the CLI finds them).

    Returns:
        JSON-able data, the same for the same standard and values.
    """
    info = standard.standard
    return {
        "format": FORMAT,
        "standard": {"id": standard.id, "title": info.title, "title_en": info.title_en},
        "community": _community(standard, values),
        **_rooms(standard),
        "area_tolerance": _tolerance(standard),
        "origins": _origins(standard),
        "window_categories": [_cited(standard, c) for c in standard.window_categories],
        "window_sign": _window_sign(standard),
        "boards": [_cited(standard, b) for b in standard.boards],
        "plan_shape": _shape(),
        "messages": {"plan": _catalogue(PLAN), "check": _catalogue(CHECK),
                     "values": _catalogue(VALUES), "shape": _catalogue(SHAPE),
                     "report": _catalogue(REPORT), "schedule": _catalogue(SCHEDULE)},
        "schedule": schedule_data(standard, values, fonts),
        "text_rules": text_rules(),
    }

