"""Render every community of a communities file: plaques, drawings, elevation, one zip each.

Rows stream from :func:`signgen.communities.rows.read_communities`; each good row is rendered into
a private temporary folder which is renamed into place only when complete, so a failing row
never leaves a half-written folder and never stops the others. With ``jobs > 1`` rows go to
a process pool (each worker loads the standard and fonts once) a few chunks at a time, so
memory stays bounded however long the file is. The summary (also ``summary.json``) lists
what was done, the fit warnings and the failed rows with their line numbers.
"""

from __future__ import annotations

import io
import itertools
import json
import multiprocessing
import os
import shutil
import tempfile
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signgen.communities.identity import FolderNames, community_fields
from signgen.communities.rows import CommunityRow, RowProblem, open_communities
from signgen.drawings.elevation import entrance_elevation, entrance_plaques
from signgen.drawings.elevation_svg import elevation_title, render_elevation
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.files import safe_join, write_atomic
from signgen.output.raster import svg_to_pdf
from signgen.plaque.render import render_plaque
from signgen.spec.model import Standard
from signgen.spec.select import load_selected
from signgen.spec.template import plaque_fields

FORMATS = ("svg", "pdf", "png")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CHUNK = 4  # rows per task sent to a worker
WINDOW = 2  # chunks in flight per worker
SUMMARY = "summary.json"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


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


@dataclass(frozen=True)
class Task:
    """A good row and the folder name the parent chose for it."""

    row: CommunityRow
    folder: str


@dataclass(frozen=True)
class CommunityResult:
    """What happened to one row."""

    file: str
    line: int
    name: str
    folder: str = ""
    plaques: int = 0
    files: int = 0
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class BatchSummary:
    """Counts and lists for the end of a batch; :meth:`to_json` is deterministic.

    Each row is kept only as its line of JSON, and only failed rows and warnings as
    objects, so that the summary of a long file stays small.
    """

    source: str
    standard: str
    formats: tuple[str, ...]
    skipped_plaques: list[dict[str, str]]
    communities: int = 0
    done: int = 0
    plaques: int = 0
    files: int = 0
    failed: list[CommunityResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _rows: list[str] = field(default_factory=list, repr=False)

    def add(self, result: CommunityResult) -> None:
        """Count one row's result (rows arrive in file order)."""
        self.communities += 1
        if result.ok:
            self.done += 1
            self.plaques += result.plaques
            self.files += result.files
        else:
            self.failed.append(result)
        self.warnings += result.warnings
        self._rows.append(json.dumps(
            {"line": result.line, "community": result.name, "folder": result.folder,
             "plaques": result.plaques, "files": result.files,
             "warnings": list(result.warnings), "errors": list(result.errors)},
            ensure_ascii=False, sort_keys=True))

    @property
    def exit_code(self) -> int:
        """0 when every row was rendered, 1 when some failed."""
        return 1 if self.failed else 0

    def to_json(self) -> str:
        """The summary as JSON: counts first, then one line per row; no times."""
        head: dict[str, Any] = {
            "source": self.source, "standard": self.standard, "formats": list(self.formats),
            "communities": self.communities, "done": self.done, "failed": len(self.failed),
            "plaques": self.plaques, "files": self.files, "warnings": len(self.warnings),
            "skipped_plaques": self.skipped_plaques,
        }
        text = json.dumps(head, ensure_ascii=False, indent=1, sort_keys=True)
        rows = ",\n  ".join(self._rows)
        return f'{text[:-2]},\n "rows": [\n  {rows}\n ]\n}}\n' if rows else \
            f'{text[:-2]},\n "rows": []\n}}\n'


def batch_plaques(standard: Standard) -> list[str]:
    """The plaques made for every community: those the standard sets once per community."""
    return [p.id for p in standard.plaques if p.repeat == "once"]


def skipped_plaques(standard: Standard) -> list[dict[str, str]]:
    """The plaques a batch cannot make: one per window, room or board needs a plan."""
    return [{"plaque": p.id, "name": p.name, "repeat": p.repeat,
             "reason": f"made {p.repeat.replace('_', ' ')} from a plan, not from the "
                       "communities file"}
            for p in standard.plaques if p.repeat != "once"]


def zip_folder(folder: str, files: Iterable[tuple[str, bytes]]) -> bytes:
    """A deterministic zip of ``files`` under ``folder/``: sorted, fixed date and mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Plaque:
    """One rendered plaque: its files, size in mm, SVG as asked, outlined SVG, warnings."""

    files: list[tuple[str, bytes]]
    size: tuple[float, float]
    svg: str
    outlined: str
    warnings: tuple[str, ...]


class CommunityRenderer:
    """Renders communities into the output folder; one per process, fonts loaded once."""

    def __init__(self, standard: Standard, options: BatchOptions) -> None:
        self.standard = standard
        self.options = options
        self.fonts = FontBook(standard, options.fonts_dir)
        self.plaques = batch_plaques(standard)
        self.entrance = set(entrance_plaques(standard).values())
        self.origin = options.origin or (standard.origins[0].id if standard.origins else "")
        fixed = {f.id for f in community_fields(standard)}
        self._fixed = {p.id for p in standard.plaques
                       if not fixed.intersection(plaque_fields(p))}
        self._cache: dict[str, _Plaque] = {}

    def render(self, item: Task | RowProblem) -> CommunityResult:
        """Render one task into its folder and zip; a row problem is passed through."""
        if isinstance(item, RowProblem):
            return CommunityResult(item.file, item.line, item.name, errors=tuple(item.messages()))
        row = item.row
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.options.out_dir))
        tmp.chmod(0o777 & ~_UMASK)  # mkdtemp makes it private; the result is for sharing
        try:
            files, plaques, warnings = self._files(row)
            for name, data in files:
                write_atomic(tmp / name, data)
            archive = zip_folder(item.folder, files)
            _replace_folder(tmp, safe_join(self.options.out_dir, item.folder))
            write_atomic(safe_join(self.options.out_dir, f"{item.folder}.zip"), archive)
        except SigngenError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            return CommunityResult(row.file, row.line, row.name,
                                   errors=(f"{row.file}:{row.line}: {exc.format_message()}",))
        except Exception as exc:  # one row's surprise must not stop the others
            shutil.rmtree(tmp, ignore_errors=True)
            return CommunityResult(row.file, row.line, row.name, errors=(
                f"{row.file}:{row.line}: internal error: {type(exc).__name__}: {exc}",))
        return CommunityResult(row.file, row.line, row.name, item.folder, plaques,
                               len(files) + 1, tuple(warnings))

    def _plaque_files(self, plaque_id: str, row: CommunityRow) -> _Plaque:
        """One plaque's files, size and SVGs; cached when no field changes it."""
        cached = self._cache.get(plaque_id)
        if cached is not None:
            return cached
        std, opts = self.standard, self.options
        svg_kind = "svg-outlined" if opts.outline else "svg"
        formats = [svg_kind, "svg-outlined", "drawing" if opts.outline else "drawing-text"]
        formats += [f for f in ("pdf", "png") if f in opts.formats]
        if "pdf" in opts.formats:
            formats.append("drawing-pdf")
        rendered = render_plaque(std, self.fonts, plaque_id, row.values, tuple(formats),
                                 allow_small=opts.allow_small, px_per_mm=opts.px_per_mm,
                                 community=row.name)
        rendered.raise_if_refused()
        geometry, made = rendered.geometry, rendered.files
        files: list[tuple[str, bytes]] = []
        if "svg" in opts.formats:
            files.append((f"{plaque_id}.svg", made[svg_kind]))
        files += [(f"{plaque_id}.{fmt}", made[fmt]) for fmt in ("pdf", "png")
                  if fmt in opts.formats]
        files.append((f"{plaque_id}.drawing.svg", made[formats[2]]))
        if "pdf" in opts.formats:
            files.append((f"{plaque_id}.drawing.pdf", made["drawing-pdf"]))
        svg = rendered.svg(outline=opts.outline)
        outlined = rendered.svg(outline=True)
        found = _Plaque(files, (geometry.width_mm, geometry.height_mm), svg, outlined,
                        rendered.warnings)
        if plaque_id in self._fixed:
            self._cache[plaque_id] = found
        return found

    def _files(self, row: CommunityRow) -> tuple[list[tuple[str, bytes]], int, list[str]]:
        files: list[tuple[str, bytes]] = []
        warnings: list[str] = []
        sizes: dict[str, tuple[float, float]] = {}
        svgs: dict[str, str] = {}
        outlined: dict[str, str] = {}
        for plaque_id in self.plaques:
            plaque = self._plaque_files(plaque_id, row)
            files += plaque.files
            warnings += [f"{row.file}:{row.line}: {w}" for w in plaque.warnings]
            if plaque_id in self.entrance:
                sizes[plaque_id] = plaque.size
                svgs[plaque_id], outlined[plaque_id] = plaque.svg, plaque.outlined
        if self.entrance:
            elevation = entrance_elevation(
                self.standard, sizes, origin=row.origin or self.origin,
                door_width_mm=row.door_width_mm, door_height_mm=row.door_height_mm)
            title = elevation_title(self.standard, row.values)
            svg = render_elevation(self.standard, elevation, svgs, logo=row.logo, title=title)
            files.append(("elevation.svg", svg.encode("utf-8")))
            if "pdf" in self.options.formats:
                if not self.options.outline:
                    svg = render_elevation(self.standard, elevation, outlined, logo=row.logo,
                                           title=title)
                files.append(("elevation.pdf", svg_to_pdf(svg)))
        return files, len(self.plaques), warnings


def _replace_folder(tmp: Path, final: Path) -> None:
    """Move a finished folder into place, replacing an older one from a previous run."""
    if final.exists():
        trash = Path(tempfile.mkdtemp(prefix=".old-", dir=final.parent))
        os.replace(final, trash / "old")
        os.replace(tmp, final)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(tmp, final)


def assign_folders(rows: Iterable[CommunityRow | RowProblem]) -> Iterator[Task | RowProblem]:
    """Give each good row its community's folder name (see
    :class:`signgen.communities.identity.FolderNames`: ``district-street-community`` made
    safe, ``-row7`` when a name is already taken)."""
    names = FolderNames()
    for row in rows:
        yield row if isinstance(row, RowProblem) else Task(row, names.take(row.identity, row.line))


# --- running: in process, or in a pool of workers ------------------------------------------

_WORKER: CommunityRenderer | None = None


def _init_worker(options: BatchOptions) -> None:
    global _WORKER
    _WORKER = CommunityRenderer(load_selected(options.specs_dir, options.standard_id), options)


def _render_chunk(chunk: list[Task | RowProblem]) -> list[CommunityResult]:
    assert _WORKER is not None
    return [_WORKER.render(item) for item in chunk]


def _chunks(items: Iterator[Task | RowProblem], size: int) -> Iterator[list[Task | RowProblem]]:
    chunk: list[Task | RowProblem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(standard: Standard, options: BatchOptions, items: Iterator[Task | RowProblem],
             jobs: int) -> Iterator[CommunityResult]:
    if jobs <= 1:
        renderer = CommunityRenderer(standard, options)
        for item in items:
            yield renderer.render(item)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        pending: deque[Any] = deque()
        for chunk in _chunks(items, CHUNK):
            pending.append(pool.apply_async(_render_chunk, (chunk,)))
            while len(pending) >= jobs * WINDOW:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def run_batch(path: Path, options: BatchOptions, *, jobs: int = 1,
              progress: Callable[[CommunityResult, float], None] | None = None,
              standard: Standard | None = None) -> BatchSummary:
    """Render every community in ``path`` into ``options.out_dir``; write ``summary.json``.

    Raises:
        SigngenError: the whole file is bad (format, header, encoding), bad options.
    """
    standard = standard or load_selected(options.specs_dir, options.standard_id)
    bad = [f for f in options.formats if f not in FORMATS]
    if bad or not options.formats:
        raise SigngenError(f"--formats: expected a comma-separated list of "
                           f"{', '.join(FORMATS)}, got {','.join(options.formats)!r}")
    if options.origin is not None and not any(options.origin in (o.id, o.name)
                                              for o in standard.origins):
        known = ", ".join(f"{o.id} ({o.name})" for o in standard.origins)
        raise SigngenError(f"--origin: expected one of {known}, got {options.origin!r}")
    source = open_communities(path, standard)
    rows = source.rows()
    first = next(rows)  # a file without data rows fails here, before anything is written
    rows = itertools.chain((first,), rows)
    options.out_dir.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary(path.name, standard.id, options.formats, skipped_plaques(standard))
    for result in _results(standard, options, assign_folders(rows), jobs):
        summary.add(result)
        if progress is not None:
            progress(result, source.fraction())
    write_atomic(options.out_dir / SUMMARY, summary.to_json())
    return summary
