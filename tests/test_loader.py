"""Validation of spec files: every problem found, located and worded so a person can fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
from minimal_specs import at, edit, problems, write_minimal

from signgen.errors import SigngenError
from signgen.spec import yamlsource
from signgen.spec.load import load_standard, load_standards, standard_dirs
from signgen.spec.model import Plaque


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A fresh copy of the minimal standard, to break."""
    return write_minimal(tmp_path / "tiny")


def test_minimal_standard_loads(tiny: Path) -> None:
    """The minimal standard is valid, so every failure below comes from its one edit."""
    standard = load_standard(tiny)
    assert (standard.id, [p.id for p in standard.plaques]) == ("tiny", ["door"])


# --- one file, one field ------------------------------------------------------------------


def test_unknown_key_suggests_the_close_one(tiny: Path) -> None:
    """A misspelt key is reported where it is, with the key it probably meant."""
    f = tiny / "plaques.yml"
    edit(f, "    name: 门口牌匾\n", "    nmae: 门口牌匾\n")
    keys = ", ".join(Plaque.model_fields)
    assert f"{at(f, 'nmae')}: plaques[0].nmae: unknown key (did you mean 'name'?); " \
           f"expected one of: {keys}" in problems(tiny)


def test_comma_in_flow_mapping_says_to_quote(tiny: Path) -> None:
    """An unquoted ASCII comma in `{quote: ...}` splits the text; the message says to quote it."""
    f = tiny / "plaques.yml"
    edit(f, "quote: 门口挂白底黑字宋体牌匾}", "quote: 门口挂白底黑字宋体牌匾,高50厘米}")
    assert problems(tiny) == [
        f"{at(f, '高50厘米')}: plaques[0].citation.高50厘米: unknown key (a comma inside {{...}} "
        "starts a new key: put the whole text in quotes); expected one of: clause, quote"]


def test_missing_field_is_required(tiny: Path) -> None:
    """A required field left out is reported on the item that lacks it."""
    f = tiny / "plaques.yml"
    edit(f, "    name_en: Door plaque\n", "")
    assert problems(tiny) == [
        f"{at(f, 'id: door')}: plaques[0].name_en: expected a value, got nothing: "
        "this field is required"]


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("{height_mm: 500}", "{height_mm: -500}", "plaques[0].size.height_mm",
     "expected a number greater than 0, got -500"),
    ("{height_mm: 500}", "{height_mm: .nan}", "plaques[0].size.height_mm",
     "expected a finite number, got nan"),
    ("{height_mm: 500}", '{height_mm: "500"}', "plaques[0].size.height_mm",
     "expected a valid number, got '500'"),
    ("    kind: outdoor\n", "    kind: inside\n", "plaques[0].kind",
     "expected 'outdoor' or 'indoor', got 'inside'"),
    ("  - id: door\n", "  - id: Door Plaque\n", "plaques[0].id",
     "expected an id: lower-case letters, digits, '-' and '_', got 'Door Plaque'"),
    ("    background: white\n", "    background: [white]\n", "plaques[0].background",
     "expected text, got a list of 1"),
], ids=["negative", "nan", "quoted-number", "literal", "id-pattern", "list-for-text"])
def test_bad_value_is_located_and_explained(tiny: Path, old: str, new: str, field: str,
                                            message: str) -> None:
    """A bad value: file, line and column of its key, its field path, what was expected, got."""
    f = tiny / "plaques.yml"
    edit(f, old, new)
    key_and_value = new.strip(" -\n{}")
    assert problems(tiny) == [f"{at(f, key_and_value)}: {field}: {message}"]


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ('hex: "#000000"', 'hex: "black"', "project_defaults.colour_values[0].hex",
     "expected a colour as # and six hex digits, e.g. '#1A2B3C', got 'black'"),
    ("cmyk: [0, 0, 0, 100]", "cmyk: [0, 0, 100]", "project_defaults.colour_values[0].cmyk",
     "expected at least 4 item(s), got a list of 3"),
    ("cmyk: [0, 0, 0, 100]", "cmyk: [0, 0, 0, 101]",
     "project_defaults.colour_values[0].cmyk[3]", "expected a number of at most 100, got 101"),
], ids=["hex", "cmyk-short", "cmyk-over"])
def test_bad_default_is_located(tiny: Path, old: str, new: str, field: str,
                                message: str) -> None:
    """Project defaults are validated like the standard, with the same located messages."""
    f = tiny / "defaults.yml"
    edit(f, old, new)
    [problem] = problems(tiny)
    assert problem.split(": ", 1)[1] == f"{field}: {message}"
    assert problem.startswith(f"{f}:3:")


@pytest.mark.parametrize(("old", "new", "field", "read_as", "shown"), [
    ('edition: "1"', "edition: 1", "standard.edition", "number", "1"),
    ("title_en: Test standard", "title_en: true", "standard.title_en", "true/false", "True"),
    ("title_en: Test standard", "title_en: 1.5", "standard.title_en", "number", "1.5"),
])
def test_yaml_implicit_types_get_a_quoting_hint(tiny: Path, old: str, new: str, field: str,
                                                read_as: str, shown: str) -> None:
    """Text that YAML reads as a number, date or boolean: the message says to quote it."""
    f = tiny / "standard.yml"
    edit(f, old, new)
    assert problems(tiny) == [f"{at(f, new)}: {field}: expected text, got {shown} "
                              f"(YAML reads it as a {read_as}: put it in quotes)"]


@pytest.mark.parametrize("value", ["2026-01-01", "yes", "no", "on", "1:30", "1_000"])
def test_plain_scalars_are_read_as_yaml_1_2(tiny: Path, value: str) -> None:
    """Dates, yes/no/on and 1:30 stay text (YAML 1.2, as editors read it), not 1.1 types."""
    edit(tiny / "standard.yml", "title_en: Test standard", f"title_en: {value}")
    assert load_standard(tiny).standard.title_en == value


def test_date_must_be_iso(tiny: Path) -> None:
    """The edition date is YYYY-MM-DD, so every output prints it the same way."""
    f = tiny / "standard.yml"
    edit(f, 'date: "2026-01-01"', 'date: "1/1/2026"')
    assert problems(tiny) == [f"{at(f, 'date:')}: standard.date: expected a date as YYYY-MM-DD, "
                              "got '1/1/2026'"]


# --- across sections and files ------------------------------------------------------------


def test_unknown_reference_suggests_the_close_id(tiny: Path) -> None:
    """A reference to an id no section defines names the section and the close id."""
    f = tiny / "plaques.yml"
    edit(f, "colour: black}", "colour: blak}")
    assert problems(tiny) == [
        f"{at(f, 'colour: blak')}: plaques[0].segments[0].colour: expected the id of a colour "
        "defined in 'colours:' (did you mean 'black'?), got 'blak'"]


def test_quote_must_be_verbatim(tiny: Path) -> None:
    """A citation whose words are not in its clause is refused: the standard is quoted exactly."""
    f = tiny / "plaques.yml"
    edit(f, "quote: 门口挂白底黑字宋体牌匾}", "quote: 门口挂红底黑字宋体牌匾}")
    assert problems(tiny) == [
        f"{at(f, 'quote: 门口挂红底')}: plaques[0].citation.quote: expected words found "
        "verbatim in clause 'c1', got '门口挂红底黑字宋体牌匾'"]


def test_quote_may_differ_in_whitespace_only(tiny: Path) -> None:
    """Line breaks and spaces in a quote are ignored when matching the clause text."""
    edit(tiny / "plaques.yml", "quote: 门口挂白底黑字宋体牌匾}", "quote: 门口挂白底 黑字宋体牌匾}")
    assert load_standard(tiny).plaques[0].citation.quote == "门口挂白底 黑字宋体牌匾"


def test_unknown_template_field(tiny: Path) -> None:
    """A `{name}` in plaque text that no field defines is refused, listing the fields."""
    f = tiny / "plaques.yml"
    edit(f, '"{name}社区"', '"{nmae}社区"')
    assert problems(tiny) == [
        f"{at(f, 'text:')}: plaques[0].segments[0].text: expected '{{field}}' names defined "
        "in 'fields:' (name), got {nmae}"]


def test_duplicate_id_and_its_consequences_all_reported(tiny: Path) -> None:
    """A duplicated id is reported, and so is every reference left dangling by it."""
    f, d = tiny / "plaques.yml", tiny / "defaults.yml"
    edit(f, "  - id: white\n", "  - id: black\n")
    assert problems(tiny) == sorted([
        f"{at(d, 'colour: white')}: project_defaults.colour_values[1].colour: expected the id "
        "of a colour defined in 'colours:', got 'white'",
        f"{at(f, 'id: black', 0).rsplit(':', 2)[0]}:12:5: colours[1].id: duplicate id 'black': "
        "already used by colours[0]",
        f"{at(f, 'background')}: plaques[0].background: expected the id of a colour defined in "
        "'colours:', got 'white'"])


def test_section_in_two_files(tiny: Path) -> None:
    """Each section lives in one file; a second definition names the first file."""
    extra = tiny / "zz.yml"  # loaded after standard.yml, so it is the second definition
    extra.write_text("fields:\n  - {id: other, label: 其他, label_en: Other, placeholder: x, "
                     "example: y}\n", encoding="utf-8")
    assert problems(tiny) == [f"{extra}:1:1: fields: section already defined in "
                              f"{tiny / 'standard.yml'}; expected each section in one file only"]


def test_missing_required_sections(tiny: Path) -> None:
    """A standard without `clauses:` (or `documents:`) says which section is missing."""
    f = tiny / "standard.yml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text[: text.index("clauses:")] + text[text.index("fields:"):], encoding="utf-8")
    assert problems(tiny) == [f"{tiny}: clauses: expected this section in one of the spec "
                              "files, got none"]


def test_empty_section_is_an_empty_list(tiny: Path) -> None:
    """`boards:` with nothing under it is no error and no traceback: it holds no items."""
    (tiny / "boards.yml").write_text("boards:\n", encoding="utf-8")
    assert load_standard(tiny).boards == []


def test_problems_from_every_file_are_collected(tiny: Path) -> None:
    """One run reports the problems of all files, sorted by file and line."""
    edit(tiny / "plaques.yml", "    kind: outdoor\n", "    kind: inside\n")
    edit(tiny / "standard.yml", 'edition: "1"', "edition: 1")
    edit(tiny / "defaults.yml", 'hex: "#000000"', 'hex: "black"')
    found = problems(tiny)
    assert [p.split(":")[0] for p in found] == [str(tiny / n) for n in
                                                 ("defaults.yml", "plaques.yml", "standard.yml")]


# --- layouts (project defaults checked against the standard) -------------------------------


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("lines: [[s1]]", "lines: [[s1, s2]]",
     "plaque_layouts[0].lines[0][1]: expected a segment id of plaque 'door' (s1), got 's2'"),
    ("lines: [[s1]]", "lines: [[]]",
     "plaque_layouts[0].lines: expected every segment on a line, got none for s1"),
    ("min_letter_height_mm: 20", "min_letter_height_mm: 400",
     "plaque_layouts[0].min_letter_height_mm: expected at most max_letter_height_mm (300), "
     "got 400"),
    ("      width_mm: 750\n", "",
     "plaque_layouts[0].width_mm: expected a width (or width_from_text: true): the standard "
     "gives none"),
    ("      width_mm: 750\n", "      width_from_text: true\n",
     "plaque_layouts[0].width_from_text: expected min_width_mm and max_width_mm with "
     "width_from_text"),
], ids=["unknown-segment", "segment-on-no-line", "min-over-max", "no-width", "width-from-text"])
def test_layout_is_checked_against_its_plaque(tiny: Path, old: str, new: str,
                                              expected: str) -> None:
    """A plaque layout must place every segment of its plaque and fill in every open size."""
    edit(tiny / "defaults.yml", old, new)
    assert [p.split(": ", 1)[1] for p in problems(tiny)] == [f"project_defaults.{expected}"]


@pytest.mark.parametrize(("old", "expected"), [
    ('    - {colour: white, hex: "#FFFFFF", cmyk: [0, 0, 0, 0], reason: unprinted}\n',
     "colours[1].id: expected an exact value for this colour in project_defaults.colour_values"
     ", got none"),
    ("  typeface_substitutes:\n    - typeface: song\n      families: [{family: Noto Serif CJK SC}]"
     "\n      debian_packages: [fonts-noto-cjk]\n      reason: open Song\n",
     "typefaces[0].id: expected installed substitutes for this typeface in "
     "project_defaults.typeface_substitutes, got none"),
], ids=["colour-value", "typeface-substitute"])
def test_every_named_colour_and_typeface_needs_a_default(tiny: Path, old: str,
                                                         expected: str) -> None:
    """What the standard names but does not fix (exact red, a font) must be a project default."""
    edit(tiny / "defaults.yml", old, "")
    assert [p.split(": ", 1)[1] for p in problems(tiny)] == [expected]


# --- YAML itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    text: 门口", '    text: "{门口', "YAML syntax error: found unexpected end of stream "
     "(while scanning a quoted scalar that starts at 19:11)"),
    ("    style: song\n", "    style: song\n    style: kai\n",
     "typefaces[0].style: duplicate key: it is already set above"),
    ("  - id: song\n", "  - &a id: song\n", "YAML anchors and aliases are not allowed, got '&a' "
     "or '*a'"),
], ids=["syntax", "duplicate-key", "anchor"])
def test_yaml_problems_are_located(tiny: Path, old: str, new: str, message: str) -> None:
    """Syntax errors, duplicate keys and anchors are refused with a line and column."""
    name = "standard.yml" if "text" in old else "plaques.yml"
    edit(tiny / name, old, new)
    [problem] = problems(tiny)
    assert problem.startswith(f"{tiny / name}:")
    assert problem.split(": ", 1)[1] == message


def test_undecodable_byte_is_located(tiny: Path) -> None:
    """A non-UTF-8 byte is reported at its line and column."""
    f = tiny / "standard.yml"
    f.write_bytes(f.read_bytes().replace("测试标准".encode(), "测试标准".encode("gbk")))
    assert problems(tiny) == [f"{f}:3:10: expected UTF-8 text, got byte 0xb2"]


def test_byte_order_mark_is_accepted(tiny: Path) -> None:
    """A UTF-8 byte order mark (Windows editors add one) is not an error."""
    f = tiny / "standard.yml"
    f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    assert load_standard(tiny).id == "tiny"


@pytest.mark.parametrize(("content", "message"), [
    ("", "expected YAML content, got an empty file"),
    ("- a\n- b\n", "(top level): expected a mapping of sections"),
    ("1: x\n", "1: unknown key; expected one of"),
], ids=["empty", "list", "number-key"])
def test_file_shape_problems(tiny: Path, content: str, message: str) -> None:
    """A file that is empty or not a mapping of sections says so."""
    (tiny / "extra.yml").write_text(content, encoding="utf-8")
    [problem] = problems(tiny)
    assert problem.split(": ", 1)[1].startswith(message)


def test_oversized_file_is_refused(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the size limit is refused before it is parsed."""
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 100)
    f = tiny / "standard.yml"
    assert f"{f}:1:1: file too large: expected at most 100 bytes, got " \
           f"{f.stat().st_size}" in problems(tiny)


def test_too_many_values_is_refused(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file with more values than the limit is refused with a location, not exhausted."""
    monkeypatch.setattr(yamlsource, "MAX_NODES", 10)
    assert any("too many values (more than 10); refusing the file" in p for p in problems(tiny))


# --- folders of standards -------------------------------------------------------------------


def test_specs_root_may_be_one_standard(tiny: Path) -> None:
    """A folder holding spec files directly is one standard; a folder of folders, several."""
    assert standard_dirs(tiny) == [tiny]
    assert standard_dirs(tiny.parent) == [tiny]


def test_missing_or_empty_specs_folder(tmp_path: Path) -> None:
    """A specs path that does not exist, or holds no spec files, is a located error."""
    with pytest.raises(SigngenError, match="expected a folder of spec files, got none there"):
        standard_dirs(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SigngenError, match=r"expected spec files \(\*\.yml\) here or in "):
        standard_dirs(tmp_path / "empty")


def test_duplicate_standard_ids_across_folders(tmp_path: Path) -> None:
    """Two folders declaring the same standard id are refused, located at the second's id."""
    write_minimal(tmp_path / "a")
    write_minimal(tmp_path / "b")
    with pytest.raises(SigngenError) as info:
        load_standards(tmp_path)
    second = tmp_path / "b" / "standard.yml"
    assert [p.text("en") for p in info.value.problems] == [
        f"{at(second, 'id: tiny')}: standard.id: expected each standard's id once under "
        f"{tmp_path}, got 'tiny' again (first in {tmp_path / 'a'})"]
    assert str(info.value.problems[0]).endswith(f"'tiny' 重复(第一次在 {tmp_path / 'a'})")


def test_problems_of_all_standards_are_collected(tmp_path: Path) -> None:
    """Problems in two standards are reported in one run."""
    for name in ("a", "b"):
        write_minimal(tmp_path / name)
        edit(tmp_path / name / "standard.yml", "id: tiny", f"id: tiny-{name}")
        edit(tmp_path / name / "plaques.yml", "    kind: outdoor\n", "    kind: inside\n")
    with pytest.raises(SigngenError) as info:
        load_standards(tmp_path)
    assert [p.file for p in info.value.problems] == [str(tmp_path / n / "plaques.yml")
                                                     for n in ("a", "b")]


def test_control_character_is_located(tiny: Path) -> None:
    """A control character pasted into a spec file is reported where it is, not a traceback."""
    f = tiny / "standard.yml"
    edit(f, "title_en: Test standard", "title_en: Test\x1fstandard")
    assert problems(tiny) == [f"{at(f, chr(0x1f))}: expected printable text, got the control "
                              "character U+001F"]


def test_unknown_key_named_like_a_type(tiny: Path) -> None:
    """A key such as `bool:` or `float:` is reported as an unknown key like any other."""
    f = tiny / "defaults.yml"
    f.write_text("bool:\n", encoding="utf-8")
    problem = problems(tiny)[0]  # then what the missing defaults leave open, in the same pass
    assert problem.startswith(f"{f}:1:1: bool: unknown key; expected one of: standard, ")
