"""The messages of issue 13, item 17: each names the setting as the user wrote it, locates
the problem and says what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import CORE_SPECS, SPECS

from signgen.cli.main import main
from signgen.errors import SigngenError
from signgen.site.generate import generate_site
from signgen.site.options import SiteOptions


def test_duplicate_standard_id_is_located(tmp_path: Path, runner: CliRunner) -> None:
    """Two folders with one standard id: the second's standard.id line, and the first named."""
    shutil.copytree(CORE_SPECS, tmp_path / "a")
    shutil.copytree(CORE_SPECS, tmp_path / "b")
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    line = next(i for i, text in enumerate(
        (tmp_path / "b" / "standard.yml").read_text(encoding="utf-8").splitlines(), 1)
        if text.strip().startswith("id:"))
    assert (f"{tmp_path / 'b' / 'standard.yml'}:{line}:" in result.output
            and "standard.id: expected each standard's id once under" in result.output
            and f"got 'community-premises' again (first in {tmp_path / 'a'})"
            in result.output)


def test_plugin_standard_option_is_named_as_in_mkdocs_yml() -> None:
    """An unknown plugin standard: the message names plugins.signgen.standard, not --standard."""
    with pytest.raises(SigngenError, match=r"^plugins\.signgen\.standard: expected one of "
                                           r".*got 'nope'$"):
        generate_site(SiteOptions(specs=SPECS, standard="nope"))


@pytest.mark.parametrize(("url", "kind"), [
    ("javascript:alert(1)", "a 'javascript:' URL"),
    ("file:///etc/", "a 'file:' URL"),
    ("/signgen/", "no scheme"),
])
def test_audit_sheet_base_url_must_be_http(tmp_path: Path, runner: CliRunner, url: str,
                                           kind: str) -> None:
    """audit-sheet --base-url javascript:… (or file:, or a bare path): exit 2, said why."""
    out = tmp_path / "sheet.html"
    result = runner.invoke(main, ["audit-sheet", "--specs", str(SPECS), "--base-url", url,
                                  "-o", str(out)])
    assert result.exit_code == 2
    assert f"expected an absolute http:// or https:// address, got {kind}" in result.output
    assert not out.exists()


def test_audit_sheet_base_url_from_the_environment_is_checked(
        tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGNGEN_SITE_URL=javascript:… is refused the same way, naming the variable."""
    monkeypatch.setenv("SIGNGEN_SITE_URL", "javascript:alert(1)")
    result = runner.invoke(main, ["audit-sheet", "--specs", str(SPECS),
                                  "-o", str(tmp_path / "s.html")])
    assert result.exit_code == 2
    assert "SIGNGEN_SITE_URL: expected an absolute http:// or https:// address" in result.output
