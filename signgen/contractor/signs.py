"""Every sign of a plan as files: one set of artwork per schedule row, named by its id.

The rows are :func:`signgen.contractor.schedule.schedule_rows` (laid out with the fonts, so
the schedule's widths are the files' widths); each row's files come from the one rendering
service, :func:`signgen.artwork.render.render_plaque`, in every format asked for. A sign the
copy-fit refuses is reported with the copy-fit's words and the others are still made; the
unified logo row has no artwork of ours (it is the origin's emblem) and is listed as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from signgen.artwork.print_files import SHOP_FORMATS
from signgen.artwork.render import Refusal, render_plaque
from signgen.contractor.plan import Plan
from signgen.contractor.schedule import ScheduleRow, artwork_name, schedule_rows
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.spec.model import Standard

SIGN_FORMATS = ("svg", "pdf", "png", *SHOP_FORMATS)
"""What ``signgen signs`` can write per sign: SVG, screen PDF, PNG and the shop files."""
DEFAULT_SIGN_FORMATS = tuple(f for f in SIGN_FORMATS if f != "png-tiles")
"""What it writes by default: all but the PNG tiles (the PNG of every plan sign fits cairo
at the default resolution; tiles are asked for)."""


@dataclass(frozen=True)
class SignFiles:
    """One schedule row's files (name, bytes), or why it has none."""

    row: ScheduleRow
    files: tuple[tuple[str, bytes], ...] = ()
    refusal: Refusal | None = None
    warnings: tuple[str, ...] = ()

    @property
    def made(self) -> bool:
        """Whether the row has artwork files."""
        return bool(self.files)


def plan_sign_files(standard: Standard, fonts: FontBook, plan: Plan,
                    formats: tuple[str, ...] = DEFAULT_SIGN_FORMATS, *, outline: bool = True,
                    allow_small: bool = False, px_per_mm: float = 2.0,
                    crop_marks: bool = False, lang: str = "zh") -> Iterator[SignFiles]:
    """Each row of the plan's schedule with its files, in schedule order.

    File names are the row's :func:`~signgen.contractor.schedule.artwork_name` with the
    format's suffix (``window-sign-w01.svg``, ``.pdf``, ``.png``, ``.dxf``, and the print
    PDFs' own names: ``.print.pdf``, or a 1:10 PDF and panels for a sign past the PDF page
    limit). An SVG is outlined unless ``outline`` is false.

    Raises:
        SigngenError: an unknown format; two rows whose ids give the same file name.
    """
    unknown = [f for f in formats if f not in SIGN_FORMATS]
    if unknown:
        raise SigngenError(f"--format: expected some of {', '.join(SIGN_FORMATS)}, "
                           f"got {', '.join(unknown)}")
    rows = schedule_rows(standard, plan, lang, fonts)
    seen: dict[str, str] = {}
    for row in rows:
        if row.artwork in seen:
            raise SigngenError(f"{plan.source}: signs {seen[row.artwork]!r} and {row.id!r} "
                               f"would both be written as {row.artwork}; expected distinct ids")
        if row.artwork:
            seen[row.artwork] = row.id
    svg_kind = "svg-outlined" if outline else "svg"
    kinds = tuple(svg_kind if f == "svg" else f for f in formats)
    for row in rows:
        if not row.plaque_id:
            yield SignFiles(row)
            continue
        rendered = render_plaque(standard, fonts, row.plaque_id, dict(row.values), kinds,
                                 allow_small=allow_small, px_per_mm=px_per_mm,
                                 crop_marks=crop_marks)
        if rendered.refusal is not None:
            yield SignFiles(row, refusal=rendered.refusal)
            continue
        stem = artwork_name(row.id, "")
        files = [(f"{stem}.{fmt}", rendered.files[kind]) for fmt, kind in zip(formats, kinds,
                                                                              strict=True)
                 if fmt not in SHOP_FORMATS]
        for fmt in formats:
            files += [(f"{stem}.{name}", data) for name, data in rendered.shop.get(fmt, ())]
        yield SignFiles(row, tuple(files), warnings=rendered.warnings)
