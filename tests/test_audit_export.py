"""The judge data the site exports for the browser's audit form (signgen.audit.export)."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from coloraide import Color
from project_paths import CORE_SPECS, ROOT, SPECS

from signgen.audit.export import audit_data, audit_json
from signgen.audit.items import checkable_items, site_from_plan
from signgen.audit.styles import CSS_COLOURS, read_colour
from signgen.contractor.plan import load_plan
from signgen.errors import SigngenError
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

VALUES = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
          "party_org": "党支部"}
HOSTILE = "</script><script>alert(1)</script><!-- &amp; \u2028 \"'"
LIMIT = 150_000  # bytes: what a phone downloads for one community's form


def test_same_input_gives_the_same_bytes(standard: Standard) -> None:
    """Two exports of one community, one from a freshly loaded standard: identical bytes."""
    first = audit_json(audit_data(standard, VALUES))
    again = audit_json(audit_data(load_standard(CORE_SPECS), dict(reversed(VALUES.items()))))
    assert first == again


@pytest.mark.parametrize("folder", ["community-premises", "learning-community"])
def test_one_community_stays_small(folder: str) -> None:
    """Each bundled standard's data for one community, and the core one on a full plan's
    site (a plaque item per room, window and board), stay under 150 KB."""
    standard = load_standard(SPECS / folder)
    size = len(audit_json(audit_data(standard, {})).encode())
    assert 1_000 < size < LIMIT, size
    if folder == "community-premises":
        plan = load_plan(ROOT / "examples" / "plan-compliant.yaml", standard)
        data = audit_data(standard, VALUES, site_from_plan(plan))
        assert len(data["items"]) > len(audit_data(standard, VALUES)["items"])
        assert len(audit_json(data).encode()) < LIMIT


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script"
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def test_a_hostile_name_cannot_leave_the_script_element(standard: Standard) -> None:
    """A community called ``</script>...`` embedded in ``<script type=application/json>``:
    the HTML parser sees one script element holding all of the JSON, which reads back to
    the name; no <, > or & and no JavaScript line separator is written raw."""
    text = audit_json(audit_data(standard, {**VALUES, "community": HOSTILE}))
    assert not set("<>&\u2028\u2029") & set(text)
    page = f'<script type="application/json" id="audit-data">{text}</script><p>after</p>'
    parser = _Scripts()
    parser.feed(page)
    assert parser.scripts == [text]
    assert json.loads(parser.scripts[0])["community"]["community"] == HOSTILE.strip()


def test_items_are_the_cli_items_for_every_origin(standard: Standard) -> None:
    """The exported items, with each origin's changes applied, are checkable_items' items for
    that origin: same ids and order, same titles, checks, clauses and quotes."""
    data = audit_data(standard, VALUES)
    for origin in [None, *(o.id for o in standard.origins)]:
        changes = data["by_origin"]["" if origin is None else origin]
        exported = [{**i, **changes.get(i["id"], {})} for i in data["items"]]
        items = checkable_items(standard, VALUES, None, origin)
        assert [i["id"] for i in exported] == [i.id for i in items]
        for e, i in zip(exported, items, strict=True):
            assert (e["title"], e["check"], e["quote"], e["clause"]["id"], e["required_en"]) \
                == (i.title, i.check, i.quote, i.clause.id, i.required_en)
    assert any(data["by_origin"][o.id] for o in standard.origins)


def test_values_the_survey_header_refuses_are_refused(standard: Standard) -> None:
    """A choice outside the spec's choices, or a per-sign field, is bad input (as in a
    survey header), not exported."""
    with pytest.raises(SigngenError, match="party_org"):
        audit_data(standard, {"party_org": "党委"})
    with pytest.raises(SigngenError, match="room_functions"):
        audit_data(standard, {"room_functions": "档案室"})


def test_colours_are_those_the_python_judge_compares(standard: Standard) -> None:
    """The reference sRGB of each colour is coloraide's reading of its project value, and the
    CSS names exported are the ones read_colour reads."""
    data = audit_data(standard, VALUES)
    for colour_id, info in data["colours"]["by_id"].items():
        assert info["srgb"] == [float(c) for c in Color(info["hex"]).coords()]
        assert info["project_default"] is True
        assert colour_id in data["colours"]["order"]
    css = data["reader"]["css_colours"]
    assert {k: [c / 255 for c in v] for k, v in css.items()} == {
        k: list(v) for k, v in CSS_COLOURS.items()}
    assert read_colour("Crimson") == ("srgb", tuple(c / 255 for c in css["crimson"]))
    assert read_colour("hsl(0, 100%, 50%)") is None  # only names, HEX, rgb() and cmyk()
    assert read_colour("c1.2.3m0y0k0") is None  # was a traceback


def test_every_item_says_what_the_form_shows(standard: Standard) -> None:
    """Each item carries its clause, level, requirement, rule page and fields; tolerances
    are marked project defaults with their reason."""
    data = audit_data(standard, VALUES)
    for item in data["items"]:
        assert item["clause"]["number"] and item["quote"] and item["required"]
        assert item["level_class"] in ("required", "recommended", "encouraged", "examples")
        assert item["url"] == f"rules/{item['page']}/"
        assert item["url_en"] == f"en/rules/{item['page']}/"
        if "tolerance" in item:
            assert item["tolerance"]["project_default"] is True
            assert item["tolerance"]["reason"]
    kinds = {i["kind"]: i for i in data["items"]}
    assert kinds["area"]["fields"] == ["measured_m2"] and kinds["area"]["min_m2"] > 0
    assert kinds["plaque-size"]["size_cm"] and kinds["plaque-text"]["text_pattern"]
    assert kinds["plaque-colours"]["parts"] and kinds["plaque-typefaces"]["parts"]
