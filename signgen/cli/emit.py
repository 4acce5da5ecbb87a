"""Writing a command's output: to a file atomically, or to stdout for ``-o -``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from signgen.output.files import write_atomic


def emit(path: Path | None, data: str | bytes) -> None:
    """Write ``data`` to ``path`` (atomically, and say so on stderr), or to stdout if None."""
    if path is None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    write_atomic(path, data)
    click.echo(f"wrote {path}", err=True)
