"""The commands a README or manual page shows, read from its code blocks, and what is wrong
with each (a signgen command or option that does not exist, a script that is not there)."""

from __future__ import annotations

import importlib.util
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import click

FENCE = re.compile(r"^([ \t]*)```+[ \t]*([\w-]*)[^\n]*\n(.*?)^\1```+[ \t]*$", re.S | re.M)
SHELL_BLOCKS = {"sh", "bash", "shell"}  # every line is a command; elsewhere only `$ ` lines
ENV = re.compile(r"^[A-Z_][A-Z0-9_]*=\S*$")
STOP = {"|", ">", ">>", "<", "&&", "||", ";", "2>", "&"}


def shown_commands(markdown: str) -> Iterator[str]:
    """Each command line of the page's code blocks (continuations joined, prompts removed)."""
    for match in FENCE.finditer(markdown):
        shell = match.group(2) in SHELL_BLOCKS
        joined = re.sub(r"\s*\\\n\s*", " ", match.group(3))
        for line in joined.splitlines():
            line = line.strip()
            if line.startswith("$ "):
                yield line[2:]
            elif shell and line and not line.startswith("#"):
                yield line


def _words(line: str) -> list[str]:
    words = []
    for word in shlex.split(line, comments=True):
        if word in STOP or word.startswith((">", "2>")):
            break
        words.append(word)
    while words and ENV.match(words[0]):
        words.pop(0)
    return words


def _signgen_problems(words: list[str], main: click.Group) -> list[str]:
    command: click.Command = main
    rest = words[1:]
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        sub = command.get_command(click.Context(command), rest[0])
        if sub is None:
            return [f"no command {rest[0]!r} in {' '.join(words)!r}"]
        command, rest = sub, rest[1:]
    known = {"-h", "--help"} | {opt for p in command.params
                                for opt in [*getattr(p, "opts", []),
                                            *getattr(p, "secondary_opts", [])]}
    return [f"{' '.join(words)!r}: {command.name} has no option {word.split('=')[0]}"
            for word in rest if word.startswith("-") and word != "-"
            and word.split("=")[0] not in known]


def command_problems(line: str, root: Path, main: click.Group) -> list[str]:
    """What is wrong with one shown command line ([] when signgen would accept it)."""
    words = _words(line)
    if not words:
        return []
    program = words[0].removeprefix(".venv/bin/")
    if program == "signgen":
        missing = [f"{line!r}: no file {word}" for word in words
                   if word.startswith(("examples/", "specs/")) and not (root / word).exists()]
        return missing + _signgen_problems(words, main)
    if program in {"bash", "python", "python3"} and len(words) > 1:
        if words[1] == "-m":
            module = words[2]
            found = importlib.util.find_spec(module) is not None
            return [] if found else [f"{line!r}: no module {module}"]
        return [] if (root / words[1]).is_file() else [f"{line!r}: no file {words[1]}"]
    return []
