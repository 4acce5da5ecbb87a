"""The JSON Schema of the spec format, generated from :mod:`signgen.model`."""

from __future__ import annotations

from typing import Any

from .model import SpecFile


def spec_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) that every spec file validates against."""
    schema = SpecFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "signgen spec file"
    return schema
