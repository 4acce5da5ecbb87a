"""The printable A4 audit sheet: one checkbox line per item, with a QR code to its site page.

The sheet is one self-contained HTML file (print CSS, inline SVG QR codes, no links out of
the file except the QR codes' target, the site's base URL).
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import urlsplit

import segno

from signgen.audit.items import (
    AuditItem,
    Site,
    applies_to_origin,
    checkable_items,
    rule_url,
    standard_base,
)
from signgen.audit.template import tolerance_text
from signgen.audit.texts import SHEET_LABELS, level_class, level_word
from signgen.audit.texts import t as text
from signgen.output.memo import memoized
from signgen.spec.model import Standard

DEFAULT_BASE_URL = "http://127.0.0.1:8000/"
BASE_URL_ENV = "SIGNGEN_SITE_URL"

LABELS = SHEET_LABELS

_CSS = """@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10pt;
  margin: 0; color: #000; }
header { border-bottom: 1.5pt solid #000; margin-bottom: 4mm; }
header h1 { font-size: 15pt; margin: 0 0 1mm; }
header p { margin: 0.5mm 0; }
section.group + section.group { break-before: page; }
h2 { font-size: 12pt; margin: 3mm 0 2mm; }
.item { display: flex; gap: 3mm; align-items: flex-start; padding: 2mm 0;
  border-bottom: 0.5pt solid #999; break-inside: avoid; }
.item input { width: 5mm; height: 5mm; margin: 0.5mm 0 0; flex: none; }
.body { flex: 1; }
.title { font-weight: bold; }
.clause { font-weight: normal; color: #333; }
.level { font-weight: normal; border: 0.5pt solid #000; padding: 0 1mm; margin-left: 1mm; }
.level.recommended, .level.encouraged, .level.examples { border-style: dashed; }
.line { margin-top: 1mm; }
.blank { display: inline-block; min-width: 18mm; border-bottom: 0.5pt solid #000; }
.blank.wide { min-width: 60mm; }
figure.qr { margin: 0; width: 20mm; flex: none; text-align: center; font-size: 6pt; }
figure.qr svg { width: 20mm; height: 20mm; display: block; }
@media screen { body { max-width: 186mm; margin: 12mm auto; } }
"""


def default_base_url() -> str:
    """The site's base URL: ``$SIGNGEN_SITE_URL``, else the local ``mkdocs serve`` address."""
    return os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL


@memoized  # outside: every use is recorded in the memo, even when lru_cache has it
@lru_cache(maxsize=512)
def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (same URL, same bytes), titled with the URL."""
    code = segno.make(url, error="m", micro=False)
    return str(code.svg_inline(scale=1, omitsize=True, svgclass="qr", title=url))


def _group_title(item: AuditItem, lang: str) -> str:
    words = dict(pair.split(":", 1) for pair in LABELS[lang]["groups"].split(";"))
    if item.group in words:
        return words[item.group]
    return item.title.split(":")[0] if lang == "zh" else item.title_en.split(": ")[0]


def _fill_line(item: AuditItem, lang: str) -> str:
    t = LABELS[lang]
    blank, wide = '<span class="blank"></span>', '<span class="blank wide"></span>'
    if item.kind == "plaque-size":
        return f"{t['measured']}: {blank} × {blank} cm"
    if item.kind == "area":
        return f"{t['measured']}: {blank} m²"
    if item.kind == "quantity" and item.quantity is not None:
        return f"{t['measured']}: {blank} {html.escape(item.quantity.unit)}"
    if item.kind == "function":
        return f"{t['room']}: {wide}"
    if item.kind == "plaque-text":
        return f"{t['observed']}: {wide}"
    if item.parts:
        return " ".join(f"{html.escape(p.label)}: {blank}" for p in item.parts)
    return ""


def _item_html(item: AuditItem, base_url: str, prefix: str, lang: str) -> str:
    e = html.escape
    t = LABELS[lang]
    url = rule_url(base_url, item, prefix, lang)
    title = item.title if lang == "zh" else item.title_en
    check = item.check if lang == "zh" else item.check_en
    required = item.required if lang == "zh" else item.required_en
    tol = tolerance_text(item, lang)
    lines = [f'<div class="line">{e(check)}</div>',
             f'<div class="line">{t["required"]}: {e(required)}'
             + (f"; {t['tolerance']}: {e(tol)}" if tol else "") + "</div>"]
    fill = _fill_line(item, lang)
    if fill:
        lines.append(f'<div class="line">{fill}</div>')
    lines.append(f'<div class="line">{t["result"]}: {t["outcome"]} &nbsp; {t["note"]}: '
                 '<span class="blank wide"></span></div>')
    return (f'<div class="item" id="{e(item.id)}">'
            f'<input type="checkbox" aria-label="{e(title)}">'
            f'<div class="body"><div class="title">{e(title)} '
            f'<span class="clause">[{e(item.clause.number)} {e(item.clause.title)}]</span>'
            f'<span class="level {level_class(item.level)}">{e(t["level"])}: '
            f"{e(level_word(item.level, lang))}"
            + (f"; {e(text('level.project', lang))}" if item.project_addition else "")
            + "</span></div>"
            + "".join(lines) + "</div>"
            f'<figure class="qr" data-url="{e(url)}">{qr_svg(url)}'
            f"<figcaption>{t['scan']}</figcaption></figure></div>")


def check_base_url(url: str, lang: str = "zh") -> str:
    """``url`` when it is an http(s) address; the QR codes must never carry a script.

    Raises:
        ValueError: any other scheme (``javascript:``, ``file:``, ``data:``...).
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(LABELS[lang]["base-url"].format(got=url))
    return url.strip()


def audit_sheet_html(standard: Standard, values: Mapping[str, str], site: Site | None,
                     base_url: str, lang: str = "zh", origin: str | None = None) -> str:
    """The A4 audit sheet for one community as a self-contained HTML page; ``base_url``
    is http(s) (see :func:`check_base_url`), or empty for links within the site."""
    if lang not in LABELS:
        raise ValueError(f"lang: expected one of {', '.join(LABELS)}, got {lang!r}")
    base_url = check_base_url(base_url, lang) if base_url else ""  # "": the site's own
    e = html.escape
    t = LABELS[lang]
    info = standard.standard
    title = info.title if lang == "zh" else info.title_en
    community = "".join(values.get(k, "") for k in ("district", "street", "community")
                        if values.get(k))
    known = next((o for o in standard.origins if o.id == origin), None)
    origin_text = (f"{t['origin']}: {e(known.name if lang == 'zh' else known.name_en)} &nbsp; "
                   if known else "")
    items = [i for i in checkable_items(standard, values, site, origin)
             if applies_to_origin(i, origin)]
    groups: dict[str, list[AuditItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    out = ["<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
           f"<title>{e(t['sheet'])}: {e(community or title)}</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<header><h1>{e(t['sheet'])}: {e(title)}</h1>",
           f"<p>{e(info.id)}, {t['edition']} {e(info.edition)}</p>",
           f"<p>{t['community']}: {e(community)} &nbsp; {origin_text}{t['auditor']}: "
           f'<span class="blank wide"></span> &nbsp; {t["date"]}: '
           '<span class="blank"></span></p></header>']
    for group, members in groups.items():
        out.append(f'<section class="group" id="group-{e(group)}">'
                   f"<h2>{e(_group_title(members[0], lang))}</h2>")
        out += [_item_html(item, base_url, standard_base(standard), lang) for item in members]
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
