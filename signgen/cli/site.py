"""CLI commands: site. Registered on `signgen` by :mod:`signgen.cli.main`.

Thin wrappers over ``mkdocs build`` / ``mkdocs serve`` with the signgen plugin's options
exposed, so a designer can publish a list of communities without editing mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

import click

from signgen.errors import SigngenError


class _Problems(logging.Handler):
    """Print MkDocs' warnings and errors (a bad spec's located message) without a traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def _config(config_file: Path, site_dir: Path | None, communities: Path | None,
            previous_specs: Path | None, community_downloads: tuple[str, ...]) -> Any:
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if not config_file.is_file():
        raise SigngenError(f"{config_file}: expected an mkdocs.yml, got no such file")
    config = load_config(str(config_file), site_dir=str(site_dir) if site_dir else None)
    if "signgen" not in config.plugins:
        raise SigngenError(f"{config_file}: plugins: expected 'signgen' to be enabled, got none")
    options = config.plugins["signgen"].config
    here = Path.cwd()
    if communities is not None:
        options["communities"] = str(here / communities)
    if previous_specs is not None:
        options["previous_specs"] = str(here / previous_specs)
    if community_downloads:
        options["community_downloads"] = list(community_downloads)
    return config


_config_file_option = click.option(
    "-f", "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
    show_default=True, help="The MkDocs config.")


def _options(func: Any) -> Any:
    for option in reversed([
        _config_file_option,
        click.option("--communities", type=click.Path(path_type=Path), default=None,
                     help="A communities CSV/XLSX: one page per community."),
        click.option("--previous-specs", type=click.Path(path_type=Path), default=None,
                     help="The previous edition's specs folder: adds a changelog."),
        click.option("--community-downloads", multiple=True,
                     help="Files per community: svg, svg-outlined, pdf, png, audit-sheet."),
    ]):
        func = option(func)
    return func


@click.group("site")
def site_group() -> None:
    """The standards site (MkDocs Material): every page generated from the specs."""


@site_group.command("build")
@_options
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None,
              help="Where to write the site (default: mkdocs.yml's site_dir).")
def build_command(config_file: Path, communities: Path | None, previous_specs: Path | None,
                  community_downloads: tuple[str, ...], site_dir: Path | None) -> None:
    """Build the offline site, strictly (any warning fails the build).

    Example: signgen site build -d site/ --communities examples/communities.csv
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    config = _config(config_file, site_dir, communities, previous_specs, community_downloads)
    config["strict"] = True
    handler = _Problems(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    start = time.monotonic()
    try:
        build(config)
    except Abort as exc:
        raise SigngenError(f"site build failed: {exc}") from None
    finally:
        logger.removeHandler(handler)
    click.echo(f"built {config.site_dir} in {time.monotonic() - start:.1f} s", err=True)


@site_group.command("serve")
@_config_file_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")
def serve_command(config_file: Path, dev_addr: str) -> None:
    """Serve the site locally; editing a spec file rebuilds the page.

    The plugin's options (communities, previous_specs...) come from mkdocs.yml, which is
    reloaded on every change.

    Example: signgen site serve -a 127.0.0.1:8000
    """
    from mkdocs.commands.serve import serve

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve(str(config_file), dev_addr=dev_addr)


COMMANDS: list[click.Command] = [site_group]
