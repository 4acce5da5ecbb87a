"""CLI commands: site. Registered on `signgen` by :mod:`signgen.cli.main`.

Thin wrappers over ``mkdocs build`` / ``mkdocs serve`` with the signgen plugin's options
exposed, so a designer can publish a list of communities without editing mkdocs.yml; and
``export`` (the site as plain files, for any generator) and ``check`` (a built site holds
every page the specs imply, whatever built it).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from signgen.errors import SigngenError
from signgen.site.options import COMMUNITY_DOWNLOADS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from signgen.site.options import GeneratedSite


PLUGIN_LOGGER = "mkdocs.plugins.signgen"


class _Problems(logging.Handler):
    """Print MkDocs' warnings and errors (a bad spec's located message) without a traceback,
    and the signgen plugin's information (a communities column kept out)."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING or record.name.startswith(PLUGIN_LOGGER):
            click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


@contextmanager
def _reported(what: str) -> Iterator[None]:
    """MkDocs' warnings and errors printed as they come; its abort (a bad option, a bad
    spec) becomes signgen's error: exit 2, no traceback."""
    from mkdocs.exceptions import Abort

    handler = _Problems(logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    plugin = logging.getLogger(PLUGIN_LOGGER)
    level = plugin.level
    plugin.setLevel(logging.INFO)
    try:
        yield
    except Abort as exc:
        raise SigngenError(f"{what} failed: {exc}") from None
    finally:
        logger.removeHandler(handler)
        plugin.setLevel(level)


def _config(config_file: Path, site_dir: Path | None = None, communities: Path | None = None,
            previous_specs: Path | None = None, community_downloads: tuple[str, ...] = ()
            ) -> MkDocsConfig:
    """``config_file`` loaded and validated (a bad plugin option names its key), with the
    command line's plugin options over it (checked by click)."""
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


def _site(config: MkDocsConfig) -> GeneratedSite:
    """The site ``config``'s plugin options imply, from the plugin's cache or generated."""
    from signgen.site.config import site_options
    from signgen.site.obtain import obtain_site, writable_cache

    plugin = config.plugins["signgen"].config
    folder = writable_cache(Path(plugin.cache_dir)) if plugin.cache else None
    return obtain_site(site_options(plugin, config), folder)[0]


def _check(config: MkDocsConfig, site_dir: Path) -> str:
    from signgen.site.check import check_site

    return check_site(_site(config), site_dir, config.use_directory_urls)


_config_file_option = click.option(
    "-f", "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
    show_default=True, help="The MkDocs config.")


def _options(func: Any) -> Any:
    for option in reversed([
        _config_file_option,
        click.option("--communities", type=click.Path(exists=True, dir_okay=False,
                                                      path_type=Path), default=None,
                     help="A communities CSV/XLSX: one page per community."),
        click.option("--previous-specs", type=click.Path(exists=True, file_okay=False,
                                                         path_type=Path), default=None,
                     help="The previous edition's specs folder: adds a changelog."),
        click.option("--community-downloads", multiple=True, metavar="FORMAT",
                     type=click.Choice(COMMUNITY_DOWNLOADS),
                     help="Files per community: svg, svg-outlined, pdf, png, audit-sheet, "
                          "audit-form."),
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
    """Build the offline site, strictly (any warning fails the build), then check that it
    holds every page and download the specs imply (as `signgen site check` does).

    Example: signgen site build -d site/ --communities examples/communities.csv
    """
    from mkdocs.commands.build import build

    start = time.monotonic()
    with _reported("site build"):
        config = _config(config_file, site_dir, communities, previous_specs,
                         community_downloads)
        config["strict"] = True
        build(config)
    click.echo(f"built {config.site_dir} in {time.monotonic() - start:.1f} s", err=True)
    click.echo(_check(config, Path(config.site_dir)), err=True)


@site_group.command("check")
@_config_file_option
@click.argument("site_dir", type=click.Path(path_type=Path), required=False)
def check_command(config_file: Path, site_dir: Path | None) -> None:
    """Check that a built site holds every page and download the specs imply, whatever
    built it: a generator that drops the signgen plugin (Zensical) fails here. Exit 2 when
    pages are missing.

    SITE_DIR defaults to mkdocs.yml's site_dir.

    Example: signgen site check site/
    """
    with _reported("site check"):
        config = _config(config_file, site_dir)
    click.echo(_check(config, Path(config.site_dir)), err=True)


@site_group.command("export")
@_options
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
def export_command(config_file: Path, communities: Path | None, previous_specs: Path | None,
                   community_downloads: tuple[str, ...], out_dir: Path) -> None:
    """Write the site as plain files into DIR: every generated page as Markdown, every
    download, and DIR/mkdocs.yml (this config without the signgen plugin, with the nav),
    so any generator that reads mkdocs.yml can build it. DIR must be empty, absent, or an
    earlier export (which is replaced).

    Example: signgen site export export/ && cd export && mkdocs build --strict
    """
    from signgen.site.export import export_site, written_config

    with _reported("site export"):
        config = _config(config_file, None, communities, previous_specs, community_downloads)
    raw = written_config(config)
    plugin = config.plugins["signgen"].config
    site = _site(config)
    pages, files = export_site(
        site, raw, Path(config.docs_dir),
        Path(config.theme.custom_dir) if config.theme.custom_dir else None, out_dir,
        set_site_name=plugin.set_site_name, set_nav=plugin.set_nav)
    for warning in site.warnings:  # the export's mkdocs.yml has no plugin to log them
        click.echo(f"警告 (warning): {warning}", err=True)
    click.echo(f"wrote {out_dir}: {pages} pages, {files} other files, mkdocs.yml", err=True)


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
