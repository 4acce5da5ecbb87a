/* signgen: the plan check form's plan, as a plan file has it (no DOM, no words).
 *
 *   SigngenPlanInput.emptyPlan() / emptyRoom()   the form's state: every value as typed (text)
 *   SigngenPlanInput.normalise(raw)              a draft or a workbook's data as that state
 *   SigngenPlanInput.planOf(state, strip)        -> {plan, where}: the YAML plan's shape, as
 *       signgen.contractor.plan_xlsx reads a workbook (blank cells left out, blank rooms
 *       skipped, boards only when one is named); `where` maps the plan's rows to the form's
 *   SigngenPlanInput.controlKey(path, where)     the form control a problem's path points at
 *
 * `strip` is Python's str.strip (SigngenText's); without it, String.prototype.trim.
 */
(function (root) {
  "use strict";

  var strip = null; // of the call in progress

  // A blank cell, as the Excel reader sees one (Python's str.strip, once the data is here).
  function blank(text) {
    if (text === undefined || text === null) return true;
    return (strip ? strip(String(text)) : String(text).trim()) === "";
  }

  function emptyRoom() {
    return {name: "", area_m2: "", zone: "", functions: [""]};
  }

  function emptyPlan() {
    return {community: {}, origin: "", rooms: [emptyRoom()], windows: [], boards: []};
  }

  function texts(list) {
    return (Array.isArray(list) ? list : []).map(function (v) { return v === null || v === undefined ? "" : String(v); });
  }

  function normalise(raw) {
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

  // The plan's data in the shape of a YAML plan, as the Excel reader makes it: blank cells
  // left out, blank rooms skipped, the boards key only when a board is named. `where` maps
  // each path of the plan back to the form's row.
  function planOf(s, stripWith) {
    strip = stripWith || null;
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

  root.SigngenPlanInput = {emptyPlan: emptyPlan, emptyRoom: emptyRoom, normalise: normalise,
                           planOf: planOf, controlKey: controlKey};
})(globalThis);
