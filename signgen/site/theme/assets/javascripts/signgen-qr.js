/* signgen: the audit sheet's QR codes, drawn from the page's own address.
 *
 * Each <figure class="qr" data-href="../rules/x/"> holds a link relative to the page; the
 * code is drawn for the absolute URL the browser resolves it to, so a sheet printed from
 * any served copy of the site (intranet, laptop, mirror) opens that copy's rule page.
 * The printed side is max(data-min-mm, modules x data-module-mm), both project defaults
 * (specs/<standard>/defaults.yml, qr_codes). Encoder: qrcode-generator (vendor/, MIT).
 * Material's instant navigation swaps pages without a load event: document$ covers it. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var QUIET = 4; // modules of quiet zone each side (ISO/IEC 18004)

  function draw(figure) {
    var href = figure.getAttribute("data-href");
    if (!href || figure.getAttribute("data-drawn") === href) return;
    var url = new URL(href, document.baseURI).href;
    var code = qrcode(0, "M");
    code.addData(url);
    code.make();
    var n = code.getModuleCount();
    var side = n + 2 * QUIET;
    var minMm = parseFloat(figure.getAttribute("data-min-mm"));
    var moduleMm = parseFloat(figure.getAttribute("data-module-mm"));
    var mm = Math.max(minMm, side * moduleMm);
    var d = [];
    for (var r = 0; r < n; r += 1) {
      for (var c = 0; c < n; c += 1) {
        if (code.isDark(r, c)) d.push("M" + (c + QUIET) + " " + (r + QUIET) + "h1v1h-1z");
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + side + " " + side);
    svg.setAttribute("class", "qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("shape-rendering", "crispEdges");
    var title = document.createElementNS(SVG, "title");
    title.textContent = url;
    svg.appendChild(title);
    var bg = document.createElementNS(SVG, "rect");
    bg.setAttribute("width", side);
    bg.setAttribute("height", side);
    bg.setAttribute("fill", "#fff");
    svg.appendChild(bg);
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.appendChild(path);
    var old = figure.querySelector("svg, .qr-missing");
    if (old) old.remove();
    figure.insertBefore(svg, figure.firstChild);
    figure.style.setProperty("--qr-size", mm + "mm");
    figure.setAttribute("data-url", url);
    figure.setAttribute("data-drawn", href);
  }

  function drawAll() {
    var figures = document.querySelectorAll("figure.qr[data-href]");
    for (var i = 0; i < figures.length; i += 1) draw(figures[i]);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();

/* signgen: on a phone the printable pages' tables turn into cards (signgen.css); each cell
 * is labelled with its column's header text here. */
(function () {
  "use strict";
  function label() {
    var tables = document.querySelectorAll(".sg-print table");
    for (var t = 0; t < tables.length; t += 1) {
      var heads = tables[t].querySelectorAll("thead th");
      var rows = tables[t].querySelectorAll("tbody tr");
      for (var r = 0; r < rows.length; r += 1) {
        var cells = rows[r].children;
        for (var c = 0; c < cells.length && c < heads.length; c += 1) {
          var text = heads[c].textContent.trim();
          if (text) cells[c].setAttribute("data-label", text);
        }
      }
    }
  }
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(label);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", label);
  } else {
    label();
  }
})();
