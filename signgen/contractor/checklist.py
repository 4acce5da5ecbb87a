"""The contractor's room-function checklist: minimum areas, functions, and their name plaques.

Everything comes from the standard: its area rules, its functions (required and encouraged,
with alternative names), the rules stated in the functions' clauses (e.g. that one room may
serve several functions), and the plaque repeated per room, with where it goes and its
size and mounting height (marked as project defaults where the standard gives none).
Chinese by default; English keeps the Chinese terms alongside.

Each item carries its id, the one the audit survey and sheet give the same item
(``area.area-total``, ``function.police-room``, ``rule.one-room-many-uses``), so a ticked
line can be found again in the survey. The printable HTML adds a community-name line and a
signature block, and keeps every item whole and no item alone on a page (print CSS).
"""

from __future__ import annotations

from collections.abc import Sequence

from signgen.contractor.plaque_facts import clause_label, default_mark, size_facts, style_facts
from signgen.output.document import (
    BASE_CSS,
    Block,
    Bullets,
    Figure,
    Heading,
    Para,
    Table,
    blocks_html,
    blocks_markdown,
)
from signgen.output.numbers import number
from signgen.plaque.text import plaque_text
from signgen.spec.model import Function, Standard

LANGS = ("zh", "en")

_T: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{title}：房间功能清单",
        "intro": "依据《{title}》(第{edition}版，{date})。标注“项目默认”的数值标准未作规定，"
                 "由本项目选定，不属于标准本身。",
        "areas": "面积下限", "area_item": "项目", "min": "不少于", "clause": "条款",
        "quote": "原文", "required": "应设置的功能", "encouraged": "鼓励设置的功能（条件允许时）",
        "done": "☐", "function": "功能", "alt": "又称（标准所列）",
        "aliases": "也接受的简称（项目所加，不上标牌）", "zone": "功能区（项目默认）",
        "plaque_text": "标牌文字", "plaque_where": "标牌位置", "rules": "功能设置规则",
        "plaque": "{name}", "where": "位置", "height": "高度", "width": "宽度",
        "mounting": "安装高度（地面至标牌下沿）", "faces": "字体", "colours": "颜色",
        "none": "—", "id": "编号", "rule": "规则",
        "community": "社区", "contractor": "施工单位", "signature": "签字", "date": "日期",
    },
    "en": {
        "title": "{title_en} ({title}): room-function checklist",
        "intro": "From {title_en} ({title}), edition {edition}, {date}. Values marked "
                 "'project default' are not fixed by the standard: signgen chose them.",
        "areas": "Minimum floor areas", "area_item": "Item", "min": "At least",
        "clause": "Clause", "quote": "Original text", "required": "Functions to set",
        "encouraged": "Functions encouraged where conditions allow", "done": "☐",
        "function": "Function", "alt": "Also called (by the standard)",
        "aliases": "Short forms also accepted (the project's, never on a plaque)",
        "zone": "Zone (project default)",
        "plaque_text": "Room plaque text", "plaque_where": "Plaque placement",
        "rules": "Rules for room functions", "plaque": "Room name plaque: {name_en} ({name})",
        "where": "Where", "height": "Height", "width": "Width",
        "mounting": "Mounting height (floor to lower edge)", "faces": "Typefaces",
        "colours": "Colours", "none": "—", "id": "Id", "rule": "Rule",
        "community": "Community", "contractor": "Contractor", "signature": "Signature",
        "date": "Date",
    },
}


def item_id(kind: str, spec_id: str) -> str:
    """An item's id, as the audit names the same item (``kind.spec-id``).

    >>> item_id("function", "police-room")
    'function.police-room'
    """
    return f"{kind}.{spec_id}"


def _both(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else f"{en} ({zh})"


def _function_rows(standard: Standard, functions: Sequence[Function], lang: str,
                   with_plaque: bool) -> tuple[tuple[str, ...], ...]:
    t = _T[lang]
    zones = {z.id: z for z in standard.zones}
    room_plaque = next((p for p in standard.plaques if p.repeat == "per_room"), None)
    rows = []
    for function in functions:
        zone_id = standard.function_zone(function.id)
        zone = zones.get(zone_id) if zone_id else None
        row = [t["done"], item_id("function", function.id),
               _both(lang, function.name, function.name_en),
               "、".join(function.alt_names) or t["none"],
               "、".join(function.project_aliases.names) if function.project_aliases
               else t["none"],
               _both(lang, zone.name, zone.name_en) if zone else t["none"]]
        if with_plaque and room_plaque:
            row += [function.name, _both(lang, room_plaque.placement, room_plaque.placement_en)]
        row.append(clause_label(standard, function.citation.clause))
        rows.append(tuple(row))
    return tuple(rows)


def checklist_blocks(standard: Standard, lang: str = "zh") -> list[Block]:
    """The checklist as document blocks (see :mod:`signgen.output.report`)."""
    if lang not in _T:
        raise ValueError(f"lang: expected one of {', '.join(LANGS)}, got {lang!r}")
    t = _T[lang]
    info = standard.standard
    blocks: list[Block] = [
        Heading(t["title"].format(title=info.title, title_en=info.title_en), 1),
        Para(t["intro"].format(title=info.title, title_en=info.title_en, edition=info.edition,
                               date=info.date))]
    if standard.area_rules:
        blocks.append(Heading(t["areas"]))
        blocks.append(Table((t["done"], t["id"], t["area_item"], t["min"], t["clause"],
                             t["quote"]),
                            tuple((t["done"], item_id("area", r.id),
                                   _both(lang, r.name, r.name_en),
                                   f"{number(r.min_m2)} m²",
                                   clause_label(standard, r.citation.clause), r.citation.quote)
                                  for r in standard.area_rules)))
    room_plaque = next((p for p in standard.plaques if p.repeat == "per_room"), None)
    headers = [t["done"], t["id"], t["function"], t["alt"], t["aliases"], t["zone"]]
    if room_plaque:
        headers += [t["plaque_text"], t["plaque_where"]]
    headers.append(t["clause"])
    for level in ("required", "encouraged"):
        functions = [f for f in standard.functions if f.level == level]
        if functions:
            blocks.append(Heading(t[level]))
            blocks.append(Table(tuple(headers),
                                _function_rows(standard, functions, lang, True)))
    if room_plaque:
        blocks.extend(_plaque_blocks(standard, room_plaque.id, lang))
    # The rules last: a table of items, so the signature block that follows a printed
    # checklist stays with items (Chromium does not keep it with a list before it).
    clauses = {f.citation.clause for f in standard.functions}
    rules = [r for r in standard.rules if r.citation.clause in clauses]
    if rules:
        blocks.append(Heading(t["rules"]))
        blocks.append(Table((t["done"], t["id"], t["rule"], t["quote"], t["clause"]), tuple(
            (t["done"], item_id("rule", r.id), _both(lang, r.title, r.title_en),
             r.citation.quote, clause_label(standard, r.citation.clause)) for r in rules)))
    return blocks


def _plaque_blocks(standard: Standard, plaque_id: str, lang: str) -> list[Block]:
    t = _T[lang]
    plaque = standard.plaque(plaque_id)
    height, width, source = size_facts(standard, plaque_id, lang)
    faces, colours = style_facts(standard, plaque_text(standard, plaque_id), lang)
    height_text = f"{number(height)} mm" if height else t["none"]
    width_text = f"{width} mm"
    return [
        Heading(f"{t['plaque'].format(name=plaque.name, name_en=plaque.name_en)} "
                f"({item_id('plaque', plaque.id)})"),
        Bullets((
            f"{t['where']}: {_both(lang, plaque.placement, plaque.placement_en)}: "
            f"“{plaque.citation.quote}” ({t['clause']} "
            f"{clause_label(standard, plaque.citation.clause)})",
            f"{t['height']}: {height_text}; {t['width']}: {width_text} ({source})",
            f"{t['mounting']}: {number(standard.layout(plaque_id).mounting_height_mm)} mm "
            f"({default_mark(lang)})",
            f"{t['faces']}: {faces}",
            f"{t['colours']}: {colours}"))]


def checklist_markdown(standard: Standard, lang: str = "zh") -> str:
    """The checklist as Markdown (for the site); ``lang`` is ``zh`` or ``en``."""
    return blocks_markdown(checklist_blocks(standard, lang))


PRINT_CSS = BASE_CSS + """\
@page { size: A4 landscape; }
body { max-width: 267mm; }
td:first-child, th:first-child { width: 6mm; text-align: center; }
td:last-child { white-space: nowrap; }
td:nth-child(2) { font-family: monospace; font-size: 8pt; white-space: nowrap; }
thead { display: table-header-group; }
h2 { break-after: avoid; }
tr { break-inside: avoid; }
tbody tr:first-child { break-after: avoid; }
tbody tr:last-child { break-before: avoid; }
p, li { orphans: 2; widows: 2; }
ul, li { break-inside: avoid; }
figure:has(> .form) { margin: 2mm 0; }
figure:has(> .sign) { margin-top: 8mm; break-inside: avoid; break-before: avoid; }
.blank { display: inline-block; min-width: 18mm; border-bottom: 0.5pt solid #000; }
.blank.wide { min-width: 55mm; }
"""


def _form_line(lang: str, *labels: str) -> str:
    t = _T[lang]
    return " &nbsp; ".join(
        f'{t[key]}: <span class="blank{" wide" if key != "date" else ""}"></span>'
        for key in labels)


def checklist_html(standard: Standard, lang: str = "zh") -> str:
    """The checklist as one printable A4 HTML page (print CSS inline, nothing external):
    a community-name line under the title, item ids, a signature block at the end; items
    kept whole, headings with their first items and no item alone on a page."""
    blocks = checklist_blocks(standard, lang)
    title = blocks[0].text if isinstance(blocks[0], Heading) else standard.id
    t = _T[lang]
    community = Figure(f'<p class="form">{_form_line(lang, "community", "contractor")}</p>',
                       t["community"])
    sign = Figure(f'<p class="form sign">{_form_line(lang, "community", "signature", "date")}'
                  "</p>", t["signature"])
    return blocks_html(title, [*blocks[:2], community, *blocks[2:], sign], PRINT_CSS, lang)
