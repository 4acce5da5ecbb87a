"""Benchmark: outlined plaques per second, against a naive outliner and Inkscape.

Renders N communities (distinct generated names drawn from real place-name characters) ×
the outdoor plaques of the core standard as outlined SVG (layout + outlines, in memory), and
in the same run:

- a naive baseline: the same layouts, every glyph outlined afresh with fontTools
  (``TransformPen(SVGPathPen(glyphset), (s, 0, 0, -s, x, y))``), no path cache;
- Inkscape, if installed: the ``<text>`` SVGs of a sample of the plaques, converted to paths
  in one ``inkscape --shell`` session (``export-text-to-path``, ``export-plain-svg``).

Not a test: figures depend on the machine and its load. Run from the repository root:

    .venv/bin/python bench/bench_plaques.py --communities 300
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import logging
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from signgen.batch.run import BatchOptions, CommunityRenderer
from signgen.fonts.book import FontBook
from signgen.output.numbers import mm
from signgen.plaque.layout import PlaqueGeometry, plaque_layout
from signgen.plaque.svg import plaque_svg
from signgen.plaque.text import plaque_text
from signgen.spec.model import Standard
from signgen.spec.select import load_selected

# AR PL's fonts carry padding after their glyf data, which fontTools logs on every read.
logging.getLogger("fontTools.ttLib.tables._g_l_y_f").setLevel(logging.ERROR)

# Characters common in Chinese district, street and community names.
PLACE_CHARS = ("东西南北中新老城湖山河江海港桥园林花洲塘湾坪岗岭峰溪泉井口门关头"
               "阳光明华兴隆盛昌安康宁和平太福寿泰丰顺永长青红金银玉龙凤鹤云霞"
               "建设民生团结胜利解放人民文化友谊幸福光荣前进向上朝晖春秋夏冬"
               "东湖百彭家杨李王张刘陈黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐"
               "许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟"
               "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺")


def community_values(count: int, seed: int = 20240601) -> list[dict[str, str]]:
    """``count`` distinct communities with generated full names."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    while len(out) < count:
        district = "".join(rng.choices(PLACE_CHARS, k=2)) + "区"
        street = "".join(rng.choices(PLACE_CHARS, k=rng.choice((2, 3)))) + "街道"
        community = "".join(rng.choices(PLACE_CHARS, k=rng.choice((2, 3)))) + "社区"
        if community in seen:
            continue
        seen.add(community)
        out.append({"district": district, "street": street, "community": community,
                    "party_org": rng.choice(("党总支", "党支部"))})
    return out


def layouts(standard: Standard, fonts: FontBook, plaque_ids: list[str],
            communities: list[dict[str, str]]) -> list[PlaqueGeometry]:
    """Lay out every plaque for every community (too long names get small letters)."""
    return [plaque_layout(standard, plaque_text(standard, pid, values), fonts,
                          allow_small=True, community=values["community"])
            for values in communities for pid in plaque_ids]


def render_all(standard: Standard, fonts: FontBook, plaque_ids: list[str],
               communities: list[dict[str, str]]) -> int:
    """Layout and outlined SVG of every plaque; returns the bytes produced."""
    total = 0
    for values in communities:
        for pid in plaque_ids:
            text = plaque_text(standard, pid, values)
            geometry = plaque_layout(standard, text, fonts, allow_small=True,
                                     community=values["community"])
            total += len(plaque_svg(geometry, standard, fonts, outline=True))
    return total


def naive_glyphsets(fonts: FontBook) -> dict[str, tuple[Any, list[str]]]:
    """Each face loaded so far opened with fontTools: its glyph set and glyph order."""
    found = {}
    for face in fonts.loaded():
        font = TTFont(face.file, fontNumber=face.index, lazy=True)
        found[face.key] = (font.getGlyphSet(), font.getGlyphOrder())
    return found


def naive_svg(geometry: PlaqueGeometry, fonts: FontBook,
              glyphsets: dict[str, tuple[Any, list[str]]]) -> str:
    """Outline every glyph afresh with fontTools, transformed into mm: no outline cache."""
    parts = []
    for glyph in geometry.glyphs:
        face = fonts.face(glyph.face)
        glyphset, names = glyphsets[glyph.face]
        s = glyph.size_mm / face.units_per_em
        pen = SVGPathPen(glyphset, ntos=mm)
        glyphset[names[glyph.glyph]].draw(TransformPen(pen, (s, 0, 0, -s, glyph.x_mm,
                                                             glyph.baseline_mm)))
        parts.append(f'<path d="{pen.getCommands()}"/>')
    return "\n".join(parts)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def inkscape_session(script: str) -> tuple[float, float]:
    """(wall, CPU) seconds an ``inkscape --shell`` session takes to run ``script``."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(["inkscape", "--shell"], input=script, text=True, capture_output=True,
                   check=False, timeout=3600)
    return time.perf_counter() - start, _children_cpu() - cpu


def inkscape_convert(svgs: list[str], workdir: Path) -> tuple[float, float, int]:
    """Convert SVGs to outlined plain SVG in one inkscape --shell session.

    Returns wall seconds, CPU seconds and how many outputs have no ``<text>`` left.
    """
    commands = []
    outputs = []
    for i, svg in enumerate(svgs):
        src, dst = workdir / f"in-{i}.svg", workdir / f"out-{i}.svg"
        src.write_text(svg, encoding="utf-8")
        outputs.append(dst)
        commands.append(f"file-open:{src}; export-text-to-path; export-plain-svg; "
                        f"export-filename:{dst}; export-do; file-close")
    seconds, cpu = inkscape_session("\n".join([*commands, "quit", ""]))
    ok = sum(1 for p in outputs if p.exists() and "<text" not in p.read_text(encoding="utf-8"))
    return seconds, cpu, ok


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communities", type=int, default=300)
    parser.add_argument("--specs", type=Path, default=Path("specs"))
    parser.add_argument("--naive-communities", type=int, default=50,
                        help="communities for the naive baseline (it is slow)")
    parser.add_argument("--inkscape-communities", type=int, default=30,
                        help="communities converted by Inkscape (0: skip)")
    parser.add_argument("--profile", action="store_true", help="cProfile the cached run")
    args = parser.parse_args()

    standard = load_selected(args.specs)
    plaque_ids = [p.id for p in standard.plaques if p.kind == "outdoor" and p.repeat == "once"]
    communities = community_values(args.communities)
    n = len(communities) * len(plaque_ids)

    # Start the way `signgen batch` does: its renderer makes the font book, then each role's
    # faces are found (fc-list, name tables). No glyph is drawn, measured or kerned before
    # the first pass. The process's first full garbage collection, which walks all that
    # imports and spec loading made, comes once wherever the collector's thresholds put it
    # (it would land in the first pass): run it here, with the set-up, and say so.
    start, cpu = time.perf_counter(), time.process_time() + _children_cpu()  # fc-list too
    with tempfile.TemporaryDirectory(prefix="bench-plaques-") as tmp:
        fonts = CommunityRenderer(standard, BatchOptions(out_dir=Path(tmp))).fonts
    for typeface in standard.typefaces:
        fonts.faces(typeface.id)
    gc.collect()
    font_load = time.perf_counter() - start
    font_load_cpu = time.process_time() + _children_cpu() - cpu

    start, cpu = time.perf_counter(), time.process_time()
    size = render_all(standard, fonts, plaque_ids, communities)
    cold, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    start, cpu = time.perf_counter(), time.process_time()
    render_all(standard, fonts, plaque_ids, communities)
    warm, warm_cpu = time.perf_counter() - start, time.process_time() - cpu
    if profiler:
        profiler.disable()
    glyphs = sum(len(fonts.face(k)._paths) for k in {f.key for f in fonts.loaded()})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before fontTools'

    naive_set = communities[:args.naive_communities]
    naive_n = len(naive_set) * len(plaque_ids)
    geometries = layouts(standard, fonts, plaque_ids, naive_set)
    glyphsets = naive_glyphsets(fonts)  # fonts parsed before timing, as signgen's are
    start, cpu = time.perf_counter(), time.process_time()
    for values, geometry in zip((v for v in naive_set for _ in plaque_ids), geometries,
                                strict=True):
        text = plaque_text(standard, geometry.plaque_id, values)
        plaque_layout(standard, text, fonts, allow_small=True, community=values["community"])
        naive_svg(geometry, fonts, glyphsets)
    naive, naive_cpu = time.perf_counter() - start, time.process_time() - cpu
    naive_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rate, warm_rate, naive_rate = n / cold_cpu, n / warm_cpu, naive_n / naive_cpu
    print(f"plaques: {len(communities)} communities x {len(plaque_ids)} outdoor plaques "
          f"= {n}, outlined SVG, {size / n / 1024:.1f} KB each on average")
    print("rates are per CPU second of this process (one core); wall-clock time in brackets")
    print(f"set-up (font discovery: fc-list, name tables; first full garbage collection; once a "
          f"process): cpu {font_load_cpu:.2f} s, wall {font_load:.2f} s")
    print(f"signgen, glyph caches filling: {rate:,.0f} plaques/s (cpu {cold_cpu:.2f} s, "
          f"wall {cold:.2f} s; {glyphs} distinct glyph outlines cached; first pass over a "
          f"fresh font book; {n / (cold_cpu + font_load_cpu):,.0f}/s with the set-up)")
    print(f"signgen, caches warm:          {warm_rate:,.0f} plaques/s (cpu {warm_cpu:.2f} s, "
          f"wall {warm:.2f} s)")
    print(f"naive fontTools, no cache:     {naive_rate:,.0f} plaques/s ({naive_n} plaques, cpu "
          f"{naive_cpu:.2f} s, wall {naive:.2f} s; same layout, fonts already parsed) -> "
          f"signgen warm is {warm_rate / naive_rate:.1f}x")
    print(f"peak memory (max RSS): signgen {peak_mb:.0f} MB; {naive_peak_mb:.0f} MB after the "
          f"naive baseline parsed the fonts with fontTools")

    if args.inkscape_communities > 0 and shutil.which("inkscape"):
        sample = communities[:args.inkscape_communities]
        svgs = [plaque_svg(g, standard, fonts, outline=False)
                for g in layouts(standard, fonts, plaque_ids, sample)]
        _, startup = inkscape_session("quit\n")
        with tempfile.TemporaryDirectory(prefix="bench-inkscape-") as tmp:
            seconds, ink_cpu, ok = inkscape_convert(svgs, Path(tmp))
        ink_rate = len(svgs) / ink_cpu
        ink_steady = len(svgs) / max(ink_cpu - startup, 1e-9)
        print(f"inkscape --shell, text to path: {ink_rate:,.1f} plaques/s ({len(svgs)} plaques, "
              f"cpu {ink_cpu:.2f} s incl. {startup:.2f} s start-up, wall {seconds:.2f} s; "
              f"{ok} converted; {ink_steady:,.1f}/s without start-up)")
        print(f"  -> signgen (caches filling) is {rate / ink_rate:.0f}x, "
              f"{rate / ink_steady:.0f}x without Inkscape's start-up; "
              f"warm {warm_rate / ink_steady:.0f}x")
    elif args.inkscape_communities > 0:
        print("inkscape not installed: comparison skipped")
    if profiler:
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
