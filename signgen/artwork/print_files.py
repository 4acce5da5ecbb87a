"""The shop files of a plaque (print PDF, cut-letter DXF), named as they are written.

One place that turns a format name into files, for ``signgen render``, ``signgen batch`` and
the render service: ``print-pdf`` is one ``print.pdf`` at 1:1, or, for a sign past the PDF
page limit, ``print-1to10.pdf`` and ``panels.pdf``; ``dxf`` is one ``dxf``. Each name is the
part after the plaque's own file stem (``name-sign-团结社区.print.pdf``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signgen.fonts.book import FontBook
    from signgen.plaque.layout import PlaqueGeometry
    from signgen.spec.model import Standard

SHOP_FORMATS = ("print-pdf", "dxf")


def shop_files(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook, fmt: str, *,
               crop_marks: bool = False) -> list[tuple[str, bytes]]:
    """``(name after the stem, bytes)`` of each file ``fmt`` makes for the plaque.

    Raises:
        SigngenError: as :func:`signgen.artwork.print_pdf.print_pdfs`.
    """
    # Imported here: pikepdf and ezdxf (with numpy) cost about 35 MB a process, which a batch
    # of SVGs alone should not pay.
    if fmt == "dxf":
        from signgen.artwork.dxf import plaque_dxf

        return [("dxf", plaque_dxf(geometry, standard, fonts))]
    if fmt != "print-pdf":
        raise ValueError(f"not a shop format: {fmt!r}")
    from signgen.artwork.print_pdf import print_pdfs

    return [(f"{f.kind}.pdf", f.data)
            for f in print_pdfs(geometry, standard, fonts, crop_marks=crop_marks)]
