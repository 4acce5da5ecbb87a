/* signgen-audit.js: the browser's judge of an audit survey, the twin of `signgen audit`
 * (signgen/audit/judge.py).
 *
 * Plain ES2020, no DOM: it runs in Chromium and in node. It needs, loaded before it,
 * signgen-text.js (Python's text rules), signgen-audit-styles.js (typefaces and colours,
 * audit/styles.py) and signgen-audit-survey.js (the survey read and written, survey.py):
 * signgen.audit.export.ENGINE_SCRIPTS names them in load order. Everything it knows of the standard comes
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
    for (const part of ["SigngenText", "SigngenAuditStyles", "SigngenAuditSurvey"]) {
      if (!root[part]) throw new Error("signgen-audit.js: load " + part + " before it");
    }
    if (data.__reader) return bind(data.__reader, data);
    const T = root.SigngenText.make(data.text_rules), D = T.ND;
    R = {
      data, T, raw: data.reader, texts: data.texts, css: data.reader.css_colours,
      num: new RegExp(D + "+(?:\\." + D + "+)?", "gu"),  // styles.py _NUM, _CMYK_LETTERS
      cmyk: new RegExp("^" + ("cmyk".split("").map((l) => l + "(" + D + "+(?:\\." + D +
                               "*)?|\\." + D + "+)%?").join("")) + "$", "u"),
    };
    Object.defineProperty(data, "__reader", {value: R, enumerable: false});
    return bind(R, data);
  }
  function bind(reader, data) { // the parts judge with the data in use
    R = reader;
    root.SigngenAuditStyles.bind(R);
    root.SigngenAuditSurvey.bind(R);
    S = root.SigngenAuditSurvey;
    C = root.SigngenAuditStyles;
    return data;
  }
  let S = null, C = null; // the survey part, the styles part
  const has = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const t = (key, lang, params) => R.T.say(R.texts.audit, key, lang, params || {});

  function readNumber(raw, unit, opts) {
    use((opts && opts.data) || (R && R.data));
    return S.numberOf(raw, unit, !!(opts && opts.positive));
  }
  function readResult(raw, opts) {
    use((opts && opts.data) || (R && R.data));
    return S.resultOf(raw);
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
      const judge = k === "plaque-colours" ? C.judgeColour : C.judgeTypeface;
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
    const origin = S.readOrigin(data, survey.origin, problems);
    const items = itemsFor(data, origin);
    const entries = S.readItems(data, items, survey.items, problems);
    const empty = S.readEntry(items[0] || {fields: []}, null, []);
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

  root.SigngenAudit = {
    FORMAT, use, judge, readNumber, readResult, itemsFor,
    surveyYaml: (data, survey, header) => { use(data); return S.surveyYaml(data, survey, header); },
    measured: (data, v) => { use(data); return R.T.measured(v); },
    text: (data, key, lang, params) => { use(data); return t(key, lang, params); },
  };
})(globalThis);
