"""The site cache, the memo and the search dictionary trust nothing they read back: every
entry is checked against a digest of its content (and its types) before use; anything that
fails is a miss, computed again, never output."""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

import jieba
import pytest

from signgen.output.files import SEAL, seal
from signgen.output.memo import memoized, persisted
from signgen.site.cache import FORMAT, load_site, store_site
from signgen.site.options import GeneratedSite
from signgen.site.search_dict import SiteDictionary

CALLS: list[str] = []


@memoized
def shout(text: str) -> str:
    """A pure function that records each real call."""
    CALLS.append(text)
    return text.upper()


def _site() -> GeneratedSite:
    return GeneratedSite(site_name="站", pages={"index.md": "# 首页 社区\n"}, hidden={"x.md"},
                         assets={"a.svg": "<svg/>", "a.pdf": b"%PDF-1.7"},
                         nav=[{"首页": "index.md"}, {"规则": ["x.md"]}])


def test_a_same_length_byte_change_in_a_cached_site_is_a_miss(tmp_path: Path) -> None:
    """One byte of a cached page changed (same length, still valid marshal): a miss."""
    store_site(tmp_path, "k", _site())
    entry = tmp_path / "site-k.marshal"
    data = entry.read_bytes()
    changed = data.replace("社区".encode(), "社会".encode())
    assert changed != data and len(changed) == len(data)
    entry.write_bytes(changed)
    assert load_site(tmp_path, "k") is None


@pytest.mark.parametrize("inner", [
    ("站", "", {"index.md": 1}, [], {}, []),
    ("站", "", {}, [3], {}, []),
    ("站", "", {}, [], {"a.svg": ["x"]}, []),
    ("站", "", {}, [], {}, [{"t": 5}]),
    (None, "", {}, [], {}, []),
], ids=["page-not-text", "hidden-not-text", "asset-not-bytes", "nav-not-paths", "name"])
def test_right_header_wrong_inner_types_is_a_miss(tmp_path: Path, inner: tuple[object, ...]
                                                  ) -> None:
    """A correctly sealed entry with the right format and key but wrong types: a miss."""
    (tmp_path / "site-k.marshal").write_bytes(seal(marshal.dumps((FORMAT, "k", *inner))))
    assert load_site(tmp_path, "k") is None


def test_replaced_memo_values_are_never_output(tmp_path: Path) -> None:
    """A memo file whose values were replaced (digest no longer matching) is an empty
    memo: the function runs again and its real result is returned."""
    memo = tmp_path / "memo.marshal"
    with persisted(memo):
        assert shout("a") == "A"
    data = memo.read_bytes()
    payload = marshal.loads(data[len(SEAL) + 32:])
    forged = marshal.dumps({k: "EVIL" for k in payload})
    memo.write_bytes(data[:len(SEAL) + 32] + forged)
    CALLS.clear()
    with persisted(memo):
        assert shout("a") == "A"
    assert CALLS == ["a"]


def test_an_unsealed_memo_from_an_older_signgen_is_a_miss(tmp_path: Path) -> None:
    """A plain marshal file (no seal) is not read."""
    memo = tmp_path / "memo.marshal"
    memo.write_bytes(marshal.dumps({hashlib.sha256(b"x").digest(): "EVIL"}))
    with persisted(memo):
        assert shout("b") == "B"


def test_a_malformed_dictionary_line_is_a_miss_not_a_traceback(tmp_path: Path) -> None:
    """A site dictionary edited after it was made (a line without a count) fails its digest:
    it is deleted and jieba keeps its own dictionary, so segmentation still works."""
    dictionary = SiteDictionary(tmp_path, "k")
    good = "社区 5\n服务 9\n".encode()
    dictionary.path.write_bytes(good)
    dictionary.digest_path.write_text(f"{'0' * 64}\n{hashlib.sha256(good).hexdigest()}\n",
                                      encoding="ascii")
    assert dictionary.use() is True
    dictionary.release()
    dictionary.path.write_text("社区 5\n这一行没有次数\n", encoding="utf-8")
    assert dictionary.use() is False
    assert jieba.dt.dictionary == jieba.DEFAULT_DICT
    assert not dictionary.path.exists() and not dictionary.digest_path.exists()
    assert "".join(jieba.cut("社区服务中心")) == "社区服务中心"  # jieba runs, no traceback
