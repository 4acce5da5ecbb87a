"""Compare this tree's speed with a base revision's, in the same run (not a test).

Exports the base revision (``git archive``, default ``main``) to a temporary folder, then
runs one of this tree's benchmarks (``bench_plaques.py`` or ``bench_batch.py``: the same
measuring script for both) on the base tree's code and on this one's in turns (base first
in odd rounds, this tree first in even ones, so a machine whose load drifts slows both
alike), each run a fresh process with its tree on ``PYTHONPATH`` and in its folder (its
own ``specs/``). Reports each figure's median and range per tree and
the ratio of the medians (this tree / base; above 1 is faster for rates, slower for costs).

    .venv/bin/python bench/bench_compare.py --rounds 5 plaques -- --communities 300
    .venv/bin/python bench/bench_compare.py --base HEAD~3 batch -- --n 1000 --formats-n 0

Figures on a shared machine are noisy: the medians of several rounds are what to quote.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PLAQUE_FIGURES = {
    "cold plaques/s": r"glyph caches filling: ([\d,.]+) plaques/s",
    "warm plaques/s": r"caches warm: +([\d,.]+) plaques/s",
    "inkscape plaques/s": r"inkscape --shell, text to path: ([\d,.]+) plaques/s",
    "cold / inkscape": r"signgen \(caches filling\) is ([\d,.]+)x",
    "warm / inkscape (no start-up)": r"; warm ([\d,.]+)x",
}


def plaque_figures(output: str) -> dict[str, float]:
    """The rates ``bench_plaques.py`` prints, by name.

    >>> plaque_figures("signgen, caches warm:          7,012 plaques/s (cpu 0.13 s")
    {'warm plaques/s': 7012.0}
    """
    found = {}
    for name, pattern in _PLAQUE_FIGURES.items():
        match = re.search(pattern, output)
        if match:
            found[name] = float(match.group(1).replace(",", ""))
    return found


def batch_figures(output: str) -> dict[str, float]:
    """Rates, peaks and per-file costs from ``bench_batch.py``'s JSON lines, by name.

    >>> batch_figures('{"jobs": 2, "communities_per_s": 78.6, "sum_of_peaks_mb": 220.0}')
    {'jobs 2 communities/s': 78.6, 'jobs 2 sum of peaks MB': 220.0}
    """
    found = {}
    for line in output.splitlines():
        if not line.startswith("{"):
            continue
        row = json.loads(line)
        if "jobs" in row:
            prefix = f"jobs {row['jobs']}"
            for key, name in (("communities_per_s", "communities/s"),
                              ("communities_per_cpu_s", "communities/CPU s"),
                              ("plaques_per_s", "plaques/s"),
                              ("sum_of_peaks_mb", "sum of peaks MB"),
                              ("total_pss_peak_mb", "peak PSS MB")):
                if key in row:
                    found[f"{prefix} {name}"] = float(row[key])
        elif "format" in row:
            found[f"{row['format']} ms/file"] = float(row["ms_per_file"])
    return found


BENCHES: dict[str, tuple[str, Callable[[str], dict[str, float]]]] = {
    "plaques": ("bench_plaques.py", plaque_figures),
    "batch": ("bench_batch.py", batch_figures),
}


def export_tree(revision: str, folder: Path) -> Path:
    """The files of ``revision`` of this repository, written under ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision],
                             check=True, capture_output=True).stdout
    tree = folder / "base"
    tree.mkdir()
    archive_path = folder / "base.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(tree, filter="data")
    return tree


def run_bench(tree: Path, script: str, args: list[str]) -> str:
    """One run of this tree's ``script`` on ``tree``'s code and specs; its standard output."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=tree,
                          env=env, check=True, capture_output=True, text=True)
    return done.stdout


def summary(name: str, base: list[float], new: list[float]) -> str:
    """One line: median [min-max] of each tree, and the ratio of the medians."""
    def cell(values: list[float]) -> str:
        if not values:
            return "-"
        return (f"{statistics.median(values):,.1f} [{min(values):,.1f}-{max(values):,.1f}]")
    ratio = (f"{statistics.median(new) / statistics.median(base):.2f}"
             if base and new and statistics.median(base) else "-")
    return f"{name:34} base {cell(base):28} this {cell(new):28} this/base {ratio}"


def main() -> None:
    """Run the benchmark for both trees in turns and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("bench", choices=sorted(BENCHES))
    parser.add_argument("args", nargs=argparse.REMAINDER,
                        help="arguments for the benchmark, after --")
    args = parser.parse_args()
    script, figures_of = BENCHES[args.bench]
    bench_args = args.args[1:] if args.args[:1] == ["--"] else args.args
    with tempfile.TemporaryDirectory(prefix="signgen-compare-") as tmp:
        trees = {"base": export_tree(args.base, Path(tmp)), "this": ROOT}
        results: dict[str, dict[str, list[float]]] = {"base": {}, "this": {}}
        for n in range(args.rounds):
            for label in ("base", "this") if n % 2 == 0 else ("this", "base"):
                figures = figures_of(run_bench(trees[label], script, bench_args))
                for key, value in figures.items():
                    results[label].setdefault(key, []).append(value)
                print(f"round {n + 1} {label}: {json.dumps(figures)}", flush=True)
    print(f"{args.bench}: {args.rounds} rounds, base {args.base}, this {ROOT}")
    names = list(dict.fromkeys([*results["base"], *results["this"]]))
    for name in names:
        print(summary(name, results["base"].get(name, []), results["this"].get(name, [])))


if __name__ == "__main__":
    main()
