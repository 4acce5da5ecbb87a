/* signgen: where the audit form keeps a draft in the browser, so that it survives a reload
 * and a closed tab.
 *
 * The draft (origin, auditor, date, each item's values as typed) is JSON in localStorage
 * under one key per standard, edition and community (signgen/site/audit_form.py makes it).
 * Photos are Blobs in IndexedDB (database "signgen-audit", store "photos", key: the draft's
 * key, a newline, the item id): localStorage holds about 5 MB, a phone photo 2-5 MB. Each
 * photo is downscaled first (longest side and JPEG quality from the page's data-photo-*
 * attributes), which keeps a full survey's photos to a few MB. Where the browser refuses
 * storage (private mode, storage disabled) the store says so (ok / photosOk false) and
 * keeps everything in memory until the page closes. */
(function (root) {
  "use strict";

  var DB_NAME = "signgen-audit";
  var STORE = "photos";

  function probeLocal() {
    try {
      var storage = root.localStorage;
      var probe = "signgen-audit/probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function openDb() {
    return new Promise(function (resolve) {
      var request;
      try {
        request = root.indexedDB.open(DB_NAME, 1);
      } catch (error) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { resolve(null); };
      request.onblocked = function () { resolve(null); };
    });
  }

  function transact(db, mode, work) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(STORE, mode);
      var request = work(tx.objectStore(STORE));
      tx.oncomplete = function () { resolve(request ? request.result : undefined); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error("aborted")); };
    });
  }

  function emptyDraft() {
    return { origin: null, auditor: "", date: "", items: {}, photos: {} };
  }

  /* A draft store for one key. open() resolves once IndexedDB has answered. */
  function DraftStore(key) {
    this.key = key;
    this.local = probeLocal();
    this.ok = this.local !== null;
    this.db = null;
    this.photosOk = false;
    this.memory = {};
    this.draft = this.read();
  }

  DraftStore.prototype.open = function () {
    var self = this;
    return openDb().then(function (db) {
      self.db = db;
      self.photosOk = db !== null;
      return self;
    });
  };

  DraftStore.prototype.read = function () {
    var draft = emptyDraft();
    if (!this.local) return draft;
    try {
      var saved = JSON.parse(this.local.getItem(this.key) || "null");
      if (saved && typeof saved === "object") {
        Object.keys(draft).forEach(function (name) {
          if (saved[name] !== undefined) draft[name] = saved[name];
        });
      }
    } catch (error) {
      /* a draft that no longer parses is left where it is and not used */
    }
    return draft;
  };

  /* Write the draft; false when the browser refused (quota, storage off). */
  DraftStore.prototype.save = function () {
    if (!this.local) return false;
    try {
      this.local.setItem(this.key, JSON.stringify(this.draft));
      return true;
    } catch (error) {
      return false;
    }
  };

  DraftStore.prototype.photoKey = function (itemId) {
    return this.key + "\n" + itemId;
  };

  DraftStore.prototype.putPhoto = function (itemId, blob) {
    var key = this.photoKey(itemId);
    if (!this.db) {
      this.memory[key] = blob;
      return Promise.resolve();
    }
    return transact(this.db, "readwrite", function (store) { return store.put(blob, key); });
  };

  DraftStore.prototype.getPhoto = function (itemId) {
    var key = this.photoKey(itemId);
    if (!this.db) return Promise.resolve(this.memory[key] || null);
    return transact(this.db, "readonly", function (store) { return store.get(key); })
      .then(function (blob) { return blob || null; });
  };

  DraftStore.prototype.deletePhoto = function (itemId) {
    var key = this.photoKey(itemId);
    delete this.memory[key];
    if (!this.db) return Promise.resolve();
    return transact(this.db, "readwrite", function (store) { return store.delete(key); });
  };

  DraftStore.prototype.clear = function () {
    var self = this;
    var ids = Object.keys(this.draft.photos || {});
    this.draft = emptyDraft();
    if (this.local) {
      try { this.local.removeItem(this.key); } catch (error) { /* nothing kept anyway */ }
    }
    return Promise.all(ids.map(function (id) { return self.deletePhoto(id); }));
  };

  var SUFFIXES = ["jpg", "jpeg", "png", "webp", "gif", "heic", "heif"];

  function suffixOf(file) {
    var match = /\.([A-Za-z0-9]+)$/.exec(file.name || "");
    var ext = match ? match[1].toLowerCase() : "";
    if (SUFFIXES.indexOf(ext) >= 0) return ext;
    var type = (file.type || "").replace("image/", "");
    return SUFFIXES.indexOf(type) >= 0 ? type : "";
  }

  /* A photo as kept: downscaled to JPEG (longest side maxPx); a file the browser cannot
   * decode (HEIC in Chromium) is kept as it is when its suffix is one signgen audit takes.
   * Resolves {blob, ext, width, height} or rejects with a message. */
  function preparePhoto(file, maxPx, quality) {
    if (typeof root.createImageBitmap !== "function") return keepAsIs(file);
    return root.createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, maxPx / Math.max(bitmap.width, bitmap.height));
      var width = Math.max(1, Math.round(bitmap.width * scale));
      var height = Math.max(1, Math.round(bitmap.height * scale));
      var canvas = root.document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      canvas.getContext("2d").drawImage(bitmap, 0, 0, width, height);
      if (bitmap.close) bitmap.close();
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", quality); })
        .then(function (blob) {
          if (!blob) return keepAsIs(file);
          return { blob: blob, ext: "jpg", width: width, height: height };
        });
    }, function () { return keepAsIs(file); });
  }

  function keepAsIs(file) {
    var ext = suffixOf(file);
    if (!ext) return Promise.reject(new Error(file.type || file.name || "?"));
    return Promise.resolve({ blob: file, ext: ext, width: 0, height: 0 });
  }

  root.SigngenAuditStore = { DraftStore: DraftStore, preparePhoto: preparePhoto };
})(typeof globalThis !== "undefined" ? globalThis : this);
