"""The batch's output folder: one run at a time, each community's folder and zip placed
together or not at all, and the leftovers of an interrupted run removed by the next one.

A community is rendered into a private *staging* folder ``OUT/.tmp-XXXX/`` holding
``FOLDER/``, ``FOLDER.zip`` and a note ``.target`` with the name. Placing it moves any old
``FOLDER`` and ``FOLDER.zip`` into the staging folder, then the new zip, then the new folder
into ``OUT`` (the folder's arrival is the commit), then deletes the staging folder. A run
killed at any step leaves its staging folder; :func:`clean_leftovers`, at the start of the
next run, finishes the job: a community whose new folder is still in staging loses its
half-placed zip too (neither), one whose folder arrived keeps both (together).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from signgen.errors import SigngenError

STAGING_PREFIX = ".tmp-"
NOTE = ".target"
_LEFTOVER_FILE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # write_atomic's temporary files
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def staging_folder(out_dir: Path, folder: str) -> Path:
    """A new private staging folder in ``out_dir`` for ``folder``, with its note written."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    staging.chmod(0o777 & ~_UMASK)  # mkdtemp makes it private; the result is for sharing
    (staging / NOTE).write_text(folder, encoding="utf-8")
    (staging / folder).mkdir()
    return staging


def place(staging: Path, out_dir: Path, folder: str) -> None:
    """Move ``staging/FOLDER`` and ``staging/FOLDER.zip`` into ``out_dir``, replacing the
    ones from an earlier run; the staging folder is then removed."""
    final, final_zip = out_dir / folder, out_dir / f"{folder}.zip"
    old = staging / "old"
    old.mkdir()
    for path in (final, final_zip):
        if path.is_symlink() or path.exists():
            os.replace(path, old / path.name)
    os.replace(staging / f"{folder}.zip", final_zip)
    os.replace(staging / folder, final)  # the commit: from here the community is placed
    shutil.rmtree(staging, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a staging folder whose community failed (nothing of it was placed)."""
    shutil.rmtree(staging, ignore_errors=True)


def clean_leftovers(out_dir: Path) -> list[str]:
    """Remove what an interrupted run left in ``out_dir``; return the names removed.

    A staging folder whose new community folder was placed is simply deleted. One whose
    folder was not is undone: a new zip already moved out is removed and the previous
    run's folder and zip, if they were moved aside, go back, so a community always has
    both or neither. Temporary files of atomic writes (``.NAME.XXXXXXXX.tmp``) are
    deleted. Nothing else is touched.
    """
    removed: list[str] = []
    if not out_dir.is_dir():
        return removed
    for entry in sorted(out_dir.iterdir()):
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
            removed += _undo(entry, out_dir)
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
        elif _LEFTOVER_FILE.match(entry.name) and entry.is_file() and not entry.is_symlink():
            entry.unlink(missing_ok=True)
            removed.append(entry.name)
    return removed


def _undo(staging: Path, out_dir: Path) -> list[str]:
    note = staging / NOTE
    folder = note.read_text(encoding="utf-8").strip() if note.is_file() else ""
    if not folder or folder != Path(folder).name or folder in (".", ".."):
        return []
    if not (staging / folder).exists():
        return []  # placed: the folder arrived, the zip before it
    removed = []
    new_zip = out_dir / f"{folder}.zip"
    old = staging / "old"
    # place() makes old/ only once the new zip is staged: no zip in staging then means
    # it was moved out (without a zip staged, the one in out_dir is the previous run's)
    if old.is_dir() and not (staging / f"{folder}.zip").exists() and new_zip.is_file():
        new_zip.unlink()  # the zip arrived without its folder
        removed.append(new_zip.name)
    if old.is_dir():
        for kept in sorted(old.iterdir()):
            back = out_dir / kept.name
            if not back.exists() and not back.is_symlink():
                os.replace(kept, back)
    return removed


@contextmanager
def exclusive(out_dir: Path) -> Iterator[None]:
    """Hold a lock on ``out_dir`` for the block, so that a second batch into the same
    folder is refused (exit 2) instead of mixing two inputs in one tree.

    The lock is ``flock`` on the folder itself: no lock file is left behind, and the lock
    goes away with the process however it ends.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, as before
        yield
        return
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SigngenError(f"{out_dir}: expected an output folder no other batch is "
                               "writing into, got one in use by another signgen batch; wait "
                               "for it to finish or choose another -o") from None
        yield
    finally:
        os.close(fd)
