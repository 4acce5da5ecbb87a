"""The GPOS ``kern`` feature's coverage, read in place from the table's bytes.

Which glyphs can start a kerned pair: a pair whose first glyph no PairPos subtable covers
need not be shaped at all.
"""

from __future__ import annotations

import struct


def int16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">h", data, offset)[0])


def _uint16s(data: bytes, offset: int, count: int) -> tuple[int, ...]:
    return struct.unpack_from(f">{count}H", data, offset)


def _coverage(data: bytes, offset: int) -> set[int]:
    """The glyph ids of an OpenType Coverage table (format 1: a list, 2: ranges)."""
    fmt, count = _uint16s(data, offset, 2)
    if fmt == 1:
        return set(_uint16s(data, offset + 4, count))
    ranges = _uint16s(data, offset + 4, 3 * count)
    return {g for i in range(0, len(ranges), 3) for g in range(ranges[i], ranges[i + 1] + 1)}


def pair_kerned_glyphs(gpos: bytes) -> set[int] | None:
    """Glyph ids that can start a kerned pair: the coverage of the PairPos subtables of every
    lookup of the GPOS ``kern`` feature, read in place. None when a ``kern`` lookup is of
    another type (contextual kerning): then any pair may kern.
    """
    features, lookups = _uint16s(gpos, 6, 2)
    if not features or not lookups:
        return set()
    indices: set[int] = set()
    for i in range(_uint16s(gpos, features, 1)[0]):
        record = features + 2 + 6 * i
        if gpos[record:record + 4] == b"kern":
            feature = features + _uint16s(gpos, record + 4, 1)[0]
            count = _uint16s(gpos, feature + 2, 1)[0]
            indices.update(_uint16s(gpos, feature + 4, count))
    glyphs: set[int] = set()
    for index in indices:
        lookup = lookups + _uint16s(gpos, lookups + 2 + 2 * index, 1)[0]
        kind, _, count = _uint16s(gpos, lookup, 3)
        for sub_offset in _uint16s(gpos, lookup + 6, count):
            sub, sub_kind = lookup + sub_offset, kind
            if kind == 9:  # Extension: the real subtable is further on
                sub_kind = _uint16s(gpos, sub + 2, 1)[0]
                sub += struct.unpack_from(">L", gpos, sub + 4)[0]
            if sub_kind != 2:
                return None
            glyphs |= _coverage(gpos, sub + _uint16s(gpos, sub + 2, 1)[0])
    return glyphs
