"""The font book: the faces of a standard's typeface roles, found once, and glyph metrics.

A *role* is a typeface id of the standard (``song-display``...). Its substitutes, exact
fontconfig family and style names, are project defaults (``typeface_substitutes``). A face is
found in ``--fonts-dir`` first, then through fontconfig (:mod:`signgen.fonts.discovery`), and
accepted only when its own name table says exactly that family and style: fontconfig's
substitution of another family is never taken. Per-glyph work is done by
:class:`signgen.fonts.face.Face` (harfbuzz on the memory-mapped file).
"""

from __future__ import annotations

import mmap
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb
from fontTools.ttLib import TTCollection, TTFont

from signgen.errors import Problem, SigngenError
from signgen.fonts.discovery import (
    COLLECTION_SUFFIXES,
    Candidate,
    folder_candidates,
    font_names,
    fontconfig_candidates,
    fontconfig_fonts,
)
from signgen.fonts.face import Face
from signgen.fonts.outline import Bounds
from signgen.spec.model import Standard, TypefaceSubstitute


def char_label(char: str) -> str:
    """A character as an error message shows it.

    >>> char_label("社")
    "U+793E '社'"
    """
    return f"U+{ord(char):04X} {char!r}"


def _visible(char: str) -> bool:
    """A character that prints ink: not a space, separator, control or format character."""
    return unicodedata.category(char)[0] not in "ZC"


def _damaged(face: Face, glyph: int, char: str) -> SigngenError:
    """The error for a glyph the font should draw and does not: its file is damaged."""
    return SigngenError([Problem(
        str(face.file), 0, 0, f"glyph {glyph} ({face.key}) for {char_label(char)}",
        "字体文件已损坏,该字无轮廓 (damaged font): expected an outline with ink, got none; "
        "reinstall the font, or remove it from --fonts-dir")])


class GlyphMetrics(NamedTuple):
    """A character's glyph in the face chosen for a role; lengths in em.

    ``ink`` is the control-point box (it contains the outline: the layout keeps it inside
    the margins); ``ink_height`` the outline's tight height, what a tape measures;
    ``letter`` whether the character is a letter or digit (Han characters included), the
    characters a person measures letter height on, not punctuation such as （ or 、.
    """

    face: Face
    glyph: int  # glyph id in the face
    advance: float
    ink: Bounds | None  # (xMin, yMin, xMax, yMax), y up; None for a blank glyph
    ink_height: float = 0.0
    letter: bool = False


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
        self._fontconfig: list[tuple[Candidate, list[str], list[str]]] | None = None

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
        candidates: list[Candidate] = []
        if self.fonts_dir is not None:
            candidates += folder_candidates(self.fonts_dir)
        if self._fontconfig is None:
            self._fontconfig = fontconfig_fonts()
        candidates += fontconfig_candidates(self._fontconfig, family, style)
        for cand in candidates:
            fonts = self._open(cand.path)
            order = range(len(fonts)) if cand.index < 0 else [cand.index, *range(len(fonts))]
            for i in order:
                if i < len(fonts) and (family, style) in font_names(fonts[i]):
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
        """Face, glyph, advance, ink box and ink height of ``char`` in a role, in em (cached).

        Raises:
            SigngenError: as :meth:`face_for`; or the font draws no ink for a glyph its
                ``loca`` gives data, or for a visible character (a damaged file).
        """
        pair = (typeface_id, char)
        found = self._metrics.get(pair)
        if found is None:
            face = self.face_for(typeface_id, char)
            glyph = face.glyph(char)
            assert glyph is not None  # face_for returns a face that has the glyph
            upm = face.units_per_em
            ink = face.bounds(glyph)
            if ink is None and (face.declares_outline(glyph) or _visible(char)):
                raise _damaged(face, glyph, char)
            ink_em = None if ink is None else (ink[0] / upm, ink[1] / upm, ink[2] / upm,
                                               ink[3] / upm)
            extent = face.ink_extent(glyph)
            height = 0.0 if extent is None else (extent[1] - extent[0]) / upm
            found = self._metrics[pair] = GlyphMetrics(
                face, glyph, face.advance(glyph) / upm, ink_em, height,
                unicodedata.category(char)[0] in "LN")
        return found

    def face(self, key: str) -> Face:
        """A face already found, by its key (``family style``)."""
        return self._faces_by_key[key]

    def loaded(self) -> Iterator[Face]:
        """Every face found so far."""
        return iter(self._faces_by_key.values())
