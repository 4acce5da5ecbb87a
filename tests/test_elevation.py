"""The entrance elevation: positions from the spec and the defaults, the SVG drawing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from plaque_cases import TUANJIE
from project_paths import SPECS

from signgen.cli.main import main
from signgen.drawings.elevation import (
    ABOVE,
    LEFT,
    RIGHT,
    Elevation,
    PlacedPlaque,
    entrance_elevation,
)
from signgen.drawings.elevation_svg import LOGO_PLACEHOLDER, elevation_svg
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.spec.model import Entrance, Standard

SIZES = {"name-sign": (5000.0, 1000.0), "party-committee-plaque": (750.0, 550.0),
         "workstation-plaque": (750.0, 550.0)}
NS = "{http://www.w3.org/2000/svg}"


def _entrance(standard: Standard) -> Entrance:
    assert standard.project_defaults.entrance is not None
    return standard.project_defaults.entrance


def _placed(e: Elevation, position: str) -> PlacedPlaque:
    found = e.at(position)
    assert found is not None
    return found


def test_door_and_name_sign_are_centred_and_sign_sits_above_the_lintel(
        standard: Standard) -> None:
    """Door centred on the wall; name sign centred on the door, bottom at door height + gap."""
    d = _entrance(standard)
    e = entrance_elevation(standard, SIZES, origin="new_build")
    assert e.door.centre_x == pytest.approx(e.wall.centre_x)
    assert (e.door.width, e.door.height, e.door.y) == (d.door_width_mm, d.door_height_mm, 0)
    sign = _placed(e, ABOVE)
    assert sign.plaque == "name-sign"
    assert sign.box.centre_x == pytest.approx(e.door.centre_x)
    assert sign.box.y == pytest.approx(d.door_height_mm + d.gap_above_door_mm)
    assert (sign.box.width, sign.box.height) == SIZES["name-sign"]


def test_side_plaques_beside_the_door_at_their_mounting_heights(standard: Standard) -> None:
    """Left and right plaques are one gap from the door, bottoms at their layouts' heights."""
    d = _entrance(standard)
    e = entrance_elevation(standard, SIZES, origin="new_build")
    left, right = _placed(e, LEFT), _placed(e, RIGHT)
    assert (left.plaque, right.plaque) == ("party-committee-plaque", "workstation-plaque")
    assert left.box.right == pytest.approx(e.door.x - d.gap_beside_door_mm)
    assert right.box.x == pytest.approx(e.door.right + d.gap_beside_door_mm)
    assert left.box.y == standard.layout(left.plaque).mounting_height_mm
    assert right.box.y == standard.layout(right.plaque).mounting_height_mm


def test_positions_come_from_the_spec(standard: Standard) -> None:
    """Swapping the plaques' position fields in the spec swaps them on the drawing."""
    swapped = {"left_of_door": "right_of_door", "right_of_door": "left_of_door"}
    plaques = [p.model_copy(update={"position": swapped.get(p.position or "", p.position)})
               for p in standard.plaques]
    other = standard.model_copy(update={"plaques": plaques})
    e = entrance_elevation(other, SIZES, origin="new_build")
    assert _placed(e, LEFT).plaque == "workstation-plaque"
    assert _placed(e, RIGHT).plaque == "party-committee-plaque"


def test_logo_on_the_roof_for_new_build(standard: Standard) -> None:
    """new_build (logo_placement roof): the logo stands on the wall top, centred on the wall."""
    d = _entrance(standard)
    e = entrance_elevation(standard, SIZES, origin="new_build")
    assert e.logo_placement == "roof"
    assert e.logo.y == pytest.approx(e.wall.top)
    assert e.logo.centre_x == pytest.approx(e.wall.centre_x)
    assert e.logo.width == e.logo.height == d.logo_size_mm


@pytest.mark.parametrize("origin", ["purchased", "购买", "reallocated", "built_along"])
def test_logo_at_the_front_of_the_name_sign_otherwise(standard: Standard, origin: str) -> None:
    """Purchased, reallocated, built-along: the logo touches the sign's left end, centred on it."""
    e = entrance_elevation(standard, SIZES, origin=origin)
    sign = _placed(e, ABOVE).box
    assert e.logo_placement == "name_sign_front"
    assert e.logo.right == pytest.approx(sign.x)
    assert e.logo.centre_y == pytest.approx(sign.centre_y)
    assert e.wall.x <= e.logo.x


def test_figure_is_the_default_height_for_scale(standard: Standard) -> None:
    """The person drawn for scale is figure_height_mm tall (1700 in the bundled defaults)."""
    e = entrance_elevation(standard, SIZES, origin="new_build")
    assert e.figure.height == _entrance(standard).figure_height_mm == 1700
    assert e.figure.y == 0 and e.figure.x >= _placed(e, RIGHT).box.right


def test_door_override_moves_the_plaques(standard: Standard) -> None:
    """A wider, taller door: side plaques move out, the name sign moves up."""
    d = _entrance(standard)
    e = entrance_elevation(standard, SIZES, origin="new_build", door_width_mm=3000,
                           door_height_mm=3000)
    assert (e.door.width, e.door.height) == (3000, 3000)
    assert _placed(e, RIGHT).box.x == pytest.approx(1500 + d.gap_beside_door_mm)
    assert _placed(e, ABOVE).box.y == pytest.approx(3000 + d.gap_above_door_mm)


def test_very_wide_sign_widens_the_wall_and_tall_door_raises_it(standard: Standard) -> None:
    """A sign wider than the wall widens the wall; a sign above the wall top raises it."""
    usual = entrance_elevation(standard, SIZES, origin="new_build")
    assert not usual.wall_widened and not usual.wall_raised
    wide = dict(SIZES, **{"name-sign": (14000.0, 1000.0)})
    e = entrance_elevation(standard, wide, origin="purchased", door_height_mm=4000)
    sign = _placed(e, ABOVE).box
    assert e.wall_widened and e.wall.x < e.logo.x and sign.right < e.wall.right
    assert e.wall_raised and e.wall.top > sign.top


def test_unknown_origin_lists_the_known_ones(standard: Standard) -> None:
    """An origin not in the spec fails, listing ids and Chinese names."""
    with pytest.raises(SigngenError, match=r"origin: expected one of new_build \(新建\), "
                                           r"purchased \(购买\).*got 'rented'"):
        entrance_elevation(standard, SIZES, origin="rented")


def test_dimensions_measure_the_geometry(standard: Standard) -> None:
    """Dimension labels are the door size and the mounting heights, in whole mm."""
    e = entrance_elevation(standard, SIZES, origin="new_build")
    labels = {d.id: d.label for d in e.dimensions}
    assert labels["door-width"] == f"{e.door.width:g}"
    assert labels["door-height"] == f"{e.door.height:g}"
    assert labels["left-plaque-bottom"] == f"{_placed(e, LEFT).box.y:g}"
    assert labels["name-sign-bottom"] == f"{_placed(e, ABOVE).box.y:g}"
    assert labels["figure-height"] == "1700"


def test_template_elevation_golden(standard: Standard, fonts: FontBook, golden) -> None:  # type: ignore[no-untyped-def]
    """The template entrance (placeholders, new build, text plaques) matches its golden SVG."""
    svg = elevation_svg(standard, {}, fonts, origin="new_build", outline=False)
    assert svg == elevation_svg(standard, {}, fonts, origin="new_build", outline=False)
    golden("elevation/template-new_build.svg", svg)


def test_svg_is_to_scale_escaped_and_offline(standard: Standard, fonts: FontBook) -> None:
    """On an A3 or A4 landscape sheet (user unit = paper mm), the elevation's paper size is
    its real size / scale; names are escaped; no external URL; placeholder logo."""
    values = dict(TUANJIE, community="<script>&社区")
    svg = elevation_svg(standard, values, fonts, origin="purchased", outline=False, scale=50)
    root = ET.fromstring(svg)
    assert root.findall(f".//{NS}script") == []
    assert (root.get("width"), root.get("height")) in {("297mm", "210mm"), ("420mm", "297mm")}
    assert root.get("viewBox") == f"0 0 {root.get('width', '')[:-2]} {root.get('height', '')[:-2]}"
    drawing = root.find(f"{NS}svg[@id='elevation']")
    assert drawing is not None
    _, _, vw, vh = (float(v) for v in drawing.get("viewBox", "").split())
    assert float(drawing.get("width", "")) == pytest.approx(vw / 50, abs=1e-3)
    assert float(drawing.get("height", "")) == pytest.approx(vh / 50, abs=1e-3)
    texts = ["".join(el.itertext()) for el in root.iter(f"{NS}text")]
    assert texts[texts.index("比例 Scale") + 1] == "1:50"
    assert texts[texts.index("图号 Drawing No.") + 1] == f"{standard.id}/entrance-purchased"
    namespaces = r"www\.w3\.org/2000/svg|www\.inkscape\.org/namespaces/inkscape"
    assert re.findall(rf"(?:https?:)?//(?!{namespaces})[\w.]+", svg) == []
    assert LOGO_PLACEHOLDER[0] in svg
    nested = drawing.findall(f".//{NS}svg")
    assert len(nested) == 3
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


def test_a_scale_too_large_for_a3_is_a_clear_error(standard: Standard, fonts: FontBook) -> None:
    """At 1:10 the entrance is metres wide on paper: an error names the scale, the paper size
    it would need and a scale to use, instead of a sheet that is no paper size."""
    with pytest.raises(SigngenError) as err:
        elevation_svg(standard, TUANJIE, fonts, origin="new_build", outline=False, scale=10)
    message = err.value.format_message()
    assert message.startswith("--scale: expected a scale at which the entrance elevation fits "
                              "an A3 landscape sheet, got 1:10")
    assert "use a larger N, such as 1:20" in message


def test_logo_file_is_embedded(tmp_path: Path, standard: Standard, fonts: FontBook) -> None:
    """A PNG logo is embedded as a data URI instead of the placeholder; a missing one fails."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    svg = elevation_svg(standard, TUANJIE, fonts, origin="new_build", outline=False, logo=logo)
    assert 'href="data:image/png;base64,iVBORw0KGgo' in svg
    assert LOGO_PLACEHOLDER[0] not in svg
    with pytest.raises(SigngenError, match="--logo: expected an existing logo file"):
        elevation_svg(standard, TUANJIE, fonts, origin="new_build", logo=tmp_path / "no.svg")


def test_elevation_command_writes_pdf(tmp_path: Path, runner: CliRunner) -> None:
    """signgen elevation -o X.pdf writes a PDF; a bad origin exits 2 without a traceback."""
    out = tmp_path / "entrance.pdf"
    sets = [a for k, v in TUANJIE.items() for a in ("--set", f"{k}={v}")]
    result = runner.invoke(main, ["elevation", *sets, "--origin", "购买", "-o", str(out),
                                  "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    bad = runner.invoke(main, ["elevation", "--origin", "rented", "--specs", str(SPECS),
                               "-o", str(tmp_path / "x.svg")])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "origin: expected one of" in bad.output
