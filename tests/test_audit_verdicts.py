"""Verdicts a professional would sign (issue 10, audit side): typefaces and colours judged by
what the standard names, the auditor's judgement respected, INCOMPLETE surveys, levels,
origins, Chinese first; and the survey's own guards (issue 13.4, 13.10, 13.17)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from audit_fill import compliant_entry, fill, judge, write
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from project_paths import SPECS

from signgen.audit.items import AuditItem, checkable_items
from signgen.audit.judge import Outcome
from signgen.audit.report import render_report
from signgen.audit.sheet import audit_sheet_html
from signgen.audit.template import survey_template
from signgen.cli.main import main
from signgen.errors import SigngenError
from signgen.spec.model import Standard

VALUES = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
          "party_org": "党支部"}
FACES = "plaque.name-sign.typefaces"
COLOURS = "plaque.name-sign.colours"
NAME_TEXT = "plaque.name-sign.text"


@pytest.fixture(scope="module")
def template(standard: Standard) -> str:
    """The survey template for one community, premises purchased."""
    return survey_template(standard, VALUES, origin="purchased")


def outcome(text: str, standard: Standard, item_id: str, lang: str = "zh") -> Outcome:
    """The judged outcome of one item of a survey."""
    return next(o for o in judge(text, standard, lang=lang).outcomes if o.item.id == item_id)


def _faces(template: str, street: str, community: str) -> str:
    text = fill(template, FACES, "observed", json.dumps(street, ensure_ascii=False),
                sub="district-street")
    return fill(text, FACES, "observed", json.dumps(community, ensure_ascii=False),
                sub="community")


def _genuine(standard: Standard, item: AuditItem) -> dict[str, Any]:
    """What an auditor records on correctly made plaques in the genuine typefaces (the
    foundries' own names, not the project's substitutes) and reasonable reds."""
    reds = {"red": "大红", "black": "#000", "white": "#fff"}
    if item.kind == "plaque-typefaces":
        return {"observed": {p.key: standard.typeface(p.spec_id).known_as.names[2]  # type: ignore[union-attr]
                             for p in item.parts}}
    if item.kind == "plaque-colours":
        return {"observed": {p.key: reds.get(p.spec_id, "#C8102E") for p in item.parts}}
    return compliant_entry(standard, item)


def _filled(standard: Standard, template: str, entry: Any = _genuine) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(template)
    for item in checkable_items(standard, VALUES, origin="purchased"):
        data["items"][item.id].update(entry(standard, item))
    return data


def _run(runner: CliRunner, tmp_path: Path, data: dict[str, Any] | str, *args: str) -> Any:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    return runner.invoke(main, ["audit", str(write(tmp_path, text)), "--specs", str(SPECS),
                                *args])


# --- typefaces (10.2): 四(一)1 “??区??街道”为白底黑色宋体(大标宋),“??社区”为白底红色楷体(行楷)


def test_genuine_da_biao_song_and_xing_kai_pass(standard: Standard, template: str) -> None:
    """四(一)1 "黑色宋体(大标宋)… 红色楷体(行楷)": 方正大标宋简体 and 华文行楷 are those
    typefaces, so the name sign passes on its faces, said to be the named typefaces."""
    got = outcome(_faces(template, "方正大标宋简体", "华文行楷"), standard, FACES)
    assert (got.status, got.decided_by) == ("pass", "signgen")
    assert "方正大标宋简体,属于宋体(大标宋)" in got.message
    latin = outcome(_faces(template, "FZDaBiaoSong-B06S", "STXingkai"), standard, FACES)
    assert latin.status == "pass"


def test_project_substitute_passes_marked_as_project_default(standard: Standard,
                                                             template: str) -> None:
    """四(一)1 "宋体(大标宋)": Noto Serif CJK SC Bold is the project's stand-in, not a 大标宋;
    it passes with a note that it is a project substitute (project default)."""
    got = outcome(_faces(template, "Noto Serif CJK SC Bold", "LXGW WenKai Bold"), standard,
                  FACES)
    assert got.status == "pass"
    assert "是本项目的替代字体(项目默认值),不是宋体(大标宋)本身" in got.message


def test_ordinary_kai_is_not_xing_kai(standard: Standard, template: str) -> None:
    """四(一)1 "红色楷体(行楷)": an ordinary 楷体 is not a 行楷; it fails, naming 行楷."""
    got = outcome(_faces(template, "方正大标宋", "华文楷体"), standard, FACES, "en")
    assert got.status == "fail"
    assert "observed 华文楷体, required Kai, running-script cut (Xing Kai)" in got.message
    assert "方正行楷" in got.message


# --- colours (10.3): 四(一)1 白底黑色宋体 … 白底红色楷体


@pytest.mark.parametrize("red", ["大红", "正红", "红", "#E60012", "#C8102E", "#FF0000",
                                 "rgb(222, 41, 16)", "C0 M100 Y100 K0"])
def test_reasonable_reds_pass(standard: Standard, template: str, red: str) -> None:
    """四(一)1 "红色楷体": any name of red, and any red within ΔE2000 12 of the project's
    #E60012 (project default), is the standard's 红色; #fff is its 白底."""
    text = fill(template, COLOURS, "observed", '"黑色"', sub="district-street")
    text = fill(text, COLOURS, "observed", json.dumps(red), sub="community")
    text = fill(text, COLOURS, "observed", '"#fff"', sub="background")
    got = outcome(text, standard, COLOURS)
    assert got.status == "pass", got.message


def test_a_brown_is_not_red_and_the_report_says_how_it_judged(standard: Standard,
                                                              template: str) -> None:
    """四(一)1 "红色": #A52A2A is ΔE2000 13.2 from the project's red, over the 12 allowed
    (project default); the finding gives the difference, the limit and the default."""
    text = fill(template, COLOURS, "observed", '"#A52A2A"', sub="community")
    got = outcome(text, standard, COLOURS, "en")
    assert got.status == "fail"
    assert "ΔE2000 13.2, more than the 12 allowed (project default)" in got.message


def test_an_unreadable_colour_is_left_to_the_auditor(standard: Standard, template: str
                                                     ) -> None:
    """signgen cannot read 深红: it does not fail it; the auditor's pass stands, said so."""
    text = fill(template, COLOURS, "observed", '"深红"', sub="community")
    text = fill(text, COLOURS, "result", "合格")
    got = outcome(text, standard, COLOURS)
    assert (got.status, got.decided_by) == ("pass", "auditor")
    assert "无法识别颜色“深红”" in got.message


# --- the auditor's judgement (10.5)


def test_auditor_fail_for_faded_letters_stands(standard: Standard, template: str,
                                               tmp_path: Path, runner: CliRunner) -> None:
    """10.5 "an auditor's fail is never turned into a pass": the name sign's text, faces and
    colours are right, but the auditor failed it, 字已严重褪色脱落; it fails, exit 1."""
    data = _filled(standard, template)
    data["items"][NAME_TEXT].update({"result": "不合格", "note": "字已严重褪色脱落"})
    result = _run(runner, tmp_path, data, "--format", "json")
    assert result.exit_code == 1, result.output
    item = next(i for i in json.loads(result.stdout)["items"] if i["id"] == NAME_TEXT)
    assert (item["status"], item["decided_by"]) == ("fail", "auditor")
    assert "核查人判为不合格,以核查人为准(记录的数值在允许范围内" in item["message"]
    assert item["note"] == "字已严重褪色脱落"


def test_correct_plaques_in_genuine_faces_and_reasonable_reds_pass(
        standard: Standard, template: str, tmp_path: Path, runner: CliRunner) -> None:
    """Issue 10, done when: a survey of correctly made plaques in the genuine typefaces and
    reasonable reds passes: compliant and complete, exit 0."""
    result = _run(runner, tmp_path, _filled(standard, template), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["verdict"], data["exit_status"]) == ("compliant", 0)
    assert data["score"]["failed"] == 0


def test_blank_survey_is_incomplete_said_first_exit_3(template: str, tmp_path: Path,
                                                      runner: CliRunner) -> None:
    """10.5 "a survey with applicable items left empty is INCOMPLETE, said first ... 3":
    the template as written, nothing filled, exits 3 and the verdict is the first line."""
    result = _run(runner, tmp_path, template)
    assert result.exit_code == 3, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "核查报告:东湖区百花洲街道彭家桥社区"
    assert lines[1].startswith("结论:核查未完成(INCOMPLETE)")
    english = _run(runner, tmp_path, template, "--lang", "en")
    assert english.stdout.splitlines()[1].startswith("VERDICT: INCOMPLETE")


def test_survey_without_origin_is_incomplete(standard: Standard, tmp_path: Path,
                                             runner: CliRunner) -> None:
    """三 "新建社区用房的社区标识悬挂于房顶,购买、配建和调剂的…置于社区标牌的前端": a survey
    that does not record the origin cannot be judged on it: INCOMPLETE, exit 3."""
    data = _filled(standard, survey_template(standard, VALUES))
    data["survey"]["origin"] = None
    result = _run(runner, tmp_path, data)
    assert result.exit_code == 3, result.output
    assert "未记录用房来源(origin)" in result.stdout


# --- levels: a recommended item never fails


def test_recommended_board_never_fails(standard: Standard, template: str, tmp_path: Path,
                                       runner: CliRunner) -> None:
    """四(二)4 "建议设置…宣传栏": a missing 党建宣传栏 (recommended) does not fail the audit;
    it is reported apart, with its level."""
    data = _filled(standard, template)
    boards = [b.id for b in standard.boards if b.level == "recommended"]
    for board in boards:
        data["items"][f"board.{board}"] = {"result": "fail"}
    result = _run(runner, tmp_path, data)
    assert result.exit_code == 0, result.output
    assert "建议、鼓励与示例项(不影响结论)" in result.stdout
    advisory = [i for i in checkable_items(standard, VALUES, origin="purchased")
                if i.level not in ("required", "requirement")]
    passed = len(advisory) - len(boards)
    assert f"合格 {passed} / {len(advisory)}(不合格也不影响结论)" in result.stdout
    line = next(x for x in result.stdout.splitlines() if f"(board.{boards[0]})" in x)
    assert "不合格" in line and "建议" in line


def test_audit_sheet_prints_each_items_level(standard: Standard) -> None:
    """The audit sheet says 级别: 必须 on a required item and 级别: 建议 on a board."""
    page = audit_sheet_html(standard, VALUES, None, "http://x/")
    area = page[page.index('id="area.area-total"'):]
    assert "级别: 必须" in area[:area.index('<figure')]
    board = page[page.index('id="board.party-building"'):]
    assert "级别: 建议" in board[:board.index('<figure')]


# --- origin (10.5)


def test_origin_dependent_items_follow_the_premises_origin(standard: Standard,
                                                           template: str) -> None:
    """四(二)1 "所有新建社区用房设立“一站式”服务大厅" is not applicable to purchased premises;
    三's logo rule asks a purchased premises for the logo at the front of the name plaque."""
    report = judge(template, standard, lang="zh")
    by_id = {o.item.id: o for o in report.outcomes}
    hall = by_id["rule.one-stop-hall-new-build"]
    assert (hall.status, hall.decided_by) == ("na", "signgen")
    assert "本用房为购买" in hall.message
    logo = by_id["rule.logo-placement"].item
    assert logo.check == "购买、配建和调剂的社区用房的社区标识置于社区标牌的前端"
    assert by_id["rule.site-choice"].status == "unchecked"  # 购买或调剂 applies


def test_audit_template_origin_option(tmp_path: Path, runner: CliRunner) -> None:
    """audit-template --origin records the origin; an unknown one exits 2 naming the choices."""
    out = tmp_path / "s.yaml"
    result = runner.invoke(main, ["audit-template", "--specs", str(SPECS), "--origin",
                                  "新建", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["survey"]["origin"] == "new_build"
    bad = runner.invoke(main, ["audit-template", "--specs", str(SPECS), "--origin", "rented"])
    assert bad.exit_code == 2
    assert "new_build (新建)" in bad.output and "'rented'" in bad.output


# --- Chinese first (10.6): results and numbers as people type them


def test_results_and_numbers_as_auditors_type_them(standard: Standard, template: str) -> None:
    """合格/不合格/不适用 are results; ５５ (full width), 55cm and 150㎡ are numbers in the
    unit asked for."""
    left = "plaque.party-committee-plaque.size"
    text = fill(template, left, "measured", '{height_cm: "５５", width_cm: "75cm"}')
    assert outcome(text, standard, left).status == "pass"
    text = fill(template, "area.area-office", "measured_m2", '"150㎡"')
    assert outcome(text, standard, "area.area-office").status == "pass"
    text = fill(template, "rule.unified-logo", "result", "不适用")
    assert outcome(text, standard, "rule.unified-logo").status == "na"


@pytest.mark.parametrize(("value", "message"), [
    ('"55,3"', "应为数字,实为 '55,3'(小数请用点,例如 55.3)"),
    ('"55mm"', "单位应为 cm,实为 '55mm'"),
    (".inf", "应为有限的数字,实为 inf"),
])
def test_bad_numbers_are_located_in_chinese(template: str, tmp_path: Path, runner: CliRunner,
                                            value: str, message: str) -> None:
    """A decimal comma gets a hint to use a point, a wrong unit names the unit asked for, and
    13.10 ".inf passes ≥ 320 m²" no more: each exits 2, located, in Chinese by default."""
    text = fill(template, "plaque.party-committee-plaque.size", "measured",
                f"{{height_cm: {value}, width_cm: 75}}")
    result = _run(runner, tmp_path, text)
    assert result.exit_code == 2, result.output
    assert "items.plaque.party-committee-plaque.size.measured.height_cm: " + message \
        in result.output


def test_infinite_area_is_refused(template: str, tmp_path: Path, runner: CliRunner) -> None:
    """13.10 "measured_m2: .inf passes ≥ 320 m²": it is refused, exit 2."""
    result = _run(runner, tmp_path, fill(template, "area.area-total", "measured_m2", ".inf"),
                  "--lang", "en")
    assert result.exit_code == 2
    assert "items.area.area-total.measured_m2: expected a finite number, got inf" \
        in result.output


# --- 13.4 and 13.17


@pytest.mark.parametrize("key", ["board", "category", "room_functions"])
def test_community_block_takes_only_community_fields(template: str, tmp_path: Path,
                                                     runner: CliRunner, key: str) -> None:
    """13.4 "survey community: accept per-sign fields": board, category and room_functions
    belong to each sign, not to the community; exit 2, located."""
    text = template.replace('    community: "彭家桥社区"\n',
                            f'    community: "彭家桥社区"\n    {key}: "x"\n', 1)
    result = _run(runner, tmp_path, text)
    assert result.exit_code == 2, result.output
    assert f"survey.community.{key}: {key} 是每块标牌各自的字段" in result.output


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:,x",
                                 "http//no-scheme"])
def test_audit_sheet_base_url_must_be_http(runner: CliRunner, url: str) -> None:
    """13.17 "audit-sheet --base-url 'javascript:…' is accepted": only http(s) is; exit 2."""
    result = runner.invoke(main, ["audit-sheet", "--specs", str(SPECS), "--base-url", url])
    assert result.exit_code == 2
    assert f"--base-url 应为 http:// 或 https:// 网址,实为 {url!r}" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["audit-template", "audit-sheet"])
def test_per_sign_set_values_are_refused_before_a_survey_is_written(
        runner: CliRunner, tmp_path: Path, command: str) -> None:
    """13.4: --set board=… would put a per-sign field into the survey's community: block
    (which the survey then refuses); the audit commands refuse it at once, exit 2."""
    out = tmp_path / "out"
    result = runner.invoke(main, [command, "--specs", str(SPECS), "--set", "board=党建宣传栏",
                                  "--lang", "en", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "--set: board: board is a per-sign field" in result.output
    assert not out.exists()


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["#fff", "大红", "rgb(1,2)", "cmyk(0,100,100,0)", "C0M100Y100K0",
                       "55cm", "５５", "1,5", "合格", "nan", "方正大标宋", "#GGGGGG"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=3),
    max_leaves=6)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_survey_value_gives_a_verdict_or_a_located_error(standard: Standard,
                                                             data: st.DataObject) -> None:
    """Whatever an auditor types into any field of any item, the survey is judged or
    refused with located problems (SigngenError, exit 2): never another exception."""
    items = checkable_items(standard, VALUES, origin="purchased")
    raw: dict[str, Any] = {"survey": {"standard": standard.id,
                                      "edition": standard.standard.edition,
                                      "community": dict(VALUES), "origin": "purchased"},
                           "items": {}}
    for item in data.draw(st.lists(st.sampled_from(items), max_size=4)):
        keys = ["result", "note", *item.fields]
        entry = {key: data.draw(_VALUES) for key in data.draw(st.lists(st.sampled_from(keys),
                                                                       max_size=3))}
        if item.parts and data.draw(st.booleans()):
            entry[item.fields[0]] = {p.key: data.draw(_VALUES) for p in item.parts}
        raw["items"][item.id] = entry
    text = yaml.safe_dump(raw, allow_unicode=True)
    try:
        report = judge(text, standard)
    except SigngenError as error:
        assert error.problems and all(p.line for p in error.problems)
    else:
        assert report.exit_status in (0, 1, 3)
        render_report(report, "json")
