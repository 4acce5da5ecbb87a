/* signgen: the plan check's report on the page (and on paper): the verdicts of the engine
 * (SigngenPlan.checkPlan) laid out as `signgen check-plan` lays them out, under a community
 * line, with a signature block; or the problems that keep a plan from being checked.
 *
 *   SigngenPlanReport.render(box, config, view)   view: {result, problems, message, note,
 *                                                  community}
 *   SigngenPlanReport.el(tag, attrs, kids) / rich(text)   the DOM helpers the form shares
 *
 * Every word comes from the page's configuration or the engine's result.
 */
(function (root) {
  "use strict";

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

  function render(box, config, view) {
    var ui = config.ui;
    var result = view.result;
    var problems = view.problems || [];
    var message = view.message;
    var note = view.note;
    box.textContent = "";
    box.appendChild(el("h2", {text: ui.verdict}));
    var name = view.community || "";
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
    if (result.facts.length) {
      box.appendChild(el("dl", {"class": "sg-plan-facts"}, result.facts.reduce(function (out, fact) {
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
    box.appendChild(el("p", {"class": "sg-plan-verdict " + (result.compliant ? "sg-pass" : "sg-fail"), text: result.verdict}));
    box.appendChild(el("p", {"class": "sg-plan-cli"}, [rich(ui.cli_same)]));
    box.appendChild(el("div", {"class": "sg-sign"}, [el("p", {}, [
      ui.community + ": ", name ? el("strong", {text: name}) : el("span", {"class": "sg-blank sg-wide"}),
      " \u00a0 " + ui.signature + ": ", el("span", {"class": "sg-blank sg-wide"}),
      " \u00a0 " + ui.date + ": ", el("span", {"class": "sg-blank"})])]));
  }

  root.SigngenPlanReport = {render: render, el: el, rich: rich};
})(globalThis);
