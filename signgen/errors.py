"""The one error type signgen raises for bad input, and how problems are located."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click

from signgen.messages import DEFAULT_LANG, text_in


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file.

    >>> str(Problem("specs/x/plaques.yml", 12, 5, "plaques[2].size.width_mm",
    ...             "expected a positive number, got -750"))
    'specs/x/plaques.yml:12:5: plaques[2].size.width_mm: expected a positive number, got -750'
    >>> str(Problem("communities.csv", 7, 0, "community", "expected a value, got nothing"))
    'communities.csv:7: community: expected a value, got nothing'
    """

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        return self.text("zh")

    def text(self, lang: str) -> str:
        """The problem as a user reads it, its message in ``lang`` where it has one."""
        where = (f"{self.file}:{self.line}:{self.col}" if self.line and self.col
                 else f"{self.file}:{self.line}" if self.line else self.file)
        message = text_in(self.message, lang)
        if self.field:
            return f"{where}: {self.field}: {message}"
        return f"{where}: {message}"


class SigngenError(click.ClickException):
    """Bad input: one or more located problems. The CLI prints them and exits 2."""

    exit_code = 2

    def __init__(self, problems: Iterable[Problem] | str, lang: str = DEFAULT_LANG) -> None:
        self.lang = lang
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            self.text = problems
        else:
            self.problems = sorted(set(problems))
            self.text = ""
        super().__init__(self._render())

    def _render(self) -> str:
        if not self.problems:
            return text_in(self.text, self.lang)
        return "\n".join(p.text(self.lang) for p in self.problems)

    def in_lang(self, lang: str) -> SigngenError:
        """The same problems, printed in ``lang`` (messages that carry it; others as they are)."""
        self.lang = lang
        self.message = self._render()  # type: ignore[misc, unused-ignore]  # Final in some click stubs
        return self

    def __str__(self) -> str:
        return self._render()

    def format_message(self) -> str:
        count = len(self.problems)
        if count > 1:
            head = f"{count} problems:" if self.lang == "en" else f"{count} 个问题:"
            return f"{head}\n{self._render()}"
        return self._render()


class ProblemList:
    """Collects problems so that every one is reported, then raises once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int, col: int, field: str, message: str) -> None:
        self.items.append(Problem(file, line, col, field, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise SigngenError(self.items)
