"""CLI commands: batch (every community of a file), elevation and drawing.

Registered on `signgen` by :mod:`signgen.cli.main`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from signgen.artwork.raster import svg_to_pdf, svg_to_png
from signgen.artwork.render import render_plaque
from signgen.batch.run import FORMATS, BatchOptions, BatchSummary, CommunityResult, run_batch
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
from signgen.cli.plaques import output_path
from signgen.drawings.elevation_svg import DEFAULT_SCALE, elevation_svg
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.spec.select import load_selected

PROGRESS_STEPS = 1000  # the bar follows how much of the file has been read


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise SigngenError(f"--formats: expected a comma-separated list of "
                           f"{', '.join(FORMATS)}, got {value!r}")
    return formats


def _out_dir(value: str) -> Path:
    if not value.strip():
        raise SigngenError(f"-o: expected an output folder, got {value!r} (an empty path "
                           "would write into the current folder)")
    return Path(value)


def _print_summary(summary: BatchSummary, out_dir: Path, seconds: float) -> None:
    failed = summary.failed
    for note in summary.notes:  # columns kept out: Chinese, then English
        click.echo(f"{note.text('zh')}\n  {note.text('en')}", err=True)
    click.echo(f"batch {summary.source}: {summary.communities} communities, {summary.done} "
               f"done, {len(failed)} failed; {summary.plaques} plaques, {summary.files} files "
               f"in {out_dir} ({seconds:.1f} s)")
    skipped = ", ".join(f"{s['plaque']} ({s['repeat']})" for s in summary.skipped_plaques)
    if skipped:
        click.echo(f"skipped (made from a plan, not from the communities file): {skipped}")
    warnings = summary.warnings
    if warnings:
        click.echo(f"fit warnings ({len(warnings)}):")
        for warning in warnings:
            click.echo(f"  {warning}")
    if failed:
        click.echo(f"failed rows ({len(failed)}):")
        for result in sorted(failed, key=lambda r: r.line):
            for error in result.errors:
                click.echo(f"  {error}")
    click.echo(f"wrote {out_dir / 'summary.json'}")


@click.command("batch")
@click.argument("communities", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              required=True, callback=lambda _c, _p, v: _out_dir(v),
              help="Output folder: one folder and one zip per community.")
@click.option("--outline/--text", default=False,
              help="SVG plaques with outlined glyphs (for print) or <text> (for editing). "
                   "PDF and PNG are always outlined.")
@click.option("--formats", "formats_text", default="svg", show_default=True,
              metavar="LIST", help="Plaque formats, comma-separated: "
                                   f"{','.join(FORMATS)} (print-pdf: PDF/X-4 in CMYK; dxf: "
                                   "cut letters; png-tiles: one PNG per 1:1 panel).")
@click.option("--crop-marks", is_flag=True,
              help="print-pdf: crop marks outside the bleed (as render --crop-marks).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True,
              help="Worker processes (at most the CPU cores this process may use, and 32).")
@click.option("--origin", default=None, metavar="ORIGIN",
              help="How premises were obtained, for rows without an origin column value "
                   "(id or Chinese name; default: the standard's first, e.g. new_build).")
@px_per_mm_option(2.0)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@allow_small_option
@fonts_dir_option
@specs_option
@standard_option
@click.pass_context
def batch_command(ctx: click.Context, communities: Path, out_dir: Path, outline: bool,
                  formats_text: str, crop_marks: bool, jobs: int, origin: str | None,
                  px_per_mm: float, quiet: bool, allow_small: bool, fonts_dir: Path | None,
                  specs_dir: Path, standard_id: str | None) -> None:
    """Render every community of a CSV or XLSX file: plaques, drawings, elevation, zip.

    COMMUNITIES has a header row with the fields the plaques use: district, street,
    community, party_org (or the fields' Chinese labels in the spec), and optionally
    origin (an origin id or Chinese name from the spec), door_width_mm, door_height_mm
    and logo (an SVG or PNG file, relative to the CSV). Everyday headers map (社区名称,
    街道(乡镇), 门宽(mm)); 序号 and 备注 are read past, as is a title row above the header;
    any other column is kept out with a note on stderr and in summary.json. For each row,
    DIR/<district>-<street>-<community>/ gets every plaque set once per community
    (plaques per window, room or board need a plan and are skipped), a design-intent
    drawing of each and the entrance elevation (SVG, plus PDF when --formats has pdf);
    DIR/<folder>.zip holds the same files. DIR/summary.json lists what was done, the fit
    warnings and the failed rows.

    A bad row is reported with its line number and does not stop the others.
    Exit status: 0 all rows done, 1 some rows failed, 2 the whole file or an option is bad.

    Example:

    \b
      signgen batch examples/communities.csv -o out/batch --outline --formats svg,pdf -j 2
    """
    standard = load_selected(specs_dir, standard_id)
    options = BatchOptions(out_dir=out_dir, specs_dir=specs_dir, standard_id=standard_id,
                           formats=_formats(formats_text), outline=outline,
                           allow_small=allow_small, fonts_dir=fonts_dir, origin=origin,
                           px_per_mm=px_per_mm, crop_marks=crop_marks)
    show = not quiet and sys.stderr.isatty()
    start = time.monotonic()
    if show:
        with click.progressbar(length=PROGRESS_STEPS, label="communities",
                               file=sys.stderr) as bar:

            def advance(_: CommunityResult, fraction: float) -> None:
                bar.update(max(int(fraction * PROGRESS_STEPS) - bar.pos, 0))

            summary = run_batch(communities, options, jobs=jobs, progress=advance,
                                standard=standard)
    else:
        summary = run_batch(communities, options, jobs=jobs, standard=standard)
    _print_summary(summary, out_dir, time.monotonic() - start)
    ctx.exit(summary.exit_code)


DRAWING_SUFFIXES = {".svg": "svg", ".pdf": "pdf", ".png": "png"}


def _write(path: Path | None, svg: str, px_per_mm: float) -> None:
    """A drawing, in the format its file's suffix names (the rule of :mod:`signgen.cli.formats`)."""
    fmt = output_format(path, None, DRAWING_SUFFIXES, "svg", option="-o")
    data: str | bytes = svg
    if fmt == "pdf":
        data = svg_to_pdf(svg)
    elif fmt == "png":
        data = svg_to_png(svg, px_per_mm=px_per_mm)
    emit(path, data)


def _output(out: str | None, stem: str, community: str, kind: str = "") -> Path | None:
    """-o as given, or ``STEM-COMMUNITY[.KIND].svg`` in the current folder or -o's folder."""
    fmt = Path(out).suffix.lstrip(".").lower() if out and Path(out).suffix else "svg"
    return output_path(out, stem, community, f"{kind}.{fmt}" if kind else fmt)


@click.command("elevation")
@set_option
@click.option("--origin", default=None, metavar="ORIGIN",
              help="How the premises were obtained: an origin id or its Chinese name in the "
                   "spec; sets where the logo goes. Default: the standard's first.")
@click.option("--door-width-mm", type=click.FloatRange(min=1), default=None,
              help="This entrance's door width (default: project defaults, entrance).")
@click.option("--door-height-mm", type=click.FloatRange(min=1), default=None,
              help="This entrance's door height (default: project defaults, entrance).")
@click.option("--logo", type=click.Path(path_type=Path), default=None,
              help="The community logo artwork, SVG or PNG (default: a labelled placeholder).")
@click.option("--outline/--text", default=True,
              help="Plaques with outlined glyphs (default) or <text>.")
@click.option("--scale", type=click.FloatRange(min=1), default=DEFAULT_SCALE,
              show_default=True, help="Drawing scale 1:N.")
@px_per_mm_option(8.0, "of paper")
@click.option("-o", "--output", "out", default=None, metavar="PATH",
              help="OUT.svg, OUT.pdf or OUT.png, a folder, or - for SVG on stdout "
                   "(default: elevation-COMMUNITY.svg).")
@allow_small_option
@fonts_dir_option
@specs_option
@standard_option
def elevation_command(pairs: tuple[str, ...], origin: str | None, door_width_mm: float | None,
                      door_height_mm: float | None, logo: Path | None, outline: bool,
                      scale: float, px_per_mm: float, out: str | None, allow_small: bool,
                      fonts_dir: Path | None, specs_dir: Path, standard_id: str | None) -> None:
    """Draw a community's entrance to scale: wall, door, the three outdoor plaques, logo.

    The name sign is centred above the door, the party/committee plaque left of it and the
    workstation plaque right of it (as the standard places them), at their mounting
    heights; the logo goes on the roof or at the front of the name sign depending on
    --origin. Door, wall, gaps and heights are project defaults; a person 1.7 m tall
    gives the scale. Without --set the plaques show the template's placeholders.

    Example:

    \b
      signgen elevation --set district=阿拉善右旗 --set street=额肯呼都格镇 \\
        --set community=团结社区 --set party_org=党支部 --origin 购买 -o entrance.pdf
    """
    standard = load_selected(specs_dir, standard_id)
    values = parse_values(standard, pairs)
    fonts = FontBook(standard, fonts_dir)
    chosen = origin or (standard.origins[0].id if standard.origins else "")
    svg = elevation_svg(standard, values, fonts, origin=chosen, door_width_mm=door_width_mm,
                        door_height_mm=door_height_mm, logo=logo, outline=outline,
                        allow_small=allow_small, scale=scale)
    _write(_output(out, "elevation", values.get("community", "")), svg, px_per_mm)


@click.command("drawing")
@click.argument("plaque_id")
@set_option
@click.option("--outline/--text", default=True,
              help="The plaque with outlined glyphs (default) or <text>.")
@px_per_mm_option(8.0, "of paper")
@click.option("-o", "--output", "out", default=None, metavar="PATH",
              help="OUT.svg, OUT.pdf or OUT.png, a folder, or - for SVG on stdout "
                   "(default: PLAQUE_ID-COMMUNITY.drawing.svg).")
@allow_small_option
@fonts_dir_option
@specs_option
@standard_option
def drawing_command(plaque_id: str, pairs: tuple[str, ...], outline: bool, px_per_mm: float,
                    out: str | None, allow_small: bool, fonts_dir: Path | None,
                    specs_dir: Path, standard_id: str | None) -> None:
    """The design-intent drawing of one plaque: dimensions, colours, typefaces, clause.

    Shows the plaque to scale with its width, height, margins and each line's letter
    height; colour swatches with HEX, RGB and CMYK; the standard's typefaces and the
    faces that stand in for them; and the clause the plaque implements, quoted.

    Example:

    \b
      signgen drawing party-committee-plaque --set district=阿拉善右旗 \\
        --set street=额肯呼都格镇 --set community=团结社区 --set party_org=党支部 \\
        -o party-committee.drawing.svg
    """
    standard = load_selected(specs_dir, standard_id)
    values = parse_values(standard, pairs)
    community = values.get("community", "")
    fonts = FontBook(standard, fonts_dir)
    kind = "drawing" if outline else "drawing-text"
    rendered = render_plaque(standard, fonts, plaque_id, values, (kind,),
                             allow_small=allow_small)
    rendered.raise_if_refused()
    for warning in rendered.warnings:
        click.echo(f"warning: {warning}", err=True)
    _write(_output(out, plaque_id, community, "drawing"), rendered.files[kind].decode("utf-8"),
           px_per_mm)


COMMANDS: list[click.Command] = [batch_command, elevation_command, drawing_command]
