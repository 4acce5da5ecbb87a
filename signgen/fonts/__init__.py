"""Stage 2: font discovery and glyph outlines (harfbuzz faces, GPOS coverage, the font book)."""
