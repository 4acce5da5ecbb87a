"""The ``signgen`` MkDocs plugin: glue only; the site is built by :mod:`signgen.site`.

Every page and download is generated in memory from the spec files at build time; nothing
generated is written to ``docs/``. A bad spec fails the build with its located message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .errors import SigngenError
from .site.generate import GeneratedSite, SiteOptions, generate_site
from .site.raw_blocks import RawBlocks

THEME_DIR = Path(__file__).parent / "site" / "theme"
_HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=)"[^"]*"')


class SigngenPluginConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin's options in ``mkdocs.yml``; paths are relative to that file."""

    specs = opt.Type(str, default="specs")
    standard = opt.Optional(opt.Type(str))
    previous_specs = opt.Optional(opt.Type(str))
    communities = opt.Optional(opt.Type(str))
    community_downloads = opt.ListOfItems(opt.Type(str), default=["svg", "audit-sheet"])
    downloads = opt.Type(bool, default=True)
    fonts_dir = opt.Optional(opt.Type(str))
    set_site_name = opt.Type(bool, default=True)
    set_nav = opt.Type(bool, default=True)


class SigngenPlugin(BasePlugin[SigngenPluginConfig]):  # type: ignore[no-untyped-call]
    """Publish the standards in ``specs`` as pages and downloads."""

    site: GeneratedSite | None = None

    def _path(self, config: MkDocsConfig, value: str | None) -> Path | None:
        if value is None:
            return None
        return Path(config.config_file_path or ".").parent / value

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Generate the site from the specs; set the site name, nav and theme overrides."""
        c = self.config
        specs = self._path(config, c.specs)
        assert specs is not None
        options = SiteOptions(
            specs=specs, standard=c.standard,
            previous_specs=self._path(config, c.previous_specs),
            communities=self._path(config, c.communities),
            community_downloads=tuple(c.community_downloads), downloads=c.downloads,
            base_url=config.site_url or "", fonts_dir=self._path(config, c.fonts_dir))
        try:
            self.site = generate_site(options)
        except SigngenError as exc:
            raise PluginError(exc.format_message()) from None
        if c.set_site_name:
            config.site_name = self.site.site_name
        if c.set_nav and not config.nav:
            config.nav = self.site.nav
        if not any(isinstance(e, RawBlocks) for e in config.markdown_extensions):
            config.markdown_extensions.append(RawBlocks())
        # after a custom_dir (which must win), before Material's own templates
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every generated page and download (in memory)."""
        assert self.site is not None
        for uri, markdown in self.site.pages.items():
            inclusion = (InclusionLevel.NOT_IN_NAV if uri in self.site.hidden
                         else InclusionLevel.UNDEFINED)
            files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
        for uri, data in self.site.assets.items():
            files.append(File.generated(config, uri, content=data))
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """English pages (under ``en/``) declare ``lang="en"``; Material's theme language is zh."""
        if page.file.src_uri.startswith("en/"):
            return _HTML_LANG.sub(r'\1"en"', output, count=1)
        return output

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        """Rebuild when a spec file (or the communities file) changes."""
        for value in (self.config.specs, self.config.communities, self.config.previous_specs):
            path = self._path(config, value)
            if path is not None and path.exists():
                server.watch(str(path))
        return server
