/* signgen: a wrapper around Material for MkDocs' search worker, which it loads unchanged
 * from this folder. It changes two things, and nothing else:
 *
 * 1. Each language searches its own pages only. The page tells the worker its language in
 *    the worker's address (?lang=en or ?lang=zh, see theme/main.html); English pages are the
 *    ones under en/. The index is one file; the pages of the other language are dropped from
 *    it before Material builds its lunr index.
 * 2. English words are found by their normal forms. Material appends a wildcard to every
 *    query term (prefix search), and lunr runs no stemmer on a term with a wildcard, while the
 *    index is stemmed: "police*" cannot match the indexed "polic". Each plain English word is
 *    therefore also sent once with a neutral boost ("police^1"), which Material leaves without
 *    a wildcard and lunr stems: "police", "rooms" and "rehabilitation" find their pages.
 * 3. Chinese queries are cut into the words of the index (jieba cut the pages at build time)
 *    here, before Material's own segmenter sees them. That segmenter never tries a run's last
 *    character (its inner loop stops one short), so 警务室 became 警务 and 社区警务室 became
 *    社区 + 警务. A run the index knows as one word is searched as that word (prefix search,
 *    as Material does); a run it knows only as several words must contain them all
 *    (社区警务室: +社区 +警务室), so a function's full name finds the pages about it first
 *    instead of every page that mentions 社区. Each word is handed on with a sentinel
 *    character that the index lacks, which Material's segmenter drops, leaving the word whole.
 *    A run with a piece the index does not know is left to Material unchanged.
 *
 * Offline: no request but importScripts of Material's own worker (same origin, same folder).
 */
(function () {
  "use strict";
  var params = new URLSearchParams(self.location.search);
  var lang = params.get("lang") === "en" ? "en" : "zh";
  var material = params.get("worker") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("signgen search: unexpected worker name " + JSON.stringify(material));
  }
  var SETUP = 0, QUERY = 2;  // Material's SearchMessageType

  /* Material's worker registers its message handler with addEventListener: keep it aside
   * and call it with the adjusted message. */
  var handlers = [];
  var nativeAdd = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type === "message") { handlers.push(listener); return; }
    nativeAdd.call(self, type, listener, options);
  };
  importScripts(material);
  self.addEventListener = nativeAdd;

  function isEnglish(location) {
    return location === "en" || location.indexOf("en/") === 0;
  }

  function ownLanguage(data) {
    var docs = data.docs.filter(function (doc) {
      return isEnglish(doc.location) === (lang === "en");
    });
    return Object.assign({}, data, { docs: docs });
  }

  var hanWords = new Set();
  var HAN_RUN = /\p{sc=Han}+/gu;

  function collectHanWords(data) {
    var separator = new RegExp(data.config.separator, "u");
    data.docs.forEach(function (doc) {
      [doc.title, doc.text].forEach(function (field) {
        if (typeof field !== "string") return;
        field.split(separator).forEach(function (token) {
          var runs = token.match(HAN_RUN);
          if (runs && runs.length === 1 && runs[0] === token) hanWords.add(token);
        });
      });
    });
  }

  /* The run cut into the longest words the index knows, or null if a piece is unknown. */
  function knownWords(run) {
    var words = [];
    for (var start = 0; start < run.length;) {
      var end = run.length;
      while (end > start && !hanWords.has(run.slice(start, end))) end--;
      if (end === start) return null;
      words.push(run.slice(start, end));
      start = end;
    }
    return words;
  }

  /* A Han character that Material's segmenter drops from the end of a run: rare, and checked
   * against the index at set-up. */
  var SENTINELS = ["\u4db5", "\u9fa5", "\u4db4"];
  var sentinel = null;

  function chineseWords(query) {
    if (sentinel === null) return query;
    return query.replace(/(^|\s)(\+?)(\p{sc=Han}+)(?=\s|$)/gu, function (whole, space, plus, run) {
      var words = knownWords(run);
      if (!words) return whole;
      if (words.length === 1) return space + plus + words[0] + sentinel;
      return space + words.map(function (word) { return "+" + word + sentinel; }).join(" ");
    });
  }

  function normalForms(query) {
    return query.replace(/(^|\s)([A-Za-z][A-Za-z'-]*)(?=\s|$)/g, function (_, space, word) {
      return space + word + "^1 " + word;
    });
  }

  nativeAdd.call(self, "message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP && message.data && message.data.docs) {
      message = { type: SETUP, data: ownLanguage(message.data) };
      collectHanWords(message.data);
      sentinel = SENTINELS.filter(function (c) {
        return !Array.from(hanWords).some(function (word) { return word.indexOf(c) >= 0; });
      })[0] || null;
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY,
                  data: lang === "en" ? normalForms(message.data) : chineseWords(message.data) };
    }
    var adjusted = { data: message };
    for (var i = 0; i < handlers.length; i++) handlers[i](adjusted);
  });
})();
