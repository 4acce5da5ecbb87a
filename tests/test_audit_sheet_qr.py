"""The audit sheet's QR codes: sized by the project defaults, absolute or drawn by the site."""

from __future__ import annotations

import re

import pytest
import segno
from click.testing import CliRunner
from project_paths import SPECS

from signgen.audit.sheet import DEFAULT_BASE_URL, audit_sheet_html, qr_sizes
from signgen.cli.main import main
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

SIZE = re.compile(r'<figure class="qr" data-url="([^"]+)" style="--qr-size: ([0-9.]+)mm">')


@pytest.fixture(scope="module")
def standard() -> Standard:
    return load_standard(SPECS / "community-premises")


def test_standalone_codes_meet_the_module_and_size_floor(standard: Standard) -> None:
    """Each standalone code prints at max(min size, modules x min module) from defaults.yml."""
    min_mm, module_mm = qr_sizes(standard)
    sheet = audit_sheet_html(standard, {}, None, "http://intranet.example.gov.cn/signgen/biaozhun/")
    found = SIZE.findall(sheet)
    assert found
    for url, mm in found:
        side = segno.make(url, error="m", micro=False).symbol_size(border=4)[0]
        assert float(mm) >= min_mm and float(mm) / side >= module_mm - 0.005, (url, mm)


def test_local_address_is_stated_on_the_sheet(standard: Standard) -> None:
    """Without a base URL the codes open the local address, and the sheet says so."""
    local = audit_sheet_html(standard, {}, None, DEFAULT_BASE_URL)
    given = audit_sheet_html(standard, {}, None, "https://intranet.example/signgen/")
    assert 'class="notice"' in local and DEFAULT_BASE_URL in local
    assert 'class="notice"' not in given


def test_cli_sheet_without_base_url_warns_on_the_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    """``signgen audit-sheet`` with no --base-url nor $SIGNGEN_SITE_URL marks its codes local."""
    monkeypatch.delenv("SIGNGEN_SITE_URL", raising=False)
    result = CliRunner().invoke(main, ["audit-sheet", "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output
    assert "signgen site serve" in result.output and 'name="viewport"' in result.output


def test_site_sheet_links_relative_and_leaves_codes_to_the_browser(standard: Standard) -> None:
    """Embedded in the site, items link relative to the page; no code carries a bare path."""
    sheet = audit_sheet_html(standard, {}, None, "", site_root="../")
    hrefs = re.findall(r'<a href="([^"]+)"', sheet)
    assert hrefs and all(h.startswith("../rules/") for h in hrefs)
    assert "<svg" not in sheet
    assert sheet.count('data-href="../rules/') == len(hrefs)


def test_every_item_shows_its_id(standard: Standard) -> None:
    """Each item line carries its stable item id, to copy results back."""
    sheet = audit_sheet_html(standard, {}, None, DEFAULT_BASE_URL)
    ids = re.findall(r'<div class="item" id="([^"]+)"', sheet)
    shown = re.findall(r'<span class="id" title="[^"]*">([^<]+)</span>', sheet)
    assert ids and ids == shown
