"""Communities workbooks as people head them: 序号/备注 columns, 社区名称, 门宽(mm), 街道(乡镇),
spaces inside choices and thousands separators."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from signgen.communities.rows import CommunityRow, RowProblem, open_communities, read_communities
from signgen.errors import SigngenError
from signgen.spec.model import Standard


def _xlsx(tmp_path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / "communities.xlsx"
    wb.save(path)
    return path


def test_everyday_headers_and_values(tmp_path: Path, standard: Standard) -> None:
    """序号 and 备注 are kept out; 社区名称, 街道(乡镇), 门宽(mm) map; 党 总支 and 1,500 read."""
    path = _xlsx(tmp_path, [
        ["序号", "区", "街道(乡镇)", "社区名称", "党组织", "门宽(mm)", "备注"],
        [1, "东湖区", "百花洲街道", "彭家桥社区", "党 总支", "1,500", "东门"],
        [2, "东湖区", "百花洲街道", "墩子塘社区", "党委", "1200", ""],
    ])
    rows = list(read_communities(path, standard))
    good, bad = rows
    assert isinstance(good, CommunityRow)
    assert good.values["party_org"] == "党总支" and good.door_width_mm == 1500
    assert good.values["community"] == "彭家桥社区"
    assert isinstance(bad, RowProblem)  # one bad row, the file still read
    assert "party_org" in str(bad)


def test_misspelt_required_header_gets_a_did_you_mean(tmp_path: Path,
                                                       standard: Standard) -> None:
    """A misspelt required header is kept out with a did-you-mean, and the missing column's
    error points at it."""
    path = _xlsx(tmp_path, [["district", "street", "comunity", "party_org"],
                            ["东湖区", "百花洲街道", "彭家桥社区", "党支部"]])
    with pytest.raises(SigngenError) as err:
        list(read_communities(path, standard))
    assert str(err.value) == ("communities.xlsx:1: community: 缺少 community（社区）列；第 C 列 "
                              "'comunity' 可能就是这一列（是否想写 'community'？）")


def test_misspelt_optional_header_is_a_note_with_a_did_you_mean(tmp_path: Path,
                                                                standard: Standard) -> None:
    """A misspelt optional header (门宽度) is kept out; its note names the closest header."""
    path = _xlsx(tmp_path, [["区", "街道", "社区", "党组织", "门框宽"],
                            ["东湖区", "百花洲街道", "彭家桥社区", "党支部", "1500"]])
    source = open_communities(path, standard)
    (note,) = source.notes
    assert (note.letter, note.number, note.header, note.guess) == ("E", 5, "门框宽", "门宽")
    assert "（是否想写 '门宽'？）" in note.text()
    (row,) = source.rows()
    assert isinstance(row, CommunityRow) and row.door_width_mm is None


def test_title_row_above_the_header(tmp_path: Path, standard: Standard) -> None:
    """A title row (and a blank row) above the header are read past; line numbers stay."""
    path = _xlsx(tmp_path, [["东湖区社区名单"], [],
                            ["区", "街道", "社区", "党组织"],
                            ["东湖区", "百花洲街道", "彭家桥社区", "党支部"]])
    (row,) = read_communities(path, standard)
    assert isinstance(row, CommunityRow) and row.line == 4
