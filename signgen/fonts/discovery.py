"""Where font files are: fontconfig's listing and a ``--fonts-dir`` folder, and the names a
font calls itself (read with fontTools, which reads nothing else)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
COLLECTION_SUFFIXES = (".ttc", ".otc")


@dataclass(frozen=True)
class Candidate:
    path: Path
    index: int


def font_names(font: TTFont) -> set[tuple[str, str]]:
    """The (family, style) pairs a font calls itself: typographic and legacy names."""
    name = font["name"]
    pairs = set()
    for fam_id, style_id in ((16, 17), (1, 2)):
        family, style = name.getDebugName(fam_id), name.getDebugName(style_id)
        if family and style:
            pairs.add((family, style))
    family16, style2 = name.getDebugName(16), name.getDebugName(2)
    if family16 and style2 and name.getDebugName(17) is None:
        pairs.add((family16, style2))
    return pairs


def fontconfig_fonts() -> list[tuple[Candidate, list[str], list[str]]]:
    """Every font fontconfig knows: (file and index, its family names, its style names)."""
    if shutil.which("fc-list") is None:
        return []
    result = subprocess.run(["fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{style}\n"],
                            capture_output=True, text=True, check=False)
    found = []
    for line in result.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            found.append((Candidate(Path(parts[0]), int(parts[1] or 0)),
                          [f.strip() for f in parts[2].split(",")],
                          [s.strip() for s in parts[3].split(",")]))
    return found


def fontconfig_candidates(listing: list[tuple[Candidate, list[str], list[str]]],
                           family: str, style: str) -> list[Candidate]:
    """Fonts fontconfig lists under exactly ``family`` and ``style``: no substitution."""
    found = {cand for cand, families, styles in listing
             if family in families and style in styles}
    return sorted(found, key=lambda c: (str(c.path), c.index))


def folder_candidates(folder: Path) -> list[Candidate]:
    """Every font file in a folder (recursively); each collection is checked face by face."""
    return [Candidate(p, -1) for p in sorted(folder.rglob("*"))
            if p.suffix.lower() in FONT_SUFFIXES and p.is_file()]
