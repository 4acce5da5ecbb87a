"""The one plaque-rendering service: every format from one layout, and the fit verdict."""

from __future__ import annotations

import pytest
from plaque_cases import LONG_COMMUNITIES, LONG_DISTRICTS, LONG_STREETS, PENGJIAQIAO

from signgen.artwork.raster import svg_to_pdf, svg_to_png
from signgen.artwork.render import FORMATS, render_plaque
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.plaque.layout import plaque_layout
from signgen.plaque.svg import plaque_svg
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard

LONG = {"district": LONG_DISTRICTS[1], "street": LONG_STREETS[0],
        "community": LONG_COMMUNITIES[1], "party_org": "党支部"}


def test_formats_are_the_stages_output(standard: Standard, fonts: FontBook) -> None:
    """svg, svg-outlined, pdf and png are exactly the layout -> SVG -> cairo stages' bytes."""
    rendered = render_plaque(standard, fonts, "party-committee-plaque", PENGJIAQIAO,
                             ("svg", "svg-outlined", "pdf", "png"), px_per_mm=0.5)
    geometry = plaque_layout(standard, plaque_text(standard, "party-committee-plaque",
                                                   PENGJIAQIAO), fonts)
    text = plaque_svg(geometry, standard, fonts, outline=False)
    outlined = plaque_svg(geometry, standard, fonts, outline=True)
    assert rendered.files == {"svg": text.encode(), "svg-outlined": outlined.encode(),
                              "pdf": svg_to_pdf(outlined),
                              "png": svg_to_png(outlined, px_per_mm=0.5)}
    assert rendered.refusal is None and rendered.warnings == ()
    assert rendered.geometry.letter_heights == geometry.letter_heights


def test_drawings_nest_the_plaque_as_asked(standard: Standard, fonts: FontBook) -> None:
    """``drawing`` nests the outlined plaque, ``drawing-text`` the <text> one; PDF outlined."""
    rendered = render_plaque(standard, fonts, "workstation-plaque", PENGJIAQIAO,
                             ("drawing", "drawing-text", "drawing-pdf"))
    plaque_text_run = b'<text xml:space="preserve" font-family='  # the plaque's <text> runs
    assert plaque_text_run in rendered.files["drawing-text"]
    assert plaque_text_run not in rendered.files["drawing"]
    assert rendered.files["drawing-pdf"] == svg_to_pdf(rendered.files["drawing"].decode())


def test_png_max_px_caps_the_long_side(standard: Standard, fonts: FontBook) -> None:
    """``png_max_px`` lowers the resolution so the PNG's long side is at most that."""
    rendered = render_plaque(standard, fonts, "name-sign", PENGJIAQIAO, ("png",),
                             px_per_mm=4.0, png_max_px=800)
    width = int.from_bytes(rendered.files["png"][16:20], "big")
    assert width == 800


def test_refusal_has_no_files_and_names_every_small_line(standard: Standard,
                                                         fonts: FontBook) -> None:
    """Below the minimum letter height: no file, each small line with its height, the
    copy-fit's own message; ``raise_if_refused`` raises it."""
    rendered = render_plaque(standard, fonts, "workstation-plaque", LONG, ("svg", "pdf"))
    refusal = rendered.refusal
    assert refusal is not None and rendered.files == {}
    assert [s.line for s in refusal.lines] == [1, 2]
    assert all(s.height_mm < refusal.minimum_mm == 45 for s in refusal.lines)
    assert refusal.message().count("shorten the text or pass --allow-small") == 2
    with pytest.raises(SigngenError, match=r"letters would be 22\.3 mm high"):
        rendered.raise_if_refused()


def test_allow_small_makes_the_files_with_warnings(standard: Standard, fonts: FontBook) -> None:
    """With ``allow_small`` the same lines become fit warnings and the files are made."""
    rendered = render_plaque(standard, fonts, "workstation-plaque", LONG, ("svg",),
                             allow_small=True)
    assert rendered.refusal is None and set(rendered.files) == {"svg"}
    assert len(rendered.warnings) == 2


def test_unknown_format_is_an_error(standard: Standard, fonts: FontBook) -> None:
    """A format the service does not make is named, with the ones it does."""
    with pytest.raises(SigngenError, match=f"expected some of {', '.join(FORMATS)}, got tiff"):
        render_plaque(standard, fonts, "name-sign", PENGJIAQIAO, ("tiff",))
