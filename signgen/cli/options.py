"""Options and ``--set`` parsing shared by every command (one definition each)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from signgen.batch.options import MAX_PX_PER_MM
from signgen.errors import SigngenError
from signgen.messages import DEFAULT_LANG, LANGS
from signgen.spec.model import Standard

DEFAULT_SPECS = Path("specs")
F = TypeVar("F", bound=Callable[..., Any])

specs_option = click.option(
    "--specs", "specs_dir", type=click.Path(path_type=Path), default=DEFAULT_SPECS,
    show_default=True, help="Folder of spec files, or of one folder per standard.")
standard_option = click.option(
    "--standard", "standard_id", default=None, metavar="ID",
    help="Which standard under --specs (default: the one whose role is core).")
fonts_dir_option = click.option(
    "--fonts-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Folder of font files searched before fontconfig.")
lang_option = click.option(
    "--lang", type=click.Choice(list(LANGS)), default=DEFAULT_LANG, show_default=True,
    help="Chinese, or English with the Chinese terms alongside (also for error messages).")


@contextmanager
def errors_in(lang: str) -> Iterator[None]:
    """Bad-input errors raised inside print in ``lang`` (Chinese by default)."""
    try:
        yield
    except SigngenError as exc:
        raise exc.in_lang(lang) from None


allow_small_option = click.option(
    "--allow-small", is_flag=True,
    help="Warn instead of failing when letters fall below the minimum height.")




class PositiveNumber(click.ParamType[float, Any]):
    """A finite number above 0 and at most ``most``: no 0, negatives, ``nan`` or ``inf``."""

    name = "number"

    def __init__(self, most: float) -> None:
        self.most = most

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and 0 < number <= self.most):
            self.fail(f"expected a number above 0 and at most {self.most:g}, got {value!r}",
                      param, ctx)
        return number


def px_per_mm_option(default: float, per: str = "of the plaque") -> Callable[[F], F]:
    """``--px-per-mm``: the PNG resolution, in pixels per millimetre ``per``."""
    return click.option("--px-per-mm", type=PositiveNumber(MAX_PX_PER_MM), default=default,
                        show_default=True,
                        help=f"PNG resolution in pixels per millimetre {per} (above 0, at "
                             f"most {MAX_PX_PER_MM:g}).")


set_option = click.option(
    "--set", "pairs", multiple=True, metavar="FIELD=VALUE",
    help="A field's full value, e.g. --set community=彭家桥社区 (repeatable; unset fields "
         "show their placeholders).")


def parse_values(standard: Standard, pairs: tuple[str, ...]) -> dict[str, str]:
    """``FIELD=VALUE`` pairs from ``--set``, checked against the standard's fields and choices.

    Raises:
        SigngenError: every pair without ``=``, with an unknown field, or with a value
            outside the field's choices, each named.
    """
    fields = {f.id: f for f in standard.fields}
    values: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        spec_field = fields.get(key)
        if not sep or spec_field is None:
            problems.append(f"--set {pair}: expected FIELD=VALUE with FIELD one of "
                            f"{', '.join(fields) or '(none: this standard has no fields)'}")
        elif value and spec_field.choices and value not in spec_field.choices:
            problems.append(f"--set {key}: expected one of {', '.join(spec_field.choices)}, "
                            f"got {value!r}")
        else:
            values[key] = value
    if problems:
        raise SigngenError("\n".join(problems))
    return values
