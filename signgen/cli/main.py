"""The ``signgen`` command line: thin glue over the library's functions.

Every command module registers its commands on :data:`main`; user errors are
:class:`signgen.errors.SigngenError` (exit 2, no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from signgen.cli.options import DEFAULT_SPECS, errors_in, lang_option
from signgen.output.files import os_error
from signgen.spec.load import load_standards


class _Commands(click.Group):
    """The command group; an operating-system error in any command (permission denied, no
    space, read-only filesystem, is a folder, not a folder, name too long...) becomes one
    located message and exit 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            raise os_error(exc) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="signgen")
def main() -> None:
    """signgen: publish a signage and room-layout standard from its spec files.

    Print-ready plaques for designers, checklists and sign schedules for contractors,
    audit sheets and reports for auditors, and a MkDocs site that publishes them all.
    """


@main.command()
@click.argument("specs_dir", type=click.Path(path_type=Path), default=DEFAULT_SPECS)
@lang_option
def validate(specs_dir: Path, lang: str) -> None:
    """Load and check every spec file; report every problem with file:line:col.

    Every problem in one pass: shapes, references across files, numbers against their
    quotes, sizes and dates the renderers rely on. Messages in Chinese; --lang en for English.

    Example: signgen validate specs/
    """
    with errors_in(lang):
        standards = load_standards(specs_dir)
    for std in standards:
        d = std.project_defaults
        n_defaults = (len(d.plaque_layouts) + len(d.colour_values) + len(d.tolerances)
                      + len(d.typeface_substitutes) + len(d.function_zones))
        click.echo(f"{std.id}: ok: {len(std.clauses)} clauses, {len(std.plaques)} plaques, "
                   f"{len(std.functions)} functions, {len(std.area_rules)} area rules, "
                   f"{len(std.quantities)} quantities, {len(std.rules)} rules; "
                   f"{n_defaults} project defaults")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the spec format (for editors such as VS Code's YAML).

    Example: signgen schema > specs/spec.schema.json
    """
    from signgen.spec.schema import spec_json_schema_text

    click.echo(spec_json_schema_text(), nl=False)


def _register() -> None:
    from signgen.cli import audit, batch, contractor, plaques, signs, site

    for module in (plaques, batch, contractor, signs, audit, site):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
