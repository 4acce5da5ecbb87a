"""Render an :class:`~signgen.audit.judge.AuditReport` as text, Markdown, JSON or HTML.

Failures come first, each with its clause number and the standard's own words.
"""

from __future__ import annotations

import json
from typing import Any

from signgen.audit.judge import TEXT_RULE, AuditReport, Outcome
from signgen.output.document import BASE_CSS, html_escape, md_escape

FORMATS = ("text", "md", "json", "html")
HEADINGS = {"fail": "Failed", "pass": "Passed", "unchecked": "Not checked",
            "na": "Not applicable"}


def render_report(report: AuditReport, fmt: str) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    return {"text": report_text, "md": report_markdown, "json": report_json,
            "html": report_html}[fmt](report)


def _title(report: AuditReport) -> str:
    values = report.survey.values
    community = "".join(values.get(k, "") for k in ("district", "street", "community")
                        if values.get(k)) or "(community not named)"
    return f"Audit report: {community}"


def _header(report: AuditReport) -> list[tuple[str, str]]:
    info = report.survey.standard.standard
    rows = [("Standard", f"{info.title} ({info.id}, edition {info.edition})"),
            ("Survey", report.survey.source)]
    if report.survey.auditor:
        rows.append(("Auditor", report.survey.auditor))
    if report.survey.date:
        rows.append(("Date", report.survey.date))
    rows.append(("Score", str(report.score)))
    return rows


def _label(o: Outcome) -> str:
    level = "" if o.item.level in ("required", "requirement") else f", {o.item.level}"
    return f"{o.item.title} ({o.item.id}), clause {o.item.clause.number}{level}"


def _groups(report: AuditReport) -> list[tuple[str, list[Outcome]]]:
    ordered = report.ordered()
    return [(HEADINGS[s], [o for o in ordered if o.status == s]) for s in HEADINGS
            if any(o.status == s for o in ordered)]


def _footer() -> str:
    return (f"Observed text is {TEXT_RULE}. Measured values are judged by signgen; where the "
            "auditor's result disagrees, signgen's judgement wins. Tolerances are project "
            "defaults, not part of the standard.")


def report_text(report: AuditReport) -> str:
    """Plain text, for a terminal."""
    out = [_title(report), *[f"{k}: {v}" for k, v in _header(report)]]
    for heading, outcomes in _groups(report):
        out += ["", f"{heading} ({len(outcomes)})"]
        for o in outcomes:
            out.append(f"  {o.status.upper():9} {_label(o)}: {o.message}")
            if o.status == "fail":
                out.append(f"            「{o.item.quote}」")
            if o.note:
                out.append(f"            note: {o.note}")
    out += ["", _footer()]
    return "\n".join(out) + "\n"


def report_markdown(report: AuditReport) -> str:
    """Markdown, for the site or a pull request."""
    out = [f"# {md_escape(_title(report))}", ""]
    out += [f"- **{k}:** {md_escape(v)}" for k, v in _header(report)]
    for heading, outcomes in _groups(report):
        out += ["", f"## {heading} ({len(outcomes)})", ""]
        for o in outcomes:
            note = f" *Note:* {md_escape(o.note)}" if o.note else ""
            out.append(f"- **{o.status}** {md_escape(_label(o))}: {md_escape(o.message)}{note}")
            if o.status == "fail":
                out.append(f"    > {md_escape(o.item.quote)}")
    out += ["", md_escape(_footer())]
    return "\n".join(out) + "\n"


def report_data(report: AuditReport) -> dict[str, Any]:
    """The report as plain data (what ``--format json`` prints)."""
    info = report.survey.standard.standard
    s = report.score
    return {
        "standard": info.id,
        "edition": info.edition,
        "community": dict(report.survey.values),
        "auditor": report.survey.auditor,
        "date": report.survey.date,
        "score": {"passed": s.passed, "failed": s.failed, "checked": s.checked,
                  "total": s.total, "not_applicable": s.not_applicable},
        "items": [{"id": o.item.id, "status": o.status, "decided_by": o.decided_by,
                   "message": o.message, "auditor_result": o.auditor_result,
                   "overridden": o.overridden, "clause": o.item.clause.number,
                   "title": o.item.title, "title_en": o.item.title_en,
                   "level": o.item.level, "quote": o.item.quote, "note": o.note}
                  for o in report.ordered()],
    }


def report_json(report: AuditReport) -> str:
    """JSON, for other tools."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


_CSS = BASE_CSS + "blockquote { margin: 1mm 0 0 3mm; color: #444; }\n"


def report_html(report: AuditReport) -> str:
    """A self-contained HTML page (no external links)."""
    e = html_escape
    out = ["<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
           f"<title>{e(_title(report))}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(_title(report))}</h1><dl>"]
    out += [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in _header(report)]
    out.append("</dl>")
    for heading, outcomes in _groups(report):
        out.append(f"<h2>{e(heading)} ({len(outcomes)})</h2><table>"
                   "<tr><th>Status</th><th>Item</th><th>Finding</th></tr>")
        for o in outcomes:
            quote = f"<blockquote>{e(o.item.quote)}</blockquote>" if o.status == "fail" else ""
            note = f"<br><em>Note:</em> {e(o.note)}" if o.note else ""
            out.append(f'<tr id="{e(o.item.id)}"><td class="{e(o.status)}">{e(o.status)}</td>'
                       f"<td>{e(_label(o))}{quote}</td><td>{e(o.message)}{note}</td></tr>")
        out.append("</table>")
    out.append(f"<p>{e(_footer())}</p></body></html>")
    return "\n".join(out) + "\n"
