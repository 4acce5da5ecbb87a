"""CLI commands: audit. Registered on `signgen` by :mod:`signgen.cli.main`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from signgen.audit.items import Site, per_sign_fields, site_from_plan
from signgen.audit.judge import audit as judge_survey
from signgen.audit.photos import PhotoCheck, folder_photos, is_survey_zip, load_survey_zip
from signgen.audit.report import FORMATS, render_report
from signgen.audit.sheet import BASE_URL_ENV, DEFAULT_BASE_URL, audit_sheet_html, check_base_url
from signgen.audit.survey import parse_survey, survey_standard_id
from signgen.audit.template import survey_template
from signgen.audit.texts import CATALOGUE
from signgen.cli.emit import emit
from signgen.cli.formats import REPORT_SUFFIXES, output_format
from signgen.cli.options import parse_values, set_option, specs_option, standard_option
from signgen.contractor.plan import load_plan
from signgen.errors import Problem, SigngenError
from signgen.spec.load import load_standards
from signgen.spec.model import Standard
from signgen.spec.select import load_selected, pick_standard
from signgen.spec.sheetsource import is_workbook
from signgen.spec.yamlsource import load_yaml

_out = click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                    help="Output file (default: standard output).")


_lang = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh",
                     show_default=True, help="Language of the output and its messages.")
_origin = click.option("--origin", default=None, metavar="ORIGIN",
                       help="How the premises were obtained (an origin id or name of the "
                            "standard, e.g. new_build, purchased); default: the plan's.")


def _community(standard: Standard, plan_path: Path | None, pairs: tuple[str, ...],
               origin: str | None, lang: str) -> tuple[dict[str, str], Site, str | None]:
    values: dict[str, str] = {}
    site = Site()
    origin_id: str | None = None
    if plan_path is not None:
        plan = load_plan(plan_path, standard)
        values.update({k: v for k, v in plan.community.items() if v})
        site = site_from_plan(plan)
        origin_id = plan.origin
    values.update(parse_values(standard, pairs))
    _refuse_per_sign(standard, values, plan_path, pairs, lang)
    if origin is not None:
        found = next((o.id for o in standard.origins if origin in (o.id, o.name, o.name_en)),
                     None)
        if found is None:
            choices = ", ".join(f"{o.id} ({o.name})" for o in standard.origins) or "-"
            raise click.BadParameter(f"expected one of {choices}, got {origin!r}",
                                     param_hint="--origin")
        origin_id = found
    return values, site, origin_id


def _refuse_per_sign(standard: Standard, values: dict[str, str], plan_path: Path | None,
                     pairs: tuple[str, ...], lang: str) -> None:
    """A per-sign field (a board's name, a window's category, a room's functions) is not a
    community value: a survey carrying it would be refused (issue 13.4)."""
    per_sign = per_sign_fields(standard)
    allowed = ", ".join(f.id for f in standard.fields if f.id not in per_sign)
    given = {pair.partition("=")[0].strip() for pair in pairs}
    problems = []
    for key in (k for k in values if k in per_sign):
        source = "--set" if key in given else (str(plan_path) if plan_path else "--set")
        field = key if source == "--set" else f"community.{key}"
        problems.append(Problem(source, 0, 0, field,
                                CATALOGUE.msg("err.per-sign-value", key=key,
                                              allowed=allowed)))
    if problems:
        raise SigngenError(problems, lang)


@click.command("audit-template")
@click.argument("plan", type=click.Path(path_type=Path), required=False)
@set_option
@_origin
@_out
@click.option("--format", "fmt", type=click.Choice(["yaml", "xlsx", "xlsform"]), default=None,
              help="yaml (default); xlsx: a workbook with a 结果 drop-down per item "
                   "(default when -o ends in .xlsx); xlsform: a form for ODK Collect or "
                   "KoboToolbox.")
@_lang
@specs_option
@standard_option
def audit_template(plan: Path | None, pairs: tuple[str, ...], origin: str | None,
                   output: Path | None, fmt: str | None, lang: str, specs_dir: Path,
                   standard_id: str | None) -> None:
    """Write a fillable survey (YAML or Excel) with one entry per checkable item.

    Values come from PLAN.yaml (with one plaque item per room, window and board) or from
    --set; --origin (or the plan's origin) records how the premises were obtained, which
    decides the items that depend on it. Fill result: 合格 / 不合格 / 不适用 (pass / fail /
    na) and the measured values on site, then run `signgen audit`.

    Example: signgen audit-template examples/plan-compliant.yaml -o survey.yaml

    Example: signgen audit-template --set district=东湖区 --set street=百花洲街道
    --set community=彭家桥社区 --origin purchased -o survey.yaml

    Example: signgen audit-template examples/plan-compliant.yaml -o survey.xlsx

    Example: signgen audit-template examples/plan-compliant.yaml --format xlsform
    -o form.xlsx
    """
    from signgen.audit.survey_xlsx import survey_xlsx
    from signgen.audit.xlsform import survey_xlsform

    fmt = output_format(output, fmt, {".yaml": "yaml", ".yml": "yaml",
                                      ".xlsx": ("xlsx", "xlsform")}, "yaml")
    standard = load_selected(specs_dir, standard_id)
    values, site, origin_id = _community(standard, plan, pairs, origin, lang)
    if fmt == "xlsx":
        emit(output, survey_xlsx(standard, values, site, origin_id, lang))
    elif fmt == "xlsform":
        emit(output, survey_xlsform(standard, values, site, origin_id, lang))
    else:
        emit(output, survey_template(standard, values, site, origin_id, lang))


@click.command("audit-sheet")
@click.argument("plan", type=click.Path(path_type=Path), required=False)
@set_option
@_origin
@_out
@click.option("--base-url", default=None, metavar="URL",
              help=f"Site address the QR codes open, http(s) only (default: ${BASE_URL_ENV}, "
                   f"else {DEFAULT_BASE_URL}).")
@_lang
@specs_option
@standard_option
def audit_sheet(plan: Path | None, pairs: tuple[str, ...], origin: str | None,
                output: Path | None, base_url: str | None, lang: str, specs_dir: Path,
                standard_id: str | None) -> None:
    """Write a printable A4 audit sheet (HTML): a checkbox line and a QR code per item.

    Each QR code opens the item's page on the site: BASE_URL/rules/<page>/. Set the
    intranet address of the site with --base-url or SIGNGEN_SITE_URL.

    Example: signgen audit-sheet examples/plan-compliant.yaml -o sheet.html
    --base-url http://intranet.example/signgen/
    """
    url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    try:
        check_base_url(url, lang)
    except ValueError as error:
        where = "--base-url" if base_url else f"${BASE_URL_ENV}"
        raise click.BadParameter(str(error), param_hint=where) from None
    standard = load_selected(specs_dir, standard_id)
    values, site, origin_id = _community(standard, plan, pairs, origin, lang)
    emit(output, audit_sheet_html(standard, values, site, url, lang, origin_id))


@click.command("audit")
@click.argument("survey", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format (default: from -o's suffix, else text); must agree with "
                   "-o's suffix.")
@_out
@_lang
@specs_option
@standard_option
@click.pass_context
def audit_command(ctx: click.Context, survey: Path, fmt: str | None, output: Path | None,
                  lang: str, specs_dir: Path, standard_id: str | None) -> None:
    """Judge a filled survey: every item passes, fails or was not checked.

    signgen judges measured sizes, areas, text, colours and typefaces itself, against the
    standard and the project-default tolerances; where both judged, the stricter wins
    (an auditor's fail stands; an auditor's pass on values out of tolerance fails); where
    signgen measured nothing, the auditor's result stands. Recommended items never fail.
    Exit status: 0 compliant and complete, 1 something failed, 2 bad input, 3 nothing
    failed but applicable items left empty (INCOMPLETE).

    SURVEY is the YAML file or the workbook (.xlsx) audit-template wrote, filled in,
    one submission exported from ODK / KoboToolbox (XLSX or CSV) of its XLSForm, or the
    zip the site's audit form exports (survey.yaml with photos/<item id>.<ext>). A photo
    an item names (photo: photos/<item id>.jpg) must be in the zip or next to the YAML
    file; the report lists it.

    Example: signgen audit survey.yaml -o report.md
    """
    from signgen.audit.survey_xlsx import is_survey_workbook, read_survey_xlsx
    from signgen.audit.xlsform import read_export

    fmt = output_format(output, fmt, REPORT_SUFFIXES, "text")
    photos: PhotoCheck | None = None
    where = ""
    if is_workbook(survey) and is_survey_workbook(survey):
        data, locator = read_survey_xlsx(survey)
    elif is_workbook(survey) or survey.suffix.lower() == ".csv":
        data, locator = read_export(survey)
    elif survey.suffix.lower() == ".zip" or is_survey_zip(survey):
        data, locator, photos = load_survey_zip(survey)
        where = "err.photo-where-zip"
    else:
        data, locator = load_yaml(survey)
        photos = folder_photos(survey)
    standards = load_standards(specs_dir)
    named = survey_standard_id(data)
    if standard_id is None and named in {s.id for s in standards}:
        standard_id = named
    standard = pick_standard(standards, standard_id)
    report = judge_survey(parse_survey(data, locator, standard, lang, photos, where), lang)
    emit(output, render_report(report, fmt))
    if report.exit_status:
        ctx.exit(report.exit_status)


COMMANDS: list[click.Command] = [audit_template, audit_sheet, audit_command]
