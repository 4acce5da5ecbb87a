"""Checking a community logo file: where it may be, what it may be, what it may link to.

One check for every way a logo arrives (a communities file's ``logo`` column, ``--logo``):
a relative path inside the communities file's folder (no URL such as ``file:``, no absolute
path, no ``..``), an existing ``.svg`` or ``.png``, a PNG's signature, and an SVG that is
well-formed XML without a DTD or entities (XXE, "billion laughs") whose links are only to
itself (``#id``) or embedded data (``data:``): no ``http:``, ``file:``, absolute or relative
file references that a renderer would fetch.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

LOGO_SUFFIXES = (".svg", ".png")
MAX_LOGO_BYTES = 5_000_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.I)
_LINK_ATTRIBUTES = ("href", "src")


def logo_reference_problem(value: str) -> str | None:
    """Why a logo reference as written is not a relative file path (a URL such as
    ``file:`` or ``http:``, an absolute path, a path up out of the file's folder), or None.

    >>> logo_reference_problem("file:///etc/passwd")
    "expected a logo file path relative to the communities file, got a 'file:' URL"
    >>> logo_reference_problem("logos/a.svg") is None
    True
    """
    scheme = urlsplit(value).scheme
    if len(scheme) > 1:  # one letter is a Windows drive, caught as absolute below
        return ("expected a logo file path relative to the communities file, got a "
                f"'{scheme}:' URL")
    if value.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", value):
        return ("expected a logo file path relative to the communities file, got an "
                "absolute path")
    if ".." in re.split(r"[/\\]", value):
        return ("expected a logo file inside the communities file's folder, got a path "
                "that goes up out of it")
    return None


def logo_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a logo (None when it can): an existing SVG or PNG
    file whose content is what its name says and links nothing outside itself."""
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return f"expected a logo file ending in {' or '.join(LOGO_SUFFIXES)}"
    if not path.is_file():
        return "expected an existing logo file (relative to the communities file)"
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            return f"expected a logo file of at most {MAX_LOGO_BYTES} bytes, got {size}"
        data = path.read_bytes()
    except OSError as exc:
        return f"expected a readable logo file, got {exc.strerror or exc}"
    if path.suffix.lower() == ".png":
        return None if data.startswith(PNG_SIGNATURE) else "expected a PNG image, got other bytes"
    return svg_logo_problem(data)


def svg_logo_problem(data: bytes) -> str | None:
    """Why SVG bytes cannot be embedded as a logo (None when they can).

    >>> svg_logo_problem(b'<svg xmlns="http://www.w3.org/2000/svg"/>') is None
    True
    >>> svg_logo_problem(b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>')
    "expected a self-contained SVG, got a link to 'file:///etc/passwd' (line 1)"
    """
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        return ("expected an SVG without a DTD or entity declarations, got "
                f"{type(exc).__name__.replace('Forbidden', '').lower() or 'one'} "
                "(entities can read files or explode in size: XXE)")
    except SafeET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        return f"expected well-formed SVG XML, got a syntax error at line {line}, column {col}"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return f"expected an SVG image (an <svg> element), got <{root.tag.rsplit('}', 1)[-1]}>"
    text = data.decode("utf-8", errors="replace")
    for element in root.iter():
        links = [v for k, v in element.attrib.items()
                 if k.rsplit("}", 1)[-1] in _LINK_ATTRIBUTES]
        links += _URL_IN_STYLE.findall(element.attrib.get("style", ""))
        if element.tag.rsplit("}", 1)[-1] == "style" and element.text:
            links += _URL_IN_STYLE.findall(element.text)
            if "@import" in element.text:
                links.append("@import")
        for link in links:
            target = link.strip()
            if target.startswith("#") or target.lower().startswith("data:"):
                continue
            line = text[: text.find(target)].count("\n") + 1 if target in text else 0
            where = f" (line {line})" if line else ""
            return f"expected a self-contained SVG, got a link to {target[:80]!r}{where}"
    return None
