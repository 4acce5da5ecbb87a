"""Write the audit survey: a fillable YAML file with one entry per checkable item.

:func:`survey_template` writes it as commented text that reads well printed or on a phone,
comments in Chinese unless ``lang`` is ``en``; :mod:`signgen.audit.survey` reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from signgen.audit.items import AuditItem, Site, checkable_items
from signgen.audit.texts import level_word, t
from signgen.output.numbers import measured
from signgen.spec.model import Standard
from signgen.spec.values import unit_shown


def _q(value: object) -> str:
    """A YAML scalar: JSON strings are valid YAML and escape everything."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def tolerance_value(item: AuditItem) -> str:
    """``± 1 cm``, ``ΔE2000 ≤ 12`` for a colour difference, or empty without a tolerance."""
    tol = item.tolerance
    if tol is None:
        return ""
    unit = unit_shown(tol.unit)
    if tol.unit == "delta_e2000":
        return f"{unit} ≤ {measured(tol.plus_minus)}"
    return f"± {measured(tol.plus_minus)} {unit}"


def tolerance_text(item: AuditItem, lang: str = "zh") -> str:
    """The tolerance marked as a project default: ``± 1 cm(项目默认值)``; empty without one."""
    value = tolerance_value(item)
    return t("tolerance.marked", lang, value=value) if value else ""


def survey_template(standard: Standard, values: Mapping[str, str], site: Site | None = None,
                    origin: str | None = None, lang: str = "zh") -> str:
    """The fillable survey for one community, as commented YAML text (comments in
    ``lang``); ``origin`` is how the premises were obtained, an origin id."""
    site = site or Site()
    info = standard.standard
    out = [
        *t("tpl.head", lang, title=_comment(info.title), title_en=_comment(info.title_en),
           edition=_comment(info.edition)).split("\n"),
        "survey:",
        f"  standard: {_q(info.id)}",
        f"  edition: {_q(info.edition)}",
        "  community:",
    ]
    field_ids = [f.id for f in standard.fields]
    shown = [k for k in field_ids if values.get(k)] + sorted(k for k in values
                                                           if k not in field_ids and values[k])
    out += [f"    {k}: {_q(values[k])}" for k in shown] or ["    {}"]
    if out[-1] == "    {}":
        out[-2:] = ["  community: {}"]
    if standard.origins:
        choices = ", ".join(f"{o.id} ({o.name})" for o in standard.origins)
        out.append(t("tpl.origin", lang, value=_q(origin) if origin else "", choices=choices))
    out += _site_lines(site, lang)
    out += ["  auditor:", "  date:", "items:"]
    for item in checkable_items(standard, values, site, origin):
        out += _item_lines(item, lang)
    return "\n".join(out) + "\n"


def _site_lines(site: Site, lang: str) -> list[str]:
    if site.empty:
        return [t("tpl.no-site", lang)]
    out = [t("tpl.site", lang)]
    if site.rooms:
        out.append("    rooms:")
        out += [f"      - {{name: {_q(r.name)}, functions: [{', '.join(r.functions)}]}}"
                for r in site.rooms]
    if site.windows:
        out.append(f"    windows: [{', '.join(_q(w) for w in site.windows)}]")
    if site.boards:
        out.append(f"    boards: [{', '.join(_q(b) for b in site.boards)}]")
    return out


def _item_lines(item: AuditItem, lang: str) -> list[str]:
    out = [
        "",
        f"  {item.id}:",
        f"    # {_comment(item.title)} / {_comment(item.title_en)}",
        f"    clause: {_q(item.clause.number + ' ' + item.clause.title)}",
        f"    quote: {_q(item.quote)}",
        f"    check: {_q(item.check)}",
        f"    check_en: {_q(item.check_en)}",
        f"    required: {_q(item.required)}",
    ]
    if item.required_en != item.required:
        out.append(f"    required_en: {_q(item.required_en)}")
    added = f", {t('level.project', lang)}" if item.project_addition else ""
    out.append(f"    level: {_q(level_word(item.level, lang) + added)}")
    if item.tolerance is not None:
        out.append(f"    tolerance: {_q(tolerance_text(item, lang))}")
    out.append(t("tpl.result", lang))
    if item.kind == "plaque-size":
        out.append("    measured: {height_cm: , width_cm: }")
    elif item.kind == "area":
        out.append("    measured_m2:")
    elif item.kind == "quantity" and item.quantity is not None:
        out.append(f"    measured:     # {_comment(item.quantity.unit)}")
    elif item.kind == "function":
        out.append(t("tpl.room", lang))
    elif item.kind == "plaque-text":
        out.append(t("tpl.text", lang))
    elif item.parts:
        out.append(t("tpl.colour" if item.kind == "plaque-colours" else "tpl.face", lang))
        out += [f"      {p.key}:     # {_comment(p.label)}" for p in item.parts]
    out.append("    note:")
    return out


__all__ = ["survey_template", "tolerance_text", "tolerance_value"]
