"""The print PDF as a print shop's prepress checks it: qpdf, Ghostscript, pdfinfo, pdffonts."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from plaque_cases import PENGJIAQIAO, TUANJIE

from signgen.artwork.panels import ink_spans, split_panels
from signgen.artwork.print_pdf import MAX_PAGE_PT, PT_PER_MM, PrintFile, print_pdfs, print_setup
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

LONG_NAME = {"district": "莫力达瓦达斡尔族自治旗", "street": "红星二场街道",
             "community": "彭家桥社区"}  # 22 characters


def _geometry(standard: Standard, fonts: FontBook, plaque_id: str,
              values: dict[str, str]) -> PlaqueGeometry:
    return plaque_layout(standard, plaque_text(standard, plaque_id, values), fonts,
                         allow_small=True, community=values.get("community", ""))


def _write(tmp_path: Path, files: list[PrintFile]) -> dict[str, Path]:
    paths = {}
    for f in files:
        path = paths[f.kind] = tmp_path / f"{f.kind}.pdf"
        path.write_bytes(f.data)
    return paths


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          check=True).stdout


def _boxes(path: Path) -> list[dict[str, list[float]]]:
    """Each page's boxes as pdfinfo prints them, in points."""
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", path)).group(1))  # type: ignore[union-attr]
    out = _run("pdfinfo", "-box", "-f", "1", "-l", str(pages), path)
    found: list[dict[str, list[float]]] = [{} for _ in range(pages)]
    for page, box, values in re.findall(r"Page\s+(\d+)\s+(\w+Box):\s+([-\d. ]+)", out):
        found[int(page) - 1][box] = [float(v) for v in values.split()]
    return found


def _ink(path: Path) -> list[tuple[float, float, float, float]]:
    """Ghostscript's ink_cov: per page, the percentage of each ink (C, M, Y, K) it lays."""
    out = _run("gs", "-q", "-r18", "-o", "-", "-sDEVICE=ink_cov", path)
    return [(float(c), float(m), float(y), float(k)) for c, m, y, k in
            re.findall(r"([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK OK", out)]


@pytest.fixture(scope="module")
def party(standard: Standard, fonts: FontBook, tmp_path_factory: pytest.TempPathFactory
          ) -> Path:
    """The party/committee plaque's print PDF."""
    files = print_pdfs(_geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO),
                       standard, fonts)
    assert [f.kind for f in files] == ["print"]
    return _write(tmp_path_factory.mktemp("party"), files)["print"]


def _one_colour(standard: Standard, colour: str) -> Standard:
    """The standard with the lobby slogan plaque all in one colour: background and letters."""
    layouts = [lay.model_copy(update={"background": colour, "segment_styles": [
        s.model_copy(update={"colour": colour}) for s in lay.segment_styles]})
        if lay.plaque == "service-purpose-plaque" else lay
        for lay in standard.project_defaults.plaque_layouts]
    defaults = standard.project_defaults.model_copy(update={"plaque_layouts": layouts})
    return standard.model_copy(update={"project_defaults": defaults})


def test_qpdf_finds_no_error(party: Path) -> None:
    """qpdf --check passes the print PDF."""
    result = subprocess.run(["qpdf", "--check", str(party)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


@pytest.mark.parametrize(("colour", "expected"), [("red", (0, 100, 100, 0)),
                                                  ("black", (0, 0, 0, 100))])
def test_ghostscript_reads_the_spec_cmyk_exactly(
        standard: Standard, fonts: FontBook, tmp_path: Path, colour: str,
        expected: tuple[int, int, int, int]) -> None:
    """A plaque all in one colour inks exactly its defaults.yml CMYK (red M100 Y100, black K100)."""
    one = _one_colour(standard, colour)
    assert tuple(one.colour_value(colour).cmyk) == expected
    files = print_pdfs(_geometry(one, fonts, "service-purpose-plaque", PENGJIAQIAO), one, fonts)
    [ink] = _ink(_write(tmp_path, files)["print"])
    assert ink == pytest.approx(expected, abs=1e-3)


def test_real_plaque_has_no_rich_black_and_pure_red(party: Path) -> None:
    """The party plaque inks no cyan (no rich black), magenta equal to yellow, some black."""
    [(c, m, y, k)] = _ink(party)
    assert c == 0 and m == y and m > 0 and k > 0


def test_no_rgb_and_no_fonts(party: Path) -> None:
    """No DeviceRGB colour space or rg/RG operator anywhere; pdffonts lists no font."""
    with pikepdf.open(party) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/N") != 4:
                for instruction in pikepdf.parse_content_stream(obj):
                    assert str(instruction.operator) not in ("rg", "RG", "sc", "SC")
        raw = b"".join(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p))
                       for p in pdf.pages)
        assert b"rg" not in raw.replace(b"cm", b"")
        assert "/DeviceRGB" not in repr(list(pdf.objects))
    fonts = _run("pdffonts", party).splitlines()
    assert len(fonts) == 2  # the header and its rule: no font


def test_pdfx4_output_intent_title_and_boxes(standard: Standard, party: Path) -> None:
    """pdfinfo sees PDF/X-4, the title, a TrimBox of 750 x 550 mm and a 3 mm BleedBox."""
    info = _run("pdfinfo", party)
    assert re.search(r"PDF subtype:\s+PDF/X-4", info)
    assert re.search(r"Title:\s+社区党组织、居委会牌匾 — 彭家桥社区", info)
    [boxes] = _boxes(party)
    x0, y0, x1, y1 = boxes["TrimBox"]
    assert (x1 - x0, y1 - y0) == pytest.approx((750 * PT_PER_MM, 550 * PT_PER_MM), abs=0.01)
    bleed = print_setup(standard).bleed_mm * PT_PER_MM
    assert boxes["BleedBox"] == pytest.approx([x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed],
                                              abs=0.01)
    m = boxes["MediaBox"]
    assert m[0] <= boxes["BleedBox"][0] and m[2] >= boxes["BleedBox"][2]
    with pikepdf.open(party) as pdf:
        [intent] = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX" and intent.DestOutputProfile.N == 4
        assert Path(print_setup(standard).icc_profile).read_bytes() == \
            intent.DestOutputProfile.read_bytes()
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert str(pdf.docinfo.Title) == meta["dc:title"]


def test_crop_marks_lie_outside_the_bleed_in_registration_colour(
        standard: Standard, fonts: FontBook, tmp_path: Path, party: Path) -> None:
    """Crop marks widen the page by their offset and length; they ink all four plates."""
    files = print_pdfs(_geometry(standard, fonts, "party-committee-plaque", PENGJIAQIAO),
                       standard, fonts, crop_marks=True)
    [marked] = _boxes(_write(tmp_path, files)["print"])
    [plain] = _boxes(party)
    setup = print_setup(standard)
    slug = (setup.crop_mark_offset_mm + setup.crop_mark_length_mm) * PT_PER_MM
    assert marked["MediaBox"][2] == pytest.approx(plain["MediaBox"][2] + 2 * slug, abs=0.01)
    assert marked["BleedBox"][0] == pytest.approx(plain["BleedBox"][0] + slug, abs=0.01)
    with pikepdf.open(tmp_path / "print.pdf") as pdf:
        [space] = pdf.pages[0].Resources.ColorSpace.values()
        assert [str(space[i]) for i in range(3)] == ["/Separation", "/All", "/DeviceCMYK"]
    [(cyan, *_)] = _ink(tmp_path / "print.pdf")
    assert cyan > 0  # only the marks ink cyan


def test_same_input_same_bytes(standard: Standard) -> None:
    """Two fresh renderings give identical bytes (dates from the standard, id deterministic)."""
    def once() -> bytes:
        fonts = FontBook(standard)
        return print_pdfs(_geometry(standard, fonts, "workstation-plaque", TUANJIE), standard,
                          fonts)[0].data
    assert once() == once()


def test_22_character_name_sign_gets_a_reduced_pdf_and_numbered_panels(
        standard: Standard, fonts: FontBook, tmp_path: Path) -> None:
    """Past 5,080 mm: a 1:10 PDF and 1:1 panels cut between characters, all pages in limits."""
    geometry = _geometry(standard, fonts, "name-sign", LONG_NAME)
    assert len(geometry.text) == 22 and geometry.width_mm > 5080
    setup = print_setup(standard)
    files = print_pdfs(geometry, standard, fonts, crop_marks=True)
    assert [f.kind for f in files] == [f"print-1to{setup.reduced_scale:g}", "panels"]
    paths = _write(tmp_path, files)
    for path in paths.values():
        assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
        for boxes in _boxes(path):
            assert max(boxes["MediaBox"]) <= MAX_PAGE_PT
    [reduced] = _boxes(paths["print-1to10"])
    x0, _, x1, _ = reduced["TrimBox"]
    assert x1 - x0 == pytest.approx(geometry.width_mm / setup.reduced_scale * PT_PER_MM, abs=0.01)
    assert reduced["BleedBox"] == reduced["TrimBox"]  # a banner-type sign: no bleed
    assert "1:10" in _run("pdfinfo", paths["print-1to10"])
    panels = split_panels(geometry, fonts, sheet_long_mm=setup.panel_width_mm,
                          sheet_short_mm=setup.panel_height_mm,
                          overlap_mm=setup.panel_overlap_mm)
    pages = _boxes(paths["panels"])
    assert len(pages) == len(panels) >= 4
    assert f"panels ×{len(panels)}" in _run("pdfinfo", paths["panels"])
    for panel, boxes in zip(panels, pages, strict=True):
        x0, _, x1, _ = boxes["TrimBox"]
        assert x1 - x0 == pytest.approx(panel.width_mm * PT_PER_MM, abs=0.01)
        assert panel.width_mm <= setup.panel_width_mm
    for left, right in itertools.pairwise(panels):
        assert left.right_mm - right.left_mm == pytest.approx(setup.panel_overlap_mm)
        cut = (left.right_mm + right.left_mm) / 2
        assert not any(a < cut < b for a, b in ink_spans(geometry, fonts))
    assert panels[0].left_mm == 0 and panels[-1].right_mm == geometry.width_mm
