"""Message texts in Chinese and English, and how a message carries both languages.

Chinese is the default everywhere; ``--lang en`` picks English. A :class:`Catalogue` holds
one module's texts by key; :meth:`Catalogue.say` gives the text in one language and
:meth:`Catalogue.msg` a :class:`Msg`: a ``str`` in Chinese that carries its English, so an
error can be raised deep in a reader and printed later in the language the user asked for
(:meth:`signgen.errors.SigngenError.in_lang`). The plan check, checklist, schedule and the
spec and plan readers keep their texts in catalogues; the audit may do the same.

>>> c = Catalogue({"short": ("少 {n} 平方米", "short by {n} m²")})
>>> c.say("short", "en", n=10)
'short by 10 m²'
>>> m = c.msg("short", n=10)
>>> str(m), m.in_lang("en")
('少 10 平方米', 'short by 10 m²')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"


class Msg(str):
    """Text in Chinese (the ``str`` value) that carries the same text in English."""

    en: str

    def __new__(cls, zh: str, en: str) -> Msg:
        obj = super().__new__(cls, zh)
        obj.en = en
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (str(self), self.en)

    def in_lang(self, lang: str) -> str:
        """The text in ``lang``: English for ``en``, else Chinese."""
        return self.en if lang == "en" else str(self)

    def __add__(self, other: str) -> Msg:  # type: ignore[override, unused-ignore]
        return Msg(str(self) + str(other), self.en + text_in(other, "en"))


def text_in(message: str, lang: str) -> str:
    """``message`` in ``lang`` when it carries both languages; as it is otherwise."""
    return message.in_lang(lang) if isinstance(message, Msg) else message


def check_lang(lang: str) -> str:
    """``lang`` if known; a ValueError naming the choices otherwise."""
    if lang not in LANGS:
        raise ValueError(f"lang: expected one of {', '.join(LANGS)}, got {lang!r}")
    return lang


class Catalogue:
    """One module's message texts: key -> (Chinese, English), each a ``str.format`` template."""

    def __init__(self, texts: Mapping[str, tuple[str, str]]) -> None:
        self.texts = dict(texts)

    def say(self, key: str, lang: str, /, **values: Any) -> str:
        """The text of ``key`` in ``lang`` with ``values`` filled in (Msg values follow)."""
        zh, en = self.texts[key]
        template = en if lang == "en" else zh
        return template.format(**{k: text_in(v, lang) if isinstance(v, str) else v
                                  for k, v in values.items()})

    def msg(self, key: str, /, **values: Any) -> Msg:
        """The text of ``key`` in both languages."""
        return Msg(self.say(key, "zh", **values), self.say(key, "en", **values))
