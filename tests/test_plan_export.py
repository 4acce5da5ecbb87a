"""The plan check's data for the browser (signgen.contractor.export.plan_data)."""

from __future__ import annotations

import json

from project_paths import SPECS

from signgen.contractor.export import plan_data
from signgen.spec.load import load_standards


def test_plan_data_is_json_and_the_same_every_time() -> None:
    """plan_data of a standard is JSON text, byte for byte the same on every call."""
    for standard in load_standards(SPECS):
        first = json.dumps(plan_data(standard), ensure_ascii=False, sort_keys=True)
        assert first == json.dumps(plan_data(standard), ensure_ascii=False, sort_keys=True)
        assert json.loads(first) == plan_data(standard)


def test_plan_data_holds_every_name_a_room_may_use() -> None:
    """Each function's standard names and project aliases, levels and clauses are exported."""
    for standard in load_standards(SPECS):
        data = plan_data(standard)
        exported = {f["id"]: f for f in data["functions"]}
        for function in standard.functions:
            row = exported[function.id]
            assert row["all_names"] == function.all_names
            assert row["standard_names"] == function.standard_names
            assert (row["level"], row["can_fail"]) == (function.level, function.can_fail)
            assert row["clause_number"] == standard.clause(function.citation.clause).number


def test_plan_data_carries_community_values() -> None:
    """A community page's values go in the data; the standard's own page has none."""
    standard = load_standards(SPECS)[0]
    assert plan_data(standard)["community"]["values"] == {}
    values = {"community": "团结社区"}
    assert plan_data(standard, values)["community"]["values"] == values
