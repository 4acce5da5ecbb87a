"""Check reports (plan checks, audits) as plain text, Markdown, JSON or self-contained HTML.

A :class:`Report` is sections of checked items, each pass/fail/warn/info with the spec item
and clause it comes from; Markdown and HTML are made from document blocks
(:mod:`signgen.output.document`). Generic: no standard's content here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from signgen.messages import REPORT
from signgen.output.document import (
    Block,
    Bullets,
    Figure,
    Heading,
    Para,
    Table,
    blocks_html,
    blocks_markdown,
    html_escape,
)

# --- check reports ----------------------------------------------------------------------

Status = Literal["pass", "fail", "warn", "info"]

STATUS_LABELS: dict[str, str] = {
    "pass": "合格 PASS", "fail": "不合格 FAIL", "warn": "注意 WARN", "info": "说明 INFO"}
_HEADERS: dict[str, str] = {"status": "结果 Status", "finding": "内容 Finding",
                            "rule": "规则 Rule", "clause": "条款 Clause"}
STATUS_MARKS: dict[str, str] = {"pass": "✔", "fail": "✘", "warn": "!", "info": "·"}


@dataclass(frozen=True)
class ReportItem:
    """One checked item: its status, what was found, and the spec item and clause behind it."""

    id: str  # stable within the report, e.g. "area:area-total"
    status: Status
    text: str
    ref: str = ""  # id of the spec item (area rule, function, rule...)
    clause: str = ""  # clause id
    clause_number: str = ""  # the clause number as printed, e.g. 四(四)
    data: Mapping[str, Any] = field(default_factory=dict)  # facts for machines (JSON)

    def source(self, lang: str | None = None) -> str:
        """Where the item comes from, e.g. ``rule area-total, clause 一 (d3-1)``."""
        if lang is not None:
            found = [REPORT.say("src_rule", lang, ref=self.ref)] if self.ref else []
            if self.clause:
                found.append(REPORT.say("src_clause", lang, clause=self.clause, number=(
                    f"{self.clause_number} " if self.clause_number else "")))
            return REPORT.say("src_join", lang).join(found)
        parts = []
        if self.ref:
            parts.append(f"rule {self.ref}")
        if self.clause:
            number_ = f"{self.clause_number} " if self.clause_number else ""
            parts.append(f"clause {number_}({self.clause})")
        return ", ".join(parts)


@dataclass(frozen=True)
class ReportSection:
    """A titled group of items."""

    id: str
    title: str
    items: tuple[ReportItem, ...]


@dataclass(frozen=True)
class Report:
    """The outcome of a check: sections of items and a verdict (no failed item = ok)."""

    title: str
    subject: str  # what was checked, e.g. the plan file
    standard: str  # the standard's id
    sections: tuple[ReportSection, ...]
    facts: tuple[tuple[str, str], ...] = ()  # label, value: shown under the title
    data: Mapping[str, Any] = field(default_factory=dict)  # summary facts for machines
    figures: tuple[Figure, ...] = ()  # e.g. the floor plan, in HTML only
    lang: str | None = None  # "zh" or "en": labels in that language; None: both

    def label(self, status: str) -> str:
        """A status as shown in this report's language."""
        return STATUS_LABELS[status] if self.lang is None else REPORT.say(status, self.lang)

    def header(self, key: str) -> str:
        """A table header (status, finding, rule, clause) in this report's language."""
        return _HEADERS[key] if self.lang is None else REPORT.say(f"h_{key}", self.lang)

    @property
    def ok(self) -> bool:
        """True when no item failed."""
        return not any(i.status == "fail" for s in self.sections for i in s.items)

    def count(self, status: str) -> int:
        """How many items have ``status``."""
        return sum(1 for s in self.sections for i in s.items if i.status == status)

    @property
    def verdict(self) -> str:
        """One line: compliant or not, with the number of failed items."""
        if self.lang is not None:
            return (REPORT.say("compliant", self.lang) if self.ok else
                    REPORT.say("not_compliant", self.lang, n=self.count("fail")))
        if self.ok:
            return "合格 COMPLIANT: no item failed"
        return f"不合格 NOT COMPLIANT: {self.count('fail')} item(s) failed"


def report_text(report: Report) -> str:
    """The report for a terminal: one line per item, with its source."""
    lines = [report.title, f"{report.subject} ({report.standard})"]
    lines += [f"  {label}: {value}" for label, value in report.facts]
    for section in report.sections:
        lines += ["", section.title]
        for item in section.items:
            source = f"  [{item.source(report.lang)}]" if item.source() else ""
            lines.append(f"  {STATUS_MARKS[item.status]} {item.text}{source}")
    lines += ["", report.verdict]
    return "\n".join(" ".join(line.split("\n")) for line in lines) + "\n"


def _report_blocks(report: Report, for_html: bool) -> list[Block]:
    blocks: list[Block] = [Heading(report.title, 1),
                           Para(f"{report.subject} ({report.standard})")]
    if report.facts:
        blocks.append(Bullets(tuple(f"{label}: {value}" for label, value in report.facts)))
    blocks.append(Para(report.verdict))
    for section in report.sections:
        blocks.append(Heading(section.title, 2))
        rows = tuple((report.label(i.status), i.text, i.ref, " ".join(
            p for p in (i.clause_number, f"({i.clause})" if i.clause else "") if p))
            for i in section.items)
        blocks.append(Table(tuple(report.header(k) for k in _HEADERS), rows))
    if for_html:
        blocks.extend(report.figures)
    return blocks


def report_markdown(report: Report) -> str:
    """The report as Markdown: a table per section, every text escaped."""
    return blocks_markdown(_report_blocks(report, False))


def report_html(report: Report) -> str:
    """The report as one self-contained HTML page; failed rows in red, figures inline."""
    page = blocks_html(report.title, _report_blocks(report, True), lang=report.lang or "zh")
    # Colour each row by its status: the status cell is the row's first cell.
    for status in STATUS_LABELS:
        label = report.label(status)
        page = page.replace(f"<tr><td>{html_escape(label)}</td>",
                            f'<tr class="{status}"><td>{html_escape(label)}</td>')
    verdict = f"<p>{html_escape(report.verdict)}</p>"
    return page.replace(verdict, f'<p class="verdict {"pass" if report.ok else "fail"}">'
                                 f"{html_escape(report.verdict)}</p>", 1)


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data with stable keys (what :func:`report_json` prints)."""
    return {
        "title": report.title,
        "subject": report.subject,
        "standard": report.standard,
        "compliant": report.ok,
        "counts": {s: report.count(s) for s in STATUS_LABELS},
        "summary": dict(report.data),
        "sections": [
            {"id": s.id, "title": s.title, "items": [
                {"id": i.id, "status": i.status, "text": i.text, "ref": i.ref,
                 "clause": i.clause, "clause_number": i.clause_number, "data": dict(i.data)}
                for i in s.items]}
            for s in report.sections],
    }


def report_json(report: Report) -> str:
    """The report as JSON for machines: sorted keys, UTF-8 text, two-space indent."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


REPORT_FORMATS = ("text", "md", "json", "html")


def render_report(report: Report, fmt: str) -> str:
    """Render ``report`` in one of :data:`REPORT_FORMATS`."""
    renderers = {"text": report_text, "md": report_markdown, "json": report_json,
                 "html": report_html}
    return renderers[fmt](report)
