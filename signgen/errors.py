"""The one error type signgen raises for bad input, and how problems are located."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click


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
        where = (f"{self.file}:{self.line}:{self.col}" if self.line and self.col
                 else f"{self.file}:{self.line}" if self.line else self.file)
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class SigngenError(click.ClickException):
    """Bad input: one or more located problems. The CLI prints them and exits 2."""

    exit_code = 2

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            text = problems
        else:
            self.problems = sorted(set(problems))
            text = "\n".join(str(p) for p in self.problems)
        super().__init__(text)

    def format_message(self) -> str:
        count = len(self.problems)
        if count > 1:
            return f"{count} problems:\n{self.message}"
        return self.message


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
