"""Stage 4: one plaque's files in every format (SVG, PDF, PNG, print PDF, DXF, panels):
the one rendering service, :func:`signgen.artwork.render.render_plaque`."""
