"""An output's format from its file's suffix, checked against ``--format`` (one rule for all).

``render``, ``audit``, ``schedule``, ``check-plan``, ``elevation`` and ``drawing`` follow it:
``-o plaque.pdf`` writes a PDF; ``--format`` is needed only for stdout or a folder, and a
``--format`` that disagrees with the suffix is an error, not a file with the wrong contents.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from signgen.errors import SigngenError


def suffix_of(output: str | Path | None) -> str:
    """The lower-case suffix of a file path; "" for stdout (``-``), a folder or no suffix."""
    if output is None or str(output) == "-" or str(output).endswith(("/", "\\")):
        return ""
    path = Path(output)
    return "" if path.is_dir() else path.suffix.lower()


def output_format(output: str | Path | None, fmt: str | None,
                  suffixes: Mapping[str, str | tuple[str, ...]], default: str, *,
                  option: str = "--format") -> str:
    """The format to write: from ``output``'s suffix, else ``fmt``, else ``default``.

    ``suffixes`` maps each suffix (``.pdf``) to its format (``pdf``), or to the formats it
    may hold, the first one taken when ``fmt`` is not given (``.pdf``: ``pdf``, ``print-pdf``).

    >>> output_format("plaque.pdf", None, {".svg": "svg", ".pdf": "pdf"}, "svg")
    'pdf'
    >>> output_format("-", "pdf", {".svg": "svg", ".pdf": "pdf"}, "svg")
    'pdf'

    Raises:
        SigngenError: a suffix not in ``suffixes``, or one that disagrees with ``fmt``.
    """
    suffix = suffix_of(output)
    known = ", ".join(sorted(suffixes))
    if not suffix:
        return fmt or default
    found = suffixes.get(suffix)
    allowed = (found,) if isinstance(found, str) else found
    if allowed is None:
        raise SigngenError(f"-o {output}: 文件后缀应为 {known} 之一，实为 {suffix!r} "
                           f"(expected a file ending in {known}, got {suffix!r})")
    if fmt is not None and fmt not in allowed:
        raise SigngenError(f"-o {output}: 文件后缀 {suffix} 与 {option} {fmt} 不一致；"
                           f"请去掉 {option}，或改用相符的后缀 "
                           f"(the suffix {suffix} disagrees with {option} {fmt}: drop "
                           f"{option} or use a matching suffix)")
    return fmt or allowed[0]


REPORT_SUFFIXES = {".txt": "text", ".md": "md", ".json": "json", ".html": "html",
                   ".htm": "html"}
"""The suffixes of a report (plan check, audit) and the format each means."""
