"""Judging a survey: measured sizes, areas, text, colours, typefaces, quantities; the report."""

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
from project_paths import ROOT, SPECS

from signgen.audit.items import Room, Site, checkable_items
from signgen.audit.judge import Outcome, judge_item
from signgen.audit.survey import Entry
from signgen.audit.template import survey_template
from signgen.cli.main import main
from signgen.spec.load import load_standard
from signgen.spec.model import Standard
from signgen.spec.yamlsource import load_yaml

VALUES = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
          "party_org": "党支部"}
LEFT = "plaque.party-committee-plaque.size"
RIGHT_TEXT = "plaque.workstation-plaque.text"
EXAMPLE = ROOT / "examples" / "survey-plan-short.yaml"


@pytest.fixture(scope="module")
def template(standard: Standard) -> str:
    """The survey template for one community, without a plan."""
    return survey_template(standard, VALUES)


def outcome(text: str, standard: Standard, item_id: str) -> Outcome:
    """The judged outcome of one item of a survey."""
    return next(o for o in judge(text, standard).outcomes if o.item.id == item_id)


def test_left_plaque_50_by_75_fails_with_both_figures(standard: Standard, template: str
                                                       ) -> None:
    """A 50 × 75 cm left plaque fails; the message gives the measured and required size."""
    text = fill(template, LEFT, "measured", "{height_cm: 50, width_cm: 75}")
    got = outcome(text, standard, LEFT)
    assert got.status == "fail"
    assert got.decided_by == "signgen"
    assert "measured 50 × 75 cm, required 55 × 75 cm ± 1 cm" in got.message


def test_left_plaque_within_tolerance_passes(standard: Standard, template: str) -> None:
    """55.3 × 74.8 cm is within the 1 cm project-default tolerance of 55 × 75 cm."""
    text = fill(template, LEFT, "measured", "{height_cm: 55.3, width_cm: 74.8}")
    assert outcome(text, standard, LEFT).status == "pass"


def test_size_just_outside_tolerance_fails(standard: Standard, template: str) -> None:
    """56.1 cm high is more than 1 cm off 55 cm and fails."""
    text = fill(template, LEFT, "measured", "{height_cm: 56.1, width_cm: 75}")
    assert outcome(text, standard, LEFT).status == "fail"


def test_half_measured_size_is_not_judged_unless_wrong(standard: Standard, template: str
                                                       ) -> None:
    """Only the height measured: a right height is not a pass yet, a wrong one is a fail."""
    right = fill(template, LEFT, "measured", "{height_cm: 55, width_cm: }")
    wrong = fill(template, LEFT, "measured", "{height_cm: 40, width_cm: }")
    assert outcome(right, standard, LEFT).status == "unchecked"
    assert outcome(wrong, standard, LEFT).status == "fail"


@settings(max_examples=200, deadline=None)
@given(height=st.floats(1, 200), width=st.floats(1, 200))
def test_size_passes_exactly_within_tolerance(standard: Standard, height: float,
                                              width: float) -> None:
    """Any measured size passes if and only if both sides are within the tolerance."""
    item = next(i for i in checkable_items(standard, VALUES) if i.id == LEFT)
    tol = standard.tolerance("plaque_size")
    assert tol is not None and tol.unit == "cm" and item.size_cm == (55, 75)
    got = judge_item(standard, item, Entry(size={"height_cm": height, "width_cm": width}))
    inside = abs(height - 55) <= tol.plus_minus + 1e-9 and abs(width - 75) <= \
        tol.plus_minus + 1e-9
    assert got.status == ("pass" if inside else "fail")


def test_result_is_read_case_insensitively(standard: Standard, template: str) -> None:
    """PASS and Na are read as pass and na."""
    text = fill(template, "rule.unified-logo", "result", "PASS")
    text = fill(text, "rule.supervision", "result", "Na")
    assert outcome(text, standard, "rule.unified-logo").status == "pass"
    assert outcome(text, standard, "rule.supervision").status == "na"


def test_wrong_text_on_the_right_plaque_fails(standard: Standard, template: str) -> None:
    """Observed text that differs from the exact text for this community fails."""
    text = fill(template, RIGHT_TEXT, "observed", '"东湖区百花洲街道彭家桥社区工作站"')
    got = outcome(text, standard, RIGHT_TEXT)
    assert got.status == "fail"
    assert "required “东湖区百花洲街道办事处彭家桥社区工作站”" in got.message


@pytest.mark.parametrize("observed", ["东湖区百花洲街道办事处彭家桥社区工作站",
                                      "东湖区 百花洲街道办事处\u3000彭家桥社区工作站"])
def test_right_text_passes_whitespace_ignored(standard: Standard, template: str,
                                             observed: str) -> None:
    """The exact text passes, with or without spaces (ideographic ones included)."""
    text = fill(template, RIGHT_TEXT, "observed", json.dumps(observed, ensure_ascii=False))
    assert outcome(text, standard, RIGHT_TEXT).status == "pass"


def test_party_organisation_left_open_accepts_either_choice(standard: Standard) -> None:
    """With no party_org value, the plaque may say 党总支 or 党支部, nothing else."""
    values = {k: v for k, v in VALUES.items() if k != "party_org"}
    text = survey_template(standard, values)
    item = "plaque.party-committee-plaque.text"
    for observed, status in (("党总支", "pass"), ("党支部", "pass"), ("党委", "fail")):
        filled = fill(text, item, "observed", f'"东湖区百花洲街道彭家桥社区{observed}、居委会"')
        assert outcome(filled, standard, item).status == status, observed


def test_full_width_punctuation_is_read_as_half_width(standard: Standard) -> None:
    """A room plaque with （学习） in full-width brackets matches the name with (学习)."""
    site = Site(rooms=(Room("会议室", ("meeting-room",)),))
    text = survey_template(standard, VALUES, site)
    item = "plaque.room-plaque.room-1.text"
    name = standard.functions[[f.id for f in standard.functions].index("meeting-room")].name
    assert "(" in name
    full_width = name.replace("(", "（").replace(")", "）")
    ok = fill(text, item, "observed", json.dumps(full_width, ensure_ascii=False))
    assert outcome(ok, standard, item).status == "pass"
    bad = fill(text, item, "observed", json.dumps(name.replace("(", "【"), ensure_ascii=False))
    assert outcome(bad, standard, item).status == "fail"
    slogan = "plaque.service-purpose-plaque.text"
    comma = fill(text, slogan, "observed", '"服务居民群众，创建和谐社区"')
    assert outcome(comma, standard, slogan).status == "fail"  # a comma is not a space


def test_colours_by_name_or_hex(standard: Standard, template: str) -> None:
    """Colours match by name, short name or HEX; a swapped colour fails, naming both."""
    item = "plaque.name-sign.colours"
    red = standard.colour_value("red").hex
    ok = fill(template, item, "observed", '"黑"', sub="district-street")
    ok = fill(ok, item, "observed", json.dumps(red.lower()), sub="community")
    ok = fill(ok, item, "observed", '"白色"', sub="background")
    assert outcome(ok, standard, item).status == "pass"
    bad = fill(ok, item, "observed", '"红色"', sub="district-street")
    got = outcome(bad, standard, item)
    assert got.status == "fail"
    assert "observed 红色 is Red, required Black" in got.message


def test_typefaces_by_name_or_substitute_family(standard: Standard, template: str) -> None:
    """A typeface matches by its name or a substitute family; plain 宋体 is not 大标宋."""
    item = "plaque.name-sign.typefaces"
    family = standard.substitute("kai-running").families[0].family
    ok = fill(template, item, "observed", '"大标宋"', sub="district-street")
    ok = fill(ok, item, "observed", json.dumps(family), sub="community")
    assert outcome(ok, standard, item).status == "pass"
    bad = fill(ok, item, "observed", '"宋体"', sub="district-street")
    assert outcome(bad, standard, item).status == "fail"


def test_total_area_310_fails(standard: Standard, template: str) -> None:
    """310 m² in total is under the 320 m² minimum."""
    text = fill(template, "area.area-total", "measured_m2", "310")
    got = outcome(text, standard, "area.area-total")
    assert got.status == "fail"
    assert "measured 310 m², required ≥ 320 m²" in got.message
    assert outcome(fill(template, "area.area-total", "measured_m2", "320"), standard,
                   "area.area-total").status == "pass"


def test_auditor_pass_on_values_out_of_tolerance_fails(standard: Standard, template: str
                                                       ) -> None:
    """10.5 "an auditor's pass on out-of-tolerance values becomes a fail, said in the
    report": a pass on a 50 cm plaque (规格为55cm高) fails, saying why."""
    text = fill(template, LEFT, "measured", "{height_cm: 50, width_cm: 75}")
    text = fill(text, LEFT, "result", "pass")
    got = outcome(text, standard, LEFT)
    assert got.status == "fail"
    assert got.overridden
    assert "the auditor wrote pass, but the recorded values are out of tolerance: fail" \
        in got.message


def test_auditor_result_counts_where_nothing_is_measured(standard: Standard, template: str
                                                        ) -> None:
    """A rule item has no values: the auditor's result is the outcome."""
    text = fill(template, "rule.unified-logo", "result", "fail")
    got = outcome(text, standard, "rule.unified-logo")
    assert (got.status, got.decided_by) == ("fail", "auditor")


def test_half_filled_survey_is_incomplete_exit_3(standard: Standard, template: str,
                                                 tmp_path: Path, runner: CliRunner) -> None:
    """10.5 "a survey with applicable items left empty is INCOMPLETE ... 3 nothing failed but
    incomplete": one pass and the rest empty is not a failure, and not compliant either."""
    text = fill(template, "rule.unified-logo", "result", "pass")
    text = fill(text, "board.party-building", "result", "na")
    result = runner.invoke(main, ["audit", str(write(tmp_path, text)), "--specs", str(SPECS),
                                  "--format", "json"])
    assert result.exit_code == 3, result.output
    data = json.loads(result.stdout)
    items = checkable_items(standard, VALUES)
    required = [i for i in items if i.level in ("required", "requirement")]
    assert data["verdict"] == "incomplete"
    assert data["score"] == {"passed": 1, "failed": 0, "checked": 1, "total": len(required),
                             "not_applicable": 0}
    assert data["advisory_score"]["not_applicable"] == 1


def test_failure_exits_1_and_writes_the_report(template: str, tmp_path: Path,
                                               runner: CliRunner) -> None:
    """A failed item: the report is written, failures first with clause and quote; exit 1."""
    text = fill(template, "area.area-total", "measured_m2", "310")
    text = fill(text, "rule.unified-logo", "result", "pass")
    out = tmp_path / "report.md"
    result = runner.invoke(main, ["audit", str(write(tmp_path, text)), "--specs", str(SPECS),
                                  "--format", "md", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1, result.output
    report = out.read_text(encoding="utf-8")
    assert report.index("VERDICT: NOT COMPLIANT") < report.index("## Failed (1)")
    assert report.index("## Failed (1)") < report.index("## Passed (1)")
    assert "clause 一, required: measured 310 m²" in report
    assert "> 每个社区用房按不少于320平方米" in report


def _fill_all(standard: Standard, text: str) -> str:
    data: dict[str, Any] = yaml.safe_load(text)
    if standard.origins:
        data["survey"]["origin"] = standard.origins[0].id
    for item in checkable_items(standard, data["survey"].get("community") or {}):
        data["items"][item.id].update(compliant_entry(standard, item))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_round_trip_template_fill_audit_passes_everything(standard: Standard, template: str,
                                                          tmp_path: Path,
                                                          runner: CliRunner) -> None:
    """A template filled with compliant values audits as compliant and complete, exit 0:
    every required item passed (or, limited by the text to other origins, not applicable)."""
    path = write(tmp_path, _fill_all(standard, template))
    result = runner.invoke(main, ["audit", str(path), "--specs", str(SPECS), "--format",
                                  "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "compliant"
    assert data["score"]["passed"] == data["score"]["total"]
    assert {i["status"] for i in data["items"]} <= {"pass", "na"}
    assert all(i["decided_by"] == "signgen" for i in data["items"] if i["status"] == "na")


def test_learning_community_survey_judges_quantities(tmp_path: Path,
                                                     runner: CliRunner) -> None:
    """A learning-community survey: 1500 books fails the 2000-book quantity, 2500 passes."""
    other = load_standard(SPECS / "learning-community")
    text = survey_template(other, {})
    item = "quantity.library-books"
    assert item in yaml.safe_load(text)["items"]
    few = write(tmp_path, fill(text, item, "measured", "1500"), "few.yaml")
    many = write(tmp_path, fill(text, item, "measured", "2500"), "many.yaml")
    bad = runner.invoke(main, ["audit", str(few), "--specs", str(SPECS), "--lang", "en"])
    good = runner.invoke(main, ["audit", str(many), "--specs", str(SPECS)])
    assert bad.exit_code == 1, bad.output
    assert "measured 1500 册, required ≥ 2000 册" in bad.output
    assert good.exit_code == 3, good.output  # nothing failed, the rest left empty
    assert "实测 2500 册,要求 ≥ 2000 册" in good.output
    full = write(tmp_path, _fill_all(other, text), "full.yaml")
    result = runner.invoke(main, ["audit", str(full), "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output


def test_markdown_report_golden(standard: Standard, golden: Any) -> None:
    """The example survey's Markdown report is as reviewed (tests/goldens/audit/)."""
    from signgen.audit.judge import audit
    from signgen.audit.report import render_report
    from signgen.audit.survey import parse_survey

    data, loc = load_yaml(EXAMPLE, "examples/survey-plan-short.yaml")
    report = audit(parse_survey(data, loc, standard))
    golden("audit/survey-plan-short.md", render_report(report, "md"))
    english = audit(parse_survey(data, loc, standard, "en"), "en")
    golden("audit/survey-plan-short.en.md", render_report(english, "md"))


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_every_format_escapes_names(standard: Standard, fmt: str) -> None:
    """A community named <script> is escaped in Markdown and HTML, intact in text and JSON."""
    from signgen.audit.report import render_report

    text = survey_template(standard, {**VALUES, "community": "<script>x</script>社区"})
    text = fill(text, "area.area-total", "measured_m2", "300")
    out = render_report(judge(text, standard), fmt)
    assert "http" not in out
    if fmt in ("md", "html"):
        assert "<script>" not in out
        assert "&lt;script&gt;" in out
    else:
        assert "<script>x</script>社区" in out


def test_example_survey_audits_with_failures(runner: CliRunner) -> None:
    """The bundled example survey loads and reports failures (exit 1)."""
    result = runner.invoke(main, ["audit", str(EXAMPLE), "--specs", str(SPECS)])
    assert result.exit_code == 1, result.output
    assert "实测 50 × 75 cm,要求 55 × 75 cm ± 1 cm(项目默认值)" in result.output


def test_every_audit_command_has_help_with_an_example(runner: CliRunner) -> None:
    """audit-template, audit-sheet and audit each have --help with an example."""
    for command in ("audit-template", "audit-sheet", "audit"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: signgen " + command in result.output
