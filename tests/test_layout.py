"""Copy-fit layout: letters inside the margins, shared heights, centring, the height rules."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from plaque_cases import (
    LONG_COMMUNITIES,
    LONG_DISTRICTS,
    LONG_STREETS,
    OUTDOOR,
    PENGJIAQIAO,
    assert_inside_margins,
)

from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry, minimum_letter_height, plaque_layout
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard


def _layout(standard: Standard, fonts: FontBook, plaque_id: str, values: dict[str, str],
            allow_small: bool = False) -> PlaqueGeometry:
    text = plaque_text(standard, plaque_id, values)
    return plaque_layout(standard, text, fonts, allow_small=allow_small,
                         community=values.get("community", ""))


LONG_VALUES = [
    {"district": d, "street": s, "community": c, "party_org": "党总支"}
    for d, s, c in itertools.product(LONG_DISTRICTS, LONG_STREETS, LONG_COMMUNITIES)
]


@pytest.mark.parametrize("plaque_id", OUTDOOR)
def test_every_outline_lies_inside_the_margins(standard: Standard, fonts: FontBook,
                                               plaque_id: str) -> None:
    """For real and very long names, every glyph's outline box stays inside the margins."""
    for values in [PENGJIAQIAO, {}, *LONG_VALUES]:
        geometry = _layout(standard, fonts, plaque_id, values, allow_small=True)
        assert_inside_margins(geometry, fonts)


@pytest.mark.parametrize("plaque_id", OUTDOOR)
def test_lines_are_centred_both_ways(standard: Standard, fonts: FontBook,
                                     plaque_id: str) -> None:
    """Each line is centred horizontally; the block of lines is centred vertically."""
    geometry = _layout(standard, fonts, plaque_id, PENGJIAQIAO)
    for line in geometry.lines:
        assert line.left_mm + line.width_mm / 2 == pytest.approx(geometry.width_mm / 2)
    top = geometry.lines[0].top_mm
    last = geometry.lines[-1]
    bottom = last.top_mm + last.height_mm
    assert top == pytest.approx(geometry.height_mm - bottom)


@pytest.mark.parametrize("plaque_id", OUTDOOR)
def test_letter_heights_follow_the_rules(standard: Standard, fonts: FontBook,
                                         plaque_id: str) -> None:
    """Heights stay within [minimum, max]; lines that fit share one height, longer ones shrink."""
    layout = standard.layout(plaque_id)
    for values in [PENGJIAQIAO, *LONG_VALUES[:6]]:
        geometry = _layout(standard, fonts, plaque_id, values, allow_small=True)
        shared = geometry.letter_height_mm
        assert shared <= layout.max_letter_height_mm
        area_w = geometry.width_mm - 2 * geometry.margin_mm
        for line in geometry.lines:
            assert line.letter_height_mm <= shared
            if line.letter_height_mm < shared:
                # it shrank because it is as wide as the text area allows (to 0.1 mm)
                assert line.width_mm == pytest.approx(area_w, abs=0.1 * len(line.glyphs) + 0.2)
            else:
                assert line.width_mm <= area_w + 1e-6


def test_han_characters_advance_one_em(standard: Standard, fonts: FontBook) -> None:
    """Consecutive Han characters of a line sit exactly one letter height apart."""
    geometry = _layout(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    line = geometry.lines[1]
    xs = [g.x_mm for g in line.glyphs]
    steps = {round(b - a, 6) for a, b in itertools.pairwise(xs)}
    assert steps == {round(line.letter_height_mm, 6)}


def test_minimum_height_is_the_larger_of_layout_and_legibility(standard: Standard) -> None:
    """Minimum = max(layout minimum, viewing distance × mm per metre)."""
    legibility = standard.project_defaults.legibility
    assert legibility is not None
    for plaque in standard.plaques:
        layout = standard.layout(plaque.id)
        from_distance = (layout.viewing_distance_m or 0) * legibility.mm_per_metre
        assert minimum_letter_height(standard, plaque.id) == max(layout.min_letter_height_mm,
                                                                 from_distance)


def test_too_long_names_raise_naming_community_plaque_and_heights(
        standard: Standard, fonts: FontBook) -> None:
    """A name that needs letters below the minimum is an error with both heights in it."""
    values = {"district": LONG_DISTRICTS[2], "street": LONG_STREETS[0],
              "community": LONG_COMMUNITIES[1] * 2}
    small = _layout(standard, fonts, "name-sign", values, allow_small=True)
    needed = min(small.letter_heights)
    assert needed < small.min_letter_height_mm
    with pytest.raises(SigngenError) as err:
        _layout(standard, fonts, "name-sign", values)
    message = err.value.message
    assert values["community"] in message and "name-sign" in message
    assert f"{needed:g} mm" in message and f"{small.min_letter_height_mm:g} mm" in message
    assert small.warnings and values["community"] in small.warnings[0]


def test_width_follows_the_text_within_its_limits(standard: Standard, fonts: FontBook) -> None:
    """The name sign's width is its text plus margins, clamped to the layout's min and max."""
    layout = standard.layout("name-sign")
    assert layout.min_width_mm is not None and layout.max_width_mm is not None
    short = _layout(standard, fonts, "name-sign", {"district": "区", "street": "街",
                                                   "community": "村"})
    assert short.width_mm == layout.min_width_mm
    assert short.letter_height_mm == layout.max_letter_height_mm
    normal = _layout(standard, fonts, "name-sign", PENGJIAQIAO)
    line = normal.lines[0]
    assert layout.min_width_mm < normal.width_mm < layout.max_width_mm
    assert normal.width_mm - 2 * layout.margin_mm == pytest.approx(line.width_mm, abs=1)
    long = _layout(standard, fonts, "name-sign", LONG_VALUES[0], allow_small=True)
    assert long.width_mm == layout.max_width_mm
    assert long.letter_heights[0] < layout.max_letter_height_mm


def test_placeholders_show_without_values(standard: Standard, fonts: FontBook) -> None:
    """Without values every field shows its placeholder on the plaque."""
    geometry = _layout(standard, fonts, "workstation-plaque", {})
    for field in standard.fields:
        if any("{" + field.id + "}" in s.text for s in standard.plaque("workstation-plaque")
               .segments):
            assert field.placeholder in geometry.text


def test_layout_is_deterministic(standard: Standard) -> None:
    """Two layouts of the same text with fresh font books are equal."""
    first = _layout(standard, FontBook(standard), "name-sign", PENGJIAQIAO)
    second = _layout(standard, FontBook(standard), "name-sign", PENGJIAQIAO)
    assert first == second


def test_runs_keep_their_segment_typeface_and_colour(standard: Standard,
                                                     fonts: FontBook) -> None:
    """Each placed glyph carries its run's typeface and colour from the spec."""
    geometry = _layout(standard, fonts, "party-committee-plaque", PENGJIAQIAO)
    text = plaque_text(standard, "party-committee-plaque", PENGJIAQIAO)
    for placed, spec_line in zip(geometry.lines, text.lines, strict=True):
        for run, spec_run in zip(placed.runs, spec_line, strict=True):
            assert "".join(g.char for g in run.glyphs) == spec_run.text
            assert {(g.typeface, g.colour) for g in run.glyphs} == {(spec_run.typeface,
                                                                      spec_run.colour)}


def test_margins_wider_than_the_plaque_are_an_error(standard: Standard, fonts: FontBook) -> None:
    """A margin that leaves no text area is reported with the plaque's size and the margin."""
    text = plaque_text(standard, "window-sign", {})
    layout = text.layout.model_copy(update={"margin_mm": text.height_mm})
    broken = dataclasses.replace(text, layout=layout)
    with pytest.raises(SigngenError, match=r"window-sign\]\.margin_mm: expected less than half"):
        plaque_layout(standard, broken, fonts)
