"""One font face read by harfbuzz: glyph ids, advances, outlines, bounds, ink and kerning."""

from __future__ import annotations

import struct
from functools import cached_property
from pathlib import Path

import uharfbuzz as hb

from signgen.fonts.gpos import int16, pair_kerned_glyphs
from signgen.fonts.outline import Bounds, Extent, HarfbuzzRecording, path_and_bounds

# harfbuzz: the features it applies by default that substitute glyphs; off, so that kerning
# is measured between the characters' own (nominal) glyphs, as the layout places them.
_KERN_ONLY = {"kern": True, "liga": False, "clig": False, "calt": False, "ccmp": False,
              "locl": False, "rlig": False, "rclt": False}


class Face:
    """One font face (a file, or one font of a collection), with per-glyph caches.

    Glyphs are identified by glyph id. harfbuzz reads the font in place (the file is
    memory-mapped, its pages shared by every process using it) and does the per-glyph
    work: cmap look-up, advances, outlines and kerning; nothing is decompiled up front.
    """

    def __init__(self, blob: hb.Blob, index: int, file: Path, family: str, style: str) -> None:
        self.file = file
        self.index = index
        self.family = family
        self.style = style
        self.key = f"{family} {style}"
        face = self._hb_face = hb.Face(blob, index)
        self._font = hb.Font(face)
        self.units_per_em: int = face.upem
        os2 = face.reference_table("OS/2").data
        ascender, descender = ((int16(os2, 68), int16(os2, 70)) if len(os2) >= 72
                               else (0, 0))
        if ascender - descender <= 0:
            hhea = face.reference_table("hhea").data
            ascender, descender = int16(hhea, 4), int16(hhea, 6)
        # The em box is split between ascender and descender in the font's own proportion.
        self.ascent: float = ascender / (ascender - descender)
        self._paths: dict[int, str] = {}
        self._bounds: dict[int, Bounds | None] = {}
        self._extents: dict[int, Extent | None] = {}
        self._kern_pairs: dict[tuple[str, str], int] = {}
        self._kern_buffer = hb.Buffer()

    def __repr__(self) -> str:
        return f"Face({self.key!r}, {str(self.file)!r})"

    def glyph(self, char: str) -> int | None:
        """The glyph id for ``char`` (from the font's Unicode cmap), or None when absent."""
        gid: int | None = self._font.get_nominal_glyph(ord(char))
        return gid

    def advance(self, glyph: int) -> int:
        """Advance width of a glyph, in font units."""
        return int(self._font.get_glyph_h_advance(glyph))

    def _draw(self, glyph: int) -> None:
        """Draw the glyph's outline once: path data, bounds and ink extent in one pass."""
        recording = HarfbuzzRecording()
        self._font.draw_glyph_with_pen(glyph, recording)
        found = path_and_bounds(recording.value)
        assert found is not None  # harfbuzz draws lines, cubics and single-point quadratics
        self._paths[glyph], self._bounds[glyph], self._extents[glyph] = found

    def outline(self, glyph: int) -> str:
        """SVG path data of a glyph's outline in font units (y up); empty for a blank glyph."""
        found = self._paths.get(glyph)
        if found is None:
            self._draw(glyph)
            found = self._paths[glyph]
        return found

    def bounds(self, glyph: int) -> Bounds | None:
        """Control-point bounds (xMin, yMin, xMax, yMax) of a glyph in font units, which
        contain its ink; None when blank."""
        if glyph not in self._bounds:
            self._draw(glyph)
        return self._bounds[glyph]

    def ink_extent(self, glyph: int) -> Extent | None:
        """The ink's lowest and highest y (curves at their extrema), in font units; None
        when blank. Tighter than :meth:`bounds` wherever a curve's control point lies
        beyond it: this is what a tape measures on the outline."""
        if glyph not in self._extents:
            self._draw(glyph)
        return self._extents[glyph]

    def declares_outline(self, glyph: int) -> bool:
        """Whether the font's ``loca`` table gives the glyph outline data (TrueType outlines;
        False for CFF fonts, which have no such index)."""
        loca = self._loca
        if loca is None:
            return False
        long_format, data = loca
        size = 4 if long_format else 2
        if len(data) < (glyph + 2) * size:
            return True  # an index cut short: the glyph's data cannot be where it should be
        start, end = struct.unpack_from(">LL" if long_format else ">HH", data, glyph * size)
        return bool(end > start)

    @cached_property
    def _loca(self) -> tuple[bool, bytes] | None:
        """``loca`` (long format or not, its bytes), read once; None without one."""
        if "loca" not in self._hb_face.table_tags:
            return None
        head = self._hb_face.reference_table("head").data
        long_format = len(head) >= 52 and int16(head, 50) == 1
        return long_format, self._hb_face.reference_table("loca").data

    def kern(self, left: str, right: str) -> int:
        """Pair kerning between two characters' glyphs in font units (GPOS ``kern``).

        harfbuzz shapes the pair with its glyph substitutions off; the kerning is the first
        glyph's advance minus its nominal advance (0 if shaping did not keep the nominal
        glyphs). A pair whose first glyph no PairPos subtable covers is not shaped: 0.
        """
        pair = (left, right)
        found = self._kern_pairs.get(pair)
        if found is None:
            found = self._kern_pairs[pair] = self._shaped_kern(left, right)
        return found

    @cached_property
    def _kerned_glyphs(self) -> set[int] | None:
        """Glyphs that may start a kerned pair (None: any), read once."""
        tags = self._hb_face.table_tags
        if "kern" in tags:  # a legacy kern table, which harfbuzz also applies
            return None
        gpos = self._hb_face.reference_table("GPOS").data if "GPOS" in tags else b""
        try:
            return pair_kerned_glyphs(gpos) if gpos else set()
        except struct.error:  # a table cut short: let harfbuzz judge every pair
            return None

    def _shaped_kern(self, left: str, right: str) -> int:
        first = self.glyph(left)
        kerned = self._kerned_glyphs
        if kerned is not None and first not in kerned:
            return 0  # no PairPos subtable starts with this glyph: shaping would find none
        buffer = self._kern_buffer
        buffer.clear_contents()
        buffer.add_codepoints([ord(left), ord(right)])
        buffer.guess_segment_properties()
        hb.shape(self._font, buffer, _KERN_ONLY)
        infos = buffer.glyph_infos
        if first is None or len(infos) != 2 or infos[0].codepoint != first:
            return 0
        return int(buffer.glyph_positions[0].x_advance) - self.advance(first)
