"""Documents as plain text blocks, rendered as Markdown or self-contained HTML.

A *document* is a list of blocks (:class:`Heading`, :class:`Para`, :class:`Bullets`,
:class:`Table`, :class:`Figure`), for checklists, schedules and the body of check reports
(:mod:`signgen.output.report`). Generic: no standard's content here. Every piece of text is
escaped for the format it lands in; no output links anywhere external.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

# --- escaping ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_MD_LINE_START = re.compile(r"^([#+\-])")
_MD_CLOSING_HASHES = re.compile(r"(?<!\\)#+$")  # an ATX heading drops them
_MD_ORDERED = re.compile(r"^(\d+)\.")


def md_escape(text: str) -> str:
    """Text safe inside Markdown (and a table cell): no markup, no raw HTML, one line; the
    one Markdown escaping rule (the site's :func:`signgen.site.templating.md_escape` calls it).

    >>> md_escape("a|b <script> *x*")
    'a\\\\|b &lt;script&gt; \\\\*x\\\\*'
    """
    one_line = " ".join(str(text).split())
    escaped = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    escaped = _MD_CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group()),
                                     _MD_LINE_START.sub(r"\\\1", escaped))
    return _MD_ORDERED.sub(r"\1\\.", escaped)


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
