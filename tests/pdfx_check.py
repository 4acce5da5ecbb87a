"""The PDF/X-4 requirements a validator checks that pikepdf (qpdf) can show, as a list of
problems. veraPDF is not installable here (and checks PDF/A, not PDF/X); these are the
checks of ISO 15930-7 a preflight profile runs on file structure, metadata and colour:

- PDF 1.6 at most; not encrypted; a trailer ``/ID``;
- document info with a title, creation and modification dates and ``/Trapped`` True or
  False, agreeing with the XMP (``dc:title``, ``xmp:CreateDate``, ``xmp:ModifyDate``,
  ``xmp:CreatorTool``, ``pdf:Producer``, ``pdf:Trapped``); XMP ``pdfxid:GTS_PDFXVersion``
  ``PDF/X-4`` and the ``xmpMM`` ids, version and rendition class;
- one ``GTS_PDFX`` output intent with a condition identifier and an embedded ICC profile
  whose header says output (``prtr``) CMYK, version 4 or less, its length as stored;
- every page with a TrimBox inside its BleedBox inside its MediaBox, within 14,400 units;
- no RGB anywhere: no ``rg``/``RG`` operator in any content stream (pages, forms, patterns),
  no ``DeviceRGB``/``CalRGB`` space or ICC profile of 3 components in any object, inline
  images included; no transparency group blending in RGB;
- every font embedded; no JavaScript, PostScript XObjects or OPI; no transfer
  functions in graphics states.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from pikepdf import Name

MAX_PAGE = 14400
RGB_NAMES = {"/DeviceRGB", "/CalRGB", "/DefaultRGB", "/RGB"}  # /RGB: inline-image shorthand
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?")


def pdf_date(text: str) -> dt.datetime | None:
    """A PDF date string (``D:20261126000000Z``) as an aware datetime; None if malformed."""
    found = _PDF_DATE.fullmatch(text.strip())
    if found is None:
        return None
    y, mo, d, h, mi, s, zone = found.groups()
    tz = dt.UTC
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone.replace("'", "")[3:5])
        tz = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return dt.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0),
                       int(s or 0), tzinfo=tz)


def xmp_date(text: str) -> dt.datetime | None:
    """An XMP date (``2026-11-26T00:00:00Z``) as an aware datetime; None if malformed."""
    try:
        found = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)


def _walk(obj: object, seen: set[tuple[int, int]]) -> Iterator[object]:
    """Every object reachable from ``obj``, each indirect object once."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in seen:
            return
        seen.add(obj.objgen)
    yield obj
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key, value in obj.items():
            if key != "/Parent":
                yield from _walk(value, seen)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            yield from _walk(value, seen)


def _content_streams(pdf: pikepdf.Pdf) -> Iterator[tuple[str, pikepdf.Object]]:
    for number, page in enumerate(pdf.pages, start=1):
        yield f"page {number}", page.obj
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == Name.Form:
            yield f"form {obj.objgen[0]}", obj
        if isinstance(obj, pikepdf.Stream) and obj.get("/PatternType") == 1:
            yield f"pattern {obj.objgen[0]}", obj


def _colour_problems(pdf: pikepdf.Pdf) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()
    for obj in _walk(pdf.Root, seen):
        if isinstance(obj, Name) and str(obj) in RGB_NAMES - {"/RGB"}:
            yield f"colour space {obj} in the file"
        if (isinstance(obj, pikepdf.Array) and len(obj) == 2 and obj[0] == Name.ICCBased
                and int(obj[1].get("/N", 0)) == 3):
            yield "an ICCBased colour space with 3 components (RGB)"
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            group = obj.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and group.get("/S") == Name.Transparency:
                space = group.get("/CS")
                if space is not None and (str(space) in RGB_NAMES or (
                        isinstance(space, pikepdf.Array) and space[0] == Name.ICCBased
                        and int(space[1].get("/N", 0)) == 3)):
                    yield f"a transparency group blending in RGB ({space})"
    for where, owner in _content_streams(pdf):
        for instruction in pikepdf.parse_content_stream(owner):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                space = instruction.iimage.obj.get("/ColorSpace", instruction.iimage.obj.get("/CS"))
                if space is not None and str(space) in RGB_NAMES:
                    yield f"{where}: an RGB inline image"
                continue
            operator = str(instruction.operator)
            if operator in ("rg", "RG"):
                yield f"{where}: RGB colour operator {operator}"
            if operator in ("cs", "CS") and str(instruction.operands[0]) in RGB_NAMES:
                yield f"{where}: {operator} {instruction.operands[0]}"


def _icc_problems(profile: pikepdf.Object) -> Iterator[str]:
    data = profile.read_bytes()
    if len(data) < 128 or data[36:40] != b"acsp":
        yield "output intent: DestOutputProfile is not an ICC profile"
        return
    if int.from_bytes(data[0:4], "big") != len(data):
        yield "output intent: the ICC profile's header size is not its length"
    if data[12:16] != b"prtr" or data[16:20] != b"CMYK":
        yield f"output intent: expected an output (prtr) CMYK profile, got {data[12:20]!r}"
    if data[8] > 4:
        yield f"output intent: ICC version {data[8]} is newer than PDF 1.6 allows"
    if int(profile.get("/N", 0)) != 4:
        yield "output intent: profile /N is not 4"


def _metadata_problems(pdf: pikepdf.Pdf) -> Iterator[str]:
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary):
        yield "no document information dictionary"
        return
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream) or stream.get("/Subtype") != Name.XML:
        yield "no XMP metadata stream (/Metadata /Subtype /XML)"
        return
    meta = pdf.open_metadata()
    title = str(info.get("/Title", ""))
    if not title:
        yield "info: no /Title"
    if meta.get("dc:title") != title:
        yield f"XMP dc:title {meta.get('dc:title')!r} is not info /Title {title!r}"
    for key, xmp in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        ours = pdf_date(str(info.get(key, "")))
        if ours is None:
            yield f"info: {key} missing or malformed"
        elif xmp_date(str(meta.get(xmp, ""))) != ours:
            yield f"XMP {xmp} {meta.get(xmp)!r} is not info {key}"
    for key, xmp in (("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer")):
        if key in info and str(info[key]) != meta.get(xmp):
            yield f"XMP {xmp} {meta.get(xmp)!r} is not info {key} {str(info[key])!r}"
    trapped = info.get("/Trapped")
    if not isinstance(trapped, Name) or str(trapped) not in ("/True", "/False"):
        yield f"info: /Trapped must be the name /True or /False, got {trapped!r}"
    elif meta.get("pdf:Trapped") != str(trapped)[1:]:
        yield f"XMP pdf:Trapped {meta.get('pdf:Trapped')!r} is not info /Trapped {trapped}"
    version = meta.get("pdfxid:GTS_PDFXVersion")
    if version != "PDF/X-4":
        yield f"XMP pdfxid:GTS_PDFXVersion: expected PDF/X-4, got {version!r}"
    if "/GTS_PDFXVersion" in info and str(info.GTS_PDFXVersion) != "PDF/X-4":
        yield f"info /GTS_PDFXVersion {str(info.GTS_PDFXVersion)!r} is not PDF/X-4"
    for key in ("xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass"):
        if not meta.get(key):
            yield f"XMP: no {key}"


def _inside(inner: list[float], outer: list[float]) -> bool:
    eps = 1e-3
    return (inner[0] >= outer[0] - eps and inner[1] >= outer[1] - eps
            and inner[2] <= outer[2] + eps and inner[3] <= outer[3] + eps)


def _page_problems(pdf: pikepdf.Pdf) -> Iterator[str]:
    for number, page in enumerate(pdf.pages, start=1):
        boxes = {}
        for key in ("/MediaBox", "/BleedBox", "/TrimBox"):
            if key not in page.obj:
                yield f"page {number}: no {key}"
            else:
                boxes[key] = [float(v) for v in page.obj[key]]
        if len(boxes) < 3:
            continue
        if not _inside(boxes["/TrimBox"], boxes["/BleedBox"]):
            yield f"page {number}: TrimBox not inside BleedBox"
        if not _inside(boxes["/BleedBox"], boxes["/MediaBox"]):
            yield f"page {number}: BleedBox not inside MediaBox"
        media = boxes["/MediaBox"]
        if max(media[2] - media[0], media[3] - media[1]) > MAX_PAGE:
            yield f"page {number}: larger than {MAX_PAGE} units"


def _other_problems(pdf: pikepdf.Pdf) -> Iterator[str]:
    for obj in _walk(pdf.Root, set()):
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        if obj.get("/S") == Name.JavaScript or "/JS" in obj:
            yield "JavaScript in the file"
        if obj.get("/Type") == Name.ExtGState and any(
                k in obj and obj[k] != Name.Default for k in ("/TR", "/TR2")):
            yield "a transfer function in a graphics state"
        if obj.get("/Subtype") == Name.PS or "/OPI" in obj:
            yield "a PostScript XObject or OPI reference"
        if obj.get("/Type") == Name.Font and obj.get("/Subtype") != Name.Type3:
            # a composite font's outlines are in its descendant's descriptor
            owner = obj.DescendantFonts[0] if "/DescendantFonts" in obj else obj
            descriptor = owner.get("/FontDescriptor")
            if not isinstance(descriptor, pikepdf.Dictionary) or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                yield f"font {obj.get('/BaseFont')} not embedded"


def pdfx4_problems(path: Path) -> list[str]:
    """Every PDF/X-4 requirement (of those in the module docstring) the file breaks."""
    problems: list[str] = []
    with pikepdf.open(path) as pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("encrypted")
        if tuple(int(p) for p in pdf.pdf_version.split(".")) > (1, 6):
            problems.append(f"PDF {pdf.pdf_version}: PDF/X-4 is PDF 1.6 at most")
        if "/ID" not in pdf.trailer:
            problems.append("no trailer /ID")
        intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFX]
        if len(intents) != 1:
            problems.append(f"expected one GTS_PDFX output intent, got {len(intents)}")
        else:
            [intent] = intents
            if not str(intent.get("/OutputConditionIdentifier", "")):
                problems.append("output intent: no OutputConditionIdentifier")
            elif str(intent.OutputConditionIdentifier) == "Custom" and not str(
                    intent.get("/Info", "")):
                problems.append("output intent: a Custom condition without /Info")
            profile = intent.get("/DestOutputProfile")
            if not isinstance(profile, pikepdf.Stream):
                problems.append("output intent: no embedded DestOutputProfile")
            else:
                problems += _icc_problems(profile)
        problems += _metadata_problems(pdf)
        problems += _page_problems(pdf)
        problems += _colour_problems(pdf)
        problems += _other_problems(pdf)
    return problems
