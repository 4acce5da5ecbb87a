"""The README and the manual in docs/: short README, complete CLI reference, every shown
command real, both languages, every manual page in the site's nav."""

from __future__ import annotations

import html
import re
import shlex
from pathlib import Path

import click
import pytest
from doc_commands import command_problems, shown_commands
from project_paths import DOCS, README, ROOT, SOURCE_TEXT

from signgen.cli.main import main
from signgen.cli.reference import command_paths, reference
from signgen.site.hand_written import with_hand_written_pages
from signgen.site.nav import FULL_TEXT_PAGE, MANUAL_PAGES, manual_nav, site_nav

MANUAL = {"zh": DOCS / "manual", "en": DOCS / "en" / "manual"}
REFERENCE = {lang: folder / "cli.md" for lang, folder in MANUAL.items()}


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md")), *sorted(ROOT.glob("*/README.md"))]


def test_readme_is_under_8_kb() -> None:
    """The README stays short: what signgen is, setup, one example per role, where the manual is."""
    size = len(README.read_bytes())
    assert size < 8 * 1024, f"README.md is {size} bytes: move detail to docs/manual/"


def test_readme_points_at_the_manual_and_names_the_two_commands() -> None:
    """The README gives both commands and links the manual's pages, which exist."""
    text = README.read_text(encoding="utf-8")
    assert "bash scripts/setup.sh" in text and "bash scripts/test.sh" in text
    links = re.findall(r"\]\((docs/[^)#]+)", text)
    assert links and all((ROOT / link).is_file() for link in links), links


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_command_shown_exists(page: Path) -> None:
    """Each signgen command, option, script and module a page shows in its code blocks exists."""
    problems = [problem for line in shown_commands(page.read_text(encoding="utf-8"))
                for problem in command_problems(line, ROOT, main)]
    assert problems == []


def test_the_command_checker_catches_a_wrong_command_or_option() -> None:
    """The checker behind the test above reports unknown commands, options and scripts."""
    shown = list(shown_commands("```sh\nsigngen render x --nope \\\n  --set a=b\n"
                                "bash scripts/missing.sh\n```\n\n```text\n$ signgen rendr\n"
                                "signgen output, not a command\n```\n"))
    assert shown == ["signgen render x --nope --set a=b", "bash scripts/missing.sh",
                     "signgen rendr"]
    problems = [p for line in shown for p in command_problems(line, ROOT, main)]
    assert len(problems) == 3 and "--nope" in problems[0] and "rendr" in problems[2]


@pytest.mark.parametrize("name", MANUAL_PAGES)
def test_both_languages_show_the_same_commands(name: str) -> None:
    """A manual page and its English twin show the same commands, in the same order (their
    comments aside), so a change made in one language is not missing from the other."""
    def commands(path: Path) -> list[str]:
        return [" ".join(shlex.split(line, comments=True))
                for line in shown_commands(path.read_text(encoding="utf-8"))]
    assert commands(MANUAL["zh"] / name) == commands(MANUAL["en"] / name)


@pytest.mark.parametrize("lang", sorted(REFERENCE))
def test_cli_reference_is_current(lang: str) -> None:
    """docs/manual/cli.md (and its English twin) is exactly what the generator prints now."""
    command = f"python -m signgen.cli.reference{' --lang en' if lang == 'en' else ''}"
    assert REFERENCE[lang].read_text(encoding="utf-8") == reference(lang), (
        f"{REFERENCE[lang].relative_to(ROOT)} is stale: run {command} > "
        f"{REFERENCE[lang].relative_to(ROOT)}")


@pytest.mark.parametrize("lang", sorted(REFERENCE))
def test_cli_reference_has_every_command_and_option(lang: str) -> None:
    """Every command and subcommand has a section, holding each of its options."""
    text = REFERENCE[lang].read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `([^`]+)`.*\n((?:(?!^## ).*\n)*)", text, re.M))
    missing = []
    for path, command, _ctx in command_paths():
        name = " ".join(path)
        if name not in sections:
            missing.append(name)
            continue
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                missing += [f"{name} {opt}" for opt in param.opts + param.secondary_opts
                            if opt not in sections[name]]
    assert missing == []


def test_every_manual_page_has_both_languages_and_is_in_the_nav() -> None:
    """docs/manual/ and docs/en/manual/ hold the same pages; the nav lists every one of them,
    those in MANUAL_PAGES first and in that order."""
    names = {lang: sorted(p.name for p in folder.glob("*.md")) for lang, folder in MANUAL.items()}
    assert names["zh"] == names["en"], "write every manual page in both languages"
    assert set(MANUAL_PAGES) <= set(names["zh"])
    nav = with_hand_written_pages(site_nav({}, []), DOCS)
    for lang, section in (("zh", nav[-2]), ("en", nav[-1]["English"][-1])):
        [(title, entries)] = section.items()
        assert title == next(iter(manual_nav(lang)))
        listed = [entry.rsplit("/", 1)[1] for entry in entries]
        assert listed[:len(MANUAL_PAGES)] == list(MANUAL_PAGES)
        assert sorted(listed) == names[lang]
    for prefix in ("", "en/"):
        assert (DOCS / f"{prefix}{FULL_TEXT_PAGE}").is_file()


def test_the_nav_keeps_only_hand_written_pages_that_exist(tmp_path: Path) -> None:
    """With a docs folder of its own, the nav drops missing hand-written pages (no broken
    entry in a strict build) and adds a manual page nobody listed."""
    (tmp_path / "manual").mkdir()
    (tmp_path / "manual" / "index.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "manual" / "zz-new.md").write_text("# y\n", encoding="utf-8")
    nav = with_hand_written_pages(site_nav({}, []), tmp_path)
    assert nav == [{"使用说明": ["manual/index.md", "manual/zz-new.md"]}]
    assert with_hand_written_pages(site_nav({}, []), tmp_path / "none") == []


def test_the_manual_is_a_section_of_each_language() -> None:
    """The nav has 使用说明 at the top level and Using signgen inside English."""
    nav = site_nav({}, [])
    assert nav[-2] == manual_nav("zh") and "使用说明" in nav[-2]
    assert nav[-1]["English"][-1] == manual_nav("en")


def test_the_full_text_pages_include_the_source_text() -> None:
    """The full-text pages include source/community-standards.zh.txt, not a copy of it."""
    for prefix in ("", "en/"):
        page = (DOCS / f"{prefix}{FULL_TEXT_PAGE}").read_text(encoding="utf-8")
        assert '--8<-- "source/community-standards.zh.txt"' in page
        pasted = [line for line in SOURCE_TEXT.read_text(encoding="utf-8").splitlines()
                  if len(line) > 20 and line in page]
        assert pasted == []  # the text comes from source/, never pasted here


def test_nothing_points_outside_the_repository() -> None:
    """No page, code, test or config names the shared folder the source text came from."""
    pattern = re.compile(r"shared[/]source|\.\.[/]shared")
    offenders = [p.relative_to(ROOT).as_posix() for folder in ("signgen", "tests", "docs",
                                                                "source", "bench", "scripts")
                 for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in
                 {".py", ".md", ".yml", ".yaml", ".sh", ".j2", ".html", ".txt", ".toml"}
                 and pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    offenders += [p.name for p in (README, ROOT / "mkdocs.yml", ROOT / "pyproject.toml")
                  if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.slow
def test_the_site_publishes_the_manual_and_the_full_text(tmp_path: Path) -> None:
    """A strict build of mkdocs.yml has every manual page in both languages, the manual
    section in the nav, and every line of the source text on the full-text pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins["signgen"].config["cache_dir"] = str(tmp_path / "cache")
    build(config)
    site = tmp_path / "site"
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for name in MANUAL_PAGES:
            page = site / prefix / "manual" / name.removesuffix(".md").removesuffix("index")
            assert (page / "index.html").is_file(), page
        [(title, _entries)] = manual_nav(lang).items()
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert re.search(rf">\s*{title}\s*<", home), title
        text = (site / prefix / "full-text" / "index.html").read_text(encoding="utf-8")
        lines = [html.escape(line, quote=False) for line in
                 SOURCE_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert [line for line in lines if line not in text] == []
