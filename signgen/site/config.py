"""The plugin's options in ``mkdocs.yml``, typed with MkDocs' own option types.

A bad value is a config error naming its key, the way MkDocs reports its own
(``Config value 'plugins': Plugin 'signgen' option 'specs': The path '/x/nope' isn't an
existing directory.``), before anything is generated. Paths are relative to ``mkdocs.yml``
and come out absolute. The one value MkDocs cannot check, ``standard`` (the ids live in the
spec files), is checked when the specs are loaded, and its error names the same key
(:data:`signgen.site.options.STANDARD_KEY`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from signgen.site.options import COMMUNITY_DOWNLOADS, SiteOptions


class SigngenPluginConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin's options in ``mkdocs.yml``; paths are relative to that file."""

    specs = opt.Dir(exists=True, default="specs")
    standard = opt.Optional(opt.Type(str))
    previous_specs = opt.Optional(opt.Dir(exists=True))
    communities = opt.Optional(opt.File(exists=True))
    community_downloads = opt.ListOfItems(opt.Choice(COMMUNITY_DOWNLOADS),
                                          default=["svg", "audit-sheet", "audit-form"])
    downloads = opt.Type(bool, default=True)
    fonts_dir = opt.Optional(opt.Dir(exists=True))
    set_site_name = opt.Type(bool, default=True)
    set_nav = opt.Type(bool, default=True)
    cache = opt.Type(bool, default=True)
    cache_dir = opt.Dir(default=".cache/signgen")  # made on the first build
    search_dictionary = opt.Type(bool, default=True)


def _path(value: str | None) -> Path | None:
    return None if value is None else Path(value)


def site_options(plugin: SigngenPluginConfig, config: MkDocsConfig) -> SiteOptions:
    """What the plugin's (validated) options ask the site to publish."""
    return SiteOptions(
        specs=Path(plugin.specs), standard=plugin.standard,
        previous_specs=_path(plugin.previous_specs), communities=_path(plugin.communities),
        community_downloads=tuple(plugin.community_downloads), downloads=plugin.downloads,
        base_url=config.site_url or "", fonts_dir=_path(plugin.fonts_dir))
