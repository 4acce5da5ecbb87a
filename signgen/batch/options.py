"""What a batch renders and where, checked once, up front, before any row is read."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from signgen.artwork.print_files import SHOP_FORMATS, crop_marks_problem
from signgen.errors import SigngenError
from signgen.spec.model import Standard

FORMATS = ("svg", "pdf", "png", *SHOP_FORMATS)  # shop: print PDF (CMYK), DXF, PNG tiles
MAX_JOBS = 32  # a stated cap, whatever the machine; the number of cores caps it first
MAX_PX_PER_MM = 100.0  # PNG resolution: 2540 dpi is beyond any print process


@dataclass(frozen=True)
class BatchOptions:
    """What to render for each community and where."""

    out_dir: Path
    specs_dir: Path = Path("specs")
    standard_id: str | None = None
    formats: tuple[str, ...] = ("svg",)
    outline: bool = True
    allow_small: bool = False
    fonts_dir: Path | None = None
    origin: str | None = None  # for rows without one; None: the standard's first origin
    px_per_mm: float = 2.0
    crop_marks: bool = False  # print-pdf: crop marks outside the bleed


def max_jobs() -> int:
    """The most worker processes a batch may start: the cores this process may use, at
    most :data:`MAX_JOBS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def check_options(options: BatchOptions, standard: Standard, jobs: int) -> None:
    """Every option's value and range, all problems at once.

    Raises:
        SigngenError: unknown formats, ``--jobs`` outside 1 to the
            number of cores, ``--px-per-mm`` not a finite number in (0, 100], an unknown
            ``--origin``, ``--crop-marks`` without ``print-pdf``.
    """
    problems: list[str] = []
    bad = [f for f in options.formats if f not in FORMATS]
    if bad or not options.formats:
        problems.append(f"--formats: expected a comma-separated list of {', '.join(FORMATS)}, "
                        f"got {','.join(options.formats)!r}")
    most = max_jobs()
    if not 1 <= jobs <= most:
        problems.append(f"--jobs: expected 1 to {most} (the CPU cores this process may use, "
                        f"at most {MAX_JOBS}), got {jobs}")
    px = options.px_per_mm
    if not (isinstance(px, int | float) and math.isfinite(px) and 0 < px <= MAX_PX_PER_MM):
        problems.append(f"--px-per-mm: expected a number above 0 and at most "
                        f"{MAX_PX_PER_MM:g}, got {px}")
    marks = crop_marks_problem(options.formats, options.crop_marks)
    if marks is not None:  # the render service's own check, made before any row is read
        problems.append(marks)
    if options.origin is not None and not any(options.origin in (o.id, o.name)
                                              for o in standard.origins):
        known = ", ".join(f"{o.id} ({o.name})" for o in standard.origins)
        problems.append(f"--origin: expected one of {known}, got {options.origin!r}")
    if problems:
        raise SigngenError("\n".join(problems))
