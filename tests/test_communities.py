"""Reading communities files: headers, row checks with file:line problems, CSV and XLSX."""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from project_paths import ROOT

from signgen.communities.rows import (
    CommunityRow,
    RowProblem,
    community_fields,
    open_communities,
    read_communities,
)
from signgen.errors import SigngenError
from signgen.spec.model import Standard

HEADER = "district,street,community,party_org"


def _csv(tmp_path: Path, text: str, name: str = "communities.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _rows(path: Path, standard: Standard) -> list[CommunityRow | RowProblem]:
    return list(read_communities(path, standard))


def test_example_file_has_the_five_communities_of_document_1(standard: Standard) -> None:
    """examples/communities.csv reads as five good rows, lines 2-6, with every field filled."""
    rows = _rows(ROOT / "examples" / "communities.csv", standard)
    assert all(isinstance(r, CommunityRow) for r in rows)
    good = [r for r in rows if isinstance(r, CommunityRow)]
    assert [r.line for r in good] == [2, 3, 4, 5, 6]
    assert [r.values["community"] for r in good] == [
        "团结社区", "长山社区", "满达社区", "阳光社区", "泰隆社区"]
    assert {r.name.rsplit("-", 1)[0] for r in good} == {"阿拉善右旗-额肯呼都格镇"}


def test_columns_are_the_fields_of_the_once_per_community_plaques(standard: Standard) -> None:
    """The required columns come from the spec: fields used by plaques set once."""
    assert [f.id for f in community_fields(standard)] == [
        "district", "street", "community", "party_org"]


def test_bad_row_is_located_and_the_others_go_on(standard: Standard) -> None:
    """The bad example row gives one problem per field at its line; good rows around it stay."""
    rows = _rows(ROOT / "examples" / "communities-bad.csv", standard)
    bad = [r for r in rows if isinstance(r, RowProblem)]
    assert [r.line for r in bad] == [4]
    assert bad[0].messages() == [
        "communities-bad.csv:4: community: expected a value (社区, e.g. 彭家桥社区), got nothing",
        "communities-bad.csv:4: party_org: expected one of 党总支, 党支部, got '党委'",
        "communities-bad.csv:4: door_width_mm: expected a positive number of millimetres "
        "(at most 100000), got '-900'",
    ]
    assert [r.line for r in rows if isinstance(r, CommunityRow)] == [2, 3, 5]


def test_xlsx_with_chinese_headers_spaces_and_numbers(tmp_path: Path,
                                                      standard: Standard) -> None:
    """XLSX with 区/街道/社区/党组织 headers (padded) reads; numeric cells become text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([" 区", "街道 ", "社区", "党组织", "门宽", "来源"])
    sheet.append(["额济纳旗", "达来呼布镇", "团结社区", "党总支", 2000, "购买"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["额济纳旗", "达来呼布镇", "长山社区", "党支部", None, "new_build"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    rows = _rows(path, standard)
    assert all(isinstance(r, CommunityRow) for r in rows)
    good = [r for r in rows if isinstance(r, CommunityRow)]
    assert [(r.line, r.values["party_org"], r.door_width_mm, r.origin) for r in good] == [
        (2, "党总支", 2000.0, "purchased"), (4, "党支部", None, "new_build")]


def test_unknown_column_is_kept_out_with_a_note(tmp_path: Path, standard: Standard) -> None:
    """An unknown column is a note (file, line, column letter and number, header), never read;
    the rows go on."""
    path = _csv(tmp_path, f"{HEADER},colour\n东湖区,百花洲街道,彭家桥社区,党支部,red\n")
    source = open_communities(path, standard)
    (note,) = source.notes
    assert note.text() == ("communities.csv:1: 提示: 第 E 列（第 5 列）的表头 'colour' 不是已知的"
                           "列，已略去，不读取该列")
    assert note.text("en") == ("communities.csv:1: note: column E (5), headed 'colour', is "
                               "not a known column: kept out, its cells are not read")
    (row,) = source.rows()
    assert isinstance(row, CommunityRow) and "colour" not in row.values


def test_missing_column_is_reported(tmp_path: Path, standard: Standard) -> None:
    """A file without the party_org column fails with the column's name, Chinese first."""
    path = _csv(tmp_path, "district,street,community\n东湖区,百花洲街道,彭家桥社区\n")
    with pytest.raises(SigngenError) as exc:
        read_communities(path, standard)
    assert str(exc.value) == "communities.csv:1: party_org: 缺少 party_org（党组织）列"
    assert exc.value.in_lang("en").format_message() == (
        "communities.csv:1: party_org: expected a column party_org (or 党组织), got none")


def test_bom_and_multiline_cells_keep_file_line_numbers(tmp_path: Path,
                                                        standard: Standard) -> None:
    """A UTF-8 BOM is accepted; a row after a two-line quoted cell has its real line number."""
    text = ("\ufeff" + HEADER + "\n"
            '东湖区,"百花洲\n街道",彭家桥社区,党支部\n'
            "东湖区,百花洲街道,,党支部\n")
    rows = _rows(_csv(tmp_path, text), standard)
    assert isinstance(rows[0], CommunityRow) and rows[0].line == 2
    assert isinstance(rows[1], RowProblem) and rows[1].line == 4


def test_non_utf8_row_is_a_row_problem_and_the_others_go_on(tmp_path: Path,
                                                             standard: Standard) -> None:
    """A GBK-encoded row is a problem at its line; the UTF-8 rows after it are read."""
    path = tmp_path / "gbk.csv"
    row = "东湖区,百花洲街道,彭家桥社区,党支部\n"
    path.write_bytes((HEADER + "\n").encode() + row.encode("gbk")
                     + row.replace("彭家桥", "团结").encode())
    rows = _rows(path, standard)
    assert isinstance(rows[0], RowProblem)
    assert str(rows[0]).startswith("gbk.csv:2: expected UTF-8 text")
    assert isinstance(rows[1], CommunityRow) and rows[1].line == 3


def test_non_utf8_header_fails_the_file(tmp_path: Path, standard: Standard) -> None:
    """A file saved in GBK fails at once, at its header line, before any row is read."""
    path = tmp_path / "gbk.csv"
    path.write_bytes("区,街道,社区,党组织\n东湖区,百花洲街道,彭家桥社区,党支部\n".encode("gbk"))
    with pytest.raises(SigngenError, match=r"^gbk.csv:1: expected UTF-8 text"):
        read_communities(path, standard)


def test_empty_file_fails(tmp_path: Path, standard: Standard) -> None:
    """An empty file is a whole-file error asking for a header row."""
    with pytest.raises(SigngenError, match=r"expected a header row .*got an empty file"):
        read_communities(_csv(tmp_path, ""), standard)


def test_duplicate_community_is_an_error_on_the_later_row(tmp_path: Path,
                                                          standard: Standard) -> None:
    """The same community twice in a district and street: the second fails, citing the first."""
    text = (f"{HEADER}\n东湖区,百花洲街道,彭家桥社区,党支部\n"
            "东湖区,百花洲街道,彭家桥社区,党总支\n东湖区,滕王阁街道,彭家桥社区,党支部\n")
    rows = _rows(_csv(tmp_path, text), standard)
    assert [type(r).__name__ for r in rows] == ["CommunityRow", "RowProblem", "CommunityRow"]
    assert str(rows[1]) == ("communities.csv:3: community: expected each community once per "
                            "district and street, got '东湖区-百花洲街道-彭家桥社区' again "
                            "(first on line 2)")


@pytest.mark.parametrize("value", ["abc", "0", "-5", "inf", "nan", "1e9"])
def test_door_sizes_must_be_positive_numbers(tmp_path: Path, standard: Standard,
                                             value: str) -> None:
    """door_width_mm that is not a positive finite number of mm is a located row problem."""
    text = f"{HEADER},door_width_mm\n东湖区,百花洲街道,彭家桥社区,党支部,{value}\n"
    (row,) = _rows(_csv(tmp_path, text), standard)
    assert isinstance(row, RowProblem)
    assert row.issues[0][0] == "door_width_mm" and row.issues[0][1].endswith(f"got {value!r}")


def test_origin_by_id_or_name_and_unknown_origin(tmp_path: Path, standard: Standard) -> None:
    """origin accepts an id or a Chinese name from the spec; anything else lists them."""
    text = (f"{HEADER},origin\n东湖区,百花洲街道,甲社区,党支部,配建\n"
            "东湖区,百花洲街道,乙社区,党支部,reallocated\n"
            "东湖区,百花洲街道,丙社区,党支部,租赁\n")
    rows = _rows(_csv(tmp_path, text), standard)
    assert [getattr(r, "origin", None) for r in rows[:2]] == ["built_along", "reallocated"]
    assert isinstance(rows[2], RowProblem)
    known = ", ".join(f"{o.id} ({o.name})" for o in standard.origins)
    assert rows[2].issues == (("origin", f"expected one of {known}, got '租赁'"),)


def test_logo_is_relative_to_the_file_and_must_exist(tmp_path: Path,
                                                     standard: Standard) -> None:
    """A logo path is resolved next to the CSV; a missing or non-SVG/PNG one is a row problem."""
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    text = (f"{HEADER},logo\n东湖区,百花洲街道,甲社区,党支部,logo.svg\n"
            "东湖区,百花洲街道,乙社区,党支部,missing.png\n"
            "东湖区,百花洲街道,丙社区,党支部,logo.gif\n")
    rows = _rows(_csv(tmp_path, text), standard)
    assert isinstance(rows[0], CommunityRow) and rows[0].logo == tmp_path / "logo.svg"
    assert isinstance(rows[1], RowProblem) and "existing logo file" in rows[1].issues[0][1]
    assert isinstance(rows[2], RowProblem) and ".svg or .png" in rows[2].issues[0][1]


def test_rows_are_streamed(tmp_path: Path, standard: Standard) -> None:
    """The rows come from an iterator: the first is available before the rest are read."""
    body = "".join(f"东湖区,百花洲街道,社区{i},党支部\n" for i in range(2000))
    rows = read_communities(_csv(tmp_path, f"{HEADER}\n{body}"), standard)
    assert isinstance(rows, Iterator)
    first = next(rows)
    assert isinstance(first, CommunityRow) and first.values["community"] == "社区0"
    rows.close()  # type: ignore[attr-defined]
    source = open_communities(tmp_path / "communities.csv", standard)
    rows = source.rows()
    next(rows)
    assert 0 < source.fraction() < 1
    assert sum(1 for _ in rows) == 1999 and source.fraction() == 1.0


def _xlsx_with_sheet(tmp_path: Path, change: Callable[[bytes], bytes], rows: int = 10) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for i in range(rows):
        sheet.append(["东湖区", "百花洲街道", f"社区{i}", "党支部"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    changed = tmp_path / "c.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(changed, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, change(data) if info.filename == "xl/worksheets/sheet1.xml"
                         else data)
    return changed


@pytest.mark.parametrize("dimension", [b"A1:D3", b"A1"])
def test_xlsx_dimension_tag_is_not_trusted(tmp_path: Path, standard: Standard,
                                           dimension: bytes) -> None:
    """A workbook of 10 rows whose <dimension> claims A1:D3 (or A1) still gives 10 rows."""
    path = _xlsx_with_sheet(tmp_path, lambda d: re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="' + dimension + b'"', d))
    rows = _rows(path, standard)
    assert len(rows) == 10 and all(isinstance(r, CommunityRow) for r in rows)


def test_truncated_sheet_is_a_located_problem_after_the_good_rows(tmp_path: Path,
                                                                  standard: Standard) -> None:
    """A sheet XML cut short: the rows before the cut are read, then one located problem."""
    path = _xlsx_with_sheet(tmp_path, lambda d: d[: len(d) * 2 // 3])
    rows = _rows(path, standard)
    *good, last = rows
    assert good and all(isinstance(r, CommunityRow) for r in good)
    assert isinstance(last, RowProblem) and last.line == len(good) + 2
    assert "damaged or truncated sheet" in str(last)


def test_csv_cell_over_the_field_limit_is_a_row_problem(tmp_path: Path,
                                                        standard: Standard) -> None:
    """A cell larger than the csv module's field limit fails its row; the next row is read."""
    huge = '"' + "x" * (csv.field_size_limit() + 10) + '"'
    path = _csv(tmp_path, f"{HEADER}\n东湖区,百花洲街道,{huge},党支部\n"
                          "东湖区,百花洲街道,团结社区,党支部\n")
    rows = _rows(path, standard)
    assert isinstance(rows[0], RowProblem) and rows[0].line == 2
    assert "field larger than field limit" in str(rows[0])
    assert isinstance(rows[1], CommunityRow) and rows[1].line == 3


def test_control_characters_in_a_cell_are_a_row_problem(tmp_path: Path,
                                                        standard: Standard) -> None:
    """A NUL or other control character in a cell (not allowed in SVG or XML) fails the row."""
    path = _csv(tmp_path, f"{HEADER}\n东湖区,百花洲街道,团结\x00社区,党支部\n")
    (row,) = _rows(path, standard)
    assert isinstance(row, RowProblem)
    assert row.issues == (("community", "expected printable text, got the control "
                                        "character U+0000"),)


def test_standard_without_once_plaques_says_so(tmp_path: Path) -> None:
    """--standard learning-community has no plaques: the message says that, not headers."""
    from signgen.spec.load import load_standard

    learning = load_standard(ROOT / "specs" / "learning-community")
    with pytest.raises(SigngenError, match=r"^--standard: expected a standard with plaques "
                                           r"made once per community .*got "
                                           r"'learning-community', which has no plaques$"):
        read_communities(_csv(tmp_path, f"{HEADER}\n"), learning)
