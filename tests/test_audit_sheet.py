"""The printable A4 audit sheet: a checkbox and a QR code per item, escaped, deterministic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.audit.items import audit_pages, checkable_items, rule_url, site_from_plan
from signgen.audit.sheet import audit_sheet_html, qr_svg
from signgen.cli.main import main
from signgen.contractor.plan import load_plan
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

VALUES = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区"}
BASE = "http://intranet.example/signgen/"


def test_one_checkbox_and_one_qr_code_per_item(standard: Standard) -> None:
    """Every item of a plan's survey has exactly one checkbox and one QR code on the sheet."""
    plan = load_plan(ROOT / "examples" / "plan-compliant.yaml", standard)
    site = site_from_plan(plan)
    page = audit_sheet_html(standard, plan.community, site, BASE, "zh")
    items = checkable_items(standard, plan.community, site)
    assert page.count('<input type="checkbox"') == len(items)
    assert page.count('<figure class="qr"') == len(items)
    for item in items:
        assert f'id="{item.id}"' in page


def test_qr_codes_carry_their_url_and_are_deterministic(standard: Standard) -> None:
    """Each QR code's data-url and SVG title are the item's page URL; same input, same bytes."""
    first = audit_sheet_html(standard, VALUES, None, BASE, "zh")
    assert first == audit_sheet_html(standard, VALUES, None, BASE, "zh")
    item = next(i for i in checkable_items(standard, VALUES) if i.id.startswith("rule."))
    url = rule_url(BASE, item)
    assert url == f"{BASE}rules/{item.page}/"
    assert f'data-url="{url}"' in first
    assert f"<title>{url}</title>" in qr_svg(url)
    assert qr_svg(url) in first
    assert qr_svg(url) != qr_svg(url + "x")


def test_no_url_but_the_site_base(standard: Standard) -> None:
    """The only URLs in the sheet are QR targets under the given base URL."""
    page = audit_sheet_html(standard, VALUES, None, BASE, "en")
    urls = set(re.findall(r"https?://[^\"<\s]+", page))
    assert urls
    assert all(u.startswith(BASE) for u in urls)


def test_urls_follow_the_site_layout() -> None:
    """English pages sit under en/, a supplementary standard under its id."""
    other = load_standard(SPECS / "learning-community")
    page = audit_sheet_html(other, {}, None, "http://x/", "en")
    assert 'data-url="http://x/en/learning-community/rules/quantity-library-books/"' in page


def test_audit_pages_list_every_qr_target_once(standard: Standard) -> None:
    """audit_pages names each page a QR code can open, once, for the site to build."""
    pages = [p for p, _, _ in audit_pages(standard)]
    assert len(pages) == len(set(pages))
    assert {i.page for i in checkable_items(standard, VALUES)} == set(pages)


def test_names_are_escaped(standard: Standard) -> None:
    """A community named <script> appears escaped, never as markup."""
    values = {**VALUES, "community": "<script>alert(1)</script>社区"}
    page = audit_sheet_html(standard, values, None, BASE, "zh")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;社区" in page


def test_print_css_is_a4_with_page_breaks_between_groups(standard: Standard) -> None:
    """The sheet prints on A4 with 12 mm margins and a page break between groups."""
    page = audit_sheet_html(standard, VALUES, None, BASE, "zh")
    assert "@page { size: A4; margin: 12mm; }" in page
    assert "section.group + section.group { break-before: page; }" in page
    assert page.count('<section class="group"') >= 5
    assert "<nav" not in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tolerance_is_marked_as_project_default(standard: Standard, lang: str) -> None:
    """The plaque-size tolerance is shown, marked as a project default."""
    page = audit_sheet_html(standard, VALUES, None, BASE, lang)
    mark = "(项目默认值)" if lang == "zh" else " (project default)"
    tol = standard.tolerance("plaque_size")
    assert tol is not None
    assert f"± {tol.plus_minus:g} {tol.unit}{mark}" in page


def test_sheet_command_uses_the_env_base_url(tmp_path: Path, runner: CliRunner,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """audit-sheet writes HTML whose QR codes use $SIGNGEN_SITE_URL unless --base-url."""
    monkeypatch.setenv("SIGNGEN_SITE_URL", "http://from-env/")
    out = tmp_path / "sheet.html"
    result = runner.invoke(main, ["audit-sheet", "--specs", str(SPECS), "--set",
                                  "community=彭家桥社区", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert 'data-url="http://from-env/rules/' in out.read_text(encoding="utf-8")
    result = runner.invoke(main, ["audit-sheet", "--specs", str(SPECS), "--base-url",
                                  "http://given/", "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert 'data-url="http://given/en/rules/' in text and "from-env" not in text


def test_sheet_command_refuses_a_bad_plan(tmp_path: Path, runner: CliRunner) -> None:
    """A plan with an unknown function: located error, exit 2, no sheet written."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("community: {community: 彭家桥社区}\norigin: new_build\nrooms:\n"
                    "  - {name: A, area_m2: 10, zone: office, functions: [火星室]}\n",
                    encoding="utf-8")
    out = tmp_path / "sheet.html"
    result = runner.invoke(main, ["audit-sheet", str(plan), "--specs", str(SPECS), "-o",
                                  str(out)])
    assert result.exit_code == 2
    assert f"{plan}:4:" in result.output and "rooms[0].functions[0]" in result.output
    assert not out.exists()
