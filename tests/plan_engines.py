"""The two plan engines' outcomes side by side: check-plan's (Python) and the browser's.

Shared by the tests that run the corpus (``plan_corpus.py``) through signgen-plan.js in
Chromium and in node: each outcome as comparable data, and the differences between them.
"""

from __future__ import annotations

from typing import Any

from signgen.contractor.check import check_plan
from signgen.contractor.plan import parse_plan
from signgen.errors import SigngenError
from signgen.messages import text_in
from signgen.output.report import report_data
from signgen.spec.model import Standard
from signgen.spec.yamlsource import Locator

SOURCE = "plan.yaml"
LANGS = ("zh", "en")
TOLERANT = "community-premises+tolerance"  # the bundled standard, with a ±0.5 m² tolerance


def tolerant(standard: Standard) -> Standard:
    """The standard with an area tolerance above 0, so the tolerance branch is judged too."""
    defaults = standard.project_defaults
    tolerances = [t.model_copy(update={"plus_minus": 0.5}) if t.applies_to == "area" else t
                  for t in defaults.tolerances]
    return standard.model_copy(update={"project_defaults": defaults.model_copy(
        update={"tolerances": tolerances})})


def python_outcome(standard: Standard, plan: Any, lang: str) -> dict[str, Any]:
    """check-plan's outcome in Python: the problems, or the report as data."""
    try:
        resolved = parse_plan(plan, Locator(SOURCE), standard)
    except SigngenError as error:
        return {"refused": True, "problems": sorted(
            (p.field, str(p.message), text_in(p.message, "en")) for p in error.problems)}
    report = check_plan(standard, resolved, lang)
    return {"refused": False, "facts": [list(f) for f in report.facts],
            "verdict": report.verdict, **report_data(report)}


def engine_outcome(result: dict[str, Any]) -> dict[str, Any]:
    """The engine's checkPlan result in the shape of :func:`python_outcome`."""
    if result["refused"]:
        return {"refused": True, "problems": sorted(
            (p["field"], p["message"], p["message_en"]) for p in result["problems"])}
    keys = ("title", "subject", "standard", "compliant", "counts", "summary", "facts",
            "verdict")
    sections = [{"id": s["id"], "title": s["title"], "items": [
        {k: i[k] for k in ("id", "status", "text", "ref", "clause", "clause_number", "data")}
        for i in s["items"]]} for s in result["sections"]]
    return {"refused": False, "sections": sections, **{k: result[k] for k in keys}}


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Where the engine's outcome departs from Python's, item by item."""
    if expected["refused"] != got["refused"]:
        return [f"refused: check-plan {expected['refused']}, engine {got['refused']}: "
                f"{expected.get('problems') or got.get('problems')}"]
    if expected["refused"]:
        return [] if expected["problems"] == got["problems"] else [
            f"problems: check-plan {expected['problems']}\n engine {got['problems']}"]
    out = [f"{key}: check-plan {expected[key]!r}, engine {got[key]!r}"
           for key in expected if key != "sections" and expected[key] != got[key]]
    want = {s["id"]: s for s in expected["sections"]}
    have = {s["id"]: s for s in got["sections"]}
    if list(want) != list(have):
        out.append(f"sections: check-plan {list(want)}, engine {list(have)}")
    for section_id in want.keys() & have.keys():
        items = zip(want[section_id]["items"], have[section_id]["items"], strict=False)
        out += [f"{section_id}: check-plan {a}\n engine {b}" for a, b in items if a != b]
        if len(want[section_id]["items"]) != len(have[section_id]["items"]):
            out.append(f"{section_id}: item counts differ")
        if want[section_id]["title"] != have[section_id]["title"]:
            out.append(f"{section_id}: titles differ")
    return out


