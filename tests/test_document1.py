"""The examples follow document 1 (第一篇): its five communities, located as far as the text
supports (what is inferred is marked), each with the origin of its premises as the text gives
it, and 阳光社区's 300 m² purchase failing the plan check for the reason the standard gives."""

from __future__ import annotations

import csv

from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.cli.main import main
from signgen.communities.rows import read_communities
from signgen.contractor.check import check_plan
from signgen.contractor.plan import load_plan
from signgen.spec.model import Standard

EXAMPLES = ROOT / "examples"


def test_each_community_has_the_origin_document_1_gives(standard: Standard) -> None:
    """二(一): 阳光社区 and 长山社区 计划购买 (purchased); 泰隆社区 在…住宅小区工程中搭建 and
    满达社区 在旗游牧民定居工程中搭建 (built along); 团结社区 达标, its origin not given."""
    rows = {r.values["community"]: r for r in read_communities(EXAMPLES / "communities.csv",
                                                               standard)}
    assert {name: row.origin for name, row in rows.items()} == {
        "团结社区": None, "长山社区": "purchased", "满达社区": "built_along",
        "阳光社区": "purchased", "泰隆社区": "built_along"}


def test_the_location_is_marked_as_inferred_on_every_row() -> None:
    """The text says only 我旗额镇: the banner and town (阿拉善右旗 额肯呼都格镇, from 雅镇 and
    阿敖镇) are an inference, which every row's note says, next to the text it quotes."""
    with (EXAMPLES / "communities.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5
    for row in rows:
        assert (row["district"], row["street"]) == ("阿拉善右旗", "额肯呼都格镇")
        assert "推断" in row["note"] and "原文" in row["note"]
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "我旗额镇" in readme and "inference" in readme


def test_yangguang_300_m2_fails_the_320_total(runner: CliRunner, standard: Standard) -> None:
    """阳光社区 …面积300平米, bought: 一 d3-1 每个社区用房按不少于320平方米 fails by 20 m² (and,
    as any split of 300 m² must, one zone minimum); every required function is set."""
    plan = load_plan(EXAMPLES / "plan-yangguang.yaml", standard)
    assert plan.origin == "purchased" and plan.total_m2 == 300
    report = check_plan(standard, plan)
    failed = {i.id: i.text for s in report.sections for i in s.items if i.status == "fail"}
    assert "area:area-total" in failed and "差 20 平方米" in failed["area:area-total"]
    assert not [k for k in failed if k.startswith("function:")]
    assert set(failed) <= {"area:area-total", "area:area-office", "area:area-activity"}
    result = runner.invoke(main, ["check-plan", str(EXAMPLES / "plan-yangguang.yaml"),
                                  "--specs", str(SPECS)])
    assert result.exit_code == 1
    logo = next(i for s in report.sections for i in s.items if i.id.startswith("logo:"))
    assert logo.data["placement"] == "name_sign_front"
