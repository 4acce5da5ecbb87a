/* signgen: the audit form on the site (signgen/site/audit_form.py makes its <div>).
 *
 * It loads the community's judge data (audit-data.json, from signgen.audit.export), builds
 * one card per item (clause, level, required value, tolerance, a link to the rule page, the
 * fields to measure, result, note, photo), judges on every keystroke with SigngenAudit.judge
 * (the CLI's rules: signgen-audit.js), keeps the draft with SigngenAuditStore and exports
 * the survey signgen audit reads (SigngenAudit.surveyYaml) with the photos, as one zip
 * (SigngenZip). Words: the page's data-labels (interface) and the data's catalogue
 * (verdicts), in the page's language. No request but the data file; no service worker. */
(function () {
  "use strict";

  var SAVE_DELAY_MS = 300;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function fill(text, values) {
    return String(text).replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (all === "{{") return "{";
      if (all === "}}") return "}";
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function Form(root, data, store) {
    this.root = root;
    this.data = data;
    this.store = store;
    this.lang = root.getAttribute("lang") === "en" ? "en" : "zh";
    this.labels = JSON.parse(root.getAttribute("data-labels") || "{}");
    this.cards = {};
    this.thumbs = {};
    this.saveTimer = null;
    this.filter = "all";
    var draft = store.draft;
    if (!draft.origin && root.getAttribute("data-origin")) {
      draft.origin = root.getAttribute("data-origin");
    }
  }

  Form.prototype.L = function (key, values) {
    return fill(this.labels[key] !== undefined ? this.labels[key] : key, values);
  };

  /* A text of the audit's catalogue (the CLI's words), in the page's language. */
  Form.prototype.say = function (key, values) {
    return window.SigngenAudit.text(this.data, key, this.lang, values || {});
  };

  Form.prototype.en = function (item, name) {
    return this.lang === "en" && item[name + "_en"] ? item[name + "_en"] : item[name];
  };

  /* The items as they read for the chosen origin (a per-origin rule cites its clause). */
  Form.prototype.items = function () {
    return window.SigngenAudit.itemsFor(this.data, this.store.draft.origin || null);
  };

  Form.prototype.entry = function (id) {
    var items = this.store.draft.items;
    if (!items[id]) items[id] = {};
    return items[id];
  };

  /* The survey as signgen audit reads it: only what was filled in, values as typed. */
  Form.prototype.survey = function (withPhotos) {
    var draft = this.store.draft;
    var out = {};
    this.items().forEach(function (item) {
      var typed = draft.items[item.id] || {};
      var entry = {};
      if (typed.result) entry.result = typed.result;
      if (typed.note && typed.note.trim()) entry.note = typed.note;
      var field = item.fields[0];
      var value = field ? typed[field] : undefined;
      if (value && typeof value === "object") {
        var parts = {};
        Object.keys(value).forEach(function (key) {
          if (String(value[key]).trim() !== "") parts[key] = value[key];
        });
        if (Object.keys(parts).length) entry[field] = parts;
      } else if (value !== undefined && String(value).trim() !== "") {
        entry[field] = value;
      }
      var photo = draft.photos[item.id];
      if (withPhotos && photo) entry.photo = "photos/" + item.id + "." + photo.ext;
      if (Object.keys(entry).length) out[item.id] = entry;
    });
    return { origin: draft.origin || null, items: out };
  };

  Form.prototype.header = function () {
    var draft = this.store.draft;
    return { auditor: draft.auditor || "", date: draft.date || "", origin: draft.origin || null };
  };

  // --- building the page ----------------------------------------------------------------

  Form.prototype.build = function () {
    var self = this;
    var root = this.root;
    root.textContent = "";
    var community = root.getAttribute("data-community");
    this.title = el("h2", { class: "sg-af-title", text: this.say("report.title", {
      community: community || this.say("report.unnamed") }) });
    root.appendChild(this.title);
    root.appendChild(this.buildHead(community));
    this.notice = el("p", { class: "sg-af-notice", role: "status" });
    root.appendChild(this.notice);
    this.summary = el("div", { class: "sg-af-summary", "aria-live": "polite" });
    root.appendChild(this.summary);
    root.appendChild(this.buildTools());
    this.bar = el("p", { class: "sg-af-bar", "aria-hidden": "true" });
    root.appendChild(this.bar);
    this.list = el("div", { class: "sg-af-items" });
    root.appendChild(this.list);
    this.signature = this.buildSignature(community);
    this.buildItems();
    this.storageNotice();
    window.addEventListener("pagehide", function () { self.saveNow(); });
    window.addEventListener("afterprint", function () {
      document.documentElement.removeAttribute("data-sg-print");
    });
  };

  Form.prototype.buildHead = function (community) {
    var self = this;
    var draft = this.store.draft;
    var head = el("div", { class: "sg-af-head" });
    var line = el("p", { class: "sg-community-line" }, [
      el("span", { text: this.L("community") + ": " }),
      community ? el("strong", { text: community }) : el("span", { class: "sg-blank sg-wide" })]);
    head.appendChild(line);
    /* Printed, a header field shows its value as text (or a line to write on). */
    function shown(value) {
      var text = el("span", { class: "sg-af-shown" + (value ? "" : " sg-blank sg-wide"),
                              text: value });
      return text;
    }
    function show(span, value) {
      span.textContent = value;
      span.className = "sg-af-shown" + (value ? "" : " sg-blank sg-wide");
    }
    function input(key, type, value, onInput) {
      var field = el("input", { type: type, value: value, class: "sg-af-input",
                                autocomplete: "off", "data-header": key });
      var printed = shown(value);
      field.addEventListener("input", function () {
        onInput(field.value);
        show(printed, field.value);
        self.changed();
      });
      return el("label", { class: "sg-af-field" }, [el("span", { text: self.L(key) }), field,
                                                     printed]);
    }
    head.appendChild(input("auditor", "text", draft.auditor, function (v) { draft.auditor = v; }));
    head.appendChild(input("date", "date", draft.date, function (v) { draft.date = v; }));
    if (this.data.origins.length) {
      var select = el("select", { class: "sg-af-input", "data-header": "origin" });
      select.appendChild(el("option", { value: "", text: this.L("origin-choose") }));
      this.data.origins.forEach(function (o) {
        var option = el("option", { value: o.id, text: self.lang === "en" ?
          o.name_en + " (" + o.name + ")" : o.name });
        if (o.id === draft.origin) option.selected = true;
        select.appendChild(option);
      });
      var printed = shown(select.value ? select.options[select.selectedIndex].text : "");
      select.addEventListener("change", function () {
        draft.origin = select.value || null;
        show(printed, select.value ? select.options[select.selectedIndex].text : "");
        self.buildItems();
        self.changed();
      });
      var hint = this.root.getAttribute("data-origin") ?
        el("small", { text: " " + this.L("origin-fixed") }) : null;
      head.appendChild(el("label", { class: "sg-af-field" }, [
        el("span", { text: this.L("origin") }), select, printed, hint]));
    }
    return head;
  };

  Form.prototype.buildTools = function () {
    var self = this;
    var tools = el("div", { class: "sg-af-tools" });
    var filter = el("div", { class: "sg-af-filter", role: "group",
                             "aria-label": this.L("filter") });
    ["all", "open", "fail"].forEach(function (which) {
      var button = el("button", { type: "button", class: "md-button", "data-filter": which,
                                  "aria-pressed": which === self.filter ? "true" : "false",
                                  text: self.L("filter-" + which) });
      button.addEventListener("click", function () {
        self.filter = which;
        filter.querySelectorAll("button").forEach(function (b) {
          b.setAttribute("aria-pressed", b === button ? "true" : "false");
        });
        self.applyFilter();
      });
      filter.appendChild(button);
    });
    tools.appendChild(filter);
    function action(key, run, primary) {
      var button = el("button", { type: "button", "data-action": key, text: self.L(key),
                                  class: "md-button" + (primary ? " md-button--primary" : "") });
      button.addEventListener("click", run);
      tools.appendChild(button);
    }
    action("export-zip", function () { self.exportZip(); }, true);
    action("export-yaml", function () { self.exportYaml(); });
    action("print", function () { self.print(); });
    action("reset", function () { self.reset(); });
    tools.appendChild(el("p", { class: "sg-af-hint", text: this.L("export-hint") }));
    return tools;
  };

  Form.prototype.buildSignature = function (community) {
    var blank = function (wide) { return el("span", { class: "sg-blank" + (wide ? " sg-wide" : "") }); };
    return el("div", { class: "sg-sign sg-af-sign" }, [el("p", {}, [
      el("span", { text: this.L("community") + ": " }),
      community ? el("span", { text: community }) : blank(true),
      el("span", { text: "  " + this.L("signature") + ": " }), blank(true),
      el("span", { text: "  " + this.L("date") + ": " }), blank(false)])]);
  };

  Form.prototype.groupName = function (group) {
    var names = {};
    String(this.labels.groups || "").split(";").forEach(function (pair) {
      var at = pair.indexOf(":");
      if (at > 0) names[pair.slice(0, at)] = pair.slice(at + 1);
    });
    return names[group] || group;
  };

  Form.prototype.buildItems = function () {
    var self = this;
    this.list.textContent = "";
    this.cards = {};
    var section = null;
    var group = null;
    this.items().forEach(function (item) {
      if (item.group !== group) {
        group = item.group;
        section = el("section", { class: "sg-af-group", "data-group": group }, [
          el("h3", { text: self.groupName(group) })]);
        self.list.appendChild(section);
      }
      var card = self.buildCard(item);
      self.cards[item.id] = card;
      section.appendChild(card.node);
    });
    // Printed, the signature block shares a page with the last two items: neither it nor
    // an item is ever alone on a page.
    var cards = section ? Array.prototype.slice.call(section.querySelectorAll(".sg-af-item"), -2) : [];
    if (cards.length) section.appendChild(el("div", { class: "sg-af-keep" }, cards.concat([this.signature])));
    this.judge();
    Object.keys(this.store.draft.photos).forEach(function (id) { self.showPhoto(id); });
  };

  window.SigngenAuditFormParts = { Form: Form, el: el, fill: fill };
})();
