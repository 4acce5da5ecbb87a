"""Load YAML with the line and column of every value, refusing hostile input.

Spec files, plans and surveys are read through :func:`load_yaml`, which returns the plain
data and a :class:`Locator` that maps a field path such as ``("plaques", 2, "size")`` back
to the place in the file it came from, so that every error can say ``file:line:col``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from signgen.errors import Problem, SigngenError

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64  # nesting levels; spec files, plans and surveys use under 10

PathKey = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """Render a field path the way users read it.

    >>> format_path(("plaques", 2, "size", "width_mm"))
    'plaques[2].size.width_mm'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


@dataclass
class Locator:
    """Where each value of a loaded YAML document is in its file (1-based)."""

    file: str
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest located parent."""
        key = tuple(path)
        while key:
            if key in self.marks:
                return self.marks[key]
            key = key[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, path: Sequence[str | int], message: str, prefix: PathKey = ()) -> Problem:
        """A problem at ``path``; ``prefix`` is prepended to the displayed field name only."""
        line, col = self.where(path)
        return Problem(self.file, line, col, format_path(tuple(prefix) + tuple(path)), message)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases while it composes (one pass).

    Spec files never need them, and they are how "billion laughs" documents blow up memory.
    """

    file = ""
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            mark = event.start_mark
            raise SigngenError([Problem(self.file, mark.line + 1, mark.column + 1, "",
                                        f"YAML anchors and aliases are not allowed, got "
                                        f"'&{anchor}' or '*{anchor}'")])
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = event.start_mark
                raise SigngenError([Problem(self.file, mark.line + 1, mark.column + 1, "",
                                            f"too deeply nested: expected at most {MAX_DEPTH} "
                                            "levels of lists and mappings, got more; "
                                            "refusing the file")])
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# Plain scalars resolve as in YAML 1.2's core schema, as editors (the YAML language server)
# read them: `2026-11-26`, `yes`, `no`, `on`, `1:30` and `010` stay text, where YAML 1.1
# would make them a date, booleans, 90 and 8. Only true/false are booleans.
_NoAliasLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$", "-+0123456789"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                  r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])]:
    _NoAliasLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern),
                                         list(_first))


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _to_python(node: yaml.Node, path: PathKey, loc: Locator, problems: list[Problem],
               loader: yaml.SafeLoader, counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise SigngenError([Problem(loc.file, node.start_mark.line + 1, node.start_mark.column + 1,
                                    format_path(path),
                                    f"too many values (more than {MAX_NODES}); refusing the file")])
    loc.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True) if isinstance(
                key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int) or isinstance(key, bool):
                problems.append(Problem(loc.file, key_node.start_mark.line + 1,
                                        key_node.start_mark.column + 1, format_path(path),
                                        f"expected a text key, got {_describe(key)}"))
                continue
            key = str(key)
            child = (*path, key)
            if key in result:
                problems.append(Problem(loc.file, key_node.start_mark.line + 1,
                                        key_node.start_mark.column + 1, format_path(child),
                                        "duplicate key: it is already set above"))
                continue
            loc.marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, child, loc, problems, loader, counter)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, i), loc, problems, loader, counter)
                for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> tuple[Any, Locator]:
    """Parse one YAML document from ``text``; see :func:`load_yaml`."""
    loc = Locator(file)
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SigngenError([Problem(file, line, col, "", "expected printable text, got the "
                                    f"control character U+{ord(bad.group()):04X}")])
    loader = _NoAliasLoader(text)
    loader.file = file
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        started = exc.context_mark
        context = (f" ({exc.context} that starts at {started.line + 1}:{started.column + 1})"
                   if exc.context and started and started is not mark else "")
        raise SigngenError([Problem(file, line, col, "",
                                    f"YAML syntax error: {exc.problem or exc}{context}")]) \
            from None
    except yaml.YAMLError as exc:
        raise SigngenError([Problem(file, 1, 1, "", f"YAML error: {exc}")]) from None
    if node is None:
        raise SigngenError([Problem(file, 1, 1, "", "expected YAML content, got an empty file")])
    problems: list[Problem] = []
    try:
        data = _to_python(node, (), loc, problems, loader, [0])
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SigngenError([Problem(file, line, col, "", f"YAML error: {exc.problem}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise SigngenError(problems)
    return data, loc


def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 text file, refusing oversized or undecodable files with a located error."""
    name = display or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SigngenError([Problem(name, 0, 0, "", f"cannot read the file: {exc.strerror}")]) \
            from None
    if size > MAX_FILE_BYTES:
        raise SigngenError([Problem(name, 1, 1, "", f"file too large: expected at most "
                                    f"{MAX_FILE_BYTES} bytes, got {size}")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SigngenError([Problem(name, line, col, "",
                                    f"expected UTF-8 text, got byte 0x{raw[exc.start]:02x}")]) \
            from None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, Locator]:
    """Load a YAML file; return its data and a :class:`Locator` for its values.

    Raises:
        SigngenError: the file is unreadable, too large, not UTF-8, not valid YAML, uses
            anchors/aliases, has duplicate keys or is empty.
    """
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)
