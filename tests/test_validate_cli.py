"""`signgen validate` and the CLI's contract: exit 0 or 2, every problem, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from minimal_specs import edit, write_minimal

from signgen.cli.main import main
from signgen.spec.load import load_standards

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


def test_validate_bundled_specs_reports_each_standard() -> None:
    """`signgen validate specs` exits 0 with one line per standard and its real counts."""
    result = CliRunner().invoke(main, ["validate", str(SPECS)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    standards = load_standards(SPECS)
    assert [line.split(":")[0] for line in lines] == [s.id for s in standards]
    for line, std in zip(lines, standards, strict=True):
        assert f"{len(std.clauses)} clauses, {len(std.plaques)} plaques, " in line
        assert f"{len(std.quantities)} quantities, {len(std.rules)} rules" in line


def test_validate_reports_every_problem_and_exits_2(tmp_path: Path) -> None:
    """Bad specs: exit 2, a count, then one `file:line:col: field: message` line per problem;
    Chinese by default, English with --lang en."""
    directory = write_minimal(tmp_path / "tiny")
    edit(directory / "plaques.yml", "    kind: outdoor\n", "    kind: inside\n")
    edit(directory / "standard.yml", 'edition: "1"', "edition: 1")
    result = CliRunner().invoke(main, ["validate", str(directory)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: 2 个问题:",
        f"{directory / 'plaques.yml'}:20:5: plaques[0].kind: 应为 'outdoor' 或 'indoor',"
        "实际为 'inside'",
        f"{directory / 'standard.yml'}:5:3: standard.edition: 应为文字,实际为 1"
        "(YAML 把它读作数:请加引号)"]
    result = CliRunner().invoke(main, ["validate", str(directory), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: 2 problems:",
        f"{directory / 'plaques.yml'}:20:5: plaques[0].kind: expected 'outdoor' or 'indoor', "
        "got 'inside'",
        f"{directory / 'standard.yml'}:5:3: standard.edition: expected text, got 1 (YAML reads "
        "it as a number: put it in quotes)"]


def test_validate_missing_folder_exits_2(tmp_path: Path) -> None:
    """A specs folder that does not exist is one located error, exit 2."""
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {tmp_path / 'nope'}: expected a folder of spec files, "
                             "got none there\n")


@pytest.mark.slow
def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    """The installed entry point, on a broken file, prints the problem and no traceback."""
    directory = write_minimal(tmp_path / "tiny")
    (directory / "extra.yml").write_bytes(b"boards:\n  - \x1f\n")
    run = subprocess.run([sys.executable, "-m", "signgen", "validate", str(directory)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith(f"Error: {directory / 'extra.yml'}:2:5: expected printable")


def _commands(group: click.Group, prefix: str = "signgen") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        out.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            out += _commands(command, f"{prefix} {name}")
    return out


COMMANDS = _commands(main)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    """Each command's --help explains it and shows an example of its use."""
    args = [*name.split()[1:], "--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert command.help, f"{name} has no docstring"
    if isinstance(command, click.Group):
        return  # a group's help lists its commands; each of them shows an example
    assert "Example" in result.output and "signgen " in result.output.split("Example", 1)[1], (
        f"{name} --help shows no example")
