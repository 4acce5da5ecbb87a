"""Fit the generated nav to the hand-written pages a site's ``docs/`` folder really has.

The nav lists hand-written pages (the manual, the full text) as bare paths, generated pages
as ``{title: path}``. This module imports nothing of signgen's generators: the plugin calls it
on every build, also when the generated site comes from the cache.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any


def with_hand_written_pages(nav: list[Any], docs_dir: Path) -> list[Any]:
    """``nav`` with each bare path kept only if ``docs_dir`` has the file, and each section
    made only of bare paths in one folder (a manual) also listing that folder's other pages,
    by name, after the listed ones; a section left empty is dropped."""
    fitted: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if (docs_dir / entry).is_file():
                fitted.append(entry)
            continue
        [(title, value)] = entry.items()
        if not isinstance(value, list):
            fitted.append(entry)
            continue
        kept = with_hand_written_pages(value, docs_dir)
        folders = {PurePosixPath(e).parent for e in value if isinstance(e, str)}
        if len(folders) == 1 and all(isinstance(e, str) for e in value):
            folder = docs_dir / str(folders.pop())
            kept += sorted(uri for uri in (p.relative_to(docs_dir).as_posix()
                                           for p in folder.glob("*.md")) if uri not in kept)
        if kept:
            fitted.append({title: kept})
    return fitted
