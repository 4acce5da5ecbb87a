"""The site cache and the site's own jieba dictionary: same site, same bytes, never stale."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
from pathlib import Path

import jieba
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from project_paths import ROOT, SPECS

import signgen.site.generate
from signgen.site import cache
from signgen.site.cache import environment_key, load_site, prune, site_key, store_site
from signgen.site.options import GeneratedSite, SiteOptions
from signgen.site.search_dict import SiteDictionary, index_texts, jieba_search_enabled

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _config(tmp_path: Path, site: str, specs: Path = SPECS) -> MkDocsConfig:
    """The repo's mkdocs.yml building ``specs`` into tmp_path/site, cached in tmp_path/cache."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / site))
    options = config.plugins["signgen"].config
    options["specs"] = str(specs)
    options["cache_dir"] = str(tmp_path / "cache")
    return config


def _key(options: SiteOptions) -> str:
    """The site's cache key, its environment (code, libraries) computed afresh."""
    return site_key(options, environment_key())


def _built_then_edited(tmp_path: Path) -> Path:
    """A copy of the specs, built into tmp_path/first, then with the slogan edited."""
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    build(_config(tmp_path, "first", specs))
    plaques = specs / "community-premises" / "plaques.yml"
    plaques.write_text(plaques.read_text(encoding="utf-8").replace(
        "text: 服务居民群众 创建和谐社区", "text: 服务居民群众 建设美好社区"), encoding="utf-8")
    return specs


def _differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two folders, or exist in only one (recursively)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files,
                                               shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_key_is_stable_and_follows_every_spec_byte(tmp_path: Path) -> None:
    """The same inputs give the same key; one changed byte of a spec file gives another."""
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    first = _key(SiteOptions(specs=specs))
    assert _key(SiteOptions(specs=specs)) == first
    plaques = specs / "community-premises" / "plaques.yml"
    plaques.write_bytes(plaques.read_bytes() + b" ")
    assert _key(SiteOptions(specs=specs)) != first


def test_key_follows_options_communities_and_code(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Options, the communities file's bytes and signgen's own code are all part of the key."""
    communities = tmp_path / "communities.csv"
    communities.write_text("district,street,community\n", encoding="utf-8")
    base = _key(SiteOptions(specs=SPECS, communities=communities))
    assert _key(SiteOptions(specs=SPECS, communities=communities, downloads=False)) != base
    communities.write_text("district,street,community\n东湖区,百花洲街道,彭家桥社区\n",
                           encoding="utf-8")
    assert _key(SiteOptions(specs=SPECS, communities=communities)) != base
    code = tmp_path / "signgen"
    shutil.copytree(cache.PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", code)
    before = _key(SiteOptions(specs=SPECS))
    (code / "site" / "templates" / "plaque.md.j2").write_text("changed", encoding="utf-8")
    assert _key(SiteOptions(specs=SPECS)) != before


def test_entries_round_trip_and_damage_is_a_miss(tmp_path: Path) -> None:
    """A stored site loads back equal; a truncated or foreign entry is a miss, not an error."""
    site = GeneratedSite(site_name="站", pages={"index.md": "# 首页\n"}, hidden={"x.md"},
                         assets={"a.svg": "<svg/>", "a.pdf": b"%PDF"},
                         nav=[{"首页": "index.md"}, {"规则": ["x.md"]}])
    store_site(tmp_path, "k1", site)
    assert load_site(tmp_path, "k1") == site
    assert load_site(tmp_path, "k2") is None
    entry = tmp_path / "site-k1.marshal"
    entry.write_bytes(entry.read_bytes()[:50])
    assert load_site(tmp_path, "k1") is None
    shutil.copy(tmp_path / "site-k1.marshal", tmp_path / "site-k3.marshal")
    assert load_site(tmp_path, "k3") is None


def test_prune_keeps_the_newest_entries(tmp_path: Path) -> None:
    """Only the most recently written entries stay."""
    for n in range(6):
        path = tmp_path / f"site-{n}.marshal"
        path.write_bytes(b"x")
        stamp = 1_700_000_000 + n
        os.utime(path, (stamp, stamp))
    prune(tmp_path, "site-*.marshal", keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site-4.marshal", "site-5.marshal"]


@pytest.mark.slow
def test_second_build_is_served_from_the_cache_byte_for_byte(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild with unchanged inputs generates nothing and writes the very same site,
    search index included, though it segments with the site's own cut-down dictionary."""
    build(_config(tmp_path, "first"))
    dictionaries = list((tmp_path / "cache").glob("search-*.dict.txt"))
    assert len(dictionaries) == 1

    def must_not_run(options: SiteOptions) -> GeneratedSite:
        raise AssertionError("the cache should have served the site")

    monkeypatch.setattr(signgen.site.generate, "generate_site", must_not_run)
    build(_config(tmp_path, "second"))
    assert _differences(tmp_path / "first", tmp_path / "second") == []
    assert jieba.dt.dictionary == jieba.DEFAULT_DICT  # handed back after the build


@pytest.mark.slow
def test_a_spec_edit_is_never_served_stale(tmp_path: Path) -> None:
    """After a spec edit the next build with the same cache shows the edit."""
    specs = _built_then_edited(tmp_path)
    build(_config(tmp_path, "second", specs))
    page = tmp_path / "second" / "plaques" / "service-purpose-plaque" / "index.html"
    assert "建设美好社区" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_site_dictionary_segments_exactly_like_the_full_one(tmp_path: Path) -> None:
    """Every Han run of the built search index cuts the same with both dictionaries."""
    build(_config(tmp_path, "site"))
    path, = (tmp_path / "cache").glob("search-*.dict.txt")
    full, small = jieba.Tokenizer(), jieba.Tokenizer(str(path))
    small.tmp_dir = str(tmp_path)
    runs = {run for text in index_texts(tmp_path / "site" / "search" / "search_index.json")
            for run in HAN_RUN.findall(text)}
    assert len(runs) > 1000
    differing = [run for run in sorted(runs) if list(full.cut(run)) != list(small.cut(run))]
    assert differing == []
    assert len(small.FREQ) < len(full.FREQ) / 50


@pytest.mark.slow
def test_a_dictionary_that_no_longer_fits_is_dropped(tmp_path: Path) -> None:
    """When a build's text differs from the one the dictionary was made from, it is deleted."""
    build(_config(tmp_path, "site"))
    digest, = (tmp_path / "cache").glob("search-*.sha256")
    own = digest.read_text(encoding="ascii").split()[1]  # the dictionary itself is intact
    digest.write_text(f"{'0' * 64}\n{own}\n", encoding="ascii")
    build(_config(tmp_path, "site"))
    assert list((tmp_path / "cache").glob("search-*")) == []
    build(_config(tmp_path, "site"))  # the next build makes it again from the full one
    assert len(list((tmp_path / "cache").glob("search-*.dict.txt"))) == 1


def test_no_dictionary_when_the_user_names_one(tmp_path: Path) -> None:
    """A jieba_dict of the user's own is left alone: the plugin neither makes nor uses one."""
    config = _config(tmp_path, "site")
    assert jieba_search_enabled(config)
    config.plugins["material/search"].config["jieba_dict"] = str(tmp_path / "mine.txt")
    assert not jieba_search_enabled(config)


def test_site_dictionary_is_used_only_when_complete(tmp_path: Path) -> None:
    """A dictionary file without its digest is not handed to jieba."""
    dictionary = SiteDictionary(tmp_path, "k")
    dictionary.path.write_text("社区 5\n", encoding="utf-8")
    assert dictionary.use() is False
    assert jieba.dt.dictionary == jieba.DEFAULT_DICT


@pytest.mark.slow
def test_an_unwritable_cache_folder_only_turns_the_cache_off(tmp_path: Path) -> None:
    """A cache folder that can't be made (here: under a file) leaves a strict build intact."""
    config = _config(tmp_path, "site")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    config.plugins["signgen"].config["cache_dir"] = str(blocker / "cache")
    config["strict"] = True
    build(config)
    assert (tmp_path / "site" / "plaques" / "name-sign" / "index.html").is_file()
    assert blocker.is_file()


@pytest.mark.slow
def test_after_a_spec_edit_the_memo_spares_unchanged_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build after a spec edit converts only the changed plaques to PDF, and writes the
    same site as a build with no cache at all."""
    import signgen.artwork.raster

    specs = _built_then_edited(tmp_path)
    converted: list[str] = []
    real = signgen.artwork.raster.cairosvg.svg2pdf

    def counting(**kwargs: object) -> object:
        converted.append(str(kwargs.get("bytestring", b""))[:80])
        return real(**kwargs)

    monkeypatch.setattr(signgen.artwork.raster.cairosvg, "svg2pdf", counting)
    build(_config(tmp_path, "edited", specs))
    assert 1 <= len(converted) <= 2  # the slogan plaque (its example; the template is the same)
    monkeypatch.undo()
    uncached = _config(tmp_path, "uncached", specs)
    uncached.plugins["signgen"].config["cache"] = False
    build(uncached)
    assert _differences(tmp_path / "edited", tmp_path / "uncached") == []
