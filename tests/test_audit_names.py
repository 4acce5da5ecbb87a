"""The audit accepts every name the standard gives a room function (issue 10.4).

二、功能设置 3: 社区接访室(矛盾调解室、心理慰藉室); 4: 社区文体活动室(社区党员活动室).
A door plaque reading any of the standard's names for the room's function passes its text
check; another function's name fails it.
"""

from __future__ import annotations

import json

import pytest
from audit_fill import fill, judge

from signgen.audit.item_types import Room, Site
from signgen.audit.template import survey_template
from signgen.spec.model import Standard

VALUES = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
          "party_org": "党支部"}
ROOM_TEXT = "plaque.room-plaque.room-1.text"


def _room_plaque_status(standard: Standard, function_id: str, planned: str,
                        observed: str) -> str:
    site = Site(rooms=(Room("一楼东", (function_id,), (planned,)),))
    text = survey_template(standard, VALUES, site=site, origin="purchased")
    text = fill(text, ROOM_TEXT, "observed", json.dumps(observed, ensure_ascii=False))
    report = judge(text, standard)
    return next(o.status for o in report.outcomes if o.item.id == ROOM_TEXT)


@pytest.mark.parametrize(("function_id", "planned", "observed"), [
    ("reception-room", "矛盾调解室", "矛盾调解室"),
    ("reception-room", "矛盾调解室", "社区接访室"),
    ("reception-room", "社区接访室", "心理慰藉室"),
    ("culture-sports-room", "社区党员活动室", "社区党员活动室"),
    ("culture-sports-room", "社区文体活动室", "社区党员活动室"),
])
def test_any_name_the_standard_gives_passes(standard: Standard, function_id: str,
                                            planned: str, observed: str) -> None:
    """社区接访室(矛盾调解室、心理慰藉室): a plaque reading any of the three passes."""
    assert _room_plaque_status(standard, function_id, planned, observed) == "pass"


def test_another_functions_name_fails(standard: Standard) -> None:
    """A reception room whose plaque reads 社区档案室 fails its text check."""
    assert _room_plaque_status(standard, "reception-room", "矛盾调解室", "社区档案室") == "fail"


def test_the_planned_name_is_the_required_text(standard: Standard) -> None:
    """A room planned as 矛盾调解室 is audited against a plaque reading 矛盾调解室 (as the
    sign schedule makes it), not 社区接访室."""
    site = Site(rooms=(Room("一楼东", ("reception-room",), ("矛盾调解室",)),))
    text = survey_template(standard, VALUES, site=site, origin="purchased")
    block = text[text.index(ROOM_TEXT):].split("\n  plaque.", 1)[0]
    assert "矛盾调解室" in block and "社区接访室" not in block
