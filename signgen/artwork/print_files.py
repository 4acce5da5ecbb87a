"""The shop files of a plaque (print PDF, cut-letter DXF, PNG tiles), named as written.

One place that turns a format name into files, for ``signgen render``, ``signgen batch``,
``signgen signs`` and the render service: ``print-pdf`` is one ``print.pdf`` at 1:1, or, for
a sign past the PDF page limit, ``print-1to10.pdf`` and ``panels.pdf``; ``dxf`` is one
``dxf``; ``png-tiles`` is one PNG per 1:1 panel (:mod:`signgen.artwork.panels`, the cuts of
``panels.pdf``), ``panel-1of4.png``..., for a PNG too large for one image. Each name is the
part after the plaque's own file stem (``name-sign-团结社区.print.pdf``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signgen.fonts.book import FontBook
    from signgen.plaque.layout import PlaqueGeometry
    from signgen.spec.model import Standard

SHOP_FORMATS = ("print-pdf", "dxf", "png-tiles")


def crop_marks_problem(formats: tuple[str, ...], crop_marks: bool) -> str | None:
    """Why crop marks cannot be asked for with these formats (none is print-pdf), or None.

    >>> crop_marks_problem(("svg", "print-pdf"), True) is None
    True
    >>> crop_marks_problem(("svg",), True).split(" (")[1]
    'expected the print-pdf format: crop marks are drawn on the print PDF only, got svg)'
    """
    if not crop_marks or "print-pdf" in formats:
        return None
    return (f"--crop-marks: 裁切线只画在印刷 PDF 上，格式中须有 print-pdf，实为 "
            f"{','.join(formats)} (expected the print-pdf format: crop marks are drawn on the "
            f"print PDF only, got {','.join(formats)})")


def tile_name(number: int, count: int) -> str:
    """A PNG tile's name after the stem: its panel number, padded so names sort in order.

    >>> tile_name(1, 4), tile_name(3, 12)
    ('panel-1of4.png', 'panel-03of12.png')
    """
    return f"panel-{number:0{len(str(count))}d}of{count}.png"


def shop_files(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook, fmt: str, *,
               crop_marks: bool = False, outlined_svg: Callable[[], str] | None = None,
               px_per_mm: float = 2.0) -> list[tuple[str, bytes]]:
    """``(name after the stem, bytes)`` of each file ``fmt`` makes for the plaque.

    ``png-tiles`` draws ``outlined_svg()`` (the render service's outlined SVG) at
    ``px_per_mm``.

    Raises:
        SigngenError: as :func:`signgen.artwork.print_pdf.print_pdfs`, or a sign that cannot
            be cut into panels, or a tile past cairo's limit.
    """
    # Imported here: pikepdf and ezdxf (with numpy) cost about 35 MB a process, which a batch
    # of SVGs alone should not pay.
    if fmt == "dxf":
        from signgen.artwork.dxf import plaque_dxf

        return [("dxf", plaque_dxf(geometry, standard, fonts))]
    if fmt == "png-tiles":
        from signgen.artwork.panels import sign_panels
        from signgen.artwork.raster import svg_to_png_tiles

        if outlined_svg is None:
            raise ValueError("png-tiles needs the outlined SVG")
        panels = sign_panels(geometry, standard, fonts)
        tiles = svg_to_png_tiles(outlined_svg(), tuple((p.left_mm, p.right_mm) for p in panels),
                                 px_per_mm=px_per_mm)
        return [(tile_name(p.number, len(panels)), data)
                for p, data in zip(panels, tiles, strict=True)]
    if fmt != "print-pdf":
        raise ValueError(f"not a shop format: {fmt!r}")
    from signgen.artwork.print_pdf import print_pdfs

    return [(f"{f.kind}.pdf", f.data)
            for f in print_pdfs(geometry, standard, fonts, crop_marks=crop_marks)]
