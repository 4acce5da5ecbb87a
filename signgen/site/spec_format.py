"""The spec-format reference page, generated from the JSON Schema of the spec files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from signgen.site.templating import Md, md_escape, render
from signgen.site.urls import site_page
from signgen.spec.schema import spec_json_schema


@dataclass(frozen=True)
class SchemaField:
    """One property of an object in the schema."""

    name: str
    type: str  # Markdown (links to other objects)
    required: bool
    description: str


@dataclass(frozen=True)
class SchemaObject:
    """One object definition (a section's item, or the spec file itself)."""

    name: str
    anchor: str
    description: str
    fields: list[SchemaField]


def _anchor(name: str) -> str:
    return "spec-" + "".join(ch.lower() if ch.isalnum() else "-" for ch in name)


def _type(schema: dict[str, Any]) -> str:
    """A schema as a short Markdown type: ``list of [Plaque](#spec-plaque)``, ``text``..."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{md_escape(name)}](#{_anchor(name)})"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            kinds = [_type(s) for s in schema[key] if s.get("type") != "null"]
            return " or ".join(kinds) + (" or null" if len(kinds) < len(schema[key]) else "")
    if "enum" in schema:
        return ", ".join(f"<code>{md_escape(v)}</code>" for v in schema["enum"])
    if "const" in schema:
        return f"<code>{md_escape(schema['const'])}</code>"
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    extra = []
    if "pattern" in schema:
        extra.append(f"<code>{md_escape(schema['pattern'])}</code>")
    for key, sign in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤")):
        if key in schema:
            extra.append(f"{sign} {schema[key]}")
    return md_escape(str(kind)) + (f" ({', '.join(extra)})" if extra else "")


def _object(name: str, schema: dict[str, Any]) -> SchemaObject:
    required = set(schema.get("required", []))
    fields = [SchemaField(key, Md(_type(prop)), key in required,
                          " ".join(str(prop.get("description", "")).split()))
              for key, prop in schema.get("properties", {}).items()]
    return SchemaObject(name, _anchor(name), " ".join(str(schema.get("description", "")).split()),
                        fields)


def schema_objects(schema: dict[str, Any] | None = None) -> list[SchemaObject]:
    """The spec file object first, then every definition, in alphabetical order."""
    schema = schema or spec_json_schema()
    defs = schema.get("$defs") or schema.get("definitions") or {}
    top = _object("SpecFile", schema)
    return [top] + [_object(name, defs[name]) for name in sorted(defs)]


def spec_format_page(lang: str) -> str:
    """The reference of the spec format, for people who edit the standard."""
    return render("spec_format.md.j2", lang=lang, page_uri=site_page(lang, "spec-format.md"),
                  objects=schema_objects())
