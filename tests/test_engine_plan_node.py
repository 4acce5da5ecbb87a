"""The plan engine outside the browser: signgen-plan.js and its modules in node (no DOM).

The engine's scripts are plain ES2020 for Chromium and node alike; node runs the whole corpus
(``plan_corpus.py``) and must give check-plan's problems and items, as Chromium does in
``tests/browser/test_engine_plan.py``. node is Debian's ``nodejs`` (installed by
``scripts/setup.sh``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest
from plan_corpus import plan_corpus
from plan_engines import (
    LANGS,
    SOURCE,
    TOLERANT,
    differences,
    engine_outcome,
    python_outcome,
    tolerant,
)
from project_paths import ROOT, SPECS

from signgen.contractor.export import ENGINE_SCRIPTS, plan_data
from signgen.spec.load import load_standards
from signgen.spec.text_rules import text_rules

SCRIPTS = ROOT / "signgen" / "site" / "theme" / "assets" / "javascripts"
RUN = """
const fs = require("fs");
const [scripts, input] = JSON.parse(fs.readFileSync(0, "utf8"));
for (const path of scripts) require(path);
const [data, cases, source] = input;
const out = cases.map(([id, key, plan]) => ({
  zh: SigngenPlan.checkPlan(data[key], plan, "zh", {source}),
  en: SigngenPlan.checkPlan(data[key], plan, "en", {source})}));
process.stdout.write(JSON.stringify([typeof document, out]));
"""


def test_engine_in_node_gives_check_plans_verdicts() -> None:
    """node, with no DOM, judges every corpus plan as check-plan does, in zh and en."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("node is missing: run `bash scripts/setup.sh` (it installs nodejs)")
    standards = {s.id: s for s in load_standards(SPECS)}
    standards[TOLERANT] = tolerant(standards["community-premises"])
    corpus = [(case, key, plan) for key, standard in standards.items()
              for case, plan in plan_corpus(standard)]
    data = {key: plan_data(standard) for key, standard in standards.items()}
    scripts = [str(SCRIPTS / name) for name in ENGINE_SCRIPTS]
    run = subprocess.run([node, "-e", RUN], input=json.dumps(
        [scripts, [data, corpus, SOURCE]], ensure_ascii=False), capture_output=True, text=True,
        check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    document, results = json.loads(run.stdout)
    assert document == "undefined"
    failures: list[str] = []
    for (case, key, plan), result in zip(corpus, results, strict=True):
        outcome: dict[str, Any]
        for lang in LANGS:
            outcome = engine_outcome(result[lang])
            failures += [f"{case} [{lang}]: {d}" for d in differences(
                python_outcome(standards[key], plan, lang), outcome)]
    assert not failures, f"{len(failures)} differences:\n" + "\n".join(failures[:8])


def test_engine_adds_floats_as_this_python() -> None:
    """SigngenText.pySum gives this Python's sum() of floats, bit for bit, on sums where
    plain and compensated addition differ."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("node is missing: run `bash scripts/setup.sh` (it installs nodejs)")
    lists = [[0.1] * 10, [1e16, 1.0, -1e16], [1.2345, 0.1, 0.7, 1e-9, 3.3], [0.3], [],
             [1.0869565217391304, 1.1702127659574468, 1.0], [1e308, 1e308], [-0.0, -0.0]]
    run = subprocess.run([node, "-e", """
        const fs = require("fs");
        const [script, rules, lists] = JSON.parse(fs.readFileSync(0, "utf8"));
        require(script);
        const t = SigngenText.make(rules);
        process.stdout.write(JSON.stringify(lists.map((l) => String(t.pySum(l)))));"""],
        input=json.dumps([str(SCRIPTS / ENGINE_SCRIPTS[0]), text_rules(), lists]),
        capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert [float(x) for x in json.loads(run.stdout)] == [float(sum(x)) for x in lists]
    assert [float(x).hex() for x in json.loads(run.stdout)] == [
        float(sum(x)).hex() for x in lists]
