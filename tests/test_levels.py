"""Verdicts follow the text's levels: a plan passes or fails on what the standard requires,
never on examples (主要有…等), recommendations (建议) or encouragements (鼓励); the standard's
alternative names stay on plaques; a plan's community block holds community values only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import SPECS

from signgen.cli.main import main
from signgen.contractor.check import check_plan
from signgen.contractor.plan import load_plan
from signgen.contractor.schedule import schedule_rows
from signgen.errors import SigngenError
from signgen.output.report import Report
from signgen.spec.model import Standard

# Every required function (可一室多用), 340 m²: office 140, activity 200.
ROOMS = """\
community: {district: 东湖区, street: 百花洲街道, community: 彭家桥社区, party_org: 党支部}
origin: 购买
rooms:
  - {name: 大厅, area_m2: 100, zone: office, functions: [社区一站式服务大厅]}
  - {name: 综合室, area_m2: 40, zone: office, functions: [社区警务室, 社区档案室, ROOM3]}
  - {name: 活动室, area_m2: 120, zone: activity, functions: [ROOM4, 社区残疾人康复室]}
  - {name: 会议室, area_m2: 80, zone: activity, functions: [社区多功能会议(学习)室, 图书阅览室]}
"""


def plan_text(windows: str = "", boards: str = "", room3: str = "社区接访室",
              room4: str = "社区文体活动室", community_extra: str = "") -> str:
    text = ROOMS.replace("ROOM3", room3).replace("ROOM4", room4)
    if community_extra:
        text = text.replace("party_org: 党支部}", f"party_org: 党支部, {community_extra}}}")
    return text + windows + boards


def check(tmp_path: Path, standard: Standard, text: str, lang: str = "zh") -> Report:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return check_plan(standard, load_plan(path, standard), lang)


def items(report: Report) -> dict[str, tuple[str, str]]:
    return {i.id: (i.status, i.text) for s in report.sections for i in s.items}


def test_windows_beyond_the_examples_pass(tmp_path: Path, standard: Standard) -> None:
    """四(三) d3-4-3 科目类别主要有:民政、计生、综治、社保、医保等: an open list. A plan with
    windows 民政, 社保, 残联 is compliant: no example is required, 残联 is kept as written."""
    report = check(tmp_path, standard, plan_text("windows: [民政, 社保, 残联]\n"))
    assert report.ok, [t for s, t in items(report).values() if s == "fail"]
    assert all(c.level == "examples" for c in standard.window_categories)
    found = items(report)
    assert found["window-sign:2"][0] == "info" and "残联" in found["window-sign:2"][1]
    assert "不要求每个示例都设" in found["window-examples"][1]


def test_each_window_gets_a_sign_naming_its_category(tmp_path: Path,
                                                     standard: Standard) -> None:
    """四(三) d3-4-3 社区办事窗口放置服务科目牌: what the clause requires is a sign at each
    window naming its category; the schedule has one per window, 残联 included."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text("windows: [民政, 残联]\n"), encoding="utf-8")
    plan = load_plan(path, standard)
    sign = next(p for p in standard.plaques if p.repeat == "per_window")
    texts = [r.text for r in schedule_rows(standard, plan) if r.id.startswith(sign.id)]
    assert texts == ["民政", "残联"]


def test_a_plan_without_windows_is_warned_not_failed(tmp_path: Path,
                                                     standard: Standard) -> None:
    """四(三) d3-4-3 gives no number of windows: a plan listing none is compliant, with a
    warning quoting 社区办事窗口放置服务科目牌."""
    report = check(tmp_path, standard, plan_text())
    assert report.ok
    status, text = items(report)["windows-none"]
    assert status == "warn" and "社区办事窗口放置服务科目牌" in text


def test_recommended_boards_never_fail_and_are_counted_apart(tmp_path: Path,
                                                             standard: Standard) -> None:
    """四(五) d3-4-5 社区办公用房院内建议设置如下活动宣传栏: recommended. No boards at all
    passes; the report counts them apart (建议项: 0 / 6 设置; English: Recommended: 0 / 6)."""
    report = check(tmp_path, standard, plan_text("windows: [民政]\n", "boards: []\n"))
    assert report.ok
    boards = next(s for s in report.sections if s.id == "boards")
    assert "不影响结论" in boards.title
    assert boards.items[0].text == "建议项:0 / 6 设置"
    assert all(i.status == "info" for i in boards.items)
    english = check(tmp_path, standard, plan_text("boards: [党建, 低保]\n"), "en")
    assert items(english)["recommended-count"][1] == "Recommended: 2 / 6 planned"


def test_encouraged_functions_never_fail(tmp_path: Path, standard: Standard) -> None:
    """二 d3-2 在条件允许的情况下,鼓励社区设置以下功能: none planned, still compliant,
    counted apart (鼓励项: 0 / 6 设置)."""
    report = check(tmp_path, standard, plan_text())
    assert report.ok
    assert items(report)["encouraged-count"][1] == "鼓励项:0 / 6 设置"


def test_a_missing_required_function_fails_quoting_its_level_words(
        tmp_path: Path, standard: Standard) -> None:
    """二 d3-2 对社区用房功能进行如下分类设置: a plan without 社区档案室 fails, and the
    report quotes the words that make it required."""
    report = check(tmp_path, standard, plan_text().replace("社区档案室, ", ""))
    status, text = items(report)["function:archive-room"]
    assert status == "fail" and "对社区用房功能进行如下分类设置" in text
    assert not report.ok


@pytest.mark.parametrize(("written", "plaque"), [
    ("矛盾调解室", "矛盾调解室"), ("心理慰藉室", "心理慰藉室"), ("接访室", "社区接访室"),
    ("reception-room", "社区接访室")])
def test_the_standards_alternative_name_stays_on_the_plaque(
        tmp_path: Path, standard: Standard, written: str, plaque: str) -> None:
    """二 d3-2 社区接访室(矛盾调解室、心理慰藉室): a room planned as 矛盾调解室 keeps that name
    on its plaque; a project alias (接访室) or an id gives the standard's name 社区接访室."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(room3=written), encoding="utf-8")
    plan = load_plan(path, standard)
    room = plan.rooms[1]
    row = next(r for r in schedule_rows(standard, plan) if r.id.endswith("-r02"))
    assert row.text == f"社区警务室、社区档案室、{plaque}"
    assert room.names[-1] == plaque
    assert check_plan(standard, plan).ok


def test_party_members_room_is_the_standards_name(tmp_path: Path, standard: Standard) -> None:
    """二 d3-2 社区文体活动室(社区党员活动室): 社区党员活动室 is the standard's name and stays on
    the plaque; 党员活动室 is a project alias, so the plaque reads 社区文体活动室."""
    function = next(f for f in standard.functions if f.id == "culture-sports-room")
    assert function.alt_names == ["社区党员活动室"]
    assert function.project_aliases is not None
    assert "党员活动室" in function.project_aliases.names
    for written, shown in (("社区党员活动室", "社区党员活动室"), ("党员活动室", "社区文体活动室")):
        path = tmp_path / "plan.yaml"
        path.write_text(plan_text(room4=written), encoding="utf-8")
        row = next(r for r in schedule_rows(standard, load_plan(path, standard))
                   if r.id.endswith("-r03"))
        assert row.text.startswith(shown + "、")


def test_board_header_is_marked_as_the_projects_own(tmp_path: Path,
                                                    standard: Standard) -> None:
    """四(五) d3-4-5 names boards (建议设置如下活动宣传栏) but no header: the header row of
    the schedule says the project adds it; the standard's plaques say nothing of the kind."""
    header = next(p for p in standard.plaques if p.repeat == "per_board")
    assert header.project_addition is not None and header.level == "recommended"
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(boards="boards: [党建]\n"), encoding="utf-8")
    rows = schedule_rows(standard, load_plan(path, standard))
    board_row = next(r for r in rows if r.id.startswith(header.id))
    assert "本项目所加" in board_row.type and board_row.level == "建议设置"
    assert all("本项目所加" not in r.type for r in rows if r is not board_row)
    english = schedule_rows(standard, load_plan(path, standard), "en")
    assert "added by the project" in next(r for r in english if r.id == board_row.id).type


@pytest.mark.parametrize(("extra", "source"), [
    ("board: 党建宣传栏", "boards"), ("category: 民政", "windows"),
    ("room_functions: 社区警务室", "rooms[].functions")])
def test_community_block_refuses_per_sign_fields(tmp_path: Path, runner: CliRunner,
                                                 extra: str, source: str) -> None:
    """A plan's community: block takes the community's values only: a per-sign field (a
    board's name, a window's category, a room's functions) is a located error, exit 2,
    naming the plan key that gives it, instead of overriding every such sign."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text("windows: [民政]\n", community_extra=extra), encoding="utf-8")
    key = extra.split(":")[0]
    result = runner.invoke(main, ["check-plan", str(path), "--specs", str(SPECS)])
    assert result.exit_code == 2, result.output
    assert f"{path}:1:" in result.output and f"community.{key}:" in result.output
    assert f"由方案的 {source} 给出" in result.output
    result = runner.invoke(main, ["schedule", str(path), "--specs", str(SPECS), "--lang", "en",
                                  "-o", str(tmp_path / "s.csv")])
    assert result.exit_code == 2 and f"the plan's {source} gives it" in result.output
    assert not (tmp_path / "s.csv").exists()


def test_plan_errors_chinese_by_default_english_on_request(tmp_path: Path,
                                                           standard: Standard) -> None:
    """Chinese first: an unknown zone is reported in Chinese; --lang en gives English."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text().replace("zone: office", "zone: 仓库", 1), encoding="utf-8")
    with pytest.raises(SigngenError) as info:
        load_plan(path, standard)
    assert "实际为 '仓库'" in str(info.value)
    assert "got '仓库'" in str(info.value.in_lang("en"))
