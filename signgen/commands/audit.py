"""CLI commands: audit. Registered on `signgen` by :mod:`signgen.cli`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..audit import audit as judge_survey
from ..audit_items import Site, site_from_plan
from ..audit_report import FORMATS, render_report
from ..audit_sheet import BASE_URL_ENV, DEFAULT_BASE_URL, audit_sheet_html
from ..errors import SigngenError
from ..files import write_atomic
from ..loader import load_standards
from ..model import Standard
from ..plan import load_plan
from ..select import load_selected, pick_standard
from ..survey import parse_survey, survey_standard_id, survey_template
from ..yamlsource import load_yaml

DEFAULT_SPECS = Path("specs")

_specs = click.option("--specs", "specs_dir", type=click.Path(path_type=Path),
                      default=DEFAULT_SPECS, show_default=True,
                      help="Folder of spec files, or of one folder per standard.")
_standard = click.option("--standard", "standard_id", default=None, metavar="ID",
                         help="Standard id (default: the standard with role core).")
_set = click.option("--set", "settings", multiple=True, metavar="FIELD=VALUE",
                    help="A community value, e.g. --set district=东湖区 (repeatable; "
                         "overrides the plan's).")
_out = click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                    help="Output file (default: standard output).")


def parse_settings(standard: Standard, settings: tuple[str, ...]) -> dict[str, str]:
    """``FIELD=VALUE`` pairs checked against the standard's fields and their choices."""
    fields = {f.id: f for f in standard.fields}
    values: dict[str, str] = {}
    problems = []
    for setting in settings:
        key, sep, value = setting.partition("=")
        key, value = key.strip(), value.strip()
        spec_field = fields.get(key)
        if not sep or spec_field is None:
            problems.append(f"--set {setting}: expected FIELD=VALUE with FIELD one of "
                            f"{', '.join(fields) or '(none: this standard has no fields)'}")
        elif value and spec_field.choices and value not in spec_field.choices:
            problems.append(f"--set {key}: expected one of {', '.join(spec_field.choices)}, "
                            f"got {value!r}")
        else:
            values[key] = value
    if problems:
        raise SigngenError("\n".join(problems))
    return values


def _community(standard: Standard, plan_path: Path | None, settings: tuple[str, ...]
               ) -> tuple[dict[str, str], Site]:
    values: dict[str, str] = {}
    site = Site()
    if plan_path is not None:
        plan = load_plan(plan_path, standard)
        values.update({k: v for k, v in plan.community.items() if v})
        site = site_from_plan(plan)
    values.update(parse_settings(standard, settings))
    return values, site


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)


@click.command("audit-template")
@click.argument("plan", type=click.Path(path_type=Path), required=False)
@_set
@_out
@_specs
@_standard
def audit_template(plan: Path | None, settings: tuple[str, ...], output: Path | None,
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
    values, site = _community(standard, plan, settings)
    _emit(survey_template(standard, values, site), output)


@click.command("audit-sheet")
@click.argument("plan", type=click.Path(path_type=Path), required=False)
@_set
@_out
@click.option("--base-url", default=None, metavar="URL",
              help=f"Site address the QR codes open (default: ${BASE_URL_ENV}, else "
                   f"{DEFAULT_BASE_URL}).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@_specs
@_standard
def audit_sheet(plan: Path | None, settings: tuple[str, ...], output: Path | None,
                base_url: str | None, lang: str, specs_dir: Path,
                standard_id: str | None) -> None:
    """Write a printable A4 audit sheet (HTML): a checkbox line and a QR code per item.

    Each QR code opens the item's page on the site: BASE_URL/rules/<page>/. Set the
    intranet address of the site with --base-url or SIGNGEN_SITE_URL.

    Example: signgen audit-sheet examples/plan-compliant.yaml -o sheet.html
    --base-url http://intranet.example/signgen/
    """
    standard = load_selected(specs_dir, standard_id)
    values, site = _community(standard, plan, settings)
    url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    _emit(audit_sheet_html(standard, values, site, url, lang), output)


@click.command("audit")
@click.argument("survey", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True)
@_out
@_specs
@_standard
@click.pass_context
def audit_command(ctx: click.Context, survey: Path, fmt: str, output: Path | None,
                  specs_dir: Path, standard_id: str | None) -> None:
    """Judge a filled survey: every item passes, fails or was not checked.

    signgen judges measured sizes, areas, text, colours and typefaces itself, against the
    standard and the project-default tolerances; it overrides the auditor's result when
    the two disagree. Exit status: 0 nothing failed, 1 something failed, 2 bad input.

    Example: signgen audit survey.yaml --format md -o report.md
    """
    data, locator = load_yaml(survey)
    standards = load_standards(specs_dir)
    named = survey_standard_id(data)
    if standard_id is None and named in {s.id for s in standards}:
        standard_id = named
    standard = pick_standard(standards, standard_id)
    report = judge_survey(parse_survey(data, locator, standard))
    _emit(render_report(report, fmt), output)
    if report.failures:
        ctx.exit(1)


COMMANDS: list[click.Command] = [audit_template, audit_sheet, audit_command]
