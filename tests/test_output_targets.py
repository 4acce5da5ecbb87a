"""Where ``-o`` points: files replaced atomically; devices, pipes and links never replaced;
folders refused; every operating-system error a located message with exit 2."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import ROOT

from signgen.cli.main import main
from signgen.errors import SigngenError
from signgen.output.files import os_error_text, write_atomic

PLAN = str(ROOT / "examples" / "plan-short.yaml")
SPECS = str(ROOT / "specs")


def _check_plan(runner: CliRunner, out: str) -> tuple[int, str]:
    result = runner.invoke(main, ["check-plan", PLAN, "--specs", SPECS, "-o", out])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def test_dev_null_stays_a_device(runner: CliRunner) -> None:
    """-o /dev/null writes into the device; it is still a character device afterwards."""
    code, _ = _check_plan(runner, "/dev/null")
    assert code == 1  # the short plan is not compliant; the report went to /dev/null
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    """A symlink to a file: the file gets the data and the link stays a link."""
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_fifo_is_written_in_place(tmp_path: Path) -> None:
    """A named pipe is written into, not replaced by a regular file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen([sys.executable, "-c", f"print(open({str(fifo)!r}).read())"],
                              stdout=subprocess.PIPE, text=True)
    write_atomic(fifo, "through the pipe")
    out, _ = reader.communicate(timeout=30)
    assert out.strip() == "through the pipe" and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dash_is_standard_output(tmp_path: Path, runner: CliRunner,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """-o - writes the report to stdout and no file named '-'."""
    monkeypatch.chdir(tmp_path)
    code, output = _check_plan(runner, "-")
    assert code == 1 and not (tmp_path / "-").exists()
    assert "plan-short.yaml" in output or "社区" in output


def test_folder_is_refused_with_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    """-o naming a folder: exit 2, a message naming it, the folder untouched."""
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "x").write_text("x", encoding="utf-8")
    code, output = _check_plan(runner, str(tmp_path / "keep"))
    assert code == 2
    assert f"{tmp_path / 'keep'}: expected a file to write (or - for standard output), " \
           "got a folder; nothing was written" in output
    assert (tmp_path / "keep" / "x").read_text(encoding="utf-8") == "x"


def test_parent_that_is_a_file_is_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    """-o under a path that is a file: exit 2 with the path, no traceback."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    code, output = _check_plan(runner, str(tmp_path / "afile" / "report.txt"))
    assert code == 2 and "afile/report.txt: expected a path to write to" in output


@pytest.mark.parametrize(("number", "text"), [
    (errno.EACCES, "权限不足 (permission denied)"),
    (errno.ENOSPC, "磁盘已满 (no space left on the device)"),
    (errno.EROFS, "只读文件系统 (read-only filesystem)"),
    (errno.EISDIR, "这是一个文件夹，不是文件 (is a folder, expected a file)"),
    (errno.ENOTDIR, "路径中有一段是文件，不是文件夹 (a part of the path is a file, not a folder)"),
    (errno.ENAMETOOLONG, "文件名过长 (file name too long)"),
])
def test_os_errors_are_one_located_message_and_exit_2(
        tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, number: int,
        text: str) -> None:
    """Each OS error while writing becomes 'PATH: 中文 (English)' and exit 2, no traceback."""
    out = tmp_path / "r.txt"

    def fail(*_: object, **__: object) -> None:
        raise OSError(number, os.strerror(number), str(out))

    monkeypatch.setattr("signgen.output.files.os.replace", fail)
    code, output = _check_plan(runner, str(out))
    assert code == 2 and f"{out}: {text}" in output
    assert "Traceback" not in output and [p.name for p in tmp_path.iterdir()] == []


def test_os_error_text_names_both_paths() -> None:
    """A rename error names the source and the destination."""
    exc = OSError(errno.EXDEV, "Invalid cross-device link", "/a", None, "/b")
    assert os_error_text(exc).startswith("/a -> /b: 系统错误")


def test_block_device_is_refused(tmp_path: Path) -> None:
    """Nothing is ever written to a block device (a disk node made here, with a device
    number from the range reserved for local use, so no real disk is ever at stake)."""
    node = tmp_path / "disk"
    try:
        os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(240, 0))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    with pytest.raises(SigngenError, match="got a block device"):
        write_atomic(node, b"never")
    assert stat.S_ISBLK(os.stat(node).st_mode)


def test_dev_stdout_redirected_to_a_file_is_written_in_place(tmp_path: Path) -> None:
    """-o /dev/stdout with stdout redirected to a file: the bytes reach that file through
    the caller's open descriptor; /dev/stdout is not replaced."""
    out = tmp_path / "out.txt"
    code = ("from pathlib import Path; from signgen.output.files import write_atomic; "
            "write_atomic(Path('/dev/stdout'), 'through stdout')")
    with out.open("w") as handle:
        subprocess.run([sys.executable, "-c", code], stdout=handle, check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.read_text(encoding="utf-8") == "through stdout"
    assert Path("/dev/stdout").is_symlink()
