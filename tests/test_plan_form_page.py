"""The plan check page as the site build makes it, without a browser: the page in both
languages for each standard with room functions, the files it loads, its configuration."""

from __future__ import annotations

import io
import json
import posixpath
import re

import pytest
import yaml
from project_paths import ROOT, SPECS

from signgen.communities.identity import community_fields
from signgen.contractor.export import ENGINE_SCRIPTS, plan_data
from signgen.contractor.plan_template import plan_lists, plan_template_xlsx
from signgen.site.generate import GeneratedSite, SiteOptions, generate_site
from signgen.site.plan_form import SCRIPTS, STYLES, _script_json
from signgen.site.urls import LANGS, place_standards
from signgen.spec.load import load_standards

THEME = ROOT / "signgen" / "site" / "theme"
CONFIG = re.compile(r'<script type="application/json" id="sg-plan-config">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def site() -> GeneratedSite:
    """The whole site from the bundled specs, without rendering plaque files (fast)."""
    return generate_site(SiteOptions(SPECS, downloads=False))


def _config(markdown: str) -> dict[str, object]:
    found = CONFIG.search(markdown)
    assert found, "the page holds no form configuration"
    value: dict[str, object] = json.loads(found.group(1))
    return value


def _nav_uris(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [u for v in nav.values() for u in _nav_uris(v)]
    if isinstance(nav, list):
        return [u for v in nav for u in _nav_uris(v)]
    return []


def test_every_standard_with_functions_has_the_page_in_both_languages(
        site: GeneratedSite) -> None:
    """Each standard with room functions has plan-check.md in Chinese and English, in the
    nav; its check data is plan_data's, its Excel templates plan_template_xlsx's bytes."""
    standards = load_standards(SPECS)
    core = next(s for s in standards if s.standard.role == "core")
    for where in place_standards(standards, core.id):
        std = where.standard
        assert std.functions
        data_file = where.page("zh", "plan-check/plan-data.json")
        assert json.loads(site.assets[data_file]) == json.loads(json.dumps(plan_data(std)))
        for lang in LANGS:
            uri = where.page(lang, "plan-check.md")
            assert uri in site.pages and uri in _nav_uris(site.nav)
            config = _config(site.pages[uri])
            assert config["standard"] == std.id and config["lang"] == lang
            assert config["lists"] == plan_lists(std)
            assert [f["id"] for f in config["fields"]] == [  # type: ignore[attr-defined, index]
                f.id for f in community_fields(std)]
            # the data's URL, from the page's folder (directory URLs), is the data file
            folder = posixpath.dirname(uri.removesuffix(".md") + "/index.html")
            assert posixpath.normpath(posixpath.join(folder, str(config["data"]))) == data_file
            template = where.download("plan-template.xlsx" if lang == "zh"
                                      else f"plan-template.{lang}.xlsx")
            assert site.assets[template] == plan_template_xlsx(std, lang)
            assert f"]({posixpath.relpath(template, posixpath.dirname(uri) or '.')})" in \
                site.pages[uri]


def test_the_template_download_opens_in_openpyxl(site: GeneratedSite) -> None:
    """The Excel template offered on the page is a workbook with the rooms sheet."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(site.assets["downloads/plan-template.xlsx"]))  # type: ignore[arg-type]
    assert any(s.title.startswith("房间") for s in book.worksheets)


def test_the_page_loads_only_theme_files_that_exist(site: GeneratedSite) -> None:
    """The page's front matter names its scripts (the engine's first, in their order) and
    its stylesheet, each a file of the theme (served by the site itself: nothing from
    another host)."""
    page = site.pages["plan-check.md"]
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["signgen_scripts"] == list(SCRIPTS)
    assert front["signgen_scripts"][:len(ENGINE_SCRIPTS)] == list(ENGINE_SCRIPTS)
    assert front["signgen_styles"] == list(STYLES)
    for name in SCRIPTS:
        assert (THEME / "assets" / "javascripts" / name).is_file(), name
    for name in STYLES:
        assert (THEME / "assets" / "stylesheets" / name).is_file(), name
    assert "http://" not in page and "https://" not in page


def test_configuration_json_cannot_end_its_script_element() -> None:
    """A name holding </script> or <!-- stays inside the JSON block and reads back whole."""
    value = {"name": "</script><script>alert(1)</script><!-- & >"}
    text = _script_json(value)
    assert "<" not in text and ">" not in text
    assert json.loads(text) == value


def test_every_interface_word_is_in_both_languages_and_used() -> None:
    """Each word of the form has Chinese and English with the same placeholders, and the
    page's scripts (or the page) use it: no word lies unused, none is missing."""
    from signgen.site.plan_form import UI

    scripts = "".join((THEME / "assets" / "javascripts" / name).read_text(encoding="utf-8")
                      for name in SCRIPTS)
    page = (ROOT / "signgen" / "site" / "plan_form.py").read_text(encoding="utf-8")
    for key, (zh, en) in UI.texts.items():
        assert zh.strip() and en.strip(), key
        assert set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), key
        used = re.search(rf'ui\.{key}\b|say\("{key}"', scripts) or page.count(f'"{key}"') > 1
        assert used, f"{key}: not used by the page"
