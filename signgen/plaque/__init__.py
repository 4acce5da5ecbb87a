"""Stage 3: a plaque's text, its layout in millimetres, its SVG, and the one rendering service."""
