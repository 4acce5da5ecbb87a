"""CLI commands: audit. Registered on `signgen` by :mod:`signgen.cli.main`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from signgen.audit.items import Site, site_from_plan
from signgen.audit.judge import audit as judge_survey
from signgen.audit.report import FORMATS, render_report
from signgen.audit.sheet import BASE_URL_ENV, DEFAULT_BASE_URL, audit_sheet_html
from signgen.audit.survey import parse_survey, survey_standard_id, survey_template
from signgen.cli.emit import emit
from signgen.cli.formats import REPORT_SUFFIXES, output_format
from signgen.cli.options import parse_values, set_option, specs_option, standard_option
from signgen.contractor.plan import load_plan
from signgen.spec.load import load_standards
from signgen.spec.model import Standard
from signgen.spec.select import load_selected, pick_standard
from signgen.spec.yamlsource import load_yaml

_out = click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                    help="Output file (default: standard output).")


def _community(standard: Standard, plan_path: Path | None, pairs: tuple[str, ...]
               ) -> tuple[dict[str, str], Site]:
    values: dict[str, str] = {}
    site = Site()
    if plan_path is not None:
        plan = load_plan(plan_path, standard)
        values.update({k: v for k, v in plan.community.items() if v})
        site = site_from_plan(plan)
    values.update(parse_values(standard, pairs))
    return values, site


@click.command("audit-template")
@click.argument("plan", type=click.Path(path_type=Path), required=False)
@set_option
@_out
@specs_option
@standard_option
def audit_template(plan: Path | None, pairs: tuple[str, ...], output: Path | None,
                   specs_dir: Path, standard_id: str | None) -> None:
    """Write a fillable survey (YAML) with one entry per checkable item.

    Values come from PLAN.yaml (with one plaque item per room, window and board) or from
    --set. Fill result: pass / fail / na and the measured values on site, then run
    `signgen audit`.

    Example: signgen audit-template examples/plan-compliant.yaml -o survey.yaml

    Example: signgen audit-template --set district=东湖区 --set street=百花洲街道
    --set community=彭家桥社区 -o survey.yaml
    """
    standard = load_selected(specs_dir, standard_id)
    values, site = _community(standard, plan, pairs)
    emit(output, survey_template(standard, values, site))


@click.command("audit-sheet")
@click.argument("plan", type=click.Path(path_type=Path), required=False)
@set_option
@_out
@click.option("--base-url", default=None, metavar="URL",
              help=f"Site address the QR codes open (default: ${BASE_URL_ENV}, else "
                   f"{DEFAULT_BASE_URL}).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@specs_option
@standard_option
def audit_sheet(plan: Path | None, pairs: tuple[str, ...], output: Path | None,
                base_url: str | None, lang: str, specs_dir: Path,
                standard_id: str | None) -> None:
    """Write a printable A4 audit sheet (HTML): a checkbox line and a QR code per item.

    Each QR code opens the item's page on the site: BASE_URL/rules/<page>/. Set the
    intranet address of the site with --base-url or SIGNGEN_SITE_URL.

    Example: signgen audit-sheet examples/plan-compliant.yaml -o sheet.html
    --base-url http://intranet.example/signgen/
    """
    standard = load_selected(specs_dir, standard_id)
    values, site = _community(standard, plan, pairs)
    url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    emit(output, audit_sheet_html(standard, values, site, url, lang))


@click.command("audit")
@click.argument("survey", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format (default: from -o's suffix, else text); must agree with "
                   "-o's suffix.")
@_out
@specs_option
@standard_option
@click.pass_context
def audit_command(ctx: click.Context, survey: Path, fmt: str | None, output: Path | None,
                  specs_dir: Path, standard_id: str | None) -> None:
    """Judge a filled survey: every item passes, fails or was not checked.

    signgen judges measured sizes, areas, text, colours and typefaces itself, against the
    standard and the project-default tolerances; it overrides the auditor's result when
    the two disagree. Exit status: 0 nothing failed, 1 something failed, 2 bad input.

    Example: signgen audit survey.yaml -o report.md
    """
    fmt = output_format(output, fmt, REPORT_SUFFIXES, "text")
    data, locator = load_yaml(survey)
    standards = load_standards(specs_dir)
    named = survey_standard_id(data)
    if standard_id is None and named in {s.id for s in standards}:
        standard_id = named
    standard = pick_standard(standards, standard_id)
    report = judge_survey(parse_survey(data, locator, standard))
    emit(output, render_report(report, fmt))
    if report.failures:
        ctx.exit(1)


COMMANDS: list[click.Command] = [audit_template, audit_sheet, audit_command]
