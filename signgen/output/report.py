"""Render documents and check reports as plain text, Markdown, JSON or self-contained HTML.

Two shapes, both generic (no standard's content here):

- a *document*: a list of blocks (:class:`Heading`, :class:`Para`, :class:`Bullets`,
  :class:`Table`, :class:`Figure`), for checklists and schedules;
- a :class:`Report`: sections of checked items, each pass/fail/warn/info with the spec item
  and clause it comes from, for plan checks and audits.

Every piece of text is escaped for the format it lands in; no output links anywhere external.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

# --- escaping ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_MD_LINE_START = re.compile(r"^([#+\-])")
_MD_ORDERED = re.compile(r"^(\d+)\.")


def md_escape(text: str) -> str:
    """Text safe inside Markdown (and a table cell): no markup, no raw HTML, one line.

    >>> md_escape("a|b <script> *x*")
    'a\\\\|b &lt;script&gt; \\\\*x\\\\*'
    """
    one_line = " ".join(str(text).split())
    escaped = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return _MD_ORDERED.sub(r"\1\\.", _MD_LINE_START.sub(r"\\\1", escaped))


def html_escape(text: str) -> str:
    """Text safe in HTML or XML content and attribute values."""
    return html.escape(str(text), quote=True)


# --- documents --------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the document title."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list of plain-text items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells with a header row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    """Trusted markup made by signgen (e.g. an inline SVG): in HTML only; ``alt`` elsewhere."""

    markup: str
    alt: str


Block = Heading | Para | Bullets | Table | Figure


def blocks_markdown(blocks: Sequence[Block]) -> str:
    """A document as Markdown (pipe tables), every text escaped."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {md_escape(block.text)}")
        elif isinstance(block, Para):
            out.append(md_escape(block.text))
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {md_escape(item)}" for item in block.items))
        elif isinstance(block, Table):
            lines = ["| " + " | ".join(md_escape(h) for h in block.headers) + " |",
                     "|" + "|".join("---" for _ in block.headers) + "|"]
            lines += ["| " + " | ".join(md_escape(c) or " " for c in row) + " |"
                      for row in block.rows]
            out.append("\n".join(lines))
        else:
            out.append(f"*{md_escape(block.alt)}*")
    return "\n\n".join(out) + "\n"


BASE_CSS = """\
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai", serif;
  font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; } h2 { font-size: 12.5pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; }
th, td { border: 0.3mm solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; }
.pass { color: #116611; } .fail { color: #b00000; font-weight: bold; }
.warn { color: #8a5a00; } .info { color: #333; }
.verdict { font-size: 12pt; font-weight: bold; }
figure { margin: 4mm 0; } figure svg { max-width: 100%; height: auto; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def blocks_html(title: str, blocks: Sequence[Block], css: str = BASE_CSS,
                lang: str = "zh") -> str:
    """A self-contained, printable HTML page (A4 print CSS inline, no external resources)."""
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{html_escape(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            body.append(f"<p>{html_escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{html_escape(i)}</li>" for i in block.items)
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{html_escape(h)}</th>" for h in block.headers)
            rows = "".join("<tr>" + "".join(f"<td>{html_escape(c)}</td>" for c in row)
                           + "</tr>" for row in block.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        else:
            body.append(f"<figure>{block.markup}</figure>")
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html_escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


# --- check reports ----------------------------------------------------------------------

Status = Literal["pass", "fail", "warn", "info"]

STATUS_LABELS: dict[str, str] = {
    "pass": "合格 PASS", "fail": "不合格 FAIL", "warn": "注意 WARN", "info": "说明 INFO"}
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

    def source(self) -> str:
        """Where the item comes from, e.g. ``rule area-total, clause 一 (d3-1)``."""
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
            source = f"  [{item.source()}]" if item.source() else ""
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
        rows = tuple((STATUS_LABELS[i.status], i.text, i.ref, " ".join(
            p for p in (i.clause_number, f"({i.clause})" if i.clause else "") if p))
            for i in section.items)
        blocks.append(Table(("结果 Status", "内容 Finding", "规则 Rule", "条款 Clause"), rows))
    if for_html:
        blocks.extend(report.figures)
    return blocks


def report_markdown(report: Report) -> str:
    """The report as Markdown: a table per section, every text escaped."""
    return blocks_markdown(_report_blocks(report, False))


def report_html(report: Report) -> str:
    """The report as one self-contained HTML page; failed rows in red, figures inline."""
    page = blocks_html(report.title, _report_blocks(report, True))
    # Colour each row by its status: the status cell is the row's first cell.
    for status, label in STATUS_LABELS.items():
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
