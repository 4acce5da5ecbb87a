"""Whatever is in a spec file, signgen answers with located problems, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minimal_specs import MINIMAL, write_minimal

from signgen.errors import SigngenError
from signgen.spec.load import load_standard
from signgen.spec.yamlsource import parse_yaml

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in node.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(node)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_is_a_located_problem(text: str) -> None:
    """Arbitrary text is YAML or a SigngenError whose problems have a line within the text."""
    try:
        parse_yaml(text, "x.yml")
    except SigngenError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == "x.yml"
            assert 1 <= problem.line <= text.count("\n") + 2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(MINIMAL)), st.data(), values)
def test_any_value_anywhere_is_a_located_problem_or_valid(name: str, data: st.DataObject,
                                                          value: Any) -> None:
    """Any value put at any place of a valid spec file loads, or fails with located problems."""
    original = yaml.safe_load(MINIMAL[name])
    path = data.draw(st.sampled_from(_paths(original)))
    mutated = _replace(original, path, value)
    with tempfile.TemporaryDirectory() as tmp:
        directory = write_minimal(Path(tmp) / "tiny")
        target = directory / name
        target.write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
        n_lines = target.read_text(encoding="utf-8").count("\n") + 1
        try:
            load_standard(directory)
        except SigngenError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.message
                if problem.file == str(target):
                    assert 1 <= problem.line <= n_lines
                else:
                    assert problem.file.startswith(str(directory))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(MINIMAL)), st.data())
def test_any_edit_of_the_text_is_a_located_problem_or_valid(name: str,
                                                            data: st.DataObject) -> None:
    """Characters deleted or typed anywhere in a spec file: it loads, or problems are located."""
    text = MINIMAL[name]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 8)))
    typed = data.draw(st.text(alphabet=" \n\t:-{}[],'\"#&*!|>%@`?x1", max_size=4))
    with tempfile.TemporaryDirectory() as tmp:
        directory = write_minimal(Path(tmp) / "tiny")
        (directory / name).write_text(text[:start] + typed + text[end:], encoding="utf-8")
        try:
            load_standard(directory)
        except SigngenError as exc:
            assert exc.problems
            assert all(p.file.startswith(str(directory)) and p.message for p in exc.problems)
