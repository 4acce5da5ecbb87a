"""The bundled standards, and proof that the format is generic: a second standard with no
plaques loads through the same code, and no standard's content lives in the code."""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from minimal_specs import edit
from project_paths import ROOT, SOURCE_TEXT, SPECS

from signgen.errors import SigngenError
from signgen.spec.load import load_standard, load_standards
from signgen.spec.model import Standard
from signgen.spec.select import load_selected, pick_standard

CODE = ROOT / "signgen"


@pytest.fixture(scope="module")
def bundled() -> dict[str, Standard]:
    """Every standard under specs/, by id."""
    return {s.id: s for s in load_standards(SPECS)}


def test_specs_hold_one_core_and_a_supplementary_standard(bundled: dict[str, Standard]) -> None:
    """specs/ holds the core standard and the learning-community one, exactly one core."""
    roles = {sid: s.standard.role for sid, s in bundled.items()}
    assert roles["community-premises"] == "core"
    assert roles["learning-community"] == "supplementary"
    assert list(roles.values()).count("core") == 1


def test_learning_community_has_no_plaques_and_needs_no_defaults(
        bundled: dict[str, Standard]) -> None:
    """A standard without plaques, colours or typefaces needs no project defaults but the
    audit sheet's QR code size (every standard has an audit sheet)."""
    learning = bundled["learning-community"]
    assert (learning.plaques, learning.colours, learning.typefaces) == ([], [], [])
    assert learning.project_defaults.qr_codes is not None
    assert learning.project_defaults.model_dump(exclude={"qr_codes"}) == {
        name: [] if isinstance(value, list) else None
        for name, value in learning.project_defaults.model_dump(exclude={"qr_codes"}).items()}
    assert learning.quantities and learning.functions and learning.boards and learning.rules


def test_every_clause_is_verbatim_in_the_source(bundled: dict[str, Standard]) -> None:
    """Each clause's text is the source document's text (spaces and line breaks aside)."""
    source = "".join(SOURCE_TEXT.read_text(encoding="utf-8").split())
    missing = [f"{s.id}:{c.id}" for s in bundled.values() for c in s.clauses
               if "".join(c.text.split()) not in source]
    assert missing == []


def _numbers(text: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def test_every_stated_number_is_in_its_quote(bundled: dict[str, Standard]) -> None:
    """An area or quantity's number appears in the words it cites (a count of 1 per day aside)."""
    wrong = []
    for std in bundled.values():
        for item in [*std.area_rules, *std.quantities]:
            value = getattr(item, "min_m2", None) or getattr(item, "value", None)
            once_per_period = value == 1 and getattr(item, "per", None) is not None
            if value not in _numbers(item.citation.quote) and not once_per_period:
                wrong.append(f"{std.id}:{item.id}: {value} not in {item.citation.quote!r}")
    assert wrong == []


def test_a_standard_loads_from_any_folder_under_any_id(tmp_path: Path) -> None:
    """Nothing names the bundled standards: a renamed copy under a new id loads the same."""
    copy = tmp_path / "some-other-name"
    shutil.copytree(SPECS / "learning-community", copy)
    edit(copy / "standard.yml", "  id: learning-community\n", "  id: renamed\n")
    original, renamed = load_standard(SPECS / "learning-community"), load_standard(copy)
    assert renamed.id == "renamed"
    assert renamed.model_dump(exclude={"standard"}) == original.model_dump(exclude={"standard"})


def test_default_pick_is_the_core_standard() -> None:
    """Without --standard, commands get the standard whose role is core."""
    assert load_selected(SPECS).standard.role == "core"
    assert load_selected(SPECS, "learning-community").id == "learning-community"


def test_unknown_or_ambiguous_pick_lists_the_choices(bundled: dict[str, Standard]) -> None:
    """An unknown id, or no single core standard, is an error naming every standard."""
    standards = list(bundled.values())
    with pytest.raises(SigngenError, match=r"community-premises \(core\), learning-community "
                                           r"\(supplementary\), got 'nope'"):
        pick_standard(standards, "nope")
    supplementary = [s for s in standards if s.standard.role != "core"]
    with pytest.raises(SigngenError, match="expected exactly one standard with role core"):
        pick_standard(supplementary, None)


# --- the standard is data: none of its content in the code ----------------------------------


def _content(standards: list[Standard]) -> dict[str, str]:
    """Words that only the standard says: item names, plaque wording, quotes. Text -> origin."""
    found: dict[str, str] = {}
    for std in standards:
        for section in ("typefaces", "colours", "zones", "area_rules", "functions", "origins",
                        "plaques", "window_categories", "boards", "quantities"):
            for item in getattr(std, section):
                for name in [item.name, *getattr(item, "alt_names", [])]:
                    found[name] = f"{std.id} {section}:{item.id}"
        for plaque in std.plaques:
            for seg in plaque.segments:
                for part in re.split(r"\{[^}]*\}", seg.text):
                    found[part] = f"{std.id} plaques:{plaque.id}.{seg.id}"
        for section in ("rules", "plaques", "functions", "quantities"):
            for item in getattr(std, section):
                if len(item.citation.quote) >= 6:
                    found[item.citation.quote] = f"{std.id} {section}:{item.id} quote"
    return {text: where for text, where in found.items() if len(text.strip()) >= 2}


def _code_strings() -> Iterator[tuple[str, str]]:
    """(place, text) for every string in signgen's code and templates, docstrings aside."""
    for path in sorted(CODE.rglob("*")):
        rel = path.relative_to(ROOT)
        if path.suffix == ".py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                          if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                                        | ast.AsyncFunctionDef)
                          and node.body and isinstance(node.body[0], ast.Expr)}
            for node in ast.walk(tree):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and id(node) not in docstrings):
                    yield f"{rel}:{node.lineno}", node.value
        elif path.is_file() and "templates" in path.parts:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield f"{rel}:{number}", line


def test_no_content_of_any_standard_in_the_code(bundled: dict[str, Standard]) -> None:
    """Names, plaque wording and quotes of the standards appear in no code or template string."""
    content = _content(list(bundled.values()))
    hits = sorted(f"{place}: {text!r} ({where})" for place, string in _code_strings()
                  for text, where in content.items() if text in string)
    assert hits == [], ("the standard is data: read these from the loaded Standard instead:\n"
                        + "\n".join(hits))


def _commands_with_standard_option() -> list[str]:
    from signgen.cli.main import main

    return sorted(name for name, command in main.commands.items()
                  if any("--standard" in getattr(p, "opts", []) for p in command.params))


@pytest.mark.slow
@pytest.mark.parametrize("name", _commands_with_standard_option())
def test_every_command_copes_with_a_standard_without_plaques(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command given the plaque-less standard works or says why (exit 0 or 2), no crash."""
    from click.testing import CliRunner

    from signgen.cli.main import main

    monkeypatch.chdir(tmp_path)  # whatever a command writes by default lands here
    result = CliRunner().invoke(main, [name, "--specs", str(SPECS),
                                       "--standard", "learning-community"])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
