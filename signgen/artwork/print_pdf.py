"""The print PDF of a plaque: PDF/X-4 in the spec's CMYK, with trim and bleed boxes.

Built with pikepdf from the layout (never from cairo, which writes DeviceRGB only):

- **Colour**: every fill is DeviceCMYK with the exact values of ``colour_values`` in the
  project defaults (red C0 M100 Y100 K0, black K100); no RGB operator or colour space is in
  the file. Crop marks are in the registration colour (Separation ``All``).
- **PDF/X-4**: an output intent (``GTS_PDFX``) embedding the CMYK ICC profile named by
  ``print_setup.icc_profile``: by default Ghostscript's ``default_cmyk.icc`` (Artifex CMYK
  SWOP), the one CMYK profile a Debian package ships (``libgs-common``, installed with
  ``ghostscript``); XMP metadata and document info with the title (plaque and community),
  ``GTS_PDFXVersion``, ``Trapped``; dates are the standard's edition date, so the same input
  gives the same bytes.
- **Boxes**: the TrimBox is the plaque; the BleedBox adds ``print_setup.bleed_mm`` (the
  background runs into it) except for the ``no_bleed_plaques`` (banner-type signs); with
  crop marks or a label the MediaBox adds a slug around it.
- **Limits**: the PDF reference limits a page to 14,400 units (5,080 mm). A plaque whose page
  would pass it gets, instead of a 1:1 file, a 1:``reduced_scale`` PDF (named, titled and
  labelled with the scale) and a PDF of 1:1 panels (:mod:`signgen.artwork.panels`), one page
  per panel, numbered.
"""

from __future__ import annotations

import functools
import hashlib
import io
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import ContentStreamInstruction as Op
from pikepdf import Name, Operator

from signgen.artwork.panels import Panel, print_setup, sign_panels
from signgen.artwork.pdf_glyphs import GlyphForms
from signgen.errors import SigngenError
from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlaqueGeometry
from signgen.spec.model import PrintSetup, Standard

PT_PER_MM = 72 / 25.4
MAX_PAGE_PT = 14400  # the PDF reference's page limit (Annex C), 200 in = 5,080 mm
LABEL_RATIO = 1 / 60  # slug label letters: a sixtieth of the page's height (paper mm) ...
LABEL_MM = (4.0, 20.0)  # ... within these bounds: legible on a 1:10 sheet and on a panel


@dataclass(frozen=True, slots=True)
class PrintFile:
    """A print file of a plaque: ``kind`` goes in its name (``print``, ``print-1to10``...)."""

    kind: str
    data: bytes


@functools.lru_cache(maxsize=4)
def _icc_profile(path_text: str) -> bytes:
    """The profile file, Flate-compressed once per process (it is most of each file)."""
    path = Path(path_text)
    try:
        return zlib.compress(path.read_bytes(), 9)
    except OSError as exc:
        raise SigngenError(f"project_defaults.print_setup.icc_profile: expected a readable "
                           f"CMYK ICC profile, got {str(path)!r} ({exc.strerror}); install the "
                           "Debian package ghostscript (libgs-common) or name another "
                           "profile") from None


def _op(name: str, *operands: float | Name) -> Op:
    """One content-stream operator; lengths rounded to 0.0001 (pt or mm), same bytes each run."""
    return Op([round(x, 4) if isinstance(x, float) else x for x in operands], Operator(name))


def _cmyk(standard: Standard, colour: str) -> list[float]:
    return [v / 100 for v in standard.colour_value(colour).cmyk]


@dataclass(frozen=True, slots=True)
class _Page:
    """One page: the part of the plaque it shows (mm), its scale, bleed, slug and label."""

    left_mm: float
    right_mm: float
    scale: float  # paper mm per plaque mm
    bleed: float  # paper mm
    slug: float  # paper mm outside the bleed box
    label: str


def _plaque_ops(geometry: PlaqueGeometry, standard: Standard, forms: GlyphForms,
                page: _Page, origin: tuple[float, float]) -> list[Op]:
    """The plaque in CMYK: background into the bleed, then each run's glyphs."""
    k = PT_PER_MM * page.scale
    ox, oy = origin  # the trim box's lower-left corner, in pt
    bleed = page.bleed / page.scale  # in plaque mm
    ops = [_op("q"), _op("re", ox - page.bleed * PT_PER_MM, oy - page.bleed * PT_PER_MM,
                         (page.right_mm - page.left_mm) * k + 2 * page.bleed * PT_PER_MM,
                         geometry.height_mm * k + 2 * page.bleed * PT_PER_MM),
           _op("W"), _op("n"),
           # plaque mm, y down, from the plaque's top-left corner
           _op("cm", k, 0, 0, -k, ox - page.left_mm * k, oy + geometry.height_mm * k),
           _op("k", *_cmyk(standard, geometry.background)),
           _op("re", page.left_mm - bleed, -bleed, page.right_mm - page.left_mm + 2 * bleed,
               geometry.height_mm + 2 * bleed), _op("f")]
    for line in geometry.lines:
        for run in line.runs:
            ops.append(_op("k", *_cmyk(standard, run.colour)))
            for g in run.glyphs:
                s = g.size_mm / forms.fonts.face(g.face).units_per_em
                forms.draw(ops, g.face, g.glyph, (s, 0, 0, -s, g.x_mm, g.baseline_mm))
    ops.append(_op("Q"))
    return ops


def _marks_ops(setup: PrintSetup, trim: list[float], registration: Name) -> list[Op]:
    """Crop marks at the trim box's corners, outside the bleed, in the registration colour."""
    x0, y0, x1, y1 = trim
    off, length = setup.crop_mark_offset_mm * PT_PER_MM, setup.crop_mark_length_mm * PT_PER_MM
    ops = [_op("q"), _op("cs", registration), _op("scn", 1), _op("CS", registration),
           _op("SCN", 1), _op("w", 0.25)]
    for x, y, dx, dy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        ops += [_op("m", x + dx * off, y), _op("l", x + dx * (off + length), y), _op("S"),
                _op("m", x, y + dy * off), _op("l", x, y + dy * (off + length)), _op("S")]
    ops.append(_op("Q"))
    return ops


def _page(pdf: pikepdf.Pdf, geometry: PlaqueGeometry, standard: Standard, forms: GlyphForms,
          page: _Page, setup: PrintSetup, crop_marks: bool, registration: pikepdf.Array
          ) -> None:
    trim_w = (page.right_mm - page.left_mm) * page.scale * PT_PER_MM
    trim_h = geometry.height_mm * page.scale * PT_PER_MM
    margin = (page.bleed + page.slug) * PT_PER_MM
    trim = [margin, margin, margin + trim_w, margin + trim_h]
    bleed = page.bleed * PT_PER_MM
    media = [0, 0, trim_w + 2 * margin, trim_h + 2 * margin]
    if max(media[2], media[3]) > MAX_PAGE_PT:
        raise SigngenError(f"plaque {geometry.plaque_id}: print page: expected at most "
                           f"{MAX_PAGE_PT} units a side, got {max(media[2:]):.0f}")
    ops = _plaque_ops(geometry, standard, forms, page, (margin, margin))
    if crop_marks:
        ops += _marks_ops(setup, trim, Name.Reg)
    if page.label:
        ops += [_op("q"), _op("k", 0, 0, 0, 1),
                _op("cm", PT_PER_MM, 0, 0, PT_PER_MM, 0, 0)]
        typeface = geometry.lines[0].runs[0].typeface
        size = label_size(geometry.height_mm * page.scale)
        forms.label(ops, page.label, typeface, size, margin / PT_PER_MM + 5,
                    (margin - bleed) / PT_PER_MM - size * 1.6)
        ops.append(_op("Q"))
    pdf.add_blank_page(page_size=(media[2], media[3]))
    pdf_page = pdf.pages[-1]
    box = [round(v, 4) for v in media]
    pdf_page.MediaBox = box
    pdf_page.TrimBox = [round(v, 4) for v in trim]
    pdf_page.BleedBox = [round(v, 4) for v in (trim[0] - bleed, trim[1] - bleed,
                                               trim[2] + bleed, trim[3] + bleed)]
    pdf_page.Resources = pikepdf.Dictionary(XObject=forms.resources,
                                            ColorSpace=pikepdf.Dictionary(Reg=registration))
    pdf_page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))


def label_size(page_height_mm: float) -> float:
    """The slug label's letter size (paper mm) on a page of this trim height.

    >>> label_size(100.0), label_size(1000.0), label_size(5000.0)
    (4.0, 16.666666666666668, 20.0)
    """
    return min(max(page_height_mm * LABEL_RATIO, LABEL_MM[0]), LABEL_MM[1])


def _registration(pdf: pikepdf.Pdf) -> pikepdf.Array:
    """Separation ``All``: every plate at once (crop marks), tint 1 = 100 % of each ink."""
    tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1],
                              N=1)
    return pikepdf.Array([Name.Separation, Name.All, Name.DeviceCMYK, pdf.make_indirect(tint)])


def _finish(pdf: pikepdf.Pdf, standard: Standard, setup: PrintSetup, title: str,
            identity: str) -> bytes:
    """Output intent, XMP and document info for PDF/X-4; saved with a deterministic id.

    The XMP document id derives from ``identity`` (plaque, text, scale): same input, same id.
    """
    profile = pdf.make_stream(_icc_profile(setup.icc_profile))
    profile.Filter = Name.FlateDecode
    profile.N = 4
    pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier="Custom",
        OutputCondition=setup.output_condition, Info=setup.output_condition,
        RegistryName="http://www.color.org", DestOutputProfile=profile)])
    date = standard.standard.date
    pdf_date = "D:" + date.replace("-", "") + "000000Z"
    document_id = f"uuid:{uuid.UUID(bytes=hashlib.sha256(identity.encode()).digest()[:16])}"
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["xmp:CreatorTool"] = "signgen"
        meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = f"{date}T00:00:00Z"
        meta["xmp:MetadataDate"] = f"{date}T00:00:00Z"
        meta["pdf:Producer"] = "signgen (pikepdf)"
        meta["pdf:Trapped"] = "False"
        meta["pdfxid:GTS_PDFXVersion"] = "PDF/X-4"
        meta["xmpMM:DocumentID"] = meta["xmpMM:InstanceID"] = document_id
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"
    pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(
        Title=title, Creator="signgen", Producer="signgen (pikepdf)", CreationDate=pdf_date,
        ModDate=pdf_date, Trapped=Name("/False"), GTS_PDFXVersion="PDF/X-4"))
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, min_version="1.6", compress_streams=True)
    return out.getvalue()


def _document(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook,
              pages: list[_Page], title: str, crop_marks: bool) -> bytes:
    setup = print_setup(standard)
    pdf = pikepdf.new()
    forms = GlyphForms(pdf, fonts)
    registration = _registration(pdf)
    for page in pages:
        _page(pdf, geometry, standard, forms, page, setup, crop_marks, registration)
    identity = "\n".join([standard.id, geometry.plaque_id, geometry.text, title,
                          *(f"{p.left_mm} {p.right_mm} {p.scale}" for p in pages)])
    return _finish(pdf, standard, setup, title, identity)


def bleed_mm(standard: Standard, plaque_id: str) -> float:
    """The bleed of a plaque's print file: the default, or none for a banner-type sign."""
    setup = print_setup(standard)
    return 0.0 if plaque_id in setup.no_bleed_plaques else setup.bleed_mm


def fits_one_page(geometry: PlaqueGeometry, standard: Standard, *, crop_marks: bool) -> bool:
    """Whether the plaque's 1:1 print page stays within the PDF page limit."""
    setup = print_setup(standard)
    slug = setup.crop_mark_offset_mm + setup.crop_mark_length_mm if crop_marks else 0.0
    side = max(geometry.width_mm, geometry.height_mm) + 2 * (
        bleed_mm(standard, geometry.plaque_id) + slug)
    return side * PT_PER_MM <= MAX_PAGE_PT


def print_title(geometry: PlaqueGeometry, note: str = "") -> str:
    """The PDF title: plaque name, community (or the template) and a scale or panel note."""
    community = geometry.community or "模板 template"
    return " — ".join(p for p in (geometry.name, community, note) if p)


def print_pdfs(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook, *,
               crop_marks: bool = False) -> list[PrintFile]:
    """The print files of a plaque: one 1:1 PDF, or a reduced PDF and panels if too large.

    Raises:
        SigngenError: no print set-up or ICC profile, or a sign that cannot be panelled.
    """
    setup = print_setup(standard)
    bleed = bleed_mm(standard, geometry.plaque_id)
    marks = setup.crop_mark_offset_mm + setup.crop_mark_length_mm if crop_marks else 0.0
    if fits_one_page(geometry, standard, crop_marks=crop_marks):
        page = _Page(0.0, geometry.width_mm, 1.0, bleed, marks, "")
        return [PrintFile("print", _document(geometry, standard, fonts, [page],
                                             print_title(geometry), crop_marks))]
    n = setup.reduced_scale
    scale_note = f"比例 1:{n:g},放大 {n * 100:g}% 输出 · scale 1:{n:g}, print at {n * 100:g} %"
    reduced = _Page(0.0, geometry.width_mm, 1 / n, bleed / n,
                    max(marks, 2.5 * label_size(geometry.height_mm / n)),
                    scale_note)
    panels = sign_panels(geometry, standard, fonts)
    panel_pages = [_Page(p.left_mm, p.right_mm, 1.0, bleed,
                         max(marks, 2.5 * label_size(geometry.height_mm)),
                         _panel_label(p, len(panels), setup.panel_overlap_mm))
                   for p in panels]
    return [
        PrintFile(f"print-1to{n:g}", _document(geometry, standard, fonts, [reduced],
                                               print_title(geometry, f"1:{n:g}"), crop_marks)),
        PrintFile("panels", _document(geometry, standard, fonts, panel_pages,
                                      print_title(geometry, f"1:1 panels ×{len(panels)}"),
                                      crop_marks)),
    ]


def _panel_label(panel: Panel, count: int, overlap: float) -> str:
    return (f"拼板 {panel.number}/{count} · panel {panel.number} of {count}: "
            f"{panel.left_mm:.0f}–{panel.right_mm:.0f} mm, 1:1, overlap {overlap:g} mm")
