"""Write a laid-out plaque as SVG at true scale (user units are millimetres).

Two variants of the same geometry:

- **outlined** (for print): every glyph is a ``<path>`` drawn from the real font. A glyph's
  path data is made once in font units and cached by :class:`signgen.fonts.face.Face`; each
  occurrence is placed with ``transform="matrix(s 0 0 -s x y)"`` (``s`` = em size / units per
  em; ``-s`` turns the font's y-up into SVG's y-down), so a plaque costs one formatted
  transform per glyph, not one per coordinate.
- **text** (for editing): one ``<text>`` per run, with a glyph-by-glyph ``x`` list so it lays
  out like the outlined one; ``font-family`` names the standard's typeface first, then the
  substitutes by exact family name, with the weight and style of the face used for outlines.

Glyphs are grouped **one Inkscape layer per colour** (``<g inkscape:groupmode="layer">``,
labelled with the colour's name, id and HEX), each run a group inside its colour's layer, and
the background in a layer of its own: a vinyl cutter's software (or Inkscape) separates the
colours without manual work.

This is the hot path (every plaque of every batch), so the SVG is written as plain strings,
not with svgwrite as the low-volume drawings are (:mod:`signgen.drawings.primitives`):
svgwrite builds an object per element and ElementTree serialises it, which costs more than
the glyph itself; ``bench/bench_plaques.py`` measures this path and keeps its figure. Every
id derives from spec ids, numbers have fixed decimals, text is escaped here: the same
plaque gives the same bytes.
"""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape

from signgen.fonts.book import FontBook
from signgen.fonts.face import Face
from signgen.output.numbers import mm, number
from signgen.plaque.layout import PlacedRun, PlaqueGeometry
from signgen.spec.model import Standard

SVG_NS = "http://www.w3.org/2000/svg"
INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WEIGHTS = {"thin": 100, "extralight": 200, "ultralight": 200, "light": 300, "regular": 400,
            "normal": 400, "book": 400, "medium": 500, "semibold": 600, "demibold": 600,
            "bold": 700, "extrabold": 800, "ultrabold": 800, "black": 900, "heavy": 900}


def _scale(value: float) -> str:
    return number(value, 7)


def xml_chars(text: str) -> str:
    """``text`` without the characters XML cannot hold (C0 controls but tab, CR and LF...)."""
    return _XML_INVALID.sub("", text)


def xml_text(text: str) -> str:
    """Text content escaped for XML; characters XML cannot hold are dropped."""
    return escape(xml_chars(text))


def xml_attr(text: str) -> str:
    """An attribute value escaped for a double-quoted XML attribute."""
    return escape(xml_chars(text), {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


def colour_hex(standard: Standard, colour_id: str) -> str:
    """The HEX value of a colour id, from the project defaults."""
    return standard.colour_value(colour_id).hex.upper()


def typeface_names(standard: Standard, typeface_id: str) -> list[str]:
    """The family names a typeface role goes by in the standard, specific cut first.

    >>> from types import SimpleNamespace as NS
    >>> std = NS(typefaces=[NS(id="t", name="宋体(大标宋)")])
    >>> typeface_names(std, "t")  # type: ignore[arg-type]
    ['大标宋', '宋体']
    """
    found = next((t for t in standard.typefaces if t.id == typeface_id), None)
    if found is None:
        return []
    parts = [p.strip() for p in re.split(r"[()（）]", found.name) if p.strip()]
    return list(dict.fromkeys([*parts[1:], *parts[:1]]))


def font_family_stack(standard: Standard, fonts: FontBook, typeface_id: str) -> str:
    """CSS ``font-family`` value: the standard's names, then the substitutes' exact names."""
    names = typeface_names(standard, typeface_id)
    sub = next((s for s in standard.project_defaults.typeface_substitutes
                if s.typeface == typeface_id), None)
    if sub is not None:
        names += [f.family for f in sub.families]
    unique = dict.fromkeys(names)
    return ", ".join("'" + n.replace("\\", "").replace("'", "") + "'" for n in unique)


def _weight_and_style(face: Face) -> tuple[int, str]:
    words = face.style.lower().replace("-", " ").split()
    slant = "italic" if "italic" in words else "oblique" if "oblique" in words else "normal"
    weights = [_WEIGHTS[w] for w in words if w in _WEIGHTS]
    return (weights[0] if weights else 400), slant


def _header(geometry: PlaqueGeometry, standard: Standard, variant: str) -> list[str]:
    w, h = mm(geometry.width_mm), mm(geometry.height_mm)
    heights = ", ".join(mm(x) for x in geometry.letter_heights)
    inks = ", ".join(f"{x:.1f}" for x in geometry.ink_heights)
    title = f"{geometry.name}: {geometry.text}"
    background = colour_hex(standard, geometry.background)
    desc = (f"plaque {geometry.plaque_id}; text {geometry.text}; {variant}; "
            f"{w} mm x {h} mm; letter heights {heights} mm (em); ink heights {inks} mm")
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="{SVG_NS}" xmlns:inkscape="{INKSCAPE_NS}" version="1.1" width="{w}mm" '
        f'height="{h}mm" viewBox="0 0 {w} {h}">',
        f"<title>{xml_text(title)}</title>",
        f"<desc>{xml_text(desc)}</desc>",
        _layer_open("layer-background",
                    f"background {_colour_label(standard, geometry.background, background)}"),
        f'<rect id="background" x="0" y="0" width="{w}" height="{h}" fill="{background}"/>',
        "</g>",
    ]


def _colour_label(standard: Standard, colour_id: str, hex_value: str) -> str:
    names = [c.name for c in standard.colours if c.id == colour_id]
    return " ".join([*names, colour_id, hex_value])


@functools.lru_cache(maxsize=256)
def _layer_open(layer_id: str, label: str) -> str:
    return (f'<g id="{xml_attr(layer_id)}" inkscape:groupmode="layer" '
            f'inkscape:label="{xml_attr(label)}">')


def _run_id(line: int, run: PlacedRun) -> str:
    return f"line-{line}-{run.segment}"


def _outlined_run(lines: list[str], run: PlacedRun, fonts: FontBook, fill: str,
                  run_id: str) -> None:
    lines.append(f'<g id="{run_id}" fill="{fill}">')
    # Per face and size (one of each, mostly, in a run): the face and the constant part of
    # the transform, formatted once.
    key: tuple[str, float] | None = None
    face: Face | None = None
    middle = ""
    for g in run.glyphs:
        if key is None or g.face != key[0] or g.size_mm != key[1]:
            key = (g.face, g.size_mm)
            face = fonts.face(g.face)
            s = _scale(g.size_mm / face.units_per_em)
            middle = f'" transform="matrix({s} 0 0 -{s} '
        assert face is not None
        d = face.outline(g.glyph)
        if d:
            # x and y are inside the plaque (never negative): fixed 3 decimals, 1 µm.
            lines.append(f'<path d="{d}{middle}{g.x_mm:.3f} {g.baseline_mm:.3f})"/>')
    lines.append("</g>")


def _text_run(lines: list[str], run: PlacedRun, standard: Standard, fonts: FontBook,
              fill: str, run_id: str) -> None:
    if not run.glyphs:
        return
    weight, slant = _weight_and_style(fonts.primary(run.typeface))
    family = font_family_stack(standard, fonts, run.typeface)
    xs = " ".join(mm(g.x_mm) for g in run.glyphs)
    baselines = list(dict.fromkeys(mm(g.baseline_mm) for g in run.glyphs))
    ys = " ".join(baselines if len(baselines) == 1 else (mm(g.baseline_mm) for g in run.glyphs))
    size = mm(run.glyphs[0].size_mm)
    text = "".join(g.char for g in run.glyphs)
    lines.append(f'<g id="{run_id}" fill="{fill}">')
    lines.append(f'<text xml:space="preserve" font-family="{xml_attr(family)}" '
                 f'font-size="{size}" font-weight="{weight}" font-style="{slant}" '
                 f'x="{xs}" y="{ys}">{xml_text(text)}</text>')
    lines.append("</g>")


def plaque_svg(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook, *,
               outline: bool) -> str:
    """The plaque as an SVG document, outlined (paths only) or as ``<text>``."""
    lines = _header(geometry, standard, "outlined" if outline else "text")
    by_colour: dict[str, list[tuple[int, PlacedRun]]] = {}
    for i, line in enumerate(geometry.lines, start=1):
        for run in line.runs:
            by_colour.setdefault(run.colour, []).append((i, run))
    for colour, runs in by_colour.items():
        fill = colour_hex(standard, colour)
        lines.append(_layer_open(f"layer-{colour}", _colour_label(standard, colour, fill)))
        for i, run in runs:
            if outline:
                _outlined_run(lines, run, fonts, fill, _run_id(i, run))
            else:
                _text_run(lines, run, standard, fonts, fill, _run_id(i, run))
        lines.append("</g>")
    lines.append("</svg>")
    lines.append("")
    return "\n".join(lines)
