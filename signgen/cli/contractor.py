"""CLI commands: contractor. Registered on `signgen` by :mod:`signgen.cli.main`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from signgen.cli.emit import emit
from signgen.cli.formats import REPORT_SUFFIXES, output_format, suffix_of
from signgen.cli.options import (
    errors_in,
    fonts_dir_option,
    lang_option,
    specs_option,
    standard_option,
)
from signgen.errors import SigngenError
from signgen.output.files import write_atomic
from signgen.spec.model import Standard
from signgen.spec.select import load_selected

CHECKLIST_SUFFIXES = {".md": "md", ".html": "html", ".htm": "html"}
SCHEDULE_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".md": "md"}


def _standard_options(func: click.decorators.FC) -> click.decorators.FC:
    return specs_option(standard_option(func))


def _load(specs_dir: Path, standard_id: str | None) -> Standard:
    return load_selected(specs_dir, standard_id)


@click.command("checklist")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to FILE.md (Markdown) or FILE.html (printable A4 page); "
                   "default: Markdown on stdout.")
@lang_option
@_standard_options
def checklist_command(output: Path | None, lang: str, specs_dir: Path,
                      standard_id: str | None) -> None:
    """Room-function checklist: minimum areas, functions to set, room name plaques.

    Print the HTML page from a browser (A4, 15 mm margins); the Markdown is for the site.

    Example: signgen checklist -o checklist.html --lang en
    """
    from signgen.contractor.checklist import checklist_html, checklist_markdown

    fmt = output_format(output, None, CHECKLIST_SUFFIXES, "md")
    with errors_in(lang):
        standard = _load(specs_dir, standard_id)
    emit(output, checklist_html(standard, lang) if fmt == "html"
         else checklist_markdown(standard, lang))


@click.command("check-plan")
@click.argument("plan_path", metavar="PLAN", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "html"]),
              default=None, help="Report format (default: from -o's suffix, else text); "
                                 "must agree with -o's suffix.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write the report here instead of stdout.")
@click.option("--svg", "svg_path", type=click.Path(path_type=Path), default=None,
              help="Also write the floor-plan schematic (SVG, px) here.")
@lang_option
@_standard_options
@click.pass_context
def check_plan_command(ctx: click.Context, plan_path: Path, fmt: str | None,
                       output: Path | None, svg_path: Path | None, lang: str, specs_dir: Path,
                       standard_id: str | None) -> None:
    """Check a renovation plan: areas, room functions, windows, boards, logo.

    PLAN is a YAML file or a workbook from plan-template (.xlsx). Exit status: 0
    compliant, 1 not compliant, 2 bad input (every problem located as file:line:col,
    or file:sheet!cell in a workbook). The HTML report embeds the floor-plan schematic.

    The format follows -o's suffix (.txt, .md, .json, .html); --format is for stdout.

    Example: signgen check-plan examples/plan-short.yaml -o report.md --svg plan.svg
    """
    from signgen.contractor.check import check_plan
    from signgen.contractor.floorplan import floorplan_svg
    from signgen.contractor.plan import load_plan
    from signgen.output.document import Figure
    from signgen.output.report import render_report

    fmt = output_format(output, fmt, REPORT_SUFFIXES, "text")
    with errors_in(lang):
        standard = _load(specs_dir, standard_id)
        plan = load_plan(plan_path, standard)
    report = check_plan(standard, plan, lang)
    svg = floorplan_svg(standard, plan)
    if fmt == "html":
        report = replace(report, figures=(Figure(svg, "floor-plan schematic"),))
    text = render_report(report, fmt)
    if svg_path is not None:
        write_atomic(svg_path, svg)
    emit(output, text)
    ctx.exit(0 if report.ok else 1)


@click.command("schedule")
@click.argument("plan_path", metavar="PLAN", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="FILE.csv (UTF-8 with BOM), FILE.xlsx or FILE.md.")
@fonts_dir_option
@lang_option
@_standard_options
def schedule_command(plan_path: Path, output: Path, fonts_dir: Path | None, lang: str,
                     specs_dir: Path, standard_id: str | None) -> None:
    """Sign schedule: every sign the plan's premises need, one row each.

    Text filled in with the plan's community values; sizes, typefaces, colours and
    mounting heights marked as the standard's or a project default. Widths are the ones
    the copy-fit computes (as `signgen render` and `signgen signs` draw them), and so is
    each sign's letter height: the ink height of its tallest character (what a tape
    measures) beside the em (body) size of its line; each row has a sign number and its
    artwork file's name (see `signgen signs`).

    Example: signgen schedule examples/plan-compliant.yaml -o signs.xlsx
    """
    from signgen.contractor.messages import SCHEDULE
    from signgen.contractor.plan import load_plan
    from signgen.contractor.schedule import schedule_file, schedule_rows
    from signgen.fonts.book import FontBook

    fmt = output_format(output, None, SCHEDULE_SUFFIXES, "csv")
    if not suffix_of(output):
        raise SigngenError(f"-o {output}: 文件后缀应为 {', '.join(SCHEDULE_SUFFIXES)} 之一 "
                           f"(expected a file ending in {', '.join(SCHEDULE_SUFFIXES)}: the "
                           "suffix sets the format)")
    with errors_in(lang):
        standard = _load(specs_dir, standard_id)
        plan = load_plan(plan_path, standard)
        rows = schedule_rows(standard, plan, lang, FontBook(standard, fonts_dir))
    write_atomic(output, schedule_file(standard, plan, rows, fmt, lang))
    click.echo(SCHEDULE.say("wrote", lang, output=output, count=len(rows)), err=True)


@click.command("plan-template")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="FILE.xlsx: the workbook to fill in.")
@lang_option
@_standard_options
def plan_template_command(output: Path, lang: str, specs_dir: Path,
                          standard_id: str | None) -> None:
    """Plan workbook to fill in (Excel, WPS, LibreOffice): rooms, windows, boards.

    Drop-down lists hold the standard's function names (with the alternative names
    it gives), zones, origins, window categories and boards. check-plan, schedule
    and audit --plan read the filled workbook as they read a YAML plan.

    Example: signgen plan-template -o plan.xlsx
    """
    from signgen.contractor.plan_template import plan_template_xlsx

    output_format(output, None, {".xlsx": "xlsx"}, "xlsx")
    with errors_in(lang):
        standard = _load(specs_dir, standard_id)
    write_atomic(output, plan_template_xlsx(standard, lang))
    click.echo(f"wrote {output}", err=True)


COMMANDS: list[click.Command] = [checklist_command, check_plan_command, schedule_command,
                                 plan_template_command]
