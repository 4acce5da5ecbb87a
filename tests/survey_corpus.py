"""A seeded corpus of filled audit surveys, to run through both judges (Python and the browser).

:func:`corpus` gives the same surveys for the same seed: for every bundled standard and a
few communities (plain, with a plan's rooms, windows and boards, a hostile name, no values),
surveys in the shape the browser's judge takes (``{origin, items}``, raw values as typed).
Every value comes from the spec and the exported judge data (names, sizes, tolerances,
colour values), never written here: passes, fails, values at and just past each tolerance,
empty items, auditor results that disagree with the measured values, alternative names,
full-width digits and units, colour names, HEX, rgb(), CMYK and CSS names near and far from
the project's value (some within 10⁻⁶ of the ΔE limit), typeface names and substitutes,
every origin by id and by name, and values the readers refuse.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coloraide import Color
from project_paths import SPECS

from signgen.audit.export import audit_data
from signgen.audit.item_types import Room, Site
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

SEED = 20261202
FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}  # ASCII → full-width forms
HOSTILE = '</script><b onmouseover="x">&amp;\'"\\ 社区\n'
Raw = Any


@dataclass(frozen=True)
class Case:
    """One survey of the corpus: which judge data (by key) and what the auditor typed."""

    name: str
    data: str
    survey: dict[str, Any]


def datasets() -> dict[str, dict[str, Any]]:
    """The judge data the corpus is judged against, by key."""
    core, learning = standards().values()
    party = next(f for f in core.fields if f.id == "party_org")
    values = {"district": "东湖区", "street": "百花洲街道", "community": "彭家桥社区",
              "party_org": party.choices[-1]}
    fns = [f.id for f in core.functions]
    site = Site(rooms=(Room("一楼大厅", (fns[0],)), Room("102", tuple(fns[1:3])),
                       Room("活动室 A", (fns[3],))),
                windows=(core.window_categories[0].name, "便民服务"),
                boards=(core.boards[0].name,) if core.boards else ())
    return {
        "core": audit_data(core, values),
        "core-site": audit_data(core, values, site, core.origins[1].id),
        "core-hostile": audit_data(core, {"district": HOSTILE, "community": "«A&B»"}),
        "core-empty": audit_data(core, {}),
        "learning": audit_data(learning, {}),
    }


@functools.cache
def standards() -> dict[str, Standard]:
    """The bundled standards by id (loaded once)."""
    return {s.id: s for s in (load_standard(SPECS / "community-premises"),
                              load_standard(SPECS / "learning-community"))}


def corpus(seed: int = SEED, per_data: dict[str, int] | None = None) -> tuple[
        dict[str, dict[str, Any]], list[Case]]:
    """The judge data by key and the surveys (at least 300), the same for the same seed."""
    data = datasets()
    counts = per_data or {"core": 110, "core-site": 70, "core-hostile": 50, "core-empty": 30,
                          "learning": 60}
    by_id = standards()
    cases = []
    for key, n in counts.items():
        standard = by_id[data[key]["standard"]["id"]]
        maker = _Maker(random.Random(f"{seed}-{key}"), data[key], standard)
        cases += [Case(f"{key}-{i:03d}", key, maker.survey(i)) for i in range(n)]
    return data, cases


class _Maker:
    def __init__(self, rng: random.Random, data: dict[str, Any], standard: Standard) -> None:
        self.rng, self.data, self.standard = rng, data, standard
        self.kinds: dict[str, Callable[[dict[str, Any]], Raw]] = {
            "area": self.area, "quantity": self.quantity, "plaque-size": self.size,
            "plaque-text": self.text, "plaque-colours": self.colours,
            "plaque-typefaces": self.faces, "function": self.room}

    refuse = False

    def pick(self, options: list[Any], refused: list[Any] | None = None) -> Any:
        """One of ``options``, or in a survey that refuses values one of ``refused`` too."""
        if self.refuse and refused:
            options = options + refused
        return options[self.rng.randrange(len(options))]

    def survey(self, i: int) -> dict[str, Any]:
        if i % 8 == 7:
            return self.compliant()
        fill = (0.0, 0.35, 0.7, 0.95, 1.0)[i % 5]  # from empty to every item filled
        self.refuse = self.rng.random() < 0.35  # this survey holds values the CLI refuses
        items: dict[str, Any] = {}
        for item in self.data["items"]:
            if self.rng.random() < fill:
                items[item["id"]] = self.entry(item)
        if items and self.refuse and self.rng.random() < 0.2:  # an item id with a typo
            wrong = self.pick(list(items))
            items[wrong[:-1] if self.rng.random() < 0.5 else wrong + "s"] = {"result": "pass"}
        return {"origin": self.origin(), "items": items}

    def compliant(self) -> dict[str, Any]:
        """Every item passed by the auditor, with values within the limits where signgen
        judges them (at the limit itself, or inside it)."""
        items: dict[str, Any] = {}
        for item in self.data["items"]:
            entry: dict[str, Any] = {"result": self.pick(["pass", "合格", "na"])
                                     if item["level_class"] != "required" else "pass"}
            kind, tol = item["kind"], item.get("tolerance", {})
            if kind == "area":
                entry["measured_m2"] = _plain(item["min_m2"] - tol.get("plus_minus", 0))
            elif kind == "quantity":
                entry["measured"] = _plain(item["quantity"]["value"]) + self.pick(
                    ["", item["quantity"]["unit"]])
            elif kind == "plaque-size":
                entry["measured"] = {k: _plain(v + self.pick([0, tol["cm"], -tol["cm"]]))
                                     for k, v in zip(("height_cm", "width_cm"),
                                                     item["size_cm"], strict=True)
                                     if v is not None}
            elif kind == "plaque-colours":
                entry["observed"] = {p["key"]: self.data["colours"]["by_id"][p["spec_id"]][
                    "hex"] for p in item["parts"]}
            elif kind == "plaque-typefaces":
                entry["observed"] = {p["key"]: self.data["typefaces"][p["spec_id"]]["name"]
                                     for p in item["parts"]}
            items[item["id"]] = entry
        origins = self.data["origins"]
        return {"origin": self.pick(origins)["id"] if origins else None, "items": items}

    def origin(self) -> str | None:
        origins = self.data["origins"]
        if not origins:
            return self.pick([None], ["rented"])
        o = self.pick(origins)
        return self.pick([None, o["id"], o["id"], o["name"], o["name_en"], " " + o["id"]],
                         ["rented"])

    def entry(self, item: dict[str, Any]) -> Raw:
        rng = self.rng
        if self.refuse and rng.random() < 0.02:
            return self.pick(["pass", 55, ["pass"]])  # not a mapping
        entry: dict[str, Any] = {}
        if rng.random() < 0.55:
            entry["result"] = self.pick(["pass", "fail", "na", "合格", "不合格", "不适用",
                                         " PASS ", "N/A", "Fail", "ｐａｓｓ", "", None],
                                        ["ok", 1, True])
        if rng.random() < 0.2:
            entry["note"] = self.pick(["", "门牌被树挡住", HOSTILE, "note 📷", 12, "a\tb",
                                       "\u0007bell"], [["a list"], True])
        if rng.random() < 0.1:
            entry["photo"] = self.pick(
                [f"photos/{item['id']}.jpg", f"photos/{item['id']}.JPG", " photos/a b.png "],
                ["../x.jpg", "/x.jpg", "x.txt", "C:\\x.jpg", "photos//x.jpg", "photos/./x.jpg",
                 "photos/" + "x" * 200 + ".jpg"])
        maker = self.kinds.get(item["kind"])
        if maker is not None and item["fields"] and rng.random() < 0.8:
            entry[item["fields"][0]] = maker(item)
        if self.refuse and rng.random() < 0.04:
            entry[self.pick(["mesured", "notes", "observd", "clause", "rooms", "x"])] = "1"
        return entry if entry or rng.random() < 0.5 else None

    # --- values, by kind ------------------------------------------------------------------
    def number(self, target: float, unit_words: list[str], bad_unit: str) -> Raw:
        """Around ``target``: at it, just under and over, full-width, with units, refused."""
        n = self.pick([target, target - 0.0001, target + 0.0001, target - 1, target + 12.5,
                       0, target * 2])
        text = _plain(n)
        return self.pick([
            text, text, n if n != int(n) else int(n), _full(text),
            text + self.pick(unit_words), " " + text + " " + self.pick(unit_words),
            _full(text + self.pick(unit_words)), ".5", "5.", "1e2", "٣", None], [
            f"{int(target) * 1000:,}", text + bad_unit,
            text.replace(".", ",") if "." in text else text + ",5", "-" + text, "abc", "",
            "1e999", True])

    def area(self, item: dict[str, Any]) -> Raw:
        tol = item.get("tolerance", {}).get("plus_minus", 0)
        return self.number(item["min_m2"] - tol, ["㎡", "m2", "m²", "平方米", "平米"], "cm")

    def quantity(self, item: dict[str, Any]) -> Raw:
        q = item["quantity"]
        return self.number(q["value"], [q["unit"]], "kg")

    def size(self, item: dict[str, Any]) -> Raw:
        tol = item["tolerance"]["cm"]
        out: dict[str, Any] = {}
        for key, req in zip(("height_cm", "width_cm"), item["size_cm"], strict=True):
            if req is None or self.rng.random() < 0.1:
                if self.rng.random() < 0.3:
                    out[key] = self.pick(["30", None])
                continue
            off = self.pick([0, tol, -tol, tol + 0.001, -tol - 0.001, tol - 0.001, 3 * tol,
                             -0.5])
            value = _plain(req + off)
            out[key] = self.pick([value, value, value + "cm", _full(value) + "ｃｍ",
                                  value + " 厘米", req + off if off else int(req)],
                                 [_plain((req + off) * 10) + "mm", "0", "-5", "55x75"])
        if self.refuse and self.rng.random() < 0.1:
            out[self.pick(["heigth_cm", "width", "depth_cm"])] = "1"
        if self.refuse and self.rng.random() < 0.05:
            return self.pick(["55x75", ["55", "75"]])
        return out

    def text(self, item: dict[str, Any]) -> Raw:
        want = item["required"]
        variants = [want, want, " ".join(want), want.translate(str.maketrans(
            {"(": "（", ")": "）", ",": "，", "、": "、"})), want[:-1], want + "室", ""]
        for f in self.standard.functions:
            for alt in f.standard_names[1:]:
                if f.standard_names[0] in want:
                    variants.append(want.replace(f.standard_names[0], alt))
        for field in self.standard.fields:
            for a in field.choices:
                for b in field.choices:
                    if a != b and a in want:
                        variants.append(want.replace(a, b))
        return self.pick(variants)

    def colours(self, item: dict[str, Any]) -> Raw:
        out: dict[str, Any] = {}
        for part in item["parts"]:
            if self.rng.random() < 0.15:
                continue
            out[part["key"]] = self.colour(part["spec_id"])
        return out

    def colour(self, colour_id: str) -> Raw:
        info = self.data["colours"]["by_id"][colour_id]
        colour = self.standard.colour(colour_id)
        names = [colour.name, colour.name_en, *(colour.known_as.names if colour.known_as
                                                 else [])]
        others = [n for c in self.standard.colours if c.id != colour_id
                  for n in [c.name, c.name_en]]
        ref = [round(v * 255) for v in info["srgb"]]
        kind = self.rng.random()
        if kind < 0.3:
            return self.pick(names + [n.upper() for n in names] + [_full(names[-1])])
        if kind < 0.4:
            return self.pick(others)
        if kind < 0.7:
            spread = self.pick([3, 10, 25, 60, 140])
            rgb = [min(255, max(0, v + self.rng.randint(-spread, spread))) for v in ref]
            hexa = "".join(f"{v:02x}" for v in rgb)
            return self.pick(["#" + hexa, hexa.upper(), f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})",
                              "rgb(" + ",".join(f"{v / 2.55:.1f}%" for v in rgb) + ")",
                              _full("#" + hexa)])
        if kind < 0.8:
            return _at_limit(info["srgb"], self.data["colours"]["limit"],
                             self.rng.choice([-1e-6, 1e-6]), self.rng)
        if kind < 0.9:
            c, m, y, k = info["cmyk"]
            d = self.pick([0, 5, 20, 60])
            return self.pick([f"cmyk({c}, {m}, {y}, {k})", f"C{c} M{m} Y{y} K{k}",
                              f"c{c}m{max(0, m - d)}y{y}k{min(100, k + d)}",
                              f"cmyk({c},{m},{y})", "c1.2.3m0y0k0", "cmyk(0,0,0,120)"])
        return self.pick(["crimson", "Brown", "dark red", "DarkRed", "white", "black",
                          "transparent", "金色", "", "   ", "#12345", "rgb(300,0,0)",
                          "hsl(0, 100%, 50%)"])

    def faces(self, item: dict[str, Any]) -> Raw:
        out: dict[str, Any] = {}
        for part in item["parts"]:
            if self.rng.random() < 0.15:
                continue
            face = self.standard.typeface(part["spec_id"])
            names = [face.name, face.name_en, *(face.known_as.names if face.known_as else [])]
            subs = [s for s in self.standard.project_defaults.typeface_substitutes
                    if s.typeface == face.id]
            fams = [f"{f.family} {f.style}" for s in subs for f in s.families]
            fams += [f.family.lower().replace(" ", "-") for s in subs for f in s.families]
            others = [n for f in self.standard.typefaces if f.id != face.id for n in
                      (f.known_as.names[:3] if f.known_as else [f.name])]
            out[part["key"]] = self.pick([self.pick(names), self.pick(names).upper(),
                                          self.pick(fams or names), self.pick(others),
                                          "Arial", "微软雅黑", ""], [True])
        return out

    def room(self, item: dict[str, Any]) -> Raw:
        return self.pick(["101", "一楼东侧", "", HOSTILE, 203, None], [{"room": "101"}])


def _plain(value: float) -> str:
    """A number as a person writes it: no exponent, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _full(text: str) -> str:
    return "".join(FULL.get(c, c) for c in text)


def _at_limit(srgb: list[float], limit: float, offset: float, rng: random.Random) -> str:
    """An rgb() colour whose ΔE2000 from ``srgb`` is ``limit + offset`` (bisection along a
    random direction, in coloraide, the Python judge's own colour difference)."""
    ref = Color("srgb", srgb)
    direction = [rng.uniform(-1, 1) for _ in range(3)]

    def at(s: float) -> list[float]:
        return [min(1.0, max(0.0, c + s * d)) for c, d in zip(srgb, direction, strict=True)]

    lo, hi = 0.0, 2.0
    if ref.delta_e(Color("srgb", at(hi)), method="2000") < limit + offset:
        return "rgb(" + ", ".join(f"{v * 255:.6f}" for v in at(hi)) + ")"
    for _ in range(80):
        mid = (lo + hi) / 2
        if ref.delta_e(Color("srgb", at(mid)), method="2000") < limit + offset:
            lo = mid
        else:
            hi = mid
    return "rgb(" + ", ".join(f"{v * 255:.9f}" for v in at(hi)) + ")"
