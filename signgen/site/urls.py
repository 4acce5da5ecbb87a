"""Where every generated page and download lives in the site (MkDocs source paths).

Chinese pages sit at the site root, English ones under ``en/``. The core standard's pages
are at the root of each language; every other standard gets a folder named by its id.
Downloads are shared by both languages. Rule pages are ``rules/<rule-id>/``, the address
the QR codes on audit sheets point at.
"""

from __future__ import annotations

from dataclasses import dataclass

from signgen.spec.model import Standard

LANGS: tuple[str, ...] = ("zh", "en")


def lang_root(lang: str) -> str:
    """The folder a language's pages live in: ``""`` for Chinese, ``"en/"`` for English."""
    return "" if lang == "zh" else f"{lang}/"


@dataclass(frozen=True)
class Where:
    """One standard placed in the site: ``base`` is ``""`` (core) or ``"<standard-id>/"``."""

    standard: Standard
    base: str

    def page(self, lang: str, name: str) -> str:
        """Source path of the page ``name`` (e.g. ``rules/x.md``) in ``lang``."""
        return f"{lang_root(lang)}{self.base}{name}"

    def download(self, name: str) -> str:
        """Source path of a download shared by both languages."""
        return f"downloads/{self.base}{name}"


def place_standards(standards: list[Standard], core_id: str) -> list[Where]:
    """The core standard at the root, then every other standard under its own id."""
    core = [Where(s, "") for s in standards if s.id == core_id]
    others = [Where(s, f"{s.id}/") for s in standards if s.id != core_id]
    return core + others


def site_page(lang: str, name: str) -> str:
    """Source path of a page that belongs to the whole site, not to one standard."""
    return f"{lang_root(lang)}{name}"


def counterpart(src_uri: str, lang: str) -> str:
    """The same page in another language.

    >>> counterpart("en/rules/x.md", "zh"), counterpart("rules/x.md", "en")
    ('rules/x.md', 'en/rules/x.md')
    """
    bare = src_uri.removeprefix("en/")
    return f"{lang_root(lang)}{bare}"
