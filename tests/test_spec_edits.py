"""Editing a spec, as an editor would: every problem in one pass, numbers held to their quotes,
levels and alternative names held to the text, and every size and date the renderers rely on
checked by ``validate``, located in the file (Chinese by default, English on request)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from minimal_specs import at, edit, problems
from project_paths import CORE_SPECS

from signgen.cli.main import main
from signgen.spec.load import load_standard


@pytest.fixture
def core(tmp_path: Path) -> Path:
    """A copy of the bundled core standard to edit."""
    return Path(shutil.copytree(CORE_SPECS, tmp_path / "core"))


def _zh(directory: Path) -> str:
    """What `signgen validate` prints (Chinese, the default)."""
    result = CliRunner().invoke(main, ["validate", str(directory)])
    assert result.exit_code == 2, result.output
    return result.stderr


def test_a_number_that_disagrees_with_its_quote_is_an_error(core: Path) -> None:
    """一 d3-1 社区活动用房不少于200平方米: min_m2 220 is an error at min_m2, naming the quote."""
    premises = core / "premises.yml"
    edit(premises, "    min_m2: 200\n", "    min_m2: 220\n")
    assert problems(core) == [
        f"{at(premises, 'min_m2: 220')}: area_rules[2].min_m2: min_m2 is 220, but the quoted "
        "words '社区活动用房不少于200平方米' give 200; for a deliberate local change add an "
        "amendment with its reason"]
    assert "与所引原文 '社区活动用房不少于200平方米' 中的数(200)不符" in _zh(core)


def test_a_deliberate_amendment_with_its_reason_is_accepted(core: Path) -> None:
    """A local amendment (min_m2 220 with amendment.reason) validates: the change is marked."""
    premises = core / "premises.yml"
    edit(premises, "    min_m2: 200\n", "    min_m2: 220\n    amendment:\n"
                                         "      reason: The district asks for more.\n"
                                         "      reason_zh: 本区要求更高。\n")
    rule = next(r for r in load_standard(core).area_rules if r.min_m2 == 220)
    assert rule.amendment is not None and rule.amendment.reason_zh == "本区要求更高。"


def test_a_plaque_size_is_held_to_its_quote_in_mm(core: Path) -> None:
    """四(一)2 d3-4-1-2 规格为55cm(高)X75cm(长): 55 cm is 550 mm; 560 is an error."""
    plaques = core / "plaques.yml"
    edit(plaques, "size: {height_mm: 550, width_mm: 750}\n    segments:\n      - {id: "
                  "district-street, text: \"{district}{street}\", typeface: song, colour: black}"
                  "\n      - {id: community, text: \"{community}\", typeface: kai, colour: red}"
                  "\n      - {id: party-committee",
         "size: {height_mm: 560, width_mm: 750}\n    segments:\n      - {id: "
         "district-street, text: \"{district}{street}\", typeface: song, colour: black}"
         "\n      - {id: community, text: \"{community}\", typeface: kai, colour: red}"
         "\n      - {id: party-committee")
    [problem] = problems(core)
    assert "plaques[1].size.height_mm: height_mm is 560" in problem and "give 550, 750" in problem


def test_an_unquoted_hash_gets_the_comment_hint(core: Path) -> None:
    """`hex: #C8102E` unquoted is a YAML comment: the error says so, not only 'expected text'."""
    defaults = core / "defaults.yml"
    edit(defaults, '      hex: "#E60012"', "      hex: #E60012")
    [problem] = problems(core)
    assert problem.startswith(f"{at(defaults, 'hex: #E60012')}: "
                              "project_defaults.colour_values[1].hex: expected text, got nothing")
    assert "a # starts a comment" in problem
    assert "# 开始注释" in _zh(core)


def test_shape_and_cross_file_problems_come_in_one_pass(core: Path) -> None:
    """A bad kind in one plaque, a typo'd colour in another and a number off its quote in
    another file: all three in one run, so an editor needs one round."""
    plaques, premises = core / "plaques.yml", core / "premises.yml"
    edit(plaques, "    kind: indoor\n    placement: 一站式",
         "    kind: inside\n    placement: 一站式")
    edit(plaques, "typeface: song-display, colour: black}", "typeface: song-display, colour: blak}")
    edit(premises, "    min_m2: 120\n", "    min_m2: 150\n")
    found = problems(core)
    assert len(found) == 3, found
    assert any("plaques[3].kind: expected 'outdoor' or 'indoor', got 'inside'" in p for p in found)
    assert any("plaques[0].segments[0].colour: expected the id of a colour defined in "
               "'colours:' (did you mean 'black'?), got 'blak'" in p for p in found)
    assert any("area_rules[1].min_m2: min_m2 is 150" in p for p in found)


def test_a_level_must_be_stated_and_its_words_found(core: Path) -> None:
    """Every checkable item states its level from the text: none given is an error; words
    not in the clause are an error (四(五) d3-4-5 says 建议设置, not 必须设置)."""
    plaques = core / "plaques.yml"
    level = "level: recommended, level_quote: "
    edit(plaques, f"name_en: Party building, {level}建议设置如下活动宣传栏,",
         "name_en: Party building, level_quote: 建议设置如下活动宣传栏,")
    edit(plaques, f"name_en: Public order, {level}建议设置如下活动宣传栏,",
         f"name_en: Public order, {level}必须设置如下活动宣传栏,")
    found = problems(core)
    assert any(p.endswith("boards[0].level: expected a value, got nothing: this field is "
                          "required") for p in found), found
    assert any("boards[4].level_quote: expected the words that set the level, verbatim in "
               "clause 'd3-4-5', got '必须设置如下活动宣传栏'" in p for p in found), found


def test_an_alternative_name_must_be_the_standards(core: Path) -> None:
    """二 d3-2 gives 矛盾调解室 and 心理慰藉室 for 社区接访室; an invented alternative name is an
    error that points to project_aliases."""
    premises = core / "premises.yml"
    edit(premises, "alt_names: [矛盾调解室, 心理慰藉室]", "alt_names: [矛盾调解室, 谈心室]")
    [problem] = problems(core)
    assert "functions[2].alt_names[1]: expected a name the standard gives" in problem
    assert "project_aliases" in problem and "'谈心室'" in problem


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ("      max_width_mm: 9000", "      max_width_mm: 1e12", "max_width_mm",
     "expected at most 100000 mm"),
    ("      min_width_mm: 3000", "      min_width_mm: 9500", "min_width_mm",
     "expected at most max_width_mm (9000), got 9500"),
    ("      margin_mm: 150", "      margin_mm: 600", "margin_mm",
     "expected less than half of the plaque's 9000 x 1000 mm, got 600"),
    ("      viewing_distance_m: 50", "      viewing_distance_m: 120", "max_letter_height_mm",
     "the minimum letter height 720 mm (the larger of min_letter_height_mm and viewing "
     "distance × legibility) is above max_letter_height_mm 650"),
], ids=["huge-width", "min-over-max-width", "margin-over-half", "letters-impossible"])
def test_name_sign_geometry_is_checked_by_validate(core: Path, old: str, new: str, field: str,
                                                   words: str) -> None:
    """What the renderers rely on is checked up front, located at the field of the layout."""
    defaults = core / "defaults.yml"
    edit(defaults, old, new)
    [problem] = problems(core)
    where = at(defaults, new.strip()) if field in new else at(defaults, f"{field}:")
    assert problem.startswith(f"{where}: project_defaults.plaque_layouts[0].{field}: "), problem
    assert words in problem


def test_lines_that_cannot_fit_and_two_layouts_are_errors(core: Path) -> None:
    """Three lines of 45 mm letters with a 20-letter gap cannot fit a 550 mm plaque; a second
    layout for one plaque is refused at its plaque field."""
    defaults = core / "defaults.yml"
    edit(defaults, "      margin_mm: 50\n      lines: [[district-street], [community], "
                   "[party-committee]]",
         "      margin_mm: 50\n      line_gap: 20\n      lines: [[district-street], "
         "[community], [party-committee]]")
    text = defaults.read_text(encoding="utf-8")
    layout = text[text.index("    - plaque: workstation-plaque"):]
    layout = layout[:layout.index("\n    - plaque:", 10) + 1]
    defaults.write_text(text.replace(layout, layout + layout, 1), encoding="utf-8")
    found = problems(core)
    assert any("plaque_layouts[1].line_gap: 3 lines of letters at the minimum 45 mm with a gap "
               "of 20 letter heights need" in p for p in found), found
    assert any("plaque_layouts[3].plaque: plaque 'workstation-plaque' already has a layout at "
               "plaque_layouts[2]" in p for p in found), found


@pytest.mark.parametrize("date", ["2026-13-45", "2026-02-30"])
def test_an_impossible_date_is_located(tmp_path: Path, date: str) -> None:
    """The standard's date must exist in the calendar."""
    from minimal_specs import write_minimal
    tiny = write_minimal(tmp_path / "tiny")
    edit(tiny / "standard.yml", 'date: "2026-01-01"', f'date: "{date}"')
    assert problems(tiny) == [f"{at(tiny / 'standard.yml', 'date:')}: standard.date: "
                              f"expected a real calendar date (YYYY-MM-DD), got '{date}'"]
