"""Plans in Excel: the plan-template workbook, and check-plan/schedule reading it like YAML."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from project_paths import ROOT

from signgen.cli.main import main
from signgen.contractor.check import check_plan
from signgen.contractor.plan import load_plan
from signgen.contractor.plan_template import plan_lists, plan_template_xlsx
from signgen.errors import SigngenError
from signgen.spec.model import Standard

EXAMPLES = ROOT / "examples"


def fill(template: bytes, plan: dict[str, Any], path: Path) -> Path:
    """Fill the template as a contractor would, from a YAML plan's data."""
    wb = openpyxl.load_workbook(io.BytesIO(template))
    general, rooms, entries = wb.worksheets[:3]
    for row in general.iter_rows(min_row=2):
        key = row[0].value
        value = plan.get("origin") if key == "origin" else plan.get("community", {}).get(key)
        if value is not None:
            row[2].value = value
    for i, room in enumerate(plan["rooms"], start=2):
        rooms.cell(i, 1, room["name"])
        rooms.cell(i, 2, room["area_m2"])
        rooms.cell(i, 3, room.get("zone"))
        for j, function in enumerate(room.get("functions", [])):
            rooms.cell(i, 4 + j, function)
    for col, key in ((1, "windows"), (2, "boards")):
        for i, name in enumerate(plan.get(key) or [], start=2):
            entries.cell(i, col, name)
    wb.save(path)
    return path


def yaml_plan(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def test_template_has_drop_downs_of_the_standards_names(standard: Standard) -> None:
    """Rooms get drop-downs of every function name and alternative name, and of the zones."""
    wb = openpyxl.load_workbook(io.BytesIO(plan_template_xlsx(standard)))
    rooms = wb["房间 Rooms"]
    assert rooms["A1"].value.startswith("房间名称")
    lists = wb["选项 Lists"]
    assert lists.sheet_state == "hidden"
    by_ref = {str(dv.sqref): dv.formula1 for dv in rooms.data_validations.dataValidation}
    column = {c[0].value: [x.value for x in c[1:] if x.value] for c in lists.iter_cols()}
    names = plan_lists(standard)
    assert column["functions"] == names["functions"]
    for function in standard.functions:
        assert set(function.standard_names) <= set(column["functions"])
    assert column["zones"] == [z.name for z in standard.zones]
    assert by_ref["C2:C201"] == "'选项 Lists'!$B$2:$B$3"  # zones: column B
    assert by_ref["D2:D201"].startswith("'选项 Lists'!$A$2:$A$")


def test_template_same_bytes(standard: Standard) -> None:
    """The same standard gives the same workbook bytes (no timestamps)."""
    assert plan_template_xlsx(standard) == plan_template_xlsx(standard)


@pytest.mark.parametrize("name", ["plan-short.yaml", "plan-compliant.yaml"])
def test_filled_workbook_checks_like_yaml(tmp_path: Path, standard: Standard, name: str) -> None:
    """A workbook filled with a YAML plan's values gives the same plan and the same report."""
    book = fill(plan_template_xlsx(standard), yaml_plan(name), tmp_path / "plan.xlsx")
    from_yaml = load_plan(EXAMPLES / name, standard)
    from_xlsx = load_plan(book, standard)
    assert [(r.name, r.area_m2, r.zone, r.functions, r.names) for r in from_xlsx.rooms] == \
        [(r.name, r.area_m2, r.zone, r.functions, r.names) for r in from_yaml.rooms]
    assert (from_xlsx.windows, from_xlsx.boards, from_xlsx.community, from_xlsx.origin) == \
        (from_yaml.windows, from_yaml.boards, from_yaml.community, from_yaml.origin)
    assert check_plan(standard, from_xlsx, "zh").sections == check_plan(standard, from_yaml,
                                                                         "zh").sections


def test_cli_check_plan_and_schedule_read_xlsx(tmp_path: Path, runner: CliRunner,
                                               standard: Standard) -> None:
    """check-plan exits 1 on the short plan from Excel, as on its YAML; schedule reads it."""
    book = fill(plan_template_xlsx(standard), yaml_plan("plan-short.yaml"), tmp_path / "p.xlsx")
    res = runner.invoke(main, ["check-plan", str(book), "--format", "json"])
    assert res.exit_code == 1, res.output
    yaml_res = runner.invoke(main, ["check-plan", str(EXAMPLES / "plan-short.yaml"),
                                    "--format", "json"])
    assert json.loads(res.output)["sections"] == json.loads(yaml_res.output)["sections"]
    res = runner.invoke(main, ["schedule", str(book), "-o", str(tmp_path / "s.csv")])
    assert res.exit_code == 0, res.output


def test_plan_template_command(tmp_path: Path, runner: CliRunner) -> None:
    """plan-template writes the workbook; a non-.xlsx output is refused with exit 2."""
    res = runner.invoke(main, ["plan-template", "-o", str(tmp_path / "plan.xlsx")])
    assert res.exit_code == 0, res.output
    assert openpyxl.load_workbook(tmp_path / "plan.xlsx").sheetnames[1] == "房间 Rooms"
    res = runner.invoke(main, ["plan-template", "-o", str(tmp_path / "plan.csv")])
    assert res.exit_code == 2


def test_errors_name_file_sheet_and_cell(tmp_path: Path, runner: CliRunner,
                                         standard: Standard) -> None:
    """A bad area, an unknown function and zone are each located by sheet and cell; exit 2."""
    plan = yaml_plan("plan-short.yaml")
    plan["rooms"][1]["area_m2"] = "四十"
    plan["rooms"][2]["functions"] = ["接访室", "警务所"]
    plan["rooms"][0]["zone"] = "行政区"
    book = fill(plan_template_xlsx(standard), plan, tmp_path / "plan.xlsx")
    with pytest.raises(SigngenError) as err:
        load_plan(book, standard)
    text = str(err.value)
    assert f"{book}:房间 Rooms!B3: rooms[1].area_m2:" in text
    assert f"{book}:房间 Rooms!E4: rooms[2].functions[1]:" in text
    assert f"{book}:房间 Rooms!C2: rooms[0].zone:" in text
    res = runner.invoke(main, ["check-plan", str(book)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "房间 Rooms!B3" in res.output


def test_not_a_workbook_and_missing_sheet(tmp_path: Path, runner: CliRunner) -> None:
    """A YAML file named .xlsx, or a workbook without a rooms sheet, is refused (exit 2)."""
    fake = tmp_path / "plan.xlsx"
    fake.write_text("rooms: []\n", encoding="utf-8")
    res = runner.invoke(main, ["check-plan", str(fake)])
    assert res.exit_code == 2 and "Excel" in res.output
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.save(tmp_path / "other.xlsx")
    res = runner.invoke(main, ["check-plan", str(tmp_path / "other.xlsx")])
    assert res.exit_code == 2 and "房间 Rooms" in res.output


def test_title_row_and_empty_rows(tmp_path: Path, standard: Standard) -> None:
    """A title row above the header and empty rows between rooms are read past."""
    plan = yaml_plan("plan-compliant.yaml")
    book = fill(plan_template_xlsx(standard), plan, tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(book)
    rooms = wb["房间 Rooms"]
    rooms.insert_rows(1)
    rooms["A1"] = "彭家桥社区 用房方案"
    rooms.insert_rows(4)
    wb.save(book)
    loaded = load_plan(book, standard)
    assert [r.name for r in loaded.rooms] == [r["name"] for r in plan["rooms"]]
