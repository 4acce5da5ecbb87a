"""The plugin's options: MkDocs' own types, so a bad value is a config error naming its key."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from project_paths import ROOT, SPECS

from signgen.site.config import SigngenPluginConfig
from signgen.site.export import written_config
from signgen.site.options import COMMUNITY_DOWNLOADS, STANDARD_KEY
from signgen.site.plaque_pages import FORMATS

CHOICES = "('svg', 'svg-outlined', 'pdf', 'png', 'audit-sheet', 'audit-form')"


def validated(tmp_path: Path, options: dict[str, Any]) -> tuple[list[tuple[str, str]],
                                                                 list[tuple[str, str]]]:
    """The errors and warnings of ``options`` for a mkdocs.yml in ``tmp_path``, as text."""
    conf = SigngenPluginConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    conf.load_dict(options)
    errors, warnings = conf.validate()
    return [(k, str(e)) for k, e in errors], [(k, str(w)) for k, w in warnings]


def test_bundled_mkdocs_yml_options_validate_clean() -> None:
    """The signgen options of the repository's mkdocs.yml give no error and no warning."""
    raw = written_config(load_config(str(ROOT / "mkdocs.yml")))
    entry = next(p for p in raw["plugins"] if isinstance(p, dict) and "signgen" in p)
    conf = SigngenPluginConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    conf.load_dict(entry["signgen"])
    assert conf.validate() == ([], [])
    assert conf.specs == str(SPECS.resolve())


def test_good_options_validate_clean_with_paths_made_absolute(tmp_path: Path) -> None:
    """Existing folders and files, known formats and booleans pass; paths are resolved
    against mkdocs.yml's folder."""
    (tmp_path / "specs").mkdir()
    (tmp_path / "old").mkdir()
    (tmp_path / "fonts").mkdir()
    (tmp_path / "c.csv").write_text("community\n", encoding="utf-8")
    options = {"specs": "specs", "previous_specs": "old", "communities": "c.csv",
               "community_downloads": list(COMMUNITY_DOWNLOADS), "fonts_dir": "fonts",
               "standard": "community-premises", "downloads": False, "set_site_name": False,
               "set_nav": False, "cache": False, "cache_dir": "cache",
               "search_dictionary": False}
    conf = SigngenPluginConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    conf.load_dict(options)
    assert conf.validate() == ([], [])
    assert conf.communities == str(tmp_path / "c.csv")
    assert conf.cache_dir == str(tmp_path / "cache")


BAD_OPTIONS: list[tuple[dict[str, Any], str, str]] = [
    ({"specs": "nope"}, "specs", "The path '{tmp}/nope' isn't an existing directory."),
    ({"specs": "c.csv"}, "specs", "The path '{tmp}/c.csv' isn't an existing directory."),
    ({"standard": 3}, "standard", "Expected type: <class 'str'> but received: <class 'int'>"),
    ({"previous_specs": "old"}, "previous_specs",
     "The path '{tmp}/old' isn't an existing directory."),
    ({"communities": "missing.csv"}, "communities",
     "The path '{tmp}/missing.csv' isn't an existing file."),
    ({"communities": "specs"}, "communities", "The path '{tmp}/specs' isn't an existing file."),
    ({"community_downloads": ["tiff"]}, "community_downloads",
     f"Expected one of: {CHOICES} but received: 'tiff'"),
    ({"community_downloads": ["svg", "PDF"]}, "community_downloads",
     f"Expected one of: {CHOICES} but received: 'PDF'"),
    ({"community_downloads": "svg"}, "community_downloads",
     "Expected a list of items, but a <class 'str'> was given."),
    ({"downloads": "yes"}, "downloads",
     "Expected type: <class 'bool'> but received: <class 'str'>"),
    ({"fonts_dir": "nofonts"}, "fonts_dir",
     "The path '{tmp}/nofonts' isn't an existing directory."),
    ({"set_site_name": "no"}, "set_site_name",
     "Expected type: <class 'bool'> but received: <class 'str'>"),
    ({"set_nav": 1}, "set_nav", "Expected type: <class 'bool'> but received: <class 'int'>"),
    ({"cache": "off"}, "cache", "Expected type: <class 'bool'> but received: <class 'str'>"),
    ({"cache_dir": 3}, "cache_dir", "Expected type: <class 'str'> but received: <class 'int'>"),
    ({"search_dictionary": "yes"}, "search_dictionary",
     "Expected type: <class 'bool'> but received: <class 'str'>"),
]


@pytest.mark.parametrize(("options", "key", "message"), BAD_OPTIONS)
def test_each_bad_option_is_an_error_naming_its_key(
        tmp_path: Path, options: dict[str, Any], key: str, message: str) -> None:
    """Each of the twelve options refuses a bad value with MkDocs' exact message."""
    (tmp_path / "specs").mkdir()
    (tmp_path / "c.csv").write_text("community\n", encoding="utf-8")
    errors, warnings = validated(tmp_path, {"specs": "specs", **options})
    assert errors == [(key, message.format(tmp=tmp_path))]
    assert warnings == []


def test_every_option_is_tested_for_a_bad_value() -> None:
    """The bad values above cover all twelve options of the plugin."""
    keys = {key for _, key, _ in BAD_OPTIONS}
    assert keys == {key for key, _ in SigngenPluginConfig._schema}
    assert len(keys) == 12


def test_unknown_option_is_a_warning_naming_it(tmp_path: Path) -> None:
    """A misspelt option is reported (a strict build fails on it), not ignored."""
    (tmp_path / "specs").mkdir()
    errors, warnings = validated(tmp_path, {"specs": "specs", "communites": "c.csv"})
    assert errors == []
    assert warnings == [("communites", "Unrecognised configuration name: communites")]


def test_community_downloads_are_the_site_plaque_formats_and_the_audit_sheet() -> None:
    """The option's choices are exactly what the site can publish per community."""
    assert (*FORMATS, "audit-sheet", "audit-form") == COMMUNITY_DOWNLOADS


def write_config(tmp_path: Path, options: str) -> Path:
    """A mkdocs.yml inheriting the repository's, with the signgen plugin's ``options``."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
                      f"plugins:\n  - search\n  - signgen:\n      cache: false\n{options}",
                      encoding="utf-8")
    return config


def test_cli_reports_a_bad_option_with_mkdocs_key(runner, tmp_path: Path  # type: ignore[no-untyped-def]
                                                  ) -> None:
    """`signgen site build` with `communities: missing.csv` exits 2 naming the key."""
    from signgen.cli.main import main

    config = write_config(tmp_path, f"      specs: {SPECS}\n      communities: missing.csv\n")
    result = runner.invoke(main, ["site", "build", "-f", str(config), "-d", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert (f"error: Config value 'plugins': Plugin 'signgen' option 'communities': The path "
            f"'{tmp_path}/missing.csv' isn't an existing file.") in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "s").exists()


def test_unknown_standard_names_the_config_key_not_a_cli_flag(
        runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`standard: nope` fails the build with the key MkDocs would name, not `--standard`."""
    from signgen.cli.main import main

    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    config = write_config(tmp_path, f"      specs: {specs}\n      standard: nope\n")
    result = runner.invoke(main, ["site", "build", "-f", str(config), "-d", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert (f"{STANDARD_KEY}: expected one of community-premises (core), learning-community "
            "(supplementary), got 'nope'") in result.output
    assert "--standard" not in result.output
