"""Facts about one plaque for contractors: size, typefaces, colours, mounting, clause, level.

Each fact says whether it is the standard's or a project default, and a sign the project
adds (``project_addition`` in the spec) says so. Shared by the sign schedule and the
checklist; Chinese by default, English (with the Chinese names alongside) for ``en``.
"""

from __future__ import annotations

from signgen.contractor.messages import SCHEDULE
from signgen.messages import LEVEL
from signgen.output.numbers import number
from signgen.plaque.text import PlaqueText
from signgen.spec.model import Plaque, Standard


def both(lang: str, zh: str, en: str) -> str:
    """``zh`` in Chinese; ``en (zh)`` in English."""
    return zh if lang == "zh" else f"{en} ({zh})"


def default_mark(lang: str) -> str:
    """The words that mark a project default."""
    return SCHEDULE.say("default", lang)


def plaque_type(plaque: Plaque, lang: str) -> str:
    """The plaque's name, marked when the project adds it (the standard does not name it)."""
    name = both(lang, plaque.name, plaque.name_en)
    if plaque.project_addition is None:
        return name
    mark = LEVEL.say("project_addition", lang)
    return f"{name} ({mark})" if lang == "en" else f"{name}({mark})"


def level_label(level: str, lang: str) -> str:
    """A level (required, recommended...) in words."""
    return LEVEL.say(level, lang)


def size_facts(standard: Standard, plaque_id: str, lang: str = "zh"
               ) -> tuple[float | None, str, str]:
    """Height (mm), width text and where each comes from (standard or project default)."""
    plaque = standard.plaque(plaque_id)
    layout = standard.layout(plaque_id)
    height = plaque.size.height_mm or layout.height_mm
    std, dft = SCHEDULE.say("standard", lang), default_mark(lang)
    h_src = std if plaque.size.height_mm else dft
    if plaque.size.width_mm:
        width, w_src = number(plaque.size.width_mm), std
    elif layout.width_from_text:
        width = SCHEDULE.say("follows_text", lang, low=number(layout.min_width_mm or 0),
                             high=number(layout.max_width_mm or 0))
        w_src = dft
    else:
        width, w_src = number(layout.width_mm or 0), dft
    source = SCHEDULE.say("size_split", lang, h=h_src, w=w_src) if h_src != w_src else h_src
    return height, width, source


def style_facts(standard: Standard, text: PlaqueText, lang: str = "zh") -> tuple[str, str]:
    """Typefaces (standard name → substitute) and colours (name HEX), marking defaults."""
    plaque = text.plaque
    own = {s.id: s for s in plaque.segments}
    dft = default_mark(lang)
    faces: list[str] = []
    colours: list[str] = []
    for line in text.lines:
        for run in line:
            seg = own[run.segment]
            face = standard.typeface(run.typeface)
            sub = standard.substitute(run.typeface).families[0]
            mark = "" if seg.typeface else f" ({dft})"
            entry = f"{face.name}{mark} → {sub.family} {sub.style}"
            if entry not in faces:
                faces.append(entry)
            colour_mark = "" if seg.colour else f" ({dft})"
            colour = f"{standard.colour(run.colour).name} {standard.colour_value(run.colour).hex}"
            if colour + colour_mark not in colours:
                colours.append(colour + colour_mark)
    bg_mark = "" if plaque.background else f", {dft}"
    bg = f"{standard.colour(text.background).name} {standard.colour_value(text.background).hex}"
    colours.append(SCHEDULE.say("background", lang, colour=bg, mark=bg_mark))
    return "; ".join(faces), "; ".join(colours)


def mounting_facts(standard: Standard, plaque_id: str, lang: str = "zh") -> str:
    """Mounting height from the project defaults, floor to the sign's lower edge."""
    layout = standard.layout(plaque_id)
    return SCHEDULE.say("mounting", lang, n=number(layout.mounting_height_mm),
                        default=default_mark(lang))


def clause_label(standard: Standard, clause_id: str) -> str:
    """A clause as ``number (id)``, e.g. ``四(四) (d3-4-4)``."""
    return f"{standard.clause(clause_id).number} ({clause_id})"
