"""Writing a command's output: to a file atomically, or to stdout for ``-o -``."""

from __future__ import annotations

from pathlib import Path

import click

from signgen.output.files import write_atomic


def emit(path: Path | None, data: str | bytes) -> None:
    """Write ``data`` to ``path`` (atomically, and say so on stderr), or to stdout if None
    or ``-``. A device or pipe is written in place, a symlink through; a folder is refused
    (see :func:`signgen.output.files.write_atomic`)."""
    if path is None or str(path) == "-":
        write_atomic(Path("-"), data)
        return
    write_atomic(path, data)
    click.echo(f"wrote {path}", err=True)
