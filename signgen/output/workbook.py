"""One way to write an XLSX workbook so that the same content gives the same bytes.

openpyxl stamps "now" into ``docProps/core.xml`` and into every zip entry; signgen stamps the
standard's own date instead, and a fixed time on the entries.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries' date: the earliest a zip can hold


def document_date(date: str) -> datetime.datetime:
    """The workbook's created/modified date: ``date`` (YYYY-MM-DD), else 2000-01-01.

    >>> document_date("2026-11-26"), document_date("")
    (datetime.datetime(2026, 11, 26, 0, 0), datetime.datetime(2000, 1, 1, 0, 0))
    """
    try:
        return datetime.datetime.strptime(date, "%Y-%m-%d")
    except ValueError:
        return datetime.datetime(2000, 1, 1)


def workbook_bytes(wb: Any, date: str) -> bytes:
    """``wb`` (an openpyxl workbook) saved, dated ``date``, with fixed zip entry times."""
    stamp = document_date(date)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "signgen"
    raw = io.BytesIO()
    wb.save(raw)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + iso.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()
