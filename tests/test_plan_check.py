"""Checking a plan: areas with shortfalls, functions covered or missing, formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.cli.main import main
from signgen.contractor.check import check_plan
from signgen.contractor.plan import load_plan, resolve_function
from signgen.output.report import report_html, report_json, report_markdown
from signgen.spec.model import Standard

EXAMPLES = ROOT / "examples"
SHORT = EXAMPLES / "plan-short.yaml"
COMPLIANT = EXAMPLES / "plan-compliant.yaml"


def _items(report_path: Path, standard: Standard) -> dict[str, tuple[str, str]]:
    report = check_plan(standard, load_plan(report_path, standard))
    return {i.id: (i.status, i.text) for s in report.sections for i in s.items}


def test_short_plan_fails_total_by_ten(runner: CliRunner, standard: Standard) -> None:
    """一(d3-1) 每个社区用房按不少于320平方米: a 310 m² plan fails by 10 m², exit 1; the
    report says so in Chinese by default and in English with --lang en."""
    total_rule = next(r for r in standard.area_rules if r.zone is None)
    plan = load_plan(SHORT, standard)
    assert plan.total_m2 == 310
    result = runner.invoke(main, ["check-plan", str(SHORT), "--specs", str(SPECS)])
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if total_rule.name in x)
    assert "310 平方米,少于 320 平方米:差 10 平方米" in line and "不合格" in result.output
    assert f"规则 {total_rule.id}" in line
    result = runner.invoke(main, ["check-plan", str(SHORT), "--specs", str(SPECS),
                                  "--lang", "en"])
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if total_rule.name in x)
    assert f"310 m² < {total_rule.min_m2:g} m²: short by {total_rule.min_m2 - 310:g} m²" in line
    assert "310" in line and "320" in line and "short by 10 m²" in line
    assert f"rule {total_rule.id}" in line


def test_room_with_two_functions_covers_both(standard: Standard) -> None:
    """A room carrying 警务室 and 档案室 covers both functions, each naming that room."""
    items = _items(SHORT, standard)
    for name in ("警务室", "档案室"):
        function = resolve_function(standard, name)
        assert function is not None
        status, text = items[f"function:{function.id}"]
        assert status == "pass"
        assert "综合室" in text


def test_missing_rehab_room_reported_by_name(standard: Standard) -> None:
    """A missing 残疾人康复室 fails, named by its Chinese name."""
    function = resolve_function(standard, "残疾人康复室")
    assert function is not None
    status, text = _items(SHORT, standard)[f"function:{function.id}"]
    assert status == "fail"
    assert function.name in text and "缺少" in text


def test_alternative_name_counts(tmp_path: Path, standard: Standard) -> None:
    """A room named by an alternative name (心理慰藉室) covers its function (接访室)."""
    text = COMPLIANT.read_text(encoding="utf-8")
    assert "[心理慰藉室]" in text
    function = resolve_function(standard, "接访室")
    assert function is not None and "心理慰藉室" in function.alt_names
    status, found = _items(COMPLIANT, standard)[f"function:{function.id}"]
    assert status == "pass" and "接访室" in found


def test_compliant_plan_exits_zero(runner: CliRunner) -> None:
    """The compliant sample plan passes: exit 0, verdict compliant."""
    result = runner.invoke(main, ["check-plan", str(COMPLIANT), "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output
    assert "合格:无不合格项" in result.output and "不合格:" not in result.output


def test_json_report_is_stable_data(runner: CliRunner, standard: Standard) -> None:
    """The JSON report has sorted keys, the verdict, areas and the missing functions."""
    result = runner.invoke(main, ["check-plan", str(SHORT), "--specs", str(SPECS),
                                  "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == sorted(data)
    assert data["compliant"] is False
    assert data["summary"]["total_m2"] == 310
    rehab = resolve_function(standard, "残疾人康复室")
    assert rehab is not None and data["summary"]["missing_functions"] == [rehab.id]
    area = next(i for s in data["sections"] for i in s["items"] if i["id"] == "area:area-total")
    assert area["data"]["short_m2"] == 10 and area["clause"]


def test_report_markdown_golden(standard: Standard, golden) -> None:  # type: ignore[no-untyped-def]
    """The Markdown report of the short plan matches its golden file."""
    plan = load_plan(SHORT, standard, display="examples/plan-short.yaml")
    golden("contractor/plan-short.report.md", report_markdown(check_plan(standard, plan)))


def test_names_escaped_in_reports(tmp_path: Path, standard: Standard) -> None:
    """A room name with <script> and | is escaped in the HTML, Markdown and JSON reports."""
    text = COMPLIANT.read_text(encoding="utf-8").replace(
        "name: 综合室", "name: '<script>alert(1)</script>|x'")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    report = check_plan(standard, load_plan(path, standard))
    assert "<script>" not in report_html(report)
    assert "&lt;script&gt;" in report_html(report)
    md = report_markdown(report)
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\|x" in md
    assert "<script>alert(1)</script>|x" in json.loads(report_json(report))["sections"][-1][
        "items"][1]["text"]


def test_html_report_embeds_floor_plan(runner: CliRunner, tmp_path: Path) -> None:
    """check-plan -o FILE.html writes one self-contained page with the schematic inline."""
    out = tmp_path / "r.html"
    svg = tmp_path / "p.svg"
    result = runner.invoke(main, ["check-plan", str(SHORT), "--specs", str(SPECS),
                                  "-o", str(out), "--svg", str(svg)])
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "@page" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert svg.read_text(encoding="utf-8").startswith("<svg")


def test_a_required_board_planned_is_not_called_recommended(tmp_path: Path) -> None:
    """A board the text requires (学习型社区: 阅报栏), when planned, passes without the words
    the recommended boards carry (建议设置)."""
    from signgen.contractor.plan import parse_plan
    from signgen.spec.load import load_standard
    from signgen.spec.yamlsource import load_yaml

    standard = load_standard(SPECS / "learning-community")
    board = next(b for b in standard.boards if b.can_fail)
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(f"rooms:\n  - {{name: 图书室, area_m2: 40, functions: [图书室]}}\n"
                         f"boards: [{board.name}]\n", encoding="utf-8")
    data, loc = load_yaml(plan_file)
    items = {i.id: i for s in check_plan(standard, parse_plan(data, loc, standard)).sections
             for i in s.items}
    item = items[f"required:{board.id}"]
    assert item.status == "pass" and board.name in item.text
    assert "建议" not in item.text
