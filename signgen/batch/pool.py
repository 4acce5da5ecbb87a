"""Worker processes for a batch that stop when their parent does.

Results come back in the order the work went in, a few chunks in flight per worker, so
memory stays bounded however long the input. Each worker asks the kernel to kill it when
its parent dies (``PR_SET_PDEATHSIG`` on Linux) and, everywhere, watches its parent's pid:
a batch killed with ``kill -9`` leaves no worker writing on for seconds. Workers ignore
Ctrl-C; the parent handles it and ends the pool.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WINDOW = 2  # chunks in flight per worker
_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 0.2


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watch remains
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_worker(parent: int, initializer: Callable[..., None], args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    initializer(*args)


def ordered_results(jobs: int, initializer: Callable[..., None], args: tuple[Any, ...],
                    work: Callable[[list[T]], list[R]], chunks: Iterable[list[T]]
                    ) -> Iterator[R]:
    """``work(chunk)`` for each chunk in ``jobs`` worker processes, results in order.

    Leaving the iteration early (an error, an interrupt) terminates the workers.
    """
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(jobs, initializer=_start_worker,
                        initargs=(os.getpid(), initializer, args))
    try:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(work, (chunk,)))
            while len(pending) >= jobs * WINDOW:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
