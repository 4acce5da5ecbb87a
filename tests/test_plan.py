"""Loading a renovation plan: names resolved against the standard, bad input located."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.cli.main import main
from signgen.contractor.plan import load_plan, match_named, resolve_function, suggest_functions
from signgen.errors import SigngenError
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

EXAMPLES = ROOT / "examples"

GOOD = """\
community: {district: 东湖区, street: 百花洲街道, community: 彭家桥社区, party_org: 党支部}
origin: new_build
rooms:
  - name: 大厅
    area_m2: 90
    zone: office
    functions: [一站式服务大厅]
windows: [民政]
boards: [党建]
"""


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_plan_resolves_names(tmp_path: Path, standard: Standard) -> None:
    """Zone, function, window and board names resolve to the spec's ids."""
    plan = load_plan(write(tmp_path, GOOD), standard)
    room = plan.rooms[0]
    function = resolve_function(standard, "一站式服务大厅")
    assert function is not None
    assert room.functions == (function.id,)
    assert room.zone == standard.zones[0].id
    assert [w.name for w in plan.windows] == ["民政"]
    board = next(b for b in standard.boards if b.name.startswith("党建"))
    assert [b.category for b in plan.boards] == [board.id]


def test_resolve_function_by_id_name_alt_and_fullwidth(standard: Standard) -> None:
    """A function is found by id, Chinese name, alternative name, full-width brackets too."""
    for function in standard.functions:
        for name in (function.id, function.name, *function.alt_names):
            assert resolve_function(standard, name) == function
        wide = function.name.replace("(", "（").replace(")", "）")
        assert resolve_function(standard, f" {wide} ") == function
    assert resolve_function(standard, "不存在的房间") is None


def test_suggest_functions_finds_near_names(standard: Standard) -> None:
    """A misspelt function name suggests the nearest known name first."""
    target = next(f for f in standard.functions if f.alt_names)
    typo = target.alt_names[0][:-2] + target.alt_names[0][-1]
    suggestions = suggest_functions(standard, typo)
    assert suggestions
    assert resolve_function(standard, suggestions[0]) == target


def test_board_prefix_and_ambiguity(standard: Standard) -> None:
    """A unique part of a board name matches it; a part shared by several matches none."""
    board = standard.boards[0]
    assert match_named(standard.boards, board.name[:2]) == (board.id, [])
    common = board.name[-3:]  # the shared ending, e.g. 宣传栏
    item, several = match_named(standard.boards, common)
    assert item is None
    assert len(several) == sum(1 for b in standard.boards if b.name.endswith(common)) > 1


def test_origin_by_chinese_name(tmp_path: Path, standard: Standard) -> None:
    """An origin is accepted by its Chinese name as well as its id."""
    origin = standard.origins[1]
    plan = load_plan(write(tmp_path, GOOD.replace("new_build", origin.name)), standard)
    assert plan.origin == origin.id


@pytest.mark.parametrize(("old", "new", "where", "field", "words"), [
    ("    area_m2: 90", "    area_m2: -5", "5:5", "rooms[0].area_m2", "positive number"),
    ("    area_m2: 90\n", "", "4:5", "rooms[0].area_m2", "required"),
    ("    area_m2: 90", '    area_m2: "ninety"', "5:5", "rooms[0].area_m2", "number"),
    ("    area_m2: 90", "    area_m2: .inf", "5:5", "rooms[0].area_m2", "finite"),
    ("    area_m2: 90", "    area_m2: 150cm", "5:5", "rooms[0].area_m2", "in m²"),
    ("    area_m2: 90", '    area_m2: "90,5"', "5:5", "rooms[0].area_m2", "with a point"),
    ("    zone: office", "    zone: 仓库", "6:5", "rooms[0].zone", "仓库"),
    ("origin: new_build", "origin: stolen", "2:1", "origin", "stolen"),
    ("    functions: [一站式服务大厅]", "    functions: 大厅", "7:5", "rooms[0].functions",
     "list"),
])
def test_bad_plan_is_located(tmp_path: Path, runner: CliRunner, old: str, new: str,
                             where: str, field: str, words: str) -> None:
    """Negative, missing or mistyped area, unknown zone or origin: file:line:col, field, exit 2."""
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    out = tmp_path / "report.md"
    result = runner.invoke(main, ["check-plan", str(path), "--specs", str(SPECS), "--lang", "en",
                                  "-o", str(out), "--svg", str(tmp_path / "p.svg")])
    assert result.exit_code == 2, result.output
    assert f"{path}:{where}: {field}: expected" in result.output
    assert words in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and not (tmp_path / "p.svg").exists()


@pytest.mark.parametrize("written", ["150㎡", "１５０", "150 平方米", "150m2", "150"])
def test_areas_as_people_type_them(tmp_path: Path, standard: Standard, written: str) -> None:
    """An area written with its unit (150㎡, 150 平方米) or in full-width digits reads as 150."""
    plan = load_plan(write(tmp_path, GOOD.replace("area_m2: 90", f"area_m2: {written}")),
                     standard)
    assert plan.rooms[0].area_m2 == 150


def test_areas_that_overflow_the_total_are_refused(tmp_path: Path, standard: Standard) -> None:
    """Two rooms of 1e308 m² each are finite, their total is not: a located error, not
    'compliant' with Infinity in the report."""
    text = GOOD.replace("area_m2: 90", "area_m2: 1e308").replace(
        "windows:", "  - {name: 二, area_m2: 1e308, zone: office}\nwindows:")
    with pytest.raises(SigngenError) as info:
        load_plan(write(tmp_path, text), standard)
    assert [p.field for p in info.value.problems] == ["rooms"]
    assert "finite total" in info.value.problems[0].text("en")


def test_unknown_function_did_you_mean(tmp_path: Path, runner: CliRunner,
                                       standard: Standard) -> None:
    """An unknown function name is a located error naming the nearest known names."""
    path = write(tmp_path, GOOD.replace("[一站式服务大厅]", "[一站式服务大厅, 残疾康复室]"))
    result = runner.invoke(main, ["check-plan", str(path), "--specs", str(SPECS)])
    assert result.exit_code == 2
    assert f"{path}:7:" in result.output
    assert "rooms[0].functions[1]" in result.output
    assert "是否指" in result.output
    result = runner.invoke(main, ["check-plan", str(path), "--specs", str(SPECS), "--lang", "en"])
    assert "did you mean" in result.output
    assert suggest_functions(standard, "残疾康复室")[0] in result.output


def test_all_problems_reported_together(tmp_path: Path, standard: Standard) -> None:
    """A shape error (negative area) and bad names in one plan are all reported at once."""
    text = GOOD.replace("zone: office", "zone: nowhere").replace("党支部}", "党委}") \
        .replace("area_m2: 90", "area_m2: -5")
    with pytest.raises(SigngenError) as err:
        load_plan(write(tmp_path, text), standard)
    fields = [p.field for p in err.value.problems]
    assert {"rooms[0].zone", "community.party_org", "rooms[0].area_m2"} <= set(fields)


def test_plan_against_supplementary_standard(tmp_path: Path) -> None:
    """A plan loads against a standard without zones or origins (learning community)."""
    learning = load_standard(SPECS / "learning-community")
    function = learning.functions[0]
    text = f"rooms:\n  - {{name: 教室, area_m2: 50, functions: [{function.name}]}}\n"
    plan = load_plan(write(tmp_path, text), learning)
    assert plan.rooms[0].functions == (function.id,)
    assert plan.rooms[0].zone is None


@pytest.mark.parametrize("name", ["plan-compliant.yaml", "plan-short.yaml"])
def test_examples_load(standard: Standard, name: str) -> None:
    """The shipped example plans load without problems."""
    plan = load_plan(EXAMPLES / name, standard)
    assert plan.rooms
