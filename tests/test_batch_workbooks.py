"""signgen batch on communities workbooks as people make them (issue 12.5), end to end:
real XLSX files written with openpyxl, run through the CLI, judged by exit code, stderr,
summary.json and the folders made."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner, Result
from project_paths import SPECS

from signgen.cli.main import main


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "名单.xlsx") -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def _batch(runner: CliRunner, source: Path, out: Path) -> Result:
    return runner.invoke(main, ["batch", str(source), "-o", str(out), "--specs", str(SPECS),
                                "--quiet"])


def _summary(out: Path) -> dict[str, object]:
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _folders(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.is_dir())


EVERYDAY = [
    ["东湖区社区名单（2026 年）"],
    [],
    ["序号", "区", "街道(乡镇)", "社区名称", "党组织", "门宽(mm)", "联系人", "备注"],
    [1, "东湖区", "百花洲街道", "彭家桥社区", "党 总支", "1,510", "张三", "东门"],
    [2, "东湖区", "百花洲街道", "墩子塘社区", "党委", 1200, "李四", ""],
    [3, "东湖区", "百花洲街道", "豫章社区", "党支部", 1800, "", "新建"],
]


def test_everyday_workbook_is_read_and_one_bad_row_fails_alone(tmp_path: Path,
                                                              runner: CliRunner) -> None:
    """Title rows, 序号/备注, 街道(乡镇), 社区名称, 门宽(mm), 党 总支 and 1,510 all read;
    the 联系人 column is kept out with a note on stderr (Chinese, then English) and in
    summary.json; the bad row (党委) fails alone with its line; exit 1."""
    out = tmp_path / "out"
    result = _batch(runner, _xlsx(tmp_path, EVERYDAY), out)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[:2] == [
        "名单.xlsx:3: 提示: 第 G 列（第 7 列）的表头 '联系人' 不是已知的列，已略去，不读取该列",
        "  名单.xlsx:3: note: column G (7), headed '联系人', is not a known column: kept "
        "out, its cells are not read"]
    assert "3 communities, 2 done, 1 failed" in result.stdout
    assert "  名单.xlsx:5: party_org: expected one of 党总支, 党支部, got '党委'" in \
        result.stdout.splitlines()
    summary = _summary(out)
    assert summary["notes"] == [{
        "file": "名单.xlsx", "line": 3, "column": 7, "letter": "G", "header": "联系人",
        "did_you_mean": "", "message": "第 G 列（第 7 列）的表头 '联系人' 不是已知的列，已略去，"
        "不读取该列", "message_en": "column G (7), headed '联系人', is not a known column: "
        "kept out, its cells are not read"}]
    assert _folders(out) == ["东湖区-百花洲街道-彭家桥社区", "东湖区-百花洲街道-豫章社区"]
    plaque = (out / "东湖区-百花洲街道-彭家桥社区" / "party-committee-plaque.svg").read_text(
        encoding="utf-8")
    assert "党总支" in plaque and "张三" not in plaque
    elevation = (out / "东湖区-百花洲街道-彭家桥社区" / "elevation.svg").read_text(
        encoding="utf-8")
    assert "1510" in elevation  # the door width, read from "1,510"


def test_misspelt_optional_header_is_a_note_with_a_did_you_mean(tmp_path: Path,
                                                               runner: CliRunner) -> None:
    """门框宽 is kept out with "did you mean '门宽'?"; every row is still made; exit 0."""
    out = tmp_path / "out"
    source = _xlsx(tmp_path, [["区", "街道", "社区", "党组织", "门框宽"],
                              ["东湖区", "百花洲街道", "彭家桥社区", "党支部", 1500]])
    result = _batch(runner, source, out)
    assert result.exit_code == 0, result.output
    assert "（是否想写 '门宽'？）" in result.stderr
    assert "(did you mean '门宽'?)" in result.stderr
    notes = _summary(out)["notes"]
    assert isinstance(notes, list) and notes[0]["did_you_mean"] == "门宽"
    assert _folders(out) == ["东湖区-百花洲街道-彭家桥社区"]


def test_missing_required_column_rejects_the_file(tmp_path: Path, runner: CliRunner) -> None:
    """A misspelt required header (社区名) leaves the community column missing: exit 2, the
    error names the column and points at the likely one; nothing is written."""
    out = tmp_path / "out"
    source = _xlsx(tmp_path, [["区", "街道", "社区名", "党组织"],
                              ["东湖区", "百花洲街道", "彭家桥社区", "党支部"]])
    result = _batch(runner, source, out)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert ("名单.xlsx:1: community: 缺少 community（社区）列；第 C 列 '社区名' 可能就是这一列"
            "（是否想写 '社区'？）") in result.stderr
    assert not out.exists()


def test_workbook_without_extra_columns_has_no_notes(tmp_path: Path,
                                                     runner: CliRunner) -> None:
    """A workbook whose columns are all known: no note on stderr, none in summary.json."""
    out = tmp_path / "out"
    source = _xlsx(tmp_path, [["district", "street", "community", "party_org"],
                              ["东湖区", "百花洲街道", "彭家桥社区", "党支部"]])
    result = _batch(runner, source, out)
    assert result.exit_code == 0, result.output
    assert "提示" not in result.stderr and "notes" not in _summary(out)
