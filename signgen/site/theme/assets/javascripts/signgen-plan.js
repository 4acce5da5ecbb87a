// signgen-plan.js: the plan check in the browser, with the verdicts of `signgen check-plan`.
//
// Everything that comes from the standard is in the data the site build exports
// (signgen.contractor.export.plan_data); this file only reads a plan and compares, with the
// rules of signgen/contractor/plan.py (reading), names.py (matching names) and check.py
// (judging). tests/browser/test_engine_plan.py runs a corpus of plans through both engines
// and requires the same problems and the same items, word for word.
//
// Needs signgen-text.js (globalThis.SigngenText) loaded first. Plain ES2020, no DOM.
// globalThis.SigngenPlan:
//   readPlan(data, plan) -> {plan: resolved | null, problems: [{path, field, message,
//                            message_en}]}   plan: the YAML plan's shape, values as typed
//   checkPlan(data, plan, lang, {subject}) -> report_data's shape (sections of items with
//                            id, status, text, ref, source, clause, clause_number, level,
//                            data; compliant, counts, summary, facts, verdict) or, for a plan
//                            check-plan refuses, {refused: true, problems}
//   planYaml(data, plan) -> the plan file check-plan reads
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


  // --- judging (contractor/check.py) --------------------------------------------------------

  class Checker {
    constructor(e, data, plan, lang) {
      this.e = e; this.t = e.t; this.data = data; this.plan = plan; this.lang = lang;
      this.zones = new Map(data.zones.map((z) => [z.id, z]));
    }
    say(key, values = {}, lang = this.lang) { return this.t.say(this.e.CHECK, key, lang, values); }
    name(zh, en) { return {name: zh, name_en: this.lang === "en" ? `${en} (${zh})` : zh}; }
    total() { return this.t.sum(this.plan.rooms.map((r) => r.area_m2)); }
    zoneM2(zone) { return this.t.sum(this.plan.rooms.filter((r) => r.zone === zone).map((r) => r.area_m2)); }
    roomsWith(id) { return this.plan.rooms.filter((r) => r.functions.includes(id)); }

    // _item: the spec item's id, clause and level go with the item
    item(id, status, text, source, data = {}) {
      const facts = {...data};
      if (source && source.level !== undefined) facts.level = source.level;
      return {id, status, text, ref: source ? source.id : "", clause: source ? source.clause : "",
        clause_number: source ? source.clause_number : "", data: facts};
    }
    bare(id, status, text, data = {}, ref = "", clause = "", clauseNumber = "") {
      return {id, status, text, ref, clause, clause_number: clauseNumber, data};
    }

    areas() {
      const t = this.t, tol = this.data.area_tolerance;
      const slack = tol && tol.unit === "m2" ? tol.plus_minus : 0.0;
      return this.data.area_rules.map((rule) => {
        const area = rule.zone === null ? this.total() : this.zoneM2(rule.zone);
        const short = rule.min_m2 - area;
        const zone = rule.zone ? this.zones.get(rule.zone) : null;
        const values = {...this.name(rule.name, rule.name_en), zone: zone ? `(${zone.name})` : "",
          zone_en: zone ? ` (${zone.name_en})` : "", area: t.measured(area), min: t.measured(rule.min_m2),
          short: t.measured(short), slack: t.measured(slack)};
        let status = "pass", text;
        if (area >= rule.min_m2) text = this.say("area_ok", values);
        else if (area + slack >= rule.min_m2) text = this.say("area_tolerance", values);
        else { status = "fail"; text = this.say("area_short", values); }
        return this.item(`area:${rule.id}`, status, text, rule, {area_m2: area, min_m2: rule.min_m2,
          short_m2: Math.max(short, 0.0), zone: rule.zone});
      });
    }

    functionItem(fn) {
      const rooms = this.roomsWith(fn.id);
      const values = {...this.name(fn.name, fn.name_en), rooms: rooms.map((r) => r.name).join("、"),
        level_quote: fn.level_quote};
      let status, text;
      if (rooms.length) { status = "pass"; text = this.say("function_in", values); }
      else if (fn.can_fail) { status = "fail"; text = this.say("function_missing", values); }
      else { status = "info"; text = this.say("function_not_planned", values); }
      return this.item(`function:${fn.id}`, status, text, fn, {rooms: rooms.map((r) => r.index)});
    }

    zoneItems(fn) {
      const zone = fn.zone, items = [];
      for (const room of this.roomsWith(fn.id)) {
        if (!(zone && room.zone && room.zone !== zone)) continue;
        const dflt = this.zones.get(zone), planned = this.zones.get(room.zone);
        items.push(this.item(`function-zone:${fn.id}:${room.index}`, "warn", this.say("function_zone", {
          room: room.name, function: fn.name, function_en: `${fn.name_en} (${fn.name})`,
          default: dflt.name, default_en: dflt.name_en, planned: planned.name, planned_en: planned.name_en}),
        null, {room: room.index, default_zone: zone}));
      }
      return items;
    }

    functions() {
      return this.data.functions.filter((f) => f.can_fail).flatMap((f) => [this.functionItem(f), ...this.zoneItems(f)]);
    }

    encouraged() {
      const optional = this.data.functions.filter((f) => !f.can_fail);
      if (!optional.length) return [];
      const items = optional.flatMap((f) => [this.functionItem(f), ...this.zoneItems(f)]);
      const done = optional.filter((f) => this.roomsWith(f.id).length).length;
      return [this.bare("encouraged-count", "info", this.say("encouraged_count", {done, total: optional.length}),
        {planned: done, listed: optional.length}), ...items];
    }

    listed(listed, entries) {  // required categories of a list: present or missing
      const items = [];
      for (const category of listed) {
        if (!category.can_fail) continue;
        const count = entries.filter((e) => e.category === category.id).length;
        const values = this.name(category.name, category.name_en);
        const text = count ? this.say("board_set", {count, ...values})
          : this.say("function_missing", {level_quote: category.level_quote, ...values});
        items.push(this.item(`required:${category.id}`, count ? "pass" : "fail", text, category, {count}));
      }
      return items;
    }

    windows() {
      const items = [], sign = this.data.window_sign, plan = this.plan;
      if (!plan.windows.length && sign) {
        items.push(this.item("windows-none", "warn", this.say("windows_none", {quote: sign.level_quote,
          sign: sign.name, sign_en: sign.name_en.toLowerCase()}), sign));
      }
      for (const entry of plan.windows) {
        const extra = entry.category ? "" : this.say("window_extra");
        items.push(this.item(`window-sign:${entry.index}`, "info", this.say("window_sign", {n: entry.index + 1,
          name: entry.name, sign: sign ? sign.name : "", sign_en: sign ? sign.name_en : ""}) + extra, sign,
        {index: entry.index, category: entry.category}));
      }
      items.push(...this.listed(this.data.window_categories, plan.windows));
      const examples = this.data.window_categories.filter((c) => c.level === "examples");
      if (examples.length) {
        const planned = plan.windows.map((e) => e.name).join("、") || this.say("nothing");
        items.push(this.bare("window-examples", "info", this.say("window_examples", {
          level_quote: examples[0].level_quote, examples: examples.map((c) => c.name).join("、"),
          examples_en: examples.map((c) => `${c.name_en} (${c.name})`).join(", "), planned}),
        {level: "examples", examples: examples.map((c) => c.id),
          planned: plan.windows.filter((e) => e.category).map((e) => e.category)},
        "window_categories", examples[0].clause, examples[0].clause_number));
      }
      return items;
    }

    boards() {
      const items = [], plan = this.plan;
      if (!plan.boards_listed) items.push(this.bare("board-assumed", "info", this.say("boards_assumed")));
      items.push(...this.listed(this.data.boards, plan.boards));
      const optional = this.data.boards.filter((b) => !b.can_fail);
      for (const board of optional) {
        const count = plan.boards.filter((e) => e.category === board.id).length;
        const values = this.name(board.name, board.name_en);
        const text = count ? this.say("board_set", {count, ...values}) : this.say("board_not_set", values);
        items.push(this.item(`board:${board.id}`, "info", text, board, {count}));
      }
      for (const entry of plan.boards) {
        if (entry.category === null) {
          items.push(this.bare(`board-extra:${entry.index}`, "info", this.say("board_extra", {name: entry.name}),
            {index: entry.index}));
        }
      }
      if (optional.length) {
        const done = optional.filter((b) => plan.boards.some((e) => e.category === b.id)).length;
        items.unshift(this.bare("recommended-count", "info", this.say("recommended_count", {done, total: optional.length}),
          {planned: done, listed: optional.length}));
      }
      return items;
    }

    logo() {
      const origin = this.data.origins.find((o) => o.id === this.plan.origin);
      if (!origin) return [];
      const place = `place_${origin.logo_placement}`;
      return [this.item(`logo:${origin.id}`, "info", this.say("logo", {...this.name(origin.name, origin.name_en),
        place: this.say(place, {}, "zh"), place_en: this.say(place, {}, "en"), quote: origin.quote}), origin,
      {placement: origin.logo_placement})];
    }

    rooms() {
      return this.plan.rooms.map((room) => {
        const zone = room.zone ? this.zones.get(room.zone) : null;
        const zoneText = zone ? (this.lang === "en" ? `, ${zone.name_en}` : `,${zone.name}`) : "";
        const served = room.names.join("、") || this.say("no_function");
        return this.item(`room:${room.index}`, "info", this.say("room", {name: room.name,
          area: this.t.measured(room.area_m2), zone: zoneText, functions: served}), null,
        {area_m2: room.area_m2, zone: room.zone, functions: [...room.functions]});
      });
    }
  }

  const STATUSES = ["pass", "fail", "warn", "info"];

  // ReportItem.source(lang): "rule X, clause N (id)"
  function itemSource(e, item, lang) {
    const found = item.ref ? [e.t.say(e.REPORT, "src_rule", lang, {ref: item.ref})] : [];
    if (item.clause) {
      found.push(e.t.say(e.REPORT, "src_clause", lang, {clause: item.clause,
        number: item.clause_number ? `${item.clause_number} ` : ""}));
    }
    return found.join(e.t.say(e.REPORT, "src_join", lang));
  }

  // check_plan + report_data: the report of a resolved plan
  function judge(data, plan, lang) {
    const e = engine(data);
    if (lang !== "zh" && lang !== "en") throw new Error(`lang: expected one of zh, en, got ${e.t.repr(lang)}`);
    const c = new Checker(e, data, plan, lang);
    const sections = [];
    const add = (key, id, items) => { if (items.length) sections.push({id, title: c.say(key), items}); };
    add("s_areas", "areas", c.areas());
    add("s_functions", "functions", c.functions());
    add("s_encouraged", "encouraged", c.encouraged());
    if (data.window_categories.length || plan.windows.length) add("s_windows", "windows", c.windows());
    if (data.boards.length || plan.boards.length) add("s_boards", "boards", c.boards());
    add("s_logo", "logo", c.logo());
    add("s_rooms", "rooms", c.rooms());
    for (const section of sections) {
      for (const item of section.items) {
        item.source = itemSource(e, item, lang);
        item.level = item.data.level === undefined ? null : item.data.level;
      }
    }
    const zoneM2 = Object.fromEntries(data.zones.map((z) => [z.id, c.zoneM2(z.id)]));
    const m2 = (n) => c.say("m2", {n: e.t.measured(n)});
    const facts = [[c.say("f_total"), m2(c.total())],
      ...data.zones.map((z) => [lang === "en" ? z.name_en : z.name, m2(zoneM2[z.id])]),
      [c.say("f_rooms"), String(plan.rooms.length)]];
    const missing = data.functions.filter((f) => f.can_fail && !c.roomsWith(f.id).length).map((f) => f.id);
    const all = sections.flatMap((s) => s.items);
    const counts = Object.fromEntries(STATUSES.map((s) => [s, all.filter((i) => i.status === s).length]));
    const compliant = counts.fail === 0;
    const info = data.standard;
    return {
      title: c.say("title", {title: info.title, title_en: info.title_en}), subject: plan.source,
      standard: data.standard.id, compliant, counts,
      summary: {total_m2: c.total(), zone_m2: zoneM2, rooms: plan.rooms.length, missing_functions: missing,
        origin: plan.origin},
      sections, facts,
      verdict: compliant ? e.t.say(e.REPORT, "compliant", lang) : e.t.say(e.REPORT, "not_compliant", lang, {n: counts.fail}),
      labels: Object.fromEntries(STATUSES.map((s) => [s, e.t.say(e.REPORT, s, lang)])),
    };
  }

  function checkPlan(data, raw, lang = "zh", {source = "plan"} = {}) {
    const read = readPlan(data, raw, {source});
    if (!read.plan) return {refused: true, problems: read.problems, compliant: null, sections: []};
    return {refused: false, problems: [], ...judge(data, read.plan, lang)};
  }

  // --- the plan file (what check-plan reads) ----------------------------------------------

  // A double-quoted YAML scalar: any text survives (escapes for what YAML would not keep).
  function yamlString(text) {
    let out = '"';
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (ch === "\\" || ch === '"') out += "\\" + ch;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += "\\x" + code.toString(16).padStart(2, "0");
      else if (code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)
               || code === 0xfffe || code === 0xffff) out += "\\u" + code.toString(16).padStart(4, "0");
      else out += ch;
    }
    return out + '"';
  }

  function yamlScalar(value) {
    if (typeof value === "string") return yamlString(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") {
      if (Number.isNaN(value)) return ".nan";
      if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
      return String(value);
    }
    return "null";
  }

  // A key written bare when it is an id no YAML reader takes for anything but text (any
  // other key, e.g. one a person typed, quoted).
  const YAML_WORDS = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);
  const yamlKey = (key) => (/^[a-z][a-z0-9_]*$/.test(key) && !YAML_WORDS.has(key) ? key : yamlString(key));
  const isScalar = (v) => !(Array.isArray(v) || isObject(v));

  function yamlBlock(value, indent) {  // lines of a list or mapping, indented
    const pad = " ".repeat(indent), lines = [];
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isScalar(item) || !Object.keys(item).length) lines.push(`${pad}-${yamlInline(item)}`);
        else {
          const inner = yamlBlock(item, indent + 2);
          lines.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
        }
      }
    } else {
      for (const [key, item] of Object.entries(value)) {
        const head = `${pad}${yamlKey(key)}:`;
        if (isScalar(item) || !Object.keys(item).length || flowList(item)) lines.push(head + yamlInline(item));
        else lines.push(head, ...yamlBlock(item, indent + 2));
      }
    }
    return lines;
  }
  const flowList = (v) => Array.isArray(v) && v.every(isScalar);
  function yamlInline(value) {  // after "key:" or "-": a scalar, [] / {}, or a flow list of scalars
    if (isScalar(value)) return " " + yamlScalar(value);
    if (Array.isArray(value)) return " [" + value.map(yamlScalar).join(", ") + "]";
    return " {}";
  }

  function planYaml(data, raw) {
    engine(data);
    const head = `# signgen check-plan --standard ${data.standard.id} plan.yaml\n`;
    if (isScalar(raw)) return head + yamlScalar(raw) + "\n";
    const lines = yamlBlock(raw, 0);
    return head + (lines.length ? lines.join("\n") : Array.isArray(raw) ? "[]" : "{}") + "\n";
  }

  const api = {FORMAT, readPlan, checkPlan, judge, planYaml, formatPath, engine};
  root.SigngenPlan = Object.assign(root.SigngenPlan || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this);
