"""The manual's CLI reference, generated from every command's ``--help``.

``python -m signgen.cli.reference > docs/manual/cli.md`` writes the Chinese page and
``python -m signgen.cli.reference --lang en > docs/en/manual/cli.md`` the English one;
``tests/test_docs.py`` fails when either file differs from what this prints, so the
reference can never miss a command or an option.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from signgen.cli.main import main

WIDTH = 80  # --help is wrapped at a fixed width, so the page does not depend on the terminal

INTRO = {
    "zh": ("# 命令行参考\n\n"
           "本页由每条命令的 `--help` 生成，请勿手工编辑。命令或选项有改动后，重新生成：\n\n"
           "```sh\n"
           "python -m signgen.cli.reference > docs/manual/cli.md\n"
           "python -m signgen.cli.reference --lang en > docs/en/manual/cli.md\n"
           "```\n\n"
           "`tests/test_docs.py` 在本页与生成结果不一致时失败。每条命令都接受 `-h` / `--help`。\n"),
    "en": ("# CLI reference\n\n"
           "Generated from every command's `--help`; do not edit by hand. After changing a "
           "command or an option, regenerate it:\n\n"
           "```sh\n"
           "python -m signgen.cli.reference > docs/manual/cli.md\n"
           "python -m signgen.cli.reference --lang en > docs/en/manual/cli.md\n"
           "```\n\n"
           "`tests/test_docs.py` fails while this page differs from what the command prints. "
           "Every command takes `-h` / `--help`.\n"),
}


def command_paths(command: click.Command = main, path: tuple[str, ...] = ("signgen",),
                  parent: click.Context | None = None
                  ) -> Iterator[tuple[tuple[str, ...], click.Command, click.Context]]:
    """Every command and subcommand, depth first in ``--help`` order, with its context."""
    settings = {**command.context_settings, "terminal_width": WIDTH,
                "max_content_width": WIDTH}
    ctx = click.Context(command, info_name=path[-1], parent=parent, **settings)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from command_paths(sub, (*path, name), ctx)


def reference(lang: str = "zh") -> str:
    """The whole reference page as Markdown: one section per command, its ``--help`` verbatim."""
    parts = [INTRO[lang]]
    for path, command, ctx in command_paths():
        anchor = "-".join(path)
        parts.append(f"\n## `{' '.join(path)}` {{ #{anchor} }}\n\n```text\n"
                     f"{command.get_help(ctx).rstrip()}\n```\n")
    return "".join(parts)


@click.command()
@click.option("--lang", type=click.Choice(sorted(INTRO)), default="zh", show_default=True,
              help="The language of the page's own text (the help texts are as the CLI has them).")
def cli(lang: str) -> None:
    """Print the CLI reference page (Markdown) to stdout."""
    sys.stdout.write(reference(lang))


if __name__ == "__main__":
    cli()
