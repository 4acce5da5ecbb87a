"""The plaques and render commands: listing, outputs, values, paths and errors."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from plaque_cases import PENGJIAQIAO
from project_paths import CORE_SPECS, SPECS

from signgen.cli.main import main
from signgen.cli.plaques import COMMANDS
from signgen.spec.load import load_standards
from signgen.spec.model import Standard

SETS = [arg for key, value in PENGJIAQIAO.items() for arg in ("--set", f"{key}={value}")]


def _render(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["render", *args, "--specs", str(SPECS)])
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    """Each command's --help shows its docstring, with an example."""
    for command in COMMANDS:
        assert command.name is not None
        result = runner.invoke(main, [command.name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output and f"signgen {command.name}" in result.output


def test_plaques_lists_every_plaque_and_marks_defaults(runner: CliRunner,
                                                       standard: Standard) -> None:
    """Every plaque is listed with names and size; sizes from the defaults are marked."""
    result = runner.invoke(main, ["plaques", "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(standard.plaques)
    for plaque, line in zip(standard.plaques, lines, strict=True):
        assert line.startswith(f"{plaque.id}\t{plaque.name}\t{plaque.name_en}\t")
        layout = standard.layout(plaque.id)
        if plaque.size.width_mm is None or plaque.size.height_mm is None:
            assert "(project default)" in line
        if layout.width_from_text and plaque.size.width_mm is None:
            assert (f"follows text, {layout.min_width_mm:g}-{layout.max_width_mm:g} mm "
                    "(project default)") in line
        if plaque.size.width_mm is not None and plaque.size.height_mm is not None:
            assert "(project default)" not in line
            assert f"{plaque.size.width_mm:g} mm" in line


def test_unknown_standard_lists_the_known_ones(runner: CliRunner) -> None:
    """--standard with an unknown id fails (exit 2) listing the ids there are."""
    result = runner.invoke(main, ["plaques", "--specs", str(SPECS), "--standard", "nope"])
    assert result.exit_code == 2
    for folder in SPECS.iterdir():
        if folder.is_dir() and any(folder.glob("*.yml")):
            assert folder.name in result.output


def test_render_svg_default_name_in_current_folder(runner: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o the file is PLAQUE_ID-COMMUNITY.svg here; letter heights go to stderr."""
    monkeypatch.chdir(tmp_path)
    code, _, err = _render(runner, "party-committee-plaque", *SETS)
    assert code == 0, err
    path = tmp_path / f"party-committee-plaque-{PENGJIAQIAO['community']}.svg"
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    assert root.find(".//{http://www.w3.org/2000/svg}text") is not None
    assert "letter heights: line 1" in err and "line 3" in err


def test_render_outline_and_placeholders(runner: CliRunner, standard: Standard,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    """--outline leaves no <text>; without values the placeholders are drawn, file PLAQUE_ID.svg."""
    monkeypatch.chdir(tmp_path)
    code, _, err = _render(runner, "workstation-plaque", "--outline")
    assert code == 0, err
    svg = (tmp_path / "workstation-plaque.svg").read_text(encoding="utf-8")
    assert "<text" not in svg and "<path" in svg
    district = next(f for f in standard.fields if f.id == "district")
    assert district.placeholder in svg


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF-"), ("png", b"\x89PNG")])
def test_render_pdf_and_png(runner: CliRunner, tmp_path: Path, fmt: str, magic: bytes) -> None:
    """PDF and PNG are written where -o says."""
    out = tmp_path / f"plaque.{fmt}"
    code, _, err = _render(runner, "name-sign", *SETS, "--format", fmt, "-o", str(out),
                           "--px-per-mm", "0.2")
    assert code == 0, err
    assert out.read_bytes().startswith(magic)


def test_render_to_stdout(runner: CliRunner) -> None:
    """-o - writes the SVG to stdout."""
    code, out, _ = _render(runner, "name-sign", *SETS, "-o", "-")
    assert code == 0
    assert ET.fromstring(out).tag.endswith("svg")


@pytest.mark.parametrize(("community", "to_folder"), [
    ("../../evil", True), ("/etc/passwd", False), ("..", True), ("a/../../b", False)])
def test_names_cannot_escape_the_output_folder(runner: CliRunner, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               community: str, to_folder: bool) -> None:
    """A community name with path parts lands inside -o FOLDER/ or the current folder."""
    folder = tmp_path / "here" / "deeper"
    folder.mkdir(parents=True)
    args = ["workstation-plaque", "--set", f"community={community}"]
    if to_folder:
        args += ["-o", f"{folder}/"]
    else:
        monkeypatch.chdir(folder)
    code, _, err = _render(runner, *args)
    assert code == 0, err
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 1 and written[0].parent == folder


def test_unknown_field_lists_the_fields(runner: CliRunner, standard: Standard) -> None:
    """--set with an unknown key fails (exit 2) listing every field."""
    code, _, err = _render(runner, "name-sign", "--set", "town=某镇")
    assert code == 2
    assert "town" in err
    for field in standard.fields:
        assert field.id in err


def test_value_outside_choices_is_refused(runner: CliRunner, standard: Standard) -> None:
    """party_org must be one of its choices."""
    code, _, err = _render(runner, "party-committee-plaque", "--set", "party_org=党委")
    assert code == 2
    for choice in next(f for f in standard.fields if f.id == "party_org").choices:
        assert choice in err


def test_letter_height_error_and_allow_small(runner: CliRunner, tmp_path: Path) -> None:
    """Too long a name fails with exit 2; --allow-small renders it with a warning."""
    args = ["name-sign", "--set", "community=" + "乌鲁木齐市天山区红山路社区" * 2,
            "-o", str(tmp_path / "x.svg")]
    code, _, err = _render(runner, *args)
    assert code == 2 and "letters would be" in err and "Traceback" not in err
    code, _, err = _render(runner, *args, "--allow-small")
    assert code == 0 and "warning:" in err
    assert (tmp_path / "x.svg").exists()


def test_missing_character_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    """A character in no face stops the render with its code point (exit 2)."""
    code, _, err = _render(runner, "name-sign", "--set", "community=\U0002A6D6社区",
                           "-o", str(tmp_path / "x.svg"))
    assert code == 2 and "U+2A6D6" in err
    assert not (tmp_path / "x.svg").exists()


def test_missing_font_names_role_and_packages(runner: CliRunner, tmp_path: Path,
                                              standard: Standard) -> None:
    """Substitutes pointing at fonts that do not exist: exit 2 naming families and packages."""
    folder = tmp_path / "specs" / CORE_SPECS.name
    shutil.copytree(CORE_SPECS, folder)
    defaults = folder / "defaults.yml"
    defaults.write_text(defaults.read_text(encoding="utf-8")
                        .replace("Noto Serif CJK SC", "Nonexistent Serif")
                        .replace("AR PL SungtiL GB", "Nonexistent Sung"), encoding="utf-8")
    result = runner.invoke(main, ["render", "name-sign", "--specs", str(tmp_path / "specs"),
                                  "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert "Nonexistent Serif Black" in result.stderr
    for package in standard.substitute("song-display").debian_packages:
        assert package in result.stderr


def test_standard_without_plaques(runner: CliRunner) -> None:
    """A supplementary standard without plaques lists none and cannot render one."""
    for standard in load_standards(SPECS):
        if standard.plaques:
            continue
        result = runner.invoke(main, ["plaques", "--specs", str(SPECS), "--standard",
                                      standard.id])
        assert result.exit_code == 0 and "no plaques" in result.output
        result = runner.invoke(main, ["render", "name-sign", "--specs", str(SPECS),
                                      "--standard", standard.id])
        assert result.exit_code == 2 and "has none" in result.stderr
        return
    pytest.skip("every standard here has plaques")
