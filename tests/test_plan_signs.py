"""Every sign of a plan as files: one set per schedule row, named by its id, sizes as in the
schedule, the XLSX schedule set up for print, names escaped, paths inside the output folder."""

from __future__ import annotations

import csv
import io
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from project_paths import ROOT

from signgen.cli.main import main
from signgen.contractor.plan import load_plan
from signgen.contractor.schedule import artwork_name, schedule_rows
from signgen.contractor.schedule_xlsx import schedule_xlsx
from signgen.contractor.signs import plan_sign_files
from signgen.fonts.book import FontBook
from signgen.spec.model import Standard

COMPLIANT = ROOT / "examples" / "plan-compliant.yaml"
PT_PER_MM = 72 / 25.4
HOSTILE = '=HYPERLINK("x") <b>&'
LONG = "城乡居民基本医疗保险与城乡居民基本养老保险参保登记缴费咨询服务窗口"


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "community: {district: 东湖区, street: 百花洲街道, community: '<彭家桥&\"社区>', "
        "party_org: 党总支}\norigin: 购买\n"
        "rooms:\n  - {name: 大厅, area_m2: 90, zone: office, functions: [一站式服务大厅]}\n"
        f"windows: [民政, '{HOSTILE}', {LONG}]\nboards: [党建]\n", encoding="utf-8")
    return path


def _svg_size(data: bytes) -> tuple[float, float]:
    root = ET.fromstring(data)
    return (float(root.get("width", "").removesuffix("mm")),
            float(root.get("height", "").removesuffix("mm")))


def test_every_schedule_row_gets_files_named_by_its_id(standard: Standard,
                                                        fonts: FontBook) -> None:
    """plan-compliant.yaml: every plaque row of the schedule has an SVG named ID.svg, the
    logo row none; no two rows share a name; every row has its own sign number."""
    plan = load_plan(COMPLIANT, standard)
    signs = list(plan_sign_files(standard, fonts, plan, ("svg",)))
    rows = schedule_rows(standard, plan, "zh", fonts)
    assert [s.row.id for s in signs] == [r.id for r in rows]
    for sign in signs:
        if sign.row.id.startswith("logo-"):
            assert sign.files == () and sign.row.artwork == ""
        else:
            assert [name for name, _ in sign.files] == [f"{sign.row.id}.svg"]
            assert sign.row.artwork == f"{sign.row.id}.svg"
    kinds = [r.plaque_id for r in rows]
    assert kinds.count("window-sign") == len(plan.windows)
    assert kinds.count("room-plaque") == len(plan.rooms)
    assert kinds.count("board-header") == len(plan.boards)
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))


def test_schedule_widths_equal_the_rendered_widths(standard: Standard, fonts: FontBook) -> None:
    """Each row's width and height (numbers, mm) are the SVG's, including the name sign's
    computed 8,750 mm where the spec says the width follows the text."""
    plan = load_plan(COMPLIANT, standard)
    signs = [s for s in plan_sign_files(standard, fonts, plan, ("svg",)) if s.made]
    for sign in signs:
        width, height = _svg_size(sign.files[0][1])
        assert isinstance(sign.row.width, float)
        assert sign.row.width == pytest.approx(width, abs=0.05), sign.row.id
        assert sign.row.height_mm == pytest.approx(height, abs=0.05), sign.row.id
    name_sign = next(s.row for s in signs if s.row.id == "name-sign")
    assert name_sign.width == 8750


def test_cli_writes_every_format_and_reports_refusals(runner: CliRunner,
                                                      tmp_path: Path) -> None:
    """`signgen signs` writes each made sign in every format (PDF page size checked with
    pdfinfo), lists refused signs by id without stopping the others, exits 1, and writes a
    schedule whose artwork names are the files in the folder."""
    out = tmp_path / "out"
    result = runner.invoke(main, ["signs", str(_plan(tmp_path)), "-o", str(out),
                                  "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "2 refused: window-sign-x02, window-sign-x03" in result.stderr
    assert "window-sign-x03: refused (not made)" in result.stderr
    names = {p.name for p in out.iterdir()}
    assert not any(n.startswith(("window-sign-x02", "window-sign-x03")) for n in names)
    for suffix in (".svg", ".pdf", ".png", ".print.pdf", ".dxf"):
        assert f"window-sign-civil-affairs{suffix}" in names
        assert f"board-header-party-building{suffix}" in names
    with (out / "schedule.csv").open(encoding="utf-8-sig") as handle:
        table = list(csv.DictReader(handle))
    artwork = {r["Artwork file"] for r in table} - {""}
    assert artwork - names == {"window-sign-x02.svg", "window-sign-x03.svg"}
    row = next(r for r in table if r["ID"] == "room-plaque-r01")
    info = subprocess.run(["pdfinfo", str(out / "room-plaque-r01.pdf")], check=True,
                          capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width_pt = float(size.split()[2])
    assert width_pt / PT_PER_MM == pytest.approx(float(row["Width (mm)"]), abs=0.1)


def test_xlsx_print_setup_and_numbers_read_back(standard: Standard, fonts: FontBook) -> None:
    """The XLSX schedule reads back with A3 landscape fit to one page wide, the header row
    repeated, an autofilter over every row, wrapped text, and numeric sizes as numbers."""
    plan = load_plan(COMPLIANT, standard)
    rows = schedule_rows(standard, plan, "zh", fonts)
    sheet = openpyxl.load_workbook(io.BytesIO(schedule_xlsx(standard, rows))).active
    assert sheet is not None
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A3)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}"\
        f"{len(rows) + 1}"
    header = [c.value for c in sheet[1]]
    width_col = header.index("宽(毫米)") + 1
    number_col = header.index("序号") + 1
    name_sign = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "name-sign")
    assert name_sign[width_col - 1].value == 8750
    assert name_sign[width_col - 1].data_type == "n"
    assert [r[number_col - 1].value for r in sheet.iter_rows(min_row=2)] == \
        list(range(1, len(rows) + 1))
    assert all(c.alignment.wrap_text for c in sheet[1])


def test_names_escaped_in_files_and_schedule(runner: CliRunner, tmp_path: Path) -> None:
    """A community name with <, & and quotes parses back from the SVG as typed; a window name
    that looks like a formula is text in the CSV and XLSX."""
    out = tmp_path / "out"
    runner.invoke(main, ["signs", str(_plan(tmp_path)), "-o", str(out), "--format", "svg",
                         "--text", "--allow-small"])
    root = ET.parse(out / "name-sign.svg").getroot()
    texts = "".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert '<彭家桥&"社区>' in texts
    window = ET.parse(out / "window-sign-x02.svg").getroot()
    assert HOSTILE in "".join(window.itertext())
    csv_text = (out / "schedule.csv").read_text(encoding="utf-8-sig")
    assert f"'{HOSTILE}" in csv_text.replace('""', '"')
    sheet = openpyxl.load_workbook(out / "schedule.xlsx").active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
             and HOSTILE in c.value]
    assert cells and all(c.data_type == "s" and c.value.startswith("'") for c in cells)


def test_paths_never_leave_the_output_folder(runner: CliRunner, tmp_path: Path) -> None:
    """Artwork names are single safe components, every written file is inside -o, and -o
    naming a file is refused (exit 2, nothing written)."""
    assert artwork_name("../../etc/passwd") == "etc_passwd.svg"
    assert artwork_name("a/b\\c").count("/") == 0
    out = tmp_path / "out"
    runner.invoke(main, ["signs", str(_plan(tmp_path)), "-o", str(out), "--format", "svg"])
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())
        assert path.parent == out
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(main, ["signs", str(_plan(tmp_path)), "-o", str(blocker)])
    assert result.exit_code == 2
    assert "expected a folder" in result.stderr
    assert blocker.read_text() == "x"
