"""The MkDocs plugin: its config alone, and full `mkdocs build --strict` runs into tmp_path."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from project_paths import CORE_SPECS, ROOT, SPECS

from signgen.spec.load import load_standard

URL = re.compile(rb"https?://[^\s\"'<>)]+")
# Addresses the manual shows that no browser fetches from the internet: the local server of
# `signgen site serve`, and names reserved for examples (RFC 2606: *.example, example.com).
NOT_EXTERNAL = re.compile(rb"https?://(?:127\.0\.0\.1|localhost|[\w.-]+\.example"
                          rb"|(?:[\w-]+\.)?example\.(?:com|org|net))[:/]")
CODE = re.compile(rb"<code>.*?</code>", re.S)  # shown as text, never fetched or linked
FETCHED = re.compile(rb"(?:url\(|@import)\s*[\"']?https?://[^\s\"'<>)]+")
XMLNS = (b"http://www.w3.org/2000/svg", b"http://www.w3.org/1999/xlink",  # namespaces
         b"http://www.sitemaps.org/schemas/sitemap/0.9",
         b"http://www.inkscape.org/namespaces/inkscape")  # Inkscape layer attributes (colours)


def site_config(tmp_path: Path, **plugin: object) -> MkDocsConfig:
    """The repo's mkdocs.yml with some signgen options set, building into tmp_path."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    options = config.plugins["signgen"].config
    options["specs"] = str(SPECS)
    options["cache_dir"] = str(tmp_path / "cache")
    for key, value in plugin.items():
        options[key] = value
    return config


def test_repo_mkdocs_yml_enables_the_plugin_offline() -> None:
    """mkdocs.yml loads, uses Material in Chinese with no web fonts, and enables signgen."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "signgen" in config["plugins"]
    assert config["theme"].name == "material"
    assert config["theme"]["font"] is False
    assert config["theme"]["language"] == "zh"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build with a mutated previous edition and the example communities."""
    tmp = tmp_path_factory.mktemp("build")
    old = tmp / "old-specs" / "community-premises"
    shutil.copytree(CORE_SPECS, old)
    plaques = old / "plaques.yml"
    plaques.write_text(plaques.read_text(encoding="utf-8").replace(
        "size: {height_mm: 1000}", "size: {height_mm: 900}\n    amendment: {reason: an older "
        "local height, reason_zh: 旧的本地高度}"), encoding="utf-8")  # differs from its quote
    config = site_config(tmp, previous_specs=str(tmp / "old-specs"),
                         communities=str(ROOT / "examples" / "communities.csv"))
    config["strict"] = True
    build(config)
    return tmp / "site"


@pytest.mark.slow
def test_every_plaque_page_with_preview_and_downloads(built: Path) -> None:
    """Each plaque has a page whose preview image and download links exist in the site."""
    standard = load_standard(CORE_SPECS)
    for plaque in standard.plaques:
        page = built / "plaques" / plaque.id / "index.html"
        html = page.read_text(encoding="utf-8")
        targets = re.findall(r'(?:src|href)="([^"#]+\.(?:svg|pdf|png))"', html)
        assert {t.rsplit(".", 2)[-2:][-1] for t in targets} >= {"svg", "pdf", "png"}
        for target in targets:
            assert (page.parent / target).resolve().is_file(), target


@pytest.mark.slow
def test_no_external_url_anywhere(built: Path) -> None:
    """No page, stylesheet, generated SVG or search index holds an http(s) URL, but for the
    local and example addresses the manual shows, and the text of code examples."""
    checked = 0
    for path in built.rglob("*"):
        if path.suffix not in {".html", ".svg", ".css", ".json", ".xml"}:
            continue
        data = path.read_bytes()
        if "assets" in path.relative_to(built).parts:
            if path.suffix != ".css":
                continue  # Material's bundled scripts: license comments, never fetched
            data = b" ".join(FETCHED.findall(data))  # its CSS: only what a browser loads
        if path.suffix in {".html", ".json"}:
            data = CODE.sub(b"", data)
        urls = [u for u in URL.findall(data) if u not in XMLNS and not NOT_EXTERNAL.match(u)]
        assert urls == [], f"{path.relative_to(built)}: {urls[:3]}"
        checked += 1
    assert checked > 100


@pytest.mark.slow
def test_search_finds_words_inside_chinese_runs(built: Path) -> None:
    """The search index splits Chinese into words: 警务室 is a token of the rooms page."""
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tokens: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        tokens.setdefault(page, set()).update(separator.split(doc["title"] + " " + doc["text"]))
    assert "警务室" in tokens["functions/"]
    assert "社区" in tokens["functions/"]
    assert "宋体" in tokens["plaques/"]
    assert any(p.startswith("en/") for p in tokens)


@pytest.mark.slow
def test_english_version_and_language_switch(built: Path) -> None:
    """Every page has an English twin, and the language switch links the two."""
    zh = built / "plaques" / "name-sign" / "index.html"
    en = built / "en" / "plaques" / "name-sign" / "index.html"
    assert "Community name sign" in en.read_text(encoding="utf-8")
    html = zh.read_text(encoding="utf-8")
    assert 'href="../../en/plaques/name-sign/" hreflang="en"' in html
    assert 'hreflang="zh"' in en.read_text(encoding="utf-8")


@pytest.mark.slow
def test_english_pages_have_an_english_interface(built: Path) -> None:
    """Pages under en/ declare lang="en" and carry the theme's English labels, the English
    site name and a logo that leads to the English home; Chinese pages keep theirs."""
    en = (built / "en" / "plaques" / "name-sign" / "index.html").read_text(encoding="utf-8")
    zh = (built / "plaques" / "name-sign" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and '<html lang="zh"' in zh
    assert 'placeholder="Search"' in en and 'placeholder="搜索"' in zh
    assert "Table of contents" in en and "目录" not in en
    assert "目录" in zh
    info = load_standard(CORE_SPECS).standard
    title, title_en = info.title, info.title_en
    assert f"<title>Community name sign - {title_en}</title>" in en
    assert f"- {title}</title>" in zh
    assert f'href="../../" title="{title_en}" class="md-header__button md-logo"' in en
    assert f'href="../.." title="{title}" class="md-header__button md-logo"' in zh


@pytest.mark.slow
def test_every_page_has_exactly_one_h1(built: Path) -> None:
    """Each generated page has one top-level heading (embedded sheets use h2)."""
    counts = {str(page.relative_to(built)): page.read_text(encoding="utf-8").count("<h1")
              for page in built.rglob("index.html")}
    assert counts and {name: n for name, n in counts.items() if n != 1} == {}


def test_changelog_against_previous_specs(built: Path) -> None:
    """With previous_specs configured, the changelog shows the changed name-sign height."""
    html = (built / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "name-sign" in html and "size.height_mm" in html.replace("\\_", "_")
    assert "900" in html and "1000" in html


@pytest.mark.slow
def test_community_pages(built: Path) -> None:
    """Each community of the example list has a page with plaques, schedule, audit sheet."""
    pages = sorted((built / "communities").glob("*/index.html"))
    assert len(pages) == 5
    html = pages[0].read_text(encoding="utf-8")
    assert "阿拉善右旗" in html
    assert re.search(r'src="[^"]+name-sign\.svg"', html)
    sheet = re.search(r'href="([^"]+audit-sheet\.html)"', html)
    assert sheet
    target = pages[0].parent / unquote(sheet.group(1))
    assert "阿拉善右旗" in target.read_text(encoding="utf-8")


def test_bad_spec_fails_the_build_with_a_located_message(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A bad spec stops the build; the one error logged is file:line:col and the problem."""
    specs = tmp_path / "specs" / "community-premises"
    shutil.copytree(CORE_SPECS, specs)
    plaques = specs / "plaques.yml"
    plaques.write_text(plaques.read_text(encoding="utf-8").replace(
        "size: {height_mm: 550, width_mm: 750}", "size: {height_mm: 550, width_mm: -750}", 1),
        encoding="utf-8")
    config = site_config(tmp_path, specs=str(tmp_path / "specs"))
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(config)
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert re.search(r"plaques\.yml:\d+:\d+: plaques\[1\]\.size\.width_mm: ", message)
    assert "Traceback" not in message


def test_cli_site_build_reports_a_bad_spec(  # type: ignore[no-untyped-def]
        runner, tmp_path: Path) -> None:
    """`signgen site build` exits 2 with the located problem, not a traceback."""
    from signgen.cli.main import main

    specs = tmp_path / "specs" / "community-premises"
    shutil.copytree(CORE_SPECS, specs)
    info = specs / "standard.yml"
    info.write_text(info.read_text(encoding="utf-8").replace('edition: "1"', "edition: [1]"),
                    encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
                      f"plugins:\n  - search\n  - signgen:\n      specs: {tmp_path / 'specs'}\n",
                      encoding="utf-8")
    result = runner.invoke(main, ["site", "build", "-f", str(config), "-d", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert re.search(r"standard\.yml:\d+:\d+: standard\.edition: 应为文字", result.output)
    assert "Traceback" not in result.output


class _RecordingServer:
    """Stands in for MkDocs' LiveReloadServer: records what the plugin asks it to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


@pytest.mark.slow
def test_serve_watches_specs_and_a_rebuild_shows_an_edit(tmp_path: Path) -> None:
    """`mkdocs serve` watches the specs folder, and rebuilding after a spec edit updates pages."""
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    config = site_config(tmp_path, specs=str(specs), downloads=False)
    plugin = config.plugins["signgen"]
    server = _RecordingServer()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert str(specs) in server.watched

    slogan = "服务居民群众 创建和谐社区"
    edited = "服务居民群众 建设美好社区"
    plaques = specs / "community-premises" / "plaques.yml"
    plaques.write_text(plaques.read_text(encoding="utf-8").replace(
        f"text: {slogan}", f"text: {edited}"), encoding="utf-8")
    rebuilt = site_config(tmp_path, specs=str(specs), downloads=False)  # serve reloads config
    build(rebuilt)
    page = tmp_path / "site" / "plaques" / "service-purpose-plaque" / "index.html"
    assert edited in page.read_text(encoding="utf-8")


def test_serve_watches_the_included_source_text() -> None:
    """`mkdocs serve` rebuilds when the source text the full-text page includes changes,
    as it does for the specs."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(str(path))

    plugin = config.plugins["signgen"]
    plugin.on_serve(Server(), config=config, builder=None)  # type: ignore[arg-type]
    assert str((ROOT / "source" / "community-standards.zh.txt").resolve()) in watched
    assert any(Path(p).resolve() == (ROOT / "specs").resolve() for p in watched)
