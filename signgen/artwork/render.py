"""The one plaque-rendering service: text, copy-fit and every file of one plaque.

Every front-end calls :func:`render_plaque`: ``signgen render`` and ``signgen drawing``, the
batch, the site (plaque pages, window and board signs, community pages) and the entrance
elevation. The plaque is laid out once; each format asked for is made from that geometry, so
the files agree with each other and with whichever command or page made them.

Fit rule (the same everywhere): a plaque whose letters would fall below the minimum height
(:func:`signgen.plaque.layout.minimum_letter_height`, a project default) is *refused* unless
``allow_small``: the result has no files and a :class:`Refusal` that says why, in the words
``signgen render`` prints and in Chinese for the site. With ``allow_small`` the files are made
and the same lines are fit warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from signgen.artwork.print_files import SHOP_FORMATS, crop_marks_problem, shop_files
from signgen.artwork.raster import svg_to_pdf, svg_to_png
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm, mm_label
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.svg import plaque_svg
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

FORMATS = ("svg", "svg-outlined", "pdf", "png", "drawing", "drawing-text", "drawing-pdf",
           *SHOP_FORMATS)
"""What :func:`render_plaque` can make:

- ``svg``: the plaque with ``<text>`` (for editing); ``svg-outlined``: every glyph a path;
- ``pdf``, ``png``: outlined, at true size (PNG at ``px_per_mm``);
- ``drawing``: the design-intent drawing with the outlined plaque; ``drawing-text``: with the
  ``<text>`` plaque; ``drawing-pdf``: the outlined drawing as PDF;
- the sign shop's files (:data:`signgen.artwork.print_files.SHOP_FORMATS`: ``print-pdf``,
  ``dxf``, ``png-tiles``), one or more files each, in :attr:`RenderedPlaque.shop`.
"""
ALLOW_SMALL_HINT = "shorten the text or pass --allow-small"


@dataclass(frozen=True)
class SmallLine:
    """A line whose letters would be below the minimum height."""

    line: int  # from 1, top to bottom
    text: str
    height_mm: float  # the em (body) size
    ink_mm: float = 0.0  # the ink height of its tallest character, as measured


@dataclass(frozen=True)
class Refusal:
    """Why a plaque is not made: the lines below the minimum letter height."""

    plaque_id: str
    name: str
    lines: tuple[SmallLine, ...]
    minimum_mm: float
    messages: tuple[str, ...]  # the copy-fit's own words, one per line

    def message(self) -> str:
        """The error ``signgen render`` and ``signgen batch`` give (the copy-fit's words)."""
        return "\n".join(f"{m}; {ALLOW_SMALL_HINT}" for m in self.messages)

    def explain(self, lang: str) -> str:
        """One sentence for a page: which lines, how high, the minimum, what to do."""
        if lang == "zh":
            lines = "；".join(f"第 {s.line} 行「{s.text}」字高仅 {mm(s.height_mm)} mm"
                             f"（字身；最高字墨迹 {mm_label(s.ink_mm)} mm）" for s in self.lines)
            return (f"{self.name}：{lines}，低于最小字高 {mm(self.minimum_mm)} mm（字身）"
                    "（项目默认：min_letter_height_mm 与 视距 × 易读性 中的较大者）。"
                    "signgen render 与 signgen batch 拒绝生成此标牌，本站因此不发布其文件；"
                    "请缩短文字，或在命令行用 --allow-small 明确接受较小的字。")
        lines = "; ".join(f"line {s.line} '{s.text}' would have {mm(s.height_mm)} mm letters "
                          f"(em, the body size; ink of the tallest character "
                          f"{mm_label(s.ink_mm)} mm)" for s in self.lines)
        return (f"{self.name}: {lines}, below the minimum letter height of "
                f"{mm(self.minimum_mm)} mm em (project default: the larger of "
                "min_letter_height_mm and viewing distance × legibility). signgen render and "
                "signgen batch refuse this plaque, so this site publishes none of its files; "
                "shorten the text, or accept smaller letters with --allow-small on the "
                "command line.")


@dataclass(frozen=True)
class RenderedPlaque:
    """One plaque for some values: its geometry, its files by format, and its fit verdict.

    ``files`` is empty when the plaque is refused; ``warnings`` are the fit warnings of a
    plaque made with ``allow_small``.
    """

    geometry: PlaqueGeometry
    files: Mapping[str, bytes]
    refusal: Refusal | None = None
    svgs: Mapping[bool, str] = field(default_factory=dict)  # outlined? -> SVG text
    shop: Mapping[str, tuple[tuple[str, bytes], ...]] = field(default_factory=dict)
    """Per shop format, its files as (name after the plaque's stem, bytes)."""

    @property
    def warnings(self) -> tuple[str, ...]:
        """Fit warnings (lines below the minimum, made anyway with ``allow_small``)."""
        return () if self.refusal else self.geometry.warnings

    def svg(self, *, outline: bool) -> str:
        """The plaque's SVG text, outlined or with ``<text>`` (made if not asked for)."""
        found = self.svgs.get(outline)
        if found is None:
            raise SigngenError(f"plaque {self.geometry.plaque_id}: no "
                               f"{'outlined ' if outline else ''}SVG was rendered"
                               + (f": {self.refusal.message()}" if self.refusal else ""))
        return found

    def raise_if_refused(self) -> None:
        """Raise the copy-fit error when the plaque was refused."""
        if self.refusal is not None:
            raise SigngenError(self.refusal.message())


def _refusal(geometry: PlaqueGeometry) -> Refusal | None:
    small = tuple(SmallLine(i, line.text, line.letter_height_mm, line.ink_height_mm)
                  for i, line in enumerate(geometry.lines, start=1)
                  if line.letter_height_mm < geometry.min_letter_height_mm)
    if not small:
        return None
    return Refusal(geometry.plaque_id, geometry.name, small, geometry.min_letter_height_mm,
                   geometry.warnings)


def render_plaque(standard: Standard, fonts: FontBook, plaque_id: str,
                  values: Mapping[str, str], formats: tuple[str, ...] = ("svg",), *,
                  allow_small: bool = False, px_per_mm: float = 2.0,
                  png_max_px: int | None = None, community: str | None = None,
                  crop_marks: bool = False) -> RenderedPlaque:
    """Lay out one plaque for ``values`` and make each of ``formats`` (see :data:`FORMATS`).

    ``community`` names the community in fit messages (default: the ``community`` value).
    The PNG has ``px_per_mm`` pixels per millimetre, fewer if ``png_max_px`` caps its long side;
    ``crop_marks`` adds crop marks to the ``print-pdf`` files; ``png-tiles`` are at ``px_per_mm``.
    The SVGs the formats needed stay available through :meth:`RenderedPlaque.svg`.

    Raises:
        SigngenError: an unknown plaque or format, a value outside its choices, a character
            in no face, crop marks without ``print-pdf``. A plaque below the minimum letter
            height is not an error here: the result carries a :class:`Refusal` (see
            :meth:`RenderedPlaque.raise_if_refused`).
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise SigngenError(f"format: expected some of {', '.join(FORMATS)}, "
                           f"got {', '.join(unknown)}")
    marks = crop_marks_problem(formats, crop_marks)
    if marks is not None:
        raise SigngenError(marks)
    text = plaque_text(standard, plaque_id, values)
    label = values.get("community", "") if community is None else community
    # Laid out allowing small letters, so a refusal can say which lines and how small.
    geometry = plaque_layout(standard, text, fonts, allow_small=True, community=label)
    refusal = None if allow_small else _refusal(geometry)
    if refusal is not None:
        return RenderedPlaque(geometry, {}, refusal)
    if png_max_px is not None:
        px_per_mm = min(px_per_mm, png_max_px / max(geometry.width_mm, geometry.height_mm))
    svgs: dict[bool, str] = {}

    def svg(outline: bool) -> str:
        if outline not in svgs:
            svgs[outline] = plaque_svg(geometry, standard, fonts, outline=outline)
        return svgs[outline]

    drawings: dict[bool, str] = {}

    def drawing(outline: bool) -> str:
        if outline not in drawings:
            drawings[outline] = _drawing(standard, geometry, fonts, svg(outline))
        return drawings[outline]

    makers: dict[str, Callable[[], str | bytes]] = {
        "svg": lambda: svg(False),
        "svg-outlined": lambda: svg(True),
        "pdf": lambda: svg_to_pdf(svg(True)),
        "png": lambda: svg_to_png(svg(True), px_per_mm=px_per_mm),
        "drawing": lambda: drawing(True),
        "drawing-text": lambda: drawing(False),
        # cairo draws <text> only in the standard's own faces: the PDF is always outlined
        "drawing-pdf": lambda: svg_to_pdf(drawing(True)),
    }
    files: dict[str, bytes] = {}
    shop: dict[str, tuple[tuple[str, bytes], ...]] = {}
    for fmt in dict.fromkeys(formats):
        if fmt in SHOP_FORMATS:
            shop[fmt] = tuple(shop_files(geometry, standard, fonts, fmt, crop_marks=crop_marks,
                                         outlined_svg=lambda: svg(True), px_per_mm=px_per_mm))
            continue
        data = makers[fmt]()
        files[fmt] = data.encode("utf-8") if isinstance(data, str) else data
    return RenderedPlaque(geometry, files, None, svgs, shop)


def _drawing(standard: Standard, geometry: PlaqueGeometry, fonts: FontBook, plaque: str) -> str:
    # Imported here: the drawing sheet nests a rendered plaque, so it sits above this module.
    from signgen.drawings.sheet import plaque_drawing_svg

    return plaque_drawing_svg(standard, geometry, fonts, plaque=plaque)
