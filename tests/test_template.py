"""``{field}`` templates: one module parses and fills them, and nothing else does."""

from __future__ import annotations

import re

import pytest
from project_paths import ROOT

from signgen.spec.model import Standard
from signgen.spec.template import (
    field_names,
    fill_template,
    plaque_fields,
    template_parts,
    uses_field,
)


def test_parts_fields_and_escaped_braces() -> None:
    """Literal text and field names alternate; ``{{`` and ``}}`` are braces, not fields."""
    assert template_parts("{district}{street}街道") == (("", "district"), ("", "street"),
                                                         ("街道", None))
    assert field_names("{{not}} {a}{b}{a}") == ["a", "b"]
    assert fill_template("{{x}}{a}", {}, {"a": "??"}) == "{x}??"


@pytest.mark.parametrize("text", ["{district", "street}", "{a}{"])
def test_unbalanced_braces_are_an_error(text: str) -> None:
    """An unbalanced brace raises ValueError (the loader reports it as a spec problem)."""
    with pytest.raises(ValueError):
        field_names(text)


def test_fill_uses_values_then_placeholders() -> None:
    """A value (stripped) wins; an empty or missing one shows the field's placeholder."""
    placeholders = {"district": "??区", "street": "??街道"}
    assert fill_template("{district}{street}", {"district": " 东湖区 ", "street": " "},
                         placeholders) == "东湖区??街道"
    assert fill_template("{unknown}", {}, placeholders) == "??"


def test_plaque_fields_in_segment_order(standard: Standard) -> None:
    """A plaque's fields are those of its segments, each once; uses_field agrees."""
    plaque = standard.plaque("party-committee-plaque")
    names = plaque_fields(plaque)
    assert names == list(dict.fromkeys(n for s in plaque.segments for n in field_names(s.text)))
    assert names and all(uses_field(plaque, n) for n in names)
    assert not uses_field(plaque, "no-such-field")


def test_no_other_module_parses_templates() -> None:
    """Only signgen/spec/template.py parses ``{field}`` text (no Formatter, no brace tests)."""
    pattern = re.compile(r"Formatter\(\)|\"\{\" \+|f\"\{\{\{|\"\{\" in ")
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "signgen").rglob("*.py")
                 if path.name != "template.py" and pattern.search(path.read_text("utf-8"))]
    assert offenders == []
