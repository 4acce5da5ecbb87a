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
    .venv/bin/python bench/bench_batch.py --n 0 --formats-n 100   # per-file cost of each format

It also reports the per-file cost (CPU ms, KB) of the print formats against the outlined
SVG: the print PDF (PDF/X-4 in CMYK) and the cut-letter DXF.

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

SPECS = Path("specs")  # of the tree the benchmark is run from (its working directory)
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


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_once(source: Path, out: Path, jobs: int) -> dict[str, float]:
    """Render ``source`` into ``out`` in this process; time, CPU and memory figures.

    CPU is this process's and its workers' (and fc-list's, once): on a machine shared with
    other jobs, communities per CPU second is steadier than per wall-clock second.
    """
    from signgen.batch.run import BatchOptions, run_batch

    sampler = Sampler()
    sampler.start()
    start, cpu = time.perf_counter(), _cpu_seconds()
    summary = run_batch(source, BatchOptions(out_dir=out, specs_dir=SPECS.resolve(),
                                             formats=("svg",), outline=True), jobs=jobs)
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    sampler.stopping.set()
    sampler.join()
    parent_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    done, plaques = summary.done, summary.plaques
    return {
        "jobs": jobs, "communities": done, "failed": len(summary.failed),
        "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
        "communities_per_s": round(done / seconds, 2),
        "communities_per_cpu_s": round(done / cpu, 2),
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


def per_file_costs(n: int, seed: int = 0) -> dict[str, dict[str, float]]:
    """CPU ms and KB per file of each print format, on the plaques of ``n`` communities.

    The plaques the batch makes per community, laid out once; then each format timed on its
    own over all of them (a warm-up pass first, so caches are filled as in a long batch):
    the outlined SVG the batch writes today (the baseline), the print PDF (PDF/X-4, CMYK,
    pikepdf) and the cut-letter DXF (ezdxf). In this process, one core.
    """
    from signgen.artwork.dxf import plaque_dxf
    from signgen.artwork.print_pdf import print_pdfs
    from signgen.batch.run import batch_plaques
    from signgen.fonts.book import FontBook
    from signgen.plaque.layout import plaque_layout
    from signgen.plaque.svg import plaque_svg
    from signgen.plaque.text import plaque_text
    from signgen.spec.select import load_selected

    work = Path(tempfile.mkdtemp(prefix="signgen-bench-"))
    try:
        source = work / "communities.csv"
        communities_csv(source, n, seed)
        rows = [dict(zip(("district", "street", "community", "party_org"), line.split(","),
                         strict=True))
                for line in source.read_text(encoding="utf-8").splitlines()[1:]]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    standard = load_selected(SPECS, None)
    fonts = FontBook(standard)
    geometries = [plaque_layout(standard, plaque_text(standard, plaque_id, row), fonts,
                                allow_small=True, community=row["community"])
                  for row in rows for plaque_id in batch_plaques(standard)]
    makers = {
        "svg-outlined": lambda g: [plaque_svg(g, standard, fonts, outline=True).encode()],
        "print-pdf": lambda g: [f.data for f in print_pdfs(g, standard, fonts)],
        "dxf": lambda g: [plaque_dxf(g, standard, fonts)],
    }
    figures = {}
    for name, make in makers.items():
        for g in geometries[:8]:
            make(g)  # warm-up: glyph caches, imports
        start = time.process_time()
        sizes = [len(data) for g in geometries for data in make(g)]
        seconds = time.process_time() - start
        figures[name] = {"files": len(sizes), "ms_per_file": round(1000 * seconds / len(sizes), 2),
                         "kb_per_file": round(sum(sizes) / len(sizes) / 1024, 1)}
    base = figures["svg-outlined"]["ms_per_file"]
    for values in figures.values():
        values["x_svg"] = round(values["ms_per_file"] / base, 1)
    return figures


def main() -> None:
    """Generate the communities, run each --jobs value in a fresh process, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="communities (default 1000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the output under this folder (default: deleted)")
    parser.add_argument("--one", nargs=3, metavar=("CSV", "OUT", "JOBS"),
                        help=argparse.SUPPRESS)  # internal: one run, JSON on stdout
    parser.add_argument("--formats-n", type=int, default=100,
                        help="communities for the per-file cost of each print format "
                             "(default 100; 0 skips it)")
    args = parser.parse_args()
    if args.one:
        source, out, jobs = args.one
        print(json.dumps(run_once(Path(source), Path(out), int(jobs))))
        return
    work = Path(tempfile.mkdtemp(prefix="signgen-bench-"))
    try:
        source = work / "communities.csv"
        communities_csv(source, args.n)
        if args.n:
            print(f"{args.n} communities, outlined SVG only; machine shared, figures noisy")
        for jobs in (int(j) for j in args.jobs.split(",") if args.n):
            out = (args.keep or work) / f"jobs{jobs}"
            done = subprocess.run([sys.executable, __file__, "--one", str(source), str(out),
                                   str(jobs)], check=True, capture_output=True, text=True)
            print(json.dumps(json.loads(done.stdout.strip().splitlines()[-1])))
            if args.keep is None:
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.formats_n:
        print(f"per-file cost of each format, {args.formats_n} communities' plaques, "
              "CPU of one process (x_svg: against the outlined SVG)")
        for name, values in per_file_costs(args.formats_n).items():
            print(json.dumps({"format": name, **values}))


if __name__ == "__main__":
    main()
