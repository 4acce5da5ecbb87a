/* signgen: the plan check form. A contractor enters the plan (or loads the Excel template
 * filled in), and sees, as they type, the verdicts of `signgen check-plan` given by the plan
 * engine (signgen-plan.js: SigngenPlan.checkPlan / planYaml / scheduleCsv) from
 * the check data the site build wrote (plan-data.json). Every word shown comes from the
 * page's configuration (<script id="sg-plan-config">) or from the engine: none is written
 * here. The draft is kept in localStorage; no request goes anywhere but to this site.
 */
(function () {
  "use strict";

  var host = document.getElementById("sg-plan");
  if (!host) return;
  var config = JSON.parse(document.getElementById(host.getAttribute("data-config")).textContent);
  var ui = config.ui;
  var lists = config.lists;
  var H = config.headers;
  var data = null; // the check data, once fetched
  var rules = null; // Python's text rules (SigngenText), from the data
  var engineProblem = "";
  var store = openStorage();
  var state = loadDraft() || emptyPlan();
  var last = null; // the last check: {input, problems, result}

  // --- small helpers ----------------------------------------------------------------------

  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (kids || []).forEach(function (kid) {
      if (kid !== null && kid !== undefined) node.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
    });
    return node;
  }

  // Text with `code` spans, as the configuration's words are written.
  function rich(text) {
    var span = el("span");
    String(text).split("`").forEach(function (part, i) {
      span.appendChild(i % 2 ? el("code", {text: part}) : document.createTextNode(part));
    });
    return span;
  }

  function say(key, values) {
    return String(ui[key]).replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  // A blank cell, as the Excel reader sees one (Python's str.strip, once the data is here).
  function blank(text) {
    if (text === undefined || text === null) return true;
    return (rules ? rules.strip(String(text)) : String(text).trim()) === "";
  }

  function emptyRoom() {
    return {name: "", area_m2: "", zone: "", functions: [""]};
  }

  function emptyPlan() {
    return {community: {}, origin: "", rooms: [emptyRoom()], windows: [], boards: []};
  }

  // --- the draft --------------------------------------------------------------------------

  function openStorage() {
    try {
      var s = window.localStorage;
      var probe = config.draft_key + ".probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (error) {
      return null;
    }
  }

  function loadDraft() {
    if (!store) return null;
    try {
      var saved = JSON.parse(store.getItem(config.draft_key) || "null");
      if (saved && Array.isArray(saved.rooms)) return normaliseState(saved);
    } catch (error) { /* an unreadable draft is dropped */ }
    return null;
  }

  function saveDraft() {
    if (!store) return;
    try {
      store.setItem(config.draft_key, JSON.stringify(state));
    } catch (error) {
      store = null;
      showStorage();
    }
  }

  function texts(list) {
    return (Array.isArray(list) ? list : []).map(function (v) { return v === null || v === undefined ? "" : String(v); });
  }

  function normaliseState(raw) {
    var community = {};
    Object.keys(raw.community || {}).forEach(function (k) { community[k] = String(raw.community[k]); });
    var rooms = (raw.rooms || []).map(function (r) {
      r = r || {};
      var functions = texts(r.functions);
      return {name: texts([r.name])[0], area_m2: texts([r.area_m2])[0], zone: texts([r.zone])[0],
              functions: functions.length ? functions : [""]};
    });
    return {community: community, origin: texts([raw.origin])[0], rooms: rooms.length ? rooms : [emptyRoom()],
            windows: texts(raw.windows), boards: texts(raw.boards)};
  }

  // --- the plan as a plan file has it -----------------------------------------------------

  // The plan's data in the shape of a YAML plan, as the Excel reader makes it: blank cells
  // left out, blank rooms skipped, the boards key only when a board is named. `where` maps
  // each path of the plan back to the form's row.
  function planOf(s) {
    var plan = {};
    var where = {rooms: [], functions: [], windows: [], boards: []};
    var community = {};
    var any = false;
    // every key, as the workbook or the draft has them: one the standard lacks is kept, for
    // the engine to refuse as check-plan does
    Object.keys(s.community).forEach(function (key) {
      var value = s.community[key];
      if (!blank(value)) { community[key] = value; any = true; }
    });
    if (any) plan.community = community;
    if (!blank(s.origin)) plan.origin = s.origin;
    plan.rooms = [];
    s.rooms.forEach(function (room, i) {
      var functions = [];
      var fIndex = [];
      room.functions.forEach(function (name, j) {
        if (!blank(name)) { functions.push(name); fIndex.push(j); }
      });
      if (blank(room.name) && blank(room.area_m2) && blank(room.zone) && !functions.length) return;
      var out = {};
      if (!blank(room.name)) out.name = room.name;
      if (!blank(room.area_m2)) out.area_m2 = room.area_m2;
      if (!blank(room.zone)) out.zone = room.zone;
      if (functions.length) out.functions = functions;
      where.rooms.push(i);
      where.functions.push(fIndex);
      plan.rooms.push(out);
    });
    ["windows", "boards"].forEach(function (key) {
      var names = [];
      s[key].forEach(function (name, i) {
        if (!blank(name)) { names.push(name); where[key].push(i); }
      });
      if (names.length || key === "windows") plan[key] = names;
    });
    return {plan: plan, where: where};
  }

  // The form control a problem's path points at: [key, index, ...] of the plan file.
  function controlKey(path, where) {
    if (!Array.isArray(path) || !path.length) return "";
    var key = path[0];
    if (key === "community" || key === "origin") return path.join(".");
    if (key === "rooms" && typeof path[1] === "number") {
      var row = where.rooms[path[1]];
      if (row === undefined) return "rooms";
      if (path[2] === "functions" && typeof path[3] === "number") {
        return "rooms." + row + ".functions." + where.functions[path[1]][path[3]];
      }
      return "rooms." + row + (path[2] ? "." + path[2] : "");
    }
    if ((key === "windows" || key === "boards") && typeof path[1] === "number") {
      return key + "." + where[key][path[1]];
    }
    return String(key);
  }

  // --- the form ---------------------------------------------------------------------------

  var parts = {};

  function options(select, names, value) {
    select.appendChild(el("option", {value: "", text: ui.pick}));
    names.forEach(function (name) {
      select.appendChild(el("option", {value: name, text: config.labels[name] || name}));
    });
    if (!blank(value) && names.indexOf(value) < 0) {
      select.appendChild(el("option", {value: value, text: value + " " + ui.not_listed}));
    }
    select.value = value || "";
    return select;
  }

  function field(label, control, key) {
    return el("label", {"class": "sg-field", "data-key": key}, [
      el("span", {"class": "sg-label", text: label}), control, el("span", {"class": "sg-problem", role: "alert"})]);
  }

  function onValue(setter) {
    return function (event) { setter(event.target.value); changed(); };
  }

  function textInput(value, setter, extra) {
    var attrs = {type: "text", value: value, oninput: onValue(setter), autocomplete: "off"};
    Object.keys(extra || {}).forEach(function (k) { attrs[k] = extra[k]; });
    return el("input", attrs);
  }

  function picker(names, value, setter, extra) {
    var attrs = {onchange: onValue(setter)};
    Object.keys(extra || {}).forEach(function (k) { attrs[k] = extra[k]; });
    return options(el("select", attrs), names, value);
  }

  function generalPart() {
    var box = el("fieldset", {"class": "sg-plan-general"}, [el("legend", {text: ui.general})]);
    config.fields.forEach(function (f) {
      var value = state.community[f.id] || "";
      var set = function (v) { state.community[f.id] = v; };
      var control = f.choices.length ? picker(f.choices, value, set, {name: "community." + f.id})
        : textInput(value, set, {name: "community." + f.id});
      box.appendChild(field(f.label, control, "community." + f.id));
    });
    Object.keys(state.community).forEach(function (key) {  // keys no field of the standard has
      if (config.fields.some(function (f) { return f.id === key; })) return;
      box.appendChild(field(key, textInput(state.community[key], function (v) { state.community[key] = v; },
                                           {name: "community." + key}), "community." + key));
    });
    if (lists.origins) {
      box.appendChild(field(H.origin, picker(lists.origins, state.origin, function (v) { state.origin = v; },
                                             {name: "origin"}), "origin"));
    }
    return box;
  }

  function roomPart(room, i) {
    var card = el("fieldset", {"class": "sg-room", "data-row": String(i), "data-key": "rooms." + i}, [
      el("legend", {text: say("room_n", {n: i + 1})})]);
    card.appendChild(field(H.name, textInput(room.name, function (v) { room.name = v; },
                                             {name: "rooms." + i + ".name"}), "rooms." + i + ".name"));
    card.appendChild(field(H.area_m2, textInput(room.area_m2, function (v) { room.area_m2 = v; },
                                                {name: "rooms." + i + ".area_m2", inputmode: "decimal"}),
                           "rooms." + i + ".area_m2"));
    if (lists.zones) {
      card.appendChild(field(H.zone, picker(lists.zones, room.zone, function (v) { room.zone = v; },
                                            {name: "rooms." + i + ".zone"}), "rooms." + i + ".zone"));
    }
    var functions = el("div", {"class": "sg-functions"});
    room.functions.forEach(function (name, j) {
      var key = "rooms." + i + ".functions." + j;
      var row = el("div", {"class": "sg-function", "data-key": key}, [
        picker(lists.functions || [], name, function (v) { room.functions[j] = v; },
               {name: key, "aria-label": H["function"] + " " + (j + 1)}),
        el("button", {type: "button", "class": "sg-remove", "aria-label": ui.remove + " " + H["function"] + " " + (j + 1),
                      text: "×", onclick: function () {
                        room.functions.splice(j, 1);
                        if (!room.functions.length) room.functions.push("");
                        rebuild();
                      }}),
        el("span", {"class": "sg-problem", role: "alert"})]);
      functions.appendChild(row);
    });
    card.appendChild(el("div", {"class": "sg-field sg-field-functions", "data-key": "rooms." + i + ".functions"}, [
      el("span", {"class": "sg-label", text: H["function"]}), functions,
      el("button", {type: "button", "class": "sg-add sg-add-function", text: "+ " + ui.add_function,
                    onclick: function () { room.functions.push(""); rebuild(); }}),
      el("span", {"class": "sg-problem", role: "alert"})]));
    card.appendChild(el("button", {type: "button", "class": "sg-remove sg-remove-room",
                                   title: ui.remove + " " + say("room_n", {n: i + 1}),
                                   onclick: function () {
                                     state.rooms.splice(i, 1);
                                     if (!state.rooms.length) state.rooms.push(emptyRoom());
                                     rebuild();
                                   }}, [el("span", {"class": "sg-x", "aria-hidden": "true", text: "×"}),
                                        el("span", {"class": "sg-remove-label", text: ui.remove + " " + say("room_n", {n: i + 1})})]));
    return card;
  }

  function roomsPart() {
    var box = el("fieldset", {"class": "sg-plan-rooms", "data-key": "rooms"}, [el("legend", {text: ui.rooms})]);
    var head = el("div", {"class": "sg-room-head", "aria-hidden": "true"}, [
      el("span", {text: H.name}), el("span", {text: H.area_m2})].concat(
      lists.zones ? [el("span", {text: H.zone})] : []).concat([el("span", {text: H["function"]})]));
    box.appendChild(head);
    state.rooms.forEach(function (room, i) { box.appendChild(roomPart(room, i)); });
    box.appendChild(el("button", {type: "button", "class": "sg-add sg-add-room", text: "+ " + ui.add_room,
                                  onclick: function () { state.rooms.push(emptyRoom()); rebuild(); }}));
    box.appendChild(el("span", {"class": "sg-problem", role: "alert", "data-key": "rooms"}));
    return box;
  }

  // Windows and boards: open lists (a name the standard lacks is kept), typed or picked.
  function entriesPart(key, listKey, addLabel, note) {
    var listId = "sg-plan-list-" + key;
    var box = el("fieldset", {"class": "sg-plan-entries sg-plan-" + key, "data-key": key}, [
      el("legend", {text: ui[key]}),
      el("datalist", {id: listId}, (lists[listKey] || []).map(function (name) {
        return el("option", {value: name, label: config.labels[name] || null});
      }))]);
    if (note) box.appendChild(el("p", {"class": "sg-note", text: note}));
    state[key].forEach(function (name, i) {
      var k = key + "." + i;
      box.appendChild(el("div", {"class": "sg-entry", "data-key": k}, [
        textInput(name, function (v) { state[key][i] = v; }, {name: k, list: listId, "aria-label": ui[key] + " " + (i + 1)}),
        el("button", {type: "button", "class": "sg-remove", text: "×", "aria-label": ui.remove + " " + (i + 1),
                      onclick: function () { state[key].splice(i, 1); rebuild(); }}),
        el("span", {"class": "sg-problem", role: "alert"})]));
    });
    box.appendChild(el("button", {type: "button", "class": "sg-add sg-add-" + key, text: "+ " + addLabel,
                                  onclick: function () { state[key].push(""); rebuild(); }}));
    return box;
  }

  function toolbar() {
    var file = el("input", {type: "file", accept: ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "class": "sg-load-input", onchange: function (event) {
                              var chosen = event.target.files[0];
                              if (chosen) loadWorkbook(chosen);
                              event.target.value = "";
                            }});
    return el("div", {"class": "sg-plan-tools"}, [
      el("label", {"class": "md-button sg-load"}, [el("span", {text: ui.load}), file]),
      el("button", {type: "button", "class": "md-button sg-download-plan", text: ui.download_plan,
                    onclick: downloadPlan}),
      canSchedule() ? el("button", {type: "button", "class": "md-button sg-download-schedule",
                                    text: ui.download_schedule, onclick: downloadSchedule}) : null,
      el("button", {type: "button", "class": "md-button sg-print", text: ui.print,
                    onclick: function () { window.print(); }}),
      el("button", {type: "button", "class": "md-button sg-clear", text: ui.clear, onclick: function () {
        if (window.confirm(ui.clear_confirm)) { state = emptyPlan(); rebuild(); }
      }})]);
  }

  function build() {
    host.textContent = "";
    host.classList.toggle("sg-no-zones", !lists.zones);
    parts.status = el("p", {"class": "sg-plan-status", role: "status"});
    parts.storage = el("p", {"class": "sg-plan-storage"});
    // A part the standard has nothing for is left out (no fields, no origins, no window
    // categories), unless the draft already holds something there.
    var general = config.fields.length || lists.origins || Object.keys(state.community).length;
    var windows = lists.windows || state.windows.length;
    parts.form = el("form", {"class": "sg-plan-form", onsubmit: function (e) { e.preventDefault(); }}, [
      general ? generalPart() : null, roomsPart(),
      windows ? entriesPart("windows", "windows", ui.add_window, "") : null,
      entriesPart("boards", "boards", ui.add_board, ui.boards_empty)]);
    parts.report = el("section", {"class": "sg-plan-report", "aria-live": "polite"});
    host.appendChild(el("div", {"class": "sg-plan-screen"}, [
      toolbar(), canSchedule() ? null : el("p", {"class": "sg-note sg-schedule-cli"}, [rich(ui.schedule_cli)]),
      parts.status, parts.storage]));
    host.appendChild(parts.form);
    host.appendChild(parts.report);
    showStorage();
  }

  function rebuild() {
    var focus = document.activeElement && document.activeElement.name;
    build();
    changed();
    if (focus) {
      var again = host.querySelector('[name="' + focus.replace(/"/g, "") + '"]');
      if (again) again.focus();
    }
  }

  function showStorage() {
    if (!parts.storage) return;
    parts.storage.textContent = store ? ui.draft_kept : ui.no_storage;
    parts.storage.className = "sg-plan-storage " + (store ? "sg-ok" : "sg-warn");
  }

  function status(text, kind) {
    parts.status.textContent = text;
    parts.status.className = "sg-plan-status" + (kind ? " sg-" + kind : "");
  }

  // --- checking ---------------------------------------------------------------------------

  function changed() {
    saveDraft();
    check();
  }

  function check() {
    var made = planOf(state);
    host.querySelectorAll(".sg-problem").forEach(function (p) { p.textContent = ""; });
    host.querySelectorAll("[aria-invalid]").forEach(function (c) { c.removeAttribute("aria-invalid"); });
    if (!made.plan.rooms.length && !engineProblem) {  // nothing entered yet: nothing to judge
      last = null;
      report(null, [], "", ui.no_rooms);
      return;
    }
    if (!data) {
      last = null;
      report(null, [], engineProblem ? say("engine_missing", {message: engineProblem}) : "");
      return;
    }
    // checkPlan reads the plan as check-plan does: a plan it refuses comes back with the
    // problems check-plan reports (exit 2), and no verdict.
    var result = window.SigngenPlan.checkPlan(data, made.plan, config.lang);
    var problems = result.refused ? (result.problems || []).map(function (p) {
      return {path: p.path, field: p.field,
              message: config.lang === "en" && p.message_en ? p.message_en : p.message};
    }) : [];
    if (result.refused) result = null;
    last = {input: made.plan, problems: problems, result: result};
    problems.forEach(function (problem) {
      var key = controlKey(problem.path, made.where);
      var box = key ? host.querySelector('[data-key="' + key + '"]') : null;
      while (!box && key.indexOf(".") > 0) {
        key = key.slice(0, key.lastIndexOf("."));
        box = host.querySelector('[data-key="' + key + '"]');
      }
      if (!box) return;
      var slot = box.querySelector(":scope > .sg-problem") || box.querySelector(".sg-problem");
      if (slot) slot.textContent = (slot.textContent ? slot.textContent + " " : "") + problem.message;
      var control = box.querySelector("input, select");
      if (control) control.setAttribute("aria-invalid", "true");
    });
    report(result, problems, "");
  }

  function communityTitle() {
    return config.name_fields.map(function (id) { return String(state.community[id] || "").trim(); })
      .filter(Boolean).join(" ");
  }

  function report(result, problems, message, note) {
    var box = parts.report;
    box.textContent = "";
    box.appendChild(el("h2", {text: ui.verdict}));
    var name = communityTitle();
    box.appendChild(el("p", {"class": "sg-community-line"}, [ui.community + ": ",
      name ? el("strong", {text: name}) : el("span", {"class": "sg-blank sg-wide"})]));
    box.removeAttribute("data-verdict");
    if (message) {
      box.appendChild(el("p", {"class": "sg-plan-verdict sg-fail", text: message}));
      return;
    }
    if (note) {
      box.appendChild(el("p", {"class": "sg-note", text: note}));
      return;
    }
    if (problems.length) {
      box.setAttribute("data-verdict", "problems");
      box.appendChild(el("p", {"class": "sg-plan-verdict sg-fail", text: ui.problems}));
      box.appendChild(el("ul", {"class": "sg-plan-problems"}, problems.map(function (p) {
        return el("li", {"data-field": p.field || ""}, [
          p.field ? el("code", {text: p.field}) : null, p.field ? ": " : "", p.message]);
      })));
      return;
    }
    if (!result) return;
    box.setAttribute("data-verdict", result.compliant ? "compliant" : "not-compliant");
    if (result.title) box.appendChild(el("p", {"class": "sg-plan-title", text: result.title}));
    var facts = result.facts || (result.summary && result.summary.facts) || [];
    if (facts.length) {
      box.appendChild(el("dl", {"class": "sg-plan-facts"}, facts.reduce(function (out, fact) {
        out.push(el("dt", {text: fact[0]}), el("dd", {text: fact[1]}));
        return out;
      }, [])));
    }
    result.sections.forEach(function (section) {
      box.appendChild(el("h3", {text: section.title, "data-section": section.id}));
      box.appendChild(el("ul", {"class": "sg-plan-items", "data-section": section.id}, section.items.map(function (item) {
        var source = item.source || "";
        return el("li", {"class": "sg-item sg-" + item.status, "data-id": item.id, "data-status": item.status}, [
          el("span", {"class": "sg-mark", title: config.report[item.status] || item.status,
                      text: config.marks[item.status] || ""}), " ",
          el("span", {"class": "sg-text", text: item.text}),
          item.level ? el("span", {"class": "sg-level", text: config.levels[item.level] || item.level}) : null,
          source ? el("span", {"class": "sg-source", text: "[" + source + "]"}) : null]);
      })));
    });
    var verdict = result.verdict || (result.compliant ? config.report.compliant
      : config.report.not_compliant.replace("{n}", String(failures(result))));
    box.appendChild(el("p", {"class": "sg-plan-verdict " + (result.compliant ? "sg-pass" : "sg-fail"), text: verdict}));
    box.appendChild(el("p", {"class": "sg-plan-cli"}, [rich(ui.cli_same)]));
    box.appendChild(el("div", {"class": "sg-sign"}, [el("p", {}, [
      ui.community + ": ", name ? el("strong", {text: name}) : el("span", {"class": "sg-blank sg-wide"}),
      " \u00a0 " + ui.signature + ": ", el("span", {"class": "sg-blank sg-wide"}),
      " \u00a0 " + ui.date + ": ", el("span", {"class": "sg-blank"})])]));
  }

  function failures(result) {
    return result.sections.reduce(function (n, s) {
      return n + s.items.filter(function (i) { return i.status === "fail"; }).length;
    }, 0);
  }

  // --- downloads --------------------------------------------------------------------------

  function save(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = el("a", {href: url, download: name});
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function downloadPlan() {
    if (!data) return;
    save("plan.yaml", window.SigngenPlan.planYaml(data, planOf(state).plan), "application/yaml;charset=utf-8");
  }

  // The engine makes the schedule only where it can know every row's facts (see
  // signgen-plan.js); without scheduleCsv the page says how to make it from the plan file.
  function canSchedule() {
    return !!(window.SigngenPlan && typeof window.SigngenPlan.scheduleCsv === "function");
  }

  function downloadSchedule() {
    if (!data || !last) return;
    if (last.problems.length) { status(ui.problems, "warn"); return; }
    var made = window.SigngenPlan.scheduleCsv(data, last.input, config.lang);
    var csv = typeof made === "string" ? made : made && made.csv;
    var unknown = made && typeof made === "object" ? (made.unknown || made.missing || made.message || "") : "";
    if (unknown) status(say("schedule_unknown", {message: [].concat(unknown).join("; ")}), "warn");
    if (csv) save("signs.csv", csv, "text/csv;charset=utf-8");
  }

  // --- Excel ------------------------------------------------------------------------------

  function loadWorkbook(file) {
    var layout = config.workbook;
    var text = rules;
    file.arrayBuffer().then(function (buffer) {
      return window.SigngenXlsx.readWorkbook(buffer, {strip: text ? text.strip : null});
    }).then(function (sheets) {
      var read = window.SigngenPlanWorkbook.planData(layout, sheets, file.name, text);
      if (read.error) { status(say("load_failed", {message: read.error}), "fail"); return; }
      state = normaliseState(read.data);
      rebuild();
      status(say("loaded", {file: file.name, rooms: (read.data.rooms || []).length}), "ok");
    }).catch(function (error) {
      var message = error && error.kind ? window.SigngenPlanWorkbook.unreadable(layout, file.name, error.kind)
        : String(error);
      status(say("load_failed", {message: message}), "fail");
    });
  }

  // --- start ------------------------------------------------------------------------------

  build();
  check();
  if (!window.SigngenPlan) {
    engineProblem = "signgen-plan.js";
    check();
    return;
  }
  fetch(config.data, {credentials: "same-origin"}).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + config.data);
    return response.json();
  }).then(function (loaded) {
    rules = window.SigngenText ? window.SigngenText.make(loaded.text_rules) : null;
    data = loaded;
    check();
  }).catch(function (error) {
    engineProblem = String(error && error.message || error);
    check();
  });
})();
