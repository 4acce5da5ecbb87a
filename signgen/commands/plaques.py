"""CLI commands: plaques. Registered on `signgen` by :mod:`signgen.cli`."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
