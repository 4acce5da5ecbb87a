"""The room-function checklist: every function and area from the spec, escaped, printable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import SPECS

from signgen.audit.items import checkable_items
from signgen.cli.main import main
from signgen.contractor.checklist import checklist_html, checklist_markdown
from signgen.spec.load import load_standard
from signgen.spec.model import Standard


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checklist_golden(standard: Standard, golden, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The checklist in Chinese and in English matches its golden Markdown."""
    golden(f"contractor/checklist.{lang}.md", checklist_markdown(standard, lang))


def test_every_function_area_and_rule_listed(standard: Standard) -> None:
    """Each function (with its alternative names), area minimum and function rule appears."""
    md = checklist_markdown(standard)
    for function in standard.functions:
        assert function.name in md
        assert all(alt in md for alt in function.alt_names)
    for rule in standard.area_rules:
        assert f"{rule.min_m2:g} m²" in md and rule.citation.quote in md
    clauses = {f.citation.clause for f in standard.functions}
    quotes = [r.citation.quote for r in standard.rules if r.citation.clause in clauses]
    assert quotes and all(q in md for q in quotes)


def test_required_before_encouraged(standard: Standard) -> None:
    """Functions to set come in their own table before the encouraged ones."""
    md = checklist_markdown(standard, "en")
    required = [f for f in standard.functions if f.level == "required"]
    encouraged = [f for f in standard.functions if f.level == "encouraged"]
    assert md.index(required[-1].name_en) < md.index(encouraged[0].name_en)


def test_room_plaque_placement_and_defaults(standard: Standard) -> None:
    """The room plaque's placement is quoted; its size and mounting height are project defaults."""
    plaque = next(p for p in standard.plaques if p.repeat == "per_room")
    layout = standard.layout(plaque.id)
    md = checklist_markdown(standard)
    assert plaque.citation.quote in md
    assert f"{layout.mounting_height_mm:g} mm (项目默认" in md
    assert md.count(plaque.placement) >= len(standard.functions)


def test_names_escaped(standard: Standard) -> None:
    """A function name holding <script> and | is escaped in Markdown and HTML."""
    first = standard.functions[0].model_copy(update={"name": "<script>x</script>|y"})
    hostile = standard.model_copy(update={"functions": [first, *standard.functions[1:]]})
    md = checklist_markdown(hostile)
    page = checklist_html(hostile)
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\|y" in md
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;|y" in page


def test_html_is_printable_and_offline(standard: Standard) -> None:
    """The HTML page prints on A4 landscape with 15 mm margins and links nothing outside
    itself."""
    page = checklist_html(standard, "en")
    assert "@page { size: A4; margin: 15mm; }" in page and "size: A4 landscape" in page
    assert "http" not in page and "<link" not in page and "<script" not in page


def test_supplementary_standard(tmp_path: Path, runner: CliRunner) -> None:
    """The checklist works for a standard without areas or plaques (learning community)."""
    learning = load_standard(SPECS / "learning-community")
    md = checklist_markdown(learning)
    assert all(f.name in md for f in learning.functions)
    out = tmp_path / "c.html"
    result = runner.invoke(main, ["checklist", "--specs", str(SPECS), "--standard",
                                  learning.id, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert learning.functions[0].name in out.read_text(encoding="utf-8")


def test_cli_markdown_to_stdout(runner: CliRunner, standard: Standard) -> None:
    """signgen checklist prints the Chinese Markdown by default."""
    result = runner.invoke(main, ["checklist", "--specs", str(SPECS)])
    assert result.exit_code == 0
    assert result.stdout == checklist_markdown(standard)


def test_items_carry_the_audit_ids(standard: Standard) -> None:
    """Every area, function and rule line has its id; area and function ids are the ones
    the audit survey gives the same items, each listed once."""
    md = checklist_markdown(standard)
    ids = re.findall(r"^\| ☐ \| ([a-z]+\.[a-z0-9-]+) \|", md, re.M)
    assert len(ids) == len(set(ids)) == (len(standard.area_rules) + len(standard.functions)
                                         + len(re.findall(r"^\| ☐ \| rule\.", md, re.M)))
    audit = {i.id for i in checkable_items(standard, {}, None, None)}
    assert {f"function.{f.id}" for f in standard.functions} <= set(ids)
    assert {i for i in ids if not i.startswith("rule.")} <= audit
    assert "rule." in md and "(plaque.room-plaque)" in md


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_has_a_community_line_and_a_signature_block(standard: Standard,
                                                        lang: str) -> None:
    """The printable page has a community line under the title and a signature block as
    its last element, in the page's language."""
    page = checklist_html(standard, lang)
    body = page[page.index("<body>"):]
    community, sign = ("社区", "签字") if lang == "zh" else ("Community", "Signature")
    first = body.index('<p class="form">')
    assert body.index("</h1>") < first < body.index("<h2>")
    assert community in body[first:first + 200]
    last = body.rindex("<figure>")
    assert 'class="form sign"' in body[last:] and sign in body[last:]
    assert body[last:].split("</figure>", 1)[1].strip() == "</body>\n</html>"
