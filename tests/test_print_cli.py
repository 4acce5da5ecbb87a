"""Shop files from the command line: render --format print-pdf/dxf and batch --formats."""

from __future__ import annotations

import subprocess
from pathlib import Path

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
