"""What the site publishes (:class:`SiteOptions`) and what generating it yields.

Kept apart from :mod:`signgen.site.generate` so that the MkDocs plugin and the site cache can
use them without importing the generators (fonts, cairo, pydantic models).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What the site can publish per community: each plaque as SVG (text or outlined), PDF and PNG
# (the formats of :mod:`signgen.site.plaque_pages`), the audit sheet, and the audit form on
# the community's page (with its judge data: :mod:`signgen.site.audit_form`).
COMMUNITY_DOWNLOADS = ("svg", "svg-outlined", "pdf", "png", "audit-sheet", "audit-form")
# How MkDocs names a plugin option in its errors: for ``standard``, which only loading the
# specs can check (the ids are in the spec files).
STANDARD_KEY = "Config value 'plugins': Plugin 'signgen' option 'standard'"


@dataclass(frozen=True)
class SiteOptions:
    """What to publish: the plugin's options, resolved to paths."""

    specs: Path
    standard: str | None = None
    previous_specs: Path | None = None
    communities: Path | None = None
    community_downloads: tuple[str, ...] = ("svg", "audit-sheet", "audit-form")
    downloads: bool = True
    base_url: str = ""
    fonts_dir: Path | None = None


@dataclass
class GeneratedSite:
    """Pages (source path -> Markdown), pages kept out of the nav, downloads, nav, title
    (in Chinese, and in English for the pages under ``en/``), and build warnings (plaques
    the CLI's fit rules refuse: the plugin logs each, so a strict build fails)."""

    site_name: str
    site_name_en: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    assets: dict[str, str | bytes] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # logged as information (columns kept out)
