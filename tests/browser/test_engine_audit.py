"""The browser's judge (``signgen-audit.js``, in Chromium) gives exactly ``signgen audit``'s
verdicts: every survey of the corpus (``tests/survey_corpus.py``) through both, item by item
(status, decided_by, overridden, message, in Chinese and English), the same scores and exit
status, the same refused values (item, field, message); and the survey file the browser
writes (``surveyYaml``) is read by the CLI as the browser read it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_support import ROOT

from signgen.audit.export import ENGINE_SCRIPTS, audit_data, audit_json
from signgen.audit.judge import AuditReport, audit
from signgen.audit.survey import parse_survey
from signgen.errors import Problem, SigngenError
from signgen.messages import text_in
from signgen.spec.yamlsource import Locator, format_path, parse_yaml

sys.path.insert(0, str(ROOT / "tests"))
from survey_corpus import Case, corpus, standards

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SCRIPTS = ROOT / "signgen" / "site" / "theme" / "assets" / "javascripts"
ENGINE = tuple(SCRIPTS / name for name in ENGINE_SCRIPTS)  # in load order
HEADER = {"auditor": "核查人 \"A\"", "date": "2026-12-02"}
# One call for the whole corpus: each survey judged in both languages, and written as YAML.
# The answer comes back as one JSON string: Playwright's own serialisation of 40,000
# outcome objects takes a minute.
RUN = """(input) => {
  const {data, cases, header} = JSON.parse(input);
  return JSON.stringify(cases.map((c) => ({
    zh: SigngenAudit.judge(data[c.data], c.survey, "zh"),
    en: SigngenAudit.judge(data[c.data], c.survey, "en"),
    yaml: SigngenAudit.surveyYaml(data[c.data], c.survey, header),
  })));
}"""
OUTCOME_KEYS = ("id", "status", "decided_by", "overridden", "message", "auditor_result",
                "note", "level", "advisory")


@pytest.fixture(scope="module")
def judged(browser: Browser) -> Iterator[tuple[list[Case], list[dict[str, Any]], float]]:
    """The corpus and what the browser's judge made of it (one page.evaluate), with the time."""
    data, cases = corpus()
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset='utf-8'><title>engine</title>")
        for script in ENGINE:
            page.add_script_tag(path=str(script))
        start = time.perf_counter()
        results = json.loads(page.evaluate(RUN, json.dumps({
            "data": data, "header": HEADER,
            "cases": [{"data": c.data, "survey": c.survey} for c in cases]})))
        seconds = time.perf_counter() - start
        print(f"\nbrowser judge: {len(cases)} surveys × 2 languages in {seconds:.2f} s")
    finally:
        page.close()
    yield cases, results, seconds


def _py_field(problem: dict[str, Any]) -> str:
    """The field a Python problem names for the browser's (item, field)."""
    if problem["item"] is None:
        return format_path(("survey", problem["field"])) if problem["field"] else "items"
    parts = problem["field"].split(".") if problem["field"] else []
    return format_path(("items", problem["item"], *parts))


def _python_problems(doc: dict[str, Any], loc: Locator) -> list[Problem]:
    """Every problem Python finds (the header stops the reading: then read again without it)."""
    standard = standards()[doc["survey"]["standard"]]
    found: list[Problem] = []
    try:
        parse_survey(doc, loc, standard)
    except SigngenError as error:
        found += error.problems
        if any(p.field.startswith("survey") for p in error.problems):
            again = json.loads(json.dumps(doc))
            again["survey"].pop("origin", None)
            try:
                parse_survey(again, loc, standard)
            except SigngenError as second:
                found += second.problems
    return found


def _without(doc: dict[str, Any], problems: list[dict[str, Any]]) -> dict[str, Any]:
    """The survey with every refused field left empty, as the browser judged it."""
    doc = json.loads(json.dumps(doc))
    items = doc.get("items") or {}
    for p in problems:
        if p["item"] is None:
            if p["field"] == "origin":
                doc["survey"].pop("origin", None)
            else:
                doc["items"] = items = {}
            continue
        if not p["field"]:
            items.pop(p["item"], None)
            continue
        node: Any = items.get(p["item"])
        *path, last = p["field"].split(".")
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(last, None)
    return doc


def _python_report(doc: dict[str, Any], loc: Locator, problems: list[dict[str, Any]],
                   lang: str) -> AuditReport:
    standard = standards()[doc["survey"]["standard"]]
    return audit(parse_survey(_without(doc, problems), loc, standard, lang), lang)


def _differences(case: Case, js: dict[str, Any], report: AuditReport, lang: str) -> list[str]:
    out = []
    for o, j in zip(report.outcomes, js["outcomes"], strict=True):
        py = {"id": o.item.id, "status": o.status, "decided_by": o.decided_by,
              "overridden": o.overridden, "message": o.message,
              "auditor_result": o.auditor_result, "note": o.note, "level": o.level,
              "advisory": o.advisory}
        diff = {k: (py[k], j[k]) for k in OUTCOME_KEYS if py[k] != j[k]}
        if diff:
            out.append(f"{case.name} ({lang}) item {o.item.id}: python vs browser {diff}")
            break
    for name, score in (("score", report.score), ("advisory_score", report.advisory_score)):
        py_score = {k: getattr(score, k) for k in js[name]}
        if py_score != js[name]:
            out.append(f"{case.name} ({lang}) {name}: {py_score} vs {js[name]}")
    for name in ("exit_status", "incomplete", "origin_missing"):
        if getattr(report, name) != js[name]:
            out.append(f"{case.name} ({lang}) {name}: {getattr(report, name)} vs {js[name]}")
    return out


def test_browser_judge_equals_signgen_audit_on_the_corpus(
        judged: tuple[list[Case], list[dict[str, Any]], float]) -> None:
    """Every corpus survey: the same outcome per item, scores, exit status and refused values
    in the browser and in Python (parse_survey + audit), in Chinese and in English."""
    cases, results, _ = judged
    assert len(cases) >= 300
    differences: list[str] = []
    for case, result in zip(cases, results, strict=True):
        doc, loc = parse_yaml(result["yaml"], case.name)
        expected = {_py_field(p): (p["message_zh"], p["message_en"])
                    for p in result["zh"]["problems"]}
        found = {p.field: (text_in(p.message, "zh"), text_in(p.message, "en"))
                 for p in _python_problems(doc, loc)}
        if found != expected:
            differences.append(f"{case.name}: refused values differ: python "
                               f"{sorted(set(found.items()) - set(expected.items()))} vs "
                               f"browser {sorted(set(expected.items()) - set(found.items()))}")
            continue
        for lang in ("zh", "en"):
            try:
                report = _python_report(doc, loc, result[lang]["problems"], lang)
            except SigngenError as error:
                differences.append(f"{case.name}: python refuses what the browser took: "
                                   f"{error}")
                break
            differences += _differences(case, result[lang], report, lang)
        if len(differences) > 5:
            break
    assert not differences, "\n".join(differences)


def test_corpus_covers_every_verdict(
        judged: tuple[list[Case], list[dict[str, Any]], float]) -> None:
    """The corpus reaches every status, every decider, overrides, refused values (photo
    paths too), each item kind judged by signgen, the ΔE limit from both sides and every
    exit status."""
    _, results, _ = judged
    outcomes = [o for r in results for o in r["zh"]["outcomes"]]
    assert {o["status"] for o in outcomes} == {"pass", "fail", "na", "unchecked"}
    assert {o["decided_by"] for o in outcomes} == {"signgen", "auditor", "both", ""}
    assert any(o["overridden"] for o in outcomes)
    assert {r["zh"]["exit_status"] for r in results} == {0, 1, 3}
    problems = [p for r in results for p in r["zh"]["problems"]]
    assert len(problems) > 50
    assert any(p["field"] == "origin" for p in problems)
    assert any(p["field"] == "photo" for p in problems)
    assert any("是否应为" in p["message_zh"] for p in problems)  # did-you-mean hints
    messages = " ".join(o["message"] for o in outcomes)
    for words in ("色差", "属于", "替代字体", "实测", "所见", "无法识别颜色", "不适用:条文仅"):
        assert words in messages, words
    near = [o for o in outcomes if "ΔE2000 = 12.0,允许" in o["message"]]
    far = [o for o in outcomes if "ΔE2000 = 12.0,超过" in o["message"]]
    assert near and far, "colours just within and just past the ΔE limit"
    clean = [r for r in results if not r["zh"]["problems"]]
    assert len(clean) >= 100, "enough surveys without a refused value"


def test_the_cli_reads_the_browser_survey_file_as_the_browser_judged_it(
        judged: tuple[list[Case], list[dict[str, Any]], float], tmp_path: Path) -> None:
    """``signgen audit`` (a subprocess) on a few surveyYaml files: the same exit status and
    the same verdict per item as the browser showed."""
    cases, results, _ = judged
    picked = {}
    for case, result in zip(cases, results, strict=True):
        if (not result["en"]["problems"] and case.data not in picked
                and case.data in ("core-site", "core-hostile", "learning")):
            picked[case.data] = (case, result)
    assert len(picked) == 3
    for case, result in picked.values():
        folder = tmp_path / case.name
        path = folder / "survey.yaml"
        folder.mkdir()
        path.write_text(result["yaml"], encoding="utf-8")
        doc = parse_yaml(result["yaml"], case.name)[0]
        for entry in (doc.get("items") or {}).values():  # the photos the survey names
            if isinstance(entry, dict) and isinstance(entry.get("photo"), str):
                photo = folder / entry["photo"].strip()
                photo.parent.mkdir(parents=True, exist_ok=True)
                photo.write_bytes(b"photo")
        cmd = [sys.executable, "-m", "signgen", "audit", str(path), "--format", "json",
               "--lang", "en"]
        if doc["survey"]["standard"] != "community-premises":
            cmd += ["--standard", doc["survey"]["standard"]]
        run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
        assert run.returncode == result["en"]["exit_status"], run.stderr
        report = json.loads(run.stdout)
        cli = {i["id"]: (i["status"], i["decided_by"], i["message"]) for i in report["items"]}
        browser = {o["id"]: (o["status"], o["decided_by"], o["message"])
                   for o in result["en"]["outcomes"]}
        assert cli == browser, case.name


def test_judge_data_embedded_in_a_page_keeps_a_hostile_name(browser: Browser) -> None:
    """audit_json inside ``<script type="application/json">`` in Chromium: a community
    called ``</script><b>...`` stays data (one script element, no <b>, nothing run) and the
    engine judges with the name read back exactly."""
    standard = standards()["community-premises"]
    name = '</script><b id="out">x</b><script>window.ran = 1</script>\u2028社区'
    text = audit_json(audit_data(standard, {"community": name}))
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset='utf-8'><title>embed</title>"
                         f'<script type="application/json" id="data">{text}</script>')
        for script in ENGINE:
            page.add_script_tag(path=str(script))
        got = page.evaluate("""() => {
          const data = JSON.parse(document.getElementById("data").textContent);
          const r = SigngenAudit.judge(data, {items: {}}, "zh");
          return {name: data.community.community, scripts: document.scripts.length,
                  bold: document.querySelectorAll("b").length, ran: window.ran || 0,
                  text: r.outcomes.find((o) => o.id.endsWith(".text")) !== undefined};
        }""")
    finally:
        page.close()
    assert got == {"name": name, "scripts": 1 + len(ENGINE), "bold": 0, "ran": 0,
                   "text": True}
