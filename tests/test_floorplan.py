"""The floor-plan schematic: one block per room, areas proportional, missing ones dashed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from project_paths import ROOT

from signgen.contractor.floorplan import floorplan_layout, floorplan_svg, missing_functions
from signgen.contractor.plan import load_plan
from signgen.spec.model import Standard

NS = {"s": "http://www.w3.org/2000/svg"}
SHORT = ROOT / "examples" / "plan-short.yaml"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_svg_parses_with_one_block_per_room(standard: Standard) -> None:
    """The SVG is well-formed XML with one room group per room, ids from room order."""
    plan = load_plan(SHORT, standard)
    root = _parse(floorplan_svg(standard, plan))
    rooms = root.findall(".//s:g[@class='room']", NS)
    assert len(rooms) == len(plan.rooms)
    assert sorted(g.get("id") for g in rooms) == [f"room-{i + 1:02d}"
                                                  for i in range(len(plan.rooms))]


def test_block_areas_proportional_to_m2(standard: Standard) -> None:
    """Two rooms' block areas have the ratio of their floor areas."""
    plan = load_plan(SHORT, standard)
    root = _parse(floorplan_svg(standard, plan))

    def area(index: int) -> float:
        rect = root.find(f".//s:g[@id='room-{index + 1:02d}']/s:rect", NS)
        assert rect is not None
        return float(rect.get("width", 0)) * float(rect.get("height", 0))

    big, small = plan.rooms[0], plan.rooms[2]  # in different rows of different sizes
    assert big.area_m2 != small.area_m2
    assert abs(area(0) / area(2) - big.area_m2 / small.area_m2) < 0.01
    layout = floorplan_layout(standard, plan)
    for block in layout.blocks:
        assert abs(block.w * block.h - block.area_m2 * layout.px2_per_m2) < 0.01


def test_dashed_red_block_per_missing_function(standard: Standard) -> None:
    """Each required function no room serves is a dashed red block named after it."""
    plan = load_plan(SHORT, standard)
    missing = missing_functions(standard, plan)
    assert missing
    root = _parse(floorplan_svg(standard, plan))
    groups = root.findall(".//s:g[@class='missing']", NS)
    assert [g.get("id") for g in groups] == [f"missing-{m}" for m in missing]
    for group in groups:
        rect = group.find("s:rect", NS)
        assert rect is not None and rect.get("stroke-dasharray")
        assert rect.get("stroke", "").lower().startswith("#d0")
    names = {f.id: f.name for f in standard.functions}
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert all(names[m] in texts for m in missing)


def test_names_escaped_and_output_deterministic(tmp_path: Path, standard: Standard) -> None:
    """A room named <script> stays text, and the same plan gives the same bytes."""
    text = SHORT.read_text(encoding="utf-8").replace("name: 综合室", "name: '<script>x</script>'")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path, standard)
    svg = floorplan_svg(standard, plan)
    assert "<script>" not in svg
    root = _parse(svg)
    assert root.find(".//s:script", NS) is None
    assert any((t.text or "") == "<script>x</script>"
               for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert svg == floorplan_svg(standard, load_plan(path, standard))


def test_rooms_without_area_do_not_break_layout(standard: Standard) -> None:
    """A plan built in code with 0 m² rooms lays out without error; those blocks are empty."""
    plan = load_plan(SHORT, standard)
    flat = replace(plan, rooms=tuple(replace(r, area_m2=0.0) for r in plan.rooms))
    layout = floorplan_layout(standard, flat)
    rooms = [b for b in layout.blocks if b.kind == "room"]
    assert len(rooms) == len(plan.rooms)
    assert all(b.w * b.h == 0 for b in rooms)
    assert _parse(floorplan_svg(standard, flat)) is not None
