/* signgen: the plan check form. A contractor enters the plan (or loads the Excel template
 * filled in), and sees, as they type, the verdicts of `signgen check-plan` given by the plan
 * engine (signgen-plan.js: SigngenPlan.checkPlan / planYaml / scheduleCsv) from
 * the check data the site build wrote (plan-data.json). The plan's shape is
 * signgen-plan-input.js's, the report signgen-plan-report.js's, the Excel reading
 * signgen-xlsx.js's and signgen-plan-workbook.js's. Every word shown comes from the
 * page's configuration (<script id="sg-plan-config">) or from the engine: none is written
 * here. The draft is kept in localStorage; no request goes anywhere but to this site.
 */
(function () {
  "use strict";

  var host = document.getElementById("sg-plan");
  if (!host) return;
  var Input = window.SigngenPlanInput;
  var el = window.SigngenPlanReport.el;
  var rich = window.SigngenPlanReport.rich;
  var config = JSON.parse(document.getElementById(host.getAttribute("data-config")).textContent);
  var ui = config.ui;
  var lists = config.lists;
  var H = config.headers;
  var data = null; // the check data, once fetched
  var rules = null; // Python's text rules (SigngenText), from the data
  var engineProblem = "";
  var store = openStorage();
  var state = loadDraft() || Input.emptyPlan();
  var last = null; // the last check: {input, problems, result}

  // --- small helpers ----------------------------------------------------------------------

  function say(key, values) {
    return String(ui[key]).replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
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
      if (saved && Array.isArray(saved.rooms)) return Input.normalise(saved);
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

  // --- the form ---------------------------------------------------------------------------

  var parts = {};

  function options(select, names, value) {
    select.appendChild(el("option", {value: "", text: ui.pick}));
    names.forEach(function (name) {
      select.appendChild(el("option", {value: name, text: config.labels[name] || name}));
    });
    if (value && names.indexOf(value) < 0) {
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
                                     if (!state.rooms.length) state.rooms.push(Input.emptyRoom());
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
                                  onclick: function () { state.rooms.push(Input.emptyRoom()); rebuild(); }}));
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
        if (window.confirm(ui.clear_confirm)) { state = Input.emptyPlan(); rebuild(); }
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
    var made = Input.planOf(state, rules ? rules.strip : null);
    host.querySelectorAll(".sg-problem").forEach(function (p) { p.textContent = ""; });
    host.querySelectorAll("[aria-invalid]").forEach(function (c) { c.removeAttribute("aria-invalid"); });
    if (!made.plan.rooms.length && !engineProblem) {  // nothing entered yet: nothing to judge
      last = null;
      showReport(null, [], "", ui.no_rooms);
      return;
    }
    if (!data) {
      last = null;
      showReport(null, [], engineProblem ? say("engine_missing", {message: engineProblem}) : "");
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
      var key = Input.controlKey(problem.path, made.where);
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
    showReport(result, problems, "");
  }

  function showReport(result, problems, message, note) {
    window.SigngenPlanReport.render(parts.report, config, {result: result, problems: problems,
                                                          message: message, note: note,
                                                          community: communityTitle()});
  }

  function communityTitle() {
    return config.name_fields.map(function (id) { return String(state.community[id] || "").trim(); })
      .filter(Boolean).join(" ");
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
    save("plan.yaml", window.SigngenPlan.planYaml(data, Input.planOf(state, rules ? rules.strip : null).plan), "application/yaml;charset=utf-8");
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
      state = Input.normalise(read.data);
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
