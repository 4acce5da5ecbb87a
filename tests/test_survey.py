"""The survey: checkable items, the fillable template, and located errors on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from audit_fill import fill, line_of, write
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.audit.items import checkable_items, site_from_plan
from signgen.audit.survey import parse_survey
from signgen.audit.template import survey_template
from signgen.cli.main import main
from signgen.contractor.plan import load_plan
from signgen.spec.load import load_standard
from signgen.spec.model import Standard
from signgen.spec.yamlsource import parse_yaml

VALUES = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
          "party_org": "党支部"}
LEFT = "plaque.party-committee-plaque.size"


@pytest.fixture(scope="module")
def template(standard: Standard) -> str:
    """The survey template for one community, without a plan."""
    return survey_template(standard, VALUES)


def test_items_cover_every_checkable_part_of_the_standard(standard: Standard) -> None:
    """One item per area rule, required function, window, board, checked rule; plaques too."""
    ids = [item.id for item in checkable_items(standard, VALUES)]
    assert len(ids) == len(set(ids))
    for rule in standard.area_rules:
        assert f"area.{rule.id}" in ids
    for fn in standard.functions:
        assert f"function.{fn.id}" in ids  # encouraged ones too, reported apart
    for rule in standard.rules:
        assert (f"rule.{rule.id}" in ids) == bool(rule.check)
    for cat in standard.window_categories:
        assert f"window.{cat.id}" in ids
    for board in standard.boards:
        assert f"board.{board.id}" in ids
    for plaque in standard.plaques:
        assert any(i.startswith(f"plaque.{plaque.id}.") and i.endswith(".text") for i in ids)
        assert f"plaque.{plaque.id}.placement" in ids
        assert (f"plaque.{plaque.id}.size" in ids) == bool(plaque.size.height_mm or
                                                            plaque.size.width_mm)


def test_items_are_in_a_stable_order(standard: Standard) -> None:
    """The same standard and values give the same items in the same order."""
    first = [i.id for i in checkable_items(standard, VALUES)]
    assert first == [i.id for i in checkable_items(standard, dict(VALUES))]


def test_a_plan_gives_one_plaque_item_per_room_and_window(standard: Standard) -> None:
    """Rooms and windows from a plan each get a plaque text item; windows keyed by category."""
    plan = load_plan(ROOT / "examples" / "plan-compliant.yaml", standard)
    items = checkable_items(standard, plan.community, site_from_plan(plan))
    rooms = [i for i in items if i.id.startswith("plaque.room-plaque.room-")]
    windows = [i.id for i in items
               if i.id.startswith("plaque.window-sign.") and i.id.endswith(".text")]
    assert len(rooms) == len(plan.rooms)
    assert windows == [f"plaque.window-sign.{w.category}.text" for w in plan.windows]
    police = next(i for i in rooms if "综合室" in i.title)
    assert police.required == "社区警务室、社区档案室"


def test_template_loads_back_and_names_the_standard(standard: Standard, template: str
                                                    ) -> None:
    """The template is valid YAML with the standard's id and edition and one entry per item."""
    data = yaml.safe_load(template)
    assert data["survey"]["standard"] == standard.id
    assert data["survey"]["edition"] == standard.standard.edition
    assert list(data["items"]) == [i.id for i in checkable_items(standard, VALUES)]
    survey = parse_survey(*parse_yaml(template, "t.yaml"), standard)
    assert survey.values == VALUES


def test_template_shows_required_values_and_empty_fields(standard: Standard, template: str
                                                         ) -> None:
    """A plaque's size item shows the required size and tolerance and empty measurements."""
    entry = yaml.safe_load(template)["items"][LEFT]
    assert entry["required"].startswith("55 × 75 cm")
    assert "项目默认值" in entry["tolerance"]
    assert entry["measured"] == {"height_cm": None, "width_cm": None}
    assert entry["result"] is None
    text = yaml.safe_load(template)["items"]["plaque.workstation-plaque.text"]
    assert text["required"] == "东湖区百花洲街道办事处彭家桥社区工作站"
    colours = yaml.safe_load(template)["items"]["plaque.name-sign.colours"]
    red = standard.colour_value("red").hex
    assert red in colours["required"] and standard.colour("red").name in colours["required"]


def test_template_command_from_set_values(tmp_path: Path, runner: CliRunner) -> None:
    """audit-template --set ... -o writes the survey; the same input gives the same bytes."""
    args = ["audit-template", "--specs", str(SPECS), "--set", "district=东湖区",
            "--set", "street=百花洲街道", "--set", "community=彭家桥社区"]
    first = runner.invoke(main, [*args, "-o", str(tmp_path / "a.yaml")])
    second = runner.invoke(main, [*args, "-o", str(tmp_path / "b.yaml")])
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()
    assert "彭家桥社区" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def test_template_command_refuses_unknown_field(tmp_path: Path, runner: CliRunner) -> None:
    """--set with a field the standard lacks exits 2 and writes nothing."""
    out = tmp_path / "s.yaml"
    result = runner.invoke(main, ["audit-template", "--specs", str(SPECS), "--set",
                                  "distrikt=东湖区", "-o", str(out)])
    assert result.exit_code == 2
    assert "--set distrikt=东湖区: expected FIELD=VALUE" in result.output
    assert not out.exists()


# --- bad input ----------------------------------------------------------------------------

BAD_CASES = {
    "negative area": ("area.area-total", ("measured_m2",), "-5",
                      "expected a number of at least 0, got -5"),
    "area not a number": ("area.area-office", ("measured_m2",), "about 120",
                          "expected a number, got 'about 120'"),
    "text in width_cm": (LEFT, ("measured",), "{height_cm: 55, width_cm: wide}",
                         "expected a number, got 'wide'"),
    "result outside pass/fail/na": ("rule.unified-logo", ("result",), "ok",
                                    "expected one of pass, fail, na (合格, 不合格, 不适用) or "
                                    "nothing, got 'ok'"),
    "negative size": (LEFT, ("measured",), "{height_cm: -55, width_cm: 75}",
                      "expected a positive number, got -55"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_value_is_located_and_exits_2(case: str, template: str, tmp_path: Path,
                                          runner: CliRunner) -> None:
    """Each bad value is reported as file:line: field: message; exit 2, no report written."""
    item_id, keys, value, message = BAD_CASES[case]
    text = fill(template, item_id, keys[0], value)
    path = write(tmp_path, text)
    line = line_of(text, item_id, *keys)
    out = tmp_path / "report.md"
    result = runner.invoke(main, ["audit", str(path), "--specs", str(SPECS), "--lang", "en",
                                  "--format", "md",
                                  "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{path}:{line}:" in result.output
    assert f"items.{item_id}.{keys[0]}" in result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unknown_item_id_is_located(template: str, tmp_path: Path, runner: CliRunner) -> None:
    """An item id the standard does not have is an error with a suggestion."""
    text = template.replace(f"  {LEFT}:", "  plaque.party-comittee-plaque.size:")
    path = write(tmp_path, text)
    line = text.split("\n").index("  plaque.party-comittee-plaque.size:") + 1
    result = runner.invoke(main, ["audit", str(path), "--specs", str(SPECS), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:{line}:3: items.plaque.party-comittee-plaque.size: expected the id of " \
           f"an item of community-premises (did you mean '{LEFT}'?)" in result.output


def test_all_problems_are_reported_together(template: str, tmp_path: Path,
                                            runner: CliRunner) -> None:
    """Several bad values in one survey are all listed, not just the first."""
    text = fill(template, "area.area-total", "measured_m2", "-1")
    text = fill(text, "rule.unified-logo", "result", "yes please")
    result = runner.invoke(main, ["audit", str(write(tmp_path, text)), "--specs", str(SPECS),
                                  "--lang", "en"])
    assert result.exit_code == 2
    assert "2 problems" in result.output
    assert "items.area.area-total.measured_m2" in result.output
    assert "items.rule.unified-logo.result" in result.output


def test_survey_for_another_standard_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    """A learning-community survey audited as community-premises: located standard error."""
    other = load_standard(SPECS / "learning-community")
    text = survey_template(other, {})
    path = write(tmp_path, text)
    line = text.split("\n").index(f'  standard: "{other.id}"') + 1
    result = runner.invoke(main, ["audit", str(path), "--specs", str(SPECS), "--lang", "en",
                                  "--standard", "community-premises"])
    assert result.exit_code == 2
    assert (f"{path}:{line}:3: survey.standard: expected a survey for standard "
            f"'community-premises', got '{other.id}'") in result.output


def test_survey_for_another_edition_is_refused(template: str, tmp_path: Path,
                                               runner: CliRunner) -> None:
    """A survey made for another edition of the standard is an error on its edition line."""
    text = template.replace('  edition: "1"', '  edition: "0.9"')
    path = write(tmp_path, text)
    line = text.split("\n").index('  edition: "0.9"') + 1
    result = runner.invoke(main, ["audit", str(path), "--specs", str(SPECS), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:{line}:3: survey.edition: expected edition '1' of community-premises, " \
           "got '0.9'" in result.output


def test_unknown_key_in_an_item_is_refused(template: str, tmp_path: Path,
                                           runner: CliRunner) -> None:
    """A misspelt field (reslt) is an error naming the allowed keys."""
    text = template.replace(f"  {LEFT}:\n", f"  {LEFT}:\n    reslt: pass\n", 1)
    result = runner.invoke(main, ["audit", str(write(tmp_path, text)), "--specs", str(SPECS),
                                  "--lang", "en"])
    assert result.exit_code == 2
    assert f"items.{LEFT}.reslt: unknown key (did you mean 'result'?)" in result.output


def test_community_value_outside_choices_is_refused(template: str, tmp_path: Path,
                                                    runner: CliRunner) -> None:
    """party_org must be one of the field's choices."""
    text = template.replace('party_org: "党支部"', 'party_org: "党委"')
    result = runner.invoke(main, ["audit", str(write(tmp_path, text)), "--specs", str(SPECS),
                                  "--lang", "en"])
    assert result.exit_code == 2
    assert "survey.community.party_org: expected one of 党总支, 党支部, got '党委'" \
        in result.output
