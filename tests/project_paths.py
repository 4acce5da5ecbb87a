"""Where the project's files are, for tests (import this, not conftest: two conftests exist)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
CORE_SPECS = SPECS / "community-premises"
SOURCE_TEXT = ROOT / "source" / "community-standards.zh.txt"  # the standard as published
DOCS = ROOT / "docs"
README = ROOT / "README.md"
GOLDENS = Path(__file__).resolve().parent / "goldens"
