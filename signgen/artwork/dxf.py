"""The cut-letter DXF of a plaque (ezdxf): closed outlines in millimetres, a layer each.

For routed or laser-cut letters (立体字: stainless steel, acrylic) and vinyl cutting:

- DXF R2010, units millimetres (``$INSUNITS`` 4), the plaque's lower-left corner at (0, 0),
  y up; one closed LWPOLYLINE per contour of every glyph, its curves flattened to within
  :data:`FLATTEN_MM` (0.1 mm: within a laser's kerf, far under a router bit);
- one layer per colour and segment (``red-community``: the colour id, then the segment id
  of the spec), coloured with the colour's HEX and described with its name, HEX and CMYK;
  the plaque's outline on a layer of its own (``plaque-outline``);
- no TEXT or MTEXT entity, no font: the shop's software needs nothing but the geometry;
- the same plaque gives the same bytes: ezdxf's fixed metadata (its option for reproducible
  files) replaces the write time and random GUIDs; handles are allocated in drawing order.
"""

from __future__ import annotations

import io
import re

import ezdxf
from ezdxf import colors, units
from ezdxf.document import Drawing
from ezdxf.filemanagement import new as new_drawing
from ezdxf.math import Matrix44
from ezdxf.path import Path

from signgen.fonts.book import FontBook
from signgen.fonts.face import Face
from signgen.plaque.layout import PlaqueGeometry
from signgen.spec.model import Standard

FLATTEN_MM = 0.1
OUTLINE_LAYER = "plaque-outline"
_COMMAND = re.compile(r"([MLHVCQZ])([^MLHVCQZ]*)")
_PATHS: dict[tuple[str, int, int], Path] = {}


def glyph_path(face: Face, glyph: int) -> Path:
    """A glyph's outline as an ezdxf path in font units, every contour closed (cached)."""
    key = (str(face.file), face.index, glyph)
    found = _PATHS.get(key)
    if found is not None:
        return found
    path = Path()
    start = (0.0, 0.0)
    cx = cy = 0.0
    for command, args in _COMMAND.findall(face.outline(glyph)):
        v = [float(a) for a in args.split()]
        if command == "M":
            if path.has_sub_paths or len(path):
                path.close_sub_path()
            cx, cy = start = (v[0], v[1])
            path.move_to(start)
        elif command in "LHV":
            cx, cy = (v[0], v[1]) if command == "L" else (v[0], cy) if command == "H" else (
                cx, v[0])
            path.line_to((cx, cy))
        elif command == "C":
            path.curve4_to((v[4], v[5]), (v[0], v[1]), (v[2], v[3]))
            cx, cy = v[4], v[5]
        elif command == "Q":
            path.curve3_to((v[2], v[3]), (v[0], v[1]))
            cx, cy = v[2], v[3]
        else:
            path.close_sub_path()
            cx, cy = start
    if len(path):
        path.close_sub_path()
    _PATHS[key] = path
    return path


def layer_name(colour: str, segment: str) -> str:
    """The layer of a segment's letters: colour id, then segment id (spec ids, DXF-safe)."""
    return f"{colour}-{segment}"


def _add_layers(doc: Drawing, geometry: PlaqueGeometry, standard: Standard) -> None:
    outline = doc.layers.add(OUTLINE_LAYER, color=colors.BLACK)
    outline.description = f"plaque outline {geometry.width_mm:g} x {geometry.height_mm:g} mm"
    for line in geometry.lines:
        for run in line.runs:
            name = layer_name(run.colour, run.segment)
            if name in doc.layers:
                continue
            value = standard.colour_value(run.colour)
            layer = doc.layers.add(name)
            layer.rgb = colors.RGB.from_hex(value.hex)
            cmyk = "/".join(f"{c:g}" for c in value.cmyk)
            names = [c.name_en for c in standard.colours if c.id == run.colour]
            layer.description = (f"{' '.join(names) or run.colour} {value.hex.upper()} "
                                 f"CMYK {cmyk}; segment {run.segment}")


def _contours(path: Path) -> list[list[tuple[float, float]]]:
    """Each closed contour of a path, flattened, without its repeated end point."""
    contours = []
    for sub in path.sub_paths():
        points = [(v.x, v.y) for v in sub.flattening(FLATTEN_MM, segments=2)]
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) >= 3:
            contours.append(points)
    return contours


def _drawing(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook) -> Drawing:
    doc = new_drawing("R2010", units=units.MM, setup=False)
    doc.header["$MEASUREMENT"] = 1  # metric
    _add_layers(doc, geometry, standard)
    msp = doc.modelspace()
    w, h = geometry.width_mm, geometry.height_mm
    msp.add_lwpolyline([(0, 0), (w, 0), (w, h), (0, h)], close=True,
                       dxfattribs={"layer": OUTLINE_LAYER})
    for line in geometry.lines:
        for run in line.runs:
            attribs = {"layer": layer_name(run.colour, run.segment)}
            for g in run.glyphs:
                face = fonts.face(g.face)
                path = glyph_path(face, g.glyph)
                if not len(path):
                    continue
                s = g.size_mm / face.units_per_em
                placed = path.transform(Matrix44.chain(Matrix44.scale(s, s, 1),
                                                       Matrix44.translate(g.x_mm,
                                                                          h - g.baseline_mm, 0)))
                for contour in _contours(placed):
                    msp.add_lwpolyline(contour, close=True, dxfattribs=attribs)
    return doc


def plaque_dxf(geometry: PlaqueGeometry, standard: Standard, fonts: FontBook) -> bytes:
    """The plaque's cut-letter DXF (see the module docstring), as bytes."""
    stream = io.StringIO()
    options = ezdxf.options  # type: ignore[attr-defined]  # re-exported, not in __all__
    fixed = options.write_fixed_meta_data_for_testing
    options.write_fixed_meta_data_for_testing = True  # no clock, no random GUID
    try:
        _drawing(geometry, standard, fonts).write(stream)
    finally:
        options.write_fixed_meta_data_for_testing = fixed
    return stream.getvalue().encode("utf-8")
