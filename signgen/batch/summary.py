"""What a batch did: one result per row, and the summary written as ``summary.json``.

The summary is deterministic (no times, rows in file order). A run that stops early (an
interrupt, a worker that died, a disk that filled) still writes it, with ``"stopped"``
saying why, so the folder always says what it holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from signgen.communities.headers import ColumnNote

SUMMARY = "summary.json"


@dataclass(frozen=True)
class CommunityResult:
    """What happened to one row."""

    file: str
    line: int
    name: str
    folder: str = ""
    plaques: int = 0
    files: int = 0
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class BatchSummary:
    """Counts and lists for the end of a batch; :meth:`to_json` is deterministic.

    Each row is kept only as its line of JSON, and only failed rows and warnings as
    objects, so that the summary of a long file stays small.
    """

    source: str
    standard: str
    formats: tuple[str, ...]
    skipped_plaques: list[dict[str, str]]
    communities: int = 0
    done: int = 0
    plaques: int = 0
    files: int = 0
    failed: list[CommunityResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stopped: str = ""
    notes: list[ColumnNote] = field(default_factory=list)  # columns kept out
    _rows: list[str] = field(default_factory=list, repr=False)

    def add(self, result: CommunityResult) -> None:
        """Count one row's result (rows arrive in file order)."""
        self.communities += 1
        if result.ok:
            self.done += 1
            self.plaques += result.plaques
            self.files += result.files
        else:
            self.failed.append(result)
        self.warnings += result.warnings
        self._rows.append(json.dumps(
            {"line": result.line, "community": result.name, "folder": result.folder,
             "plaques": result.plaques, "files": result.files,
             "warnings": list(result.warnings), "errors": list(result.errors)},
            ensure_ascii=False, sort_keys=True))

    @property
    def exit_code(self) -> int:
        """0 when every row was rendered, 1 when some failed or the run stopped early."""
        return 1 if self.failed or self.stopped else 0

    def to_json(self) -> str:
        """The summary as JSON: counts first, then one line per row; no times."""
        head: dict[str, Any] = {
            "source": self.source, "standard": self.standard, "formats": list(self.formats),
            "communities": self.communities, "done": self.done, "failed": len(self.failed),
            "plaques": self.plaques, "files": self.files, "warnings": len(self.warnings),
            "skipped_plaques": self.skipped_plaques,
        }
        if self.notes:
            head["notes"] = [n.to_json() for n in self.notes]
        if self.stopped:
            head["stopped"] = self.stopped
        text = json.dumps(head, ensure_ascii=False, indent=1, sort_keys=True)
        rows = ",\n  ".join(self._rows)
        return f'{text[:-2]},\n "rows": [\n  {rows}\n ]\n}}\n' if rows else \
            f'{text[:-2]},\n "rows": []\n}}\n'
