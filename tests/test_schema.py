"""The JSON Schema that editors check spec files with: current, wired in, and agreeing with
``signgen validate`` on what a single file may hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from minimal_specs import MINIMAL, edit, problems, write_minimal

from signgen.cli.main import main
from signgen.spec.model import SECTIONS
from signgen.spec.schema import (
    DIALECT,
    MODELINE,
    SCHEMA_FILE,
    spec_json_schema,
    spec_json_schema_text,
)
from signgen.spec.yamlsource import format_path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
COMMITTED = SPECS / SCHEMA_FILE
SPEC_FILES = sorted(p for p in SPECS.glob("*/*") if p.suffix in (".yml", ".yaml"))
REGENERATE = f"run: signgen schema > specs/{SCHEMA_FILE}"


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def test_committed_schema_is_current() -> None:
    """specs/spec.schema.json is exactly what the model generates (the model is the truth)."""
    assert COMMITTED.read_text(encoding="utf-8") == spec_json_schema_text(), (
        f"specs/{SCHEMA_FILE} is out of date with signgen/model.py; {REGENERATE}")


def test_schema_command_prints_the_committed_bytes() -> None:
    """`signgen schema` prints the file byte for byte, so the README's redirect rewrites it."""
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == spec_json_schema_text()


def test_schema_is_the_same_in_every_process() -> None:
    """The schema does not depend on hash seeds or dict order: same model, same bytes."""
    script = "from signgen.spec.schema import spec_json_schema_text as t; print(t(), end='')"
    outputs = {subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert outputs == {spec_json_schema_text()}


def test_schema_is_valid_draft_7() -> None:
    """The schema is a valid draft-7 schema, the draft editors' YAML support implements."""
    schema = spec_json_schema()
    assert schema["$schema"] == DIALECT
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_refers_to_nothing_outside_itself() -> None:
    """Every $ref points inside the file: editors need no network to use it."""
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k == "$ref")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec_json_schema())
    assert refs
    assert all(ref.startswith("#/") for ref in refs), [r for r in refs if not r.startswith("#/")]


def test_schema_lists_every_section_and_describes_fields() -> None:
    """Every section is a top-level property; fields keep their descriptions, lose name-titles."""
    schema = spec_json_schema()
    assert list(schema["properties"]) == list(SECTIONS)
    assert schema["additionalProperties"] is False
    info = schema["$defs"]["StandardInfo"]["properties"]
    assert "title" in info, "a field called 'title' must survive the removal of titles"
    assert "title" not in info["title_en"]
    assert info["date"]["description"]


@pytest.mark.parametrize("path", SPEC_FILES, ids=[f"{p.parent.name}/{p.name}" for p in SPEC_FILES])
def test_spec_file_points_editors_at_the_schema(path: Path) -> None:
    """Each spec file's first line names the schema by a relative path that exists."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE
    assert (path.parent / first.split("$schema=", 1)[1]).resolve() == COMMITTED.resolve()


@pytest.mark.parametrize("path", SPEC_FILES, ids=[f"{p.parent.name}/{p.name}" for p in SPEC_FILES])
def test_spec_file_passes_the_schema(path: Path) -> None:
    """Each bundled spec file passes the schema: an editor shows no false alarm on it."""
    errors = [f"{format_path(list(e.absolute_path))}: {e.message}"
              for e in _validator().iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert errors == []


# Single-file mistakes: the editor (schema) and `signgen validate` must both catch them, at
# the same field. (Mistakes between files, such as a dangling id, only the loader can see.)
MISTAKES = [
    ("plaques.yml", "    name: 门口牌匾\n", "    nmae: 门口牌匾\n"),
    ("plaques.yml", "{height_mm: 500}", "{height_mm: -500}"),
    ("plaques.yml", "{height_mm: 500}", '{height_mm: "500"}'),
    ("plaques.yml", "    kind: outdoor\n", "    kind: inside\n"),
    ("plaques.yml", "  - id: door\n", "  - id: Door Plaque\n"),
    ("plaques.yml", "    name_en: Door plaque\n", ""),
    ("plaques.yml", "    style: song\n", "    style: gothic\n"),
    ("plaques.yml", "    segments:\n      - {id: s1, text: \"{name}社区\", typeface: song, "
                    "colour: black}\n", "    segments: []\n"),
    ("standard.yml", 'edition: "1"', "edition: 1"),
    ("standard.yml", "  title_en: Test standard\n", "  title_en: ''\n"),
    ("defaults.yml", 'hex: "#000000"', 'hex: "black"'),
    ("defaults.yml", "cmyk: [0, 0, 0, 100]", "cmyk: [0, 0, 100]"),
    ("defaults.yml", "cmyk: [0, 0, 0, 100]", "cmyk: [0, 0, 0, 101]"),
    ("defaults.yml", "      margin_mm: 30\n", "      margin_mm: -1\n"),
]


@pytest.mark.parametrize(("name", "old", "new"), MISTAKES,
                         ids=[f"{n}:{new.strip()[:24]}" for n, _, new in MISTAKES])
def test_schema_and_loader_agree(tmp_path: Path, name: str, old: str, new: str) -> None:
    """A mistake within one file is flagged by the schema and by the loader, at one field."""
    directory = write_minimal(tmp_path / "tiny")
    edit(directory / name, old, new)
    data = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
    schema_paths = {format_path(list(e.absolute_path)) for e in _validator().iter_errors(data)}
    loader_fields = {p.split(": ")[1] for p in problems(directory)}
    assert schema_paths, "the schema let the mistake through"
    # The schema reports an unknown or missing key on its mapping, the loader on the key.
    assert any(field == path or field.startswith(path + ".") or field.startswith(path + "[")
               for field in loader_fields for path in schema_paths), (schema_paths,
                                                                     loader_fields)


def test_minimal_standard_passes_the_schema() -> None:
    """The unbroken minimal standard passes, so each mistake above is what the schema flags."""
    for text in MINIMAL.values():
        assert list(_validator().iter_errors(yaml.safe_load(text))) == []
