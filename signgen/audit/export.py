"""The judge data of one community's audit, for the browser's judge (``signgen-audit.js``).

:func:`audit_data` exports everything :func:`signgen.audit.judge.audit` reads from the spec
when it judges a survey: the items as :func:`~signgen.audit.items.checkable_items` gives
them (and what changes with each origin), the colours and typefaces with every name they
pass by, the project's colour values and tolerances, the CSS colour names, the message
catalogue and the text rules (whitespace, digits, case folding) of Python's readers
(:func:`signgen.spec.text_rules.text_rules`, as the plan check's data). The browser
implements only the comparisons, so both engines give the same verdicts
(``tests/browser/test_engine_audit.py`` proves it on a corpus). :func:`audit_json` writes
it as JSON that is safe inside an HTML ``<script>`` element.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coloraide.cat import WHITES
from coloraide.spaces.srgb_linear import RGB_TO_XYZ
from coloraide.util import xy_to_xyz

from signgen.audit.item_types import AuditItem, Site, tolerance_cm
from signgen.audit.items import quantity_requirement, rule_url, standard_base
from signgen.audit.photos import MAX_PHOTO_PATH, PHOTO_SUFFIXES
from signgen.audit.styles import (
    CSS_COLOURS,
    colour_own_keys,
    face_examples,
    name_keys,
    reference_srgb,
    substitute_keys,
)
from signgen.audit.survey import INFO_KEYS, SIZE_KEYS, Survey, parse_survey
from signgen.audit.template import tolerance_value
from signgen.audit.texts import TEXTS, level_class
from signgen.output.numbers import measured
from signgen.spec import values as value_reader
from signgen.spec.model import Standard
from signgen.spec.text_rules import text_rules
from signgen.spec.yamlsource import Locator

FORMAT = 1  # the shape of the data; the engine refuses another
# The engine's scripts (signgen/site/theme/assets/javascripts/), in the order a page loads them.
ENGINE_SCRIPTS = ("signgen-text.js", "signgen-audit-styles.js", "signgen-audit-survey.js",
                  "signgen-audit.js")
# Item keys that may change with the origin (a per-origin rule cites the origin's clause).
_ORIGIN_KEYS = ("title", "title_en", "check", "check_en", "clause", "quote", "required",
                "required_en")


def audit_data(standard: Standard, values: Mapping[str, str] | None = None,
               site: Site | None = None, origin: str | None = None) -> dict[str, Any]:
    """The judge data of one community (``values``) on one site, as JSON-able data.

    The header is read by :func:`~signgen.audit.survey.parse_survey`, as ``signgen audit``
    reads the survey the browser exports, so both judge the same items.

    Raises:
        SigngenError: a value the survey header refuses (an unknown field, a choice).
    """
    survey = _header_survey(standard, dict(values or {}), site or Site(), origin)
    items = [_item(standard, item) for item in survey.items]
    return {
        "format": FORMAT,
        "standard": {"id": standard.id, "edition": standard.standard.edition,
                     "name": standard.standard.title, "name_en": standard.standard.title_en,
                     "base": standard_base(standard)},
        "community": {f.id: survey.values[f.id] for f in standard.fields
                      if f.id in survey.values},  # in the spec's order
        "site": _site(survey.site),
        "origin": survey.origin,
        "origins": [{"id": o.id, "name": o.name, "name_en": o.name_en}
                    for o in standard.origins],
        "items": items,
        "by_origin": _by_origin(standard, survey, items),
        "colours": _colours(standard),
        "typefaces": _typefaces(standard),
        "reader": _reader(),
        "text_rules": text_rules(),
        "colour_science": _colour_science(),
        "texts": {"audit": {k: list(v) for k, v in TEXTS.items()},
                  "values": {k: list(v) for k, v in value_reader.TEXTS.items()}},
    }


def audit_json(data: Mapping[str, Any]) -> str:
    """``data`` as compact JSON, the same bytes for the same data, safe to embed in HTML:
    ``<``, ``>``, ``&`` and the JavaScript line separators are written as ``\\u`` escapes,
    so a community called ``</script>`` cannot end the element that holds it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _header_survey(standard: Standard, values: dict[str, str], site: Site,
                   origin: str | None) -> Survey:
    header: dict[str, Any] = {"standard": standard.id, "edition": standard.standard.edition,
                              "community": values, "origin": origin, "site": _site(site)}
    return parse_survey({"survey": header, "items": {}}, Locator("(audit form)"), standard)


def _site(site: Site) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if site.rooms:
        out["rooms"] = [{"name": r.name, "functions": list(r.functions)} for r in site.rooms]
    if site.windows:
        out["windows"] = list(site.windows)
    if site.boards:
        out["boards"] = list(site.boards)
    return out


def _item(standard: Standard, item: AuditItem) -> dict[str, Any]:
    base = standard_base(standard)
    out: dict[str, Any] = {
        "id": item.id, "kind": item.kind, "group": item.group, "page": item.page,
        "url": rule_url("", item, base).lstrip("/"),
        "url_en": rule_url("", item, base, "en").lstrip("/"),
        "title": item.title, "title_en": item.title_en,
        "check": item.check, "check_en": item.check_en,
        "clause": {"id": item.clause.id, "number": item.clause.number,
                   "title": item.clause.title, "title_en": item.clause.title_en},
        "quote": item.quote, "level": item.level, "level_class": level_class(item.level),
        "required": item.required, "required_en": item.required_en,
        "fields": list(item.fields), "origins": list(item.origins),
        "project_addition": item.project_addition,
    }
    if item.tolerance is not None:
        tol = item.tolerance
        out["tolerance"] = {"id": tol.id, "plus_minus": tol.plus_minus, "unit": tol.unit,
                            "shown": tolerance_value(item),
                            "cm": tolerance_cm(tol), "project_default": True,
                            "reason": tol.reason, "reason_zh": tol.reason_zh}
    if item.min_m2 is not None:
        out["min_m2"] = item.min_m2
    if item.kind == "plaque-size":
        out["size_cm"] = list(item.size_cm)
    if item.text_pattern is not None:
        out["text_pattern"] = item.text_pattern
    if item.parts:
        out["parts"] = [{"key": p.key, "label": p.label, "spec_id": p.spec_id}
                        for p in item.parts]
    if item.quantity is not None:
        q = item.quantity
        out["quantity"] = {"comparator": q.comparator, "value": q.value, "unit": q.unit,
                           "per": q.per, "required": quantity_requirement(q, "zh"),
                           "required_en": quantity_requirement(q, "en")}
    return out


def _by_origin(standard: Standard, survey: Survey, items: list[dict[str, Any]]
               ) -> dict[str, dict[str, dict[str, Any]]]:
    """Per origin id, what differs from ``items`` (the items for the header's origin)."""
    from signgen.audit.items import checkable_items

    out: dict[str, dict[str, dict[str, Any]]] = {}
    for o in [None, *standard.origins]:
        oid = None if o is None else o.id
        other = [_item(standard, i) for i in
                 checkable_items(standard, survey.values, survey.site, oid)]
        if [i["id"] for i in other] != [i["id"] for i in items]:
            raise AssertionError("the items must not change with the origin, only their texts")
        changed = {b["id"]: {k: b[k] for k in _ORIGIN_KEYS if a[k] != b[k]}
                   for a, b in zip(items, other, strict=True)}
        out["" if oid is None else oid] = {k: v for k, v in changed.items() if v}
    return out


def _colours(standard: Standard) -> dict[str, Any]:
    tol = standard.tolerance("colour")
    limit = tol.plus_minus if tol is not None else 0.0
    out: dict[str, Any] = {"limit": limit, "limit_shown": measured(limit),
                           "order": [c.id for c in standard.colours], "by_id": {}}
    for colour in standard.colours:
        value = standard.colour_value(colour.id)
        out["by_id"][colour.id] = {
            "name": colour.name, "name_en": colour.name_en,
            "keys": sorted(name_keys(colour)), "own_keys": sorted(colour_own_keys(colour)),
            "hex": value.hex, "srgb": list(reference_srgb(standard, colour.id)),
            "cmyk": list(value.cmyk),
            "cmyk_shown": "cmyk(" + ", ".join(measured(v) for v in value.cmyk) + ")",
            "project_default": True}
    return out


def _typefaces(standard: Standard) -> dict[str, Any]:
    return {face.id: {"name": face.name, "name_en": face.name_en,
                      "keys": sorted(name_keys(face)),
                      "substitute_keys": sorted(substitute_keys(standard, face.id)),
                      "examples": face_examples(face)}
            for face in standard.typefaces}


def _reader() -> dict[str, Any]:
    """The survey reader's words and keys (the text rules are in ``text_rules``)."""
    return {
        "results": value_reader.RESULT_WORDS,
        "info_keys": sorted(INFO_KEYS), "size_keys": list(SIZE_KEYS),
        "photo": {"suffixes": list(PHOTO_SUFFIXES), "max_path": MAX_PHOTO_PATH},
        # 0..255, as CSS_COLOURS holds them before dividing by 255 (the engine divides too)
        "css_colours": {name: [round(c * 255) for c in rgb] for name, rgb in CSS_COLOURS.items()},
    }


def _colour_science() -> dict[str, Any]:
    """The constants coloraide's sRGB → Lab D65 conversion uses, exactly."""
    return {"rgb_to_xyz": RGB_TO_XYZ, "white": xy_to_xyz(WHITES["2deg"]["D65"])}


__all__ = ["ENGINE_SCRIPTS", "FORMAT", "audit_data", "audit_json"]
