"""Jinja2 for Markdown pages: every value from data is escaped unless marked as Markdown.

The site's one escaping rule: a text from a spec or a communities file reaches HTML only
escaped, through :func:`md_escape` (Markdown pages and tables), :func:`html_text` (titles
given to MkDocs: the site name, navigation, page titles; the theme shows them as HTML) or
:func:`relative_link` (link targets, percent-encoded). The theme override ``main.html``
escapes the ``<title>`` again after Material's ``striptags``, which undoes entities.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

from signgen.output.document import md_escape as document_md_escape
from signgen.output.numbers import SITE, number
from signgen.site.raw_blocks import raw_block


class Md(str):
    """Text that is already Markdown (built by signgen itself), not to be escaped again."""

    __slots__ = ()


def md_escape(value: object) -> str:
    """Escape text from data for Markdown and HTML: it shows as typed, never as markup.

    >>> md_escape("<script>*x*</script> | [a](b)")
    '&lt;script&gt;\\\\*x\\\\*&lt;/script&gt; \\\\| \\\\[a\\\\](b)'
    """
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    if isinstance(value, float):
        value = format_number(value)
    return document_md_escape(str(value))


def html_text(value: object) -> str:
    """Plain text as HTML text or an attribute value: what MkDocs and Material expect of a
    site name, a navigation title or a page title (they put them in pages unescaped).

    >>> html_text('</title><script>x="1"</script>')
    '&lt;/title&gt;&lt;script&gt;x=&quot;1&quot;&lt;/script&gt;'
    """
    return html.escape(" ".join(str(value).split()), quote=True)


def format_number(value: float) -> str:
    """A spec value as the site shows it (:func:`signgen.output.numbers.number`).

    >>> format_number(1000.0), format_number(0.25)
    ('1000', '0.25')
    """
    return number(value, SITE)


def relative_link(from_uri: str, to_uri: str) -> str:
    """The relative link from the Markdown page ``from_uri`` to ``to_uri`` (both src paths),
    percent-encoded so that a name with spaces, brackets or quotes stays one link target.

    >>> relative_link("en/plaques/name-sign.md", "downloads/plaques/name-sign.svg")
    '../../downloads/plaques/name-sign.svg'
    >>> relative_link("communities/index.md", "communities/a b)[x].md")
    'a%20b%29%5Bx%5D.md'
    """
    target, _, anchor = to_uri.partition("#")
    link = quote(posixpath.relpath(target, posixpath.dirname(from_uri) or "."), safe="/")
    return f"{link}#{quote(anchor, safe='')}" if anchor else link


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Md:
    """A table as one escaped raw HTML block, which Markdown passes through (see raw_blocks).

    For long tables repeated on many pages (a community's sign schedule): Markdown runs its
    inline patterns on every cell of a pipe table, and parses every tag of an HTML block.

    >>> print(html_table(["Id", "Qty"], [["a<b", 2.0]]))
    <!-- signgen:html -->
    <table>
    <thead><tr><th>Id</th><th>Qty</th></tr></thead>
    <tbody>
    <tr><td>a&lt;b</td><td>2</td></tr>
    </tbody>
    </table>
    <!-- /signgen:html -->
    """
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            value = format_number(value)
        return html.escape(" ".join(str(value).split()), quote=False)

    head = "".join(f"<th>{cell(h)}</th>" for h in headers)
    body = ["<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows]
    return Md(raw_block("\n".join(["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>",
                                    *body, "</tbody>", "</table>"])))


@cache
def environment() -> jinja2.Environment:
    """The template environment: Markdown templates, strict names, escaped output."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("signgen.site", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = Md
    env.filters["num"] = format_number
    return env


def render(template: str, *, lang: str, page_uri: str, **context: Any) -> str:
    """Render ``templates/<template>`` for one page in one language (``zh`` or ``en``)."""

    def t(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    def link(to_uri: str) -> str:
        return Md(relative_link(page_uri, to_uri))

    def name(item: Any, attr: str = "name") -> str:
        zh = getattr(item, attr)
        if lang == "zh":
            return str(zh)
        return f"{getattr(item, attr + '_en')} ({zh})"

    def reason(default: Any) -> str:
        return str(default.reason_in(lang))

    helpers: dict[str, Callable[..., str]] = {"t": t, "link": link, "name": name,
                                               "reason": reason}
    text = environment().get_template(template).render(lang=lang, **helpers, **context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
