"""The printable A4 audit sheet: one checkbox line per item, with a QR code to its site page.

The sheet is one self-contained HTML file (print CSS, inline SVG QR codes, no links out of
the file except the items' rule pages at the site's base URL). Embedded in the site
(``site_root``), the links are relative and the browser draws each code from the page's own
address (``signgen/site/theme/assets/javascripts/signgen-qr.js``), so a sheet printed from
any served copy opens that copy's pages. Code sizes are project defaults (``qr_codes``).
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
from signgen.communities.identity import community_identity
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
figure.qr { margin: 0; width: var(--qr-size); flex: none; text-align: center; font-size: 6pt; }
figure.qr svg { width: var(--qr-size); height: var(--qr-size); display: block; }
.title a { color: inherit; }
.id { font-family: monospace; font-weight: normal; font-size: 8pt; }
.notice { border: 1pt solid #000; padding: 1mm 2mm; }
footer.sign { margin-top: 6mm; break-inside: avoid; }
@media screen { body { max-width: 186mm; margin: 12mm auto; padding: 0 3mm; } }
@media screen and (max-width: 600px) {
  body { margin: 3mm auto; font-size: 11pt; }
  .item { flex-wrap: wrap; }
  .body { flex-basis: calc(100% - 8mm); min-width: 0; overflow-wrap: anywhere; }
  .blank.wide { min-width: 40mm; }
}
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


def qr_sizes(standard: Standard) -> tuple[float, float]:
    """(smallest code side, smallest module side) in mm, from the project defaults.

    Raises:
        ValueError: the standard's ``defaults.yml`` has no ``qr_codes`` entry.
    """
    qr = standard.project_defaults.qr_codes
    if qr is None:
        raise ValueError(f"{standard.id}: defaults.yml: project_defaults.qr_codes: expected "
                         "min_size_mm and min_module_mm (the audit sheet's QR code size), "
                         "found nothing")
    return qr.min_size_mm, qr.min_module_mm


def qr_figure(url: str, standard: Standard, lang: str, drawn_here: bool) -> str:
    """One item's QR code: a segno SVG for an absolute ``url``; for a relative one
    (``drawn_here``), an empty figure the site's script fills from the page's address."""
    e = html.escape
    min_mm, module_mm = qr_sizes(standard)
    caption = f"<figcaption>{LABELS[lang]['scan']}</figcaption>"
    if drawn_here:
        return (f'<figure class="qr" data-href="{e(url)}" data-min-mm="{min_mm:g}" '
                f'data-module-mm="{module_mm:g}" style="--qr-size: {min_mm:g}mm">'
                f'<noscript class="qr-missing">{e(LABELS[lang]["noscript"])}</noscript>'
                f"{caption}</figure>")
    side = segno.make(url, error="m", micro=False).symbol_size(border=4)[0]
    mm = max(min_mm, side * module_mm)
    return (f'<figure class="qr" data-url="{e(url)}" style="--qr-size: {mm:.2f}mm">'
            f"{qr_svg(url)}{caption}</figure>")


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


def _item_html(item: AuditItem, standard: Standard, base_url: str, lang: str,
               drawn_here: bool) -> str:
    e = html.escape
    t = LABELS[lang]
    url = rule_url(base_url, item, standard_base(standard), lang)
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
            f'<div class="body"><div class="title"><a href="{e(url)}">{e(title)}</a> '
            f'<span class="id" title="{e(t["item-id"])}">{e(item.id)}</span> '
            f'<span class="clause">[{e(item.clause.number)} {e(item.clause.title)}]</span>'
            f'<span class="level {level_class(item.level)}">{e(t["level"])}: '
            f"{e(level_word(item.level, lang))}"
            + (f"; {e(text('level.project', lang))}" if item.project_addition else "")
            + "</span></div>"
            + "".join(lines) + "</div>"
            + qr_figure(url, standard, lang, drawn_here) + "</div>")


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
                     base_url: str, lang: str = "zh", origin: str | None = None,
                     site_root: str | None = None) -> str:
    """The A4 audit sheet for one community as a self-contained HTML page.

    ``base_url`` is http(s) (see :func:`check_base_url`); the codes carry it, and the sheet
    warns when it is the local ``mkdocs serve`` address. ``site_root`` instead (the relative
    path from the sheet's page to the site root, such as ``"../"``): links are relative
    and the browser draws the codes (embedded in the site).
    """
    if lang not in LABELS:
        raise ValueError(f"lang: expected one of {', '.join(LABELS)}, got {lang!r}")
    drawn_here = site_root is not None
    base_url = (site_root or "./") if drawn_here else check_base_url(base_url, lang)
    e = html.escape
    t = LABELS[lang]
    info = standard.standard
    title = info.title if lang == "zh" else info.title_en
    community = community_identity(standard, values).written
    known = next((o for o in standard.origins if o.id == origin), None)
    origin_text = (f"{t['origin']}: {e(known.name if lang == 'zh' else known.name_en)} &nbsp; "
                   if known else "")
    items = [i for i in checkable_items(standard, values, site, origin)
             if applies_to_origin(i, origin)]
    groups: dict[str, list[AuditItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    notice = ("" if drawn_here or urlsplit(base_url).netloc != urlsplit(DEFAULT_BASE_URL).netloc
              else f'<p class="notice">{e(t["local-url"].format(url=base_url))}</p>')
    out = ["<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(t['sheet'])}: {e(community or title)}</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<header><h1>{e(t['sheet'])}: {e(title)}</h1>",
           f"<p>{e(info.id)}, {t['edition']} {e(info.edition)}</p>",
           f"<p>{t['community']}: {e(community)} &nbsp; {origin_text}{t['auditor']}: "
           f'<span class="blank wide"></span> &nbsp; {t["date"]}: '
           f'<span class="blank"></span></p>{notice}</header>']
    for group, members in groups.items():
        out.append(f'<section class="group" id="group-{e(group)}">'
                   f"<h2>{e(_group_title(members[0], lang))}</h2>")
        out += [_item_html(item, standard, base_url, lang, drawn_here) for item in members]
        out.append("</section>")
    out.append(f'<footer class="sign"><p>{t["community"]}: {e(community)} &nbsp; '
               f'{t["signature"]}: <span class="blank wide"></span> &nbsp; {t["date"]}: '
               '<span class="blank"></span></p></footer>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
