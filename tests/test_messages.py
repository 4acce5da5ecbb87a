"""The messages of issue 13, item 17: each names the setting as the user wrote it, locates
the problem and says what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from project_paths import CORE_SPECS

from signgen.cli.main import main


def test_duplicate_standard_id_is_located(tmp_path: Path, runner: CliRunner) -> None:
    """Two folders with one standard id: the second's standard.id line, and the first named."""
    shutil.copytree(CORE_SPECS, tmp_path / "a")
    shutil.copytree(CORE_SPECS, tmp_path / "b")
    result = runner.invoke(main, ["validate", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    line = next(i for i, text in enumerate(
        (tmp_path / "b" / "standard.yml").read_text(encoding="utf-8").splitlines(), 1)
        if text.strip().startswith("id:"))
    assert (f"{tmp_path / 'b' / 'standard.yml'}:{line}:" in result.output
            and "standard.id: expected each standard's id once under" in result.output
            and f"got 'community-premises' again (first in {tmp_path / 'a'})"
            in result.output)
