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

from signgen.audit.texts import t
from signgen.output.numbers import measured
from signgen.spec.model import Colour, Standard, Typeface

Verdict = Literal["pass", "fail", "unknown"]
_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{6})")
_CMYK_LETTERS = re.compile(r"c([\d.]+)%?m([\d.]+)%?y([\d.]+)%?k([\d.]+)%?")
_NUM = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class PartVerdict:
    """What signgen makes of one observed part: pass, fail or unknown, and why."""

    verdict: Verdict
    message: str


def _key(text: str) -> str:
    """A name as compared: NFKC, casefolded, without whitespace, hyphens or underscores."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_")


def _names(item: Typeface | Colour) -> set[str]:
    names = {item.id, item.name, item.name_en}
    if item.known_as is not None:
        names |= set(item.known_as.names)
    return {_key(n) for n in names}


def judge_typeface(standard: Standard, observed: str, typeface_id: str, label: str,
                   lang: str) -> PartVerdict:
    """One observed face against the typeface ``typeface_id`` names."""
    face = standard.typeface(typeface_id)
    name = face.name if lang != "en" else face.name_en
    wanted = _key(observed)
    if wanted in _names(face):
        return PartVerdict("pass", t("face.named", lang, label=label, observed=observed,
                                     name=name))
    substitutes = [s for s in standard.project_defaults.typeface_substitutes
                   if s.typeface == typeface_id]
    for sub in substitutes:
        for fam in sub.families:
            if wanted in {_key(fam.family), _key(f"{fam.family} {fam.style}")}:
                return PartVerdict("pass", t("face.substitute", lang, label=label,
                                             observed=observed, name=name))
    examples = "、".join((face.known_as.names if face.known_as else [face.name])[:4])
    return PartVerdict("fail", t("face.wrong", lang, label=label, observed=observed,
                                 name=name, examples=examples))


def read_colour(text: str) -> tuple[str, tuple[float, ...]] | None:
    """``("srgb", (r, g, b))`` in 0..1 or ``("cmyk", (c, m, y, k))`` in 0..100 from what an
    auditor wrote (``#fff``, ``E60012``, ``rgb(230, 0, 18)``, ``cmyk(0,100,100,0)``,
    ``C0 M100 Y100 K0``, a CSS colour name), or None.

    >>> read_colour("#fff"), read_colour("C0 M100 Y100 K0")
    (('srgb', (1.0, 1.0, 1.0)), ('cmyk', (0.0, 100.0, 100.0, 0.0)))
    """
    key = _key(text)
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
    try:
        colour = Color(key)
    except ValueError:
        return None
    srgb = colour.convert("srgb")
    return "srgb", tuple(float(c) for c in srgb.coords())


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
    wanted = _key(observed)
    names = _names(colour) | {p for n in (colour.name, colour.name_en)
                              for p in re.split(r"[()]", _key(n)) if p}
    if wanted in names:
        return PartVerdict("pass", t("colour.named", lang, label=label, observed=observed,
                                     name=name))
    for other in standard.colours:
        if other.id != colour_id and wanted in _names(other):
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
        got, ref = coords, tuple(float(c) for c in Color(value.hex).coords())
        shown = value.hex
    delta = Color("srgb", list(got)).delta_e(Color("srgb", list(ref)), method="2000")
    tol = standard.tolerance("colour")
    limit = tol.plus_minus if tol is not None else 0.0
    ok = delta <= limit + 1e-9
    return PartVerdict("pass" if ok else "fail",
                       t("colour.near" if ok else "colour.far", lang, label=label,
                         observed=observed, name=name, hex=shown, de=f"{delta:.1f}",
                         limit=measured(limit)))


__all__ = ["PartVerdict", "judge_colour", "judge_typeface", "read_colour"]
