"""Deeply nested YAML is refused with a located error (like the size limits), not a
RecursionError, in every reader: spec files, plans, surveys."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import ROOT

from signgen.cli.main import main
from signgen.errors import SigngenError
from signgen.spec.yamlsource import MAX_DEPTH, parse_yaml

DEEP_FLOW = "a: " + "[" * 400 + "]" * 400 + "\n"  # about 800 bytes on one line


@pytest.mark.parametrize("text", [
    DEEP_FLOW,
    "a: " + "{b: " * 400 + "1" + "}" * 400 + "\n",
    "".join(" " * i + "- \n" for i in range(0, 800, 2)),
], ids=["flow-lists", "flow-mappings", "block-lists"])
def test_deep_nesting_is_a_located_problem(text: str) -> None:
    """400 levels of lists or mappings: one problem at the line and column of the level
    that goes past the limit."""
    with pytest.raises(SigngenError) as caught:
        parse_yaml(text, "deep.yml")
    (problem,) = caught.value.problems
    assert problem.file == "deep.yml" and problem.line >= 1 and problem.col >= 1
    assert problem.message.startswith(f"too deeply nested: expected at most {MAX_DEPTH} levels")


def test_nesting_up_to_the_limit_is_read() -> None:
    """A document exactly MAX_DEPTH levels deep (counting the top mapping) is accepted."""
    data, _ = parse_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1), "ok.yml")
    depth, node = 0, data["a"]
    while isinstance(node, list):
        depth += 1
        node = node[0] if node else None
    assert depth == MAX_DEPTH - 1


@pytest.mark.parametrize("command", ["check-plan", "audit"])
def test_plan_and_survey_commands_exit_2(tmp_path: Path, runner: CliRunner,
                                         command: str) -> None:
    """check-plan and audit on a deeply nested file: exit 2 and the located message."""
    path = tmp_path / "deep.yaml"
    path.write_text(DEEP_FLOW, encoding="utf-8")
    result = runner.invoke(main, [command, str(path), "--specs", str(ROOT / "specs")])
    assert result.exit_code == 2, result.output
    assert f"{path}:1:" in result.output and "too deeply nested" in result.output


def test_validate_exits_2_on_a_deep_spec_file(tmp_path: Path, runner: CliRunner) -> None:
    """validate on a spec folder with a deeply nested file: exit 2, located."""
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "standard.yml").write_text(DEEP_FLOW, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(specs)])
    assert result.exit_code == 2 and "standard.yml:1:" in result.output
    assert "too deeply nested" in result.output
