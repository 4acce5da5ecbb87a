/* signgen: a plan workbook (from `signgen plan-template`, filled in Excel or WPS) read as plan
 * data, with the rules of signgen.contractor.plan_xlsx.read_plan_xlsx: the same sheets found
 * by their titles, the same header rows (a title row or two may sit above), the same columns,
 * blank rows skipped, the boards column left empty meaning "every board of the standard".
 *
 *   SigngenPlanWorkbook.planData(layout, sheets, file, text) -> {data} or {error}
 *
 * `layout` is the page's description of the workbook (sheet titles, headers, the reader's
 * messages, all exported by the site build from signgen.contractor.plan_sheets); `sheets` is
 * what SigngenXlsx.readWorkbook gives. `data` has the shape of a YAML plan file, every value
 * as text (numbers as cell_text writes them: 90.0 is "90"); `error` is the message the CLI
 * gives for a workbook it cannot read. `text` holds Python's text rules (SigngenText.make's
 * strip, isSpace, casefold, repr); without it, JavaScript's nearest (trim, \s, toLowerCase).
 */
(function (root) {
  "use strict";

  var rules = null; // the text rules of the call in progress

  // " ".join(text.split()).casefold()
  function fold(text) {
    if (!rules) return String(text).split(/\s+/).filter(Boolean).join(" ").toLowerCase();
    var words = [];
    var word = "";
    Array.from(String(text)).forEach(function (ch) {
      if (rules.isSpace(ch)) { if (word) words.push(word); word = ""; } else word += ch;
    });
    if (word) words.push(word);
    return rules.casefold(words.join(" "));
  }

  function lower(text) {
    return rules ? rules.casefold(text) : text.toLowerCase();
  }

  function strip(text) {
    return rules ? rules.strip(text) : text.trim();
  }

  // signgen.spec.sheetsource.cell_text
  // (90.0 and 90 are one number here; Python's str and cell_text agree on both)
  function cellText(value) {
    return String(value);
  }

  function pyRepr(text) {
    if (rules) return rules.repr(String(text));
    return "'" + String(text).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
  }

  // str.format with {name} and {name!r}, as the Python catalogues are written.
  function format(template, values) {
    return template.replace(/\{(\w+)(!r)?\}/g, function (_, name, repr) {
      return repr ? pyRepr(values[name]) : String(values[name]);
    });
  }

  function matchHeader(layout, text, key) {
    var cell = fold(text);
    var names = layout.headers[key];
    return cell.indexOf(lower(names[0])) === 0 || cell.indexOf(lower(names[1])) >= 0
      || cell === key;
  }

  function findSheet(layout, sheets, key) {
    var zh = layout.sheets[key][0];
    var en = lower(layout.sheets[key][1]);
    for (var i = 0; i < sheets.length; i += 1) {
      var title = strip(sheets[i].title);
      if (title.indexOf(zh) === 0 || lower(title).indexOf(en) >= 0) return sheets[i];
    }
    return null;
  }

  function Refusal(message) {
    this.message = message;
  }

  function header(layout, sheet, keys, first, file) {
    var rows = sheet.rows.slice(0, layout.header_rows);
    for (var r = 0; r < rows.length; r += 1) {
      var columns = {};
      var found = false;
      rows[r][1].forEach(function (cell, i) {
        if (typeof cell !== "string") return;
        var named = keys.filter(function (k) { return matchHeader(layout, cell, k); });
        if (!named.length) return;
        // 功能区 is a zone, not a 功能: the longest name wins (the first of equals)
        var best = named[0];
        named.forEach(function (k) {
          if (layout.headers[k][0].length > layout.headers[best][0].length) best = k;
        });
        columns[i] = best;
        if (best === first) found = true;
      });
      if (found) return {row: rows[r][0], columns: columns};
    }
    var want = layout.headers[first][0] + " " + layout.headers[first][1];
    throw new Refusal(file + ":" + sheet.title + ": " + format(layout.messages.no_header,
      {n: layout.header_rows, want: want}));
  }

  function sortedColumns(columns) {
    return Object.keys(columns).map(Number).sort(function (a, b) { return a - b; });
  }

  function general(layout, sheet, data, file) {
    var head = header(layout, sheet, ["key", "value"], "key", file);
    var keyCol = null;
    var valueCol = null;
    sortedColumns(head.columns).forEach(function (col) {
      if (head.columns[col] === "key" && keyCol === null) keyCol = col;
      if (head.columns[col] === "value" && valueCol === null) valueCol = col;
    });
    if (valueCol === null) valueCol = keyCol + 2;
    var community = {};
    var any = false;
    sheet.rows.forEach(function (row) {
      var cells = row[1];
      if (row[0] <= head.row || keyCol >= cells.length || cells[keyCol] === null) return;
      var key = cellText(cells[keyCol]);
      var value = valueCol < cells.length ? cells[valueCol] : null;
      if (value === null) return;
      if (key === "origin") {
        data.origin = cellText(value);
      } else {
        community[key] = cellText(value);
        any = true;
      }
    });
    if (any) data.community = community;
  }

  function rooms(layout, sheet, data, file) {
    var head = header(layout, sheet, ["name", "area_m2", "zone", "function"], "name", file);
    var cols = sortedColumns(head.columns);
    var out = [];
    sheet.rows.forEach(function (row) {
      var cells = row[1];
      if (row[0] <= head.row || cells.every(function (c) { return c === null; })) return;
      var room = {};
      var functions = [];
      cols.forEach(function (col) {
        var key = head.columns[col];
        var value = col < cells.length ? cells[col] : null;
        if (value === null) return;
        if (key === "function") functions.push(cellText(value));
        else room[key] = cellText(value);
      });
      if (functions.length) room.functions = functions;
      out.push(room);
    });
    data.rooms = out;
  }

  function entries(layout, sheet, data, file) {
    var head = header(layout, sheet, ["windows", "boards"], "windows", file);
    sortedColumns(head.columns).forEach(function (col) {
      var key = head.columns[col];
      var names = [];
      sheet.rows.forEach(function (row) {
        var value = col < row[1].length ? row[1][col] : null;
        if (row[0] > head.row && value !== null) names.push(cellText(value));
      });
      if (names.length || key === "windows") data[key] = names;
    });
  }

  function planData(layout, sheets, file, text) {
    var data = {};
    rules = text || null;
    try {
      var first = findSheet(layout, sheets, "general");
      if (first) general(layout, first, data, file);
      var roomSheet = findSheet(layout, sheets, "rooms");
      if (!roomSheet) {
        throw new Refusal(file + ": " + format(layout.messages.no_sheet, {
          want: layout.sheets.rooms[0] + " " + layout.sheets.rooms[1],
          got: sheets.map(function (s) { return s.title; }).join(", ")}));
      }
      rooms(layout, roomSheet, data, file);
      var entrySheet = findSheet(layout, sheets, "entries");
      if (entrySheet) entries(layout, entrySheet, data, file);
    } catch (error) {
      if (error instanceof Refusal) return {error: error.message};
      throw error;
    }
    return {data: data};
  }

  function unreadable(layout, file, kind) {
    return file + ": " + format(layout.messages.unreadable, {kind: kind});
  }

  root.SigngenPlanWorkbook = {planData: planData, unreadable: unreadable, format: format};
})(globalThis);
