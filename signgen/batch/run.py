"""Render every community of a communities file: plaques, drawings, elevation, one zip each.

Options are checked once (:mod:`signgen.batch.options`), the output folder is locked and
cleaned of an interrupted run's leftovers (:mod:`signgen.batch.place`). Rows stream from
:func:`signgen.communities.rows.open_communities`; each good row is rendered into a private
staging folder and placed with its zip, together or not at all, so a failing row never
leaves a half-written folder and never stops the others. With ``jobs > 1`` rows go to worker
processes that die with their parent (:mod:`signgen.batch.pool`). ``summary.json``
(:mod:`signgen.batch.summary`) is written whatever happens: what was done, the fit
warnings, the failed rows with their line numbers, and why a run stopped early.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from signgen.artwork.print_files import SHOP_FORMATS
from signgen.artwork.raster import svg_to_pdf
from signgen.artwork.render import render_plaque
from signgen.batch.options import FORMATS, BatchOptions, check_options
from signgen.batch.place import clean_leftovers, discard, exclusive, place, staging_folder
from signgen.batch.pool import ordered_results
from signgen.batch.summary import SUMMARY, BatchSummary, CommunityResult
from signgen.communities.identity import FolderNames, community_fields
from signgen.communities.rows import CommunityRow, RowProblem, open_communities
from signgen.drawings.elevation import entrance_elevation, entrance_plaques
from signgen.drawings.elevation_svg import elevation_title, render_elevation
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.output.files import os_error_text, safe_join, write_atomic
from signgen.spec.model import Standard
from signgen.spec.select import load_selected
from signgen.spec.template import plaque_fields

__all__ = ["FORMATS", "SUMMARY", "BatchOptions", "BatchSummary", "CommunityResult",
           "assign_folders", "batch_plaques", "run_batch", "zip_folder"]

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CHUNK = 4  # rows per task sent to a worker


@dataclass(frozen=True)
class Task:
    """A good row and the folder name the parent chose for it."""

    row: CommunityRow
    folder: str


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
        row, out_dir = item.row, self.options.out_dir
        staging: Path | None = None
        try:
            safe_join(out_dir, item.folder)  # the folder stays inside the output folder
            staging = staging_folder(out_dir, item.folder)
            files, plaques, warnings = self._files(row)
            for name, data in files:
                write_atomic(staging / item.folder / name, data)
            write_atomic(staging / f"{item.folder}.zip", zip_folder(item.folder, files))
            place(staging, out_dir, item.folder)
        except Exception as exc:  # one row's problem, or surprise, must not stop the others
            if staging is not None:
                discard(staging)
            if isinstance(exc, SigngenError):
                message = exc.format_message()
            elif isinstance(exc, OSError):
                message = os_error_text(exc)
            else:
                message = f"internal error: {type(exc).__name__}: {exc}"
            return CommunityResult(row.file, row.line, row.name,
                                   errors=(f"{row.file}:{row.line}: {message}",))
        return CommunityResult(row.file, row.line, row.name, item.folder, plaques,
                               len(files) + 1, tuple(warnings))

    def _plaque_files(self, plaque_id: str, row: CommunityRow) -> _Plaque:
        """One plaque's files, size and SVGs; cached when no field changes it."""
        cached = self._cache.get(plaque_id)
        if cached is not None:
            return cached
        std, opts = self.standard, self.options
        svg_kind = "svg-outlined" if opts.outline else "svg"
        drawing_kind = "drawing" if opts.outline else "drawing-text"
        formats = [svg_kind, "svg-outlined", drawing_kind]
        formats += [f for f in ("pdf", "png", *SHOP_FORMATS) if f in opts.formats]
        if "pdf" in opts.formats:
            formats.append("drawing-pdf")
        rendered = render_plaque(std, self.fonts, plaque_id, row.values, tuple(formats),
                                 allow_small=opts.allow_small, px_per_mm=opts.px_per_mm,
                                 community=row.name, crop_marks=opts.crop_marks)
        rendered.raise_if_refused()
        geometry, made = rendered.geometry, rendered.files
        files: list[tuple[str, bytes]] = []
        if "svg" in opts.formats:
            files.append((f"{plaque_id}.svg", made[svg_kind]))
        files += [(f"{plaque_id}.{fmt}", made[fmt]) for fmt in ("pdf", "png")
                  if fmt in opts.formats]
        for fmt in SHOP_FORMATS:
            files += [(f"{plaque_id}.{name}", data) for name, data in rendered.shop.get(fmt, ())]
        files.append((f"{plaque_id}.drawing.svg", made[drawing_kind]))
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
    yield from ordered_results(jobs, _init_worker, (options,), _render_chunk,
                               _chunks(items, CHUNK))


def run_batch(path: Path, options: BatchOptions, *, jobs: int = 1,
              progress: Callable[[CommunityResult, float], None] | None = None,
              standard: Standard | None = None) -> BatchSummary:
    """Render every community in ``path`` into ``options.out_dir``; write ``summary.json``.

    ``summary.json`` is written however the run ends; a run that stops early (interrupt,
    a dead worker, a full disk) says so in it (``stopped``) and the error goes on up.

    Raises:
        SigngenError: the whole file is bad (format, header, encoding, no rows), bad
            options, another batch writing into the same folder.
    """
    standard = standard or load_selected(options.specs_dir, options.standard_id)
    check_options(options, standard, jobs)
    source = open_communities(path, standard)
    rows = source.rows()
    try:
        first = next(rows)  # a file without data rows fails here, before anything is written
        options.out_dir.mkdir(parents=True, exist_ok=True)
        summary = BatchSummary(path.name, standard.id, options.formats,
                               skipped_plaques(standard),
                               notes=source.notes)
        with exclusive(options.out_dir):
            clean_leftovers(options.out_dir)
            try:
                items = assign_folders(itertools.chain((first,), rows))
                for result in _results(standard, options, items, jobs):
                    summary.add(result)
                    if progress is not None:
                        progress(result, source.fraction())
            except BaseException as exc:
                summary.stopped = _why(exc)
                raise
            finally:
                write_atomic(options.out_dir / SUMMARY, summary.to_json())
    finally:
        rows.close()
        source.table.close()
    return summary


def _why(exc: BaseException) -> str:
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl-C) before the end of the file"
    if isinstance(exc, SigngenError):
        return exc.format_message()
    if isinstance(exc, OSError):
        return os_error_text(exc)
    return f"stopped by {type(exc).__name__}: {exc}"
