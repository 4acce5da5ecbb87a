"""Communities workbooks as people head them: 序号/备注 columns, 社区名称, 门宽(mm), 街道(乡镇),
spaces inside choices and thousands separators."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from signgen.communities.rows import CommunityRow, RowProblem, read_communities
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


def test_unknown_header_gets_a_did_you_mean(tmp_path: Path, standard: Standard) -> None:
    """A misspelt header names the closest known one."""
    path = _xlsx(tmp_path, [["district", "street", "comunity", "party_org"],
                            ["东湖区", "百花洲街道", "彭家桥社区", "党支部"]])
    with pytest.raises(SigngenError) as err:
        list(read_communities(path, standard))
    assert "did you mean 'community'?" in str(err.value)


def test_title_row_above_the_header(tmp_path: Path, standard: Standard) -> None:
    """A title row (and a blank row) above the header are read past; line numbers stay."""
    path = _xlsx(tmp_path, [["东湖区社区名单"], [],
                            ["区", "街道", "社区", "党组织"],
                            ["东湖区", "百花洲街道", "彭家桥社区", "党支部"]])
    (row,) = read_communities(path, standard)
    assert isinstance(row, CommunityRow) and row.line == 4
