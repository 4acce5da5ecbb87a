// signgen-plan-yaml.js: a plan typed in the browser as the plan file `signgen check-plan` reads.
//
// Every text is a double-quoted YAML scalar (any text survives: quotes, backslashes, line
// breaks, control characters are escaped), numbers and booleans stay what they were, keys
// that are ids are written bare; check-plan on the file gives what checkPlan gives on the
// plan (tests/browser/test_engine_plan.py).
//
// Needs signgen-text.js and signgen-plan.js first. Adds to globalThis.SigngenPlan:
//   planYaml(data, plan) -> the plan file's text
(function (root) {
  "use strict";

  const P = root.SigngenPlan;
  if (!P || !P.readPlan) throw new Error("signgen-plan-yaml: load signgen-plan.js first");
  const {engine, isObject} = P;

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

  Object.assign(P, {planYaml});
})(typeof globalThis !== "undefined" ? globalThis : this);
