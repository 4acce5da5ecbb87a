"""The sign schedule's facts for the browser: what ``signgen schedule`` takes from the spec
and the fonts, so that the browser (``signgen-schedule.js``) writes the same CSV.

A schedule row is the plaque's facts (type, size source, typefaces, colours, placement,
mounting height, level, clause: the same for every row of a plaque, computed here by the
schedule's own functions), its text (the plaque's ``{field}`` templates filled with the plan's
values), the width the copy-fit gives a plaque whose width follows its text, and the letter
height as measured (the ink of the tallest character and its line's em). These need each
character's advance, ink box, ink height and pair kerning in the face the role uses:
:func:`schedule_data` exports them for the characters a plan's signs can be expected to show
(the standard's own names, the fields' placeholders and examples, the page's community
values, ASCII). A sign with any other character has a width and letter height the browser
cannot know, and the engine says so instead of guessing.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any

from signgen.contractor.plan import Plan
from signgen.contractor.schedule import COLUMNS, _plaque_row, headers, logo_row, row_cells
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.fonts.face import Face
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard
from signgen.spec.template import plaque_fields, template_parts

# The cells every row of a plaque shares (the rest: number, id, text, size, artwork).
_SHARED = ("type", "size_source", "typefaces", "colours", "placement", "mounting_height",
           "quantity", "level", "clause")


def _characters(standard: Standard, values: Mapping[str, str]) -> list[str]:
    """The characters whose metrics are exported, in code point order."""
    texts: list[str] = [string.printable.strip(), "、", *values.values()]
    for function in standard.functions:
        texts += function.standard_names
    for item in [*standard.window_categories, *standard.boards]:
        texts.append(item.name)
    for field in standard.fields:
        texts += [field.placeholder, field.example, *field.choices]
    for plaque in standard.plaques:
        texts += [literal for s in plaque.segments for literal, _ in template_parts(s.text)]
    return sorted({c for text in texts for c in text})


def _plaque(standard: Standard, plaque: Any) -> dict[str, Any]:
    text = plaque_text(standard, plaque.id, {})
    layout = text.layout
    out: dict[str, Any] = {
        "id": plaque.id, "repeat": plaque.repeat, "kind": plaque.kind,
        "fields": plaque_fields(plaque),
        "lines": [[{"segment": run.segment, "typeface": run.typeface,
                    "template": [[literal, name] for literal, name in template_parts(
                        next(s.text for s in plaque.segments if s.id == run.segment))]}
                   for run in line] for line in text.lines],
        "height_mm": text.height_mm, "width_mm": text.width_mm,
        "margin_mm": layout.margin_mm, "line_gap": layout.line_gap,
        "max_letter_height_mm": layout.max_letter_height_mm,
        "min_width_mm": layout.min_width_mm, "max_width_mm": layout.max_width_mm}
    for lang in ("zh", "en"):
        row = _plaque_row(standard, plaque, plaque.id, {}, lang, None)
        cells = dict(zip((key for key, _ in COLUMNS), row_cells(row), strict=True))
        # without fonts: the height, and the width as the spec gives it (a range if it
        # follows the text): what the schedule shows where the browser cannot lay it out
        out[lang] = {**{key: cells[key] for key in _SHARED},
                     "height_mm": cells["height_mm"], "width": cells["width"]}
    return out


def _metrics(fonts: FontBook, roles: Iterable[str], chars: list[str]) -> dict[str, Any]:
    """Per role, each character's face (an index into ``faces``), advance, ink box, ink
    height (em) and whether it is a letter; per face, its ascent, units per em and the pair
    kerning among the characters it draws."""
    faces: dict[str, tuple[int, Face]] = {}
    per_role: dict[str, dict[str, list[Any]]] = {}
    for role in roles:
        known: dict[str, list[Any]] = {}
        for char in chars:
            try:
                m = fonts.metrics(role, char)
            except SigngenError:
                continue  # in no face of the role: a sign with it cannot be laid out
            index, _ = faces.setdefault(m.face.key, (len(faces), m.face))
            known[char] = [index, m.advance, list(m.ink) if m.ink else None, m.ink_height,
                           m.letter]
        per_role[role] = known
    out_faces = []
    for index, face in faces.values():
        drawn = sorted({c for known in per_role.values() for c, m in known.items()
                        if m[0] == index})
        kern = {a + b: value for a in drawn for b in drawn if (value := face.kern(a, b))}
        out_faces.append({"key": face.key, "ascent": face.ascent,
                          "units_per_em": face.units_per_em, "kern": kern})
    return {"roles": per_role, "faces": out_faces}


def schedule_data(standard: Standard, values: Mapping[str, str] | None = None,
                  fonts: FontBook | None = None) -> dict[str, Any]:
    """The schedule's facts of ``standard`` for the browser; see the module docstring.

    Args:
        standard: the standard.
        values: a community's values, whose characters are exported too.
        fonts: the fonts ``signgen schedule`` would use (default: found as it finds them).
    """
    fonts = fonts or FontBook(standard)
    plaques = [_plaque(standard, p) for p in standard.plaques]
    roles = sorted({run["typeface"] for p in plaques for line in p["lines"] for run in line})
    try:
        metrics = _metrics(fonts, roles, _characters(standard, dict(values or {})))
        problem = ""
    except SigngenError as error:  # no usable font at all: no width can be computed
        metrics, problem = {"roles": {}, "faces": []}, error.message
    logos: dict[str, Any] = {}
    for origin in standard.origins:
        plan = Plan("", standard.id, {}, origin.id, (), (), ())
        logos[origin.id] = {lang: row_cells(row) for lang in ("zh", "en")
                            if (row := logo_row(standard, plan, lang)) is not None}
    return {
        "columns": [key for key, _ in COLUMNS],
        "headers": {lang: headers(lang) for lang in ("zh", "en")},
        "fields": [{"id": f.id, "placeholder": f.placeholder, "choices": list(f.choices)}
                   for f in standard.fields],
        "plaques": plaques, "logos": logos, "metrics": metrics, "fonts_problem": problem}
