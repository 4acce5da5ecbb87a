"""Fonts for the standard's typeface roles: find the substitute faces, measure and outline glyphs.

A *role* is a typeface id of the standard (``song-display``...). Its substitutes, exact
fontconfig family and style names, are project defaults (``typeface_substitutes``). A face is
found in ``--fonts-dir`` first, then through fontconfig (``fc-list``), and accepted only when
its own name table says exactly that family and style (read with fontTools, which reads
nothing else): fontconfig's substitution of another family is never taken. harfbuzz does the
per-glyph work on the memory-mapped file: glyph ids, advances, kerning pairs, glyph outlines
(SVG path data in font units, y up) and bounds, each cached per glyph.
"""

from __future__ import annotations

import mmap
import shutil
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import uharfbuzz as hb
from fontTools.pens.basePen import decomposeQuadraticSegment
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTCollection, TTFont

from signgen.errors import SigngenError
from signgen.spec.model import Standard, TypefaceSubstitute

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
COLLECTION_SUFFIXES = (".ttc", ".otc")

Bounds = tuple[float, float, float, float]


def _font_number(value: float) -> str:
    """Font-unit coordinates: integers as integers, the rest with two decimals."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _FontNumbers(dict[float, str]):
    """:func:`_font_number` of each coordinate seen, kept: a glyph's path data repeats a few
    hundred distinct values, and a look-up costs a fraction of formatting one."""

    def __missing__(self, value: float) -> str:
        text = self[value] = _font_number(value)
        return text


_FONT_NUMBERS = _FontNumbers()


def char_label(char: str) -> str:
    """A character as an error message shows it.

    >>> char_label("社")
    "U+793E '社'"
    """
    return f"U+{ord(char):04X} {char!r}"


_Segments = list[tuple[str, tuple[Any, ...]]]


def path_and_bounds(segments: _Segments) -> tuple[str, Bounds | None] | None:
    """SVG path data (absolute M/L/H/V/C/Q/Z) and control-point bounds of recorded segments.

    Control-point bounds contain the ink (curves stay inside their control points), so a
    layout that keeps them inside the margins keeps the outline inside. Returns None for
    segments it does not handle (quadratic contours without on-curve points, and
    ``curveTo`` with other than three points), which fontTools' pens draw and harfbuzz never.

    >>> path_and_bounds([("moveTo", ((0, 0),)), ("lineTo", ((10, 0),)),
    ...                  ("curveTo", ((10, 5), (5, 10), (0, 10))), ("closePath", ())])
    ('M0 0H10C10 5 5 10 0 10Z', (0, 0, 10, 10))
    """
    n = _FONT_NUMBERS
    parts: list[str] = []
    add = parts.append
    xs: list[float] = []
    ys: list[float] = []
    cx = cy = 0.0
    for op, points in segments:  # the most frequent segments first
        if op == "qCurveTo" and len(points) == 2 and points[1] is not None:
            (qx, qy), (x, y) = points
            add(f"Q{n[qx]} {n[qy]} {n[x]} {n[y]}")
            xs.append(qx)
            ys.append(qy)
        elif op == "lineTo":
            (x, y), = points
            add(f"H{n[x]}" if y == cy else f"V{n[y]}" if x == cx else f"L{n[x]} {n[y]}")
        elif op == "curveTo" and len(points) == 3:
            (x1, y1), (x2, y2), (x, y) = points
            add(f"C{n[x1]} {n[y1]} {n[x2]} {n[y2]} {n[x]} {n[y]}")
            xs += (x1, x2)
            ys += (y1, y2)
        elif op == "moveTo":
            (x, y), = points
            add(f"M{n[x]} {n[y]}")
        elif op == "qCurveTo" and len(points) > 1 and points[-1] is not None:
            for (qx, qy), (x, y) in decomposeQuadraticSegment(points):
                add(f"Q{n[qx]} {n[qy]} {n[x]} {n[y]}")
                xs.append(qx)
                ys.append(qy)
        elif op == "closePath":
            add("Z")
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


# harfbuzz: the features it applies by default that substitute glyphs; off, so that kerning
# is measured between the characters' own (nominal) glyphs, as the layout places them.
_KERN_ONLY = {"kern": True, "liga": False, "clig": False, "calt": False, "ccmp": False,
              "locl": False, "rlig": False, "rclt": False}


def _int16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">h", data, offset)[0])


def _uint16s(data: bytes, offset: int, count: int) -> tuple[int, ...]:
    return struct.unpack_from(f">{count}H", data, offset)


def _coverage(data: bytes, offset: int) -> set[int]:
    """The glyph ids of an OpenType Coverage table (format 1: a list, 2: ranges)."""
    fmt, count = _uint16s(data, offset, 2)
    if fmt == 1:
        return set(_uint16s(data, offset + 4, count))
    ranges = _uint16s(data, offset + 4, 3 * count)
    return {g for i in range(0, len(ranges), 3) for g in range(ranges[i], ranges[i + 1] + 1)}


def _pair_kerned_glyphs(gpos: bytes) -> set[int] | None:
    """Glyph ids that can start a kerned pair: the coverage of the PairPos subtables of every
    lookup of the GPOS ``kern`` feature, read in place. None when a ``kern`` lookup is of
    another type (contextual kerning): then any pair may kern.
    """
    features, lookups = _uint16s(gpos, 6, 2)
    if not features or not lookups:
        return set()
    indices: set[int] = set()
    for i in range(_uint16s(gpos, features, 1)[0]):
        record = features + 2 + 6 * i
        if gpos[record:record + 4] == b"kern":
            feature = features + _uint16s(gpos, record + 4, 1)[0]
            count = _uint16s(gpos, feature + 2, 1)[0]
            indices.update(_uint16s(gpos, feature + 4, count))
    glyphs: set[int] = set()
    for index in indices:
        lookup = lookups + _uint16s(gpos, lookups + 2 + 2 * index, 1)[0]
        kind, _, count = _uint16s(gpos, lookup, 3)
        for sub_offset in _uint16s(gpos, lookup + 6, count):
            sub, sub_kind = lookup + sub_offset, kind
            if kind == 9:  # Extension: the real subtable is further on
                sub_kind = _uint16s(gpos, sub + 2, 1)[0]
                sub += struct.unpack_from(">L", gpos, sub + 4)[0]
            if sub_kind != 2:
                return None
            glyphs |= _coverage(gpos, sub + _uint16s(gpos, sub + 2, 1)[0])
    return glyphs


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
        ascender, descender = ((_int16(os2, 68), _int16(os2, 70)) if len(os2) >= 72
                               else (0, 0))
        if ascender - descender <= 0:
            hhea = face.reference_table("hhea").data
            ascender, descender = _int16(hhea, 4), _int16(hhea, 6)
        # The em box is split between ascender and descender in the font's own proportion.
        self.ascent: float = ascender / (ascender - descender)
        self._paths: dict[int, str] = {}
        self._bounds: dict[int, Bounds | None] = {}
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
        """Draw the glyph's outline once; format path data and bounds in one pass."""
        recording = _HarfbuzzRecording()
        self._font.draw_glyph_with_pen(glyph, recording)
        found = path_and_bounds(recording.value)
        assert found is not None  # harfbuzz draws lines, cubics and single-point quadratics
        self._paths[glyph], self._bounds[glyph] = found

    def outline(self, glyph: int) -> str:
        """SVG path data of a glyph's outline in font units (y up); empty for a blank glyph."""
        found = self._paths.get(glyph)
        if found is None:
            self._draw(glyph)
            found = self._paths[glyph]
        return found

    def bounds(self, glyph: int) -> Bounds | None:
        """Ink bounds (xMin, yMin, xMax, yMax) of a glyph in font units; None when blank."""
        if glyph not in self._bounds:
            self._draw(glyph)
        return self._bounds[glyph]

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
            return _pair_kerned_glyphs(gpos) if gpos else set()
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


class _HarfbuzzRecording(RecordingPen):  # type: ignore[misc]
    """Records harfbuzz's drawing as fontTools' pens draw the same outline.

    harfbuzz closes every contour with an explicit line back to its start point; fontTools
    leaves that line implied by ``closePath`` (CFF and glyf outlines alike), and the path
    data made from fontTools' drawing is what plaques have always carried. So a ``lineTo``
    the start point right before ``closePath`` is dropped.
    """

    def moveTo(self, pt: tuple[float, float]) -> None:
        self.start = pt
        self.value.append(("moveTo", (pt,)))

    def closePath(self) -> None:
        value = self.value
        if value and value[-1][0] == "lineTo" and value[-1][1][0] == self.start:
            value.pop()
        value.append(("closePath", ()))


class GlyphMetrics(NamedTuple):
    """A character's glyph in the face chosen for a role; lengths in em."""

    face: Face
    glyph: int  # glyph id in the face
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
        self._blobs: dict[Path, hb.Blob] = {}
        self._faces_by_key: dict[str, Face] = {}
        self._roles: dict[str, list[Face]] = {}
        self._char_faces: dict[tuple[str, str], Face] = {}
        self._metrics: dict[tuple[str, str], GlyphMetrics] = {}
        self._fontconfig: list[tuple[_Candidate, list[str], list[str]]] | None = None

    # --- finding faces ------------------------------------------------------------------

    def _open(self, path: Path) -> list[TTFont]:
        """The fonts of a file, for their name tables only: fontTools reads nothing else."""
        fonts = self._files.get(path)
        if fonts is None:
            try:
                # Memory-mapped: fonts stay lazy and no file handle is left open.
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

    def _blob(self, path: Path) -> hb.Blob:
        """The file for harfbuzz, memory-mapped: its pages are shared with every process."""
        blob = self._blobs.get(path)
        if blob is None:
            blob = self._blobs[path] = hb.Blob.from_file_path(str(path))
        return blob

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
                    face = Face(self._blob(cand.path), i, cand.path, family, style)
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
