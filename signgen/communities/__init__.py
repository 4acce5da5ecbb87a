"""Role: the communities file (CSV/XLSX rows, headers, checks, each community's identity)."""
