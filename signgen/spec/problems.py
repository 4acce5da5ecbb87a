"""Pydantic's validation errors as located problems a person editing a file can act on.

Each problem says ``file:line:col: field: expected ..., got ...`` in Chinese, carrying its
English (:class:`~signgen.messages.Msg`), with the hints people need most: a key that is
close to a known one, a number or boolean YAML read where text was meant, and a value that
starts with ``#`` (YAML reads it as a comment, so the value is empty).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from signgen.errors import Problem
from signgen.messages import SHAPE, Msg
from signgen.spec.model import Hex, Id, IsoDate
from signgen.spec.yamlsource import Locator


def describe(value: object) -> Msg | str:
    """A value as a message shows it: short, and a mapping or list by its kind."""
    if isinstance(value, dict):
        return SHAPE.msg("a_mapping")
    if isinstance(value, list):
        return SHAPE.msg("a_list", n=len(value))
    if value is None:
        return SHAPE.msg("nothing")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys a mapping at ``loc`` (ending in the bad key) may have, for suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _pattern(annotated: Any) -> str:
    return next(str(m.pattern) for m in annotated.__metadata__ if getattr(m, "pattern", None))


def _number(value: object) -> object:
    """0.0 reads better as 0 in a message."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


_PATTERNS = {_pattern(Id): "id", _pattern(Hex): "hex", _pattern(IsoDate): "date"}
_YAML_TYPES = {bool: "t_bool", int: "t_number", float: "t_number"}
_COMMENT = re.compile(r":\s+#")


def _is_tag(part: object) -> bool:
    """Pydantic adds type names such as 'float' or 'constrained-str' to union error paths."""
    return isinstance(part, str) and (part in {"float", "int", "str", "none", "bool"}
                                      or "[" in part or part.startswith("constrained-")
                                      or part.startswith("function-"))


def _hint(kind: str, err: Any, line: str) -> Msg | str:
    value = err.get("input")
    if value is None and _COMMENT.search(line):
        return SHAPE.msg("comment_hint")
    read_as = _YAML_TYPES.get(type(value))
    if kind == "string_type" and read_as is not None:
        return SHAPE.msg("quote_hint", read_as=SHAPE.msg(read_as))
    return ""


def _expected(kind: str, err: Any) -> Msg:
    ctx = {k: _number(v) for k, v in err.get("ctx", {}).items()}
    named = _PATTERNS.get(str(ctx.get("pattern")))
    if named is not None:
        return SHAPE.msg(named)
    if kind == "literal_error":
        choices = str(ctx.get("expected", ""))
        return Msg(SHAPE.say(kind, "zh", expected=choices.replace(" or ", " 或 ")),
                   SHAPE.say(kind, "en", expected=choices))
    if kind in SHAPE.texts:
        try:
            return SHAPE.msg(kind, **ctx)
        except (KeyError, IndexError):
            pass
    msg = str(err["msg"])
    zh = SHAPE.say("dict_type", "zh") if kind == "model_type" else SHAPE.say("other", "zh",
                                                                              msg=msg)
    for start, instead in (("Input should be ", "expected "),
                           ("String should ", "expected text that should "),
                           ("List should ", "expected a list that should ")):
        if msg.startswith(start):
            return Msg(zh, instead + msg.removeprefix(start))
    return SHAPE.msg("other", msg=msg[0].lower() + msg[1:] if msg else msg)


def pydantic_problems(exc: ValidationError, locator: Locator, model: type[BaseModel],
                      prefix: tuple[str | int, ...] = (),
                      lines: Sequence[str] = ()) -> list[Problem]:
    """Turn pydantic's errors into located problems with 'expected ..., got ...' wording.

    ``lines`` (the file's text, if known) lets a value that YAML read as a comment be named.
    """
    problems = []
    for err in exc.errors(include_url=False):
        kind = err["type"]
        # The last part of an unknown key's path is the key itself, even one named 'float'.
        keep = err["loc"][-1:] if kind == "extra_forbidden" else ()
        loc = tuple(p for p in err["loc"][:len(err["loc"]) - len(keep)]
                    if isinstance(p, int) or not _is_tag(p)) + tuple(keep)
        line_no = locator.where(loc)[0]
        line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        message: Msg
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _allowed_keys(model, loc)
            close = difflib.get_close_matches(key, allowed, n=1)
            hint: Msg | str = SHAPE.msg("did_you_mean", name=close[0]) if close else ""
            if not key.isascii():
                hint = SHAPE.msg("comma_in_braces")
            message = SHAPE.msg("unknown_key", hint=hint, known=", ".join(allowed))
        elif kind == "missing":
            message = SHAPE.msg("missing")
        else:
            message = SHAPE.msg("got", expected=_expected(kind, err),
                                got=describe(err.get("input")), hint=_hint(kind, err, line))
        problems.append(locator.problem(loc, message, prefix))
    return problems
