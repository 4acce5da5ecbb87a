/* signgen: the audit form's items (see signgen-audit-form.js): one card per item, the live
 * verdicts of SigngenAudit.judge, photos, the export (zip or YAML), printing, and starting
 * the form on each page that has one. */
(function () {
  "use strict";

  var parts = window.SigngenAuditFormParts;
  var Form = parts.Form;
  var el = parts.el;

  function photoSettings(root) {
    return { maxPx: parseInt(root.getAttribute("data-photo-max-px"), 10) || 1600,
             quality: parseFloat(root.getAttribute("data-photo-quality")) || 0.85 };
  }

  Form.prototype.buildCard = function (item) {
    var self = this;
    var typed = this.entry(item.id);
    var node = el("article", { class: "sg-af-item", id: "af-" + item.id, "data-item": item.id,
                               "data-kind": item.kind });
    var status = el("span", { class: "sg-af-status" });
    node.appendChild(el("header", {}, [status, el("h4", { text: this.en(item, "title") }),
                                       el("code", { class: "sg-af-id", text: item.id })]));
    var level = this.say("level." + item.level_class) +
      (item.project_addition ? ", " + this.say("level.project") : "");
    var clause = item.clause.number + " " + (this.lang === "en" && item.clause.title_en ?
      item.clause.title_en : item.clause.title);
    var facts = [["clause", clause], ["level", level], ["required", this.en(item, "required")]];
    if (item.tolerance) {
      facts.push(["tolerance", this.say("tolerance.marked", { value: item.tolerance.shown })]);
    }
    var dl = el("dl", { class: "sg-af-facts" });
    facts.forEach(function (fact) {
      dl.appendChild(el("dt", { text: self.L(fact[0]) }));
      dl.appendChild(el("dd", { text: fact[1] }));
    });
    node.appendChild(dl);
    var href = this.root.getAttribute("data-site-root") + (this.lang === "en" ? item.url_en : item.url);
    node.appendChild(el("p", { class: "sg-af-check" }, [
      el("span", { text: this.en(item, "check") + " " }),
      el("a", { href: href, class: "sg-af-rule", text: this.L("rule-page") })]));
    var inputs = el("div", { class: "sg-af-inputs" });
    this.fieldInputs(item, typed).forEach(function (input) { inputs.appendChild(input); });
    node.appendChild(inputs);
    node.appendChild(this.resultInput(item, typed));
    var note = el("textarea", { class: "sg-af-input sg-af-note", rows: 2, "data-field": "note" });
    note.value = typed.note || "";
    note.addEventListener("input", function () { typed.note = note.value; self.changed(); });
    node.appendChild(el("label", { class: "sg-af-field sg-af-wide" }, [
      el("span", { text: this.L("note") }), note]));
    node.appendChild(this.photoInput(item));
    var problem = el("p", { class: "sg-af-problem", role: "alert" });
    var message = el("p", { class: "sg-af-message" });
    var noted = el("p", { class: "sg-af-noted" });
    node.appendChild(problem);
    node.appendChild(message);
    node.appendChild(noted);
    return { node: node, status: status, message: message, problem: problem, noted: noted };
  };

  Form.prototype.textInput = function (label, value, decimal, onInput, key) {
    var self = this;
    var input = el("input", { type: "text", class: "sg-af-input", autocomplete: "off",
                              inputmode: decimal ? "decimal" : null, "data-field": key,
                              enterkeyhint: "next" });
    input.value = value === undefined || value === null ? "" : value;
    input.addEventListener("input", function () { onInput(input.value); self.changed(); });
    return el("label", { class: "sg-af-field" }, [el("span", { text: label }), input]);
  };

  /* The values the item is judged on, named as the survey names them (template.py). */
  Form.prototype.fieldInputs = function (item, typed) {
    var self = this;
    var field = item.fields[0];
    if (!field) return [];
    function set(v) { typed[field] = v; }
    function part(key) {
      return function (v) {
        if (!typed[field] || typeof typed[field] !== "object") typed[field] = {};
        typed[field][key] = v;
      };
    }
    var mapping = typed[field] && typeof typed[field] === "object" ? typed[field] : {};
    if (item.kind === "plaque-size") {
      var out = [];
      if (item.size_cm[0] !== null) {
        out.push(this.textInput(this.L("height"), mapping.height_cm, true, part("height_cm"),
                                field + ".height_cm"));
      }
      if (item.size_cm[1] !== null) {
        out.push(this.textInput(this.L("width"), mapping.width_cm, true, part("width_cm"),
                                field + ".width_cm"));
      }
      return out;
    }
    if (item.parts) {
      return item.parts.map(function (p) {
        return self.textInput(self.L("observed") + ": " + p.label, mapping[p.key], false,
                              part(p.key), field + "." + p.key);
      });
    }
    var value = typeof typed[field] === "object" ? "" : typed[field];
    if (item.kind === "area") return [this.textInput(this.L("measured") + " (m²)", value, true, set, field)];
    if (item.kind === "quantity") {
      return [this.textInput(this.L("measured") + " (" + item.quantity.unit + ")", value, true,
                             set, field)];
    }
    var label = item.kind === "function" ? this.L("room") : this.L("observed");
    return [this.textInput(label, value, false, set, field)];
  };

  Form.prototype.resultInput = function (item, typed) {
    var self = this;
    var box = el("fieldset", { class: "sg-af-result" }, [el("legend", { text: this.L("result") })]);
    var name = "af-result-" + item.id;
    ["pass", "fail", "na"].forEach(function (value) {
      var radio = el("input", { type: "radio", name: name, value: value, "data-field": "result" });
      radio.checked = typed.result === value;
      radio.addEventListener("change", function () { typed.result = value; self.changed(); });
      box.appendChild(el("label", { class: "sg-af-choice sg-af-choice--" + value }, [
        radio, el("span", { text: self.L(value) })]));
    });
    var clear = el("button", { type: "button", class: "sg-af-clear", text: this.L("clear") });
    clear.addEventListener("click", function () {
      delete typed.result;
      box.querySelectorAll("input").forEach(function (r) { r.checked = false; });
      self.changed();
    });
    box.appendChild(clear);
    return box;
  };

  // --- photos ---------------------------------------------------------------------------

  Form.prototype.photoInput = function (item) {
    var self = this;
    var file = el("input", { type: "file", accept: "image/*", capture: "environment",
                             class: "sg-af-file", "data-field": "photo" });
    var thumb = el("img", { class: "sg-af-thumb", alt: this.L("photo") + " " + item.id,
                            hidden: true });
    var name = el("code", { class: "sg-af-photo-name" });
    var remove = el("button", { type: "button", class: "sg-af-clear", hidden: true,
                                text: this.L("remove-photo") });
    file.addEventListener("change", function () {
      if (file.files && file.files[0]) self.addPhoto(item.id, file.files[0]);
      file.value = "";
    });
    remove.addEventListener("click", function () { self.removePhoto(item.id); });
    this.thumbs[item.id] = { img: thumb, name: name, remove: remove };
    return el("div", { class: "sg-af-photo" }, [
      el("label", { class: "md-button sg-af-take" }, [el("span", { text: this.L("take-photo") }), file]),
      thumb, name, remove]);
  };

  Form.prototype.addPhoto = function (id, file) {
    var self = this;
    var settings = photoSettings(this.root);
    return window.SigngenAuditStore.preparePhoto(file, settings.maxPx, settings.quality)
      .then(function (photo) {
        return self.store.putPhoto(id, photo.blob).then(function () {
          self.store.draft.photos[id] = { ext: photo.ext, bytes: photo.blob.size,
                                          width: photo.width, height: photo.height };
          self.showPhoto(id);
          self.changed();
        });
      })
      .catch(function (error) {
        self.notice.textContent = self.L("photo-failed", { error: error && error.message || error });
      });
  };

  Form.prototype.showPhoto = function (id) {
    var self = this;
    var view = this.thumbs[id];
    var photo = this.store.draft.photos[id];
    if (!view) return;
    if (view.img.src) URL.revokeObjectURL(view.img.src);
    if (!photo) {
      view.img.hidden = true;
      view.img.removeAttribute("src");
      view.name.textContent = "";
      view.remove.hidden = true;
      return;
    }
    this.store.getPhoto(id).then(function (blob) {
      if (!blob) return;
      view.img.src = URL.createObjectURL(blob);
      view.img.hidden = false;
      view.name.textContent = "photos/" + id + "." + photo.ext;
      view.remove.hidden = false;
      self.root.setAttribute("data-photos", Object.keys(self.store.draft.photos).length);
    });
  };

  Form.prototype.removePhoto = function (id) {
    var self = this;
    return this.store.deletePhoto(id).then(function () {
      delete self.store.draft.photos[id];
      self.showPhoto(id);
      self.changed();
    });
  };

  // --- verdicts -------------------------------------------------------------------------

  Form.prototype.judge = function () {
    var self = this;
    var result = window.SigngenAudit.judge(this.data, this.survey(false), this.lang);
    this.result = result;
    var problems = {};
    result.problems.forEach(function (p) { (problems[p.item] = problems[p.item] || []).push(p); });
    result.outcomes.forEach(function (o) {
      var card = self.cards[o.id];
      if (!card) return;
      card.node.setAttribute("data-status", o.status);
      card.status.className = "sg-af-status sg-af-status--" + o.status;
      card.status.textContent = self.say("status." + o.status);
      card.message.textContent = o.message;
      card.noted.textContent = o.note ? self.L("note") + ": " + o.note : "";
      card.problem.textContent = (problems[o.id] || []).map(function (p) { return p.message; })
        .join("; ");
    });
    this.showSummary(result);
    this.applyFilter();
  };

  /* The verdict as the report says it first (signgen/audit/report.py verdict_lines). */
  Form.prototype.verdictLines = function (result) {
    var required = result.outcomes.filter(function (o) { return !o.advisory; });
    var failed = required.filter(function (o) { return o.status === "fail"; }).length;
    var open = required.filter(function (o) { return o.status === "unchecked"; }).length;
    var lines = [];
    if (failed) {
      lines.push(this.say("verdict.fail", { n: failed }));
      if (open) lines.push(this.say("verdict.also-incomplete", { n: open }));
    } else if (open) {
      lines.push(this.say("verdict.incomplete", { n: open }));
    }
    if (result.origin_missing) {
      if (!failed && !open) lines.push(this.say("verdict.incomplete", { n: 0 }));
      lines.push(this.say("verdict.no-origin"));
    }
    return lines.length ? lines : [this.say("verdict.pass")];
  };

  /* One line that stays in view while scrolling: how many items fail, pass, are open. */
  Form.prototype.showBar = function (result) {
    var self = this;
    var count = { fail: 0, pass: 0, unchecked: 0 };
    result.outcomes.forEach(function (o) { if (!o.advisory && o.status in count) count[o.status] += 1; });
    this.bar.textContent = "";
    this.bar.className = "sg-af-bar sg-af-bar--" +
      ({ 0: "pass", 1: "fail", 3: "incomplete" }[result.exit_status] || "incomplete");
    ["fail", "pass", "unchecked"].forEach(function (status) {
      self.bar.appendChild(el("span", { class: "sg-af-count sg-af-count--" + status,
        text: self.say("status." + status) + " " + count[status] }));
    });
    if (result.incomplete) this.bar.appendChild(el("span", { text: this.L("incomplete") }));
  };

  Form.prototype.showSummary = function (result) {
    this.showBar(result);
    var summary = this.summary;
    summary.textContent = "";
    summary.setAttribute("data-exit-status", result.exit_status);
    summary.className = "sg-af-summary sg-af-summary--" +
      ({ 0: "pass", 1: "fail", 3: "incomplete" }[result.exit_status] || "incomplete");
    var verdict = el("div", { class: "sg-af-verdict" });
    this.verdictLines(result).forEach(function (line) {
      verdict.appendChild(el("p", {}, [el("strong", { text: line })]));
    });
    summary.appendChild(verdict);
    var s = result.score;
    summary.appendChild(el("p", { class: "sg-af-score", text: this.L("score") + ": " +
      this.say("score", { passed: s.passed, checked: s.checked, total: s.total,
                          na: s.not_applicable }) }));
    var a = result.advisory_score;
    if (a.total || a.not_applicable) {
      summary.appendChild(el("p", { class: "sg-af-advisory", text: this.L("advisory") + ": " +
        this.say("score.advisory", { passed: a.passed, total: a.total }) }));
    }
    if (result.problems.length) {
      summary.appendChild(el("p", { class: "sg-af-problems",
                                    text: this.L("problems", { n: result.problems.length }) }));
    }
  };

  Form.prototype.applyFilter = function () {
    var filter = this.filter;
    Object.keys(this.cards).forEach(function (id) {
      var node = this.cards[id].node;
      var status = node.getAttribute("data-status");
      var shown = filter === "all" || (filter === "open" && status === "unchecked") ||
        (filter === "fail" && status === "fail");
      node.classList.toggle("sg-af-filtered", !shown);
    }, this);
  };

  Form.prototype.changed = function () {
    var self = this;
    this.judge();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(function () { self.saveNow(); }, 300);
  };

  Form.prototype.saveNow = function () {
    clearTimeout(this.saveTimer);
    var kept = this.store.save();
    this.root.setAttribute("data-saved", kept ? "yes" : "no");
    this.storageNotice();
  };

  Form.prototype.storageNotice = function () {
    var notes = [];
    if (!this.store.ok) notes.push(this.L("no-storage"));
    else if (!this.store.photosOk) notes.push(this.L("no-photo-storage"));
    else notes.push(this.L("saved"));
    this.notice.textContent = notes.join(" ");
    this.notice.className = "sg-af-notice" + (this.store.ok && this.store.photosOk ? "" :
      " sg-af-notice--warn");
    this.root.setAttribute("data-storage", this.store.ok ? (this.store.photosOk ? "ok" :
      "no-photos") : "none");
  };

  // --- export and print -----------------------------------------------------------------

  Form.prototype.fileStem = function () {
    var name = this.root.getAttribute("data-community") || "template";
    var date = this.store.draft.date || "";
    return ("audit-" + name + (date ? "-" + date : "")).replace(/[\\/:*?"<>|\s]+/g, "_");
  };

  Form.prototype.yaml = function (withPhotos) {
    return window.SigngenAudit.surveyYaml(this.data, this.survey(withPhotos), this.header());
  };

  /* No export while a value cannot be read: signgen audit would refuse the file. */
  Form.prototype.exportable = function () {
    var problems = this.result ? this.result.problems : [];
    if (!problems.length) return true;
    var ids = problems.map(function (p) { return p.item; })
      .filter(function (id, i, all) { return all.indexOf(id) === i; });
    this.notice.textContent = this.L("export-blocked", { n: problems.length, items: ids.join(", ") });
    this.notice.className = "sg-af-notice sg-af-notice--warn";
    var card = this.cards[ids[0]];
    if (card) card.node.scrollIntoView({ block: "center" });
    return false;
  };

  Form.prototype.exportYaml = function () {
    if (!this.exportable()) return;
    this.download(new Blob([this.yaml(false)], { type: "application/yaml" }),
                  this.fileStem() + ".yaml");
  };

  Form.prototype.exportZip = function () {
    var self = this;
    if (!this.exportable()) return Promise.resolve();
    var ids = this.items().map(function (item) { return item.id; })
      .filter(function (id) { return self.store.draft.photos[id]; });
    return Promise.all(ids.map(function (id) {
      return self.store.getPhoto(id).then(function (blob) {
        return blob ? blob.arrayBuffer().then(function (buffer) {
          return { name: "photos/" + id + "." + self.store.draft.photos[id].ext,
                   data: new Uint8Array(buffer) };
        }) : null;
      });
    })).then(function (photos) {
      var files = [{ name: "survey.yaml", data: new TextEncoder().encode(self.yaml(true)) }];
      var bytes = window.SigngenZip.zip(files.concat(photos.filter(Boolean)));
      self.download(new Blob([bytes], { type: "application/zip" }), self.fileStem() + ".zip");
    });
  };

  Form.prototype.download = function (blob, name) {
    var link = el("a", { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  /* Print the form alone (the page's other sections hidden) as the A4 report. */
  Form.prototype.print = function () {
    this.saveNow();
    document.documentElement.setAttribute("data-sg-print", "audit-form");
    window.print();
  };

  Form.prototype.reset = function () {
    var self = this;
    if (!window.confirm(this.L("reset-confirm"))) return;
    this.store.clear().then(function () {
      if (self.root.getAttribute("data-origin")) {
        self.store.draft.origin = self.root.getAttribute("data-origin");
      }
      self.build();
    });
  };

  // --- start ----------------------------------------------------------------------------

  function start(root) {
    if (root.getAttribute("data-started")) return;
    root.setAttribute("data-started", "1");
    var labels = JSON.parse(root.getAttribute("data-labels") || "{}");
    var store = new window.SigngenAuditStore.DraftStore(root.getAttribute("data-storage-key"));
    var loaded = fetch(root.getAttribute("data-audit-data")).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    });
    Promise.all([loaded, store.open()]).then(function (both) {
      var form = new Form(root, both[0], store);
      root.sgForm = form;
      form.build();
      root.setAttribute("data-ready", "1");
    }).catch(function (error) {
      root.textContent = "";
      root.appendChild(el("p", { class: "sg-af-notice sg-af-notice--warn", role: "alert",
        text: (labels["load-failed"] || "{error}").replace("{error}", error && error.message || error) }));
    });
  }

  function startAll() {
    document.querySelectorAll(".sg-audit-form[data-audit-data]").forEach(start);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(startAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
