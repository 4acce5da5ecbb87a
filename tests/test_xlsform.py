"""XLSForm for ODK Collect / KoboToolbox: pyxform with ODK Validate accepts it, and audit
judges the server's export (CSV or XLSX) like the YAML survey."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl
from audit_fill import compliant_entry
from click.testing import CliRunner
from project_paths import ROOT
from pyxform.xls2xform import xls2xform_convert

from signgen.audit.items import checkable_items, site_from_plan
from signgen.audit.judge import audit
from signgen.audit.survey import parse_survey
from signgen.audit.template import survey_template
from signgen.audit.xlsform import read_export, survey_xlsform
from signgen.cli.main import main
from signgen.contractor.plan import load_plan
from signgen.spec.model import Standard
from signgen.spec.yamlsource import parse_yaml

PLAN = ROOT / "examples" / "plan-compliant.yaml"


def test_pyxform_and_odk_validate_accept_the_form(tmp_path: Path, standard: Standard) -> None:
    """xls2xform converts the form and ODK Validate (Java) reports no error or warning."""
    plan = load_plan(PLAN, standard)
    form = tmp_path / "form.xlsx"
    form.write_bytes(survey_xlsform(standard, dict(plan.community), site_from_plan(plan),
                                    plan.origin))
    warnings = xls2xform_convert(form, tmp_path / "form.xml", validate=True)
    assert warnings == []
    xml = (tmp_path / "form.xml").read_text(encoding="utf-8")
    assert "<area.area-total.measured_m2/>" in xml and 'id="signgen-community-premises"' in xml


def export_row(form: bytes, filled: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the server exports for one submission: a column per question (grouped, as Kobo
    writes group paths), the form's calculations, and the server's own columns."""
    ws = openpyxl.load_workbook(io.BytesIO(form))["survey"]
    row: dict[str, Any] = {"_id": 17, "meta/instanceID": "uuid:1"}
    for qtype, name, _, _, calc in ws.iter_rows(min_row=2, values_only=True):
        if qtype == "calculate":
            row[name] = calc[1:-1]
            continue
        parts = str(name).split(".")
        value: Any = None
        for cut in range(len(parts) - 1, 0, -1):
            entry = filled.get(".".join(parts[:cut]))
            if entry is not None:
                value = entry
                for step in parts[cut:]:
                    value = value.get(step) if isinstance(value, dict) else None
                break
        row[f"items/{name}"] = value
    return row


def test_export_judged_like_yaml(tmp_path: Path, standard: Standard, runner: CliRunner) -> None:
    """A CSV and an XLSX export of one submission give the YAML survey's verdicts."""
    plan = load_plan(PLAN, standard)
    values, site, origin = dict(plan.community), site_from_plan(plan), plan.origin
    items = checkable_items(standard, values, site, origin)
    filled = {item.id: compliant_entry(standard, item) for item in items}
    size = next(i for i in items if i.kind == "plaque-size")
    filled[size.id] = {"measured": {"height_cm": 10, "width_cm": 20}, "note": "偏小"}
    filled[items[0].id]["result"] = "fail"
    data, loc = parse_yaml(survey_template(standard, values, site, origin), "survey.yaml")
    data["items"].update(filled)
    want = [(o.item.id, o.status, o.message)
            for o in audit(parse_survey(data, loc, standard, "zh"), "zh").outcomes]
    row = export_row(survey_xlsform(standard, values, site, origin), filled)
    out = tmp_path / "export.csv"
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(row)
        writer.writerow(["" if v is None else v for v in row.values()])
    wb = openpyxl.Workbook()
    wb.active.append(list(row))
    wb.active.append(list(row.values()))
    wb.save(tmp_path / "export.xlsx")
    for path in (out, tmp_path / "export.xlsx"):
        xdata, xloc = read_export(path)
        got = [(o.item.id, o.status, o.message)
               for o in audit(parse_survey(xdata, xloc, standard, "zh"), "zh").outcomes]
        assert got == want
    assert dict((i, s) for i, s, _ in want)[size.id] == "fail"
    res = runner.invoke(main, ["audit", str(out)])
    assert res.exit_code == 1, res.output


def test_export_with_two_submissions_refused(tmp_path: Path, runner: CliRunner) -> None:
    """An export holding two communities' submissions is refused with exit 2."""
    out = tmp_path / "export.csv"
    out.write_text("standard,auditor\ncommunity-premises,a\ncommunity-premises,b\n",
                   encoding="utf-8")
    res = runner.invoke(main, ["audit", str(out)])
    assert res.exit_code == 2 and "2" in res.output and "Traceback" not in res.output
