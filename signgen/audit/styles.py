"""Judge an observed typeface or colour against the one the standard names.

A typeface passes when the observed face is one of the names the spec lists for it
(``known_as``: 方正大标宋, FZDaBiaoSong-B06S...); a face the project renders with passes
with a note that it is a project substitute (a project default); any other face fails,
naming what was expected. A colour passes when its name is one of the colour's names
(大红, 正红...), or when its HEX, RGB or CMYK is within the project's CIEDE2000 tolerance
of the project's value (CMYK compared with the project's CMYK, HEX and RGB with its HEX);
a colour signgen cannot read is left to the auditor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from coloraide import Color
from coloraide.css.color_names import name2val_map

from signgen.audit.texts import t
from signgen.output.numbers import measured
from signgen.spec.model import Colour, Standard, Typeface

Verdict = Literal["pass", "fail", "unknown"]
_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{6})")
# A number as float() reads it from ``[\d.]+``: 12, 12., 12.5, .5 (not 1.2.3).
_CMYK_NUMBER = r"(\d+(?:\.\d*)?|\.\d+)%?"
_CMYK_LETTERS = re.compile(f"c{_CMYK_NUMBER}m{_CMYK_NUMBER}y{_CMYK_NUMBER}k{_CMYK_NUMBER}")
_NUM = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class PartVerdict:
    """What signgen makes of one observed part: pass, fail or unknown, and why."""

    verdict: Verdict
    message: str


# The CSS colour names an auditor may write (coloraide's table, as CSS defines it), in sRGB
# 0..1: the browser's judge reads the same table (signgen.audit.export).
CSS_COLOURS: dict[str, tuple[float, float, float]] = {
    name: (rgba[0] / 255, rgba[1] / 255, rgba[2] / 255) for name, rgba in name2val_map.items()}


def name_key(text: str) -> str:
    """A name as compared: NFKC, casefolded, without whitespace, hyphens or underscores."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_")


def name_keys(item: Typeface | Colour) -> set[str]:
    """The keys (:func:`name_key`) of every name the typeface or colour is known by."""
    names = {item.id, item.name, item.name_en}
    if item.known_as is not None:
        names |= set(item.known_as.names)
    return {name_key(n) for n in names}


def colour_own_keys(colour: Colour) -> set[str]:
    """The keys a colour passes by name: its names, and the parts of 红色(大红) alike."""
    return name_keys(colour) | {p for n in (colour.name, colour.name_en)
                                for p in re.split(r"[()]", name_key(n)) if p}


def substitute_keys(standard: Standard, typeface_id: str) -> set[str]:
    """The keys of the project's substitute faces for a typeface (family, family + style)."""
    return {key for sub in standard.project_defaults.typeface_substitutes
            if sub.typeface == typeface_id for fam in sub.families
            for key in (name_key(fam.family), name_key(f"{fam.family} {fam.style}"))}


def face_examples(face: Typeface) -> str:
    """Up to four names of a typeface, as a wrong face's message gives them."""
    return "、".join((face.known_as.names if face.known_as else [face.name])[:4])


def reference_srgb(standard: Standard, colour_id: str) -> tuple[float, ...]:
    """The project's value of a colour in sRGB 0..1, as the colour difference reads it."""
    return tuple(float(c) for c in Color(standard.colour_value(colour_id).hex).coords())


def judge_typeface(standard: Standard, observed: str, typeface_id: str, label: str,
                   lang: str) -> PartVerdict:
    """One observed face against the typeface ``typeface_id`` names."""
    face = standard.typeface(typeface_id)
    name = face.name if lang != "en" else face.name_en
    wanted = name_key(observed)
    if wanted in name_keys(face):
        return PartVerdict("pass", t("face.named", lang, label=label, observed=observed,
                                     name=name))
    if wanted in substitute_keys(standard, typeface_id):
        return PartVerdict("pass", t("face.substitute", lang, label=label,
                                     observed=observed, name=name))
    return PartVerdict("fail", t("face.wrong", lang, label=label, observed=observed,
                                 name=name, examples=face_examples(face)))


def read_colour(text: str) -> tuple[str, tuple[float, ...]] | None:
    """``("srgb", (r, g, b))`` in 0..1 or ``("cmyk", (c, m, y, k))`` in 0..100 from what an
    auditor wrote (``#fff``, ``E60012``, ``rgb(230, 0, 18)``, ``cmyk(0,100,100,0)``,
    ``C0 M100 Y100 K0``, a CSS colour name), or None.

    >>> read_colour("#fff"), read_colour("C0 M100 Y100 K0")
    (('srgb', (1.0, 1.0, 1.0)), ('cmyk', (0.0, 100.0, 100.0, 0.0)))
    """
    key = name_key(text)
    if _HEX.fullmatch(key):
        digits = _HEX.fullmatch(key).group(1)  # type: ignore[union-attr]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return "srgb", tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))
    letters = _CMYK_LETTERS.fullmatch(key.replace(",", "").replace(":", "").replace("=", ""))
    if key.startswith("cmyk") or letters:
        values = ([float(v) for v in letters.groups()] if letters
                  else [float(v) for v in _NUM.findall(key)])
        ok = len(values) == 4 and all(0 <= v <= 100 for v in values)
        return ("cmyk", tuple(values)) if ok else None
    if key.startswith("rgb"):
        values = [float(v) for v in _NUM.findall(key)]
        percent = "%" in key
        scale = 100 if percent else 255
        ok = len(values) == 3 and all(0 <= v <= scale for v in values)
        return ("srgb", tuple(v / scale for v in values)) if ok else None
    named = CSS_COLOURS.get(key)
    return ("srgb", named) if named is not None else None


def _cmyk_to_srgb(cmyk: tuple[float, ...]) -> tuple[float, ...]:
    """Naive CMYK → sRGB, applied alike to the observed and the project's CMYK."""
    c, m, y, k = (v / 100 for v in cmyk)
    return tuple((1 - v) * (1 - k) for v in (c, m, y))


def judge_colour(standard: Standard, observed: str, colour_id: str, label: str, lang: str
                 ) -> PartVerdict:
    """One observed colour against the colour ``colour_id`` names."""
    colour = standard.colour(colour_id)
    value = standard.colour_value(colour_id)
    name = colour.name if lang != "en" else colour.name_en
    wanted = name_key(observed)
    if wanted in colour_own_keys(colour):
        return PartVerdict("pass", t("colour.named", lang, label=label, observed=observed,
                                     name=name))
    for other in standard.colours:
        if other.id != colour_id and wanted in name_keys(other):
            return PartVerdict("fail", t("colour.other", lang, label=label, observed=observed,
                                         other=other.name if lang != "en" else other.name_en,
                                         name=name))
    read = read_colour(observed)
    if read is None:
        return PartVerdict("unknown", t("colour.unknown", lang, label=label,
                                        observed=observed))
    space, coords = read
    if space == "cmyk":
        got, ref = _cmyk_to_srgb(coords), _cmyk_to_srgb(tuple(value.cmyk))
        shown = "cmyk(" + ", ".join(measured(v) for v in value.cmyk) + ")"
    else:
        got, ref = coords, reference_srgb(standard, colour_id)
        shown = value.hex
    delta = Color("srgb", list(got)).delta_e(Color("srgb", list(ref)), method="2000")
    tol = standard.tolerance("colour")
    limit = tol.plus_minus if tol is not None else 0.0
    ok = delta <= limit + 1e-9
    return PartVerdict("pass" if ok else "fail",
                       t("colour.near" if ok else "colour.far", lang, label=label,
                         observed=observed, name=name, hex=shown, de=f"{delta:.1f}",
                         limit=measured(limit)))


__all__ = ["CSS_COLOURS", "PartVerdict", "colour_own_keys", "face_examples", "judge_colour",
           "judge_typeface", "name_key", "name_keys", "read_colour", "reference_srgb",
           "substitute_keys"]
