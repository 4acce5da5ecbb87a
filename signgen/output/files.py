"""Writing outputs safely: atomic writes that never replace what is not a regular file, file
names that cannot leave their folder, and one wording for the operating system's errors."""

from __future__ import annotations

import errno
import hashlib
import marshal
import os
import re
import stat
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from signgen.errors import Problem, SigngenError

MAX_NAME_BYTES = 255  # a path component on ext4, XFS, Btrfs, APFS, NTFS (in UTF-16 units)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
_TMP_PREFIX_BYTES = 64
_IN_PLACE_ROOTS = ("/dev/", "/proc/")  # /dev/stdout, /dev/fd/N, /proc/self/fd/N


def cut_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, never inside a character.

    >>> cut_bytes("社区abc", 4)
    '社'
    """
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    return raw[:limit].decode("utf-8", errors="ignore")


def safe_name(name: str, fallback: str = "unnamed", max_bytes: int = MAX_NAME_BYTES) -> str:
    """A single path component derived from ``name``: no separators, no dots-only names,
    no invisible (format) characters, NFKC-normalised, at most ``max_bytes`` of UTF-8.

    >>> safe_name("../../etc/passwd")
    'etc_passwd'
    >>> safe_name("东湖区 彭家桥社区")
    '东湖区 彭家桥社区'
    >>> safe_name("彭家桥\u200b社区") == safe_name("彭家桥社区")
    True
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = _UNSAFE.sub("_", text).strip(" ._")
    text = re.sub(r"_+", "_", text)
    text = cut_bytes(text, max_bytes).strip(" ._")
    return text or fallback


def safe_join(root: Path, *parts: str) -> Path:
    """``root / part / ...`` with each part made safe; refuses anything outside ``root``."""
    path = root.joinpath(*(safe_name(p) for p in parts))
    resolved_root = root.resolve()
    if not path.resolve().is_relative_to(resolved_root):
        raise SigngenError(f"output path {path} would leave the output folder {root}")
    return path


def _target(path: Path) -> tuple[Path, bool]:
    """Where writing ``path`` goes and whether it is written in place (a device or pipe).

    A symlink is followed (the link stays a link); a regular file or nothing is replaced
    atomically; a terminal, ``/dev/null`` or a pipe is written in place; a folder, a block
    device or a socket is refused.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return path.resolve() if path.is_symlink() else path, False
    except NotADirectoryError:
        raise SigngenError([Problem(str(path), 0, 0, "", "expected a path to write to, got "
                                    "a path through a file that is not a folder")]) from None
    if stat.S_ISREG(mode):
        if path.is_symlink():
            if str(path.absolute()).startswith(_IN_PLACE_ROOTS):
                return path, True  # /dev/stdout redirected to a file: the caller's open file
            return path.resolve(), False
        return path, False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return path, True
    kind = ("a folder" if stat.S_ISDIR(mode) else "a block device" if stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "something that is not a file")
    raise SigngenError([Problem(str(path), 0, 0, "", f"expected a file to write (or - for "
                                f"standard output), got {kind}; nothing was written")])


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path``: a regular file (or nothing) is replaced atomically, via a
    temporary file in the same folder and a rename; a symlink is written through (the link
    is kept); a terminal, ``/dev/null`` or a pipe is written in place; a folder or a block
    device is refused (:class:`SigngenError`), so nothing but a file is ever replaced.
    ``-`` is standard output."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if str(path) == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    target, in_place = _target(path)
    if in_place:
        with open(target, "wb") as handle:
            handle.write(raw)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = "." + cut_bytes(target.name, _TMP_PREFIX_BYTES) + "."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        # mkstemp creates 0600; outputs are ordinary files others should be able to read.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_OS_MESSAGES = {
    errno.EACCES: ("权限不足", "permission denied"),
    errno.EPERM: ("不允许的操作", "operation not permitted"),
    errno.ENOSPC: ("磁盘已满", "no space left on the device"),
    errno.EDQUOT: ("超出磁盘配额", "disk quota exceeded"),
    errno.EROFS: ("只读文件系统", "read-only filesystem"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "is a folder, expected a file"),
    errno.ENOTDIR: ("路径中有一段是文件，不是文件夹", "a part of the path is a file, not a folder"),
    errno.ENAMETOOLONG: ("文件名过长", "file name too long"),
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EEXIST: ("已存在", "already exists"),
    errno.ELOOP: ("符号链接层数过多", "too many levels of symbolic links"),
    errno.EMFILE: ("打开的文件过多", "too many open files"),
    errno.EIO: ("输入输出错误", "input/output error"),
}


def os_error_text(exc: OSError) -> str:
    """An operating-system error as ``PATH: 中文 (English)``, the path first, no traceback.

    >>> os_error_text(PermissionError(13, "Permission denied", "/root/x.svg"))
    '/root/x.svg: 权限不足 (permission denied)'
    """
    zh, en = _OS_MESSAGES.get(exc.errno or 0, ("系统错误", (exc.strerror or str(exc)).lower()))
    where = exc.filename if exc.filename is not None else ""
    if exc.filename2 is not None:
        where = f"{where} -> {exc.filename2}"
    return f"{where}: {zh} ({en})" if where else f"{zh} ({en})"


def os_error(exc: OSError) -> SigngenError:
    """An operating-system error as the bad-input error the CLI reports with exit 2."""
    return SigngenError(os_error_text(exc))


SEAL = b"signgen-sealed-1\n"  # then the SHA-256 of the payload, then the payload


def seal(payload: bytes) -> bytes:
    """``payload`` with a header holding its SHA-256, for :func:`unseal`."""
    return SEAL + hashlib.sha256(payload).digest() + payload


def unseal(data: bytes) -> bytes | None:
    """The payload of :func:`seal`'s bytes, or None when the header or digest does not
    match (a damaged, truncated, edited or foreign file).

    >>> unseal(seal(b"abc"))
    b'abc'
    >>> unseal(seal(b"abc")[:-1] + b"x") is None
    True
    """
    head = len(SEAL) + hashlib.sha256().digest_size
    if not data.startswith(SEAL) or len(data) < head:
        return None
    payload = data[head:]
    return payload if hashlib.sha256(payload).digest() == data[len(SEAL):head] else None


def write_marshal(path: Path, data: Any) -> None:
    """Write plain data (:mod:`marshal`) atomically, sealed with its digest."""
    write_atomic(path, seal(marshal.dumps(data)))


def read_marshal(path: Path) -> object:
    """The data a file of :func:`write_marshal` holds, or None when it is missing,
    unreadable, damaged or changed in any byte (its digest is checked before it is read):
    a cache entry that is not there."""
    try:
        payload = unseal(path.read_bytes())
        return None if payload is None else marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return None
