"""Fonts: exact faces per typeface role, fallback per character, clear errors, caches."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fontTools.pens.areaPen import AreaPen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.svgLib.path import parse_path
from project_paths import CORE_SPECS

from signgen.errors import SigngenError
from signgen.fonts import FontBook, _names
from signgen.loader import load_standard
from signgen.model import Standard


def _specs_copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "specs" / CORE_SPECS.name
    shutil.copytree(CORE_SPECS, folder)
    defaults = folder / "defaults.yml"
    text = defaults.read_text(encoding="utf-8")
    assert old in text
    defaults.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_each_role_resolves_to_the_exact_family_and_style(standard: Standard,
                                                         fonts: FontBook) -> None:
    """Every face found calls itself exactly the family and style the spec names."""
    for sub in standard.project_defaults.typeface_substitutes:
        faces = fonts.faces(sub.typeface)
        wanted = [(f.family, f.style) for f in sub.families]
        assert faces, sub.typeface
        for face in faces:
            assert (face.family, face.style) in wanted
            assert (face.family, face.style) in _names(face.font)
        assert [(f.family, f.style) for f in faces] == [w for w in wanted
                                                         if w in {(f.family, f.style)
                                                                  for f in faces}]


def test_a_style_is_not_confused_with_a_heavier_cut(tmp_path: Path) -> None:
    """Asking for Regular never returns the Black face whose legacy style is also Regular."""
    folder = _specs_copy(tmp_path, "{family: Noto Serif CJK SC, style: Black}",
                         "{family: Noto Serif CJK SC, style: Regular}")
    std = load_standard(folder)
    face = FontBook(std).primary("song-display")
    assert face.style == "Regular"
    assert (face.family, "Black") not in _names(face.font)


def test_missing_family_names_role_families_and_packages(tmp_path: Path) -> None:
    """No installed face for a role: the error names the role, each family and the packages."""
    folder = _specs_copy(tmp_path, "LXGW WenKai", "No Such Kai Family")
    folder_defaults = (folder / "defaults.yml").read_text(encoding="utf-8")
    (folder / "defaults.yml").write_text(
        folder_defaults.replace("AR PL KaitiM GB", "Nor This Kai"), encoding="utf-8")
    std = load_standard(folder)
    sub = std.substitute("kai")
    with pytest.raises(SigngenError) as err:
        FontBook(std).faces("kai")
    message = err.value.message
    assert "typeface kai" in message and std.typeface("kai").name in message
    for family in sub.families:
        assert f"{family.family} {family.style}" in message
    for package in sub.debian_packages:
        assert package in message


def test_fontconfig_substitution_is_not_accepted(tmp_path: Path) -> None:
    """A family fontconfig would substitute (it matches something for any name) is refused."""
    folder = _specs_copy(tmp_path, "{family: AR PL SungtiL GB, style: Regular}",
                         "{family: SimSun, style: Regular}")
    std = load_standard(folder)
    families = [f.key for f in FontBook(std).faces("song")]
    assert not any(key.startswith("SimSun") for key in families)


@pytest.mark.parametrize("char", ["\U0002A6D6", "\ue000"])
def test_character_in_no_face_is_a_clear_error(fonts: FontBook, char: str) -> None:
    """A character no face of the role has: error with U+XXXX, the character and the role."""
    with pytest.raises(SigngenError) as err:
        fonts.face_for("song", char)
    message = err.value.message
    assert f"U+{ord(char):04X}" in message and repr(char) in message
    assert "typeface song" in message


def test_character_missing_from_first_face_falls_back(fonts: FontBook) -> None:
    """A character the first face lacks but a later face has is drawn with the later face."""
    for role in ("song", "kai", "song-display", "kai-running"):
        faces = fonts.faces(role)
        first = faces[0]
        for later in faces[1:]:
            candidates = [cp for cp in sorted(later.font.getBestCmap())
                          if cp > 0x2000 and first.glyph(chr(cp)) is None]
            if candidates:
                char = chr(candidates[0])
                assert fonts.face_for(role, char) is next(f for f in faces
                                                          if f.glyph(char) is not None)
                assert fonts.face_for(role, char) is not first
                return
    pytest.skip("every face of every role has the same characters here")


def test_glyph_lookup_matches_fonttools_cmap(fonts: FontBook) -> None:
    """Each face's raw cmap lookup names the glyphs fontTools' decompiled cmap names."""
    for role in ("song", "kai", "song-display", "kai-running"):
        for face in fonts.faces(role):
            best = face.font.getBestCmap()
            codes = [*sorted(best)[::97], 0x41, 0x793E, 0x3001, 0xFFFF, 0x10FFFF]
            assert [face.glyph(chr(c)) for c in codes] == [best.get(c) for c in codes]


def test_fonts_dir_is_searched_before_fontconfig(standard: Standard, fonts: FontBook,
                                                tmp_path: Path) -> None:
    """A face in --fonts-dir is taken from there, not from the system copy."""
    system = fonts.primary("kai")
    local = tmp_path / "myfonts"
    local.mkdir()
    (local / system.file.name).symlink_to(system.file)
    face = FontBook(standard, fonts_dir=local).primary("kai")
    assert face.file == local / system.file.name
    assert face.key == system.key


def test_glyph_caches_return_the_same_objects(fonts: FontBook) -> None:
    """Outlines and advances are computed once per glyph and face."""
    face = fonts.face_for("song", "社")
    glyph = face.glyph("社")
    assert glyph is not None
    assert face.outline(glyph) is face.outline(glyph)
    assert face.outline(glyph).startswith("M")
    assert fonts.face_for("song", "社") is face
    assert FontBook.face(fonts, face.key) is face


def test_han_advances_one_em_and_latin_is_proportional(fonts: FontBook) -> None:
    """Han characters and full-width punctuation advance 1 em; Latin letters differ."""
    face = fonts.primary("song")
    for char in "社区街道、":
        glyph = face.glyph(char)
        assert glyph is not None
        assert face.advance(glyph) == face.units_per_em
    widths = {face.advance(g) for g in (face.glyph(c) for c in "il") if g}
    assert len(widths) == 2 and max(widths) < face.units_per_em


def test_kerning_pairs_come_from_gpos(fonts: FontBook) -> None:
    """A classic kerning pair (A, V) tightens in a face with GPOS kerning; (社, 区) does not."""
    face = fonts.primary("song")
    if "GPOS" not in face.font:
        pytest.skip("the first Song face has no GPOS")
    a, v = face.glyph("A"), face.glyph("V")
    assert a is not None and v is not None
    assert face.kern(a, v) < 0
    she, qu = face.glyph("社"), face.glyph("区")
    assert she is not None and qu is not None
    assert face.kern(she, qu) == 0


def _area_and_bounds(recording: RecordingPen) -> tuple[float, object, int]:
    area = AreaPen()
    bounds = BoundsPen(None)
    recording.replay(area)
    recording.replay(bounds)
    contours = sum(1 for op, _ in recording.value if op in ("closePath", "endPath"))
    return round(area.value, 3), bounds.bounds, contours


def test_path_data_redraws_the_font_glyph(fonts: FontBook) -> None:
    """Parsed back, each cached path draws what the font draws: same area, bounds, contours."""
    for role in ("song-display", "kai-running", "song", "kai"):
        for face in fonts.faces(role):
            for char in "社区街道、?A&<g(":
                glyph = face.glyph(char)
                if glyph is None:
                    continue
                original = RecordingPen()
                face._draw_into(glyph, original)
                parsed = RecordingPen()
                parse_path(face.outline(glyph), parsed)
                assert _area_and_bounds(parsed) == _area_and_bounds(original), (face, char)
                ink = _area_and_bounds(original)[1]
                box = face.bounds(glyph)
                assert isinstance(ink, tuple) and box is not None
                assert box[0] <= ink[0] and box[1] <= ink[1], (face, char)
                assert box[2] >= ink[2] and box[3] >= ink[3], (face, char)
