"""Fuzzing every reader through the command line: spec folders (validate), plans
(check-plan), surveys (audit) and communities files (batch). Whatever the input, the
command exits 0, 1 or 2 without a traceback; exit 2 names the input file; nothing is
written outside the output folder.

Inputs are the bundled examples with values replaced anywhere in their tree, lines cut or
swapped, bytes inserted, and arbitrary text. The number of inputs tried is counted in
``TRIED`` (printed at the end of the module, ``pytest -s``); ``SIGNGEN_FUZZ_EXAMPLES=N``
sets the number of inputs per reader (default 25).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from project_paths import CORE_SPECS, ROOT, SPECS

from signgen.cli.main import main

TRIED: dict[str, int] = {}
PLAN = (ROOT / "examples" / "plan-short.yaml").read_text(encoding="utf-8")
SURVEY = (ROOT / "examples" / "survey-plan-short.yaml").read_text(encoding="utf-8")
PLAQUES = (CORE_SPECS / "plaques.yml").read_text(encoding="utf-8")
COMMUNITIES = (ROOT / "examples" / "communities.csv").read_text(encoding="utf-8")
EXAMPLES = int(os.environ.get("SIGNGEN_FUZZ_EXAMPLES", "25"))  # per reader; more for a campaign
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    phases=(Phase.explicit, Phase.generate),  # shrinking a CLI run is slow
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["1e308", ".inf", "-.inf", ".nan", "2026-13-45", "2026-02-30",
                     "../../etc/passwd", "</title><script>x</script>", "\u200b", "-0",
                     "1" * 400, "党总支", "pass", "fail", "na"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=5)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in node.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(node)]


@st.composite
def mutated_yaml(draw: st.DrawFn, text: str) -> str:
    """The YAML text with one value replaced, or its lines cut, swapped or garbled."""
    how = draw(st.sampled_from(["value", "value", "lines", "bytes", "text"]))
    if how == "value":
        data = yaml.safe_load(text)
        path = draw(st.sampled_from(list(_paths(data))))
        return yaml.safe_dump(_replace(data, path, draw(values)), allow_unicode=True)
    if how == "lines":
        lines = text.splitlines(keepends=True)
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(i, min(len(lines), i + 5)))
        return "".join(lines[:i] + lines[j:] + lines[i:j] * draw(st.integers(0, 2)))
    if how == "bytes":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.text(max_size=10)) + text[at + draw(st.integers(0, 5)):]
    return draw(st.text(max_size=300))


@st.composite
def mutated_csv(draw: st.DrawFn) -> str:
    """The example communities file with cells replaced, rows added, or arbitrary text."""
    how = draw(st.sampled_from(["cells", "cells", "rows", "text"]))
    rows = [line.split(",") for line in COMMUNITIES.splitlines()]
    if how == "cells":
        for _ in range(draw(st.integers(1, 4))):
            r = draw(st.integers(0, len(rows) - 1))
            c = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = draw(st.one_of(st.text(max_size=30), st.sampled_from(
                ['"', '"unclosed', "=cmd|' /C calc'!A0", "\x00", "inf", "1e308", "-1",
                 "../../x.svg", "file:///etc/passwd", "社区\u200b", "Ａ"])))
        return "\n".join(",".join(r) for r in rows) + "\n"
    if how == "rows":
        extra = draw(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=4))
        return COMMUNITIES + "".join(",".join(r) + "\n" for r in extra)
    return draw(st.text(max_size=300))


def _run(args: list[str], work: Path, input_name: str, kind: str) -> None:
    """Run signgen in ``work``; check exit code, no traceback, located exit 2, no stray
    writes (only the input and ``out/`` may exist afterwards)."""
    TRIED[kind] = TRIED.get(kind, 0) + 1
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{type(result.exception).__name__}: {result.exception}\n{result.output}"
    assert "Traceback" not in result.output
    if result.exit_code == 2:  # located: names the input (or a file beside it) or an option
        assert input_name in result.output or str(work) in result.output \
            or "--" in result.output, result.output
    stray = [p for p in work.rglob("*") if not (p.name == input_name or "out" in
                                                 p.relative_to(work).parts[:1]
                                                 or p.is_relative_to(work / "specs"))]
    assert stray == []


@pytest.mark.slow
@SETTINGS
@given(text=mutated_yaml(PLAN))
def test_plans(text: str) -> None:
    """check-plan on a mutated plan: 0, 1 or a located 2; the report only in out/."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "plan.yaml").write_text(text, encoding="utf-8")
        _run(["check-plan", str(work / "plan.yaml"), "--specs", str(SPECS), "-o",
              str(work / "out" / "report.json"), "--svg", str(work / "out" / "plan.svg")],
             work, "plan.yaml", "plan")


@pytest.mark.slow
@SETTINGS
@given(text=mutated_yaml(SURVEY))
@example(text=SURVEY.replace("functions: [one-stop-hall]", "functions: [[one-stop-hall]]"))
def test_surveys(text: str) -> None:
    """audit on a mutated survey: 0, 1 or a located 2; the report only in out/."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "survey.yaml").write_text(text, encoding="utf-8")
        _run(["audit", str(work / "survey.yaml"), "--specs", str(SPECS), "--format", "json",
              "-o", str(work / "out" / "audit.json")], work, "survey.yaml", "survey")


@pytest.mark.slow
@SETTINGS
@given(text=mutated_yaml(PLAQUES))
def test_specs(text: str) -> None:
    """validate on a spec folder whose plaques.yml is mutated: 0 or a located 2."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        specs = work / "specs" / "community-premises"
        shutil.copytree(CORE_SPECS, specs)
        (specs / "plaques.yml").write_text(text, encoding="utf-8")
        _run(["validate", str(work / "specs")], work, "plaques.yml", "spec")


@pytest.mark.slow
@SETTINGS
@given(text=mutated_csv())
def test_communities(text: str) -> None:
    """batch on a mutated communities file: 0, 1 or a located 2; files only in out/."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "c.csv").write_text(text, encoding="utf-8")
        _run(["batch", str(work / "c.csv"), "--specs", str(SPECS), "-o", str(work / "out"),
              "-q", "--allow-small"], work, "c.csv", "communities")


def teardown_module() -> None:
    """Say how many inputs were tried (``pytest -s`` shows it)."""
    print(f"\nfuzz inputs tried: {TRIED} (total {sum(TRIED.values())})")
