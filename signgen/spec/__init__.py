"""Stage 1: spec files to a validated model (YAML line marks, model, load, checks, schema)."""
