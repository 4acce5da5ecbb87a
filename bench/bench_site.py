"""Benchmark the MkDocs site: default build, the signgen plugin's overhead, 1,000 communities.

    .venv/bin/python bench/bench_site.py            # 3 timed runs each, prints a table
    .venv/bin/python bench/bench_site.py --runs 5 --communities 200

Each build runs in a fresh Python process, as ``mkdocs build`` does, so imports, font loading
and jieba's dictionary are paid every time; one untimed warm-up build per case comes first
(it fills jieba's cache file and the OS file cache). Two times are reported per case:
*wall*, the whole process as a user waits for it, and *build*, ``load_config`` + ``build``
measured inside the process (without interpreter start-up and imports).

Cases (every case has its own signgen cache folder in a temporary directory):

- ``default``: the repository's ``mkdocs.yml`` as it is, built again with unchanged inputs:
  the plugin finds the generated site and the site's jieba dictionary in its cache. This is
  every build after the first: ``mkdocs build`` in CI, ``mkdocs serve`` after editing a
  hand-written page.
- ``first``: the same with an empty cache folder each run: the plugin generates everything
  (plaques, PDF and PNG downloads, QR codes), jieba loads its full dictionary, and the
  plugin stores the site and makes the dictionary.
- ``edit``: a build after a spec edit: before each run a comment line is added to a copy of
  ``plaques.yml``, so the site's cache key changes while what it generates does not. The
  plugin generates the site again, with the QR codes, PDF and PNG files read from its memo
  (``signgen.output.memo``), and jieba loads its full dictionary. The smallest spec edit costs this.
- ``plain``: the same pages as plain files, without the plugin. A capture build records
  every page's Markdown as the plugin hands it to MkDocs (after all ``on_page_markdown``
  events) and every other file of the site's source (hand-written and generated); these are
  written to a temporary ``docs/`` and built with the plugin removed from ``plugins``, with
  Material's search given the same cut-down jieba dictionary (``jieba_dict``), so the two
  builds differ only by the plugin. Overhead = (default - plain) / plain.
- ``plain, full dictionary``: the plain pages with jieba's own dictionary, as MkDocs builds
  them without signgen.
- ``no-downloads``: the plugin with ``downloads: false`` and no cache (pages only, no plaque
  files), to show how much of a first build goes into rendering SVG/PDF/PNG downloads.
- ``communities``: the plugin's ``communities`` option pointing at a generated CSV of N
  distinct communities, first build (empty cache).

The first five cases are built in turns (default, plain, plain with the full dictionary,
first build, after a spec edit; then again), so that a machine whose speed drifts slows
each case alike. The minimum is shown too: on a shared machine it is the least disturbed
run.
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
from collections.abc import Callable
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


def timed_builds(name: str, overrides: Callable[[int], dict[str, Any]], runs: int,
                 warm_up: bool = True) -> list[Timing]:
    """A warm-up build (run 0), then ``runs`` timed ones; ``overrides(run)`` configures each."""
    return interleaved({name: overrides}, runs, warm_up)[name]


def interleaved(cases: dict[str, Callable[[int], dict[str, Any]]], runs: int,
                warm_up: bool = True) -> dict[str, list[Timing]]:
    """Builds of several cases taken in turns (a warm-up round first): on a shared machine
    whose speed drifts, each round compares the cases under the same conditions."""
    names = ", ".join(cases)
    print(f"  {names}:", end="", flush=True)
    if warm_up:
        print(" warm-up", end="", flush=True)
        for overrides in cases.values():
            timed_build(overrides(0))
    timings: dict[str, list[Timing]] = {name: [] for name in cases}
    for run in range(1, runs + 1):
        walls = []
        for name, overrides in cases.items():
            timings[name].append(timed_build(overrides(run)))
            walls.append(f"{timings[name][-1].wall:.2f}")
        print(f", run {run} {'/'.join(walls)} s", end="", flush=True)
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


def plugins_with_options(plugins: list[Any], name: str, **values: object) -> list[Any]:
    """A plugins list with options of plugin ``name`` set."""
    out: list[Any] = []
    for entry in plugins:
        if plugin_name(entry) == name:
            options = {} if isinstance(entry, str) else dict(entry[name] or {})
            entry = {name: {**options, **values}}
        out.append(entry)
    return out


def signgen_plugins(cache_dir: Path | None, **values: object) -> dict[str, Any]:
    """Overrides: the signgen plugin with its cache in ``cache_dir`` (None: no cache)."""
    cache: dict[str, object] = ({"cache": False} if cache_dir is None
                                else {"cache_dir": str(cache_dir)})
    return {"plugins": plugins_with_options(raw_plugins(), PLUGIN, **cache, **values)}


def capture_plain_docs(docs_dir: Path, cache_dir: Path) -> tuple[int, int, dict[str, Any]]:
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
        config = load_config(str(MKDOCS_YML), site_dir=site_dir,
                             **signgen_plugins(cache_dir))
        config.plugins["bench-capture"] = CapturePlugin()
        build(config)
    overrides: dict[str, Any] = {"site_name": seen["site_name"]}
    if seen["nav"]:
        overrides["nav"] = seen["nav"]
    added_dirs = [d for d in seen["theme_dirs"] if d not in plain_dirs]
    if added_dirs:
        overrides["theme"] = {**raw_config().get("theme", {}), "custom_dir": added_dirs[0]}
    return counts["pages"], counts["files"], overrides


def edited_specs(folder: Path, run: int) -> dict[str, Any]:
    """Overrides building a copy of the specs (made at run 0) after adding a comment line
    to its plaques.yml: a spec edit that changes no generated file."""
    specs = folder / "specs"
    if not specs.exists():
        shutil.copytree(CORE_SPECS.parent, specs)
    plaques = specs / CORE_SPECS.name / "plaques.yml"
    with plaques.open("a", encoding="utf-8") as f:
        f.write(f"# bench edit {run}\n")
    return signgen_plugins(folder / "cache", specs=str(specs))


# --- a list of many communities ---------------------------------------------------------------


def write_communities(path: Path, count: int) -> None:
    """A CSV of ``count`` distinct communities with the columns the standard's plaques use."""
    from signgen.communities.identity import community_fields
    from signgen.spec.load import load_standard

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
        warm_default = work / "cache-default"
        timed_build(signgen_plugins(warm_default))  # fills the cache and makes the dictionary
        docs = work / "docs"
        pages, files, plugin_settings = capture_plain_docs(docs, warm_default)
        dictionaries = sorted(warm_default.glob("search-*.dict.txt"))
        if len(dictionaries) != 1:
            sys.exit(f"expected one search dictionary in {warm_default}, "
                     f"found {len(dictionaries)}")
        print(f"  plain: {pages} pages and {files} other files captured from the plugin build")
        without = plugins_without_signgen()
        plain = {"docs_dir": str(docs), **plugin_settings}
        plain_same = {**plain, "plugins": plugins_with_options(
            without, "search", jieba_dict=str(dictionaries[0]))}
        results.update(interleaved({
            "default": lambda run: signgen_plugins(warm_default),
            "plain": lambda run: plain_same,
            "plain-full": lambda run: {**plain, "plugins": without},
            "first": lambda run: signgen_plugins(work / f"cache-first-{run}"),
            "edit": lambda run: edited_specs(work / "edited", run),
        }, args.runs))
        results["no-downloads"] = timed_builds(
            "downloads: false, no cache",
            lambda run: signgen_plugins(None, downloads=False), args.runs)

        if args.communities:
            csv_path = work / "communities.csv"
            write_communities(csv_path, args.communities)
            results["communities"] = timed_builds(
                f"{args.communities} communities, first build",
                lambda run: signgen_plugins(work / f"cache-big-{run}",
                                            communities=str(csv_path)),
                max(1, min(args.runs, 3)), warm_up=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'case':<30}{'wall median':>14}{'wall min':>12}{'build median':>14}"
          f"{'wall runs':>24}")
    labels = {"default": "default site (cache warm)", "first": "first build (empty cache)",
              "edit": "after a spec edit",
              "plain": "same pages, no plugin",
              "plain-full": "  ... full jieba dictionary",
              "no-downloads": "downloads: false, no cache",
              "communities": f"{args.communities} communities, first"}
    for case, timings in results.items():
        runs = " ".join(f"{t.wall:.2f}" for t in timings)
        print(f"{labels[case]:<30}{median(timings, 'wall'):>12.2f} s"
              f"{min(t.wall for t in timings):>10.2f} s"
              f"{median(timings, 'build'):>12.2f} s{runs:>24}")
    print()
    wall = {case: median(timings, "wall") for case, timings in results.items()}
    build = {case: median(timings, "build") for case, timings in results.items()}
    print(f"default build: {wall['default']:.2f} s wall "
          f"(target < {TARGET_DEFAULT_S:.0f} s: {_verdict(wall['default'] < TARGET_DEFAULT_S)}); "
          f"first build {wall['first']:.2f} s")
    overhead = (wall["default"] - wall["plain"]) / wall["plain"]
    print(f"plugin overhead: {overhead:+.1%} wall, "
          f"{(build['default'] - build['plain']) / build['plain']:+.1%} build "
          f"(target < {TARGET_OVERHEAD:.0%}: {_verdict(overhead < TARGET_OVERHEAD)}); "
          f"{(wall['default'] - wall['plain-full']) / wall['plain-full']:+.1%} against plain "
          "pages with jieba's full dictionary")
    print(f"first build against plain pages with the full dictionary: "
          f"{(wall['first'] - wall['plain-full']) / wall['plain-full']:+.1%} wall; without "
          f"downloads {(wall['no-downloads'] - wall['plain-full']) / wall['plain-full']:+.1%}; "
          f"after a spec edit {(wall['edit'] - wall['plain-full']) / wall['plain-full']:+.1%}")
    if "communities" in results:
        big_wall = wall["communities"]
        print(f"{args.communities} communities, first build: {big_wall:.2f} s wall, "
              f"{big_wall / wall['first']:.1f}x the default site's first build "
              f"(target < {TARGET_COMMUNITIES_S:.0f} s: "
              f"{_verdict(big_wall < TARGET_COMMUNITIES_S)})")


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


if __name__ == "__main__":
    main()
