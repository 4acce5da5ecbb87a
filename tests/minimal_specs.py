"""A tiny, complete standard to break on purpose: tests of validation edit it, not the
bundled specs, so their expected messages do not move when the real standard is edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from signgen.errors import SigngenError
from signgen.spec.load import load_standard

MINIMAL: dict[str, str] = {
    "standard.yml": """\
standard:
  id: tiny
  title: 测试标准
  title_en: Test standard
  edition: "1"
  date: "2026-01-01"
  summary: 测试。
  summary_en: A test.
documents:
  - id: doc
    title: 文件
    title_en: Document
clauses:
  - id: c1
    document: doc
    number: "一"
    title: 标牌
    title_en: Plaques
    text: 门口挂白底黑字宋体牌匾,高50厘米。
    digest_en: A plaque by the door.
fields:
  - id: name
    label: 名称
    label_en: Name
    placeholder: ??
    example: 甲
""",
    "plaques.yml": """\
typefaces:
  - id: song
    name: 宋体
    name_en: Song
    style: song
    citation: {clause: c1, quote: 宋体}
colours:
  - id: black
    name: 黑色
    name_en: Black
    citation: {clause: c1, quote: 黑字}
  - id: white
    name: 白色
    name_en: White
    citation: {clause: c1, quote: 白底}
plaques:
  - id: door
    name: 门口牌匾
    name_en: Door plaque
    kind: outdoor
    placement: 门口
    placement_en: By the door
    background: white
    size: {height_mm: 500}
    segments:
      - {id: s1, text: "{name}社区", typeface: song, colour: black}
    citation: {clause: c1, quote: 门口挂白底黑字宋体牌匾}
    level: required
    level_quote: 门口挂
""",
    "defaults.yml": """\
project_defaults:
  colour_values:
    - {colour: black, hex: "#000000", cmyk: [0, 0, 0, 100], reason: process black}
    - {colour: white, hex: "#FFFFFF", cmyk: [0, 0, 0, 0], reason: unprinted}
  typeface_substitutes:
    - typeface: song
      families: [{family: Noto Serif CJK SC}]
      debian_packages: [fonts-noto-cjk]
      reason: open Song
  plaque_layouts:
    - plaque: door
      width_mm: 750
      margin_mm: 30
      lines: [[s1]]
      max_letter_height_mm: 300
      min_letter_height_mm: 20
      mounting_height_mm: 1500
      reason: not given
""",
}


def write_minimal(directory: Path) -> Path:
    """Write the minimal standard into ``directory`` (created) and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in MINIMAL.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``path`` (fails loudly if not exactly one)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def at(path: Path, needle: str, offset: int = 0) -> str:
    """``file:line:col`` (1-based) of the first ``needle`` in ``path``, plus ``offset`` columns."""
    text = path.read_text(encoding="utf-8")
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1 + offset
    return f"{path}:{line}:{col}"


def problems(directory: Path) -> list[str]:
    """Every problem ``load_standard`` reports for ``directory``, as users of ``--lang en`` read
    them (the Chinese texts are tested apart)."""
    with pytest.raises(SigngenError) as info:
        load_standard(directory)
    return [p.text("en") for p in info.value.problems]
