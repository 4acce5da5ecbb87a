/* signgen-audit.js: the browser's judge of an audit survey, the twin of `signgen audit`.
 *
 * Plain ES2020, no dependency but signgen-text.js (Python's text rules, loaded before this
 * file), no DOM: it runs in Chromium and in node. Everything it knows of the standard comes
 * from the judge data the site build writes next to the page
 * (signgen.audit.export.audit_data): the items, levels, tolerances, colour values,
 * typeface names, the message catalogue and the text rules. Here are only the comparisons,
 * written to give exactly what signgen/audit/judge.py, styles.py and survey.py give; the
 * browser test tests/browser/test_engine_audit.py proves it on a corpus of surveys.
 *
 *   SigngenAudit.judge(data, survey, lang)    -> outcomes, scores, exit status, problems
 *   SigngenAudit.readNumber(raw, unit, opts)  -> {value} | {problem}
 *   SigngenAudit.readResult(raw, opts)        -> {value} | {problem}
 *   SigngenAudit.surveyYaml(data, survey, header) -> the survey file `signgen audit` reads
 *
 * survey = {origin: id | null, items: {item_id: {result, note, <field>: raw value}}}: the
 * `items:` of the YAML survey. An input left empty is null (or absent), as `field:` left
 * empty in YAML; "" is a value (the CLI refuses "" as a number).
 */
(function (root) {
  "use strict";
  const FORMAT = 1;
  let R = null; // the data last used: its text rules, messages and patterns (see use())

  function use(data) {
    if (!data || data.format !== FORMAT) {
      throw new Error("signgen-audit: judge data of format " + FORMAT + " expected, got " +
                      (data && data.format));
    }
    if (!root.SigngenText) throw new Error("signgen-audit.js needs signgen-text.js before it");
    if (data.__reader) { R = data.__reader; return data; }
    const T = root.SigngenText.make(data.text_rules), D = T.ND;
    R = {
      data, T, raw: data.reader, texts: data.texts, css: data.reader.css_colours,
      num: new RegExp(D + "+(?:\\." + D + "+)?", "gu"),  // styles.py _NUM, _CMYK_LETTERS
      cmyk: new RegExp("^" + ("cmyk".split("").map((l) => l + "(" + D + "+(?:\\." + D +
                               "*)?|\\." + D + "+)%?").join("")) + "$", "u"),
    };
    Object.defineProperty(data, "__reader", {value: R, enumerable: false});
    return data;
  }
  const has = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const pyStr = (v) => (typeof v === "number" ? R.T.repr(v) : String(v)); // str(value)
  const msg = (table, key, params) => R.T.msg(R.texts[table], key, params || {});
  const t = (key, lang, params) => R.T.say(R.texts.audit, key, lang, params || {});
  const closeMatch = (word, options) => R.T.closeMatches(word, options, 1)[0] ?? null;

  // --- the readers of spec/values.py: {value} or {problem: {key, message_zh, message_en}}
  function refusal(code, params) {
    const m = msg("values", code, params);
    return {key: code, message_zh: m.zh, message_en: m.en};
  }
  function numberOf(raw, unit, positive) {
    const read = R.T.readNumber(raw, unit || null, {positive, minimum: positive ? null : 0});
    return read.problem ? {problem: refusal(read.problem.code, read.problem.params)} : read;
  }
  function resultOf(value) {
    if (value === null || value === undefined) return {value: null};
    if (typeof value === "string") {
      if (!R.T.strip(value)) return {value: null};
      const k = R.T.normalise(value);
      if (has(R.raw.results, k)) return {value: R.raw.results[k]};
    }
    return {problem: refusal("not-a-result", {got: R.T.describe(value)})};
  }
  function readNumber(raw, unit, opts) {
    use((opts && opts.data) || R && R.data);
    return numberOf(raw, unit, !!(opts && opts.positive));
  }
  function readResult(raw, opts) {
    use((opts && opts.data) || R && R.data);
    return resultOf(raw);
  }

  // --- the items of one origin (audit/items.py checkable_items) ------------------------
  function itemsFor(data, origin) {
    const cache = data.__items || new Map();
    if (!data.__items) Object.defineProperty(data, "__items", {value: cache, enumerable: false});
    const key = origin || "";
    if (!cache.has(key)) {
      const diff = data.by_origin[key] || {};
      cache.set(key, data.items.map((i) => (has(diff, i.id) ? Object.assign({}, i, diff[i.id]) : i)));
    }
    return cache.get(key);
  }

  // --- reading one entry (audit/survey.py _Reader.entry) -------------------------------
  function reader(item, problems) {
    const bad = (field, table, key, params) => {
      const m = msg(table, key, params);
      problems.push({item: item ? item.id : null, field, message_zh: m.zh, message_en: m.en});
    };
    const got = (v) => (Array.isArray(v) ? msg("audit", "err.a-list")
      : isMap(v) ? msg("audit", "err.a-mapping") : R.T.describe(v));
    const unknown = (field, key, allowed) => {
      const close = closeMatch(String(key), allowed);
      bad(field, "audit", "err.unknown-key", {
        hint: close === null ? "" : msg("audit", "err.hint", {close}), allowed: allowed.join(", ")});
    };
    const text = (field, v) => {
      if (v === null || v === undefined) return null;
      if (typeof v === "boolean" || typeof v === "object") {
        bad(field, "audit", "err.text", {got: got(v)});
        return null;
      }
      return pyStr(v);
    };
    const number = (field, v, unit, positive) => {
      if (v === null || v === undefined) return null;
      const read = numberOf(v, unit, positive);
      if (!read.problem) return read.value;
      const p = read.problem;
      problems.push({item: item.id, field, message_zh: p.message_zh, message_en: p.message_en});
      return null;
    };
    const mapping = (field, raw, keys, expected, read) => {
      const out = {};
      if (raw === null || raw === undefined) return out;
      if (!isMap(raw)) { bad(field, "audit", "err.mapping", {expected, got: got(raw)}); return out; }
      for (const [k, v] of Object.entries(raw)) {
        if (!keys.includes(k)) { unknown(field + "." + k, k, keys); continue; }
        out[k] = read(field + "." + k, v);
      }
      return out;
    };
    return {bad, got, unknown, text, number, mapping};
  }

  function readEntry(item, raw, problems) {
    const r = reader(item, problems);
    const entry = {result: null, note: null, measured: null, size: {}, observed: null,
                   parts: {}, room: null};
    if (raw === null || raw === undefined) return entry;
    if (!isMap(raw)) { r.bad("", "audit", "err.entry", {got: r.got(raw)}); return entry; }
    const allowed = ["result", "note", ...item.fields];
    const sorted = [...allowed].sort();
    for (const k of Object.keys(raw)) {
      if (!allowed.includes(k) && !R.raw.info_keys.includes(k)) r.unknown(k, k, sorted);
    }
    const result = resultOf(raw.result);
    if (result.problem) {
      const p = result.problem;
      problems.push({item: item.id, field: "result", message_zh: p.message_zh,
                     message_en: p.message_en});
    } else entry.result = result.value;
    entry.note = r.text("note", raw.note);
    const f = item.fields[0];
    const value = f ? raw[f] : undefined;
    if (item.kind === "area") entry.measured = r.number(f, value, "m2", false);
    else if (item.kind === "quantity") {
      entry.measured = r.number(f, value, item.quantity ? item.quantity.unit : null, false);
    } else if (item.kind === "plaque-size") {
      entry.size = r.mapping(f, value, R.raw.size_keys, "{height_cm: ..., width_cm: ...}",
                             (field, v) => r.number(field, v, "cm", true));
    } else if (item.kind === "plaque-text") entry.observed = r.text(f, value);
    else if (item.kind === "function") entry.room = r.text(f, value);
    else if (item.parts) {
      const keys = item.parts.map((p) => p.key);
      entry.parts = mapping(r, f, value, keys);
    }
    return entry;
  }
  const mapping = (r, f, value, keys) => r.mapping(f, value, keys, keys.join(", "), r.text);

  // --- typefaces and colours (audit/styles.py) -----------------------------------------
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
    return has(R.css, key) ? ["srgb", R.css[key]] : null;
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

  // --- judging (audit/judge.py) --------------------------------------------------------
  const measured = (v) => R.T.measured(v);
  const tolText = (v, unit, lang) => (v ? t("tolerance", lang, {value: measured(v),
                                                                 unit: R.T.unitShown(unit)}) : "");
  const maybe = (v) => (v === null || v === undefined ? "?" : measured(v));
  function judgeValues(data, item, e, lang) {
    const k = item.kind;
    if (k === "area") {
      if (e.measured === null || item.min_m2 === undefined) return null;
      const tol = item.tolerance ? item.tolerance.plus_minus : 0.0;
      return [e.measured >= item.min_m2 - tol ? "pass" : "fail", t("area", lang, {
        got: measured(e.measured), min: measured(item.min_m2), tol: tolText(tol, "m2", lang)})];
    }
    if (k === "plaque-size") {
      const tol = item.tolerance ? item.tolerance.cm : 0.0;
      const [rh, rw] = item.size_cm;
      const gh = has(e.size, "height_cm") ? e.size.height_cm : null;
      const gw = has(e.size, "width_cm") ? e.size.width_cm : null;
      const pairs = [[rh, gh], [rw, gw]].filter(([r]) => r !== null);
      const bad = pairs.some(([r, g]) => g !== null && Math.abs(g - r) > tol + 1e-9);
      const complete = pairs.every(([, g]) => g !== null);
      if (!bad && !complete) return null;
      const shown = item.tolerance ? tolText(tol, "cm", lang) : "";
      let m;
      if (rh !== null && rw !== null) {
        m = t("size.both", lang, {measured: maybe(gh) + " × " + maybe(gw),
                                  required: measured(rh) + " × " + measured(rw), tol: shown});
      } else {
        const [r, g, what] = rh !== null ? [rh, gh, "height"] : [rw, gw, "width"];
        m = t("size.one", lang, {what: t("size." + what, lang), got: maybe(g),
                                 required: measured(r || 0), tol: shown});
      }
      return [bad ? "fail" : "pass", m];
    }
    if (k === "plaque-text") {
      if (e.observed === null || item.text_pattern === undefined) return null;
      if (!item.__re) {
        Object.defineProperty(item, "__re", {value: new RegExp("^(?:" + item.text_pattern + ")$")});
      }
      const ok = item.__re.test(R.T.squeeze(R.T.nfkc(e.observed)));
      const m = t("text", lang, {observed: e.observed, required: item.required});
      return ok ? ["pass", m] : ["fail", m + t("text.rule", lang)];
    }
    if (k === "plaque-colours" || k === "plaque-typefaces") {
      const judge = k === "plaque-colours" ? judgeColour : judgeTypeface;
      const seen = Object.entries(e.parts).filter(([, v]) => v !== null && R.T.strip(v));
      if (!seen.length) return null;
      const observed = new Map(seen);
      const verdicts = item.parts.filter((p) => observed.has(p.key)).map(
        (p) => judge(data, observed.get(p.key), p.spec_id, p.label, lang));
      const m = verdicts.map((v) => v[1]).join("; ");
      if (verdicts.some((v) => v[0] === "fail")) {
        return ["fail", verdicts.filter((v) => v[0] === "fail").map((v) => v[1]).join("; ")];
      }
      if (verdicts.some((v) => v[0] === "unknown") || verdicts.length < item.parts.length) {
        return [null, m];
      }
      return ["pass", m];
    }
    if (k === "quantity") {
      const q = item.quantity;
      if (e.measured === null || !q) return null;
      const v = e.measured;
      const ok = {">=": v >= q.value, "<=": v <= q.value, "==": v === q.value}[q.comparator];
      return [ok ? "pass" : "fail", t("quantity", lang, {
        value: measured(v), unit: q.unit, required: lang === "en" ? q.required_en : q.required})];
    }
    return null;
  }

  function judgeItem(data, item, e, lang, origin) {
    const out = (status, by, message, overridden) => ({
      id: item.id, status, decided_by: by, message, overridden: !!overridden,
      level: item.level_class, advisory: item.level_class !== "required",
      auditor_result: e.result, note: e.note || ""});
    const said = e.result;
    if (origin && item.origins.length && !item.origins.includes(origin)) {
      const names = {};
      for (const o of data.origins) names[o.id] = lang === "en" ? o.name_en : o.name;
      const nm = (o) => (has(names, o) ? names[o] : o);
      return out("na", "signgen", t("origin.not-this", lang, {
        origins: item.origins.map(nm).join("、"), origin: nm(origin)}));
    }
    const judged = judgeValues(data, item, e, lang);
    if (judged !== null && judged[0] !== null) {
      const [status, m] = judged;
      if (said === null) return Object.assign(out(status, "signgen", m), {auditor_result: null});
      if (said === status) return out(status, "both", t("both-agree", lang, {msg: m}));
      if (said === "fail") return out("fail", "auditor", t("auditor-fail-stands", lang, {msg: m}));
      if (status === "fail") {
        return out("fail", "signgen", t("auditor-pass-overruled", lang, {
          msg: m, result: t("status." + said, lang)}), true);
      }
      return out("na", "auditor", t("auditor-na-stands", lang, {msg: m}));
    }
    const extra = judged !== null ? " (" + judged[1] + ")" : "";
    if (said !== null) {
      const room = e.room ? t("room", lang, {room: e.room}) : "";
      return out(said, "auditor", t("by-auditor", lang, {result: t("status." + said, lang)}) +
                 room + extra);
    }
    return Object.assign(out("unchecked", "", t("not-checked", lang) + extra), {auditor_result: null});
  }

  function readOrigin(data, raw, problems) {
    const r = reader(null, problems);
    const text = R.T.strip(r.text("origin", raw) || "");
    if (!text) return null;
    for (const o of data.origins) if ([o.id, o.name, o.name_en].includes(text)) return o.id;
    const choices = data.origins.map((o) => o.id + " (" + o.name + ")").join(", ") || "-";
    r.bad("origin", "audit", "err.origin", {choices, got: text});
    return null;
  }

  function score(list) {
    const n = (s) => list.filter((o) => o.status === s).length;
    return {passed: n("pass"), failed: n("fail"), checked: n("pass") + n("fail"),
            total: list.length - n("na"), not_applicable: n("na")};
  }

  function judge(data, survey, lang) {
    use(data);
    lang = lang === "en" ? "en" : "zh";
    survey = survey || {};
    const problems = [];
    const origin = readOrigin(data, survey.origin, problems);
    const items = itemsFor(data, origin);
    const byId = new Map(items.map((i) => [i.id, i]));
    const entries = new Map();
    const raw = survey.items === undefined ? null : survey.items;
    if (raw !== null && !isMap(raw)) {
      reader(null, problems).bad("", "audit", "err.items", {got: reader(null, []).got(raw)});
    } else {
      for (const [key, value] of Object.entries(raw || {})) {
        const item = byId.get(key);
        if (!item) {
          const close = closeMatch(key, items.map((i) => i.id));
          const m = msg("audit", "err.item-id", {
            id: data.standard.id, got: key,
            hint: close === null ? "" : msg("audit", "err.hint", {close})});
          problems.push({item: key, field: "", message_zh: m.zh, message_en: m.en});
          continue;
        }
        entries.set(key, readEntry(item, value, problems));
      }
    }
    const empty = readEntry(items[0] || {fields: []}, null, []);
    const outcomes = items.map((i) => judgeItem(data, i, entries.get(i.id) || empty, lang, origin));
    const required = outcomes.filter((o) => !o.advisory);
    const originMissing = data.origins.length > 0 && !origin;
    const incomplete = required.some((o) => o.status === "unchecked") || originMissing;
    const failed = required.some((o) => o.status === "fail");
    for (const p of problems) p.message = lang === "en" ? p.message_en : p.message_zh;
    return {
      outcomes, score: score(required), advisory_score: score(outcomes.filter((o) => o.advisory)),
      incomplete, origin_missing: originMissing, origin,
      exit_status: failed ? 1 : incomplete ? 3 : 0, problems,
    };
  }

  // --- the survey file (YAML that signgen audit reads) ---------------------------------
  function quoted(s) { // a double-quoted YAML scalar: any text survives
    let out = '"';
    for (const c of String(s)) {
      const cp = c.codePointAt(0);
      if (c === '"' || c === "\\") out += "\\" + c;
      else if (c === "\n") out += "\\n";
      else if (c === "\t") out += "\\t";
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029 ||
               (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfeff || cp === 0xfffe || cp === 0xffff) {
        out += cp < 0x100 ? "\\x" + cp.toString(16).padStart(2, "0")
          : "\\u" + cp.toString(16).padStart(4, "0");
      } else out += c;
    }
    return out + '"';
  }
  function yamlValue(v, indent) {
    if (v === null || v === undefined) return " null";
    if (typeof v === "boolean") return v ? " true" : " false";
    if (typeof v === "number") return " " + (Number.isFinite(v) ? pyStr(v) : quoted(String(v)));
    if (typeof v === "string") return " " + quoted(v);
    const pad = " ".repeat(indent);
    if (Array.isArray(v)) {
      return v.length ? v.map((x) => "\n" + pad + "-" + yamlValue(x, indent + 2)).join("") : " []";
    }
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    return keys.length ? keys.map((k) => "\n" + pad + quoted(k) + ":" +
                                  yamlValue(v[k], indent + 2)).join("") : " {}";
  }
  function surveyYaml(data, survey, header) {
    use(data);
    header = header || {};
    survey = survey || {};
    const origin = header.origin !== undefined ? header.origin : survey.origin;
    const head = {standard: data.standard.id, edition: data.standard.edition,
                  community: data.community};
    if (origin !== null && origin !== undefined && origin !== "") head.origin = origin;
    if (Object.keys(data.site).length) head.site = data.site;
    for (const k of ["auditor", "date"]) if (header[k]) head[k] = header[k];
    const items = {};
    for (const [id, entry] of Object.entries(survey.items || {})) {
      if (!isMap(entry)) { items[id] = entry; continue; }
      const kept = {};
      for (const [k, v] of Object.entries(entry)) if (v !== null && v !== undefined) kept[k] = v;
      items[id] = Object.keys(kept).length ? kept : null;
    }
    return "# signgen audit survey (" + data.standard.id + ", edition " + data.standard.edition +
      "), from the site's audit form\nsurvey:" + yamlValue(head, 2) + "\nitems:" +
      yamlValue(items, 2) + "\n";
  }

  root.SigngenAudit = {
    FORMAT, use, judge, readNumber, readResult, surveyYaml, itemsFor,
    measured: (data, v) => { use(data); return R.T.measured(v); },
    text: (data, key, lang, params) => { use(data); return t(key, lang, params); },
  };
})(globalThis);
