"""Shared cases for the plaque tests: community values, long names, and ink boxes in mm."""

from __future__ import annotations

from signgen.fonts.book import FontBook
from signgen.plaque.layout import PlacedGlyph, PlaqueGeometry

OUTDOOR = ("name-sign", "party-committee-plaque", "workstation-plaque")
PENGJIAQIAO = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
               "party_org": "党支部"}
TUANJIE = {"district": "阿拉善右旗", "street": "额肯呼都格镇", "community": "团结社区",
           "party_org": "党支部"}

# Long real place names (a banner, the production corps, long street and community names).
LONG_DISTRICTS = ("鄂温克族自治旗", "新疆生产建设兵团第十三师", "莫力达瓦达斡尔族自治旗")
LONG_STREETS = ("新疆生产建设兵团红星二场街道", "经济技术开发区管理委员会街道",
                "巴音郭楞蒙古自治州库尔勒街道")
LONG_COMMUNITIES = ("东湖区百花洲彭家桥社区", "乌鲁木齐市天山区红山路社区", "南昌社区")


def ink_box(glyph: PlacedGlyph, fonts: FontBook) -> tuple[float, float, float, float] | None:
    """The outline's bounding box on the plaque (left, top, right, bottom) in mm."""
    face = fonts.face(glyph.face)
    bounds = face.bounds(glyph.glyph)
    if bounds is None:
        return None
    s = glyph.size_mm / face.units_per_em
    x_min, y_min, x_max, y_max = bounds
    return (glyph.x_mm + x_min * s, glyph.baseline_mm - y_max * s,
            glyph.x_mm + x_max * s, glyph.baseline_mm - y_min * s)


def assert_inside_margins(geometry: PlaqueGeometry, fonts: FontBook) -> None:
    """Every glyph's outline lies inside the plaque's text area (plaque minus margins)."""
    left, top, right, bottom = geometry.text_area
    eps = 1e-6
    for glyph in geometry.glyphs:
        box = ink_box(glyph, fonts)
        if box is None:
            continue
        assert box[0] >= left - eps and box[2] <= right + eps, (glyph, box, geometry.text_area)
        assert box[1] >= top - eps and box[3] <= bottom + eps, (glyph, box, geometry.text_area)
