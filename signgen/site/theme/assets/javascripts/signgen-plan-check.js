// signgen-plan-check.js: the plan check in the browser, the verdicts of `signgen check-plan`.
//
// Judges a plan read by signgen-plan.js with the rules of signgen/contractor/check.py, from
// the exported data alone: the same sections, items, texts, levels and clauses, and the
// report's facts and verdict as signgen/output/report.py gives them.
//
// Needs signgen-text.js and signgen-plan.js first. Adds to globalThis.SigngenPlan:
//   checkPlan(data, plan, lang, {source}) -> report_data's shape (sections of items with
//       id, status, text, ref, source, clause, clause_number, level, data; compliant,
//       counts, summary, facts, verdict, labels; refused: false) or, for a plan check-plan
//       refuses (exit 2), {refused: true, problems, compliant: null, sections: []}
//   judge(data, resolvedPlan, lang) -> the report of a plan readPlan resolved
(function (root) {
  "use strict";

  const P = root.SigngenPlan;
  if (!P || !P.readPlan) throw new Error("signgen-plan-check: load signgen-plan.js first");
  const {engine, readPlan} = P;

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
        const text = count ? this.say("listed_set", {count, ...values})
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

  Object.assign(P, {checkPlan, judge});
})(typeof globalThis !== "undefined" ? globalThis : this);
