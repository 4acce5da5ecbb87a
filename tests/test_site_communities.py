"""The site build and a communities file with columns signgen does not know: kept out with a
note on the communities page and in the build's log, never a failure (issue 12.5)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from project_paths import SPECS
from test_plugin_build import site_config

from signgen.site.generate import generate_site
from signgen.site.options import SiteOptions

NOTE_ZH = "第 E 列（第 5 列）的表头 '<b>联系人</b>' 不是已知的列，已略去，不读取该列"
NOTE_EN = "column E (5), headed '<b>联系人</b>', is not a known column: kept out"


def _communities(tmp_path: Path) -> Path:
    path = tmp_path / "communities.csv"
    path.write_text("district,street,community,party_org,<b>联系人</b>\n"
                    "东湖区,百花洲街道,彭家桥社区,党支部,张三\n", encoding="utf-8")
    return path


def test_kept_out_column_is_noted_on_the_communities_page(tmp_path: Path) -> None:
    """The communities index says which column was kept out (Chinese page in Chinese, English
    page in English, the header escaped); the column's cells appear on no page."""
    site = generate_site(SiteOptions(SPECS, downloads=False, communities=_communities(tmp_path)))
    assert site.notes == [f"communities.csv:1: 提示: {NOTE_ZH}",
                          f"communities.csv:1: note: {NOTE_EN}, its cells are not read"]
    zh, en = site.pages["communities/index.md"], site.pages["en/communities/index.md"]
    assert "名单中略去的列" in zh and "'&lt;b&gt;联系人&lt;/b&gt;'" in zh
    assert "Columns of the list kept out" in en and "headed '&lt;b&gt;联系人&lt;/b&gt;'" in en
    assert "<b>" not in zh + en
    assert not [uri for uri, text in site.pages.items() if "张三" in text]


@pytest.mark.slow
def test_strict_build_passes_and_logs_the_note(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    """A strict build is not failed by a kept-out column; the note is logged as information,
    the second time from the site cache too."""
    config = site_config(tmp_path, communities=str(_communities(tmp_path)), downloads=False)
    config["strict"] = True
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(config)
        infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
        assert any(NOTE_ZH in m for m in infos) and any(NOTE_EN in m for m in infos)
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert (tmp_path / "site" / "communities" / "index.html").is_file()
