"""PDF/X-4 as a preflight checks it, without veraPDF: structure, metadata and colour with
pikepdf (tests/pdfx_check.py), and a Ghostscript -dPDFX re-distill that must not complain."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfx_check import pdfx4_problems
from plaque_cases import PENGJIAQIAO, TUANJIE

from signgen.artwork.print_pdf import print_pdfs
from signgen.artwork.raster import svg_to_pdf
from signgen.fonts.book import FontBook
from signgen.plaque.layout import plaque_layout
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

LONG_NAME = {"district": "莫力达瓦达斡尔族自治旗", "street": "红星二场街道",
             "community": "彭家桥社区"}  # 22 characters: past the PDF page limit
CASES = {  # file stem: plaque, values, crop marks
    "party": ("party-committee-plaque", PENGJIAQIAO, False),
    "party-marks": ("party-committee-plaque", PENGJIAQIAO, True),
    "workstation": ("workstation-plaque", TUANJIE, True),
    "slogan": ("service-purpose-plaque", TUANJIE, False),
    "window": ("window-sign", {"window": "民政"}, True),
    "name-sign-long": ("name-sign", LONG_NAME, True),
}


@pytest.fixture(scope="module")
def print_files(standard: Standard, fonts: FontBook, tmp_path_factory: pytest.TempPathFactory
                ) -> dict[str, Path]:
    """Every case's print PDFs, written; the long name sign gives its 1:10 PDF and panels."""
    folder = tmp_path_factory.mktemp("pdfx")
    paths = {}
    for stem, (plaque_id, values, marks) in CASES.items():
        geometry = plaque_layout(standard, plaque_text(standard, plaque_id, values), fonts,
                                 allow_small=True, community=values.get("community", ""))
        for f in print_pdfs(geometry, standard, fonts, crop_marks=marks):
            path = paths[f"{stem}.{f.kind}"] = folder / f"{stem}.{f.kind}.pdf"
            path.write_bytes(f.data)
    assert {"name-sign-long.print-1to10", "name-sign-long.panels"} <= set(paths)
    return paths


@pytest.fixture(scope="module")
def screen_pdf(standard: Standard, fonts: FontBook, tmp_path_factory: pytest.TempPathFactory
               ) -> Path:
    """The cairo screen PDF of the party plaque (RGB, no boxes): what the checks must catch."""
    from signgen.plaque.svg import plaque_svg

    geometry = plaque_layout(standard, plaque_text(standard, "party-committee-plaque",
                                                   PENGJIAQIAO), fonts)
    path = tmp_path_factory.mktemp("screen") / "screen.pdf"
    path.write_bytes(svg_to_pdf(plaque_svg(geometry, standard, fonts, outline=True)))
    return path


def test_every_print_pdf_meets_the_pdfx4_checks(print_files: dict[str, Path]) -> None:
    """Plaques with and without crop marks, a window sign, the 1:10 PDF and the panels."""
    found = {name: pdfx4_problems(path) for name, path in print_files.items()}
    assert found == {name: [] for name in print_files}


def test_the_checks_catch_the_screen_pdf(screen_pdf: Path) -> None:
    """cairo's RGB PDF fails on RGB operators, the RGB group, the missing intent and boxes."""
    problems = pdfx4_problems(screen_pdf)
    for expected in ("RGB colour operator rg", "colour space /DeviceRGB",
                     "transparency group blending in RGB", "output intent", "no /TrimBox",
                     "no XMP metadata"):
        assert any(expected in p for p in problems), (expected, problems)


def _no_trim(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].obj["/TrimBox"]


def _trim_outside_bleed(pdf: pikepdf.Pdf) -> None:
    box = [float(v) for v in pdf.pages[0].BleedBox]
    pdf.pages[0].TrimBox = [box[0] - 1, box[1], box[2], box[3]]


def _title_disagrees(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo.Title = "another title"


def _trapped_string(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo.Trapped = pikepdf.String("False")


def _rgb_fill(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].contents_add(pdf.make_stream(b"1 0 0 rg 0 0 10 10 re f"))


def _rgb_profile(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OutputIntents[0].DestOutputProfile.write(
        Path("/usr/share/color/icc/ghostscript/default_rgb.icc").read_bytes())


def _rgb_image(pdf: pikepdf.Pdf) -> None:
    image = pdf.make_stream(b"\xff\x00\x00", Type=pikepdf.Name.XObject,
                            Subtype=pikepdf.Name.Image, Width=1, Height=1, BitsPerComponent=8,
                            ColorSpace=pikepdf.Name.DeviceRGB)
    pdf.pages[0].Resources.XObject["/Im0"] = image


def _no_pdfx_version(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        del meta["pdfxid:GTS_PDFXVersion"]


def _encrypted(pdf: pikepdf.Pdf) -> None:
    pass  # saved with encryption below


BREAKS: dict[str, tuple[Callable[[pikepdf.Pdf], None], str]] = {
    "no trim box": (_no_trim, "no /TrimBox"),
    "trim outside bleed": (_trim_outside_bleed, "TrimBox not inside BleedBox"),
    "title disagrees": (_title_disagrees, "dc:title"),
    "trapped as a string": (_trapped_string, "/Trapped must be the name"),
    "an rg fill": (_rgb_fill, "RGB colour operator rg"),
    "an RGB profile": (_rgb_profile, "expected an output (prtr) CMYK profile"),
    "an RGB image": (_rgb_image, "colour space /DeviceRGB"),
    "no PDF/X version in XMP": (_no_pdfx_version, "pdfxid:GTS_PDFXVersion"),
    "encrypted": (_encrypted, "encrypted"),
}


@pytest.mark.parametrize("case", BREAKS)
def test_each_check_fails_when_its_requirement_is_broken(
        print_files: dict[str, Path], tmp_path: Path, case: str) -> None:
    """A print PDF broken in one way gives that problem (so a clean result means something)."""
    change, expected = BREAKS[case]
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(print_files["party.print"]) as pdf:
        change(pdf)
        encryption = pikepdf.Encryption(owner="o", user="") if case == "encrypted" else None
        pdf.save(broken, encryption=encryption or False)
    problems = pdfx4_problems(broken)
    assert any(expected in p for p in problems), problems


def _distill(source: Path, target: Path) -> str:
    """Ghostscript's -dPDFX re-distill to CMYK; everything it printed but its banner."""
    done = subprocess.run(["gs", "-dPDFX", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite",
                           "-sColorConversionStrategy=CMYK", f"-sOutputFile={target}",
                           str(source)], capture_output=True, text=True)
    banner = ("GPL Ghostscript", "Copyright", "This software", "see the file", "Processing",
              "Page ")
    said = [line for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith(banner)]
    return f"exit {done.returncode}\n" + "\n".join(said)


def _inks(path: Path) -> list[tuple[float, ...]]:
    out = subprocess.run(["gs", "-q", "-r18", "-o", "-", "-sDEVICE=ink_cov", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(float(v) for v in m) for m in
            re.findall(r"([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK OK", out)]


def _boxes(path: Path) -> str:
    info = subprocess.run(["pdfinfo", "-box", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return "\n".join(line for line in info.splitlines() if "Box" in line)


@pytest.mark.parametrize("name", ["party-marks.print", "name-sign-long.panels"])
def test_ghostscript_pdfx_redistill_keeps_boxes_and_inks(
        print_files: dict[str, Path], tmp_path: Path, name: str) -> None:
    """gs -dPDFX re-distils without a word, keeping every box and every ink (no conversion)."""
    source = print_files[name]
    target = tmp_path / "distilled.pdf"
    assert _distill(source, target) == "exit 0\n"
    assert _boxes(target) == _boxes(source)
    before, after = _inks(source), _inks(target)
    assert len(after) == len(before)
    for page_before, page_after in zip(before, after, strict=True):
        assert page_after == pytest.approx(page_before, abs=0.01)


def test_ghostscript_redistill_catches_damage_and_rgb(
        print_files: dict[str, Path], screen_pdf: Path, tmp_path: Path) -> None:
    """The same re-distill complains about a damaged file and turns RGB black into four inks."""
    data = print_files["party.print"].read_bytes()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[:data.rfind(b"startxref")] + b"startxref\n12345\n%%EOF\n")
    assert "repaired" in _distill(damaged, tmp_path / "out.pdf")
    assert _distill(screen_pdf, tmp_path / "screen-cmyk.pdf") == "exit 0\n"
    [(cyan, *_)] = _inks(tmp_path / "screen-cmyk.pdf")
    assert cyan > 1  # a rich black: what the print PDF's K100 avoids
