"""The generated site as plain files: Markdown pages, downloads, and an ``mkdocs.yml`` without
the signgen plugin, so any generator that reads MkDocs' format can build it.

``DIR/docs/`` holds the project's own ``docs_dir`` with every generated page and download
over it (a generated page wins, as in the plugin); ``DIR/overrides/`` the plugin's theme
partials (the language switch), under the project's own ``custom_dir`` if it has one;
``DIR/mkdocs.yml`` the project's config with the site name and nav the plugin would set,
``docs_dir: docs``, ``custom_dir: overrides`` and the ``signgen`` plugin removed. Paths
written with ``!relative`` become absolute, so the full text's snippets still come from the
project's ``source/``. What the export cannot carry is what the plugin does while building:
the English site name on the pages under ``en/`` (the theme reads one ``site_name``), the
build cache and the cut-down jieba dictionary (the search index is the same, only slower to
build).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from signgen.errors import SigngenError
from signgen.output.files import write_atomic
from signgen.site.options import GeneratedSite
from signgen.site.plugin import THEME_DIR

HEADER = "# Exported by `signgen site export`: the signgen site as plain files, no plugin.\n"
PLUGIN = "signgen"


def written_config(config: MkDocsConfig) -> dict[str, Any]:
    """``config``'s file as written (INHERIT merged, ``!ENV`` read, ``!relative`` kept as
    placeholders that :func:`plain_values` resolves against ``config``)."""
    with open(config.config_file_path, encoding="utf-8") as f:
        raw: dict[str, Any] = yaml_load(f, loader=get_yaml_loader(config=config))
    return raw


def plain_values(value: Any) -> Any:
    """``value`` with MkDocs' path placeholders (``!relative $docs_dir/..``, resolved against
    the project's config) as absolute paths, so the export's config is plain YAML."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, dict):
        return {k: plain_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_values(v) for v in value]
    return value


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")


def exported_config(raw: dict[str, Any], site: GeneratedSite, set_site_name: bool = True,
                    set_nav: bool = True) -> dict[str, Any]:
    """``raw`` (``mkdocs.yml`` as written, INHERIT resolved) as the export's config.

    >>> site = GeneratedSite(site_name="标准", nav=[{"首页": "index.md"}])
    >>> exported_config({"site_name": "x", "theme": "material",
    ...                  "plugins": ["search", {"signgen": {"specs": "specs"}}]}, site)
    ... # doctest: +NORMALIZE_WHITESPACE
    {'site_name': '标准', 'theme': {'name': 'material', 'custom_dir': 'overrides'},
     'plugins': ['search'], 'docs_dir': 'docs', 'site_dir': 'site', 'nav': [{'首页': 'index.md'}]}
    """
    config = {k: plain_values(v) for k, v in raw.items()
              if k not in ("INHERIT", "docs_dir", "site_dir")}
    if set_site_name:
        config["site_name"] = site.site_name
    theme = config.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme["custom_dir"] = "overrides"
    config["theme"] = theme
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        config["plugins"] = {k: v for k, v in plugins.items() if k != PLUGIN}
    elif plugins is not None:
        config["plugins"] = [p for p in plugins if _plugin_name(p) != PLUGIN]
    config["docs_dir"], config["site_dir"] = "docs", "site"
    if set_nav and not config.get("nav"):
        config["nav"] = site.nav
    return config


def _inside(root: Path, uri: str) -> Path:
    """``root / uri``, refused if it would leave ``root``."""
    path = root / uri
    if not path.resolve().is_relative_to(root.resolve()):
        raise SigngenError(f"{uri}: expected a path inside {root}, got one that leaves it")
    return path


def _clear(out: Path) -> None:
    """Make room in ``out``: absent, empty, or a previous export (whose files are replaced)."""
    if not out.exists() or not any(out.iterdir()):
        return
    config = out / "mkdocs.yml"
    if not (out.is_dir() and config.is_file()
            and config.read_text(encoding="utf-8").startswith(HEADER)):
        raise SigngenError(f"{out}: expected an empty folder or a previous export, "
                           "got a folder with other files (nothing was written)")
    for name in ("docs", "overrides", "site"):
        shutil.rmtree(out / name, ignore_errors=True)


def _copy_tree(source: Path, target: Path) -> int:
    """Copy every file under ``source`` into ``target`` (atomically each); how many."""
    count = 0
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            write_atomic(target / path.relative_to(source), path.read_bytes())
            count += 1
    return count


def export_site(site: GeneratedSite, raw: dict[str, Any], docs_dir: Path,
                custom_dir: Path | None, out: Path, set_site_name: bool = True,
                set_nav: bool = True) -> tuple[int, int]:
    """Write the export into ``out``; the number of pages and of other files written.

    Raises:
        SigngenError: ``out`` holds other files than a previous export; a path that would
            leave ``out``.
    """
    _clear(out)
    docs = out / "docs"
    files = _copy_tree(docs_dir, docs) if docs_dir.is_dir() else 0
    _copy_tree(THEME_DIR, out / "overrides")
    if custom_dir is not None:
        _copy_tree(custom_dir, out / "overrides")  # the project's own overrides win
    for uri, markdown in sorted(site.pages.items()):
        write_atomic(_inside(docs, uri), markdown)
    for uri, data in sorted(site.assets.items()):
        write_atomic(_inside(docs, uri), data)
        files += 1
    text = yaml.safe_dump(exported_config(raw, site, set_site_name, set_nav),
                          allow_unicode=True, sort_keys=False, width=100)
    write_atomic(out / "mkdocs.yml", HEADER + text)
    return len(site.pages), files
