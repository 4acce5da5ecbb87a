"""Does a built site hold every page and download the specs imply?

A site generator that drops the signgen plugin (Zensical runs no third-party plugin) still
"succeeds", with the hand-written pages only. The plugin checks its own output after a build
(:func:`missing_files` from ``on_post_build``); ``signgen site build`` and
``signgen site check SITE_DIR`` check a site folder against the site the specs imply
(generated, or from the cache), which works whatever generator built the folder.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from signgen.errors import SigngenError
from signgen.site.options import GeneratedSite

SHOWN = 5  # missing files named in the message; the count says how many in all


def page_html(src_uri: str, directory_urls: bool = True) -> str:
    """Where a static-site generator writes the page ``src_uri`` (MkDocs' rule).

    >>> page_html("plaques/name-sign.md"), page_html("plaques/index.md")
    ('plaques/name-sign/index.html', 'plaques/index.html')
    >>> page_html("plaques/name-sign.md", directory_urls=False)
    'plaques/name-sign.html'
    """
    path = PurePosixPath(src_uri).with_suffix("")
    if path.name in ("index", "README"):
        return str(path.parent / "index.html") if str(path.parent) != "." else "index.html"
    return f"{path}/index.html" if directory_urls else f"{path}.html"


def missing_files(site: GeneratedSite, site_dir: Path, directory_urls: bool = True,
                  compare: bool = True) -> tuple[list[str], list[str]]:
    """The generated pages (as HTML paths) absent from ``site_dir``, and the downloads absent
    or (``compare``) not byte for byte what was generated."""
    pages = [html for uri in sorted(site.pages)
             if not (site_dir / (html := page_html(uri, directory_urls))).is_file()]
    downloads = []
    for uri, data in sorted(site.assets.items()):
        path = site_dir / uri
        expected = data.encode("utf-8") if isinstance(data, str) else data
        if not path.is_file() or (compare and path.read_bytes() != expected):
            downloads.append(uri)
    return pages, downloads


def check_site(site: GeneratedSite, site_dir: Path, directory_urls: bool = True,
               compare: bool = True) -> str:
    """A one-line summary when ``site_dir`` holds every page and download of ``site``.

    Raises:
        SigngenError: pages or downloads are missing (or differ), with their counts and the
            first few paths, in Chinese then English.
    """
    pages, downloads = missing_files(site, site_dir, directory_urls, compare)
    total_pages, total_downloads = len(site.pages), len(site.assets)
    if not pages and not downloads:
        return (f"{site_dir}: 规格生成的 {total_pages} 个页面、{total_downloads} 个下载文件齐全 / "
                f"all {total_pages} pages and {total_downloads} downloads the specs imply")
    lines = [f"{site_dir}: 站点不完整，生成器可能没有运行 signgen 插件 / the site is incomplete: "
             "was it built without the signgen plugin?"]
    for missing, total, zh, en in ((pages, total_pages, "页面", "pages"),
                                   (downloads, total_downloads, "下载文件", "downloads")):
        if missing:
            shown = ", ".join(missing[:SHOWN]) + (", ..." if len(missing) > SHOWN else "")
            found, count = total - len(missing), len(missing)
            lines.append(f"  {zh}：应有 {total} 个，找到 {found} 个，缺少或不同 {count} 个 / "
                         f"{en}: expected {total}, found {found}, {count} missing or "
                         f"different: {shown}")
    raise SigngenError("\n".join(lines))
