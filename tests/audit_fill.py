"""Helpers for the audit tests: fill a survey template as an auditor would, line by line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from signgen.audit.items import AuditItem
from signgen.audit.judge import AuditReport, audit
from signgen.audit.survey import parse_survey
from signgen.spec.model import Standard
from signgen.spec.yamlsource import parse_yaml


def _item_span(lines: list[str], item_id: str) -> tuple[int, int]:
    start = lines.index(f"  {item_id}:")
    end = start + 1
    while end < len(lines) and not (lines[end].startswith("  ") and
                                    not lines[end].startswith("   ") and
                                    lines[end].rstrip().endswith(":")):
        end += 1
    return start, end


def line_of(text: str, item_id: str, *keys: str) -> int:
    """1-based line of ``keys`` (e.g. "measured" or "observed", "community") in an item."""
    lines = text.split("\n")
    start, end = _item_span(lines, item_id)
    i = start
    for depth, key in enumerate(keys):
        prefix = " " * (4 + 2 * depth) + f"{key}:"
        i = next(j for j in range(i + 1, end) if lines[j].startswith(prefix))
    return i + 1


def fill(text: str, item_id: str, key: str, value: str, sub: str | None = None) -> str:
    """Replace ``key:`` (or ``key: sub:``) in one item's block with a YAML ``value``."""
    lines = text.split("\n")
    keys = (key, sub) if sub else (key,)
    i = line_of(text, item_id, *keys) - 1
    indent = " " * (4 + 2 * (len(keys) - 1))
    lines[i] = f"{indent}{keys[-1]}: {value}"
    return "\n".join(lines)


def judge(text: str, standard: Standard, name: str = "survey.yaml", lang: str = "en"
          ) -> AuditReport:
    """Parse survey text and judge it, in ``lang`` (English unless told: the tests of the
    Chinese texts say ``lang="zh"``)."""
    data, loc = parse_yaml(text, name)
    return audit(parse_survey(data, loc, standard, lang), lang)


def compliant_entry(standard: Standard, item: AuditItem) -> dict[str, Any]:
    """What an auditor records for an item that meets the standard."""
    if item.kind == "area":
        return {"measured_m2": item.min_m2}
    if item.kind == "plaque-size":
        h, w = item.size_cm
        return {"measured": {"height_cm": h or 80, "width_cm": w or 500}}
    if item.kind == "plaque-text":
        return {"observed": item.required}
    if item.kind == "plaque-colours":
        return {"observed": {p.key: standard.colour(p.spec_id).name for p in item.parts}}
    if item.kind == "plaque-typefaces":
        return {"observed": {p.key: standard.typeface(p.spec_id).name for p in item.parts}}
    if item.kind == "quantity" and item.quantity is not None:
        return {"measured": item.quantity.value}
    if item.kind == "function":
        return {"result": "pass", "room": "一号房"}
    return {"result": "pass"}


def write(tmp_path: Path, text: str, name: str = "survey.yaml") -> Path:
    """Write survey text into ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
