"""Fonts for the standard's typeface roles: find the substitute faces, measure and outline glyphs.

A *role* is a typeface id of the standard (``song-display``...). Its substitutes, exact
fontconfig family and style names, are project defaults (``typeface_substitutes``). A face is
found in ``--fonts-dir`` first, then through fontconfig (``fc-list``), and accepted only when
its own name table says exactly that family and style: fontconfig's substitution of another
family is never taken. Each font file is opened once, lazily; advances, kerning pairs, glyph
outlines (SVG path data in font units, y up) and bounds are cached per glyph.
"""

from __future__ import annotations

import logging
import mmap
import shutil
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from fontTools.pens.basePen import decomposeQuadraticSegment
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTCollection, TTFont

from .errors import SigngenError
from .model import Standard, TypefaceSubstitute

# AR PL's fonts carry a few padding bytes after their glyf data; fontTools logs each time
# it reads them ("too much 'glyf' table data"), which is noise on a user's terminal.
logging.getLogger("fontTools.ttLib.tables._g_l_y_f").setLevel(logging.ERROR)

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
COLLECTION_SUFFIXES = (".ttc", ".otc")

Bounds = tuple[float, float, float, float]


def _font_number(value: float) -> str:
    """Font-unit coordinates: integers as integers, the rest with two decimals."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def char_label(char: str) -> str:
    """A character as an error message shows it.

    >>> char_label("社")
    "U+793E '社'"
    """
    return f"U+{ord(char):04X} {char!r}"


# fontTools' getBestCmap order of preference: (platform, encoding) of Unicode subtables.
_CMAP_PREFERENCE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


class _UnicodeCmap:
    """The best Unicode cmap subtable (format 4 or 12), read in place: no decompiling."""

    def __init__(self, data: bytes, offset: int, fmt: int) -> None:
        self.data, self.offset, self.format = data, offset, fmt

    @classmethod
    def read(cls, font: TTFont) -> _UnicodeCmap | None:
        """The subtable getBestCmap would pick, or None if absent or not format 4/12."""
        data = bytes(font.reader["cmap"])
        count = struct.unpack_from(">H", data, 2)[0]
        records: dict[tuple[int, int], int] = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHL", data, 4 + 8 * i)
            records.setdefault((platform, encoding), offset)
        for key in _CMAP_PREFERENCE:
            if key in records:
                fmt = struct.unpack_from(">H", data, records[key])[0]
                return cls(data, records[key], fmt) if fmt in (4, 12) else None
        return None

    def glyph_id(self, code: int) -> int:
        """The glyph id mapped to ``code``; 0 (.notdef) when none is."""
        return self._format12(code) if self.format == 12 else self._format4(code)

    def _format12(self, code: int) -> int:
        data, base = self.data, self.offset
        lo, hi = 0, struct.unpack_from(">L", data, base + 12)[0]
        while lo < hi:  # groups: (start, end, start glyph), sorted by start
            mid = (lo + hi) // 2
            start, end, glyph = struct.unpack_from(">LLL", data, base + 16 + 12 * mid)
            if code < start:
                hi = mid
            elif code > end:
                lo = mid + 1
            else:
                return int(glyph + code - start)
        return 0

    def _format4(self, code: int) -> int:
        data, base = self.data, self.offset
        if code > 0xFFFF:
            return 0
        segments = struct.unpack_from(">H", data, base + 6)[0] // 2
        ends, starts = base + 14, base + 16 + 2 * segments
        deltas, ranges = starts + 2 * segments, starts + 4 * segments
        lo, hi = 0, segments
        while lo < hi:  # the first segment whose end is >= code
            mid = (lo + hi) // 2
            if struct.unpack_from(">H", data, ends + 2 * mid)[0] < code:
                lo = mid + 1
            else:
                hi = mid
        if lo == segments or struct.unpack_from(">H", data, starts + 2 * lo)[0] > code:
            return 0
        delta = struct.unpack_from(">h", data, deltas + 2 * lo)[0]
        range_offset = struct.unpack_from(">H", data, ranges + 2 * lo)[0]
        if range_offset == 0:
            return int(code + delta) & 0xFFFF
        start = struct.unpack_from(">H", data, starts + 2 * lo)[0]
        at = ranges + 2 * lo + range_offset + 2 * (code - start)
        glyph = int(struct.unpack_from(">H", data, at)[0])
        return (glyph + delta) & 0xFFFF if glyph else 0


class Face:
    """One font face (a file, or one font of a collection), with per-glyph caches."""

    def __init__(self, font: TTFont, file: Path, family: str, style: str) -> None:
        self.font = font
        self.file = file
        self.family = family
        self.style = style
        self.key = f"{family} {style}"
        self.units_per_em: int = font["head"].unitsPerEm
        os2 = font["OS/2"]
        ascender, descender = os2.sTypoAscender, os2.sTypoDescender
        if ascender - descender <= 0:
            hhea = font["hhea"]
            ascender, descender = hhea.ascent, hhea.descent
        # The em box is split between ascender and descender in the font's own proportion.
        self.ascent: float = ascender / (ascender - descender)
        self._cmap: dict[int, str] | None = None
        self._unicode_cmap: _UnicodeCmap | None = None
        self._hmtx: bytes | None = None
        self._metrics_count = 0
        self._glyphset: Any = None
        self._advances: dict[str, int] = {}
        self._paths: dict[str, str] = {}
        self._bounds: dict[str, Bounds | None] = {}
        self._kern_pairs: dict[tuple[str, str], int] = {}
        self._kern_subtables: list[_PairSubtable] | None = None

    def __repr__(self) -> str:
        return f"Face({self.key!r}, {str(self.file)!r})"

    def glyph(self, char: str) -> str | None:
        """The glyph name for ``char``, or None when the face has no glyph for it."""
        if self._cmap is None:
            if self._unicode_cmap is None:
                # Look characters up in the raw table: decompiling a CJK font's cmap builds
                # 30,000-65,000 entries (about 0.1 s a face) to use a few hundred.
                self._unicode_cmap = _UnicodeCmap.read(self.font)
                if self._unicode_cmap is None:  # a format the reader leaves to fontTools
                    self._cmap = self.font.getBestCmap() or {}
                    return self._cmap.get(ord(char))
            gid = self._unicode_cmap.glyph_id(ord(char))
            return self.font.getGlyphName(gid) if gid else None
        return self._cmap.get(ord(char))

    def advance(self, glyph: str) -> int:
        """Advance width of a glyph, in font units."""
        found = self._advances.get(glyph)
        if found is None:
            if self._hmtx is None:
                # Read the raw table: decompiling hmtx builds 65,000 entries to use a few.
                self._hmtx = bytes(self.font.reader["hmtx"])
                self._metrics_count = self.font["hhea"].numberOfHMetrics
            index = min(self.font.getGlyphID(glyph), self._metrics_count - 1)
            found = self._advances[glyph] = struct.unpack_from(">H", self._hmtx, 4 * index)[0]
        return found

    def _draw_into(self, glyph: str, pen: RecordingPen) -> None:
        """Draw from the outline table itself: a glyph set would also decompile hmtx."""
        font = self.font
        if "glyf" in font:
            table = font["glyf"]
            table[glyph].draw(pen, table)
        elif "CFF " in font:
            font["CFF "].cff.topDictIndex[0].CharStrings[glyph].draw(pen)
        else:
            if self._glyphset is None:
                self._glyphset = font.getGlyphSet()
            self._glyphset[glyph].draw(pen)

    def _draw(self, glyph: str) -> None:
        """Interpret the glyph's outline once; format path data and bounds in one pass."""
        recording = RecordingPen()
        self._draw_into(glyph, recording)
        found = path_and_bounds(recording.value)
        if found is None:  # segments the fast formatter leaves to fontTools' pens
            path = SVGPathPen(None, ntos=_font_number)
            recording.replay(path)
            bounds = BoundsPen(None)
            recording.replay(bounds)
            found = (path.getCommands(), bounds.bounds)
        self._paths[glyph], self._bounds[glyph] = found

    def outline(self, glyph: str) -> str:
        """SVG path data of a glyph's outline in font units (y up); empty for a blank glyph."""
        found = self._paths.get(glyph)
        if found is None:
            self._draw(glyph)
            found = self._paths[glyph]
        return found

    def bounds(self, glyph: str) -> Bounds | None:
        """Ink bounds (xMin, yMin, xMax, yMax) of a glyph in font units; None when blank."""
        if glyph not in self._bounds:
            self._draw(glyph)
        return self._bounds[glyph]

    def kern(self, left: str, right: str) -> int:
        """Pair kerning between two glyphs in font units, from the GPOS ``kern`` feature."""
        pair = (left, right)
        found = self._kern_pairs.get(pair)
        if found is None:
            found = self._kern_pairs[pair] = _pair_adjustment(self._kern_lookups(), left, right)
        return found

    def _kern_lookups(self) -> list[_PairSubtable]:
        if self._kern_subtables is None:
            self._kern_subtables = _kern_subtables(self.font)
        return self._kern_subtables


@dataclass(frozen=True)
class _PairSubtable:
    """One PairPos subtable, its coverage as a dict for constant-time look-ups."""

    format: int
    coverage: dict[str, int]
    table: Any


def _kern_subtables(font: TTFont) -> list[_PairSubtable]:
    """PairPos subtables of every lookup the GPOS ``kern`` feature uses, in lookup order."""
    if "GPOS" not in font:
        return []
    table = font["GPOS"].table
    if table.FeatureList is None or table.LookupList is None:
        return []
    indices = sorted({i for rec in table.FeatureList.FeatureRecord if rec.FeatureTag == "kern"
                      for i in rec.Feature.LookupListIndex})
    subtables = []
    for index in indices:
        lookup = table.LookupList.Lookup[index]
        for sub in lookup.SubTable:
            if lookup.LookupType == 9:
                sub = sub.ExtSubTable
            if sub.LookupType == 2 and sub.Format in (1, 2):
                coverage = {g: i for i, g in enumerate(sub.Coverage.glyphs)}
                subtables.append(_PairSubtable(sub.Format, coverage, sub))
    return subtables


def _x_advance(value: Any) -> int:
    return int(getattr(value, "XAdvance", 0) or 0) if value is not None else 0


def _pair_adjustment(subtables: list[_PairSubtable], left: str, right: str) -> int:
    """X-advance adjustment of the first PairPos subtable that has the pair."""
    for sub in subtables:
        index = sub.coverage.get(left)
        if index is None:
            continue
        if sub.format == 1:
            for record in sub.table.PairSet[index].PairValueRecord:
                if record.SecondGlyph == right:
                    return _x_advance(record.Value1)
        else:
            class1 = sub.table.ClassDef1.classDefs.get(left, 0)
            class2 = sub.table.ClassDef2.classDefs.get(right, 0)
            return _x_advance(sub.table.Class1Record[class1].Class2Record[class2].Value1)
    return 0


_Segments = list[tuple[str, tuple[Any, ...]]]


def path_and_bounds(segments: _Segments) -> tuple[str, Bounds | None] | None:
    """SVG path data (absolute M/L/H/V/C/Q/Z) and control-point bounds of recorded segments.

    Control-point bounds contain the ink (curves stay inside their control points), so a
    layout that keeps them inside the margins keeps the outline inside. Returns None for
    segments it does not handle (quadratic contours without on-curve points, and
    ``curveTo`` with other than three points); callers then use fontTools' pens.

    >>> path_and_bounds([("moveTo", ((0, 0),)), ("lineTo", ((10, 0),)),
    ...                  ("curveTo", ((10, 5), (5, 10), (0, 10))), ("closePath", ())])
    ('M0 0H10C10 5 5 10 0 10Z', (0, 0, 10, 10))
    """
    ntos = _font_number
    parts: list[str] = []
    xs: list[float] = []
    ys: list[float] = []
    cx = cy = 0.0
    for op, points in segments:
        if op == "moveTo" or op == "lineTo":
            (x, y), = points
            if op == "lineTo" and y == cy:
                parts.append(f"H{ntos(x)}")
            elif op == "lineTo" and x == cx:
                parts.append(f"V{ntos(y)}")
            else:
                parts.append(f"{'M' if op == 'moveTo' else 'L'}{ntos(x)} {ntos(y)}")
        elif op == "curveTo" and len(points) == 3:
            (x1, y1), (x2, y2), (x, y) = points
            parts.append(f"C{ntos(x1)} {ntos(y1)} {ntos(x2)} {ntos(y2)} {ntos(x)} {ntos(y)}")
            xs += (x1, x2)
            ys += (y1, y2)
        elif op == "qCurveTo" and len(points) > 1 and points[-1] is not None:
            for (qx, qy), (x, y) in decomposeQuadraticSegment(points):
                parts.append(f"Q{ntos(qx)} {ntos(qy)} {ntos(x)} {ntos(y)}")
                xs.append(qx)
                ys.append(qy)
        elif op == "closePath":
            parts.append("Z")
            continue
        elif op == "endPath":
            continue
        else:
            return None
        cx, cy = x, y
        xs.append(x)
        ys.append(y)
    if not xs:
        return "".join(parts), None
    return "".join(parts), (min(xs), min(ys), max(xs), max(ys))


class GlyphMetrics(NamedTuple):
    """A character's glyph in the face chosen for a role; lengths in em."""

    face: Face
    glyph: str
    advance: float
    ink: Bounds | None  # (xMin, yMin, xMax, yMax), y up; None for a blank glyph


@dataclass(frozen=True)
class _Candidate:
    path: Path
    index: int


def _names(font: TTFont) -> set[tuple[str, str]]:
    """The (family, style) pairs a font calls itself: typographic and legacy names."""
    name = font["name"]
    pairs = set()
    for fam_id, style_id in ((16, 17), (1, 2)):
        family, style = name.getDebugName(fam_id), name.getDebugName(style_id)
        if family and style:
            pairs.add((family, style))
    family16, style2 = name.getDebugName(16), name.getDebugName(2)
    if family16 and style2 and name.getDebugName(17) is None:
        pairs.add((family16, style2))
    return pairs


def fontconfig_fonts() -> list[tuple[_Candidate, list[str], list[str]]]:
    """Every font fontconfig knows: (file and index, its family names, its style names)."""
    if shutil.which("fc-list") is None:
        return []
    result = subprocess.run(["fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{style}\n"],
                            capture_output=True, text=True, check=False)
    found = []
    for line in result.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            found.append((_Candidate(Path(parts[0]), int(parts[1] or 0)),
                          [f.strip() for f in parts[2].split(",")],
                          [s.strip() for s in parts[3].split(",")]))
    return found


def _fontconfig_candidates(listing: list[tuple[_Candidate, list[str], list[str]]],
                           family: str, style: str) -> list[_Candidate]:
    """Fonts fontconfig lists under exactly ``family`` and ``style``: no substitution."""
    found = {cand for cand, families, styles in listing
             if family in families and style in styles}
    return sorted(found, key=lambda c: (str(c.path), c.index))


def _folder_candidates(folder: Path) -> list[_Candidate]:
    """Every font file in a folder (recursively); each collection is checked face by face."""
    return [_Candidate(p, -1) for p in sorted(folder.rglob("*"))
            if p.suffix.lower() in FONT_SUFFIXES and p.is_file()]


class FontBook:
    """The faces of every typeface role of a standard, found once and cached.

    Args:
        standard: the standard whose ``typeface_substitutes`` name the faces.
        fonts_dir: a folder searched before fontconfig (``--fonts-dir``).
    """

    def __init__(self, standard: Standard, fonts_dir: Path | None = None) -> None:
        self.standard = standard
        self.fonts_dir = fonts_dir
        self._files: dict[Path, list[TTFont]] = {}
        self._faces_by_key: dict[str, Face] = {}
        self._roles: dict[str, list[Face]] = {}
        self._char_faces: dict[tuple[str, str], Face] = {}
        self._metrics: dict[tuple[str, str], GlyphMetrics] = {}
        self._fontconfig: list[tuple[_Candidate, list[str], list[str]]] | None = None

    # --- finding faces ------------------------------------------------------------------

    def _open(self, path: Path) -> list[TTFont]:
        fonts = self._files.get(path)
        if fonts is None:
            try:
                # Memory-mapped: fonts stay lazy, no file handle is left open, and the pages
                # are shared with every other process reading the same font.
                with path.open("rb") as handle:
                    data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                if path.suffix.lower() in COLLECTION_SUFFIXES:
                    fonts = list(TTCollection(data, lazy=True).fonts)
                else:
                    fonts = [TTFont(data, lazy=True)]
            except Exception:  # an unreadable file is not a face: skip it, keep looking
                fonts = []
            self._files[path] = fonts
        return fonts

    def _find(self, family: str, style: str) -> Face | None:
        key = f"{family} {style}"
        if key in self._faces_by_key:
            return self._faces_by_key[key]
        candidates: list[_Candidate] = []
        if self.fonts_dir is not None:
            candidates += _folder_candidates(self.fonts_dir)
        if self._fontconfig is None:
            self._fontconfig = fontconfig_fonts()
        candidates += _fontconfig_candidates(self._fontconfig, family, style)
        for cand in candidates:
            fonts = self._open(cand.path)
            order = range(len(fonts)) if cand.index < 0 else [cand.index, *range(len(fonts))]
            for i in order:
                if i < len(fonts) and (family, style) in _names(fonts[i]):
                    face = Face(fonts[i], cand.path, family, style)
                    self._faces_by_key[key] = face
                    return face
        return None

    def _substitute(self, typeface_id: str) -> TypefaceSubstitute:
        subs = [s for s in self.standard.project_defaults.typeface_substitutes
                if s.typeface == typeface_id]
        if not subs:
            raise SigngenError(f"project_defaults.typeface_substitutes: expected an entry for "
                               f"typeface {typeface_id!r} ({self.role_name(typeface_id)}), "
                               "got none")
        return subs[0]

    def role_name(self, typeface_id: str) -> str:
        """The standard's name of a typeface role, e.g. ``宋体(大标宋)``."""
        found = next((t for t in self.standard.typefaces if t.id == typeface_id), None)
        return found.name if found else typeface_id

    def faces(self, typeface_id: str) -> list[Face]:
        """The installed faces of a role, in the spec's order of preference.

        Raises:
            SigngenError: none of the role's families is installed; names the role, the
                families tried and the Debian packages that provide them.
        """
        found = self._roles.get(typeface_id)
        if found is not None:
            return found
        sub = self._substitute(typeface_id)
        faces = [f for f in (self._find(x.family, x.style) for x in sub.families) if f]
        if not faces:
            tried = ", ".join(f"{x.family} {x.style}" for x in sub.families)
            where = "fontconfig" if self.fonts_dir is None else f"{self.fonts_dir} and fontconfig"
            raise SigngenError(
                f"typeface {typeface_id} ({self.role_name(typeface_id)}): expected one of the "
                f"font faces {tried} in {where}, got none installed; install the Debian "
                f"package(s) {' '.join(sub.debian_packages)} or pass --fonts-dir")
        self._roles[typeface_id] = faces
        return faces

    def primary(self, typeface_id: str) -> Face:
        """The preferred installed face of a role."""
        return self.faces(typeface_id)[0]

    def face_for(self, typeface_id: str, char: str) -> Face:
        """The first face of the role that has a glyph for ``char``.

        Raises:
            SigngenError: no face of the role has the character (named as U+XXXX and itself).
        """
        pair = (typeface_id, char)
        found = self._char_faces.get(pair)
        if found is not None:
            return found
        faces = self.faces(typeface_id)
        for face in faces:
            if face.glyph(char) is not None:
                self._char_faces[pair] = face
                return face
        tried = ", ".join(f.key for f in faces)
        raise SigngenError(f"character {char_label(char)}: expected a glyph in a face of "
                           f"typeface {typeface_id} ({self.role_name(typeface_id)}), got none "
                           f"in {tried}")

    def metrics(self, typeface_id: str, char: str) -> GlyphMetrics:
        """Face, glyph, advance and ink of ``char`` in a role, in em units (cached).

        Raises:
            SigngenError: as :meth:`face_for`.
        """
        pair = (typeface_id, char)
        found = self._metrics.get(pair)
        if found is None:
            face = self.face_for(typeface_id, char)
            glyph = face.glyph(char)
            assert glyph is not None  # face_for returns a face that has the glyph
            upm = face.units_per_em
            ink = face.bounds(glyph)
            ink_em = None if ink is None else (ink[0] / upm, ink[1] / upm, ink[2] / upm,
                                               ink[3] / upm)
            found = self._metrics[pair] = GlyphMetrics(face, glyph, face.advance(glyph) / upm,
                                                       ink_em)
        return found

    def face(self, key: str) -> Face:
        """A face already found, by its key (``family style``)."""
        return self._faces_by_key[key]

    def loaded(self) -> Iterator[Face]:
        """Every face found so far."""
        return iter(self._faces_by_key.values())
