"""Shared output: atomic files, safe names, rasterising, the memo, the document/report model."""
