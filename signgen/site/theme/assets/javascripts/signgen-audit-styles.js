/* signgen-audit-styles.js: the audit engine's typefaces and colours, the twin of
 * signgen/audit/styles.py: names as compared, HEX, rgb(), CMYK and CSS colour names, and
 * CIEDE2000 as coloraide computes it (sRGB -> linear -> XYZ D65 -> Lab D65, coloraide's
 * constants from the data). Part of the engine: load it after signgen-text.js and before
 * signgen-audit.js (signgen.audit.export.ENGINE_SCRIPTS). Plain ES2020, no DOM.
 */
(function (root) {
  "use strict";
  let R = null; // the engine's reader of the data in use (signgen-audit.js use())
  const has = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const t = (key, lang, params) => R.T.say(R.texts.audit, key, lang, params || {});

  const nameKey = (s) => Array.from(R.T.casefold(R.T.nfkc(s))).filter(
    (c) => !R.T.isSpace(c) && c !== "-" && c !== "_").join("");
  function judgeTypeface(data, observed, id, label, lang) {
    const face = data.typefaces[id];
    const name = lang === "en" ? face.name_en : face.name;
    const wanted = nameKey(observed);
    if (face.keys.includes(wanted)) return ["pass", t("face.named", lang, {label, observed, name})];
    if (face.substitute_keys.includes(wanted)) {
      return ["pass", t("face.substitute", lang, {label, observed, name})];
    }
    return ["fail", t("face.wrong", lang, {label, observed, name, examples: face.examples})];
  }
  function readColour(text) {
    const key = nameKey(text);
    const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(key);
    if (hex) {
      let d = hex[1];
      if (d.length === 3) d = d.split("").map((c) => c + c).join("");
      return ["srgb", [0, 2, 4].map((i) => parseInt(d.slice(i, i + 2), 16) / 255)];
    }
    const letters = R.cmyk.exec(key.split(",").join("").split(":").join("").split("=").join(""));
    const nums = () => Array.from(key.matchAll(R.num), (m) => R.T.toFloat(m[0]));
    if (key.startsWith("cmyk") || letters) {
      const v = letters ? letters.slice(1, 5).map(R.T.toFloat) : nums();
      return v.length === 4 && v.every((x) => x >= 0 && x <= 100) ? ["cmyk", v] : null;
    }
    if (key.startsWith("rgb")) {
      const v = nums();
      const scale = key.includes("%") ? 100 : 255;
      return v.length === 3 && v.every((x) => x >= 0 && x <= scale)
        ? ["srgb", v.map((x) => x / scale)] : null;
    }
    return has(R.css, key) ? ["srgb", R.css[key].map((c) => c / 255)] : null;
  }
  const cmykToSrgb = (cmyk) => {
    const [c, m, y, k] = cmyk.map((v) => v / 100);
    return [c, m, y].map((v) => (1 - v) * (1 - k));
  };
  function toLab(rgb, cs) { // coloraide: srgb -> srgb-linear -> xyz-d65 -> lab-d65
    const lin = rgb.map((i) => {
      const a = Math.abs(i);
      return a > 0.04045 ? Math.sign(i || 1) * Math.abs(((a + 0.055) / 1.055) ** 2.4) : i / 12.92;
    });
    const m = cs.rgb_to_xyz, w = cs.white;
    const xyz = m.map((row) => row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]);
    const EPS = 216 / 24389, KAPPA = 24389 / 27;
    const f = xyz.map((v, i) => v / w[i]).map((i) => (i > EPS
      ? (i === 0 ? 0.0 : Math.sign(i) * Math.abs(i) ** (3 ** -1)) : (KAPPA * i + 16) / 116));
    return [(116.0 * f[1]) - 16.0, 500.0 * (f[0] - f[1]), 200.0 * (f[1] - f[2])];
  }
  function deltaE2000(c1, c2, cs) { // coloraide's distance/delta_e_2000.py, step by step
    const [l1, a1, b1] = toLab(c1, cs), [l2, a2, b2] = toLab(c2, cs);
    const G = 25 ** 7, rad = (d) => d * (Math.PI / 180), deg = (r) => r * (180 / Math.PI);
    const cc1 = Math.sqrt(a1 ** 2 + b1 ** 2), cc2 = Math.sqrt(a2 ** 2 + b2 ** 2);
    const cm = (cc1 + cc2) / 2, c7 = cm ** 7;
    const g = 0.5 * (1 - Math.sqrt(c7 / (c7 + G)));
    const ap1 = (1 + g) * a1, ap2 = (1 + g) * a2;
    const cp1 = Math.sqrt(ap1 ** 2 + b1 ** 2), cp2 = Math.sqrt(ap2 ** 2 + b2 ** 2);
    let hp1 = ap1 === 0 && b1 === 0 ? 0 : Math.atan2(b1, ap1);
    let hp2 = ap2 === 0 && b2 === 0 ? 0 : Math.atan2(b2, ap2);
    hp1 = deg(hp1 < 0.0 ? hp1 + 2 * Math.PI : hp1);
    hp2 = deg(hp2 < 0.0 ? hp2 + 2 * Math.PI : hp2);
    const dl = l1 - l2, dc = cp1 - cp2, hdiff = hp1 - hp2;
    let dh;
    if (cp1 * cp2 === 0.0) dh = 0.0;
    else if (Math.abs(hdiff) <= 180.0) dh = hdiff;
    else dh = hdiff + (hdiff > 180.0 ? -360 : 360);
    dh = 2 * Math.sqrt(cp2 * cp1) * Math.sin(rad(dh / 2));
    const lpm = (l1 + l2) / 2, cpm = (cp1 + cp2) / 2, hsum = hp1 + hp2;
    let hpm;
    if (cp1 * cp2 === 0) hpm = hsum;
    else if (Math.abs(hp1 - hp2) > 180) hpm = (hsum + (hsum < 360 ? 360 : -360)) / 2;
    else hpm = hsum / 2;
    const tt = 1 - (0.17 * Math.cos(rad(hpm - 30))) + (0.24 * Math.cos(rad(2 * hpm))) +
      (0.32 * Math.cos(rad((3 * hpm) + 6))) - (0.20 * Math.cos(rad((4 * hpm) - 63)));
    const dt = 30 * Math.exp(-1 * ((hpm - 275) / 25) ** 2);
    const cpm7 = cpm ** 7, rc = 2 * Math.sqrt(cpm7 / (cpm7 + G));
    const ltemp = (lpm - 50) ** 2;
    const sl = 1 + ((0.015 * ltemp) / Math.sqrt(20 + ltemp)), sc = 1 + 0.045 * cpm;
    const sh = 1 + 0.015 * cpm * tt, rt = -1 * Math.sin(rad(2 * dt)) * rc;
    return Math.sqrt((dl / (1 * sl)) ** 2 + (dc / (1 * sc)) ** 2 + (dh / (1 * sh)) ** 2 +
                     rt * (dc / (1 * sc)) * (dh / (1 * sh)));
  }
  function judgeColour(data, observed, id, label, lang) {
    const all = data.colours, colour = all.by_id[id];
    const name = lang === "en" ? colour.name_en : colour.name;
    const wanted = nameKey(observed);
    if (colour.own_keys.includes(wanted)) return ["pass", t("colour.named", lang, {label, observed, name})];
    for (const oid of all.order) {
      const other = all.by_id[oid];
      if (oid !== id && other.keys.includes(wanted)) {
        return ["fail", t("colour.other", lang, {label, observed, name,
                                                 other: lang === "en" ? other.name_en : other.name})];
      }
    }
    const read = readColour(observed);
    if (read === null) return ["unknown", t("colour.unknown", lang, {label, observed})];
    const [space, coords] = read;
    const cmyk = space === "cmyk";
    const got = cmyk ? cmykToSrgb(coords) : coords;
    const ref = cmyk ? cmykToSrgb(colour.cmyk) : colour.srgb;
    const delta = deltaE2000(got, ref, data.colour_science);
    const ok = delta <= all.limit + 1e-9;
    return [ok ? "pass" : "fail", t(ok ? "colour.near" : "colour.far", lang, {
      label, observed, name, hex: cmyk ? colour.cmyk_shown : colour.hex, de: R.T.fixed(delta, 1),
      limit: all.limit_shown})];
  }

  root.SigngenAuditStyles = {
    bind: (reader) => { R = reader; }, judgeTypeface, judgeColour, readColour, deltaE2000,
  };
})(globalThis);
