"""signgen batch under faults: bad options, leftovers, a second batch, interrupts, OS
errors, a killed parent. Nothing lost, nothing mixed, summary.json always written."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from project_paths import ROOT, SPECS

from signgen.batch import run as batch_run
from signgen.batch.options import BatchOptions, max_jobs
from signgen.batch.place import exclusive
from signgen.batch.run import run_batch
from signgen.cli.main import main

HEADER = "district,street,community,party_org"
ROWS = "".join(f"东湖区,百花洲街道,社区{i},党支部\n" for i in range(3))


def _csv(tmp_path: Path, body: str = ROWS) -> Path:
    path = tmp_path / "c.csv"
    path.write_text(f"{HEADER}\n{body}", encoding="utf-8")
    return path


def _batch(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, ["batch", *args, "--specs", str(SPECS)])


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_empty_output_path_is_refused(tmp_path: Path, runner: CliRunner,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """batch -o "": exit 2, and nothing is written into the current folder."""
    monkeypatch.chdir(tmp_path)
    source = _csv(tmp_path)
    result = _batch(runner, str(source), "-o", "")
    assert result.exit_code == 2
    assert "-o: expected an output folder, got ''" in result.output
    assert _names(tmp_path) == ["c.csv"]


@pytest.mark.parametrize(("args", "message"), [
    (["--jobs", "64"], f"--jobs: expected 1 to {max_jobs()} (the CPU cores"),
    (["--jobs", "0"], f"--jobs: expected 1 to {max_jobs()}"),
    (["--px-per-mm", "0"], "expected a number above 0 and at most 100, got '0'"),
    (["--px-per-mm", "-1"], "expected a number above 0 and at most 100, got '-1'"),
    (["--px-per-mm", "nan"], "expected a number above 0 and at most 100, got 'nan'"),
    (["--origin", "rented"], "--origin: expected one of"),
], ids=["jobs-64", "jobs-0", "px-0", "px-neg", "px-nan", "origin"])
def test_bad_options_are_one_error_with_exit_2(tmp_path: Path, runner: CliRunner,
                                               args: list[str], message: str) -> None:
    """Each bad option value is refused once, up front, exit 2; no folder is created."""
    out = tmp_path / "out"
    result = _batch(runner, str(_csv(tmp_path)), "-o", str(out), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and not out.exists()


def test_standard_without_plaques_says_so(tmp_path: Path, runner: CliRunner) -> None:
    """batch --standard learning-community: that standard has no plaques (not headers)."""
    result = _batch(runner, str(_csv(tmp_path)), "-o", str(tmp_path / "out"),
                    "--standard", "learning-community")
    assert result.exit_code == 2
    assert "got 'learning-community', which has no plaques" in result.output
    assert "header" not in result.output


def test_leftovers_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    """Staging folders, temporary files and a zip placed without its folder are cleaned;
    a community placed before the kill keeps its folder and zip."""
    out = tmp_path / "out"
    run_batch(_csv(tmp_path), BatchOptions(out_dir=out, specs_dir=SPECS))
    before = _names(out)
    # a run killed while placing 东湖区-百花洲街道-社区9: zip moved in, folder still staged
    staging = out / ".tmp-killed1"
    (staging / "东湖区-百花洲街道-社区9").mkdir(parents=True)
    (staging / "东湖区-百花洲街道-社区9" / "half.svg").write_text("<svg", encoding="utf-8")
    (staging / ".target").write_text("东湖区-百花洲街道-社区9", encoding="utf-8")
    (staging / "old").mkdir()
    (out / "东湖区-百花洲街道-社区9.zip").write_bytes(b"PK")
    (out / ".东湖区-百花洲街道-社区0.zip.abcd1234.tmp").write_bytes(b"")
    (out / ".tmp-killed2").mkdir()
    run_batch(_csv(tmp_path, "东湖区,百花洲街道,社区1,党支部\n"),
              BatchOptions(out_dir=out, specs_dir=SPECS))
    assert _names(out) == before
    assert not any(n.startswith(".") for n in _names(out))


def test_a_second_batch_into_the_same_folder_is_refused(tmp_path: Path,
                                                        runner: CliRunner) -> None:
    """While one batch holds the output folder, another into it exits 2 and writes nothing."""
    out = tmp_path / "out"
    out.mkdir()
    with exclusive(out):
        result = _batch(runner, str(_csv(tmp_path)), "-o", str(out))
    assert result.exit_code == 2
    assert "in use by another signgen batch" in result.output
    assert _names(out) == []


def test_summary_is_written_when_the_run_is_interrupted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C on the second row: the first is placed, summary.json says it stopped."""
    real = batch_run.CommunityRenderer.render
    calls = []

    def render(self: batch_run.CommunityRenderer, item: batch_run.Task) -> object:
        calls.append(item)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, item)

    monkeypatch.setattr(batch_run.CommunityRenderer, "render", render)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(_csv(tmp_path), BatchOptions(out_dir=out, specs_dir=SPECS))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["stopped"] == "interrupted (Ctrl-C) before the end of the file"
    assert (summary["communities"], summary["done"]) == (1, 1)
    assert _names(out) == ["summary.json", "东湖区-百花洲街道-社区0",
                           "东湖区-百花洲街道-社区0.zip"]


def test_os_error_in_a_row_is_a_row_message(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while writing one row fails that row with 磁盘已满, not 'internal error',
    and the next rows go on; the failed row leaves nothing behind."""
    real = batch_run.write_atomic

    def write(path: Path, data: str | bytes) -> None:
        if "社区1" in str(path) and path.suffix == ".zip":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, data)

    monkeypatch.setattr(batch_run, "write_atomic", write)
    out = tmp_path / "out"
    summary = run_batch(_csv(tmp_path), BatchOptions(out_dir=out, specs_dir=SPECS))
    (failed,) = summary.failed
    assert failed.line == 3 and "磁盘已满 (no space left on the device)" in failed.errors[0]
    assert "internal error" not in failed.errors[0]
    assert summary.done == 2 and not any("社区1" in n for n in _names(out))
    assert not any(n.startswith(".") for n in _names(out))


def test_xxe_logo_is_a_located_row_problem(tmp_path: Path) -> None:
    """An SVG logo with an external entity fails its row with a located message."""
    (tmp_path / "evil.svg").write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', encoding="utf-8")
    (tmp_path / "link.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hosts"/></svg>',
        encoding="utf-8")
    source = tmp_path / "c.csv"
    source.write_text(f"{HEADER},logo\n东湖区,百花洲街道,甲社区,党支部,evil.svg\n"
                      "东湖区,百花洲街道,乙社区,党支部,link.svg\n"
                      "东湖区,百花洲街道,丙社区,党支部,file:///etc/passwd\n", encoding="utf-8")
    summary = run_batch(source, BatchOptions(out_dir=tmp_path / "out", specs_dir=SPECS))
    errors = [e for r in summary.failed for e in r.errors]
    assert errors[0].startswith("c.csv:2: logo: expected an SVG without a DTD")
    assert errors[1] == ("c.csv:3: logo: expected a self-contained SVG, got a link to "
                         "'/etc/hosts' (line 1), got 'link.svg'")
    assert errors[2].startswith("c.csv:4: logo: expected a logo file path relative to the "
                                "communities file, got a 'file:' URL")


def test_long_names_fit_the_filesystem(tmp_path: Path) -> None:
    """A community name of 200 Chinese characters (600 bytes) gets a folder and a zip
    under 255 bytes each, not 'File name too long'."""
    long = "很" * 200 + "社区"
    summary = run_batch(_csv(tmp_path, f"东湖区,百花洲街道,{long},党支部\n"),
                        BatchOptions(out_dir=tmp_path / "out", specs_dir=SPECS,
                                     allow_small=True))
    assert summary.done == 1, summary.failed
    for name in _names(tmp_path / "out"):
        assert len(name.encode()) <= 255


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or max_jobs() < 2,
                    reason="needs Linux /proc and two cores")
def test_workers_stop_when_the_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 on a -j 2 batch: its workers are gone within two seconds."""
    body = "".join(f"东湖区,百花洲街道,社区{i},党支部\n" for i in range(400))
    source = _csv(tmp_path, body)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-m", "signgen", "batch", str(source), "-o", str(tmp_path / "out"),
         "--specs", str(SPECS), "-j", "2", "-q"], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline:
        workers = [c for c in _children(parent.pid) if _alive(c)]
        folders = [p for p in (tmp_path / "out").glob("*.zip")] if (tmp_path / "out").exists() \
            else []
        if len(workers) >= 2 and folders:
            break
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    time.sleep(2)
    assert [w for w in workers if _alive(w)] == []
