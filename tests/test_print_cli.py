"""Shop files from the command line: render --format print-pdf/dxf and batch --formats."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from plaque_cases import TUANJIE
from project_paths import ROOT

from signgen.cli.main import main

SETS = [arg for key, value in TUANJIE.items() for arg in ("--set", f"{key}={value}")]


def _render(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["render", *args, "--specs", str(ROOT / "specs")])
    return result.exit_code, result.stdout, result.stderr


def test_render_print_pdf_names_the_file_and_qpdf_accepts_it(runner: CliRunner,
                                                             tmp_path: Path) -> None:
    """A 750 mm plaque gives PLAQUE-COMMUNITY.print.pdf, which qpdf checks clean."""
    code, _, err = _render(runner, "party-committee-plaque", *SETS, "--format", "print-pdf",
                           "-o", f"{tmp_path}/")
    assert code == 0, err
    path = tmp_path / f"party-committee-plaque-{TUANJIE['community']}.print.pdf"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    assert "mm ink" in err


def test_render_large_sign_writes_the_reduced_pdf_and_the_panels(runner: CliRunner,
                                                                 tmp_path: Path) -> None:
    """The 8.8 m name sign gives FILE.print-1to10.pdf and FILE.panels.pdf beside -o FILE."""
    code, _, err = _render(runner, "name-sign", *SETS, "--format", "print-pdf", "--crop-marks",
                           "-o", str(tmp_path / "sign.pdf"))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sign.panels.pdf",
                                                           "sign.print-1to10.pdf"]


def test_render_large_sign_to_stdout_is_refused(runner: CliRunner) -> None:
    """Two files cannot go to stdout: exit 2, naming both and asking for a folder."""
    code, _, err = _render(runner, "name-sign", *SETS, "--format", "print-pdf", "-o", "-")
    assert code == 2
    assert "print-1to10.pdf, panels.pdf" in err and "give a folder" in err
    assert "Traceback" not in err


def test_render_dxf(runner: CliRunner, tmp_path: Path) -> None:
    """--format dxf writes PLAQUE-COMMUNITY.dxf, an AutoCAD DXF starting with its header."""
    code, _, err = _render(runner, "workstation-plaque", *SETS, "--format", "dxf", "-o",
                           f"{tmp_path}/")
    assert code == 0, err
    data = (tmp_path / f"workstation-plaque-{TUANJIE['community']}.dxf").read_text()
    assert data.startswith("  0\nSECTION\n  2\nHEADER\n") and "LWPOLYLINE" in data


def test_batch_writes_print_pdf_and_dxf_per_plaque(runner: CliRunner, tmp_path: Path) -> None:
    """batch --formats print-pdf,dxf puts each plaque's shop files in its community folder."""
    source = tmp_path / "one.csv"
    source.write_text("district,street,community,party_org\n"
                      + ",".join(TUANJIE[k] for k in ("district", "street", "community",
                                                      "party_org")) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["batch", str(source), "-o", str(tmp_path / "out"), "-q",
                                  "--formats", "svg,print-pdf,dxf", "--specs",
                                  str(ROOT / "specs")])
    assert result.exit_code == 0, result.output
    [folder] = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
    names = {p.name for p in folder.iterdir()}
    assert {"party-committee-plaque.print.pdf", "party-committee-plaque.dxf",
            "name-sign.print-1to10.pdf", "name-sign.panels.pdf", "name-sign.dxf"} <= names


def test_render_print_pdf_to_a_named_file(runner: CliRunner, tmp_path: Path) -> None:
    """-o FILE.pdf with one print file writes exactly FILE.pdf, PDF/X-4 as pdfinfo reads it."""
    target = tmp_path / "plaque.pdf"
    code, _, err = _render(runner, "workstation-plaque", *SETS, "--format", "print-pdf",
                           "--crop-marks", "-o", str(target))
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["plaque.pdf"]
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "PDF/X-4" in info


def _slug_pt(path: Path) -> float:
    """How far pdfinfo's MediaBox reaches beyond the BleedBox on the left, in points."""
    info = subprocess.run(["pdfinfo", "-box", str(path)], capture_output=True, text=True,
                          check=True).stdout
    boxes = {m.split(":")[0].strip(): [float(v) for v in m.split(":")[1].split()]
             for m in info.splitlines() if m.strip().startswith(("MediaBox", "BleedBox"))}
    return boxes["BleedBox"][0] - boxes["MediaBox"][0]


def _marks_pt() -> float:
    from signgen.artwork.panels import print_setup
    from signgen.spec.select import load_selected

    setup = print_setup(load_selected(ROOT / "specs", None))
    return (setup.crop_mark_offset_mm + setup.crop_mark_length_mm) * 72 / 25.4


def test_batch_crop_marks_widen_every_print_pdf(runner: CliRunner, tmp_path: Path) -> None:
    """batch --crop-marks: every 1:1 print PDF has the crop marks' slug round its bleed."""
    source = tmp_path / "one.csv"
    source.write_text("district,street,community,party_org\n"
                      + ",".join(TUANJIE[k] for k in ("district", "street", "community",
                                                      "party_org")) + "\n", encoding="utf-8")
    slugs = {}
    for flag in ([], ["--crop-marks"]):
        out = tmp_path / f"out{len(flag)}"
        result = runner.invoke(main, ["batch", str(source), "-o", str(out), "-q", "--formats",
                                      "print-pdf", *flag, "--specs", str(ROOT / "specs")])
        assert result.exit_code == 0, result.output
        [folder] = [p for p in out.iterdir() if p.is_dir()]
        slugs[bool(flag)] = {p.name: _slug_pt(p) for p in folder.glob("*.print.pdf")}
    assert set(slugs[True]) == set(slugs[False]) >= {"party-committee-plaque.print.pdf",
                                                     "workstation-plaque.print.pdf"}
    for name, plain in slugs[False].items():
        assert plain == pytest.approx(0, abs=0.01)
        assert slugs[True][name] == pytest.approx(_marks_pt(), abs=0.01)


def test_batch_crop_marks_without_print_pdf_is_refused(runner: CliRunner, tmp_path: Path
                                                       ) -> None:
    """--crop-marks with no print-pdf in --formats is an option error (exit 2), not ignored."""
    source = tmp_path / "one.csv"
    source.write_text("district,street,community,party_org\n东湖区,百花洲街道,彭家桥社区,党支部\n",
                      encoding="utf-8")
    result = runner.invoke(main, ["batch", str(source), "-o", str(tmp_path / "out"), "-q",
                                  "--formats", "svg", "--crop-marks", "--specs",
                                  str(ROOT / "specs")])
    assert result.exit_code == 2
    assert "--crop-marks: 裁切线只画在印刷 PDF 上" in result.output
    assert "expected the print-pdf format" in result.output
    assert not (tmp_path / "out").exists()


def test_render_and_signs_crop_marks_without_print_pdf_are_refused(runner: CliRunner,
                                                                   tmp_path: Path) -> None:
    """render and signs give the batch's error for --crop-marks without print-pdf (exit 2)."""
    code, _, err = _render(runner, "workstation-plaque", *SETS, "--format", "svg",
                           "--crop-marks", "-o", str(tmp_path / "x.svg"))
    assert code == 2 and "expected the print-pdf format" in err and "Traceback" not in err
    result = runner.invoke(main, ["signs", str(ROOT / "examples" / "plan-compliant.yaml"), "-o",
                                  str(tmp_path / "signs"), "--format", "svg", "--crop-marks",
                                  "--specs", str(ROOT / "specs")])
    assert result.exit_code == 2 and "expected the print-pdf format" in result.stderr
    assert not list(tmp_path.iterdir())


def test_signs_crop_marks_widen_every_print_pdf(runner: CliRunner, tmp_path: Path) -> None:
    """signs --crop-marks: each plan sign's print PDF has the same slug as render's."""
    result = runner.invoke(main, ["signs", str(ROOT / "examples" / "plan-compliant.yaml"), "-o",
                                  str(tmp_path), "--format", "print-pdf", "--crop-marks",
                                  "--specs", str(ROOT / "specs")])
    assert result.exit_code == 0, result.output
    pdfs = sorted(tmp_path.glob("*.print.pdf"))
    assert any(p.name.startswith("window-sign") for p in pdfs)
    assert all(_slug_pt(p) == pytest.approx(_marks_pt(), abs=0.01) for p in pdfs)
