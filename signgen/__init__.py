"""signgen: publish a signage and room-layout standard from spec files."""

__version__ = "0.1.0"
