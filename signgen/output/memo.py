"""A memo on disk for slow pure functions: QR codes, and PDF and PNG made from outlined SVG.

After a spec edit the site is generated again, though most QR codes (their URLs) and most
plaques (their outlined SVG) did not change. A function marked :func:`memoized` looks its
result up by a SHA-256 of its name and arguments while a :func:`persisted` block is active,
and computes it otherwise. The caller names the memo file after everything else the results
depend on (signgen's code, library versions: see ``signgen.site.cache``), so an entry is
right for as long as its file is used. A run keeps the entries it used, and no others: the
file holds what one site needs. The file is sealed with a digest of its content: a
damaged, unreadable or edited file is an empty memo, never output. Outside a
:func:`persisted` block (the CLI), a marked function simply runs.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from signgen.output.files import read_marshal, write_marshal

P = ParamSpec("P")
R = TypeVar("R")


class _Memo:
    """The entries read from a memo file, and those used (or made) by this run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        found = read_marshal(path)  # None unless every byte matches its digest
        self.stored: dict[bytes, object] = found if isinstance(found, dict) and all(
            isinstance(k, bytes) and len(k) == 32 for k in found) else {}
        self.used: dict[bytes, object] = {}


_active: _Memo | None = None


def memoized(function: Callable[P, R]) -> Callable[P, R]:
    """Mark a pure function whose arguments and result are plain data (str, bytes, numbers,
    tuples), to be looked up in the active memo file."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _active
        if memo is None:
            return function(*args, **kwargs)
        call: Any = (name, args, sorted(kwargs.items()))
        key = hashlib.sha256(marshal.dumps(call)).digest()
        if key in memo.used:
            return memo.used[key]  # type: ignore[return-value]
        result = memo.stored[key] if key in memo.stored else function(*args, **kwargs)
        memo.used[key] = result
        return result  # type: ignore[return-value]

    return wrapper


@contextmanager
def persisted(path: Path) -> Iterator[None]:
    """Use the memo file at ``path`` inside the block; then write it (atomically) with the
    entries the block used, if they differ from what it held."""
    global _active
    if _active is not None:
        raise RuntimeError("a memo file is already in use")
    memo = _Memo(path)
    _active = memo
    try:
        yield
    finally:
        _active = None
    if memo.used.keys() != memo.stored.keys():
        # a memo that can't be kept only means the next run computes again
        with suppress(OSError):
            write_marshal(path, memo.used)
