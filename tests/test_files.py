"""Output files: atomic writes, readable modes, names that cannot leave their folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from signgen.errors import SigngenError
from signgen.output.files import safe_join, safe_name, write_atomic


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A written file has the data and no temporary file is left beside it."""
    target = tmp_path / "sub" / "out.svg"
    write_atomic(target, "<svg/>")
    assert target.read_text(encoding="utf-8") == "<svg/>"
    assert [p.name for p in target.parent.iterdir()] == ["out.svg"]


def test_write_atomic_file_is_readable_by_others(tmp_path: Path) -> None:
    """Outputs get ordinary permissions (umask applied), not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.csv", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o644


@pytest.mark.parametrize("name", ["../../etc/passwd", "..", "/abs/path", "a\\b", "\x00x", " . "])
def test_safe_join_stays_inside_root(tmp_path: Path, name: str) -> None:
    """Names with separators, dots or control characters stay inside the output folder."""
    path = safe_join(tmp_path, name, name)
    assert path.resolve().is_relative_to(tmp_path.resolve())
    assert "/" not in safe_name(name) and safe_name(name) not in {"", ".", ".."}


def test_safe_join_refuses_symlink_escape(tmp_path: Path) -> None:
    """A folder that is a symlink out of the root is refused, not followed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(outside)
    with pytest.raises(SigngenError):
        safe_join(root, "link")
