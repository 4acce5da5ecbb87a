/* signgen: a store-only zip writer (no compression, no dependency), for the audit form's
 * export: survey.yaml and photos/<item id>.<ext> in one file.
 *
 * SigngenZip.zip([{name, data: Uint8Array}]) -> Uint8Array. Names are UTF-8 (flag bit 11);
 * every entry is dated 1980-01-01 00:00, so the same files give the same bytes; CRC-32 as
 * in ISO 3309 / PKZIP (polynomial 0xEDB88320). Photos are JPEG already: deflating them
 * would gain nothing. Works in browsers and in node. */
(function (root) {
  "use strict";

  var TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  var DOS_TIME = 0; // 00:00:00
  var DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  var UTF8_NAMES = 0x0800;

  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  function zip(files) {
    var parts = [];
    var central = [];
    var offset = 0;
    var seen = {};
    files.forEach(function (file) {
      if (seen[file.name]) throw new Error("zip: two entries named " + file.name);
      seen[file.name] = true;
      var name = utf8(file.name);
      var data = file.data instanceof Uint8Array ? file.data : new Uint8Array(file.data);
      var crc = crc32(data);
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true); // version needed: 2.0
      local.setUint16(6, UTF8_NAMES, true);
      local.setUint16(8, 0, true); // stored
      local.setUint16(10, DOS_TIME, true);
      local.setUint16(12, DOS_DATE, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      parts.push(new Uint8Array(local.buffer), name, data);
      var entry = new DataView(new ArrayBuffer(46));
      entry.setUint32(0, 0x02014b50, true);
      entry.setUint16(4, 20, true); // made by: MS-DOS, 2.0
      entry.setUint16(6, 20, true);
      entry.setUint16(8, UTF8_NAMES, true);
      entry.setUint16(10, 0, true);
      entry.setUint16(12, DOS_TIME, true);
      entry.setUint16(14, DOS_DATE, true);
      entry.setUint32(16, crc, true);
      entry.setUint32(20, data.length, true);
      entry.setUint32(24, data.length, true);
      entry.setUint16(28, name.length, true);
      // extra, comment, disk, internal and external attributes: 0
      entry.setUint32(42, offset, true);
      central.push(new Uint8Array(entry.buffer), name);
      offset += 30 + name.length + data.length;
    });
    var size = central.reduce(function (sum, part) { return sum + part.length; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, files.length, true);
    end.setUint16(10, files.length, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    var all = parts.concat(central, [new Uint8Array(end.buffer)]);
    var out = new Uint8Array(offset + size + 22);
    var at = 0;
    all.forEach(function (part) { out.set(part, at); at += part.length; });
    return out;
  }

  root.SigngenZip = { zip: zip, crc32: crc32 };
})(typeof globalThis !== "undefined" ? globalThis : this);
