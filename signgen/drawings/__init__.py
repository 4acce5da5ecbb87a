"""Stage 4: drawings around plaques (shared SVG parts, design-intent sheet, entrance elevation)."""
