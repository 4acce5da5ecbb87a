"""The JSON Schema of the spec format, generated from :mod:`signgen.spec.model`.

Editors read it through the first line of every spec file
(``# yaml-language-server: $schema=../spec.schema.json``) and check each file while it is
typed. It says what one file may hold; what only the whole standard can tell (references
between sections, quotes found verbatim in their clause) is checked by ``signgen validate``.
"""

from __future__ import annotations

import json
from typing import Any

from signgen.spec.model import SpecFile

# Draft 7, not 2020-12: the YAML language server behind VS Code and most editors implements
# draft 7 and warns on newer drafts. The generated schema uses no keyword newer than draft 7
# (``$defs`` is only the place that ``$ref`` pointers point into).
DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILE = "spec.schema.json"
MODELINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"


def spec_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 7) that every spec file validates against."""
    schema = SpecFile.model_json_schema()
    _drop_field_titles(schema)
    return {"$schema": DIALECT, "title": "signgen spec file", **schema}


def spec_json_schema_text() -> str:
    """The schema as the bytes of ``specs/spec.schema.json``: stable order, final newline."""
    return json.dumps(spec_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _drop_field_titles(node: Any) -> None:
    """Remove pydantic's titles made from field names ("Name En"): editors show them as noise.

    Descriptions, which say what a field means, stay; so do the titles of the models.
    """
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            for prop in properties.values():
                if isinstance(prop, dict) and isinstance(prop.get("title"), str):
                    del prop["title"]
        for value in node.values():
            _drop_field_titles(value)
    elif isinstance(node, list):
        for item in node:
            _drop_field_titles(item)
