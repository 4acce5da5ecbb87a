"""What changed between two editions of a standard, item by item and field by field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from signgen.spec.model import ProjectDefaults, Standard

ChangeKind = Literal["added", "removed", "changed"]

# Project-default lists have no ``id``; this names the key that identifies their entries.
_DEFAULT_KEYS = {"colour_values": "colour", "typeface_substitutes": "typeface",
                 "plaque_layouts": "plaque", "tolerances": "id", "function_zones": "function"}


@dataclass(frozen=True, order=True)
class Change:
    """One difference: an item added or removed, or one field of an item changed."""

    section: str
    item: str
    kind: ChangeKind
    field: str = ""
    old: str = ""
    new: str = ""
    title: str = ""


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _flatten(inner, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for i, inner in enumerate(value):
            yield from _flatten(inner, f"{prefix}[{i}]")
    elif value is not None and value != [] and value != "":
        text = ", ".join(map(_scalar, value)) if isinstance(value, list) else _scalar(value)
        yield prefix, text


def _scalar(value: Any) -> str:
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def _title(item: BaseModel) -> str:
    return str(getattr(item, "name", None) or getattr(item, "title", None) or "")


def _diff_items(section: str, old: dict[str, BaseModel], new: dict[str, BaseModel]
                ) -> Iterator[Change]:
    for key, item in new.items():
        if key not in old:
            yield Change(section, key, "added", title=_title(item))
    for key, item in old.items():
        if key not in new:
            yield Change(section, key, "removed", title=_title(item))
    for key in new.keys() & old.keys():
        before = dict(_flatten(old[key].model_dump(mode="json")))
        after = dict(_flatten(new[key].model_dump(mode="json")))
        for field in sorted(before.keys() | after.keys()):
            if before.get(field) != after.get(field):
                yield Change(section, key, "changed", field, before.get(field, ""),
                             after.get(field, ""), _title(new[key]))


def _keyed(items: list[Any], key: str) -> dict[str, BaseModel]:
    return {str(getattr(item, key)): item for item in items}


def diff_standards(old: Standard, new: Standard) -> list[Change]:
    """Every item added, removed or changed from ``old`` to ``new``, sorted by section.

    Items are matched by id (project defaults by what they apply to); a changed item gives
    one :class:`Change` per changed field, with dotted paths such as ``size.height_mm``.
    """
    changes: list[Change] = list(_diff_items("standard", {old.id: old.standard},
                                             {new.id: new.standard}))
    for section, field in Standard.model_fields.items():
        if section in ("standard", "project_defaults"):
            continue
        if field.annotation is not None and "list" in str(field.annotation):
            changes.extend(_diff_items(section, _keyed(getattr(old, section), "id"),
                                       _keyed(getattr(new, section), "id")))
    for section in ProjectDefaults.model_fields:
        before = getattr(old.project_defaults, section)
        after = getattr(new.project_defaults, section)
        name = f"project_defaults.{section}"
        if section in _DEFAULT_KEYS:
            key = _DEFAULT_KEYS[section]
            changes.extend(_diff_items(name, _keyed(before, key), _keyed(after, key)))
        else:
            changes.extend(_diff_items(name, {section: before} if before else {},
                                       {section: after} if after else {}))
    return sorted(changes)
