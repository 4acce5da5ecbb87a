"""Plaque pages and their downloads: previews and 1:1 files from the plaque renderer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from signgen.artwork.render import Refusal, render_plaque
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm_text
from signgen.plaque.layout import PlaqueGeometry
from signgen.plaque.text import plaque_text
from signgen.site.urls import Where
from signgen.spec.model import Plaque, Standard
from signgen.spec.template import plaque_fields

PNG_MAX_PX = 1600  # long side of a downloadable PNG; the PDF and SVG are the 1:1 files
PNG_PX_PER_MM = 4.0  # the PNG's resolution where that cap allows
FORMATS = ("svg", "svg-outlined", "pdf", "png")
FORMAT_LABELS = {"svg": "SVG", "svg-outlined": "SVG 轮廓 outlined", "pdf": "PDF 1:1",
                 "png": "PNG", "drawing": "图纸 drawing (SVG)"}
TOLERANCES = {"plaque_size": ("尺寸", "size"), "letter_height": ("字高", "letter height"),
              "mounting_height": ("安装高度", "mounting height"), "area": ("面积", "area")}
SUFFIXES = {"svg": ".svg", "svg-outlined": ".outlined.svg", "pdf": ".pdf", "png": ".png",
            "drawing": ".drawing.svg"}


@dataclass
class Assets:
    """Generated downloads, by source path (shared by both languages), and the plaques the
    fit rules refused (each a build warning)."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)

    def add(self, uri: str, content: str | bytes) -> str:
        """Keep ``content`` at ``uri`` and return the uri."""
        self.files[uri] = content
        return uri


@dataclass(frozen=True)
class PublishedPlaque:
    """One plaque laid out for some values, and where its files are.

    A plaque the CLI refuses (letters below the minimum height) has no preview and no
    files: ``refusal`` says why, and the build reports it.
    """

    geometry: PlaqueGeometry
    preview: str | None  # uri of the SVG shown on pages; None when refused
    files: tuple[tuple[str, str], ...]  # (format label, uri)
    refusal: Refusal | None = None


def example_values(standard: Standard) -> dict[str, str]:
    """Each template field's ``example`` value (the example community)."""
    return {f.id: f.example for f in standard.fields}


def publish_plaque(standard: Standard, fonts: FontBook, assets: Assets, plaque_id: str,
                   values: Mapping[str, str], stem: str, formats: tuple[str, ...] = FORMATS,
                   *, preview_outlined: bool = True, page: str = "") -> PublishedPlaque:
    """Render one plaque with the CLI's service and fit rules; add its files as
    ``<stem><suffix>``; the preview is an SVG. A refused plaque adds no file and a build
    warning naming ``page``."""
    preview_fmt = "svg-outlined" if preview_outlined and "svg-outlined" in formats else "svg"
    wanted = tuple(dict.fromkeys([*formats, preview_fmt]))
    rendered = render_plaque(standard, fonts, plaque_id, values, wanted,
                             px_per_mm=PNG_PX_PER_MM, png_max_px=PNG_MAX_PX)
    if rendered.refusal is not None:
        assets.refused.append(f"{page or stem}: 标牌字高不足，未发布 (plaque refused, not "
                              f"published): {rendered.refusal.message()}")
        return PublishedPlaque(rendered.geometry, None, (), rendered.refusal)
    made = rendered.files
    files = tuple((FORMAT_LABELS[fmt], assets.add(stem + SUFFIXES[fmt], made[fmt]))
                  for fmt in formats)
    preview = stem + SUFFIXES[preview_fmt]
    if preview not in assets.files:
        assets.add(preview, made[preview_fmt])
    return PublishedPlaque(rendered.geometry, preview, files)


def _segment_rows(standard: Standard, plaque: Plaque, values: Mapping[str, str]
                  ) -> list[dict[str, Any]]:
    layout = standard.layout(plaque.id)
    styles = {s.segment: s for s in layout.segment_styles}
    filled = {run.segment: run.text for line in plaque_text(standard, plaque.id, values).lines
              for run in line}
    rows = []
    for seg in plaque.segments:
        style = styles.get(seg.id)
        typeface = seg.typeface or (style.typeface if style else "")
        colour = seg.colour or (style.colour if style else "")
        rows.append({"id": seg.id, "template": seg.text, "example": filled.get(seg.id, ""),
                     "typeface": standard.typeface(typeface), "typeface_default": not seg.typeface,
                     "colour": standard.colour(colour), "colour_default": not seg.colour})
    return rows


def plaque_context(standard: Standard, plaque: Plaque, rendered: PublishedPlaque | None,
                   template: PublishedPlaque | None, lang: str) -> dict[str, Any]:
    """Everything the plaque page template shows, from the spec and the laid-out example."""
    values = example_values(standard)
    layout = standard.layout(plaque.id)
    segments = _segment_rows(standard, plaque, values)
    typeface_ids = list(dict.fromkeys(s["typeface"].id for s in segments))
    colour_ids = list(dict.fromkeys([s["colour"].id for s in segments]
                                    + [plaque.background or layout.background or ""]))
    used = set(plaque_fields(plaque))
    geometry = rendered.geometry if rendered else None
    letter_heights = [{"line": i, "text": line.text, "height": line.letter_height_mm,
                       "ink": line.ink_height_mm}
                      for i, line in enumerate(geometry.lines, start=1)] if geometry else []
    downloads = []
    refusals = []
    for label, published in (("示例" if lang == "zh" else "Example", rendered),
                             ("模板（占位）" if lang == "zh" else "Template (placeholders)",
                              template)):
        if published is not None and published.files:
            downloads.append((label, published.files))
        if published is not None and published.refusal is not None:
            refusals.append((label, published.refusal.explain(lang)))
    repeat = {"per_window": ("每个窗口一块", "one per service window"),
              "per_room": ("每个房间一块", "one per room"),
              "per_board": ("每个宣传栏一块", "one per bulletin board")}
    tolerances = [t for t in (standard.tolerance("plaque_size"),
                              standard.tolerance("letter_height"),
                              standard.tolerance("mounting_height")) if t]
    return {
        "plaque": plaque, "layout": layout, "segments": segments,
        "fields": [f for f in standard.fields if f.id in used],
        "example_text": plaque_text(standard, plaque.id, values).text,
        "template_text": plaque_text(standard, plaque.id, {}).text,
        "background": standard.colour(plaque.background or layout.background or ""),
        "background_default": plaque.background is None,
        "typefaces": [(standard.typeface(t), standard.substitute(t)) for t in typeface_ids],
        "colours": [(standard.colour(c), standard.colour_value(c)) for c in colour_ids if c],
        "geometry": geometry, "letter_heights": letter_heights,
        "geometry_width": geometry.width_mm if geometry else None,
        "geometry_height": geometry.height_mm if geometry else None,
        "preview": rendered.preview if rendered else None, "downloads": downloads,
        "refusals": refusals,
        "repeat_label": repeat.get(plaque.repeat, ("", ""))[0 if lang == "zh" else 1],
        "tolerances": tolerances, "mm": mm_text,
        "tolerance_labels": {k: v[0 if lang == "zh" else 1] for k, v in TOLERANCES.items()},
    }


def plaque_stem(where: Where, plaque_id: str, variant: str = "") -> str:
    """Download path without suffix: ``downloads/plaques/<id>`` or ``.../<variant>/<id>``."""
    folder = f"plaques/{variant}/" if variant else "plaques/"
    return where.download(f"{folder}{plaque_id}")
