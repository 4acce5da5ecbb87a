"""Benchmark the MkDocs site: default build, the signgen plugin's overhead, 1,000 communities.

    .venv/bin/python bench/bench_site.py            # 3 timed runs each, prints a table
    .venv/bin/python bench/bench_site.py --runs 5 --communities 200

Each build runs in a fresh Python process, as ``mkdocs build`` does, so imports, font loading
and jieba's dictionary are paid every time; one untimed warm-up build per case comes first
(it fills jieba's cache file and the OS file cache). Two times are reported per case:
*wall*, the whole process as a user waits for it, and *build*, ``load_config`` + ``build``
measured inside the process (without interpreter start-up and imports).

Cases:

- ``default``: the repository's ``mkdocs.yml`` as it is.
- ``plain``: the same pages as plain files, without the plugin. A capture build records
  every page's Markdown as the plugin hands it to MkDocs (after all ``on_page_markdown``
  events) and every other file of the site's source (hand-written and generated); these are
  written to a temporary ``docs/`` and built with the plugin removed from ``plugins``.
  Overhead = (default - plain) / plain.
- ``no-downloads``: the plugin with ``downloads: false`` (pages only, no plaque files), to
  show how much of the plugin's time goes into rendering SVG/PDF/PNG downloads.
- ``communities``: the plugin's ``communities`` option pointing at a generated CSV of N
  distinct communities.

The minimum is shown too: on a shared machine it is the least disturbed run.
Targets: default under 3 s, overhead under 15 %, 1,000 communities under 60 s. Figures on a
shared machine are noisy: compare medians, and run again before drawing conclusions.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# SIGNGEN_SITE_CONFIG benchmarks another mkdocs.yml (e.g. a site being developed).
MKDOCS_YML = Path(os.environ.get("SIGNGEN_SITE_CONFIG", ROOT / "mkdocs.yml"))
CORE_SPECS = ROOT / "specs" / "community-premises"
PLUGIN = "signgen"
TARGET_DEFAULT_S = 3.0
TARGET_OVERHEAD = 0.15
TARGET_COMMUNITIES_S = 60.0


# --- one build, in a child process ------------------------------------------------------------


def build_once(config_file: str, site_dir: str, overrides: dict[str, Any]) -> float:
    """Build the site (``load_config`` with ``overrides``, then ``build``); seconds taken."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir, **overrides)
    build(config)
    return time.perf_counter() - start


@dataclass(frozen=True)
class Timing:
    """One timed build: the whole process (``wall``) and load_config + build (``build``)."""

    wall: float
    build: float


def timed_build(overrides: dict[str, Any], config_file: Path = MKDOCS_YML) -> Timing:
    """Build in a fresh process into a fresh temporary folder; fails loudly on a build error."""
    with tempfile.TemporaryDirectory(prefix="bench-site-") as site_dir:
        job = json.dumps({"config_file": str(config_file), "site_dir": site_dir,
                          "overrides": overrides})
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--build-one", job], env=env,
                              capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed ({overrides}):\n{done.stdout}\n{done.stderr}")
    return Timing(wall, float(done.stdout.strip().splitlines()[-1]))


def timed_builds(name: str, overrides: dict[str, Any], runs: int) -> list[Timing]:
    """A warm-up build, then ``runs`` timed ones."""
    print(f"  {name}: warm-up", end="", flush=True)
    timed_build(overrides)
    timings = []
    for run in range(runs):
        timings.append(timed_build(overrides))
        print(f", run {run + 1} {timings[-1].wall:.2f} s", end="", flush=True)
    print()
    return timings


# --- the plugin's pages as plain files --------------------------------------------------------


def raw_config() -> dict[str, Any]:
    """mkdocs.yml as written."""
    from mkdocs.utils.yaml import yaml_load

    with MKDOCS_YML.open(encoding="utf-8") as f:
        raw: dict[str, Any] = yaml_load(f)
    return raw


def raw_plugins() -> list[Any]:
    """The ``plugins`` list of mkdocs.yml as written (names, or {name: options})."""
    return list(raw_config().get("plugins") or [])


def plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def plugins_without_signgen() -> list[Any]:
    return [p for p in raw_plugins() if plugin_name(p) != PLUGIN]


def plugins_with_option(option: str, value: object) -> list[Any]:
    """The plugins list with one option of the signgen plugin set."""
    out: list[Any] = []
    for entry in raw_plugins():
        if plugin_name(entry) == PLUGIN:
            options = {} if isinstance(entry, str) else dict(entry[PLUGIN] or {})
            entry = {PLUGIN: {**options, option: value}}
        out.append(entry)
    return out


def capture_plain_docs(docs_dir: Path) -> tuple[int, int, dict[str, Any]]:
    """Build once with a capturing plugin; write the site's source files to ``docs_dir``.

    Returns the number of pages and of other files, and the config overrides that give a
    build without the plugin what the plugin set: site name, nav, theme override folder.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    counts = {"pages": 0, "files": 0}
    seen: dict[str, Any] = {}

    class CapturePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        @event_priority(-1000)  # after every other plugin, the signgen one included
        def on_files(self, files: Any, config: Any) -> Any:
            docs_root = Path(config.docs_dir).resolve()
            seen["nav"] = config.nav
            seen["site_name"] = config.site_name
            seen["theme_dirs"] = list(config.theme.dirs)
            for file in files:
                if file.is_documentation_page():
                    continue
                from_docs = Path(file.abs_src_path or "/").resolve().is_relative_to(docs_root)
                if file.generated_by is None and not from_docs:
                    continue  # a theme file: the plain build gets it from the theme
                target = docs_dir / file.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content_bytes)
                counts["files"] += 1
            return files

        @event_priority(-1000)
        def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
            target = docs_dir / page.file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
            counts["pages"] += 1
            return markdown

    with tempfile.TemporaryDirectory(prefix="bench-capture-") as site_dir:
        plain_dirs = list(load_config(str(MKDOCS_YML), site_dir=site_dir).theme.dirs)
        config = load_config(str(MKDOCS_YML), site_dir=site_dir)
        config.plugins["bench-capture"] = CapturePlugin()
        build(config)
    overrides: dict[str, Any] = {"site_name": seen["site_name"]}
    if seen["nav"]:
        overrides["nav"] = seen["nav"]
    added_dirs = [d for d in seen["theme_dirs"] if d not in plain_dirs]
    if added_dirs:
        overrides["theme"] = {**raw_config().get("theme", {}), "custom_dir": added_dirs[0]}
    return counts["pages"], counts["files"], overrides


# --- a list of many communities ---------------------------------------------------------------


def write_communities(path: Path, count: int) -> None:
    """A CSV of ``count`` distinct communities with the columns the standard's plaques use."""
    from signgen.communities import community_fields
    from signgen.loader import load_standard

    fields = community_fields(load_standard(CORE_SPECS))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([field.id for field in fields])
        for n in range(count):
            # 10 communities a street, 10 streets a district: each (district, street,
            # community) differs, as the communities file requires.
            values = {"district": f"第{n // 100 + 1}区", "street": f"第{n // 10 % 10 + 1}街道",
                      "community": f"和平{n + 1}社区"}
            writer.writerow([field.choices[n % len(field.choices)] if field.choices
                             else values.get(field.id, f"{field.example}{n + 1}")
                             for field in fields])


# --- the report ------------------------------------------------------------------------------


def median(timings: list[Timing], attr: str) -> float:
    return float(statistics.median(getattr(t, attr) for t in timings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed builds per case (default 3)")
    parser.add_argument("--communities", type=int, default=1000,
                        help="communities in the large case (default 1000; 0 skips it)")
    parser.add_argument("--build-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_one:
        job = json.loads(args.build_one)
        print(f"{build_once(job['config_file'], job['site_dir'], job['overrides']):.4f}")
        return

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(f"signgen site benchmark: {args.runs} timed runs per case after a warm-up, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    work = Path(tempfile.mkdtemp(prefix="bench-site-work-"))
    try:
        results: dict[str, list[Timing]] = {}
        results["default"] = timed_builds("default", {}, args.runs)

        docs = work / "docs"
        pages, files, plugin_settings = capture_plain_docs(docs)
        plain = {"docs_dir": str(docs), "plugins": plugins_without_signgen(), **plugin_settings}
        print(f"  plain: {pages} pages and {files} other files captured from the plugin build")
        results["plain"] = timed_builds("plain", plain, args.runs)
        results["no-downloads"] = timed_builds(
            "downloads: false", {"plugins": plugins_with_option("downloads", False)}, args.runs)

        if args.communities:
            csv_path = work / "communities.csv"
            write_communities(csv_path, args.communities)
            big = {"plugins": plugins_with_option("communities", str(csv_path))}
            results["communities"] = timed_builds(
                f"{args.communities} communities", big, max(1, min(args.runs, 3)))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'case':<24}{'wall median':>14}{'wall min':>12}{'build median':>14}"
          f"{'wall runs':>24}")
    labels = {"default": "default site", "plain": "same pages, no plugin",
              "no-downloads": "downloads: false",
              "communities": f"{args.communities} communities"}
    for case, timings in results.items():
        runs = " ".join(f"{t.wall:.2f}" for t in timings)
        print(f"{labels[case]:<24}{median(timings, 'wall'):>12.2f} s"
              f"{min(t.wall for t in timings):>10.2f} s"
              f"{median(timings, 'build'):>12.2f} s{runs:>24}")
    print()
    default_wall, plain_wall = median(results["default"], "wall"), median(results["plain"], "wall")
    default_build = median(results["default"], "build")
    plain_build = median(results["plain"], "build")
    overhead_wall = (default_wall - plain_wall) / plain_wall
    overhead_build = (default_build - plain_build) / plain_build
    print(f"default build: {default_wall:.2f} s wall "
          f"(target < {TARGET_DEFAULT_S:.0f} s: {_verdict(default_wall < TARGET_DEFAULT_S)})")
    print(f"plugin overhead: {overhead_wall:+.1%} wall, {overhead_build:+.1%} build "
          f"(target < {TARGET_OVERHEAD:.0%}: {_verdict(overhead_wall < TARGET_OVERHEAD)})")
    lean_wall = median(results["no-downloads"], "wall")
    print(f"plugin overhead with downloads: false: {(lean_wall - plain_wall) / plain_wall:+.1%} "
          f"wall; the downloads cost {default_wall - lean_wall:.2f} s")
    if "communities" in results:
        big_wall = median(results["communities"], "wall")
        print(f"{args.communities} communities: {big_wall:.2f} s wall, "
              f"{big_wall / default_wall:.1f}x the default site "
              f"(target < {TARGET_COMMUNITIES_S:.0f} s: "
              f"{_verdict(big_wall < TARGET_COMMUNITIES_S)})")


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


if __name__ == "__main__":
    main()
