// signgen-schedule.js: the sign schedule in the browser, the CSV of `signgen schedule -o x.csv`.
//
// The rows follow signgen/contractor/schedule.py: every plaque made once, the unified logo
// after the first outdoor one, a sign per window, a plaque per room, a header per board;
// each plaque's facts (type, size source, typefaces, colours, placement, mounting height,
// level, clause) come ready-made in the data (signgen.contractor.schedule_export); the text
// is the plaque's templates filled as signgen/spec/template.py fills them; the width of a
// plaque that follows its text is copy-fitted as signgen/plaque/layout.py does, from the
// advances, ink boxes and kerning the data carries. A sign with a character the data has no
// metrics for cannot be laid out here: it keeps the width range, and the result says so.
//
// Needs signgen-text.js and signgen-plan.js first. Adds to globalThis.SigngenPlan:
//   scheduleCsv(data, plan, lang) -> the CSV text (with its BOM), byte for byte what
//       `signgen schedule -o x.csv` writes; or {csv, unknown: [messages]} where some width
//       could not be known (csv then gives those widths as ranges), or {csv: "", unknown}
//       for a plan check-plan refuses.
//   scheduleRows(data, plan, lang) -> {rows: [cells], unknown: [messages]} (plan: resolved)
(function (root) {
  "use strict";

  const P = root.SigngenPlan;
  if (!P || !P.readPlan) throw new Error("signgen-schedule: load signgen-plan.js first");

  const pad2 = (n) => String(n).padStart(2, "0");

  function safeId(id) {  // output/files.safe_name for an id made of spec ids and digits
    return id.replace(/_+/g, "_").replace(/^[ ._]+|[ ._]+$/g, "") || "unnamed";
  }

  function fill(t, template, values, placeholders) {  // spec/template.fill_template
    let out = "";
    for (const [literal, name] of template) {
      out += literal;
      if (name !== null) {
        const value = t.strip(values[name] || "");
        out += value || (name in placeholders ? placeholders[name] : "??");
      }
    }
    return out;
  }

  // plaque/layout.py measure_line: a line at a 1 mm em (its glyphs, box width and height)
  function measureLine(metrics, line) {
    let x = 0.0, left = 0.0, right = 0.0, top = 0.0, bottom = 1.0;
    let prevFace = null, prevChar = "";
    const missing = [], runs = [];
    for (const run of line) {
      const known = metrics.roles[run.typeface] || {};
      const glyphs = [];
      for (const char of run.text) {
        const m = known[char];
        if (!m) { missing.push(char); continue; }
        const [faceKey, advance, ink] = m;  // faceKey: an index into metrics.faces
        const face = metrics.faces[faceKey];
        if (faceKey === prevFace) x += (face.kern[prevChar + char] || 0) / face.units_per_em;
        glyphs.push(m);
        if (ink !== null) {
          if (x + ink[0] < left) left = x + ink[0];
          if (x + ink[2] > right) right = x + ink[2];
          if (face.ascent - ink[3] < top) top = face.ascent - ink[3];
          if (face.ascent - ink[1] > bottom) bottom = face.ascent - ink[1];
        }
        x += advance;
        prevFace = faceKey; prevChar = char;
      }
      runs.push(glyphs);
    }
    return {runs, width: Math.max(right, x) - left, height: bottom - top, missing};
  }

  // plaque/ink.py tallest_ink: letters and digits first, punctuation only on a run of it
  function tallestInk(glyphs, size) {
    let best = 0.0, letters = false;
    for (const [, , , inkHeight, letter] of glyphs) {
      if (letter) {
        letters = true;
        if (inkHeight > best) best = inkHeight;
      }
    }
    if (!letters) for (const [, , , inkHeight] of glyphs) if (inkHeight > best) best = inkHeight;
    return best * size;
  }

  const floor1 = (value) => Math.floor(value * 10 + 1e-9) / 10;  // layout._floor

  // plaque_layout's size and schedule.letter_height: {width, ink, em} | {missing: [chars]}
  function layout(t, plaque, lines, metrics) {
    const measures = lines.map((line) => measureLine(metrics, line));
    const missing = [...new Set(measures.flatMap((m) => m.missing))];
    if (missing.length) return {missing};
    const margin = plaque.margin_mm, n = measures.length, gap = plaque.line_gap;
    const areaH = plaque.height_mm - 2 * margin;
    const stack = t.pySum(measures.map((m) => m.height)) + (n - 1) * gap;
    let shared = Math.min(plaque.max_letter_height_mm, areaH / stack);
    let width = plaque.width_mm;
    if (width === null) {
      const widest = Math.max(...measures.map((m) => m.width)) * shared;
      const lo = plaque.min_width_mm || 0.0, hi = plaque.max_width_mm || Infinity;
      width = Math.min(Math.max(widest + 2 * margin, lo), hi);
      if (width < hi) width = Math.ceil(width);
    }
    const areaW = width - 2 * margin;
    if (areaW <= 0 || areaH <= 0) return {missing: []};  // the CLI refuses: see there
    shared = floor1(shared);
    const heights = measures.map((m) => (m.width > 0 ? floor1(Math.min(shared, areaW / m.width)) : shared));
    const inks = measures.map((m, i) => Math.max(0.0, ...m.runs.map((run) => tallestInk(run, heights[i]))));
    let ink = null, em = null;
    inks.forEach((value, i) => {
      if (value > 0 && (ink === null || value > ink)) { ink = value; em = heights[i]; }
    });
    return {width, ink: ink === null ? null : t.round(ink, 1), em: em === null ? null : t.round(em, 1)};
  }

  function scheduleRows(data, plan, lang) {
    const e = P.engine(data), t = e.t, S = data.schedule, M = data.messages.schedule;
    const placeholders = Object.fromEntries(S.fields.map((f) => [f.id, f.placeholder]));
    const unknown = [], unknownRows = [];
    const rows = [];

    function plaqueRow(plaque, rowId, values) {
      for (const f of S.fields) {  // plaque_text refuses a value outside a field's choices
        const value = t.strip(values[f.id] || "");
        if (value && f.choices.length && !f.choices.includes(value)) {
          throw new Error(`${f.id}: expected one of ${f.choices.join(", ")}, got ${t.repr(value)}`);
        }
      }
      const lines = plaque.lines.map((line) => line.map((run) => ({typeface: run.typeface,
        text: fill(t, run.template, values, placeholders)})));
      const text = lines.map((line) => line.map((run) => run.text).join("")).join("");
      const facts = plaque[lang];
      let height = t.round(plaque.height_mm, 1), width, ink = null, em = null;
      const fitted = S.fonts_problem ? {missing: []} : layout(t, plaque, lines, S.metrics);
      if (fitted.missing) {  // as the schedule without fonts: no letter heights, width as given
        [height, width] = [facts.height_mm, facts.width];
        unknown.push(S.fonts_problem ? t.say(M, "browser_no_fonts", lang, {id: rowId, problem: S.fonts_problem})
          : t.say(M, "browser_width", lang, {id: rowId, chars: fitted.missing.join("")}));
        unknownRows.push(rowId);
      } else {
        width = t.round(fitted.width, 1);
        [ink, em] = [fitted.ink, fitted.em];
      }
      return {...facts, id: rowId, text, height_mm: height, width, ink_height_mm: ink, em_size_mm: em,
        artwork: safeId(rowId) + ".svg"};
    }

    function itemValues(plaque, value) {  // schedule._item_values
      const values = {...plan.community};
      for (const name of plaque.fields) if (!values[name]) values[name] = value;
      return values;
    }

    function entryIds(prefix, entries) {  // schedule._entry_ids
      const ids = [];
      for (const entry of entries) {
        const base = entry.category ? `${prefix}-${entry.category}` : `${prefix}-x${pad2(entry.index + 1)}`;
        let candidate = base, n = 2;
        while (ids.includes(candidate)) { candidate = `${base}-${n}`; n += 1; }
        ids.push(candidate);
      }
      return ids;
    }

    const logoCells = plan.origin && S.logos[plan.origin] ? S.logos[plan.origin][lang] : null;
    const logo = logoCells ? Object.fromEntries(S.columns.map((key, i) => [key, logoCells[i]])) : null;
    let logoPlaced = false;
    for (const plaque of S.plaques) {
      if (plaque.repeat === "once") {
        rows.push(plaqueRow(plaque, plaque.id, plan.community));
        if (logo && plaque.kind === "outdoor" && !logoPlaced) { rows.push(logo); logoPlaced = true; }
      } else if (plaque.repeat === "per_window") {
        entryIds(plaque.id, plan.windows).forEach((id, i) => rows.push(plaqueRow(plaque, id,
          itemValues(plaque, plan.windows[i].name))));
      } else if (plaque.repeat === "per_room") {
        for (const room of plan.rooms) {
          const label = room.names.join("、") || room.name;
          rows.push(plaqueRow(plaque, `${plaque.id}-r${pad2(room.index + 1)}`, itemValues(plaque, label)));
        }
      } else {
        entryIds(plaque.id, plan.boards).forEach((id, i) => rows.push(plaqueRow(plaque, id,
          itemValues(plaque, plan.boards[i].name))));
      }
    }
    if (logo && !logoPlaced) rows.push(logo);
    const cells = rows.map((row, i) => S.columns.map((key) => (key === "number" ? i + 1 : row[key])));
    return {rows: cells, unknown, unknown_rows: unknownRows};
  }

  const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];

  function csvText(t, value) {  // csv.writer: str() of a number, "" for None
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return Number.isInteger(value) ? String(value) : t.repr(value);
    return String(value);
  }
  const quoted = (text) => (/[,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);  // QUOTE_MINIMAL
  const neutralise = (value) => (typeof value === "string" && FORMULA_START.some((c) => value.startsWith(c))
    ? "'" + value : value);  // schedule.neutralise

  function scheduleCsv(data, raw, lang = "zh") {
    const e = P.engine(data), t = e.t;
    const read = P.readPlan(data, raw);
    if (!read.plan) {
      return {csv: "", unknown: read.problems.map((p) => `${p.field}: ${lang === "en" ? p.message_en : p.message}`),
        unknown_rows: []};
    }
    let made;
    try {
      made = scheduleRows(data, read.plan, lang);
    } catch (error) {  // a value plaque_text refuses: signgen schedule refuses the plan too
      return {csv: "", unknown: [String(error.message)], unknown_rows: []};
    }
    const lines = [data.schedule.headers[lang].map(quoted).join(","),
      ...made.rows.map((cells) => cells.map((c) => quoted(csvText(t, neutralise(c)))).join(","))];
    const csv = "\ufeff" + lines.map((line) => line + "\r\n").join("");
    return made.unknown.length ? {csv, unknown: made.unknown, unknown_rows: made.unknown_rows} : csv;
  }

  Object.assign(P, {scheduleCsv, scheduleRows});
})(typeof globalThis !== "undefined" ? globalThis : this);
