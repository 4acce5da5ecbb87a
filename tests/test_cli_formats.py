"""Every command takes its output format from -o's suffix; a --format that disagrees is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.cli.main import main

PLAN = ROOT / "examples" / "plan-short.yaml"
SURVEY = ROOT / "examples" / "survey-plan-short.yaml"
MAGIC = {".svg": b"<?xml", ".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n"}


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--specs", str(SPECS)])
    return result.exit_code, result.output


@pytest.mark.parametrize("suffix", [".svg", ".pdf", ".png"])
def test_render_writes_the_format_its_suffix_names(tmp_path: Path, suffix: str) -> None:
    """``render -o plaque.pdf`` writes a PDF (and .png a PNG, .svg an SVG), without --format."""
    out = tmp_path / f"plaque{suffix}"
    code, output = _run("render", "window-sign", "--set", "category=民政", "-o", str(out))
    assert code == 0, output
    assert out.read_bytes().startswith(MAGIC[suffix])


def test_render_format_without_a_suffix_still_chooses(tmp_path: Path) -> None:
    """``--format pdf`` with a folder writes PLAQUE_ID.pdf there."""
    code, output = _run("render", "window-sign", "--format", "pdf", "-o", f"{tmp_path}/")
    assert code == 0, output
    assert (tmp_path / "window-sign.pdf").read_bytes().startswith(MAGIC[".pdf"])


@pytest.mark.parametrize(("args", "message"), [
    (["render", "window-sign", "--format", "svg", "-o", "x.pdf"],
     "-o x.pdf: 文件后缀 .pdf 与 --format svg 不一致；请去掉 --format，或改用相符的后缀 "
     "(the suffix .pdf disagrees with --format svg: drop --format or use a matching suffix)"),
    (["render", "window-sign", "-o", "x.txt"],
     "-o x.txt: 文件后缀应为 .dxf, .pdf, .png, .svg 之一，实为 '.txt' "
     "(expected a file ending in .dxf, .pdf, .png, .svg, got '.txt')"),
    (["check-plan", str(PLAN), "--format", "md", "-o", "r.json"],
     "-o r.json: 文件后缀 .json 与 --format md 不一致"),
    (["audit", str(SURVEY), "--format", "json", "-o", "r.html"],
     "-o r.html: 文件后缀 .html 与 --format json 不一致"),
    (["schedule", str(PLAN), "-o", "signs.txt"],
     "-o signs.txt: 文件后缀应为 .csv, .md, .xlsx 之一，实为 '.txt'"),
    (["checklist", "-o", "c.pdf"], "-o c.pdf: 文件后缀应为 .htm, .html, .md 之一"),
])
def test_a_disagreeing_or_unknown_suffix_is_a_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    """Exit 2, Chinese first then English, no file written and no traceback."""
    monkeypatch.chdir(tmp_path)
    code, output = _run(*args)
    assert code == 2
    assert message in output
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_reports_follow_the_suffix(tmp_path: Path) -> None:
    """``check-plan -o r.json`` and ``audit -o r.json`` write JSON; ``.md`` Markdown."""
    for command, source in (("check-plan", PLAN), ("audit", SURVEY)):
        code, output = _run(command, str(source), "-o", str(tmp_path / "r.json"))
        assert code in (0, 1), output
        json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
        code, output = _run(command, str(source), "-o", str(tmp_path / "r.md"))
        assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("#")


def test_a_pdf_suffix_takes_the_screen_or_the_print_pdf(tmp_path: Path) -> None:
    """``.pdf`` is a screen PDF by default and a print PDF with ``--format print-pdf``;
    ``.dxf`` is the cut-letter file."""
    screen, printed, dxf = tmp_path / "s.pdf", tmp_path / "p.pdf", tmp_path / "c.dxf"
    for args in (["-o", str(screen)], ["--format", "print-pdf", "-o", str(printed)],
                 ["-o", str(dxf)]):
        code, output = _run("render", "window-sign", "--set", "category=民政", *args)
        assert code == 0, output
    assert screen.read_bytes().startswith(MAGIC[".pdf"]) and b"/OutputIntent" not in \
        screen.read_bytes()
    assert b"/OutputIntent" in printed.read_bytes()
    assert b"SECTION" in dxf.read_bytes()[:200]
