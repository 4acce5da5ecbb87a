"""The site's page builders, called without MkDocs: content, links, escaping, changelog."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from project_paths import CORE_SPECS, DOCS, SPECS

from signgen.audit.items import audit_pages
from signgen.site import pages as P
from signgen.site.changelog import Change, diff_standards
from signgen.site.generate import GeneratedSite, SiteOptions, generate_site
from signgen.site.plaque_pages import plaque_context
from signgen.site.raw_blocks import RAW_END, RAW_START, RawBlocks
from signgen.site.references import cited_items
from signgen.site.spec_format import spec_format_page
from signgen.site.templating import md_escape, relative_link
from signgen.site.urls import Where, counterpart
from signgen.spec.load import load_standard
from signgen.spec.model import SpecFile, Standard


@pytest.fixture(scope="module")
def site() -> GeneratedSite:
    """The whole site from the bundled specs, without rendering plaque files (fast)."""
    return generate_site(SiteOptions(SPECS, downloads=False))


def core_pages(standard: Standard) -> P.PageSet:
    return P.PageSet(Where(standard, ""), frozenset(P.default_keys(standard) | {"audit_sheet"}))


def test_home_page_golden(standard: Standard, golden) -> None:  # type: ignore[no-untyped-def]
    """The home page shows the standard's title, edition and a way in for each role."""
    golden("site/home.zh.md", P.home_page(core_pages(standard), "zh"))
    golden("site/home.en.md", P.home_page(core_pages(standard), "en"))


def test_plaque_page_golden(standard: Standard, golden) -> None:  # type: ignore[no-untyped-def]
    """A plaque page from the spec alone: size standard vs default, segments, faces, colours."""
    pages = core_pages(standard)
    plaque = standard.plaque("party-committee-plaque")
    uri = "plaques/party-committee-plaque.md"
    text = P._render(pages, "plaque.md.j2", uri, "zh", rgb=P.rgb_text,
                     typeface_uri=lambda i: f"plaques/index.md#typeface-{i}",
                     colour_uri=lambda i: f"plaques/index.md#colour-{i}",
                     **plaque_context(standard, plaque, None, None, "zh"))
    golden("site/plaque-party-committee-plaque.zh.md", text)


def test_every_page_has_both_languages(site: GeneratedSite) -> None:
    """Every generated page exists under / in Chinese and under /en/ in English."""
    zh = {p for p in site.pages if not p.startswith("en/")}
    en = {p.removeprefix("en/") for p in site.pages if p.startswith("en/")}
    assert zh == en
    assert all(counterpart(p, "en") in site.pages for p in zh)


def test_one_page_per_plaque_and_per_rule(site: GeneratedSite, standard: Standard) -> None:
    """Each plaque has a page, and every page an audit sheet's QR code opens exists."""
    for plaque in standard.plaques:
        assert f"plaques/{plaque.id}.md" in site.pages
    for page, title, _ in audit_pages(standard):
        assert title in site.pages[f"rules/{page}.md"]
    for rule in standard.rules:
        assert rule.citation.quote in site.pages[f"rules/rule-{rule.id}.md"]


def test_clauses_link_both_ways(site: GeneratedSite, standard: Standard) -> None:
    """The source page anchors every clause and lists what cites it; items link back."""
    source = site.pages["source.md"]
    for clause in standard.clauses:
        assert f"{{ #clause-{clause.id} }}" in source
    for item in cited_items(standard):
        link = relative_link("source.md", item.uri(Where(standard, ""), "zh"))
        assert f"]({link})" in source
    plaque_page = site.pages["plaques/name-sign.md"]
    assert "](../source.md#clause-d3-4-1-1)" in plaque_page


def test_supplementary_standard_has_its_own_section(site: GeneratedSite) -> None:
    """The learning-community standard is published under its id, with no plaque pages."""
    lc = load_standard(SPECS / "learning-community")
    assert lc.standard.title in site.pages["learning-community/index.md"]
    assert not any(p.startswith("learning-community/plaques/") for p in site.pages)
    for q in lc.quantities:
        assert q.name in site.pages["learning-community/quantities.md"]
    assert "learning-community/index.md" in site.pages["index.md"]


def test_defaults_page_lists_every_default_with_reason(site: GeneratedSite,
                                                       standard: Standard) -> None:
    """Each project default appears with its reason: Chinese on / , English on /en/."""
    text, text_en = site.pages["defaults.md"], site.pages["en/defaults.md"]
    d = standard.project_defaults
    for default in [*d.colour_values, *d.tolerances, *d.plaque_layouts, *d.function_zones]:
        assert default.reason_zh, f"no Chinese reason for {default}"
        assert md_escape(default.reason_zh) in text
        assert md_escape(default.reason) in text_en
    assert "不是标准的内容" in text


def test_spec_format_lists_every_section() -> None:
    """The spec format reference documents every section of a spec file."""
    text = spec_format_page("en")
    for section in SpecFile.model_fields:
        assert f"<code>{md_escape(section)}</code>" in text


def test_data_is_escaped() -> None:
    """Text from data shows as typed: no HTML, no Markdown links or emphasis."""
    std = _std_with("<script>alert(1)</script> *x* [a](http://e)")
    out = P.quantities_page(P.PageSet(Where(std, ""), frozenset(P.default_keys(std))), "zh")
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "\\*x\\*" in out and "\\[a\\]" in out


def _std_with(name: str) -> Standard:
    lc = load_standard(SPECS / "learning-community")
    data = lc.model_dump()
    data["quantities"][0]["name"] = name
    return Standard.model_validate(data, strict=False)


def test_community_names_are_escaped(tmp_path: Path) -> None:
    """A community named like a script tag is shown escaped on its page and in the index."""
    csv = tmp_path / "c.csv"
    csv.write_text("district,street,community,party_org\n"
                   "东湖区,百花洲街道,<script>x</script>社区,党支部\n", encoding="utf-8")
    site = generate_site(SiteOptions(SPECS, downloads=False, communities=csv))
    pages = [t for p, t in site.pages.items() if "communities/" in p]
    assert len(pages) == 4  # index and one community, in two languages
    assert all("<script>" not in t for t in pages)
    assert any("&lt;script&gt;" in t for t in pages)


def test_diff_standards_reports_changes(tmp_path: Path, standard: Standard) -> None:
    """A mutated copy of the specs gives changed sizes and colours, added and removed rules."""
    old = tmp_path / "old"
    shutil.copytree(CORE_SPECS, old)
    plaques = (old / "plaques.yml").read_text(encoding="utf-8")
    amended = ("size: {height_mm: 500, width_mm: 750}\n    amendment: {reason: an older "
               "local size, reason_zh: 旧的本地尺寸}")  # differs from its quote: marked so
    (old / "plaques.yml").write_text(plaques.replace("size: {height_mm: 550, width_mm: 750}",
                                                     amended, 1), encoding="utf-8")
    defaults = (old / "defaults.yml").read_text(encoding="utf-8")
    (old / "defaults.yml").write_text(defaults.replace('"#E60012"', '"#FF0000"'),
                                      encoding="utf-8")
    rules = (old / "rules.yml").read_text(encoding="utf-8")
    first = rules.index("  - id: reference-standard")
    second = rules.index("  - id: obtain-premises")
    (old / "rules.yml").write_text(rules[:first] + rules[second:] + rules[first:second]
                                   .replace("reference-standard", "old-rule"), encoding="utf-8")
    changes = diff_standards(load_standard(old), standard)
    assert Change("plaques", "party-committee-plaque", "changed", "size.height_mm", "500",
                  "550", "社区党组织、居委会牌匾") in changes
    assert any(c.section == "project_defaults.colour_values" and c.field == "hex"
               and c.old == "#FF0000" and c.new == "#E60012" for c in changes)
    assert any(c.kind == "added" and c.item == "reference-standard" for c in changes)
    assert any(c.kind == "removed" and c.item == "old-rule" for c in changes)
    assert diff_standards(standard, standard) == []


def test_changelog_page_without_previous_version(site: GeneratedSite) -> None:
    """With no previous specs configured the changelog page says so."""
    assert "未配置上一版本" in site.pages["changelog.md"]
    assert "No previous version configured" in site.pages["en/changelog.md"]


def test_nav_points_only_at_generated_pages(site: GeneratedSite) -> None:
    """Every nav entry is a generated page or a hand-written one in docs/, and the English
    pages have their own section."""
    def uris(entries: list) -> list[str]:  # type: ignore[type-arg]
        out = []
        for entry in entries:
            for value in entry.values() if isinstance(entry, dict) else [entry]:
                out += uris(value) if isinstance(value, list) else [value]
        return out
    listed = uris(site.nav)
    hand_written = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert set(listed) <= set(site.pages) | hand_written
    assert {"English"} <= {k for e in site.nav for k in e}
    assert not site.hidden & set(listed)


def test_relative_links() -> None:
    """Links are relative to the page, across languages and into downloads."""
    assert relative_link("en/rules/x.md", "en/source.md#clause-a") == "../source.md#clause-a"
    assert relative_link("index.md", "downloads/a.svg") == "downloads/a.svg"
    assert re.fullmatch(r"(\.\./)+downloads/a\.svg",
                        relative_link("en/plaques/x.md", "downloads/a.svg"))


def test_audit_sheet_qr_codes_open_existing_rule_pages(site: GeneratedSite) -> None:
    """Every QR code on every generated audit sheet points at a generated rule page (the
    code's link is relative to the sheet's page; the browser draws it from the address)."""
    import posixpath

    for uri, text in site.pages.items():
        if not uri.endswith("audit-sheet.md"):
            continue
        hrefs = set(re.findall(r'data-href="([^"]*)"', text))
        assert hrefs, uri
        page_dir = uri.removesuffix(".md") + "/"  # directory URLs
        for href in hrefs:
            target = posixpath.normpath(posixpath.join(page_dir, href))
            assert f"{target}.md" in site.pages, (uri, href)


def test_same_input_same_pages() -> None:
    """Generating the site twice from the same specs gives identical pages and nav."""
    first = generate_site(SiteOptions(SPECS, downloads=False))
    second = generate_site(SiteOptions(SPECS, downloads=False))
    assert first.pages == second.pages
    assert first.nav == second.nav


@pytest.mark.parametrize("uri", ["audit-sheet.md", "en/audit-sheet.md"])
def test_raw_blocks_pass_through_markdown_unchanged(site: GeneratedSite, uri: str) -> None:
    """With the plugin's RawBlocks extension, a page's HTML is what plain Markdown makes."""
    import markdown

    page = site.pages[uri]
    assert RAW_START in page and RAW_END in page
    extensions = ["attr_list", "md_in_html", "tables", "toc"]
    plain = markdown.markdown(page, extensions=extensions)
    fast = markdown.markdown(page, extensions=[*extensions, RawBlocks()])
    plain = plain.replace(RAW_START, "").replace(RAW_END, "")
    assert re.sub(r"\n+", "\n", plain).strip() == re.sub(r"\n+", "\n", fast).strip()
    assert 'class="qr"' in fast and "signgen:html" not in fast


def test_unterminated_raw_block_is_left_to_markdown() -> None:
    """A start marker without an end marker is ordinary Markdown: nothing is lost."""
    import markdown

    html = markdown.markdown(f"{RAW_START}\n<p>a</p>\n\n*b*", extensions=[RawBlocks()])
    assert "<p>a</p>" in html and "<em>b</em>" in html


def test_headings_the_project_wrote_are_marked(standard: Standard) -> None:
    """A rule page whose heading is not words of its clause (e.g. 服务科目不限于所列, the
    project's summary of 科目类别主要有…等) says the heading is the project's; a page headed
    with the standard's own words (a function's name) does not."""
    pages = core_pages(standard)
    marked, unmarked = [], []
    for rule in P.rule_pages(standard):
        page = P.rule_page(pages, "zh", rule)
        clause = rule.items[0].clause if rule.items else standard.clause(
            rule.rule.citation.clause if rule.rule else "")
        words = "".join(clause.text.split())
        (unmarked if "".join(rule.title.split()) in words else marked).append(
            ("本项目概括的标题" in page, rule.page))
    assert marked and unmarked
    assert all(shown for shown, _ in marked), marked
    assert not any(shown for shown, _ in unmarked), unmarked


@pytest.mark.parametrize("text", ["# 标题 ##", "1. 第一", "- 项", "+ 项", "a|b", "C#", "{: .x}",
                                  "<b>粗</b> &amp;", "`代码` *强* _斜_ [链](x)"])
def test_one_markdown_escape_shows_text_as_typed(text: str) -> None:
    """The site's and the documents' escaping are one rule: escaped text renders as typed
    in a heading and in a table cell (Python-Markdown with tables, as the site renders it)."""
    import markdown

    from signgen.output.document import md_escape as document_md_escape

    escaped = md_escape(text)
    assert escaped == document_md_escape(text)
    heading = markdown.markdown(f"## {escaped}", extensions=["tables"])
    cell = markdown.markdown(f"| h |\n|---|\n| {escaped} |", extensions=["tables"])
    shown = html.escape(text, quote=False)
    assert heading == f"<h2>{shown}</h2>"
    assert f"<td>{shown}</td>" in cell
