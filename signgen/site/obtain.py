"""The generated site, from the cache folder or freshly generated (and then cached).

One function for the plugin, ``signgen site export`` and ``signgen site check``, so the three
see the same pages. Nothing here imports the generators until the cache misses.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from signgen.output.memo import persisted
from signgen.site.cache import environment_key, load_site, memo_path, site_key, store_site
from signgen.site.options import GeneratedSite, SiteOptions

log = logging.getLogger("mkdocs.plugins.signgen.site.obtain")


def writable_cache(folder: Path | None) -> Path | None:
    """``folder`` (made if need be), or None: no folder, or it cannot be written."""
    if folder is None or not cache_write(folder.mkdir, parents=True, exist_ok=True):
        return None
    if not os.access(folder, os.W_OK):
        log.info("cannot write the cache folder %s: building without the cache", folder)
        return None
    return folder


def obtain_site(options: SiteOptions, folder: Path | None) -> tuple[GeneratedSite, str]:
    """The site from the cache folder, or generated (QR codes, PDF and PNG through the memo)
    and stored there; and its cache key ("" without a cache folder).

    Raises:
        SigngenError: a problem in the specs, the previous specs or the communities file.
    """
    if folder is None:
        return _generated(options), ""
    environment = environment_key()
    key = site_key(options, environment)
    site = load_site(folder, key)
    if site is None:
        with persisted(memo_path(folder, environment)):
            site = _generated(options)
        cache_write(store_site, folder, key, site)
    return site, key


def _generated(options: SiteOptions) -> GeneratedSite:
    from signgen.site.generate import generate_site  # only when the cache has no such site

    return generate_site(options)


def cache_write(action: Callable[..., object], *args: Any, **kwargs: Any) -> bool:
    """Run a write to the cache; a failure (read-only or full disk...) is logged at INFO
    level, so a strict build goes on without the cache. True if it succeeded."""
    try:
        action(*args, **kwargs)
    except OSError as exc:
        log.info("cannot write the cache (%s): building without it", exc)
        return False
    return True
