"""The site beyond MkDocs 1.6: ProperDocs builds the same site, the export builds without the
plugin, and a site built without the plugin (as Zensical builds) fails the page check."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils.yaml import yaml_load
from project_paths import ROOT, SPECS

from signgen.cli.main import main
from signgen.site.export import HEADER, plain_values, written_config

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
RAW_MARKS = re.compile(rb"<!-- /?signgen:html -->\n?")
BLANK_LINES = re.compile(rb"\n\n+")


def without_raw_marks(html: bytes) -> bytes:
    """A page without signgen's raw-block marks; as plain Markdown comments they leave a
    blank line after a raw block (a community page's tables), the same HTML otherwise."""
    return BLANK_LINES.sub(b"\n", RAW_MARKS.sub(b"", html))


def run_build(tool: str, config: Path, site_dir: Path) -> None:
    """``python -m TOOL build --strict`` (mkdocs or properdocs) in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-q", "-f",
                             str(config), "-d", str(site_dir)], env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]


def raw_config(cache_dir: Path, plugin: bool = True) -> dict[str, Any]:
    """The repository's mkdocs.yml with absolute paths and the cache in ``cache_dir``; when
    ``plugin`` is false, without the signgen plugin and so without ``extra.alternate: true``,
    which needs the plugin's theme partial (what Zensical makes of it, once it builds)."""
    raw = plain_values(written_config(load_config(str(ROOT / "mkdocs.yml"))))
    raw["docs_dir"] = str(ROOT / "docs")
    if not plugin:
        raw["extra"] = {k: v for k, v in raw.get("extra", {}).items() if k != "alternate"}
    plugins = []
    for entry in raw["plugins"]:
        if isinstance(entry, dict) and "signgen" in entry:
            if not plugin:
                continue
            entry = {"signgen": {**entry["signgen"], "specs": str(SPECS),
                                 "cache_dir": str(cache_dir)}}
            if entry["signgen"].get("communities"):  # relative to the repository's mkdocs.yml
                entry["signgen"]["communities"] = str(ROOT / entry["signgen"]["communities"])
        plugins.append(entry)
    raw["plugins"] = plugins
    return raw


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def files_of(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled site built by mkdocs and by properdocs (one shared cache), and its config."""
    tmp = tmp_path_factory.mktemp("generators")
    config = write_yaml(tmp / "mkdocs.yml", raw_config(tmp / "cache"))
    run_build("mkdocs", config, tmp / "mkdocs-site")
    run_build("properdocs", config, tmp / "properdocs-site")
    return {"config": config, "mkdocs": tmp / "mkdocs-site",
            "properdocs": tmp / "properdocs-site", "tmp": tmp}


@pytest.mark.slow
def test_properdocs_builds_the_same_site(sites: dict[str, Path]) -> None:
    """`properdocs build --strict` writes the same files as `mkdocs build --strict`: the same
    page list, a byte-identical search index, and every file the same but for the HTML's
    generator tag."""
    mkdocs_site, properdocs_site = sites["mkdocs"], sites["properdocs"]
    names = files_of(mkdocs_site)
    assert names == files_of(properdocs_site)
    assert sum(n.endswith("index.html") for n in names) > 200
    index = "search/search_index.json"
    assert (mkdocs_site / index).read_bytes() == (properdocs_site / index).read_bytes()
    differ = [n for n in names if GENERATOR.sub(b"", (mkdocs_site / n).read_bytes())
              != GENERATOR.sub(b"", (properdocs_site / n).read_bytes())]
    assert differ == []
    assert b"ProperDocs" in (properdocs_site / "index.html").read_bytes()


@pytest.mark.slow
def test_export_builds_the_same_pages_without_the_plugin(  # type: ignore[no-untyped-def]
        runner, sites: dict[str, Path]) -> None:
    """`signgen site export` then `mkdocs build --strict` of the export (no signgen plugin in
    its config) gives the same pages, search entries and downloads; the Chinese pages are
    the same HTML (the English ones differ only by the site name, which the plugin sets)."""
    out = sites["tmp"] / "export"
    result = runner.invoke(main, ["site", "export", "-f", str(sites["config"]), str(out)])
    assert result.exit_code == 0, result.output
    with (out / "mkdocs.yml").open(encoding="utf-8") as f:
        exported = yaml_load(f)
    assert (out / "mkdocs.yml").read_text(encoding="utf-8").startswith(HEADER)
    assert "signgen" not in json.dumps(exported["plugins"])
    assert exported["nav"] and exported["docs_dir"] == "docs"
    run_build("mkdocs", out / "mkdocs.yml", out / "site")
    built, site = sites["mkdocs"], out / "site"
    assert files_of(site) == files_of(built)
    docs = [json.loads((s / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
            for s in (built, site)]
    assert sorted(map(json.dumps, docs[0])) == sorted(map(json.dumps, docs[1]))
    chinese = [n for n in files_of(built) if n.endswith(".html") and not n.startswith("en/")]
    differ = [n for n in chinese if without_raw_marks((site / n).read_bytes())
              != without_raw_marks((built / n).read_bytes())]
    assert differ == []
    check = runner.invoke(main, ["site", "check", "-f", str(sites["config"]), str(site)])
    assert check.exit_code == 0, check.output


@pytest.mark.slow
def test_export_refuses_a_folder_of_other_files_and_replaces_an_earlier_export(
        runner, sites: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    """Export never overwrites a folder it did not write; a second export leaves no stale file."""
    config = sites["config"]
    mine = sites["tmp"] / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("mine", encoding="utf-8")
    refused = runner.invoke(main, ["site", "export", "-f", str(config), str(mine)])
    assert refused.exit_code == 2
    assert f"{mine}: expected an empty folder or a previous export" in refused.output
    assert sorted(p.name for p in mine.iterdir()) == ["notes.md"]

    out = sites["tmp"] / "export-twice"
    assert runner.invoke(main, ["site", "export", "-f", str(config), str(out)]).exit_code == 0
    stale = out / "docs" / "plaques" / "gone.md"
    stale.write_text("old", encoding="utf-8")
    again = runner.invoke(main, ["site", "export", "-f", str(config), str(out)])
    assert again.exit_code == 0, again.output
    assert not stale.exists()
    assert (out / "docs" / "plaques" / "name-sign.md").is_file()
    assert (out / "overrides" / "partials" / "alternate.html").is_file()


@pytest.mark.slow
def test_a_site_built_without_the_plugin_fails_the_check(  # type: ignore[no-untyped-def]
        runner, sites: dict[str, Path]) -> None:
    """A generator that drops the plugin "succeeds" with the hand-written pages only;
    `signgen site check` fails it (exit 2, counts and missing pages), and passes the real
    site."""
    tmp = sites["tmp"]
    plain = write_yaml(tmp / "plain.yml", raw_config(tmp / "cache", plugin=False))
    run_build("mkdocs", plain, tmp / "plain-site")
    result = runner.invoke(main, ["site", "check", "-f", str(sites["config"]),
                                  str(tmp / "plain-site")])
    assert result.exit_code == 2
    pages = sum(n.endswith("index.html") for n in files_of(sites["mkdocs"])) - len(
        [n for n in files_of(tmp / "plain-site") if n.endswith("index.html")])
    assert re.search(rf"pages: expected \d+, found \d+, {pages} missing or different: ",
                     result.output), result.output
    assert "index.html" in result.output and "Traceback" not in result.output
    ok = runner.invoke(main, ["site", "check", "-f", str(sites["config"]), str(sites["mkdocs"])])
    assert ok.exit_code == 0, ok.output


@pytest.mark.slow
def test_cli_site_build_checks_the_site_it_built(  # type: ignore[no-untyped-def]
        runner, sites: dict[str, Path]) -> None:
    """`signgen site build` ends with the page check's summary: every page and download."""
    site = sites["tmp"] / "cli-site"
    result = runner.invoke(main, ["site", "build", "-f", str(sites["config"]), "-d", str(site)])
    assert result.exit_code == 0, result.output
    hand_written = len(list((ROOT / "docs").rglob("*.md")))
    pages = sum(n.endswith(".html") and not n.startswith("downloads/")  # not audit sheets
                for n in files_of(site)) - 1 - hand_written  # and 404
    assert re.search(rf"all {pages} pages and \d+ downloads the specs imply", result.output)


@pytest.mark.slow
def test_check_names_a_changed_download(  # type: ignore[no-untyped-def]
        runner, sites: dict[str, Path]) -> None:
    """A download that differs from what the specs generate fails the check, by name."""
    site = sites["tmp"] / "changed-site"
    shutil.copytree(sites["mkdocs"], site)
    csv = site / "downloads" / "schedule.csv"
    csv.write_bytes(csv.read_bytes() + b"x")
    result = runner.invoke(main, ["site", "check", "-f", str(sites["config"]), str(site)])
    assert result.exit_code == 2
    assert "1 missing or different: downloads/schedule.csv" in result.output


class _DropPage(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """A plugin that removes one generated page before MkDocs builds it."""

    @event_priority(-100)  # after the signgen plugin added its pages
    def on_files(self, files: Any, config: Any) -> Any:
        files.remove(files.get_file_from_path("plaques/name-sign.md"))
        return files


@pytest.mark.slow
def test_a_build_missing_a_generated_page_fails(sites: dict[str, Path],
                                                 caplog: pytest.LogCaptureFixture) -> None:
    """The plugin checks after the build that every page it generated was written."""
    config = load_config(str(sites["config"]), site_dir=str(sites["tmp"] / "dropped-site"))
    config.plugins["drop-page"] = _DropPage()
    config["strict"] = False
    with pytest.raises(Abort):
        build(config)
    message = "\n".join(r.getMessage() for r in caplog.records)
    assert "pages: expected" in message and "plaques/name-sign/index.html" in message
