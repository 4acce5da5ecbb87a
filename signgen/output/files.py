"""Writing outputs safely: atomic writes and file names that cannot leave their folder."""

from __future__ import annotations

import marshal
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from signgen.errors import SigngenError

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def safe_name(name: str, fallback: str = "unnamed") -> str:
    """A single path component derived from ``name``: no separators, no dots-only names.

    >>> safe_name("../../etc/passwd")
    'etc_passwd'
    >>> safe_name("东湖区 彭家桥社区")
    '东湖区 彭家桥社区'
    """
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text).strip(" ._")
    text = re.sub(r"_+", "_", text)
    text = text[:120].strip(" ._")
    return text or fallback


def safe_join(root: Path, *parts: str) -> Path:
    """``root / part / ...`` with each part made safe; refuses anything outside ``root``."""
    path = root.joinpath(*(safe_name(p) for p in parts))
    resolved_root = root.resolve()
    if not path.resolve().is_relative_to(resolved_root):
        raise SigngenError(f"output path {path} would leave the output folder {root}")
    return path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        # mkstemp creates 0600; outputs are ordinary files others should be able to read.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_marshal(path: Path) -> object:
    """The data a :mod:`marshal` file holds, or None when it is missing, unreadable or
    damaged (a cache entry that is not there)."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
