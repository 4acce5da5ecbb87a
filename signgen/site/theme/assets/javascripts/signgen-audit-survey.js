/* signgen-audit-survey.js: the audit engine's survey, both ways, the twin of
 * signgen/audit/survey.py (reading each entry as `signgen audit` reads it: the same
 * problems for the same item and field) and of the YAML survey file it reads (surveyYaml).
 * Part of the engine: load it after signgen-text.js and before signgen-audit.js
 * (signgen.audit.export.ENGINE_SCRIPTS). Plain ES2020, no DOM.
 */
(function (root) {
  "use strict";
  let R = null; // the engine's reader of the data in use (signgen-audit.js use())
  const has = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const msg = (table, key, params) => R.T.msg(R.texts[table], key, params || {});
  const pyStr = (v) => (typeof v === "number" ? R.T.repr(v) : String(v)); // str(value)
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
    const allowed = ["result", "note", "photo", ...item.fields];
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
    const photo = R.T.strip(r.text("photo", raw.photo) || "");
    const bad = photo ? photoProblem(photo) : null;
    if (bad) problems.push({item: item.id, field: "photo", message_zh: bad.zh, message_en: bad.en});
    entry.photo = photo && !bad ? photo : null;
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
  // audit/photos.py photo_problem(): a relative path inside the survey's folder, with an
  // image suffix (whether the file exists is for signgen audit to see, where the file is)
  function photoProblem(path) {
    const rules = R.raw.photo, got = Array.from(path).slice(0, 60).join("");
    const parts = path.split("/");
    const inside = Array.from(path).length <= rules.max_path && !path.startsWith("/") &&
      !path.includes("\\") && !path.includes(":") &&
      parts.every((p) => p !== "" && p !== "." && p !== ".."); // then normpath(path) == path
    if (!inside) return msg("audit", "err.photo-path", {got});
    if (!rules.suffixes.some((x) => path.toLowerCase().endsWith(x))) {
      return msg("audit", "err.photo-suffix", {suffixes: rules.suffixes.join(", "), got});
    }
    return null;
  }
  const mapping = (r, f, value, keys) => r.mapping(f, value, keys, keys.join(", "), r.text);

  function readOrigin(data, raw, problems) {
    const r = reader(null, problems);
    const text = R.T.strip(r.text("origin", raw) || "");
    if (!text) return null;
    for (const o of data.origins) if ([o.id, o.name, o.name_en].includes(text)) return o.id;
    const choices = data.origins.map((o) => o.id + " (" + o.name + ")").join(", ") || "-";
    r.bad("origin", "audit", "err.origin", {choices, got: text});
    return null;
  }

  function readItems(data, items, raw, problems) { // survey.py parse_survey's items: loop
    const byId = new Map(items.map((i) => [i.id, i]));
    const entries = new Map();
    if (raw === undefined) raw = null;
    if (raw !== null && !isMap(raw)) {
      reader(null, problems).bad("", "audit", "err.items", {got: reader(null, []).got(raw)});
      return entries;
    }
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
    return entries;
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
  // A key written bare when it is an id (item ids, field names) that YAML reads only as
  // text; any other key (one a person typed) double-quoted.
  const YAML_WORDS = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);
  const yamlKey = (k) => (/^[a-z][a-z0-9_.-]*$/.test(k) && !YAML_WORDS.has(k) ? k : quoted(k));
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
    return keys.length ? keys.map((k) => "\n" + pad + yamlKey(k) + ":" +
                                  yamlValue(v[k], indent + 2)).join("") : " {}";
  }
  function surveyYaml(data, survey, header) {
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

  root.SigngenAuditSurvey = {
    bind: (reader) => { R = reader; }, numberOf, resultOf, readEntry, readOrigin, readItems,
    surveyYaml,
  };
})(globalThis);
