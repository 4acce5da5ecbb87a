"""Which community is this: one key, one display name, one folder name, for every caller.

A community is named by the values of its *key fields*: the open template fields (no
choices) that the plaques made once per community use, in spec order (district, street,
community in the core standard). From them come

- the **key**, what makes two rows the same community: each value normalised (NFKC, format
  characters such as zero-width spaces removed, spaces collapsed) and case-folded, so that
  ``团结社区`` and ``团结\u200b社区`` or a full-width ``Ａ`` and ``A`` are one community;
- the **display name**, the values as written, joined with ``-`` (messages, summaries);
- the **folder name**, the display name made a safe path component (see
  :func:`signgen.output.files.safe_name`) and cut to the filesystem's 255 bytes with room for
  ``.zip`` and a ``-rowN`` suffix. :class:`FolderNames` gives each row of a file a folder
  nobody else in that file has: a name already taken gets ``-row<line>``.

The batch, the site and the audit call these functions; nothing else names a community.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from signgen.output.files import MAX_NAME_BYTES, cut_bytes, safe_name
from signgen.spec.model import Standard, TemplateField
from signgen.spec.template import plaque_fields

ZIP_SUFFIX = ".zip"
RESERVED = ("summary.json",)
_ROW_SUFFIX_ROOM = len("-row") + 10  # a line number up to 10 digits


def community_fields(standard: Standard) -> list[TemplateField]:
    """The template fields used by the plaques made once per community, in spec order."""
    used: set[str] = set()
    for plaque in standard.plaques:
        if plaque.repeat != "once":
            continue
        used.update(plaque_fields(plaque))
    return [f for f in standard.fields if f.id in used]


def key_fields(standard: Standard) -> list[TemplateField]:
    """The fields that name a community (the open ones: district, street, community)."""
    return [f for f in community_fields(standard) if not f.choices]


def normalise(text: str) -> str:
    """``text`` as compared and as used in folder names: NFKC, no format characters
    (zero-width spaces and joiners, soft hyphens, BOMs, direction marks), spaces collapsed.

    >>> normalise("团结\u200b社区") == normalise("团结社区")
    True
    >>> normalise("Ａ  栋")
    'A 栋'
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.split())


@dataclass(frozen=True)
class CommunityIdentity:
    """A community's key values as written, and what is derived from them."""

    values: tuple[str, ...]

    @property
    def key(self) -> tuple[str, ...]:
        """What makes two communities the same: normalised, case-folded values."""
        return tuple(normalise(v).casefold() for v in self.values)

    @property
    def name(self) -> str:
        """The display name: the values as written, joined with '-'."""
        return "-".join(self.values)

    @property
    def title(self) -> str:
        """The display name for headings: the values joined with spaces."""
        return " ".join(v for v in self.values if v)

    @property
    def written(self) -> str:
        """The name as a document writes it: the values run together (和平区新华街道团结社区)."""
        return "".join(self.values)

    @property
    def folder(self) -> str:
        """The folder name before collisions are resolved (see :class:`FolderNames`)."""
        return folder_base(self.name)


def community_identity(standard: Standard, values: Mapping[str, str]) -> CommunityIdentity:
    """The identity of the community whose field values are ``values`` (missing: empty)."""
    return CommunityIdentity(tuple(values.get(f.id, "").strip() for f in key_fields(standard)))


def folder_base(name: str) -> str:
    """A community's folder name: safe, normalised, short enough for a suffix and ``.zip``.

    >>> folder_base("东湖区-百花洲街道-彭家桥社区")
    '东湖区-百花洲街道-彭家桥社区'
    >>> len(folder_base("社" * 200).encode())
    237
    """
    limit = MAX_NAME_BYTES - len(ZIP_SUFFIX) - _ROW_SUFFIX_ROOM
    return safe_name(normalise(name), fallback="community", max_bytes=limit)


class FolderNames:
    """Hands out one folder name per community of a file, never the same one twice.

    Names are compared case-folded (for case-insensitive filesystems) together with their
    ``.zip``; a name already taken gets ``-row<line>`` (then ``-row<line>-2``...), so the
    same file always gives the same names.

    >>> names = FolderNames()
    >>> names.take(CommunityIdentity(("东湖区", "A社区")), 2)
    '东湖区-A社区'
    >>> names.take(CommunityIdentity(("东湖区", "a社区")), 7)
    '东湖区-a社区-row7'
    """

    def __init__(self) -> None:
        self._used = {r.casefold() for r in RESERVED}

    def take(self, identity: CommunityIdentity, line: int) -> str:
        """The folder for the community on ``line``; remembered so no later row gets it."""
        base = identity.folder
        name, n = base, 0
        while self._taken(name):
            n += 1
            name = cut_bytes(base, MAX_NAME_BYTES - len(ZIP_SUFFIX) - _ROW_SUFFIX_ROOM) + \
                f"-row{line}" + (f"-{n}" if n > 1 else "")
        self._used.update({name.casefold(), f"{name}{ZIP_SUFFIX}".casefold()})
        return name

    def _taken(self, name: str) -> bool:
        return name.casefold() in self._used or f"{name}{ZIP_SUFFIX}".casefold() in self._used
