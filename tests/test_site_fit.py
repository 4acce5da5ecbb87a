"""The site obeys the CLI's fit rules: a plaque ``signgen render`` refuses is never published."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort
from plaque_cases import LONG_COMMUNITIES, LONG_DISTRICTS, LONG_STREETS, TUANJIE
from project_paths import SPECS
from test_plugin_build import site_config
from test_plugin_generators import raw_config, write_yaml

from signgen.artwork.render import render_plaque
from signgen.cli.main import main
from signgen.fonts.book import FontBook
from signgen.site.generate import generate_site
from signgen.site.options import GeneratedSite, SiteOptions
from signgen.spec.model import Standard

LONG = {"district": LONG_DISTRICTS[1], "street": LONG_STREETS[0],
        "community": LONG_COMMUNITIES[1], "party_org": "党支部"}
LONG_FOLDER = f"{LONG['district']}-{LONG['street']}-{LONG['community']}"
TUANJIE_FOLDER = f"{TUANJIE['district']}-{TUANJIE['street']}-{TUANJIE['community']}"


def _communities(tmp_path: Path) -> Path:
    path = tmp_path / "communities.csv"
    rows = [",".join(TUANJIE.values()), ",".join(LONG.values())]
    path.write_text("district,street,community,party_org\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> GeneratedSite:
    """The bundled site with one ordinary community and one whose names are very long."""
    path = _communities(tmp_path_factory.mktemp("fit"))
    return generate_site(SiteOptions(specs=SPECS, communities=path,
                                     community_downloads=("svg", "pdf")))


def test_cli_refuses_the_long_name_sign(standard: Standard, fonts: FontBook) -> None:
    """The case is real: ``signgen render`` exits 2 with the copy-fit error for it."""
    args = ["render", "name-sign", *[a for k, v in LONG.items() for a in ("--set", f"{k}={v}")],
            "-o", "-", "--specs", str(SPECS)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    refusal = render_plaque(standard, fonts, "name-sign", LONG).refusal
    assert refusal is not None and refusal.message() in result.output


def test_refused_plaques_publish_no_file(site: GeneratedSite, standard: Standard,
                                         fonts: FontBook) -> None:
    """Exactly the plaques the CLI refuses have no download; the others keep theirs (a
    plaque with the same text for every community is published once, in the first folder)."""
    folder = f"downloads/communities/{LONG_FOLDER}/"
    for plaque in standard.plaques:
        if plaque.repeat != "once" or not any("{" in s.text for s in plaque.segments):
            continue
        refused = render_plaque(standard, fonts, plaque.id, LONG).refusal is not None
        for suffix in (".svg", ".pdf"):
            assert (folder + plaque.id + suffix in site.assets) is not refused
            assert f"downloads/communities/{TUANJIE_FOLDER}/{plaque.id}{suffix}" in site.assets
    assert folder + "name-sign.svg" not in site.assets


def test_the_build_reports_each_refusal(site: GeneratedSite, standard: Standard,
                                        fonts: FontBook) -> None:
    """Each refused plaque is one build warning, with the CLI's own error text."""
    refused = [p.id for p in standard.plaques if p.repeat == "once"
               and render_plaque(standard, fonts, p.id, LONG).refusal is not None]
    assert refused  # the name sign and the door plaques, at least
    assert len(site.warnings) == len(refused)
    for plaque_id, warning in zip(refused, site.warnings, strict=True):
        refusal = render_plaque(standard, fonts, plaque_id, LONG).refusal
        assert refusal is not None
        assert f"communities/{LONG_FOLDER}.md" in warning
        assert refusal.message() in warning


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_says_why(site: GeneratedSite, standard: Standard, fonts: FontBook,
                           lang: str) -> None:
    """The community page says which line is too small (em, and the ink a tape measures)
    and why, in the page's language."""
    page = site.pages[("en/" if lang == "en" else "") + f"communities/{LONG_FOLDER}.md"]
    refusal = render_plaque(standard, fonts, "name-sign", LONG).refusal
    assert refusal is not None
    assert ("未发布" if lang == "zh" else "Not published") in page
    height = f"{refusal.lines[0].height_mm:g} mm"
    assert height in page and f"{refusal.minimum_mm:g} mm" in page
    assert ("字高仅" if lang == "zh" else "would have") in page
    ink = f"{round(refusal.lines[0].ink_mm, 1):g} mm"  # the tape's figure beside the em
    assert ((f"最高字墨迹 {ink}" if lang == "zh" else f"ink of the tallest character {ink}")
            in page)
    assert f"{LONG_FOLDER}/name-sign.svg" not in page


@pytest.mark.slow
def test_strict_build_fails_on_a_refused_plaque(tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    """``mkdocs build --strict`` fails, and says which plaque and why, twice (cache or not)."""
    config = site_config(tmp_path, communities=str(_communities(tmp_path)))
    config["strict"] = True
    for _ in range(2):  # the second build comes from the site cache
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
            build(config)
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any("name-sign" in w and "shorten the text or pass --allow-small" in w
                   for w in warnings)


def test_export_reports_each_refused_plaque(tmp_path: Path) -> None:
    """`signgen site export` prints each refused plaque as a warning, with the CLI's error
    text: the exported config has no plugin, so a later build could not say it."""
    raw = raw_config(tmp_path / "cache")
    for entry in raw["plugins"]:
        if isinstance(entry, dict) and "signgen" in entry:
            entry["signgen"]["communities"] = str(_communities(tmp_path))
    config = write_yaml(tmp_path / "mkdocs.yml", raw)
    result = CliRunner().invoke(main, ["site", "export", "-f", str(config),
                                       str(tmp_path / "export")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("警告")]
    assert any("name-sign" in w and "未发布" in w for w in warnings), result.output
    assert not any(TUANJIE_FOLDER in w for w in warnings)
