"""One judgement, two engines: the browser's plan check (signgen-plan.js) against check-plan.

Every plan of the corpus (``tests/plan_corpus.py``) goes through the engine in Chromium, fed
only with ``plan_data``, and through Python's ``parse_plan`` + ``check_plan``; the problems of
a refused plan and the items of a checked one must be the same, word for word, in Chinese
and in English. The plan file the engine writes (``planYaml``) must read back, through the
YAML reader and ``signgen check-plan`` itself, as the same plan. The sign schedule the engine
writes (``scheduleCsv``) must be, byte for byte, the CSV ``signgen schedule`` writes, except
for the signs the engine says it cannot lay out (their width stays the spec's range).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_support import ROOT

from signgen.contractor.export import ENGINE_SCRIPTS, plan_data
from signgen.contractor.plan import parse_plan
from signgen.contractor.schedule import schedule_file, schedule_rows
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.spec.load import load_standards
from signgen.spec.model import Standard
from signgen.spec.yamlsource import Locator, parse_yaml

sys.path.insert(0, str(ROOT / "tests"))
from plan_corpus import plan_corpus  # the corpus lives beside the tests
from plan_engines import (
    LANGS,
    SOURCE,
    TOLERANT,
    differences,
    engine_outcome,
    python_outcome,
    tolerant,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SCRIPTS = ROOT / "signgen" / "site" / "theme" / "assets" / "javascripts"
@pytest.fixture(scope="module")
def standards() -> dict[str, Standard]:
    """The bundled standards by id, and the tolerant variant of the first."""
    found = {s.id: s for s in load_standards(ROOT / "specs")}
    found[TOLERANT] = tolerant(found["community-premises"])
    return found


@pytest.fixture(scope="module")
def corpus(standards: dict[str, Standard]) -> list[tuple[str, str, Any]]:
    """(case id, standard key, plan) for every standard."""
    cases = []
    for key, standard in standards.items():
        cases += [(f"{key}:{case}", key, plan) for case, plan in plan_corpus(standard)]
    return cases


@pytest.fixture(scope="module")
def engine_page(browser: Browser) -> Iterator[Page]:
    """A blank page with the engine's scripts, and nothing else."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
    for name in ENGINE_SCRIPTS:
        page.add_script_tag(content=(SCRIPTS / name).read_text(encoding="utf-8"))
    yield page
    context.close()


@pytest.fixture(scope="module")
def engine_results(engine_page: Page, standards: dict[str, Standard],
                   corpus: list[tuple[str, str, Any]]) -> list[dict[str, Any]]:
    """Every corpus plan through the engine: its report in both languages and its plan file,
    in one batched evaluation."""
    data = {key: plan_data(standard) for key, standard in standards.items()}
    # JSON text both ways: one string crosses to the browser and back, not a million values.
    # The data as the site writes it (keys sorted): the engine must not depend on key order.
    results = engine_page.evaluate("""([dataText, input]) => {
        const data = JSON.parse(dataText);
        const [cases, source] = JSON.parse(input);
        return JSON.stringify(cases.map(([id, key, plan]) => ({
            zh: SigngenPlan.checkPlan(data[key], plan, "zh", {source}),
            en: SigngenPlan.checkPlan(data[key], plan, "en", {source}),
            yaml: SigngenPlan.planYaml(data[key], plan),
            schedule: {zh: SigngenPlan.scheduleCsv(data[key], plan, "zh"),
                       en: SigngenPlan.scheduleCsv(data[key], plan, "en")}})));
        }""", [json.dumps(data, ensure_ascii=False, sort_keys=True),
               json.dumps([corpus, SOURCE], ensure_ascii=False)])
    parsed: list[dict[str, Any]] = json.loads(results)
    return parsed


@pytest.fixture(scope="module")
def python_results(standards: dict[str, Standard], corpus: list[tuple[str, str, Any]]
                   ) -> list[dict[str, dict[str, Any]]]:
    """Every corpus plan through check-plan's functions, in both languages."""
    return [{lang: python_outcome(standards[key], plan, lang) for lang in LANGS}
            for _, key, plan in corpus]


def test_corpus_is_broad(corpus: list[tuple[str, str, Any]],
                         engine_results: list[dict[str, Any]]) -> None:
    """The corpus has over 300 plans per language, with refused, failing and compliant ones."""
    outcomes = [("refused" if r["zh"]["refused"] else
                 "compliant" if r["zh"]["compliant"] else "not compliant") for r in engine_results]
    assert len(corpus) >= 300
    for outcome in ("refused", "compliant", "not compliant"):
        assert outcomes.count(outcome) >= 50, (outcome, outcomes.count(outcome))
    statuses = {i["status"] for r in engine_results if not r["en"]["refused"]
                for s in r["en"]["sections"] for i in s["items"]}
    assert statuses == {"pass", "fail", "warn", "info"}
    texts = " ".join(i["text"] for r in engine_results if not r["zh"]["refused"]
                     for s in r["zh"]["sections"] for i in s["items"])
    assert "允许误差" in texts  # the tolerance branch is reached


def test_engine_gives_check_plans_verdicts(corpus: list[tuple[str, str, Any]],
                                           python_results: list[dict[str, dict[str, Any]]],
                                           engine_results: list[dict[str, Any]]) -> None:
    """Each corpus plan: the engine's problems or items equal check-plan's, in zh and en."""
    failures = []
    for (case, _, _), expected, result in zip(corpus, python_results, engine_results,
                                              strict=True):
        for lang in LANGS:
            found = differences(expected[lang], engine_outcome(result[lang]))
            failures += [f"{case} [{lang}]: {d}" for d in found]
    assert not failures, f"{len(failures)} differences, first ones:\n" + "\n".join(failures[:8])


def test_plan_file_reads_back_the_same(standards: dict[str, Standard],
                                       corpus: list[tuple[str, str, Any]],
                                       python_results: list[dict[str, dict[str, Any]]],
                                       engine_results: list[dict[str, Any]]) -> None:
    """The plan file the engine writes, read by the YAML reader, is judged as the plan was."""
    failures = []
    for (case, key, _), expected, result in zip(corpus, python_results, engine_results,
                                                strict=True):
        try:
            written, _ = parse_yaml(result["yaml"], SOURCE)
        except SigngenError as error:
            failures.append(f"{case}: the plan file does not read: {error}")
            continue
        for lang in LANGS:
            if python_outcome(standards[key], written, lang) != expected[lang]:
                failures.append(f"{case} [{lang}]: judged differently:\n{result['yaml']}")
    assert not failures, f"{len(failures)} plan files differ, first ones:\n" + "\n".join(
        failures[:5])


def test_check_plan_command_on_engine_files(tmp_path: Path, corpus: list[tuple[str, str, Any]],
                                            engine_results: list[dict[str, Any]]) -> None:
    """`signgen check-plan` itself, on engine plan files of each outcome: the engine's items
    and exit status (0 compliant, 1 not, 2 refused)."""
    picked: dict[str, int] = {}  # the first plan of each outcome (each run loads anew)
    for n, ((_, key, _), result) in enumerate(zip(corpus, engine_results, strict=True)):
        outcome = "refused" if result["zh"]["refused"] else str(result["zh"]["compliant"])
        if key != TOLERANT:
            picked.setdefault(outcome, n)
    assert len(picked) == 3, picked
    for label, n in sorted(picked.items()):
        key = corpus[n][1]
        result = engine_results[n]
        path = tmp_path / f"plan-{n}.yaml"
        path.write_text(result["yaml"], encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "signgen", "check-plan", str(path),
                              "--format", "json", "--standard", key, "--lang", "en"],
                             capture_output=True, text=True, cwd=ROOT, check=False)
        engine = result["en"]
        if engine["refused"]:
            assert run.returncode == 2, (label, run.stderr)
            for problem in engine["problems"]:
                assert f"{problem['field']}: {problem['message_en']}" in run.stderr, (
                    label, problem, run.stderr)
            continue
        assert run.returncode == (0 if engine["compliant"] else 1), (label, run.stderr)
        report = json.loads(run.stdout)
        assert [[(i["id"], i["status"], i["text"]) for i in s["items"]]
                for s in report["sections"]] == [
            [(i["id"], i["status"], i["text"]) for i in s["items"]]
            for s in engine["sections"]], label


def _schedule(standard: Standard, plan: Any, lang: str, fonts: FontBook | None) -> str:
    """``signgen schedule -o x.csv``'s text for a plan (fonts None: widths as ranges)."""
    resolved = parse_plan(plan, Locator(SOURCE), standard)
    return schedule_file(standard, resolved, schedule_rows(standard, resolved, lang, fonts),
                         "csv", lang).decode("utf-8")


def test_engine_schedule_is_the_schedule_commands(
        standards: dict[str, Standard], corpus: list[tuple[str, str, Any]],
        python_results: list[dict[str, dict[str, Any]]],
        engine_results: list[dict[str, Any]]) -> None:
    """Each plan check-plan accepts: the engine's CSV is the schedule's, byte for byte; a sign
    it cannot lay out is named, and its row is the schedule's without fonts (the range)."""
    fonts = {key: FontBook(standard) for key, standard in standards.items()}
    failures, exact, named = [], 0, 0
    for (case, key, plan), expected, result in zip(corpus, python_results, engine_results,
                                                   strict=True):
        if expected["zh"]["refused"]:
            assert all(not r["csv"] and r["unknown"] for r in result["schedule"].values()), case
            continue
        for lang in LANGS:
            got = result["schedule"][lang]
            try:
                want = _schedule(standards[key], plan, lang, fonts[key])
            except SigngenError as error:  # the fonts lack a character: schedule refuses
                if isinstance(got, str) or not got["unknown_rows"]:
                    failures.append(f"{case} [{lang}]: schedule refuses ({error}), the engine "
                                    "gives exact widths")
                continue
            if isinstance(got, str):
                exact += got == want
                if got != want:
                    failures.append(f"{case} [{lang}]:\n{want}\n engine:\n{got}")
                continue
            named += 1
            ranges = _schedule(standards[key], plan, lang, None).split("\r\n")
            for line, ours, range_line in zip(want.split("\r\n"), got["csv"].split("\r\n"),
                                             ranges, strict=True):
                unknown = any(f",{row}," in ours for row in got["unknown_rows"])
                if ours != (range_line if unknown else line):
                    failures.append(f"{case} [{lang}]: {line}\n engine: {ours}")
    assert not failures, f"{len(failures)} schedules differ:\n" + "\n".join(failures[:5])
    assert exact >= 600 and named >= 5, (exact, named)


def test_schedule_command_writes_the_engines_csv(tmp_path: Path,
                                                 corpus: list[tuple[str, str, Any]],
                                                 engine_results: list[dict[str, Any]]) -> None:
    """`signgen schedule plan.yaml -o x.csv` on engine plan files writes the engine's bytes."""
    exact = [n for n, ((_, key, _), result) in enumerate(zip(corpus, engine_results, strict=True))
             if key == "community-premises" and isinstance(result["schedule"]["zh"], str)]
    assert len(exact) >= 30
    done = 0
    for n in exact[::len(exact) // 3][:3]:  # three spread over the corpus: each run loads fonts
        result = engine_results[n]
        plan = tmp_path / f"plan-{n}.yaml"
        plan.write_text(result["yaml"], encoding="utf-8")
        out = tmp_path / f"signs-{n}.csv"
        subprocess.run([sys.executable, "-m", "signgen", "schedule", str(plan), "-o", str(out),
                        "--standard", "community-premises"], capture_output=True, check=True,
                       cwd=ROOT)
        assert out.read_bytes() == result["schedule"]["zh"].encode("utf-8"), n
        done += 1
    assert done == 3, done


def test_community_page_data_lays_out_its_name_sign(engine_page: Page,
                                                     standards: dict[str, Standard]) -> None:
    """With a community's values in the data, its name sign's width is the schedule's; for
    values whose characters the data lacks, the engine names the sign instead of guessing."""
    standard = standards["community-premises"]
    values = {"district": "阿拉善右旗", "street": "额肯呼都格镇", "community": "满达社区",
              "party_org": "党支部"}
    function = next(f for f in standard.functions if f.can_fail)
    plan = {"community": values, "origin": standard.origins[0].id, "rooms": [
        {"name": function.name, "area_m2": "400", "zone": standard.zones[0].id,
         "functions": [function.name]}]}
    fonts = FontBook(standard)
    want = _schedule(standard, plan, "zh", fonts)
    with_values, without = engine_page.evaluate("""([a, b, plan]) => [
        SigngenPlan.scheduleCsv(JSON.parse(a), plan, "zh"),
        SigngenPlan.scheduleCsv(JSON.parse(b), plan, "zh")]""", [
        json.dumps(plan_data(standard, values, fonts=fonts), ensure_ascii=False),
        json.dumps(plan_data(standard, fonts=fonts), ensure_ascii=False), plan])
    assert with_values == want
    assert not isinstance(without, str)
    named = next(p.id for p in standard.plaques if p.repeat == "once")
    assert named in without["unknown_rows"], without["unknown"]
    assert any("满" in message or "额" in message for message in without["unknown"])
