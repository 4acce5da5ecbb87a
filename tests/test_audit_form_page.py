"""The audit form's pages: where they are, the judge data beside them, what they carry.

The form itself runs in the browser (``tests/browser/test_audit_form.py``); these check the
pages the site build writes for it, without MkDocs.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from project_paths import ROOT, SPECS

from signgen.audit.export import audit_data
from signgen.site.audit_form import (
    FORM_LABELS,
    FORM_SCRIPTS,
    data_uri,
    form_block,
    front_matter,
    storage_key,
)
from signgen.site.generate import generate_site
from signgen.site.options import GeneratedSite, SiteOptions
from signgen.spec.model import Standard

COMMUNITIES = ROOT / "examples" / "communities.csv"
THEME_JS = ROOT / "signgen" / "site" / "theme" / "assets" / "javascripts"


@pytest.fixture(scope="module")
def site() -> GeneratedSite:
    """The bundled specs' site with the example communities."""
    return generate_site(SiteOptions(specs=SPECS, communities=COMMUNITIES))


class _Forms(HTMLParser):
    """The attributes of every audit form <div> in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "div" and "sg-audit-form" in values.get("class", "").split():
            self.forms.append(values)


def forms(markdown: str) -> list[dict[str, str]]:
    """The forms of a generated page."""
    scan = _Forms()
    scan.feed(markdown)
    return scan.forms


def test_template_form_page_in_both_languages_in_the_audit_section(site: GeneratedSite
                                                                     ) -> None:
    """audit-form.md and en/audit-form.md exist, load the form's scripts, and the nav lists
    them first under 审核 / Audit."""
    for uri, lang in (("audit-form.md", "zh"), ("en/audit-form.md", "en")):
        page = site.pages[uri]
        assert page.startswith(f"---\n{front_matter()}\n---\n")
        (form,) = forms(page)
        assert form["data-community"] == "" and form["lang"] == lang
    audit = next(e["审核"] for e in site.nav if isinstance(e, dict) and "审核" in e)
    assert audit[0] == {"在线核查": "audit-form.md"}


def test_template_form_data_is_the_audit_export_of_no_community(site: GeneratedSite,
                                                                  standard: Standard) -> None:
    """The JSON beside the template form is audit_data for an empty community, and both
    languages' pages link to that one file."""
    uri = data_uri("audit-form.md")
    assert json.loads(site.assets[uri]) == json.loads(json.dumps(audit_data(standard, {})))
    assert forms(site.pages["audit-form.md"])[0]["data-audit-data"] == \
        "../audit-form/audit-data.json"
    assert forms(site.pages["en/audit-form.md"])[0]["data-audit-data"] == \
        "../../audit-form/audit-data.json"


def test_every_community_page_has_its_own_form_and_data(site: GeneratedSite) -> None:
    """Each community page (zh and en) has a form with that community's values, origin and
    storage key; its data file names the community, is under 150 KB and is not shared."""
    pages = sorted(u for u in site.pages if u.startswith("communities/")
                   and not u.endswith("index.md"))
    assert len(pages) == 5
    keys = set()
    for uri in pages:
        (form,) = forms(site.pages[uri])
        (form_en,) = forms(site.pages["en/" + uri])
        assert form["data-storage-key"] == form_en["data-storage-key"]
        keys.add(form["data-storage-key"])
        data = json.loads(site.assets[data_uri(uri)])
        assert data["community"]["community"] in form["data-community"]
        assert (data["origin"] or "") == form["data-origin"]
        assert len(site.assets[data_uri(uri)]) < 150_000
    assert len(keys) == 5


def test_community_form_can_be_left_out() -> None:
    """community_downloads without audit-form: no form on the pages, no data files."""
    site = generate_site(SiteOptions(specs=SPECS, communities=COMMUNITIES,
                                     community_downloads=("svg",)))
    assert not [u for u in site.assets if u.startswith("communities/")]
    assert not any(forms(p) for u, p in site.pages.items() if u.startswith("communities/"))


def test_hostile_community_name_stays_an_attribute(standard: Standard) -> None:
    """A community called '"><script>' is escaped in the form's attributes and read back
    exactly; the storage key holds it too."""
    name = '"><script>alert(1)</script>&amp;'
    block = form_block(standard, "zh", "communities/x.md", "communities/x/audit-data.json",
                       community=("区", name), title=name, origin=None)
    assert "<script>" not in block
    (form,) = forms(block)
    assert form["data-community"] == name
    assert json.loads(form["data-storage-key"].split("/", 3)[3]) == ["区", name]
    assert json.loads(form["data-labels"])["signature"] == "核查人签字"


def test_drafts_of_another_edition_or_community_never_mix(standard: Standard) -> None:
    """The storage key names standard, edition and community."""
    info = standard.standard
    key = storage_key(standard, ("东湖区", "彭家桥社区"))
    assert key == f'signgen-audit/{info.id}/{info.edition}/["东湖区","彭家桥社区"]'
    assert key != storage_key(standard, ("东湖区", "彭家桥"))


def test_form_words_exist_in_both_languages_and_are_used() -> None:
    """Every interface word of the form is in Chinese and English, and the form's scripts
    use each one (no dead words, none missing in a language)."""
    assert set(FORM_LABELS["zh"]) == set(FORM_LABELS["en"])
    scripts = "".join((THEME_JS / name).read_text(encoding="utf-8") for name in FORM_SCRIPTS
                      if name.startswith("signgen-audit-form"))
    in_page = {"loading", "noscript"}  # written by form_block itself, before any script runs
    built = {k for k in FORM_LABELS["zh"] if k.startswith("filter-")} if '"filter-" +' in \
        scripts else set()  # the filter buttons' words: "filter-" + which
    unused = [k for k in FORM_LABELS["zh"]
              if k not in in_page | built and f'"{k}"' not in scripts]
    assert unused == []
