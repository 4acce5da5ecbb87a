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
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from signgen.errors import SigngenError
from signgen.site.check import check_site
from signgen.site.config import SigngenPluginConfig, site_options
from signgen.site.hand_written import with_hand_written_pages
from signgen.site.obtain import cache_write, obtain_site, writable_cache
from signgen.site.options import GeneratedSite
from signgen.site.raw_blocks import RawBlocks
from signgen.site.search_dict import SiteDictionary, dictionary_key, jieba_search_enabled

THEME_DIR = Path(__file__).parent / "theme"
log = get_plugin_logger(__name__)
__all__ = ["SigngenPlugin", "SigngenPluginConfig"]


class SigngenPlugin(BasePlugin[SigngenPluginConfig]):  # type: ignore[no-untyped-call]
    """Publish the standards in ``specs`` as pages and downloads."""

    site: GeneratedSite | None = None
    cache_folder: Path | None = None
    english_config: MkDocsConfig | None = None
    dictionary: SiteDictionary | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Generate the site from the specs; set the site name, nav and theme overrides."""
        c = self.config
        self.english_config = None
        folder = writable_cache(Path(c.cache_dir)) if c.cache else None
        self.cache_folder = folder
        try:
            self.site, key = obtain_site(site_options(c, config), folder)
        except SigngenError as exc:  # a bad spec: its located message, no traceback
            raise PluginError(exc.format_message()) from None
        for warning in self.site.warnings:  # from the cache too: a strict build fails each time
            log.warning(warning)
        for note in self.site.notes:  # columns of the communities file kept out
            log.info(note)
        self.dictionary = None
        if folder is not None and c.search_dictionary and jieba_search_enabled(config):
            self.dictionary = SiteDictionary(folder, dictionary_key(config, key))
            self.dictionary.use()
        if c.set_site_name:
            config.site_name = self.site.site_name
        if c.set_nav and not config.nav:
            config.nav = with_hand_written_pages(self.site.nav, Path(config.docs_dir))
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
            if cache_write(templates.mkdir, exist_ok=True):
                env.bytecode_cache = FileSystemBytecodeCache(str(templates))
        return env

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Fail unless every generated page and download was written; make (or check) the
        site's jieba dictionary from the search index just built."""
        try:
            if self.site is not None:
                check_site(self.site, Path(config.site_dir), config.use_directory_urls,
                           compare=False)
            if self.dictionary is not None:
                cache_write(self.dictionary.after_build,
                            Path(config.site_dir) / "search" / "search_index.json")
        except SigngenError as exc:
            raise PluginError(exc.format_message()) from None
        finally:
            if self.dictionary is not None:
                self.dictionary.release()

    def on_build_error(self, *, error: Exception) -> None:
        """Hand jieba its own dictionary back (see on_post_build)."""
        if self.dictionary is not None:
            self.dictionary.release()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        """Rebuild when a spec file (or the communities file) changes."""
        for value in (self.config.specs, self.config.communities, self.config.previous_specs):
            if value is not None and Path(value).exists():
                server.watch(value)
        for path in snippet_files(config):  # the full text, included from source/
            server.watch(str(path))
        return server


_SNIPPET = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"', re.MULTILINE)


def snippet_files(config: MkDocsConfig) -> list[Path]:
    """The files the docs include with pymdownx.snippets (``--8<-- "path"``) that exist under
    one of its base paths, so that ``mkdocs serve`` rebuilds when one changes."""
    options = config.mdx_configs.get("pymdownx.snippets", {})
    bases = options.get("base_path", ["."])
    if isinstance(bases, str | os.PathLike):  # !relative gives a path-like placeholder
        bases = [bases]
    found: list[Path] = []
    for page in sorted(Path(config.docs_dir).rglob("*.md")):
        for name in _SNIPPET.findall(page.read_text(encoding="utf-8", errors="replace")):
            for base in bases:
                path = (Path(os.fspath(base)) / name).resolve()
                if path.is_file() and path not in found:
                    found.append(path)
    return found
