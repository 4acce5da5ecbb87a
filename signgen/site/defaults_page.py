"""The project-defaults page: every value the standard leaves open, with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from signgen.site.templating import format_number as num
from signgen.spec.model import PlaqueLayout, Standard

if TYPE_CHECKING:
    from signgen.site.pages import PageSet


@dataclass(frozen=True)
class DefaultGroup:
    """One kind of default (colours, typefaces...) as rows of label, value, reason."""

    title: str
    rows: list[tuple[str, str, str]]


def _name(item: object, lang: str, attr: str = "name") -> str:
    zh = str(getattr(item, attr))
    return zh if lang == "zh" else f"{getattr(item, attr + '_en')} ({zh})"


def _layout_value(lay: PlaqueLayout, lang: str) -> str:
    zh = lang == "zh"
    parts = []
    if lay.height_mm:
        parts.append(f"{'高' if zh else 'height'} {num(lay.height_mm)} mm")
    if lay.width_mm:
        parts.append(f"{'长' if zh else 'width'} {num(lay.width_mm)} mm")
    if lay.width_from_text and lay.min_width_mm and lay.max_width_mm:
        parts.append(f"{'长随文字' if zh else 'width follows the text'} "
                     f"{num(lay.min_width_mm)}–{num(lay.max_width_mm)} mm")
    parts.append(f"{'边距' if zh else 'margin'} {num(lay.margin_mm)} mm")
    parts.append(f"{'字高' if zh else 'letters'} {num(lay.min_letter_height_mm)}–"
                 f"{num(lay.max_letter_height_mm)} mm")
    parts.append(f"{'安装高度' if zh else 'mounted at'} {num(lay.mounting_height_mm)} mm")
    return "; ".join(parts)


def default_groups(std: Standard, lang: str) -> list[DefaultGroup]:
    """The standard's project defaults, grouped by kind; empty kinds are left out."""
    d = std.project_defaults
    zh = lang == "zh"
    groups = [
        DefaultGroup("颜色取值" if zh else "Colour values", [
            (_name(std.colour(c.colour), lang),
             f"{c.hex} · CMYK {' / '.join(num(v) for v in c.cmyk)}", c.reason_in(lang))
            for c in d.colour_values]),
        DefaultGroup("替代字体" if zh else "Substitute typefaces", [
            (_name(std.typeface(s.typeface), lang),
             " → ".join(f"{f.family} {f.style}" for f in s.families), s.reason_in(lang))
            for s in d.typeface_substitutes]),
        DefaultGroup("标牌版式" if zh else "Plaque layouts", [
            (_name(std.plaque(lay.plaque), lang), _layout_value(lay, lang), lay.reason_in(lang))
            for lay in d.plaque_layouts]),
        DefaultGroup("允许偏差" if zh else "Tolerances", [
            (t.applies_to, f"±{num(t.plus_minus)} {t.unit}", t.reason_in(lang))
            for t in d.tolerances]),
        DefaultGroup("功能所属分区" if zh else "Zone of each function", [
            (_name(next(f for f in std.functions if f.id == z.function), lang),
             _name(next(x for x in std.zones if x.id == z.zone), lang), z.reason_in(lang))
            for z in d.function_zones]),
    ]
    if d.legibility:
        groups.append(DefaultGroup("易读性" if zh else "Legibility", [
            ("mm / m", f"{num(d.legibility.mm_per_metre)} mm "
             f"{'字高每米观看距离' if zh else 'letter height per metre of distance'}",
             d.legibility.reason_in(lang))]))
    if d.entrance:
        e = d.entrance
        values = [("door_width_mm", e.door_width_mm), ("door_height_mm", e.door_height_mm),
                  ("wall_height_mm", e.wall_height_mm),
                  ("gap_above_door_mm", e.gap_above_door_mm),
                  ("gap_beside_door_mm", e.gap_beside_door_mm),
                  ("logo_size_mm", e.logo_size_mm), ("figure_height_mm", e.figure_height_mm)]
        groups.append(DefaultGroup("大门立面" if zh else "Entrance",
                                   [(k, f"{num(v)} mm", e.reason_in(lang)) for k, v in values]))
    if d.print_setup:
        p = d.print_setup
        rows = [("bleed_mm", f"{num(p.bleed_mm)} mm"),
                ("no_bleed_plaques", "、".join(p.no_bleed_plaques) or "—"),
                ("crop_mark_length_mm", f"{num(p.crop_mark_length_mm)} mm"),
                ("crop_mark_offset_mm", f"{num(p.crop_mark_offset_mm)} mm"),
                ("icc_profile", f"{p.icc_profile} ({p.output_condition})"),
                ("panel_width_mm × panel_height_mm",
                 f"{num(p.panel_width_mm)} × {num(p.panel_height_mm)} mm"),
                ("panel_overlap_mm", f"{num(p.panel_overlap_mm)} mm"),
                ("reduced_scale", f"1:{num(p.reduced_scale)}")]
        groups.append(DefaultGroup("印刷文件" if zh else "Print files",
                                   [(k, v, p.reason_in(lang)) for k, v in rows]))
    return [g for g in groups if g.rows]


def defaults_page(pages: PageSet, lang: str) -> str:
    """Every project default with its reason, apart from the standard."""
    from signgen.site.pages import _render

    return _render(pages, "defaults.md.j2", "defaults", lang,
                   groups=default_groups(pages.std, lang))
