"""signgen batch: one folder and zip per community, bad rows reported, safe and repeatable."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from project_paths import ROOT, SPECS

from signgen.batch.run import (
    BatchOptions,
    CommunityResult,
    assign_folders,
    batch_plaques,
    run_batch,
    zip_folder,
)
from signgen.cli.batch import COMMANDS
from signgen.cli.main import main
from signgen.communities.rows import read_communities
from signgen.spec.model import Standard

HEADER = "district,street,community,party_org"
BAD = ROOT / "examples" / "communities-bad.csv"


def _batch(runner: CliRunner, source: Path, out: Path, *args: str) -> Result:
    return runner.invoke(main, ["batch", str(source), "-o", str(out), "--specs", str(SPECS),
                                *args])


def _differ(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def _csv(tmp_path: Path, body: str, name: str = "c.csv") -> Path:
    path = tmp_path / name
    path.write_text(f"{HEADER}\n{body}", encoding="utf-8")
    return path


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_bad_row_reported_good_rows_complete(tmp_path: Path, runner: CliRunner,
                                             standard: Standard) -> None:
    """One bad row: exit 1, its line and reasons reported; every good row has all its files."""
    out = tmp_path / "out"
    result = _batch(runner, BAD, out)
    assert result.exit_code == 1, result.output
    assert "4 communities, 3 done, 1 failed" in result.output
    assert ("  communities-bad.csv:4: party_org: expected one of 党总支, 党支部, got '党委'"
            in result.output.splitlines())
    expected = sorted([f"{p}.svg" for p in batch_plaques(standard)]
                      + [f"{p}.drawing.svg" for p in batch_plaques(standard)]
                      + ["elevation.svg"])
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == ["阿拉善右旗-额肯呼都格镇-团结社区", "阿拉善右旗-额肯呼都格镇-长山社区",
                       "阿拉善右旗-额肯呼都格镇-阳光社区"]
    for folder in folders:
        assert sorted(p.name for p in (out / folder).iterdir()) == expected
        with zipfile.ZipFile(out / f"{folder}.zip") as archive:
            assert archive.testzip() is None
            assert archive.namelist() == [f"{folder}/{name}" for name in expected]
            for name in expected:
                assert archive.read(f"{folder}/{name}") == (out / folder / name).read_bytes()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_summary_json_counts_and_lists_failures(tmp_path: Path, runner: CliRunner,
                                                standard: Standard) -> None:
    """summary.json counts done, failed and plaques, lists skipped plaques and the bad row."""
    out = tmp_path / "out"
    _batch(runner, BAD, out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    n = len(batch_plaques(standard))
    assert (summary["communities"], summary["done"], summary["failed"]) == (4, 3, 1)
    assert summary["plaques"] == 3 * n
    assert [s["plaque"] for s in summary["skipped_plaques"]] == [
        p.id for p in standard.plaques if p.repeat != "once"]
    failed = [r for r in summary["rows"] if r["errors"]]
    assert [r["line"] for r in failed] == [4] and len(failed[0]["errors"]) == 3
    assert [r["line"] for r in summary["rows"]] == [2, 3, 4, 5]


def test_header_only_file_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    """A file with a header and no rows: exit 2, "0 communities" at line 2, nothing written."""
    out = tmp_path / "out"
    result = _batch(runner, _csv(tmp_path, ""), out)
    assert result.exit_code == 2, result.output
    assert "c.csv:2: expected at least one community after the header row, " \
           "got none (0 communities)" in result.output
    assert not out.exists()


def test_same_input_same_bytes(tmp_path: Path, runner: CliRunner) -> None:
    """Two runs into two folders give identical files, zips and summary, byte for byte."""
    _batch(runner, BAD, tmp_path / "a")
    _batch(runner, BAD, tmp_path / "b")
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert _differ(first, second) == [] and len(first) > 10


def test_rerun_replaces_folders_in_place(tmp_path: Path, runner: CliRunner) -> None:
    """Running again over the same output replaces each folder; nothing stale or temporary stays."""
    source = _csv(tmp_path, "东湖区,百花洲街道,彭家桥社区,党支部\n")
    out = tmp_path / "out"
    assert _batch(runner, source, out).exit_code == 0
    stale = out / "东湖区-百花洲街道-彭家桥社区" / "stale.txt"
    stale.write_text("old")
    before = _tree(out)
    assert _batch(runner, source, out).exit_code == 0
    assert not stale.exists()
    assert _tree(out) == {k: v for k, v in before.items() if not k.endswith("stale.txt")}


@pytest.mark.parametrize("name", ["../../evil", "/etc/x", "..", "<script>", "a\\..\\b"])
def test_hostile_names_stay_inside_the_output_folder(tmp_path: Path, runner: CliRunner,
                                                     name: str) -> None:
    """Names made of path tricks or markup never write outside DIR."""
    source = _csv(tmp_path, f"{name},{name},{name},党支部\n")
    out = tmp_path / "deep" / "out"
    result = _batch(runner, source, out)
    assert result.exit_code == 0, result.output
    outside = [p for p in tmp_path.rglob("*") if p != source and not p.is_relative_to(out)
               and p.is_file()]
    assert outside == []
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1 and folders[0].parent == out


def test_colliding_folder_names_get_a_row_suffix(tmp_path: Path, standard: Standard) -> None:
    """Two communities whose safe names collide: the later gets -row<line>, stably."""
    source = _csv(tmp_path, "东湖区,百花洲街道,甲/乙社区,党支部\n"
                            "东湖区,百花洲街道,甲_乙社区,党支部\n")
    tasks = list(assign_folders(read_communities(source, standard)))
    assert [getattr(t, "folder", None) for t in tasks] == [
        "东湖区-百花洲街道-甲_乙社区", "东湖区-百花洲街道-甲_乙社区-row3"]


def test_xlsx_with_chinese_headers(tmp_path: Path, runner: CliRunner) -> None:
    """An XLSX file with 区/街道/社区/党组织 headers is rendered like a CSV."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["区", "街道", "社区", "党组织", "来源"])
    sheet.append(["额济纳旗", "达来呼布镇", "泰隆社区", "党总支", "购买"])
    source = tmp_path / "c.xlsx"
    book.save(source)
    result = _batch(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    elevation = tmp_path / "out" / "额济纳旗-达来呼布镇-泰隆社区" / "elevation.svg"
    assert "origin purchased" in elevation.read_text(encoding="utf-8")


def test_missing_column_exits_2_and_writes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    """A required column missing (party for party_org) fails the whole file with exit 2,
    pointing at the column that may be it; unknown columns alone are notes."""
    source = tmp_path / "c.csv"
    source.write_text("district,street,community,party,x\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _batch(runner, source, out)
    assert result.exit_code == 2
    assert ("c.csv:1: party_org: 缺少 party_org（党组织）列；第 D 列 'party' 可能就是这一列"
            "（是否想写 'party_org'？）") in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_failing_render_leaves_no_half_written_folder(tmp_path: Path, runner: CliRunner) -> None:
    """A name too long to fit fails that row only: no folder, no zip, no temporary left."""
    long = "很" * 400 + "社区"
    source = _csv(tmp_path, f"东湖区,百花洲街道,{long},党支部\n东湖区,百花洲街道,短社区,党支部\n")
    out = tmp_path / "out"
    result = _batch(runner, source, out)
    assert result.exit_code == 1
    assert "c.csv:2: community 东湖区-百花洲街道-很很" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "summary.json", "东湖区-百花洲街道-短社区", "东湖区-百花洲街道-短社区.zip"]


def test_allow_small_turns_failures_into_warnings(tmp_path: Path, runner: CliRunner) -> None:
    """With --allow-small the long name is rendered and its fit warnings are counted."""
    long = "很" * 60 + "社区"
    source = _csv(tmp_path, f"东湖区,百花洲街道,{long},党支部\n")
    out = tmp_path / "out"
    result = _batch(runner, source, out, "--allow-small")
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["warnings"] > 0 and "fit warnings" in result.output
    assert all(w.startswith("c.csv:2: community ") for w in summary["rows"][0]["warnings"])


@pytest.mark.slow
def test_formats_and_bad_formats(tmp_path: Path, runner: CliRunner,
                                 standard: Standard) -> None:
    """--formats pdf,png writes those for each plaque; an unknown format exits 2."""
    source = _csv(tmp_path, "东湖区,百花洲街道,彭家桥社区,党支部\n")
    out = tmp_path / "out"
    result = _batch(runner, source, out, "--formats", "pdf,png")
    assert result.exit_code == 0, result.output
    folder = out / "东湖区-百花洲街道-彭家桥社区"
    for plaque in batch_plaques(standard):
        assert (folder / f"{plaque}.pdf").read_bytes().startswith(b"%PDF")
        assert (folder / f"{plaque}.png").read_bytes().startswith(b"\x89PNG")
        assert not (folder / f"{plaque}.svg").exists()
    assert (folder / "elevation.pdf").exists()
    bad = _batch(runner, source, tmp_path / "x", "--formats", "svg,tiff")
    assert bad.exit_code == 2 and "--formats: expected" in bad.output


@pytest.mark.slow
def test_two_jobs_give_the_same_bytes_as_one(tmp_path: Path, standard: Standard) -> None:
    """A pool of two workers writes exactly what one process writes, and reports in order."""
    seen: list[CommunityResult] = []
    one = run_batch(BAD, BatchOptions(out_dir=tmp_path / "one", specs_dir=SPECS), jobs=1)
    two = run_batch(BAD, BatchOptions(out_dir=tmp_path / "two", specs_dir=SPECS), jobs=2,
                    progress=lambda result, _: seen.append(result))
    assert [r.line for r in seen] == [2, 3, 4, 5]
    assert one.to_json() == two.to_json()
    assert _differ(_tree(tmp_path / "one"), _tree(tmp_path / "two")) == []


def test_zip_is_deterministic_and_sorted() -> None:
    """The zip has sorted entries under the folder, a fixed date and mode, whatever the order."""
    a = zip_folder("f", [("b.svg", b"2"), ("a.svg", b"1")])
    b = zip_folder("f", [("a.svg", b"1"), ("b.svg", b"2")])
    assert a == b
    with zipfile.ZipFile(__import__("io").BytesIO(a)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["f/a.svg", "f/b.svg"]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o644}


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    """batch, elevation and drawing each have --help with an example; batch states exit codes."""
    assert [c.name for c in COMMANDS] == ["batch", "elevation", "drawing"]
    for command in COMMANDS:
        assert command.name is not None
        result = runner.invoke(main, [command.name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output and f"signgen {command.name}" in result.output
    assert "1 some rows failed" in runner.invoke(main, ["batch", "--help"]).output
