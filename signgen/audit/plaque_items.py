"""The audit items of one plaque: size, placement, text (one per room, window or board on
the site), colours and typefaces, where the standard fixes them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from signgen.audit.item_types import AuditItem, Site, StyledPart, normalise_text
from signgen.output.numbers import measured
from signgen.spec.model import Clause, Plaque, Standard
from signgen.spec.template import fill_template, plaque_fields, template_parts

# Interface words (not the standard's): how an aspect of a plaque or a period is called.
ASPECTS: dict[str, tuple[str, str]] = {
    "size": ("尺寸", "size"),
    "placement": ("位置", "placement"),
    "text": ("文字", "text"),
    "colours": ("颜色", "colours"),
    "typefaces": ("字体", "typefaces"),
}
ROOM_JOINER = "、"  # how a room plaque lists several functions, as in the standard's lists


def _cited(standard: Standard, citation: Any) -> tuple[Clause, str]:
    return standard.clause(citation.clause), citation.quote


def _text_pattern(standard: Standard, plaque: Plaque, values: Mapping[str, str],
                  accepted: Mapping[str, str] | None = None) -> str:
    """A regex for the plaque's text: filled values exactly (or by ``accepted``, a regex per
    field), unfilled fields by choice or any."""
    fields = {f.id: f for f in standard.fields}
    pattern = ""
    for seg_id in (s for line in standard.layout(plaque.id).lines for s in line):
        segment = next(s for s in plaque.segments if s.id == seg_id)
        pattern += _template_pattern(segment.text, values, fields, accepted or {})
    return pattern


def _template_pattern(template: str, values: Mapping[str, str], fields: Mapping[str, Any],
                      accepted: Mapping[str, str]) -> str:
    out = ""
    for literal, name in template_parts(template):
        out += re.escape(normalise_text(literal))
        if name is None:
            continue
        value = values.get(name, "").strip()
        spec_field = fields.get(name)
        if name in accepted:
            out += accepted[name]
        elif value:
            out += re.escape(normalise_text(value))
        elif spec_field is not None and spec_field.choices:
            out += "(?:" + "|".join(re.escape(normalise_text(c)) for c in spec_field.choices) + ")"
        else:
            out += ".+"
    return out


def _plaque_text(standard: Standard, plaque: Plaque, values: Mapping[str, str]) -> str:
    placeholders = {f.id: f.placeholder for f in standard.fields}
    lines = standard.layout(plaque.id).lines
    segments = {s.id: s for s in plaque.segments}
    return "".join(fill_template(segments[s].text, values, placeholders)
                   for line in lines for s in line)


def template_fields(plaque: Plaque) -> list[str]:
    """The fields the plaque's segments fill in (see :mod:`signgen.spec.template`)."""
    return plaque_fields(plaque)


def _copy_keys(prefix: str, names: Sequence[str], known: Sequence[Any]) -> list[str]:
    """A key per copy: the standard's id when the name is one of its items, else numbered."""
    by_name = {n: item.id for item in known for n in (item.id, item.name)}
    keys: list[str] = []
    for i, name in enumerate(names):
        base = by_name.get(name, f"{prefix}-{i + 1}")
        key, n = base, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        keys.append(key)
    return keys


def _repeats(standard: Standard, plaque: Plaque, site: Site
             ) -> list[tuple[str, str, str, str | None]]:
    """(key, label, value, accepted) for each copy of a repeated plaque on this site.

    The value goes into every ``{field}`` of the plaque that the community values leave
    empty (as in the sign schedule): a room's function names joined with 、 (the standard's
    names the plan used; else the functions' names; else the room's name), a window's
    category, a board's name. ``accepted`` is a regex for what may stand there on site: for
    a room, each function by any of the names the standard gives it (社区接访室 or
    矛盾调解室); None: the value exactly.
    """
    if plaque.repeat == "per_room" and site.rooms:
        by_id = {f.id: f for f in standard.functions}
        out: list[tuple[str, str, str, str | None]] = []
        for i, room in enumerate(site.rooms):
            known = [by_id[f] for f in room.functions if f in by_id]
            names = room.names if len(room.names) == len(room.functions) else tuple(
                by_id[f].name if f in by_id else f for f in room.functions)
            accepted = re.escape(ROOM_JOINER).join(
                "(?:" + "|".join(re.escape(normalise_text(n)) for n in f.standard_names) + ")"
                for f in known) if known and len(known) == len(room.functions) else None
            out.append((f"room-{i + 1}", room.name, ROOM_JOINER.join(names) or room.name,
                        accepted))
        return out
    if plaque.repeat == "per_window" and site.windows:
        keys = _copy_keys("window", site.windows, standard.window_categories)
        return [(k, w, w, None) for k, w in zip(keys, site.windows, strict=True)]
    if plaque.repeat == "per_board" and site.boards:
        keys = _copy_keys("board", site.boards, standard.boards)
        return [(k, b, b, None) for k, b in zip(keys, site.boards, strict=True)]
    return [("", "", "", None)]


def plaque_items(standard: Standard, plaque: Plaque, values: Mapping[str, str], site: Site
                  ) -> list[AuditItem]:
    clause, quote = _cited(standard, plaque.citation)
    base: dict[str, Any] = dict(id=f"plaque.{plaque.id}", page=f"plaque-{plaque.id}",
                                group=f"plaque-{plaque.kind}", clause=clause, quote=quote,
                                level=plaque.level,
                                project_addition=plaque.project_addition is not None)
    out: list[AuditItem] = []
    h_mm, w_mm = plaque.size.height_mm, plaque.size.width_mm
    if h_mm is not None or w_mm is not None:
        out.append(_size_item(standard, plaque, base, h_mm, w_mm))
    zh, en = ASPECTS["placement"]
    out.append(AuditItem(
        **{**base, "id": f"plaque.{plaque.id}.placement"}, kind="plaque-placement",
        title=f"{plaque.name}:{zh}", title_en=f"{plaque.name_en}: {en}",
        check=f"确认{plaque.name}的位置:{plaque.placement}",
        check_en=f"Confirm where it is mounted: {plaque.name_en}: {plaque.placement_en}",
        required=plaque.placement, required_en=plaque.placement_en))
    for key, label, value, accepted in _repeats(standard, plaque, site):
        filled = dict(values)
        patterns: dict[str, str] = {}
        for name in template_fields(plaque) if value else ():
            if not filled.get(name):
                filled[name] = value
                if accepted is not None:
                    patterns[name] = accepted
        text = _plaque_text(standard, plaque, filled)
        suffix = f".{key}" if key else ""
        where = f" · {label}" if label else ""
        zh, en = ASPECTS["text"]
        out.append(AuditItem(
            **{**base, "id": f"plaque.{plaque.id}{suffix}.text"}, kind="plaque-text",
            title=f"{plaque.name}{where}:{zh}", title_en=f"{plaque.name_en}{where}: {en}",
            check=f"记下{plaque.name}上的文字({plaque.placement})",
            check_en=f"Copy the text exactly: {plaque.name_en} ({plaque.placement_en})",
            required=text, required_en=text,
            text_pattern=_text_pattern(standard, plaque, filled, patterns),
            fields=("observed",)))
    out += _style_items(standard, plaque, values, base)
    return out


def _size_item(standard: Standard, plaque: Plaque, base: dict[str, Any],
               h_mm: float | None, w_mm: float | None) -> AuditItem:
    h = h_mm / 10 if h_mm is not None else None
    w = w_mm / 10 if w_mm is not None else None
    if h is not None and w is not None:
        req = f"{measured(h)} × {measured(w)} cm"
        req_zh, req_en = f"{req}(高 × 长)", f"{req} (height × width)"
    elif h is not None:
        req_zh, req_en = f"高 {measured(h)} cm(长度标准未定)", f"{measured(h)} cm high " \
                                                            "(width not fixed by the standard)"
    else:
        req_zh, req_en = f"长 {measured(w or 0)} cm(高度标准未定)", f"{measured(w or 0)} cm wide " \
                                                               "(height not fixed by the standard)"
    zh, en = ASPECTS["size"]
    return AuditItem(
        **{**base, "id": f"{base['id']}.size"}, kind="plaque-size",
        title=f"{plaque.name}:{zh}", title_en=f"{plaque.name_en}: {en}",
        check=f"测量{plaque.name}的高和长(厘米)",
        check_en=f"Measure height and width in cm: {plaque.name_en}",
        required=req_zh, required_en=req_en, tolerance=standard.tolerance("plaque_size"),
        size_cm=(h, w), fields=("measured",))


def _style_items(standard: Standard, plaque: Plaque, values: Mapping[str, str],
                 base: dict[str, Any]) -> list[AuditItem]:
    placeholders = {f.id: f.placeholder for f in standard.fields}
    colours = [StyledPart(s.id, fill_template(s.text, values, placeholders), s.colour)
               for s in plaque.segments if s.colour is not None]
    if plaque.background is not None:
        colours.append(StyledPart("background", "底色", plaque.background))
    faces = [StyledPart(s.id, fill_template(s.text, values, placeholders), s.typeface)
             for s in plaque.segments if s.typeface is not None]
    out = []
    for aspect, parts in (("colours", colours), ("typefaces", faces)):
        if not parts:
            continue
        zh, en = ASPECTS[aspect]
        if aspect == "colours":
            req = "; ".join(f"{p.label}: {standard.colour(p.spec_id).name} "
                            f"{standard.colour_value(p.spec_id).hex}" for p in parts)
            req_en = "; ".join(f"{p.label}: {standard.colour(p.spec_id).name_en} "
                               f"{standard.colour_value(p.spec_id).hex}" for p in parts)
        else:
            req = "; ".join(f"{p.label}: {standard.typeface(p.spec_id).name}" for p in parts)
            req_en = "; ".join(f"{p.label}: {standard.typeface(p.spec_id).name_en}"
                               for p in parts)
        out.append(AuditItem(
            **{**base, "id": f"{base['id']}.{aspect}"}, kind=f"plaque-{aspect}",  # type: ignore[arg-type]
            title=f"{plaque.name}:{zh}", title_en=f"{plaque.name_en}: {en}",
            check=f"逐段记下{plaque.name}的{zh}",
            check_en=f"Note the {en} of each part: {plaque.name_en}",
            required=req, required_en=req_en, parts=tuple(parts), fields=("observed",),
            tolerance=standard.tolerance("colour") if aspect == "colours" else None))
    return out
