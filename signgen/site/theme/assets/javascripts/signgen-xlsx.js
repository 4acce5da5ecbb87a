/* signgen: a small reader of Excel workbooks (.xlsx) in the browser, with no request and no
 * library: the ZIP container (stored or deflated entries, inflated by the browser's own
 * DecompressionStream("deflate-raw")) and SpreadsheetML parts (read by DOMParser).
 *
 *   SigngenXlsx.readWorkbook(arrayBuffer, {strip}) -> Promise<[{title, state, rows: [[n, [values]]]}]>
 *
 * Every sheet in the workbook's order (hidden ones too, as openpyxl lists them), each row
 * numbered from 1 with its cells as signgen's Python reader gives them
 * (signgen.spec.sheetsource.sheet_rows over openpyxl's read-only, data-only workbook):
 * numbers stay numbers, TRUE/FALSE for booleans, ISO text for dates, text stripped, empty
 * cells null; a formula gives its cached value; missing rows are empty, and a row is as long
 * as its last cell. Text is stripped by `strip` (give Python's str.strip, SigngenText's;
 * without it, String.prototype.trim). A file that is no workbook rejects with an Error whose
 * `kind` names why.
 */
(function (root) {
  "use strict";

  var MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
  // Excel's built-in number formats that show dates or times (ECMA-376 18.8.30), as openpyxl
  // reads them; 46 ([h]:mm:ss) is a duration.
  var BUILTIN_DATES = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];
  var BUILTIN_DURATIONS = [46];
  var DAY_MS = 86400000;

  function fail(kind, detail) {
    var error = new Error(kind + (detail ? ": " + detail : ""));
    error.kind = kind;
    return error;
  }

  // --- ZIP ------------------------------------------------------------------------------

  function entries(buffer) {
    var view = new DataView(buffer);
    var end = -1;
    for (var i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 65557); i -= 1) {
      if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) throw fail("BadZipFile", "no end of central directory");
    var count = view.getUint16(end + 10, true);
    var offset = view.getUint32(end + 16, true);
    var decoder = new TextDecoder("utf-8");
    var out = {};
    for (var n = 0; n < count; n += 1) {
      if (offset + 46 > buffer.byteLength || view.getUint32(offset, true) !== 0x02014b50) {
        throw fail("BadZipFile", "bad central directory");
      }
      var method = view.getUint16(offset + 10, true);
      var size = view.getUint32(offset + 20, true);
      var nameLength = view.getUint16(offset + 28, true);
      var extraLength = view.getUint16(offset + 30, true);
      var commentLength = view.getUint16(offset + 32, true);
      var local = view.getUint32(offset + 42, true);
      var name = decoder.decode(new Uint8Array(buffer, offset + 46, nameLength));
      out[name] = {method: method, size: size, local: local};
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return out;
  }

  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer();
  }

  function partBytes(buffer, entry) {
    var view = new DataView(buffer);
    if (view.getUint32(entry.local, true) !== 0x04034b50) throw fail("BadZipFile", "bad entry");
    var start = entry.local + 30 + view.getUint16(entry.local + 26, true)
      + view.getUint16(entry.local + 28, true);
    var data = new Uint8Array(buffer, start, entry.size);
    if (entry.method === 0) return Promise.resolve(data);
    if (entry.method === 8) return inflate(data).then(function (b) { return new Uint8Array(b); });
    return Promise.reject(fail("BadZipFile", "compression method " + entry.method));
  }

  function Archive(buffer) {
    this.buffer = buffer;
    this.files = entries(buffer);
  }

  Archive.prototype.xml = function (name) {
    var entry = this.files[name];
    if (!entry) return Promise.resolve(null);
    return partBytes(this.buffer, entry).then(function (bytes) {
      var text = new TextDecoder("utf-8").decode(bytes);
      var doc = new DOMParser().parseFromString(text, "application/xml");
      if (doc.getElementsByTagName("parsererror").length) throw fail("SyntaxError", name);
      return doc;
    });
  };

  // --- SpreadsheetML --------------------------------------------------------------------

  function children(node, ns, tag) {
    var out = [];
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === tag && c.namespaceURI === ns) out.push(c);
    }
    return out;
  }

  function child(node, ns, tag) {
    return children(node, ns, tag)[0] || null;
  }

  function resolvePart(base, target) {
    if (target.charAt(0) === "/") return target.slice(1);
    var parts = base.split("/").slice(0, -1).concat(target.split("/"));
    var out = [];
    parts.forEach(function (p) {
      if (p === "..") out.pop(); else if (p !== "." && p !== "") out.push(p);
    });
    return out.join("/");
  }

  function relsOf(doc) {
    var out = {};
    if (!doc) return out;
    children(doc.documentElement, PKG_REL, "Relationship").forEach(function (r) {
      out[r.getAttribute("Id")] = {target: r.getAttribute("Target"), type: r.getAttribute("Type")};
    });
    return out;
  }

  // The text of a shared or inline string: its runs, phonetic guides left out.
  function stringText(si) {
    var text = "";
    var t = child(si, MAIN, "t");
    if (t) text += t.textContent;
    children(si, MAIN, "r").forEach(function (r) {
      var rt = child(r, MAIN, "t");
      if (rt) text += rt.textContent;
    });
    return text;
  }

  // openpyxl's is_date_format and is_timedelta_format.
  function isDateFormat(code) {
    if (code == null) return false;
    var first = code.split(";")[0].replace(/".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]/g, "");
    return /(^|[^_\\])[dmhysDMHYS]/.test(first);
  }

  function isDurationFormat(code) {
    if (code == null) return false;
    return /\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?/i.test(code.split(";")[0]);
  }

  function styleKinds(doc) {
    var kinds = [];
    if (!doc) return kinds;
    var custom = {};
    var numFmts = child(doc.documentElement, MAIN, "numFmts");
    if (numFmts) {
      children(numFmts, MAIN, "numFmt").forEach(function (f) {
        custom[f.getAttribute("numFmtId")] = f.getAttribute("formatCode");
      });
    }
    var xfs = child(doc.documentElement, MAIN, "cellXfs");
    if (!xfs) return kinds;
    children(xfs, MAIN, "xf").forEach(function (xf) {
      var id = xf.getAttribute("numFmtId") || "0";
      var kind = "";
      if (Object.prototype.hasOwnProperty.call(custom, id)) {
        var code = custom[id];
        kind = isDurationFormat(code) ? "duration" : isDateFormat(code) ? "date" : "";
      } else if (BUILTIN_DURATIONS.indexOf(Number(id)) >= 0) {
        kind = "duration";
      } else if (BUILTIN_DATES.indexOf(Number(id)) >= 0) {
        kind = "date";
      }
      kinds.push(kind);
    });
    return kinds;
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  // An Excel serial date as Python's isoformat() of openpyxl's from_excel (1900 system).
  function isoDate(serial, date1904) {
    var day = Math.floor(serial);
    var ms = Math.round((serial - day) * DAY_MS);
    var clock = pad(Math.floor(ms / 3600000), 2) + ":" + pad(Math.floor(ms / 60000) % 60, 2)
      + ":" + pad(Math.floor(ms / 1000) % 60, 2) + (ms % 1000 ? "." + pad((ms % 1000) * 1000, 6) : "");
    if (serial >= 0 && serial < 1 && ms < DAY_MS) return clock;
    if (!date1904 && serial > 0 && serial < 60) day += 1;
    var epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    var when = new Date(epoch + day * DAY_MS + ms);
    return pad(when.getUTCFullYear(), 4) + "-" + pad(when.getUTCMonth() + 1, 2) + "-"
      + pad(when.getUTCDate(), 2) + "T" + clock;
  }

  // A duration as Python's str(timedelta): "1 day, 2:03:04".
  function durationText(serial) {
    var ms = Math.round(serial * DAY_MS);
    var days = Math.floor(ms / DAY_MS);
    var rest = ms - days * DAY_MS;
    var clock = Math.floor(rest / 3600000) + ":" + pad(Math.floor(rest / 60000) % 60, 2) + ":"
      + pad(Math.floor(rest / 1000) % 60, 2) + (rest % 1000 ? "." + pad((rest % 1000) * 1000, 6) : "");
    return days ? days + (Math.abs(days) === 1 ? " day, " : " days, ") + clock : clock;
  }

  function columnNumber(ref) {
    var letters = /^[A-Z]+/.exec(ref || "");
    if (!letters) return 0;
    var n = 0;
    for (var i = 0; i < letters[0].length; i += 1) n = n * 26 + letters[0].charCodeAt(i) - 64;
    return n;
  }

  // signgen.spec.sheetsource.cell_value of the value openpyxl gives.
  function cellValue(c, strings, kinds, date1904, strip) {
    var type = c.getAttribute("t") || "n";
    var v = child(c, MAIN, "v");
    var raw = v ? v.textContent : null;
    var value = null;
    if (type === "inlineStr") {
      var is = child(c, MAIN, "is");
      value = is ? stringText(is) : null;
    } else if (raw === null) {
      value = null;
    } else if (type === "s") {
      value = strings[Number(raw)];
    } else if (type === "str" || type === "e") {
      value = raw;
    } else if (type === "b") {
      return Number(raw) ? "TRUE" : "FALSE";
    } else if (type === "d") {
      return raw;
    } else {
      var number = Number(raw);
      var kind = kinds[Number(c.getAttribute("s") || 0)] || "";
      if (kind === "date") return isoDate(number, date1904);
      if (kind === "duration") return durationText(number);
      return number;
    }
    if (value === null || value === undefined) return null;
    var text = strip(String(value));
    return text || null;
  }

  function sheetRows(doc, strings, kinds, date1904, strip) {
    var rows = [];
    var data = child(doc.documentElement, MAIN, "sheetData");
    if (!data) return rows;
    var next = 1;
    children(data, MAIN, "row").forEach(function (row) {
      var n = Number(row.getAttribute("r")) || next;
      while (next < n) { rows.push([next, []]); next += 1; }
      var cells = [];
      var col = 0;
      children(row, MAIN, "c").forEach(function (c) {
        col = columnNumber(c.getAttribute("r")) || col + 1;
        while (cells.length < col) cells.push(null);
        cells[col - 1] = cellValue(c, strings, kinds, date1904, strip);
      });
      rows.push([n, cells]);
      next = n + 1;
    });
    return rows;
  }

  function readWorkbook(buffer, options) {
    var strip = (options && options.strip) || function (text) { return text.trim(); };
    var archive;
    try {
      archive = new Archive(buffer);
    } catch (error) {
      return Promise.reject(error);
    }
    var book = "xl/workbook.xml";
    var rootRels = archive.files["_rels/.rels"] ? "_rels/.rels" : null;
    return (rootRels ? archive.xml(rootRels) : Promise.resolve(null)).then(function (rels) {
      var found = relsOf(rels);
      Object.keys(found).forEach(function (id) {
        if (/officeDocument$/.test(found[id].type)) book = resolvePart("", found[id].target);
      });
      var bookRels = book.replace(/[^/]*$/, "_rels/") + book.split("/").pop() + ".rels";
      return Promise.all([archive.xml(book), archive.xml(bookRels)]);
    }).then(function (docs) {
      var workbook = docs[0];
      if (!workbook) throw fail("KeyError", book);
      var rels = relsOf(docs[1]);
      var strings = null;
      var styles = null;
      Object.keys(rels).forEach(function (id) {
        var type = rels[id].type || "";
        if (/\/sharedStrings$/.test(type)) strings = resolvePart(book, rels[id].target);
        if (/\/styles$/.test(type)) styles = resolvePart(book, rels[id].target);
      });
      var pr = child(workbook.documentElement, MAIN, "workbookPr");
      var date1904 = !!pr && /^(1|true)$/.test(pr.getAttribute("date1904") || "");
      var sheets = child(workbook.documentElement, MAIN, "sheets");
      var list = sheets ? children(sheets, MAIN, "sheet") : [];
      return Promise.all([strings ? archive.xml(strings) : null,
                          styles ? archive.xml(styles) : null]).then(function (parts) {
        var table = parts[0] ? children(parts[0].documentElement, MAIN, "si").map(stringText) : [];
        var kinds = styleKinds(parts[1]);
        return Promise.all(list.map(function (sheet) {
          var rel = rels[sheet.getAttributeNS(REL, "id")];
          if (!rel || !/\/worksheet$/.test(rel.type || "")) return null;
          return archive.xml(resolvePart(book, rel.target)).then(function (doc) {
            if (!doc) throw fail("KeyError", rel.target);
            return {title: sheet.getAttribute("name"), state: sheet.getAttribute("state") || "visible",
                    rows: sheetRows(doc, table, kinds, date1904, strip)};
          });
        }));
      });
    }).then(function (sheets) {
      return sheets.filter(function (s) { return s !== null; });
    });
  }

  root.SigngenXlsx = {readWorkbook: readWorkbook};
})(globalThis);
