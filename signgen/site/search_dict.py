"""A jieba dictionary cut down to the words of one site, which segments it exactly as the full one.

Material's search segments Chinese with jieba at build time. Loading jieba's dictionary
(350,000 words) costs about a second a build, while a site uses a few thousand of them.
jieba segments a string by looking up only substrings of that string: the candidate words
(the DAG) are the dictionary words that occur in it, and the best route scores each word
``log(freq) - log(total)``. A dictionary holding every word that occurs somewhere in the
site's text, with its frequency, plus one padding entry that brings ``total`` back to the
full dictionary's, therefore gives the same candidates, the same scores and the same
segmentation for every string of the site. The padding word is a private-use character,
which Material never hands to jieba (it segments runs of Han characters only).

:func:`site_words` finds those words in the texts of a built search index;
:func:`dictionary_text` writes them as a jieba dictionary; :class:`SiteDictionary` makes one
after a build with jieba's full dictionary and hands it to jieba on the next build of the
same site.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from signgen.output.files import write_atomic
from signgen.site.cache import add_contents, prune, version_of

# What turns the generated pages into the search index's text, besides the pages themselves.
SEARCH_TEXT_LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jieba")
PADDING_WORD = "\ue000"  # private use: never a Han character, so never segmented
ZWSP = "\u200b"  # Material puts it between the words jieba found


def index_texts(search_index: Path) -> list[str]:
    """Every title and text of a built ``search_index.json``, with Material's word breaks
    removed: the strings as Material handed them to jieba (and their surroundings)."""
    docs = json.loads(search_index.read_text(encoding="utf-8")).get("docs", [])
    return [doc.get(field, "").replace(ZWSP, "") for doc in docs for field in ("title", "text")]


def site_words(texts: Iterable[str], freq: Mapping[str, int]) -> dict[str, int]:
    """The words of ``freq`` (a jieba prefix dictionary) that occur in any of ``texts``.

    ``freq`` maps every word to its frequency and every proper prefix of a word to 0, as
    jieba's ``Tokenizer.FREQ`` does, so the search from each position stops at the first
    string that starts no word.

    >>> site_words(["社区服务中心"], {"社": 0, "社区": 5, "服": 0, "服务": 9, "中心": 3, "中": 0})
    {'社区': 5, '服务': 9, '中心': 3}
    """
    found: dict[str, int] = {}
    for text in texts:
        size = len(text)
        for start in range(size):
            end = start + 1
            while end <= size:
                fragment = text[start:end]
                count = freq.get(fragment)
                if count is None:
                    break
                if count:
                    found[fragment] = count
                end += 1
    return found


def dictionary_text(words: Mapping[str, int], total: int) -> str:
    """A jieba dictionary file of ``words`` (sorted) whose frequencies add up to ``total``.

    >>> print(dictionary_text({"服务": 9, "社区": 5}, 100), end="")
    服务 9
    社区 5
    \ue000 86
    """
    lines = [f"{word} {count}" for word, count in sorted(words.items())]
    rest = total - sum(words.values())
    if rest > 0:
        lines.append(f"{PADDING_WORD} {rest}")
    return "\n".join(lines) + "\n"


class SiteDictionary:
    """The cut-down dictionary of one site, kept in the signgen cache folder.

    ``key`` names the inputs of the search index's text (see ``dictionary_key`` in the
    plugin); ``<key>.sha256`` holds the digest of the index texts the dictionary was made
    from, so a build whose text turns out different drops it and the next build makes a new
    one: a stale dictionary can cost one build its exactness, never two. Its second line is
    the digest of the dictionary file itself, checked before jieba gets it: a damaged or
    edited dictionary (a malformed line would stop jieba with a traceback) is a miss.
    """

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.path = folder / f"search-{key}.dict.txt"
        self.digest_path = folder / f"search-{key}.sha256"
        self.in_use = False

    def use(self) -> bool:
        """Point jieba at this dictionary if it is there and intact, else at jieba's own;
        True if ours. A dictionary that fails its digest is deleted."""
        self.in_use = self._intact()
        if not self.in_use:
            self._drop()
        _point_jieba_at(self.path if self.in_use else None)
        return self.in_use

    def _digests(self) -> list[str]:
        try:
            return self.digest_path.read_text(encoding="ascii").split()
        except (OSError, UnicodeDecodeError):
            return []

    def _intact(self) -> bool:
        digests = self._digests()
        if len(digests) != 2:
            return False
        try:
            data = self.path.read_bytes()
        except OSError:
            return False
        return hashlib.sha256(data).hexdigest() == digests[1]

    def _drop(self) -> None:
        for path in (self.path, self.digest_path):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def release(self) -> None:
        """Point jieba back at its own dictionary, for whatever else runs in this process."""
        if self.in_use:
            _point_jieba_at(None)

    def after_build(self, search_index: Path) -> None:
        """Check the dictionary in use against the built index, or make one from it."""
        import jieba

        if not search_index.is_file():
            return
        texts = index_texts(search_index)
        digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()
        if self.in_use:
            if self._digests()[:1] != [digest]:
                self._drop()
            return
        tokenizer = jieba.dt
        if not (tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT):
            return  # jieba never ran, or ran with a user's dictionary
        words = site_words(texts, tokenizer.FREQ)
        text = dictionary_text(words, tokenizer.total).encode("utf-8")
        write_atomic(self.path, text)
        write_atomic(self.digest_path, f"{digest}\n{hashlib.sha256(text).hexdigest()}\n")
        prune(self.folder, "search-*.dict.txt")
        prune(self.folder, "search-*.sha256")
        prune(self.folder, "jieba.u*.cache")


def _point_jieba_at(dictionary: Path | None) -> None:
    """Make jieba's default tokenizer (the one Material calls) use ``dictionary``, or its own
    when None; it loads it lazily, at its next cut. Its cache of a dictionary's prefix table
    goes next to the dictionary."""
    import jieba  # Material's search plugin has imported it already

    tokenizer = jieba.dt
    wanted = jieba.DEFAULT_DICT if dictionary is None else str(dictionary.resolve())
    with tokenizer.lock:
        if tokenizer.dictionary != wanted:
            tokenizer.dictionary, tokenizer.initialized = wanted, False
        tokenizer.tmp_dir = None if dictionary is None else str(dictionary.parent)


def jieba_search_enabled(config: MkDocsConfig) -> bool:
    """Material's search runs with jieba and no dictionary of the user's own."""
    search = config.plugins.get("material/search")
    options = getattr(search, "config", None)
    if options is None or not options.get("enabled", True):
        return False
    if options.get("jieba_dict") or options.get("jieba_dict_user"):
        return False
    try:
        import jieba  # noqa: F401
    except ImportError:
        return False
    return True


def dictionary_key(config: MkDocsConfig, site: str) -> str:
    """A key of what the search index's text is made from: the generated site, the
    hand-written pages, mkdocs.yml and the libraries that render and segment them."""
    digest = hashlib.sha256(f"search {site}\n".encode())
    for name in SEARCH_TEXT_LIBRARIES:
        digest.update(f"{name} {version_of(name)}\n".encode())
    if config.config_file_path:
        add_contents(digest, "mkdocs.yml", Path(config.config_file_path))
    add_contents(digest, "docs", Path(config.docs_dir))
    if config.theme.custom_dir:
        add_contents(digest, "theme", Path(config.theme.custom_dir))
    return digest.hexdigest()

