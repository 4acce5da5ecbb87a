"""PNG tiles of a large sign: cut where the 1:1 panels are cut, each with its physical size,
together the whole sign; the whole PNG past cairo's limit is an error naming the options."""

from __future__ import annotations

import io
from pathlib import Path

import cairosvg
import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops
from plaque_cases import TUANJIE
from project_paths import ROOT

from signgen.artwork.panels import Panel, sign_panels
from signgen.artwork.raster import MAX_PIXELS, svg_to_png
from signgen.artwork.render import RenderedPlaque, render_plaque
from signgen.cli.main import main
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.spec.model import Standard

SETS = [arg for key, value in TUANJIE.items() for arg in ("--set", f"{key}={value}")]
PX_PER_MM = 1.0  # the 9,000 mm name sign fits one PNG here, so the tiles can be compared
LEVELS = 16  # antialiasing: cairo's coverage of an edge pixel differs a little by surface


def _tiles(rendered: RenderedPlaque) -> list[tuple[str, Image.Image]]:
    return [(name, Image.open(io.BytesIO(data))) for name, data in rendered.shop["png-tiles"]]


@pytest.fixture(scope="module")
def name_sign(standard: Standard, fonts: FontBook) -> tuple[RenderedPlaque, list[Panel]]:
    """The 9 m name sign of 团结社区: outlined SVG and PNG tiles at 1 px/mm, and its panels."""
    rendered = render_plaque(standard, fonts, "name-sign", TUANJIE, ("svg-outlined", "png-tiles"),
                             px_per_mm=PX_PER_MM)
    return rendered, sign_panels(rendered.geometry, standard, fonts)


def _assemble(tiles: list[tuple[str, Image.Image]], panels: list[Panel], size: tuple[int, int],
              shift: int = 0) -> Image.Image:
    canvas = Image.new("RGB", size, "magenta")
    for (_, tile), panel in zip(tiles, panels, strict=True):
        canvas.paste(tile.convert("RGB"), (round(panel.left_mm * PX_PER_MM) + shift, 0))
    return canvas


def _differing(a: Image.Image, b: Image.Image, levels: int) -> int:
    """How many pixels differ by more than ``levels`` in some channel."""
    channels = ImageChops.difference(a, b).split()
    return sum(ImageChops.lighter(ImageChops.lighter(channels[0], channels[1]), channels[2])
               .histogram()[levels + 1:])


def test_tiles_are_the_panels_named_by_number(name_sign: tuple[RenderedPlaque, list[Panel]]
                                              ) -> None:
    """One tile per 1:1 panel, named panel-NofM.png, as wide as its panel, the sign's height."""
    rendered, panels = name_sign
    tiles = _tiles(rendered)
    assert len(panels) >= 2
    assert [name for name, _ in tiles] == [f"panel-{p.number}of{len(panels)}.png" for p in panels]
    for (_, tile), panel in zip(tiles, panels, strict=True):
        assert tile.size == (round(panel.right_mm * PX_PER_MM) - round(panel.left_mm * PX_PER_MM),
                             round(rendered.geometry.height_mm * PX_PER_MM))
        assert tile.info["dpi"] == pytest.approx((PX_PER_MM * 25.4,) * 2, abs=1e-3)
        assert tile.info["srgb"] == 0


def test_tiles_side_by_side_are_cairosvg_whole_png(
        name_sign: tuple[RenderedPlaque, list[Panel]]) -> None:
    """Tiles pasted at their panels' left edges (overlaps laid over) equal cairosvg's own
    whole PNG but for a few antialiased pixels; shifted by one pixel they do not."""
    rendered, panels = name_sign
    size = (round(rendered.geometry.width_mm * PX_PER_MM),
            round(rendered.geometry.height_mm * PX_PER_MM))
    whole = Image.open(io.BytesIO(cairosvg.svg2png(
        bytestring=rendered.svg(outline=True).encode("utf-8"), output_width=size[0],
        output_height=size[1]))).convert("RGB")
    tiles = _tiles(rendered)
    assembled = _assemble(tiles, panels, size)
    assert _differing(assembled, whole, LEVELS) == 0
    assert _differing(assembled, whole, 0) < size[0] * size[1] / 10_000
    assert _differing(_assemble(tiles, panels, size, shift=1), whole, LEVELS) > 1000
    for (_, left), (_, right), a, b in zip(tiles, tiles[1:], panels, panels[1:], strict=False):
        overlap = round(a.right_mm * PX_PER_MM) - round(b.left_mm * PX_PER_MM)
        assert overlap == pytest.approx(20 * PX_PER_MM, abs=1)  # panel_overlap_mm
        ours = left.convert("RGB").crop((left.width - overlap, 0, left.width, left.height))
        theirs = right.convert("RGB").crop((0, 0, overlap, right.height))
        assert _differing(ours, theirs, LEVELS) == 0


def test_tiles_where_the_whole_png_is_refused(standard: Standard, fonts: FontBook) -> None:
    """Past cairo's limit the whole PNG is an error naming png-tiles; the tiles are made."""
    px = 3.7  # 9,000 mm x 3.7 = 33,300 px
    rendered = render_plaque(standard, fonts, "name-sign", TUANJIE, ("svg-outlined",))
    with pytest.raises(SigngenError, match="png-tiles") as error:
        svg_to_png(rendered.svg(outline=True), px_per_mm=px)
    assert f"{MAX_PIXELS}" in str(error.value) and "print-pdf" in str(error.value)
    assert str(error.value).startswith("png 尺寸")
    tiles = render_plaque(standard, fonts, "name-sign", TUANJIE, ("png-tiles",), px_per_mm=px)
    images = [Image.open(io.BytesIO(data)) for _, data in tiles.shop["png-tiles"]]
    assert sum(i.width for i in images) > MAX_PIXELS
    assert all(max(i.size) <= MAX_PIXELS for i in images)
    assert all(i.info["dpi"] == pytest.approx((px * 25.4,) * 2, abs=1e-3) for i in images)


def test_a_tile_past_the_limit_suggests_a_resolution_that_fits_every_tile(
        standard: Standard, fonts: FontBook) -> None:
    """The tile error names the widest tile and a resolution at which all tiles fit."""
    with pytest.raises(SigngenError, match=r"png tile \d+/\d+") as error:
        render_plaque(standard, fonts, "name-sign", TUANJIE, ("png-tiles",), px_per_mm=20)
    suggested = float(str(error.value).split("pass --px-per-mm ")[1].split()[0])
    rendered = render_plaque(standard, fonts, "name-sign", TUANJIE, ("svg-outlined",))
    widest = max(p.width_mm for p in sign_panels(rendered.geometry, standard, fonts))
    assert widest * suggested <= MAX_PIXELS < widest * (suggested + 0.02)


def test_render_writes_tiles_beside_the_named_file(runner: CliRunner, tmp_path: Path) -> None:
    """render --format png-tiles -o sign.png writes sign.panel-NofM.png; stdout is refused."""
    result = runner.invoke(main, ["render", "name-sign", *SETS, "--format", "png-tiles",
                                  "--px-per-mm", "0.5", "-o", str(tmp_path / "sign.png"),
                                  "--specs", str(ROOT / "specs")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"sign.panel-{n}of{len(names)}.png" for n in range(1, len(names) + 1)]
    refused = runner.invoke(main, ["render", "name-sign", *SETS, "--format", "png-tiles", "-o",
                                   "-", "--specs", str(ROOT / "specs")])
    assert refused.exit_code == 2 and "give a folder" in refused.stderr
    assert "Traceback" not in refused.output
