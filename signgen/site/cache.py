"""An on-disk cache of the generated site, keyed on everything that generating it reads.

Generating the site (loading the specs, outlining plaques, rendering PDF and PNG downloads,
QR codes) is most of the plugin's build time, and its result depends only on its inputs. The
key is a SHA-256 over the *environment* (:func:`environment_key`, which also names the memo
file of :mod:`signgen.output.memo`):

- signgen's own code and templates (bytes), so a new signgen never serves an old page;
- the versions of Python and of the libraries whose output ends up in the site, and the
  system's cairo library (path, size, modification time);

and the site's own inputs (:func:`site_key`):

- the spec files, the previous edition's spec files and the communities file (bytes);
- the site options, and ``$SIGNGEN_SITE_URL``;
- every font fontconfig lists (file, index, family, style, size, modification time) and the
  files of ``fonts_dir``, so installing or updating a font invalidates the cache.

An entry is one file, ``site-<key>.marshal``: :mod:`marshal` reads plain data (strings, bytes,
lists, dicts) and never runs code, and the Python version is part of the key because the
format may change between versions. Entries are written atomically and sealed with a
SHA-256 of their content, checked before use, and their layout and types are checked after:
a damaged, edited, unreadable or foreign entry counts as a miss, never as output; only the
newest :data:`KEEP` entries are kept. Nothing here imports
the generators, so a build that hits the cache never loads fonts, cairo or the spec models.
"""

from __future__ import annotations

import glob
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from signgen.output.files import read_marshal, write_marshal
from signgen.site.options import GeneratedSite, SiteOptions

FORMAT = 5  # bump when the entry's layout changes
KEEP = 2  # entries kept per cache folder (the newest): a site with 1,000 communities is 130 MB
PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose code shapes what the site contains (pages, SVG, PDF, PNG, QR codes).
LIBRARIES = ("cairocffi", "cairosvg", "fonttools", "jinja2", "openpyxl", "pydantic", "pyyaml",
             "segno", "svgwrite", "uharfbuzz")
CAIRO_GLOBS = ("/usr/lib/*/libcairo.so.2*", "/usr/lib/libcairo.so.2*", "/lib/*/libcairo.so.2*",
               "/usr/local/lib/libcairo.so.2*")


def _files(root: Path | None) -> list[Path]:
    """Every file under ``root`` (or ``root`` itself), sorted; none when it does not exist."""
    if root is None or not root.exists():
        return []
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def add_contents(digest: Any, label: str, root: Path | None) -> None:
    """Add to a hashlib ``digest`` each file's path (relative to ``root``) and bytes."""
    for path in _files(root):
        assert root is not None
        rel = path.name if path == root else path.relative_to(root).as_posix()
        data = path.read_bytes()
        digest.update(f"{label}\0{rel}\0{len(data)}\0".encode())
        digest.update(data)


def _add_stats(digest: Any, label: str, paths: Iterable[str]) -> None:
    """Each file's path, size and modification time (a font or library update changes them)."""
    for path in sorted(set(paths)):
        try:
            st = os.stat(path)
        except OSError:
            continue
        digest.update(f"{label}\0{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


def _fontconfig_listing() -> str:
    """Every font fontconfig knows (file, index, family, style); empty without fontconfig."""
    try:
        return subprocess.run(["fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{style}\n"],
                              capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def version_of(name: str) -> str:
    """An installed distribution's version, or ``-`` when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def environment_key() -> str:
    """A key of what generated files depend on besides the site's inputs: Python, signgen's
    code and templates, the libraries and the cairo library (hex SHA-256)."""
    digest = hashlib.sha256(f"signgen {FORMAT} {sys.version}\n".encode())
    add_contents(digest, "code", PACKAGE)
    for name in LIBRARIES:
        digest.update(f"lib\0{name}\0{version_of(name)}\n".encode())
    _add_stats(digest, "cairo", (p for pattern in CAIRO_GLOBS for p in glob.glob(pattern)))
    return digest.hexdigest()


def site_key(options: SiteOptions, environment: str) -> str:
    """The cache key of the site ``options`` describe in ``environment`` (see above)."""
    digest = hashlib.sha256(f"signgen-site {environment}\n".encode())
    digest.update(repr((options.standard, options.community_downloads, options.downloads,
                        options.base_url, str(options.fonts_dir),
                        os.environ.get("SIGNGEN_SITE_URL", ""))).encode())
    add_contents(digest, "specs", options.specs)
    add_contents(digest, "previous", options.previous_specs)
    add_contents(digest, "communities", options.communities)
    listing = _fontconfig_listing()
    digest.update(listing.encode())
    _add_stats(digest, "font", (line.split("\t", 1)[0] for line in listing.splitlines()))
    _add_stats(digest, "fonts_dir", (str(p) for p in _files(options.fonts_dir)))
    return digest.hexdigest()


def memo_path(folder: Path, environment: str) -> Path:
    """The memo file (:mod:`signgen.output.memo`) of QR codes, PDF and PNG for ``environment``."""
    return folder / f"memo-{environment}.marshal"


def _entry(folder: Path, key: str) -> Path:
    return folder / f"site-{key}.marshal"


def load_site(folder: Path, key: str) -> GeneratedSite | None:
    """The site cached under ``key``, or None (absent, damaged or of another format)."""
    data = read_marshal(_entry(folder, key))
    if not (isinstance(data, tuple) and len(data) == 10 and data[:2] == (FORMAT, key)):
        return None
    _, _, site_name, site_name_en, pages, hidden, assets, nav, warnings, notes = data
    if not (isinstance(site_name, str) and isinstance(site_name_en, str)
            and _mapping(pages, (str,)) and _mapping(assets, (str, bytes))
            and isinstance(hidden, list) and all(isinstance(h, str) for h in hidden)
            and _nav(nav) and isinstance(warnings, list)
            and all(isinstance(w, str) for w in warnings)
            and isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
        return None
    return GeneratedSite(site_name=site_name, site_name_en=site_name_en, pages=pages,
                         hidden=set(hidden), assets=assets, nav=nav, warnings=warnings,
                         notes=notes)


def _mapping(value: object, kinds: tuple[type, ...]) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, kinds) for k, v in value.items())


def _nav(value: object) -> bool:
    """A MkDocs nav: a list of page paths and one-key mappings of a title to a path or a
    nav."""
    if not isinstance(value, list):
        return False
    for item in value:
        if isinstance(item, dict):
            if not all(isinstance(k, str) and (isinstance(v, str) or _nav(v))
                       for k, v in item.items()):
                return False
        elif not isinstance(item, str):
            return False
    return True


def store_site(folder: Path, key: str, site: GeneratedSite) -> None:
    """Cache ``site`` under ``key`` (atomically), then keep only the newest entries."""
    data = (FORMAT, key, site.site_name, site.site_name_en, site.pages, sorted(site.hidden),
            site.assets, site.nav, site.warnings, site.notes)
    folder.mkdir(parents=True, exist_ok=True)
    write_marshal(_entry(folder, key), data)
    prune(folder, "site-*.marshal")
    prune(folder, "memo-*.marshal")


def prune(folder: Path, pattern: str, keep: int = KEEP) -> None:
    """Delete all but the ``keep`` most recently written files matching ``pattern``."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)
