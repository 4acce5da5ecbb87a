"""The ``signgen`` MkDocs plugin: glue only; the site is built by :mod:`signgen.site`.

Every page and download is generated in memory from the spec files at build time; nothing
generated is written to ``docs/``. A bad spec fails the build with its located message.
The generated site is cached on disk under a key of all its inputs (:mod:`signgen.site.cache`),
and so is a jieba dictionary cut down to the site's words (:mod:`signgen.site.search_dict`):
a build whose inputs did not change imports no generator and loads no full dictionary.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from signgen.errors import SigngenError
from signgen.output.memo import persisted
from signgen.site.cache import environment_key, load_site, memo_path, site_key, store_site
from signgen.site.options import GeneratedSite, SiteOptions
from signgen.site.raw_blocks import RawBlocks
from signgen.site.search_dict import SiteDictionary, dictionary_key, jieba_search_enabled

THEME_DIR = Path(__file__).parent / "theme"
log = get_plugin_logger(__name__)


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
    cache = opt.Type(bool, default=True)
    cache_dir = opt.Type(str, default=".cache/signgen")
    search_dictionary = opt.Type(bool, default=True)


class SigngenPlugin(BasePlugin[SigngenPluginConfig]):  # type: ignore[no-untyped-call]
    """Publish the standards in ``specs`` as pages and downloads."""

    site: GeneratedSite | None = None
    cache_folder: Path | None = None
    english_config: MkDocsConfig | None = None
    dictionary: SiteDictionary | None = None

    def _path(self, config: MkDocsConfig, value: str | None) -> Path | None:
        if value is None:
            return None
        return Path(config.config_file_path or ".").parent / value

    def _writable_cache(self, config: MkDocsConfig) -> Path | None:
        """The cache folder (made if need be), or None: caching is off or it can't be written."""
        folder = self._path(config, self.config.cache_dir) if self.config.cache else None
        if folder is None:
            return None
        if not _cache_write(folder.mkdir, parents=True, exist_ok=True):
            return None
        if not os.access(folder, os.W_OK):
            log.info("cannot write the cache folder %s: building without the cache", folder)
            return None
        return folder

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
        self.english_config = None
        self.cache_folder = folder = self._writable_cache(config)
        self.site, key = _cached_or_generated(options, folder)
        for warning in self.site.warnings:  # from the cache too: a strict build fails each time
            log.warning(warning)
        self.dictionary = None
        if folder is not None and c.search_dictionary and jieba_search_enabled(config):
            self.dictionary = SiteDictionary(folder, dictionary_key(config, key))
            self.dictionary.use()
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

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """English pages (under ``en/``) get the English site name, and a logo that links to
        the English home page: the theme reads both from the config it is given."""
        if (self.config.set_site_name and self.site is not None and self.site.site_name_en
                and page.file.src_uri.startswith("en/")):
            if self.english_config is None:
                self.english_config = copy.copy(config)
                self.english_config.site_name = self.site.site_name_en
                self.english_config.extra = copy.copy(config.extra)
                self.english_config.extra["homepage"] = "en/"
            context["config"] = self.english_config
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the theme's compiled templates in the cache folder (Jinja checks each one's
        source checksum), instead of compiling Material's templates on every build."""
        if self.cache_folder is not None:
            templates = self.cache_folder / "templates"
            if _cache_write(templates.mkdir, exist_ok=True):
                env.bytecode_cache = FileSystemBytecodeCache(str(templates))
        return env

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Make (or check) the site's jieba dictionary from the search index just built."""
        if self.dictionary is not None:
            try:
                _cache_write(self.dictionary.after_build,
                             Path(config.site_dir) / "search" / "search_index.json")
            finally:
                self.dictionary.release()

    def on_build_error(self, *, error: Exception) -> None:
        """Hand jieba its own dictionary back (see on_post_build)."""
        if self.dictionary is not None:
            self.dictionary.release()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        """Rebuild when a spec file (or the communities file) changes."""
        for value in (self.config.specs, self.config.communities, self.config.previous_specs):
            path = self._path(config, value)
            if path is not None and path.exists():
                server.watch(str(path))
        return server


def _cached_or_generated(options: SiteOptions, folder: Path | None
                         ) -> tuple[GeneratedSite, str]:
    """The site from the cache folder, or generated (QR codes, PDF and PNG through the memo)
    and stored there; and its cache key ("" without a cache folder)."""
    if folder is None:
        return _generated(options), ""
    environment = environment_key()
    key = site_key(options, environment)
    site = load_site(folder, key)
    if site is None:
        with persisted(memo_path(folder, environment)):
            site = _generated(options)
        _cache_write(store_site, folder, key, site)
    return site, key


def _generated(options: SiteOptions) -> GeneratedSite:
    """Generate the site; a bad spec becomes MkDocs' PluginError with its located message."""
    from signgen.site.generate import generate_site  # only when the cache has no such site

    try:
        return generate_site(options)
    except SigngenError as exc:
        raise PluginError(exc.format_message()) from None


def _cache_write(action: Callable[..., object], *args: Any, **kwargs: Any) -> bool:
    """Run a write to the cache; a failure (read-only or full disk...) is logged at INFO
    level, so a strict build goes on without the cache. True if it succeeded."""
    try:
        action(*args, **kwargs)
    except OSError as exc:
        log.info("cannot write the cache (%s): building without it", exc)
        return False
    return True
