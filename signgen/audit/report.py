"""Render an :class:`~signgen.audit.judge.AuditReport` as text, Markdown, JSON or HTML.

The verdict comes first (not compliant, incomplete, or compliant and complete), then the
failures, each with its clause number and the standard's own words; recommended items and
examples apart. Chinese unless the report was judged with ``lang='en'``.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from signgen.audit.judge import AuditReport, Outcome
from signgen.audit.texts import level_word, t
from signgen.communities.identity import community_identity
from signgen.output.document import BASE_CSS, html_escape, md_escape

FORMATS = ("text", "md", "json", "html")
STATUSES = ("fail", "pass", "unchecked", "na")


def render_report(report: AuditReport, fmt: str) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`), in the report's language."""
    return {"text": report_text, "md": report_markdown, "json": report_json,
            "html": report_html}[fmt](report)


def _title(report: AuditReport) -> str:
    values = report.survey.values
    community = (community_identity(report.survey.standard, values).written
                 or t("report.unnamed", report.lang))
    return t("report.title", report.lang, community=community)


def verdict_lines(report: AuditReport) -> list[str]:
    """The verdict, said first: not compliant, incomplete, or compliant and complete."""
    lang = report.lang
    out = []
    if report.failures:
        out.append(t("verdict.fail", lang, n=len(report.failures)))
        if report.unchecked:
            out.append(t("verdict.also-incomplete", lang, n=len(report.unchecked)))
    elif report.unchecked:
        out.append(t("verdict.incomplete", lang, n=len(report.unchecked)))
    if report.origin_missing:
        if not report.failures and not report.unchecked:
            out.append(t("verdict.incomplete", lang, n=0))
        out.append(t("verdict.no-origin", lang))
    return out or [t("verdict.pass", lang)]


def _header(report: AuditReport) -> list[tuple[str, str]]:
    lang = report.lang
    info = report.survey.standard.standard
    title = info.title if lang != "en" else info.title_en
    rows = [(t("report.standard", lang), t("report.standard-value", lang, title=title,
                                           id=info.id, edition=info.edition)),
            (t("report.survey", lang), report.survey.source)]
    if report.survey.auditor:
        rows.append((t("report.auditor", lang), report.survey.auditor))
    if report.survey.date:
        rows.append((t("report.date", lang), report.survey.date))
    if report.survey.standard.origins:
        origin = next((o for o in report.survey.standard.origins
                       if o.id == report.survey.origin), None)
        rows.append((t("report.origin", lang),
                     (origin.name if lang != "en" else origin.name_en) if origin
                     else t("report.origin-unknown", lang)))
    rows.append((t("report.score", lang), report.score.text(lang)))
    if report.advisory:
        rows.append((t("report.advisory", lang), t(
            "score.advisory", lang, passed=report.advisory_score.passed,
            total=report.advisory_score.total)))
    return rows


def _label(o: Outcome, lang: str) -> str:
    title = o.item.title if lang != "en" else o.item.title_en
    added = f", {t('level.project', lang)}" if o.item.project_addition else ""
    return (f"{title} ({o.item.id}), {t('report.clause', lang)} {o.item.clause.number}, "
            f"{level_word(o.item.level, lang)}{added}")


def _groups(report: AuditReport) -> list[tuple[str, list[Outcome]]]:
    """Required items by status (failures first), then the advisory items in one group."""
    ordered = report.ordered()
    groups = [(t(f"heading.{s}", report.lang), [o for o in ordered
                                                 if o.status == s and not o.advisory])
              for s in STATUSES]
    groups.append((t("heading.advisory", report.lang), [o for o in ordered if o.advisory]))
    return [(heading, members) for heading, members in groups if members]


def photo_of(report: AuditReport, o: Outcome) -> str:
    """The photo file the survey names for an item (a path relative to the survey or
    inside its zip), or empty."""
    entry = report.survey.entries.get(o.item.id)
    return entry.photo or "" if entry is not None else ""


def _pad(word: str, width: int) -> str:
    """``word`` padded with spaces to ``width`` terminal columns (a Han character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in word)
    return word + " " * max(1, width - used)


def report_text(report: AuditReport) -> str:
    """Plain text, for a terminal."""
    lang = report.lang
    out = [_title(report), *verdict_lines(report), *[f"{k}: {v}" for k, v in _header(report)]]
    for heading, outcomes in _groups(report):
        out += ["", f"{heading} ({len(outcomes)})"]
        for o in outcomes:
            out.append(f"  {_pad(t('status.' + o.status, lang), 10)}{_label(o, lang)}: "
                       f"{o.message}")
            if o.status == "fail":
                out.append(f"            「{o.item.quote}」")
            if o.note:
                out.append(f"            {t('report.note', lang)}: {o.note}")
            if photo_of(report, o):
                out.append(f"            {t('report.photo', lang)}: {photo_of(report, o)}")
    out += ["", t("footer", lang)]
    return "\n".join(out) + "\n"


def report_markdown(report: AuditReport) -> str:
    """Markdown, for the site or a pull request."""
    lang = report.lang
    out = [f"# {md_escape(_title(report))}", ""]
    out += [f"**{md_escape(line)}**  " for line in verdict_lines(report)] + [""]
    out += [f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in _header(report)]
    for heading, outcomes in _groups(report):
        out += ["", f"## {md_escape(heading)} ({len(outcomes)})", ""]
        for o in outcomes:
            note = f" *{t('report.note', lang)}:* {md_escape(o.note)}" if o.note else ""
            if photo_of(report, o):
                note += f" *{t('report.photo', lang)}:* {md_escape(photo_of(report, o))}"
            out.append(f"- **{t('status.' + o.status, lang)}** {md_escape(_label(o, lang))}: "
                       f"{md_escape(o.message)}{note}")
            if o.status == "fail":
                out.append(f"    > {md_escape(o.item.quote)}")
    out += ["", md_escape(t("footer", lang))]
    return "\n".join(out) + "\n"


def report_data(report: AuditReport) -> dict[str, Any]:
    """The report as plain data (what ``--format json`` prints)."""
    info = report.survey.standard.standard

    def score(s: Any) -> dict[str, int]:
        return {"passed": s.passed, "failed": s.failed, "checked": s.checked,
                "total": s.total, "not_applicable": s.not_applicable}

    return {
        "standard": info.id,
        "edition": info.edition,
        "community": dict(report.survey.values),
        "origin": report.survey.origin,
        "auditor": report.survey.auditor,
        "date": report.survey.date,
        "verdict": ("fail" if report.failures else
                    "incomplete" if report.incomplete else "compliant"),
        "incomplete": report.incomplete,
        "exit_status": report.exit_status,
        "verdict_text": verdict_lines(report),
        "score": score(report.score),
        "advisory_score": score(report.advisory_score),
        "items": [{"id": o.item.id, "status": o.status, "decided_by": o.decided_by,
                   "message": o.message, "auditor_result": o.auditor_result,
                   "overridden": o.overridden, "clause": o.item.clause.number,
                   "title": o.item.title, "title_en": o.item.title_en,
                   "level": o.level, "advisory": o.advisory, "quote": o.item.quote,
                   "note": o.note, "photo": photo_of(report, o) or None}
                  for o in report.ordered()],
    }


def report_json(report: AuditReport) -> str:
    """JSON, for other tools."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"


_CSS = (BASE_CSS + "blockquote { margin: 1mm 0 0 3mm; color: #444; }\n"
        "td:first-child { white-space: nowrap; }\n")


def report_html(report: AuditReport) -> str:
    """A self-contained HTML page (no external links)."""
    e = html_escape
    lang = report.lang
    out = ["<!DOCTYPE html>", f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
           f"<title>{e(_title(report))}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(_title(report))}</h1>"]
    out += [f'<p class="verdict"><strong>{e(line)}</strong></p>'
            for line in verdict_lines(report)]
    out.append("<dl>")
    out += [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in _header(report)]
    out.append("</dl>")
    for heading, outcomes in _groups(report):
        out.append(f"<h2>{e(heading)} ({len(outcomes)})</h2><table>"
                   f"<tr><th>{e(t('report.status', lang))}</th><th>{e(t('report.item', lang))}"
                   f"</th><th>{e(t('report.finding', lang))}</th></tr>")
        for o in outcomes:
            quote = f"<blockquote>{e(o.item.quote)}</blockquote>" if o.status == "fail" else ""
            note = f"<br><em>{e(t('report.note', lang))}:</em> {e(o.note)}" if o.note else ""
            if photo_of(report, o):
                note += (f"<br><em>{e(t('report.photo', lang))}:</em> "
                         f"<code>{e(photo_of(report, o))}</code>")
            out.append(f'<tr id="{e(o.item.id)}"><td class="{e(o.status)}">'
                       f"{e(t('status.' + o.status, lang))}</td>"
                       f"<td>{e(_label(o, lang))}{quote}</td><td>{e(o.message)}{note}</td></tr>")
        out.append("</table>")
    out.append(f"<p>{e(t('footer', lang))}</p></body></html>")
    return "\n".join(out) + "\n"
