"""What the site publishes is what the CLI writes for the same input, byte for byte or row for row.

One generated site (the bundled specs, the example communities file) is compared with the
files ``signgen render``, ``drawing``, ``elevation``, ``schedule``, ``checklist`` and
``audit-sheet`` write for the same values; every download of the site has its command.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from project_paths import ROOT, SPECS

from signgen.artwork.raster import svg_size_mm
from signgen.audit.export import audit_data, audit_json
from signgen.cli.main import main
from signgen.communities.rows import CommunityRow, read_communities
from signgen.site.generate import generate_site
from signgen.site.options import GeneratedSite, SiteOptions
from signgen.site.plan_form import plan_json
from signgen.site.plaque_pages import PNG_MAX_PX, PNG_PX_PER_MM, example_values
from signgen.site.role_pages import template_plan
from signgen.spec.load import load_standards
from signgen.spec.model import Standard

COMMUNITIES = ROOT / "examples" / "communities.csv"
BASE_URL = "http://intranet.example/signgen/"
PLAQUE = re.compile(r"^downloads/plaques/(?:(?P<folder>[^/]+)/)?(?P<id>[^/.]+)"
                    r"(?P<suffix>\.svg|\.outlined\.svg|\.pdf|\.png|\.drawing\.svg)$")
COMMUNITY = re.compile(r"^downloads/communities/(?P<slug>[^/]+)/(?P<name>[^/]+)$")


@pytest.fixture(scope="module")
def site() -> GeneratedSite:
    """The bundled site with the example communities, their SVG, PDF and audit sheets."""
    return generate_site(SiteOptions(specs=SPECS, communities=COMMUNITIES,
                                     community_downloads=("svg", "pdf", "audit-sheet"),
                                     base_url=BASE_URL))


def _cli(*args: str) -> bytes:
    """Run signgen with ``args`` (the last one is ``-o FILE``) and return FILE's bytes."""
    result = CliRunner().invoke(main, [*args, "--specs", str(SPECS)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Path(args[-1]).read_bytes()


def _sets(values: dict[str, str]) -> list[str]:
    return [arg for k, v in values.items() if v for arg in ("--set", f"{k}={v}")]


def _plaque_command(standard: Standard, uri: str, assets: dict[str, str | bytes], out: Path
                    ) -> list[str] | None:
    """The CLI command that writes a site's plaque download, and the output's name."""
    found = PLAQUE.match(uri)
    if found is None:
        return None
    plaque_id, folder, suffix = found["id"], found["folder"], found["suffix"]
    values = example_values(standard)
    if folder == "template":
        values = {}
    elif folder is not None:  # a window or board sign: downloads/plaques/<sign>/<item>.<fmt>
        plaque_id, item_id = folder, found["id"]
        sign = standard.plaque(plaque_id)
        field = next(f for f in ("category", "board")
                     if any(f"{{{f}}}" in s.text for s in sign.segments))
        items = standard.window_categories if field == "category" else standard.boards
        values = {**values, field: next(i.name for i in items if i.id == item_id)}
    if suffix == ".drawing.svg":
        return ["drawing", plaque_id, *_sets(values), "-o", str(out / "x.drawing.svg")]
    args = ["render", plaque_id, *_sets(values)]
    if suffix == ".outlined.svg":
        args.append("--outline")
    if suffix == ".png":
        svg = assets[uri.removesuffix(".png") + ".svg"]
        width, height = svg_size_mm(svg.decode("utf-8") if isinstance(svg, bytes) else svg)
        args += ["--px-per-mm", repr(min(PNG_PX_PER_MM, PNG_MAX_PX / max(width, height)))]
    name = "x" + (".svg" if suffix == ".outlined.svg" else suffix)
    return [*args, "-o", str(out / name)]


def _community_rows(standard: Standard) -> Iterator[CommunityRow]:
    for row in read_communities(COMMUNITIES, standard):
        assert isinstance(row, CommunityRow)
        yield row


def test_every_download_equals_the_cli_output(site: GeneratedSite, standard: Standard,
                                              tmp_path: Path) -> None:
    """Each plaque, drawing, elevation and community file of the site is the CLI's file."""
    rows = {"-".join(r.key): r for r in _community_rows(standard)}
    checked = set()
    for uri, published in sorted(site.assets.items()):
        data = published.encode("utf-8") if isinstance(published, str) else published
        command = _plaque_command(standard, uri, site.assets, tmp_path)
        if command is None and (found := COMMUNITY.match(uri)):
            values = rows[found["slug"]].values
            name = found["name"]
            if name == "audit-sheet.html":
                command = ["audit-sheet", *_sets(values), "--base-url", BASE_URL, "-o",
                           str(tmp_path / "x.html")]
            else:
                plaque_id, suffix = name.split(".", 1)
                command = ["render", plaque_id, *_sets(values), "-o",
                           str(tmp_path / f"x.{suffix}")]
        if command is None and (found := re.match(r"^downloads/elevation-(\w+)\.svg$", uri)):
            command = ["elevation", *_sets(example_values(standard)), "--origin", found[1],
                       "-o", str(tmp_path / "x.svg")]
        if uri == "downloads/schedule.csv":
            continue  # compared row for row below, from its plan file
        if uri.endswith("plan-check/plan-data.json"):  # the plan check page's check data
            base = uri.removesuffix("plan-check/plan-data.json").rstrip("/")
            judged = next(s for s in load_standards(SPECS) if s.id == (base or standard.id))
            assert data == plan_json(judged).encode("utf-8"), uri
            checked.add(uri)
            continue
        if (found := re.match(r"^downloads/(?:([^/]+)/)?plan-template(?:\.(\w+))?\.xlsx$", uri)):
            command = ["plan-template", "--lang", found[2] or "zh",
                       "--standard", found[1] or standard.id, "-o", str(tmp_path / "x.xlsx")]
        if uri.endswith("/audit-data.json"):  # each audit form's judge data, for no community
            base = uri.removesuffix("audit-form/audit-data.json").rstrip("/")
            judged = next(s for s in load_standards(SPECS) if s.id == (base or standard.id))
            assert data == audit_json(audit_data(judged, {})).encode("utf-8"), uri
            checked.add(uri)
            continue
        assert command is not None, f"{uri}: a download with no CLI command"
        assert _cli(*command) == data, f"{uri} != signgen {' '.join(command)}"
        checked.add(uri)
    assert len(checked) == len(site.assets) - 1


def _template_plan_file(standard: Standard, path: Path) -> Path:
    """The site's example plan as a plan file (area 1 m² each: the schedule ignores areas)."""
    plan = template_plan(standard, example_values(standard), "example")
    data = {"community": plan.community, "origin": plan.origin,
            "rooms": [{"name": r.name, "area_m2": 1, "zone": r.zone,
                       "functions": list(r.functions)} for r in plan.rooms],
            "windows": [w.name for w in plan.windows]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_schedule_csv_equals_signgen_schedule(site: GeneratedSite, standard: Standard,
                                              tmp_path: Path) -> None:
    """downloads/schedule.csv is what ``signgen schedule`` writes for the example plan."""
    plan = _template_plan_file(standard, tmp_path / "example")
    cli = _cli("schedule", str(plan), "-o", str(tmp_path / "s.csv"))
    assert site.assets["downloads/schedule.csv"] == cli


def test_schedule_rows_show_each_window_room_and_board(site: GeneratedSite,
                                                       standard: Standard) -> None:
    """Each window, room and board row says its own category, function or board (issue 9)."""
    data = site.assets["downloads/schedule.csv"]
    assert isinstance(data, bytes)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    texts = {row[1]: row[3] for row in rows}  # after the sign number: id, type, text
    for category in standard.window_categories:
        assert texts[f"window-sign-{category.id}"] == category.name
    for board in standard.boards:
        assert texts[f"board-header-{board.id}"] == board.name
    required = [f for f in standard.functions if f.level == "required"]
    room_texts = [t for k, t in texts.items() if k.startswith("room-plaque-")]
    assert room_texts == [f.name for f in required]


def test_schedule_page_equals_signgen_schedule_markdown(
        site: GeneratedSite, standard: Standard, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The schedule page holds what ``signgen schedule -o FILE.md`` writes, title aside."""
    _template_plan_file(standard, tmp_path / "example")
    monkeypatch.chdir(tmp_path)  # the report names the plan as given: "example", as the site
    cli = _cli("schedule", "example", "-o", str(tmp_path / "s.md")).decode("utf-8")
    body = cli.split("\n", 1)[1].strip()
    for lang in ("zh", "en"):
        page = site.pages["schedule.md" if lang == "zh" else "en/schedule.md"]
        assert body in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checklist_page_equals_signgen_checklist(site: GeneratedSite, tmp_path: Path,
                                                 lang: str) -> None:
    """The checklist page holds what ``signgen checklist -o FILE.md`` writes, title aside."""
    cli = _cli("checklist", "--lang", lang, "-o", str(tmp_path / "c.md"))
    body = cli.decode("utf-8").split("\n", 1)[1].strip()
    page = site.pages["checklist.md" if lang == "zh" else "en/checklist.md"]
    assert body in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_sheet_page_equals_signgen_audit_sheet(site: GeneratedSite, tmp_path: Path,
                                                     lang: str) -> None:
    """The audit-sheet page holds every line ``signgen audit-sheet`` writes between its
    <body> tags, in order (its <h1> a second-level heading under the page's own), but for
    where links and QR codes point: the file's go to ``--base-url``, the page's are relative
    to the page and its codes are drawn by the browser from the page's own address (so a
    printed code opens the copy it was printed from). Both name the same rule page."""
    cli = _cli("audit-sheet", "--lang", lang, "--base-url", BASE_URL, "-o",
               str(tmp_path / "a.html")).decode("utf-8")
    body = re.search(r"<body[^>]*>(.*)</body>", cli, re.S)
    assert body is not None
    lines = [line for line in _rule_targets(body[1]).replace("<h1>", "<h2>")
             .replace("</h1>", "</h2>").splitlines() if line.strip()]
    page = site.pages["audit-sheet.md" if lang == "zh" else "en/audit-sheet.md"]
    assert "\n".join(lines) in _rule_targets(page)
    assert page.count('<figure class="qr"') == cli.count('<figure class="qr"') > 40


def _rule_targets(html: str) -> str:
    """``html`` with each link and QR code reduced to the rule page it opens."""
    html = re.sub(r'href="[^"]*?(rules/[^"/]+/)"', r'href="\1"', html)
    return re.sub(r'<figure class="qr"[^>]*?(rules/[^"/]+/)[^>]*>.*?</figure>',
                  r'<figure class="qr">\1</figure>', html, flags=re.S)


def test_community_folders_are_the_batch_folders(site: GeneratedSite, tmp_path: Path) -> None:
    """The site's community folders are the folders ``signgen batch`` makes for the same file."""
    result = CliRunner().invoke(main, ["batch", str(COMMUNITIES), "-o", str(tmp_path / "b"),
                                       "-q", "--specs", str(SPECS)])
    assert result.exit_code == 0, result.output
    batch = {p.name for p in (tmp_path / "b").iterdir() if p.is_dir()}
    published = {uri.split("/")[2] for uri in site.assets
                 if uri.startswith("downloads/communities/")}
    assert published == batch and len(batch) == 5
