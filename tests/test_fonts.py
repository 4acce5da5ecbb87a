"""Fonts: exact faces per typeface role, fallback per character, clear errors, caches."""

from __future__ import annotations

import itertools
import logging
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.areaPen import AreaPen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.svgLib.path import parse_path
from fontTools.ttLib import TTFont
from project_paths import CORE_SPECS, ROOT, SPECS

from signgen.cli.main import main
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.fonts.discovery import font_names
from signgen.fonts.face import Face
from signgen.fonts.gpos import pair_kerned_glyphs
from signgen.fonts.outline import Bounds, _font_number, path_and_bounds
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

ROLES = ("song-display", "kai-running", "song", "kai")
# AR PL's fonts carry padding after their glyf data, which fontTools logs on every read.
logging.getLogger("fontTools.ttLib.tables._g_l_y_f").setLevel(logging.ERROR)


@cache
def _fonttools(file: Path, index: int) -> TTFont:
    """The same face opened with fontTools, as the reference harfbuzz is checked against."""
    return TTFont(file, fontNumber=index, lazy=True)


def _reference(face: Face) -> TTFont:
    return _fonttools(face.file, face.index)


def _corpus() -> str:
    """Every character plaques are drawn from here: the specs, the example communities and
    the benchmarks' place-name characters."""
    files = [p for p in sorted(SPECS.rglob("*")) if p.is_file()]
    files += [ROOT / "examples" / "communities.csv", ROOT / "bench" / "bench_plaques.py",
              ROOT / "bench" / "bench_batch.py"]
    chars = {c for f in files for c in f.read_text(encoding="utf-8") if c.isprintable()}
    return "".join(sorted(chars))


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
            assert (face.family, face.style) in font_names(_reference(face))
        assert [(f.family, f.style) for f in faces] == [w for w in wanted
                                                         if w in {(f.family, f.style)
                                                                  for f in faces}]


# OpenType's usWeightClass for each style name the specs use (OS/2 specification).
WEIGHT_CLASS = {"Light": 300, "Regular": 400, "Medium": 500, "SemiBold": 600, "Bold": 700,
                "Black": 900}


def test_each_face_has_the_weight_its_style_names(standard: Standard, fonts: FontBook) -> None:
    """The face found for ``style: Black`` is drawn at weight 900, ``Bold`` at 700 and so on:
    the weight class in the face's own OS/2 table, not the name the spec asked for."""
    checked = 0
    for sub in standard.project_defaults.typeface_substitutes:
        for face in fonts.faces(sub.typeface):
            assert _reference(face)["OS/2"].usWeightClass == WEIGHT_CLASS[face.style], face
            checked += 1
    assert checked >= len(standard.project_defaults.typeface_substitutes)
    assert fonts.primary("song-display").style == "Black"


def test_a_style_is_not_confused_with_a_heavier_cut(tmp_path: Path, fonts: FontBook) -> None:
    """Asking for Regular returns the weight-400 face, never the Black face (weight 900)
    whose legacy name pair is "Noto Serif CJK SC Black" / "Regular"."""
    black = fonts.primary("song-display")
    assert _reference(black)["OS/2"].usWeightClass == 900  # the heavier cut is installed
    assert (f"{black.family} Black", "Regular") in font_names(_reference(black))
    folder = _specs_copy(tmp_path, "{family: Noto Serif CJK SC, style: Black}",
                         "{family: Noto Serif CJK SC, style: Regular}")
    face = FontBook(load_standard(folder)).primary("song-display")
    assert (face.family, face.style) == ("Noto Serif CJK SC", "Regular")
    assert _reference(face)["OS/2"].usWeightClass == 400
    assert face.file != black.file


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
    for role in ROLES:
        faces = fonts.faces(role)
        first = faces[0]
        for later in faces[1:]:
            candidates = [cp for cp in sorted(_reference(later).getBestCmap())
                          if cp > 0x2000 and first.glyph(chr(cp)) is None]
            if candidates:
                char = chr(candidates[0])
                assert fonts.face_for(role, char) is next(f for f in faces
                                                          if f.glyph(char) is not None)
                assert fonts.face_for(role, char) is not first
                return
    pytest.skip("every face of every role has the same characters here")


def test_glyph_lookup_matches_fonttools_cmap(fonts: FontBook) -> None:
    """Each face's glyph ids are those of the glyphs fontTools' best cmap names."""
    for role in ROLES:
        for face in fonts.faces(role):
            font = _reference(face)
            best = font.getBestCmap()
            codes = [*sorted(best)[::97], 0x41, 0x793E, 0x3001, 0xFFFF, 0x10FFFF]
            assert [face.glyph(chr(c)) for c in codes] == [
                font.getGlyphID(best[c]) if c in best else None for c in codes]


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
    if "GPOS" not in _reference(face):
        pytest.skip("the first Song face has no GPOS")
    assert face.kern("A", "V") < 0
    assert face.kern("社", "区") == 0


def _kern_subtables(font: TTFont) -> list[Any]:
    """PairPos subtables (formats 1 and 2) of every lookup of GPOS ``kern``, in lookup order."""
    if "GPOS" not in font or font["GPOS"].table.FeatureList is None:
        return []
    table = font["GPOS"].table
    indices = sorted({i for rec in table.FeatureList.FeatureRecord if rec.FeatureTag == "kern"
                      for i in rec.Feature.LookupListIndex})
    found = []
    for index in indices:
        lookup = table.LookupList.Lookup[index]
        for sub in lookup.SubTable:
            sub = sub.ExtSubTable if lookup.LookupType == 9 else sub
            if sub.LookupType == 2 and sub.Format in (1, 2):
                found.append(sub)
    return found


def _gpos_kern(subtables: list[Any], left: str, right: str) -> int:
    """The first Value1 XAdvance for the pair, read from the GPOS tables with fontTools."""
    for sub in subtables:
        if left not in sub.Coverage.glyphs:
            continue
        if sub.Format == 1:
            records = sub.PairSet[sub.Coverage.glyphs.index(left)].PairValueRecord
            value = next((r.Value1 for r in records if r.SecondGlyph == right), None)
            if value is None:
                continue
        else:
            class1 = sub.ClassDef1.classDefs.get(left, 0)
            class2 = sub.ClassDef2.classDefs.get(right, 0)
            value = sub.Class1Record[class1].Class2Record[class2].Value1
        return int(getattr(value, "XAdvance", 0) or 0) if value is not None else 0
    return 0


def test_kern_coverage_read_in_place_is_what_fonttools_reads(fonts: FontBook) -> None:
    """The glyphs that may start a kerned pair, read from the raw GPOS bytes, are the union
    of the coverage of every PairPos subtable of the kern feature as fontTools decodes it."""
    for face in {f.key: f for role in ROLES for f in fonts.faces(role)}.values():
        font = _reference(face)
        expected = {font.getGlyphID(name) for sub in _kern_subtables(font)
                    for name in sub.Coverage.glyphs}
        gpos = bytes(font.reader["GPOS"]) if "GPOS" in font else b""
        assert (pair_kerned_glyphs(gpos) if gpos else set()) == expected, face


def _compiled_gpos(feature_text: str) -> bytes:
    """The GPOS table feaLib builds from ``feature_text`` for glyphs g1...g39."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", *(f"g{i}" for i in range(1, 40))])
    builder.setupCharacterMap({})
    builder.addOpenTypeFeatures(feature_text)
    return bytes(builder.font["GPOS"].compile(builder.font))


def test_kern_coverage_reads_ranges_extensions_and_refuses_contextual_kerning() -> None:
    """Coverage ranges and extension lookups are read; other features are ignored; a
    contextual kern lookup makes every pair a candidate (None)."""
    first = " ".join(f"g{i}" for i in range(5, 21))
    gpos = _compiled_gpos(f"lookup A useExtension {{ pos [{first}] g30 -50; }} A;"
                          "lookup B { pos g31 g32 -20; } B;"
                          "feature kern { lookup A; lookup B; } kern;"
                          "feature dist { pos g1 g2 5; } dist;")
    assert pair_kerned_glyphs(gpos) == {*range(5, 21), 31}
    assert pair_kerned_glyphs(_compiled_gpos("feature kern { pos g1 g2' -20 g3; } kern;")) is None


def test_kerning_matches_the_gpos_tables(fonts: FontBook) -> None:
    """harfbuzz's kerning of every pair of the corpus's non-Han characters, and of Han
    characters with them, is the GPOS PairPos adjustment fontTools reads."""
    corpus = _corpus()
    latin = [c for c in corpus if ord(c) < 0x2E80]
    others = [c for c in corpus if ord(c) >= 0x2E80][::20]
    pairs = [*itertools.product(latin, latin), *itertools.product(latin, others),
             *itertools.product(others, latin), *itertools.product(others, others)]
    checked = set()
    for face in (f for role in ROLES for f in fonts.faces(role)):
        if face.key in checked:
            continue
        checked.add(face.key)
        font = _reference(face)
        subtables = _kern_subtables(font)
        kerned = 0
        for left, right in pairs:
            a, b = face.glyph(left), face.glyph(right)
            if a is None or b is None:
                continue
            expected = _gpos_kern(subtables, font.getGlyphName(a), font.getGlyphName(b))
            assert face.kern(left, right) == expected, (face, left, right)
            kerned += expected != 0
        assert kerned or not subtables, face


def _area_and_bounds(recording: RecordingPen) -> tuple[float, object, int]:
    area = AreaPen()
    bounds = BoundsPen(None)
    recording.replay(area)
    recording.replay(bounds)
    contours = sum(1 for op, _ in recording.value if op in ("closePath", "endPath"))
    return round(area.value, 3), bounds.bounds, contours


def _fonttools_drawing(face: Face, glyph: int) -> RecordingPen:
    """The glyph drawn by fontTools from the outline table (CFF or glyf)."""
    font = _reference(face)
    name = font.getGlyphName(glyph)
    recording = RecordingPen()
    if "glyf" in font:
        font["glyf"][name].draw(recording, font["glyf"])
    else:
        font["CFF "].cff.topDictIndex[0].CharStrings[name].draw(recording)
    return recording


def _fonttools_path_and_bounds(face: Face, glyph: int) -> tuple[str, Bounds | None, bool]:
    """Path data and bounds as signgen made them from fontTools' drawing before harfbuzz,
    and whether fontTools' own pens made them (True: a contour has no on-curve point)."""
    recording = _fonttools_drawing(face, glyph)
    found = path_and_bounds(recording.value)
    if found is not None:
        return found.path, found.bounds, False
    path = SVGPathPen(None, ntos=_font_number)
    recording.replay(path)
    bounds = BoundsPen(None)
    recording.replay(bounds)
    return path.getCommands(), bounds.bounds, True


def _parsed(path_data: str) -> list[tuple[str, tuple[Any, ...]]]:
    recording = RecordingPen()
    parse_path(path_data, recording)
    return recording.value


def test_outlines_are_those_fonttools_drew_for_the_corpus(fonts: FontBook) -> None:
    """Every character of the specs, example communities and benchmarks, in every face of
    every role: harfbuzz gives the path data and bounds fontTools' drawing gave; where
    fontTools' SVGPathPen wrote them (``M x y x y``: lineto implied), the same segments."""
    corpus = _corpus()
    faces = {f.key: f for role in ROLES for f in fonts.faces(role)}
    for face in faces.values():
        drawn = 0
        for char in corpus:
            glyph = face.glyph(char)
            if glyph is None:
                continue
            path, bounds, by_pen = _fonttools_path_and_bounds(face, glyph)
            assert face.bounds(glyph) == bounds, (face, char)
            if by_pen:
                assert _parsed(face.outline(glyph)) == _parsed(path), (face, char)
            else:
                assert face.outline(glyph) == path, (face, char)
            drawn += 1
        assert drawn > 500, face


def test_ink_extent_is_the_tight_box_fonttools_finds_for_the_corpus(fonts: FontBook) -> None:
    """Every character of the corpus, in every face: the ink extent drawn with the outline is
    the y range of fontTools' BoundsPen (curves at their extrema) on the font's own drawing,
    and never outside the control-point bounds."""
    corpus = _corpus()
    faces = {f.key: f for role in ROLES for f in fonts.faces(role)}
    tighter = 0
    for face in faces.values():
        for char in corpus:
            glyph = face.glyph(char)
            if glyph is None:
                continue
            pen = BoundsPen(None)
            _fonttools_drawing(face, glyph).replay(pen)
            extent, box = face.ink_extent(glyph), face.bounds(glyph)
            if pen.bounds is None:
                assert extent is None and box is None, (face, char)
                continue
            assert extent is not None and box is not None, (face, char)
            assert extent == pytest.approx((pen.bounds[1], pen.bounds[3]), abs=1e-6), (face, char)
            assert box[1] <= extent[0] <= extent[1] <= box[3], (face, char)
            tighter += extent != (box[1], box[3])
    assert tighter > 100  # Noto's curves overshoot their end points (LXGW has points there)


def test_path_data_redraws_the_font_glyph(fonts: FontBook) -> None:
    """Parsed back, each cached path draws what the font draws: same area, bounds, contours."""
    for role in ROLES:
        for face in fonts.faces(role):
            for char in "社区街道、?A&<g(":
                glyph = face.glyph(char)
                if glyph is None:
                    continue
                original = _fonttools_drawing(face, glyph)
                parsed = RecordingPen()
                parse_path(face.outline(glyph), parsed)
                assert _area_and_bounds(parsed) == _area_and_bounds(original), (face, char)
                ink = _area_and_bounds(original)[1]
                box = face.bounds(glyph)
                assert isinstance(ink, tuple) and box is not None
                assert box[0] <= ink[0] and box[1] <= ink[1], (face, char)
                assert box[2] >= ink[2] and box[3] >= ink[3], (face, char)


def _damaged_copy(source: Path, folder: Path, table: str) -> Path:
    """A copy of a font file whose ``table`` is overwritten with zeros (same length)."""
    data = bytearray(source.read_bytes())
    with TTFont(source, lazy=True) as font:
        entry = font.reader.tables[table]
        offset, length = entry.offset, entry.length
    data[offset:offset + length] = bytes(length)
    folder.mkdir(exist_ok=True)
    target = folder / f"{table}-damaged-{source.name}"
    target.write_bytes(data)
    return target


@pytest.mark.parametrize("table", ["glyf", "loca"])
def test_a_damaged_font_is_an_error_naming_file_and_character(standard: Standard,
                                                              fonts: FontBook,
                                                              tmp_path: Path,
                                                              table: str) -> None:
    """A --fonts-dir face whose glyf or loca is zeroed draws no ink: an error names its file
    and the character, instead of a plaque with that line blank."""
    face = fonts.primary("kai")
    assert face.file.suffix == ".ttf" and face.declares_outline(face.glyph("团") or 0)
    damaged = _damaged_copy(face.file, tmp_path / "fonts", table)
    book = FontBook(standard, tmp_path / "fonts")
    assert book.primary("kai").file == damaged
    with pytest.raises(SigngenError) as err:
        book.metrics("kai", "团")
    message = err.value.format_message()
    assert message.startswith(f"{damaged}: ") and "U+56E2 '团'" in message
    assert "damaged font" in message
    assert book.primary("kai").declares_outline(face.glyph("团") or 0) == (table == "glyf")


def test_blank_glyphs_of_a_sound_font_are_not_errors(fonts: FontBook) -> None:
    """Spaces draw no ink and say so: no damaged-font error for them."""
    for char in " \u3000":
        assert fonts.metrics("song", char).ink is None
    assert fonts.metrics("song", "社").ink is not None


def test_render_with_a_damaged_font_exits_2(runner: CliRunner, fonts: FontBook,
                                            tmp_path: Path) -> None:
    """signgen render with a damaged --fonts-dir face: exit 2, the file named, nothing written."""
    damaged = _damaged_copy(fonts.primary("kai").file, tmp_path / "fonts", "glyf")
    out = tmp_path / "plaque.svg"
    result = runner.invoke(main, ["render", "name-sign", "--specs", str(SPECS),
                                  "--set", "community=团结社区", "--fonts-dir",
                                  str(tmp_path / "fonts"), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert str(damaged) in result.output and "damaged font" in result.output
    assert not out.exists()
