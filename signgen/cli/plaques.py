"""CLI commands: plaques (list them) and render (one plaque, SVG/PDF/PNG).

Registered on `signgen` by :mod:`signgen.cli.main`.
"""

from __future__ import annotations

from pathlib import Path

import click

from signgen.artwork.print_files import SHOP_FORMATS
from signgen.artwork.render import render_plaque
from signgen.cli.emit import emit
from signgen.cli.formats import output_format
from signgen.cli.options import (
    allow_small_option,
    fonts_dir_option,
    parse_values,
    px_per_mm_option,
    set_option,
    specs_option,
    standard_option,
)
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.files import safe_join, safe_name
from signgen.output.numbers import mm
from signgen.plaque.layout import PlaqueGeometry
from signgen.spec.model import Plaque, Standard
from signgen.spec.select import load_selected

FORMATS = ("svg", "pdf", "png", *SHOP_FORMATS)
SUFFIXES: dict[str, str | tuple[str, ...]] = {
    ".svg": "svg", ".pdf": ("pdf", "print-pdf"), ".png": ("png", "png-tiles"), ".dxf": "dxf"}
DEFAULT_PX_PER_MM = 2.0

def plaque_size_text(standard: Standard, plaque: Plaque) -> str:
    """A plaque's size as the standard gives it, with project defaults marked as such."""
    layout = standard.layout(plaque.id)
    default = " (project default)"
    if plaque.size.width_mm is not None:
        width = f"{mm(plaque.size.width_mm)} mm"
    elif layout.width_from_text:
        width = (f"follows text, {mm(layout.min_width_mm or 0)}-"
                 f"{mm(layout.max_width_mm or 0)} mm{default}")
    else:
        width = f"{mm(layout.width_mm or 0)} mm{default}"
    if plaque.size.height_mm is not None:
        height = f"{mm(plaque.size.height_mm)} mm"
    else:
        height = f"{mm(layout.height_mm or 0)} mm{default}"
    return f"width {width} x height {height}"


@click.command("plaques")
@specs_option
@standard_option
def plaques_command(specs_dir: Path, standard_id: str | None) -> None:
    """List every plaque of the standard: id, name, English name and size.

    Sizes the standard leaves open come from the project defaults and are marked so.

    Example: signgen plaques --specs specs
    """
    standard = load_selected(specs_dir, standard_id)
    if not standard.plaques:
        click.echo(f"{standard.id}: no plaques")
    for plaque in standard.plaques:
        click.echo(f"{plaque.id}\t{plaque.name}\t{plaque.name_en}\t"
                   f"{plaque_size_text(standard, plaque)}")


def output_path(out: str | None, plaque_id: str, community: str, fmt: str) -> Path | None:
    """Where to write: None for stdout (``-o -``), a safe name in a folder, or ``out`` itself.

    Without ``-o`` (or with ``-o`` naming a folder) the name is ``PLAQUE_ID[-COMMUNITY].FMT``,
    made safe, so a community name can never point outside the folder.
    """
    if out == "-":
        return None
    name = safe_name(f"{plaque_id}-{community}" if community else plaque_id) + f".{fmt}"
    if out is None:
        return safe_join(Path(), name)
    target = Path(out)
    if target.is_dir() or out.endswith(("/", "\\")):
        return safe_join(target, name)
    if target.name in ("", ".", ".."):
        raise SigngenError(f"-o: expected a file or folder path, got {out!r}")
    return target


def shop_paths(out: str | None, plaque_id: str, community: str,
               files: list[tuple[str, bytes]]) -> list[tuple[Path | None, bytes]]:
    """Where each shop file goes: ``-o FILE`` for a single file, else names beside it.

    Raises:
        SigngenError: several files (a sign past the PDF page limit) asked for on stdout.
    """
    if out == "-" and len(files) > 1:
        raise SigngenError(f"-o -: 标准输出只能写一个文件，实为 {len(files)} 个"
                           f"（{', '.join(name for name, _ in files)}）；请给出文件夹 "
                           f"(expected one file, got {len(files)}: a sign past the PDF page "
                           "limit, or PNG tiles; give a folder)")
    target = Path(out) if out not in (None, "-") else None
    is_file = target is not None and not target.is_dir() and not str(out).endswith(("/", "\\"))
    if len(files) == 1 and (out == "-" or is_file):
        return [(output_path(out, plaque_id, community, files[0][0]), files[0][1])]
    if target is not None and is_file:
        stem = target.name.split(".")[0]
        return [(target.with_name(f"{stem}.{name}"), data) for name, data in files]
    return [(output_path(out, plaque_id, community, name), data) for name, data in files]


def describe_heights(geometry: PlaqueGeometry) -> str:
    """One line for stderr: size, and each line's letter height as em and as measured ink."""
    lines = ", ".join(f"line {i} {mm(line.letter_height_mm)} mm em / "
                      f"{line.ink_height_mm:.1f} mm ink"
                      for i, line in enumerate(geometry.lines, 1))
    return (f"{geometry.plaque_id}: {mm(geometry.width_mm)} x {mm(geometry.height_mm)} mm; "
            f"letter heights: {lines} (em: body size; ink: tallest character as measured; "
            f"em shared {mm(geometry.letter_height_mm)}, "
            f"min {mm(geometry.min_letter_height_mm)}, "
            f"max {mm(geometry.max_letter_height_mm)})")


@click.command("render")
@click.argument("plaque_id")
@set_option
@click.option("--outline/--text", default=False,
              help="SVG: outline every glyph (for print) or keep <text> (for editing). "
                   "PDF and PNG are always outlined.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="svg; pdf (screen, RGB); png; print-pdf (PDF/X-4 in the spec's CMYK with "
                   "trim and bleed: a 1:10 PDF and 1:1 panels past 5,080 mm); dxf (cut "
                   "letters, a layer per colour); png-tiles (one PNG per 1:1 panel, for a "
                   "PNG past cairo's 32,767 px). Default: from -o's suffix (.pdf is pdf, "
                   ".png is png), else svg; must agree with -o's suffix.")
@click.option("--crop-marks", is_flag=True, help="print-pdf: crop marks outside the bleed.")
@fonts_dir_option
@allow_small_option
@px_per_mm_option(DEFAULT_PX_PER_MM)
@click.option("-o", "--output", "out", default=None, metavar="PATH",
              help="Output file, folder, or - for stdout (default: PLAQUE_ID-COMMUNITY.FORMAT "
                   "in the current folder).")
@specs_option
@standard_option
def render_command(plaque_id: str, pairs: tuple[str, ...], outline: bool, fmt: str | None,
                   crop_marks: bool, fonts_dir: Path | None, allow_small: bool,
                   px_per_mm: float, out: str | None, specs_dir: Path,
                   standard_id: str | None) -> None:
    """Render one plaque at true size for one community, as SVG, PDF, PNG or shop files.

    Values are full names; fields left out show their placeholders (??区...). The format
    follows -o's suffix (-o plaque.pdf writes a PDF); --format is for stdout or a folder.
    The letter heights chosen by the copy-fit go to stderr.

    Example:

    \b
      signgen render party-committee-plaque --set district=东湖区 \\
        --set street=百花洲街道 --set community=彭家桥社区 --set party_org=党支部 \\
        --format pdf -o out/
    """
    standard = load_selected(specs_dir, standard_id)
    if not standard.plaques:
        raise SigngenError(f"--standard: expected a standard with plaques, got {standard.id!r} "
                           "which has none")
    chosen = output_format(out, fmt, SUFFIXES, "svg")
    values = parse_values(standard, pairs)
    community = values.get("community", "")
    fonts = FontBook(standard, fonts_dir)
    kind = "svg-outlined" if chosen == "svg" and outline else chosen
    rendered = render_plaque(standard, fonts, plaque_id, values, (kind,),
                             allow_small=allow_small, px_per_mm=px_per_mm,
                             crop_marks=crop_marks)
    rendered.raise_if_refused()
    click.echo(describe_heights(rendered.geometry), err=True)
    for warning in rendered.warnings:
        click.echo(f"warning: {warning}", err=True)
    if kind in SHOP_FORMATS:
        for path, data_file in shop_paths(out, plaque_id, community, list(rendered.shop[kind])):
            emit(path, data_file)
        return
    emit(output_path(out, plaque_id, community, chosen), rendered.files[kind])


COMMANDS: list[click.Command] = [plaques_command, render_command]
