"""Benchmark ``signgen batch``: communities/s, plaques/s and peak memory (not a test).

Generates N communities with made-up names, renders them (outlined SVG only) with
``--jobs 1`` and ``--jobs 2``, each configuration in a fresh process, and reports time and
memory: the parent's and the largest worker's peak RSS (``getrusage``); the peak of
parent + workers together, sampled from /proc every 0.1 s, as RSS (counts the font files'
shared pages once per process) and as PSS (shares them out: the memory really used); and
``sum_of_peaks_mb``, the parent's peak RSS plus each worker's own peak (``VmHWM`` in
/proc/PID/status, which the kernel keeps, so sampling cannot miss it): an upper bound of
the summed RSS, as if every process peaked at the same moment.

    .venv/bin/python bench/bench_batch.py              # 1,000 communities
    .venv/bin/python bench/bench_batch.py --n 10000    # the 500 MB target (about 6 GB of output)
    .venv/bin/python bench/bench_batch.py --jobs 2 --keep out/bench

Figures on a shared machine are noisy: run it alone, and more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A pool of common characters for made-up place names (names vary, like real ones).
HAN = ("东西南北中新和平安康泰丰华阳光明团结长山满达兴盛福瑞祥云龙凤花园湖江河桥"
       "林松柏青红金银建设文化春秋民友爱德胜利永宁昌盛嘉禾锦绣翠苑景怡沁")


def communities_csv(path: Path, n: int, seed: int = 0) -> None:
    """Write ``n`` communities with varied names: 10 districts, 10 streets each."""
    rng = random.Random(seed)
    lines = ["district,street,community,party_org"]
    used: set[tuple[str, str, str]] = set()
    while len(lines) <= n:
        district = f"{''.join(rng.sample(HAN, 2))}区"
        street = f"{''.join(rng.sample(HAN, 2))}街道"
        community = f"{''.join(rng.sample(HAN, rng.choice((2, 3, 4))))}社区"
        key = (district, street, community)
        if key in used:
            continue
        used.add(key)
        lines.append(f"{district},{street},{community},{rng.choice(('党支部', '党总支'))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in kB; PSS shares each shared page among its users."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _peak_rss_kb(pid: int) -> int:
    """The peak RSS of a process so far (VmHWM), in kB; 0 once it has gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as handle:
                children = [int(c) for c in handle.read().split()]
        except OSError:
            children = []
        found += children
        todo += children
    return found


class Sampler(threading.Thread):
    """Samples the summed RSS and PSS of this process and its descendants; keeps the peaks."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.child_peaks_kb: dict[int, int] = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stopping.wait(0.1):
            children = _descendants(me)
            figures = [_memory_kb(p) for p in [me, *children]]
            self.peak_rss_kb = max(self.peak_rss_kb, sum(r for r, _ in figures))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(p for _, p in figures))
            for child in children:
                peak = max(self.child_peaks_kb.get(child, 0), _peak_rss_kb(child))
                self.child_peaks_kb[child] = peak


def run_once(source: Path, out: Path, jobs: int) -> dict[str, float]:
    """Render ``source`` into ``out`` in this process; time and memory figures."""
    from signgen.batch.run import BatchOptions, run_batch

    sampler = Sampler()
    sampler.start()
    start = time.perf_counter()
    summary = run_batch(source, BatchOptions(out_dir=out, specs_dir=ROOT / "specs",
                                             formats=("svg",), outline=True), jobs=jobs)
    seconds = time.perf_counter() - start
    sampler.stopping.set()
    sampler.join()
    parent_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    done, plaques = summary.done, summary.plaques
    return {
        "jobs": jobs, "communities": done, "failed": len(summary.failed),
        "seconds": round(seconds, 1),
        "communities_per_s": round(done / seconds, 2),
        "plaques_per_s": round(plaques / seconds, 2),
        "parent_peak_mb": round(parent_kb / 1024, 1),
        # the workers seen by the sampler (none with --jobs 1); ru_maxrss of RUSAGE_CHILDREN
        # would also count the short-lived fc-list that font discovery runs
        "largest_worker_peak_mb": round(max(sampler.child_peaks_kb.values(), default=0) / 1024,
                                        1),
        "total_rss_peak_mb": round(sampler.peak_rss_kb / 1024, 1),
        "total_pss_peak_mb": round(sampler.peak_pss_kb / 1024, 1),
        "sum_of_peaks_mb": round((parent_kb + sum(sampler.child_peaks_kb.values())) / 1024, 1),
    }


def main() -> None:
    """Generate the communities, run each --jobs value in a fresh process, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="communities (default 1000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the output under this folder (default: deleted)")
    parser.add_argument("--one", nargs=3, metavar=("CSV", "OUT", "JOBS"),
                        help=argparse.SUPPRESS)  # internal: one run, JSON on stdout
    args = parser.parse_args()
    if args.one:
        source, out, jobs = args.one
        print(json.dumps(run_once(Path(source), Path(out), int(jobs))))
        return
    work = Path(tempfile.mkdtemp(prefix="signgen-bench-"))
    try:
        source = work / "communities.csv"
        communities_csv(source, args.n)
        print(f"{args.n} communities, outlined SVG only; machine shared, figures noisy")
        for jobs in (int(j) for j in args.jobs.split(",")):
            out = (args.keep or work) / f"jobs{jobs}"
            done = subprocess.run([sys.executable, __file__, "--one", str(source), str(out),
                                   str(jobs)], check=True, capture_output=True, text=True)
            print(json.dumps(json.loads(done.stdout.strip().splitlines()[-1])))
            if args.keep is None:
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
