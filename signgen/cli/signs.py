"""CLI command: signs (every sign of a plan as files). Registered by :mod:`signgen.cli.main`.

A plan is one community's premises, so this is a plan-driven command beside ``schedule``
rather than a mode of ``batch`` (whose input is a table of communities, one folder each).
"""

from __future__ import annotations

from pathlib import Path

import click

from signgen.cli.options import (
    allow_small_option,
    errors_in,
    fonts_dir_option,
    lang_option,
    px_per_mm_option,
    specs_option,
    standard_option,
)
from signgen.contractor.messages import SCHEDULE
from signgen.contractor.signs import (
    DEFAULT_SIGN_FORMATS,
    SIGN_FORMATS,
    SignFiles,
    plan_sign_files,
)
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.files import safe_join, write_atomic
from signgen.output.numbers import mm
from signgen.spec.select import load_selected

SCHEDULE_FILES = ("schedule.xlsx", "schedule.csv")


def _line(sign: SignFiles, lang: str) -> str:
    row = sign.row
    if sign.refusal is not None:
        return SCHEDULE.say("sign_refused", lang, number=row.number, id=row.id,
                            reason=sign.refusal.message().replace("\n", "; "))
    if not sign.made:
        return SCHEDULE.say("sign_no_artwork", lang, number=row.number, id=row.id)
    size = (f"{mm(float(row.width))} × {mm(float(row.height_mm or 0))} mm"
            if isinstance(row.width, float) else "")
    return SCHEDULE.say("sign_made", lang, number=row.number, id=row.id, size=size,
                        files=len(sign.files))


@click.command("signs")
@click.argument("plan_path", metavar="PLAN.yaml", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), required=True,
              help="Folder to write into (made if missing); every name stays inside it.")
@click.option("--format", "formats", multiple=True, type=click.Choice(SIGN_FORMATS),
              help="Formats per sign (repeatable; default: "
                   f"{', '.join(DEFAULT_SIGN_FORMATS)}; png-tiles: one PNG per 1:1 panel).")
@click.option("--outline/--text", default=True,
              help="SVG: outline every glyph (default, for the shop) or keep <text>.")
@click.option("--crop-marks", is_flag=True, help="print-pdf: crop marks outside the bleed.")
@fonts_dir_option
@allow_small_option
@px_per_mm_option(2.0)
@lang_option
@specs_option
@standard_option
@click.pass_context
def signs_command(ctx: click.Context, plan_path: Path, out: Path, formats: tuple[str, ...],
                  outline: bool, crop_marks: bool, fonts_dir: Path | None, allow_small: bool,
                  px_per_mm: float, lang: str, specs_dir: Path,
                  standard_id: str | None) -> None:
    """Every sign of a plan's schedule as files, named by the schedule id, with the schedule.

    Window signs, room plaques, board headers and the once-per-community plaques, each in
    every format asked for (window-sign-w01.svg, .pdf, .png, .print.pdf, .dxf...), through
    the same renderer as `signgen render`; schedule.xlsx and schedule.csv beside them give
    each sign's number, computed width and artwork file. A sign the copy-fit refuses is
    listed with the reason and the others are still made (exit 1; 0 when all are made).

    Example: signgen signs examples/plan-compliant.yaml -o signs/
    """
    from signgen.contractor.plan import load_plan
    from signgen.contractor.schedule import schedule_csv
    from signgen.contractor.schedule_xlsx import schedule_xlsx

    with errors_in(lang):
        if out.exists() and not out.is_dir():
            raise SigngenError(f"-o {out}: expected a folder, got a file")
        standard = load_selected(specs_dir, standard_id)
        plan = load_plan(plan_path, standard)
        fonts = FontBook(standard, fonts_dir)
        signs = list(plan_sign_files(standard, fonts, plan, formats or DEFAULT_SIGN_FORMATS,
                                     outline=outline, allow_small=allow_small,
                                     px_per_mm=px_per_mm, crop_marks=crop_marks, lang=lang))
        for sign in signs:
            for name, data in sign.files:
                write_atomic(safe_join(out, name), data)
            click.echo(_line(sign, lang), err=True)
            for warning in sign.warnings:
                click.echo(f"  warning: {warning}", err=True)
        rows = [s.row for s in signs]
        write_atomic(safe_join(out, SCHEDULE_FILES[0]), schedule_xlsx(standard, rows, lang))
        write_atomic(safe_join(out, SCHEDULE_FILES[1]), schedule_csv(rows, lang))
    refused = [s.row.id for s in signs if s.refusal is not None]
    made = sum(1 for s in signs if s.made)
    files = sum(len(s.files) for s in signs)
    summary = SCHEDULE.say("signs_wrote", lang, output=out, made=made, files=files)
    if refused:
        summary += SCHEDULE.say("signs_refused", lang, count=len(refused), ids=", ".join(refused))
    click.echo(summary, err=True)
    ctx.exit(1 if refused else 0)


COMMANDS: list[click.Command] = [signs_command]
