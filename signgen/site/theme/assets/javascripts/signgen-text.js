// signgen-text.js: Python's text rules, for the browser engines (SigngenPlan, SigngenAudit).
//
// signgen's checks read what people type with Python's rules: str.strip() and str.split()
// whitespace, NFKC, str.casefold(), repr() in messages, str.format() templates, difflib's
// ratio for "did you mean" hints, the number reader of signgen/spec/values.py and the number
// formatter of signgen/output/numbers.py. A browser engine that gives the CLI's verdicts
// must read and write text the same way; this file is that, and nothing of any standard.
// The tables Python has and JavaScript lacks (the whitespace set, case folding, unit
// words) come in the exported data's `text_rules` (signgen/spec/text_rules.py).
//
// Plain ES2020, no DOM, no dependency: works in Chromium and node. Defines
// globalThis.SigngenText.make(textRules) -> the functions below, bound to those tables.
(function (root) {
  "use strict";

  const NONPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  function codePoints(text) { return Array.from(text); }

  // Python compares str by code point; JavaScript's < by UTF-16 unit.
  function comparePy(a, b) {
    const x = codePoints(a), y = codePoints(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d < 0 ? -1 : 1;
    }
    return x.length === y.length ? 0 : (x.length < y.length ? -1 : 1);
  }

  function hex(code, width) { return code.toString(16).padStart(width, "0"); }

  function make(rules) {
    const space = new Set(codePoints(rules.whitespace));
    const fold = rules.casefold;
    const unitWords = rules.unit_words;
    const unitShown = rules.unit_shown;
    // Python's \d and float(): the decimal digits (Nd) of Python's Unicode, by their zeros.
    const zeros = rules.digit_zeros;
    const esc = (code) => `\\u{${code.toString(16)}}`;
    const ND = "[" + zeros.map((z) => `${esc(z)}-${esc(z + 9)}`).join("") + "]";
    // values.py: _NUMBER, _DECIMAL_COMMA, _GROUPED (re.match: anchored at the start)
    const NUMBER = new RegExp(`^[+-]?(?:${ND}+(?:\\.${ND}*)?|\\.${ND}+)(?:e[+-]?${ND}+)?`, "u");
    const DECIMAL_COMMA = new RegExp(`^[+-]?${ND}+,${ND}+`, "u");
    const GROUPED = new RegExp(`^[+-]?${ND}{1,3}(?:,${ND}{3})+(?![,]|${ND})`, "u");
    function asciiDigit(ch) {  // the ASCII digit of any decimal digit, else ch
      const code = ch.codePointAt(0);
      const zero = zeros.find((z) => z <= code && code <= z + 9);
      return zero === undefined ? ch : String(code - zero);
    }

    const isSpace = (ch) => space.has(ch);
    function strip(text) {  // str.strip()
      const chars = codePoints(text);
      let i = 0, j = chars.length;
      while (i < j && isSpace(chars[i])) i++;
      while (j > i && isSpace(chars[j - 1])) j--;
      return chars.slice(i, j).join("");
    }
    const squeeze = (text) => codePoints(text).filter((c) => !isSpace(c)).join("");  // "".join(s.split())
    // str.casefold() from Python's own table: toLowerCase follows a newer Unicode
    const casefold = (text) => codePoints(text).map((c) => (c in fold ? fold[c] : c)).join("");
    const nfkc = (text) => text.normalize("NFKC");
    // contractor/names.py normalise(): NFKC, no spaces, casefolded
    const normalise = (name) => casefold(squeeze(nfkc(name)));

    function reprString(text) {  // repr(str), as CPython writes it
      const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
      let out = quote;
      for (const ch of text) {
        const code = ch.codePointAt(0);
        if (ch === quote || ch === "\\") out += "\\" + ch;
        else if (ch === "\t") out += "\\t";
        else if (ch === "\n") out += "\\n";
        else if (ch === "\r") out += "\\r";
        else if (code < 0x20 || code === 0x7f) out += "\\x" + hex(code, 2);
        else if (code < 0x7f || !NONPRINTABLE.test(ch)) out += ch;
        else if (code <= 0xff) out += "\\x" + hex(code, 2);
        else if (code <= 0xffff) out += "\\u" + hex(code, 4);
        else out += "\\U" + hex(code, 8);
      }
      return out + quote;
    }

    function reprFloat(x) {  // repr(float): shortest digits, exponent outside [-4, 16)
      if (Number.isNaN(x)) return "nan";
      if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
      if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
      const [mantissa, e] = x.toExponential().split("e");
      const exp = Number(e), sign = mantissa.startsWith("-") ? "-" : "";
      const digits = mantissa.replace("-", "").replace(".", "");
      if (exp < -4 || exp >= 16) {
        const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
      }
      if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
      const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      return `${sign}${whole}.${digits.slice(exp + 1) || "0"}`;
    }

    function repr(value) {
      if (typeof value === "string") return reprString(value);
      if (value === null || value === undefined) return "None";
      if (typeof value === "boolean") return value ? "True" : "False";
      if (typeof value === "number") return Number.isInteger(value) ? String(value) : reprFloat(value);
      if (Array.isArray(value)) return "[" + value.map(repr).join(", ") + "]";
      if (typeof value === "object") {
        return "{" + Object.entries(value).map(([k, v]) => repr(k) + ": " + repr(v)).join(", ") + "}";
      }
      return String(value);
    }

    function cut(text, limit) {  // values.describe: repr cut to 60 characters
      const chars = codePoints(text);
      return chars.length <= limit ? text : chars.slice(0, limit - 3).join("") + "...";
    }
    const describe = (value) => cut(repr(value), 60);

    // str.format for signgen's catalogues: {name}, {name!r}, {{ and }}; a value may be a
    // {zh, en} message, taken in the language of the text it goes into.
    function format(template, values, lang) {
      return template.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)(!r)?\}/g, (all, name, conv) => {
        if (all === "{{") return "{";
        if (all === "}}") return "}";
        if (!(name in values)) throw new Error(`message: no value for {${name}}`);
        let value = values[name];
        if (value !== null && typeof value === "object") value = lang === "en" ? value.en : value.zh;
        if (conv) return repr(value);
        return typeof value === "string" ? value : repr(value);
      });
    }
    const say = (catalogue, key, lang, values = {}) => {
      if (!(key in catalogue)) throw new Error(`message: unknown key ${key}`);
      return format(catalogue[key][lang === "en" ? 1 : 0], values, lang);
    };
    const msg = (catalogue, key, values = {}) => ({
      zh: say(catalogue, key, "zh", values), en: say(catalogue, key, "en", values)});
    const plain = (text) => ({zh: text, en: text});
    const join = (a, b) => ({zh: a.zh + (typeof b === "string" ? b : b.zh),
                             en: a.en + (typeof b === "string" ? b : b.en)});

    // --- difflib.SequenceMatcher(None, a, b).ratio() and get_close_matches -----------------
    function ratio(aText, bText) {
      const a = codePoints(aText), b = codePoints(bText);
      const b2j = new Map();
      b.forEach((elt, j) => { if (!b2j.has(elt)) b2j.set(elt, []); b2j.get(elt).push(j); });
      if (b.length >= 200) {  // autojunk: drop elements more popular than 1% + 1
        const ntest = Math.floor(b.length / 100) + 1;
        for (const [elt, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(elt);
      }
      function longest(alo, ahi, blo, bhi) {
        let besti = alo, bestj = blo, bestsize = 0, j2len = new Map();
        for (let i = alo; i < ahi; i++) {
          const next = new Map();
          for (const j of b2j.get(a[i]) || []) {
            if (j < blo) continue;
            if (j >= bhi) break;
            const k = (j2len.get(j - 1) || 0) + 1;
            next.set(j, k);
            if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
          }
          j2len = next;
        }
        while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
          besti--; bestj--; bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi
               && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
        return [besti, bestj, bestsize];
      }
      let matches = 0;
      const queue = [[0, a.length, 0, b.length]];
      while (queue.length) {
        const [alo, ahi, blo, bhi] = queue.pop();
        const [i, j, k] = longest(alo, ahi, blo, bhi);
        if (k) {
          matches += k;
          if (alo < i && blo < j) queue.push([alo, i, blo, j]);
          if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
        }
      }
      const length = a.length + b.length;
      return length ? 2.0 * matches / length : 1.0;
    }
    function closeMatches(word, possibilities, n = 3, cutoff = 0.6) {
      const scored = [];
      for (const x of possibilities) {
        const score = ratio(x, word);
        if (score >= cutoff) scored.push([score, x]);
      }
      scored.sort((p, q) => (q[0] - p[0]) || comparePy(q[1], p[1]));
      return scored.slice(0, n).map((p) => p[1]);
    }

    // --- spec/values.py read_number: {value} or {problem: {code, params}} -------------------
    const problem = (code, params) => ({problem: {code, params}});
    function numberInText(value, unit, got) {
      let text = squeeze(nfkc(value));
      const grouped = GROUPED.exec(text);
      if (grouped) text = grouped[0].replace(/,/g, "") + text.slice(grouped[0].length);
      const match = NUMBER.exec(casefold(text));
      if (!match || !match[0]) return problem("not-a-number", {got});
      const rest = text.slice(match[0].length);
      const comma = DECIMAL_COMMA.exec(text);
      if (comma && comma[0].length > match[0].length) {
        return problem("decimal-comma", {got, hint: comma[0].replace(/,/g, ".")});
      }
      if (rest) {
        const restKey = casefold(rest);
        const written = restKey in unitWords ? unitWords[restKey] : rest;
        const unitKey = unit ? casefold(squeeze(nfkc(unit))) : "";
        const wanted = unit ? (unitKey in unitWords ? unitWords[unitKey] : unit) : null;
        if (wanted === null || written !== wanted) {
          if (wanted === null) return problem("not-a-number", {got});
          return problem("wrong-unit", {got, unit: unit in unitShown ? unitShown[unit] : unit});
        }
      }
      return {value: Number(codePoints(match[0]).map(asciiDigit).join(""))};
    }
    function readNumber(value, unit = null, {minimum = null, positive = false} = {}) {
      const got = describe(value);
      let read;
      if (typeof value === "number") read = {value};
      else if (typeof value === "string") read = numberInText(value, unit, got);
      else return problem("not-a-number", {got});
      if (read.problem) return read;
      const number = read.value;
      if (!Number.isFinite(number)) return problem("not-finite", {got});
      if (positive && number <= 0) return problem("not-positive", {got});
      if (minimum !== null && number < minimum) {
        return problem("too-small", {got, minimum: reprG(minimum)});
      }
      return {value: number};
    }
    const reprG = (x) => (Number.isInteger(x) ? String(x) : reprFloat(x));

    // --- output/numbers.py number(): f"{value:.Nf}" (round half even), zeros dropped ------
    function fixed(value, decimals) {
      if (Number.isNaN(value)) return "nan";
      if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
      const size = Math.abs(value);
      let text;
      if (size >= 1e21) {
        text = (value < 0 ? "-" : "") + BigInt(size).toString() + (decimals ? "." + "0".repeat(decimals) : "");
      } else {
        text = value.toFixed(decimals);
        // toFixed breaks an exact tie upwards, Python's format to even.
        if (exactTie(size, decimals)) {
          const last = Number(text[text.length - 1]);
          if (last % 2 === 1) text = text.slice(0, -1) + String(last - 1);
        }
      }
      return text;
    }
    // A tie: the exact value times 10^N ends in exactly one half (times 2, an odd integer).
    function exactTie(size, decimals) {
      const [num, den] = exactFraction(size);
      const twice = num * 2n * 10n ** BigInt(decimals);
      return twice % den === 0n && (twice / den) % 2n === 1n;
    }
    function exactFraction(x) {  // a finite double as num / 2^k exactly
      let den = 1n, v = x;
      while (!Number.isInteger(v)) { v *= 2; den *= 2n; }
      return [BigInt(v), den];
    }
    function number(value, decimals = 2) {
      let text = fixed(value, decimals);
      if (decimals) text = text.replace(/0+$/, "").replace(/\.$/, "");
      return text === "-0" ? "0" : text;
    }
    const measured = (value) => number(value, 4);
    const round = (value, decimals) => Number(fixed(value, decimals));  // round(x, n)

    // Areas added one after the other from 0 (contractor/plan.add_areas).
    const sum = (values) => values.reduce((total, x) => total + x, 0);
    // Python's sum() of floats: left to right up to 3.11; from 3.12 compensated (Neumaier),
    // as bltinmodule.c does it. The data says which Python built it (rules.float_sum).
    function pySum(values) {
      if (rules.float_sum !== "compensated" || !values.length) return sum(values);
      let total = 0 + values[0], c = 0.0;
      for (const x of values.slice(1)) {
        const t = total + x;
        c += Math.abs(total) >= Math.abs(x) ? (total - t) + x : (x - t) + total;
        total = t;
      }
      return c && Number.isFinite(c) ? total + c : total;
    }

    // float() of text matched by a pattern built on ND (the digit class above)
    const toFloat = (text) => Number(codePoints(text).map(asciiDigit).join(""));

    return {codePoints, comparePy, isSpace, strip, squeeze, casefold, nfkc, normalise, repr,
            describe, format, say, msg, plain, join, ratio, closeMatches, readNumber, number,
            measured, round, sum, pySum, fixed, ND, toFloat,
            unitShown: (u) => (u in unitShown ? unitShown[u] : u)};
  }

  root.SigngenText = {make};
})(typeof globalThis !== "undefined" ? globalThis : this);
