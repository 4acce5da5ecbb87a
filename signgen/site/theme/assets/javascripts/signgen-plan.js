// signgen-plan.js: a renovation plan in the browser, read as `signgen check-plan` reads it.
//
// Everything that comes from the standard is in the data the site build exports
// (signgen.contractor.export.plan_data); this file only reads a plan, with the rules of
// signgen/contractor/plan.py (reading) and names.py (matching names). signgen-plan-yaml.js
// writes it as a plan file, signgen-plan-check.js judges it, signgen-schedule.js lists its
// signs; tests/browser/test_engine_plan.py runs a corpus of plans through these and Python
// and requires the same problems, items and files, word for word.
//
// Needs signgen-text.js (globalThis.SigngenText) loaded first; the page loads the scripts
// of signgen.contractor.export.ENGINE_SCRIPTS in order. Plain ES2020, no DOM.
// globalThis.SigngenPlan:
//   readPlan(data, plan) -> {plan: resolved | null, problems: [{path, field, message,
//                            message_en}]}   plan: the YAML plan's shape, values as typed
(function (root) {
  "use strict";

  const FORMAT = 1;
  const engines = new WeakMap();  // data -> its bound helpers

  function engine(data) {
    if (!data || data.format !== FORMAT) {
      throw new Error(`signgen-plan: expected check data of format ${FORMAT}, got ${data && data.format}`);
    }
    let e = engines.get(data);
    if (!e) {
      if (!root.SigngenText) throw new Error("signgen-plan: load signgen-text.js first");
      const t = root.SigngenText.make(data.text_rules);
      const m = data.messages;
      e = {t, PLAN: m.plan, CHECK: m.check, VALUES: m.values, SHAPE: m.shape, REPORT: m.report};
      engines.set(data, e);
    }
    return e;
  }

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const pyType = (v) => (v === null || v === undefined ? "NoneType" : Array.isArray(v) ? "list"
    : typeof v === "string" ? "str" : typeof v === "boolean" ? "bool"
      : typeof v === "number" ? (Number.isInteger(v) ? "int" : "float") : "dict");

  function formatPath(path) {  // yamlsource.format_path
    let out = "";
    for (const part of path) {
      if (typeof part === "number") out += `[${part}]`;
      else out += out ? `.${part}` : String(part);
    }
    return out || "(top level)";
  }

  // --- names (contractor/names.py) ---------------------------------------------------------

  function resolveFunction(e, data, name) {
    const wanted = e.t.normalise(name);
    return data.functions.find((f) => [f.id, ...f.all_names].some((n) => e.t.normalise(n) === wanted)) || null;
  }

  function standardName(e, fn, written) {
    const wanted = e.t.normalise(written);
    return fn.standard_names.find((n) => e.t.normalise(n) === wanted) || fn.name;
  }

  function suggestFunctions(e, data, name, limit = 3) {
    const wanted = e.t.normalise(name);
    const scored = [];
    data.functions.forEach((fn, order) => {
      let best = [0.0, ""];
      for (const candidate of fn.all_names) {
        const key = e.t.normalise(candidate);
        let score = e.t.ratio(wanted, key);
        if (wanted && (key.includes(wanted) || wanted.includes(key))) score = Math.max(score, 0.75);
        if (score > best[0]) best = [score, candidate];
      }
      if (best[0] >= 0.5) scored.push([-best[0], order, best[1]]);
    });
    scored.sort((a, b) => (a[0] - b[0]) || (a[1] - b[1]) || e.t.comparePy(a[2], b[2]));
    return scored.slice(0, limit).map((s) => s[2]);
  }

  function matchNamed(e, items, name) {  // -> [id | null, several ids]
    const wanted = e.t.normalise(name);
    const named = items.map((item) => [item.id, [item.id, item.name, item.name_en || ""]]);
    for (const [id, names] of named) {
      if (names.some((n) => n && e.t.normalise(n) === wanted)) return [id, []];
    }
    if (e.t.codePoints(wanted).length < 2) return [null, []];
    const partial = named.filter(([, names]) => names.slice(1).some((n) => n && e.t.normalise(n).includes(wanted)))
      .map(([id]) => id);
    return partial.length === 1 ? [partial[0], []] : [null, partial];
  }

  // --- reading (contractor/plan.py) --------------------------------------------------------

  class Reader {
    constructor(e, data) {
      this.e = e; this.t = e.t; this.data = data; this.problems = [];
    }
    bad(path, message) {
      this.problems.push({path, field: formatPath(path), message: message.zh, message_en: message.en});
    }
    plan(key, values) { return this.t.msg(this.e.PLAN, key, values); }
    choices(items) { return items.map((item) => `${item.id} (${item.name})`).join(", "); }

    community(values) {
      const c = this.data.community;
      const every = c.every_field.length > 0;
      const fields = new Map(every ? c.fields.map((f) => [f.id, f]) : []);
      const known = [...fields.keys()].join(", ");
      const out = {};
      for (const [key, value] of Object.entries(values)) {
        const path = ["community", key];
        const field = fields.get(key);
        if (every && key in c.per_sign) {
          const s = c.per_sign[key];
          this.bad(path, this.plan("per_sign_field", {field: key, plaque: s.plaque,
            plaque_en: s.plaque_en, source: s.source, known}));
          continue;
        }
        if (every && !field) {
          const close = this.t.closeMatches(key, [...fields.keys()], 1);
          const hint = close.length ? this.plan("did_you_mean", {name: close[0]}) : "";
          this.bad(path, this.plan("unknown_key", {hint, known}));
          continue;
        }
        const text = this.t.strip(value);
        if (field && field.choices.length && text && !field.choices.includes(text)) {
          this.bad(path, this.plan("choice", {choices: field.choices.join(", "), got: value}));
          continue;
        }
        out[key] = text;
      }
      return out;
    }

    origin(written) {
      const origins = this.data.origins;
      if (written === null || written === undefined) {
        if (origins.length) this.bad(["origin"], this.plan("origin_missing", {known: this.choices(origins)}));
        return null;
      }
      const [id] = matchNamed(this.e, origins, written);
      if (id === null) {
        const known = this.choices(origins) || this.plan("none_listed");
        this.bad(["origin"], this.plan("choice", {choices: known, got: written}));
      }
      return id;
    }

    area(i, written) {
      const read = this.t.readNumber(written, "m2", {positive: true});
      if (read.problem) {
        this.bad(["rooms", i, "area_m2"], this.t.msg(this.e.VALUES, read.problem.code, read.problem.params));
        return 0.0;
      }
      return read.value;
    }

    zone(i, written) {
      const path = ["rooms", i, "zone"];
      const zones = this.data.zones;
      if (written === null || written === undefined) {
        if (zones.length) this.bad(path, this.plan("zone_missing", {known: this.choices(zones)}));
        return null;
      }
      const [id, several] = matchNamed(this.e, zones, written);
      if (id === null) {
        const known = this.choices(zones) || this.plan("none_listed");
        const extra = several.length ? this.plan("several", {items: several.join(", ")}) : "";
        const choices = this.t.join(typeof known === "string" ? this.t.plain(known) : known, extra);
        this.bad(path, this.plan("choice", {choices, got: written}));
      }
      return id;
    }

    functions(i, written) {  // -> [[function id, the standard's name to show]]
      const out = [];
      written.forEach((name, j) => {
        if (typeof name !== "string") return;  // a shape error
        const fn = resolveFunction(this.e, this.data, name);
        if (fn === null) {
          const close = suggestFunctions(this.e, this.data, name);
          const or = this.plan("or");
          const hint = close.length ? this.plan("function_hint", {names: {zh: close.join(or.zh), en: close.join(or.en)}}) : "";
          this.bad(["rooms", i, "functions", j], this.plan("function_unknown",
            {standard: this.data.standard.id, hint, got: name}));
        } else if (!out.some(([id]) => id === fn.id)) {
          out.push([fn.id, standardName(this.e, fn, name)]);
        }
      });
      return out;
    }

    entries(key, written, items) {
      const out = [];
      const byId = new Map(items.map((item) => [item.id, item]));
      written.forEach((name, i) => {
        if (typeof name !== "string") return;  // a shape error
        const [id, several] = matchNamed(this.e, items, name);
        if (several.length) {
          this.bad([key, i], this.plan("entry_several", {got: name,
            items: several.map((s) => byId.get(s).name).join(", ")}));
          return;
        }
        out.push({index: i, written: name, category: id, name: id ? byId.get(id).name : this.t.strip(name)});
      });
      return out;
    }
  }

  // pydantic's checks of PlanInput / RoomInput, with the messages of spec/problems.py
  function shapeProblems(r, raw) {
    const e = r.e, t = r.t, S = e.SHAPE, shape = r.data.plan_shape;
    const describe = (v) => (isObject(v) ? t.msg(S, "a_mapping") : Array.isArray(v) ? t.msg(S, "a_list", {n: v.length})
      : v === null || v === undefined ? t.msg(S, "nothing") : t.describe(v));
    const got = (path, expected, value, hint = "") => r.bad(path, t.msg(S, "got", {expected, got: describe(value), hint}));
    const textType = (path, value) => {
      const readAs = typeof value === "boolean" ? "t_bool" : typeof value === "number" ? "t_number" : null;
      got(path, t.msg(S, "string_type"), value, readAs ? t.msg(S, "quote_hint", {read_as: t.msg(S, readAs)}) : "");
    };
    const shortText = (n) => ({zh: t.say(S, "other", "zh", {msg: `String should have at least ${n} character${n === 1 ? "" : "s"}`}),
      en: `expected text that should have at least ${n} character${n === 1 ? "" : "s"}`});
    const longText = (n) => ({zh: t.say(S, "other", "zh", {msg: `String should have at most ${n} character${n === 1 ? "" : "s"}`}),
      en: `expected text that should have at most ${n} character${n === 1 ? "" : "s"}`});
    function text(path, value, optional) {
      if (optional && (value === null || value === undefined)) return;
      if (typeof value !== "string") { textType(path, value); return; }
      const n = t.codePoints(value).length;
      if (n < shape.text_min) got(path, shortText(shape.text_min), value);
      else if (n > shape.text_max) got(path, longText(shape.text_max), value);
    }
    function extra(path, value, allowed) {
      for (const key of Object.keys(value)) {
        if (allowed.includes(key)) continue;
        const close = t.closeMatches(key, allowed, 1);
        let hint = close.length ? t.msg(S, "did_you_mean", {name: close[0]}) : "";
        if (!/^[\x00-\x7f]*$/.test(key)) hint = t.msg(S, "comma_in_braces");
        r.bad([...path, key], t.msg(S, "unknown_key", {hint, known: allowed.join(", ")}));
      }
    }
    function textList(path, value, optional) {
      if (optional && (value === null || value === undefined)) return;
      if (!Array.isArray(value)) { got(path, t.msg(S, "list_type"), value); return; }
      value.forEach((v, i) => text([...path, i], v, false));
    }
    extra([], raw, shape.keys);
    if ("community" in raw) {
      const c = raw.community;
      if (!isObject(c)) got(["community"], t.msg(S, "dict_type"), c);
      else for (const [k, v] of Object.entries(c)) if (typeof v !== "string") textType(["community", k], v);
    }
    text(["origin"], raw.origin, true);
    if (!("rooms" in raw)) r.bad(["rooms"], t.msg(S, "missing"));
    else if (!Array.isArray(raw.rooms)) got(["rooms"], t.msg(S, "list_type"), raw.rooms);
    else if (raw.rooms.length < shape.rooms_min) {
      got(["rooms"], t.msg(S, "too_short", {min_length: shape.rooms_min}), raw.rooms);
    } else {
      raw.rooms.forEach((room, i) => {
        const path = ["rooms", i];
        if (!isObject(room)) {
          got(path, {zh: t.say(S, "dict_type", "zh"), en: "expected a valid dictionary or instance of RoomInput"}, room);
          return;
        }
        extra(path, room, shape.room_keys);
        if (!("name" in room)) r.bad([...path, "name"], t.msg(S, "missing"));
        else text([...path, "name"], room.name, false);
        const area = room.area_m2;
        if (!("area_m2" in room)) r.bad([...path, "area_m2"], t.msg(S, "missing"));
        else if (typeof area !== "string" && !(typeof area === "number")) {
          for (const kind of ["float_type", "int_type"]) got([...path, "area_m2"], t.msg(S, kind), area);
          textType([...path, "area_m2"], area);
        }
        text([...path, "zone"], room.zone, true);
        if ("functions" in room) textList([...path, "functions"], room.functions, false);
      });
    }
    textList(["windows"], raw.windows, true);
    textList(["boards"], raw.boards, true);
  }

  function lenient(r, raw) {  // plan.py _check_names_leniently
    const c = raw.community;
    if (isObject(c)) r.community(Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === "string")));
    const origin = raw.origin;
    if (origin === null || origin === undefined || typeof origin === "string") r.origin(origin);
    (Array.isArray(raw.rooms) ? raw.rooms : []).forEach((room, i) => {
      if (!isObject(room)) return;
      if (room.zone === null || room.zone === undefined || typeof room.zone === "string") r.zone(i, room.zone);
      if ("area_m2" in room && (typeof room.area_m2 === "number" || typeof room.area_m2 === "string")) r.area(i, room.area_m2);
      if (Array.isArray(room.functions)) r.functions(i, room.functions);
    });
    for (const [key, items] of [["windows", r.data.window_categories], ["boards", r.data.boards]]) {
      if (Array.isArray(raw[key])) r.entries(key, raw[key], items);
    }
  }

  function settle(problems) {  // sorted(set(problems)): one of each, in the order of the file
    const seen = new Set(), out = [];
    for (const p of problems) {
      const key = p.field + "\u0000" + p.message;
      if (!seen.has(key)) { seen.add(key); out.push(p); }
    }
    return out;
  }

  function readPlan(data, raw, {source = "plan"} = {}) {
    const e = engine(data);
    const r = new Reader(e, data);
    if (!isObject(raw)) {
      r.bad([], r.plan("not_mapping", {got: pyType(raw)}));
      return {plan: null, problems: r.problems};
    }
    shapeProblems(r, raw);
    if (r.problems.length) {
      lenient(r, raw);
      return {plan: null, problems: settle(r.problems)};
    }
    const community = r.community(raw.community || {});
    const origin = r.origin(raw.origin);
    const rooms = raw.rooms.map((room, i) => {
      const functions = r.functions(i, room.functions || []);
      return {index: i, name: e.t.strip(room.name), area_m2: r.area(i, room.area_m2),
        zone: r.zone(i, room.zone), functions: functions.map((f) => f[0]), names: functions.map((f) => f[1])};
    });
    if (!Number.isFinite(e.t.sum(rooms.map((room) => room.area_m2)))) r.bad(["rooms"], r.plan("total_not_finite"));
    const windows = r.entries("windows", raw.windows || [], data.window_categories);
    const boardsListed = raw.boards !== null && raw.boards !== undefined;
    const boards = boardsListed ? r.entries("boards", raw.boards, data.boards)
      : data.boards.map((b, i) => ({index: i, written: b.name, category: b.id, name: b.name}));
    if (r.problems.length) return {plan: null, problems: settle(r.problems)};
    return {plan: {source, standard: data.standard.id, community, origin, rooms, windows, boards,
      boards_listed: boardsListed}, problems: []};
  }


  const api = {FORMAT, readPlan, formatPath, engine, isObject};
  root.SigngenPlan = Object.assign(root.SigngenPlan || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this);
