/* errdoc search.
 *
 * The index of the page's locale is a <script> (site/<locale>/search-index.js)
 * loaded on the first keystroke, so search works from file:// where fetch()
 * is blocked. It holds what a result shows and what most queries need:
 * each code's number, constant name and aliases, title, error message (and
 * the C libraries' other wordings of it) and module. Descriptions, causes
 * and solutions are in detail shards (search-details-<n>.js) loaded after
 * the first answer; the results are ranked again when they arrive.
 *
 * A query is read as a reader means it:
 *  - a code anywhere in it (a log line, a JSON error) comes first, in the
 *    order written; a number alone lists the codes it starts, else the
 *    codes of that errno (or SSL_get_error value, after "ssl"), then the
 *    ranges that hold it; "errno 13", "[Errno 13]", "(os error 13)" and
 *    "errno=13" name an errno;
 *  - every other word may match (not all must): each code gets a BM25F
 *    score over its fields (name and aliases > title > message > module >
 *    details), with a bonus for a constant name written out, and for the
 *    query's words found in the same order; documented codes come before
 *    generated ones at an equal score;
 *  - a word not in the index matches words one typo away (two for words of
 *    eight letters or more), a word it starts or that starts it (plurals,
 *    "-ed"), and the synonyms the index lists; Chinese, Japanese and
 *    Korean text is matched by character pairs, and a pair not in the
 *    index by its single characters.
 * Results are built with createElement and textContent only; the matched
 * words are highlighted by splitting text nodes: nothing from the index is
 * ever parsed as HTML.
 */
(function () {
  "use strict";

  var LIMIT = 200;
  /* Candidates that get the order and exact-text bonuses, best first. */
  var TOP = 400;
  var K1 = 1.2, B = 0.5;
  /* Fields, by index: name and aliases, title, message (and its other
   * wordings), module, details; and their weights. */
  var NAME = 0, TITLE = 1, MESSAGE = 2, MODULE = 3, DETAILS = 4;
  var WEIGHT = [8, 6, 4, 1, 1.5];
  /* Dictionaries without inherited keys ("constructor" is a word). */
  function dict() { return Object.create(null); }
  var STOP = dict();
  ("a an and are as at be by can could did do does for from has have if in into is it its " +
   "of on or that the this to was were will with error errors err code codes errno exception " +
   "message msg reason failed failure e w i d f v")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  /* Han, kana, hangul: matched by character pairs. */
  var CJK = /[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
  /* Letters, marks and digits of any script (an engine without Unicode
   * property escapes gets Latin letters and CJK). */
  var TOKEN;
  try { TOKEN = new RegExp("[\\p{L}\\p{M}\\p{N}_]+", "gu"); } catch (e) {
    TOKEN = /[a-z0-9_\u00c0-\u024f\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;
  }
  var ASCII_TOKEN = /[a-z0-9_]+/g;
  var RUNS = /[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+|[^\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;
  var ASCII = /^[\x00-\x7f]*$/;

  /* BM25's rarity of a word `df` of `n` codes have. */
  function rarity(df, n) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  function fold(text) {
    var s = String(text == null ? "" : text);
    if (!ASCII.test(s)) {
      try { s = s.normalize("NFKC"); } catch (e) { /* an engine without it */ }
    }
    return s.toLowerCase();
  }

  function normalize(text) {
    return fold(text).replace(/\s+/g, " ").trim();
  }

  /* A pasted log line often ends with "." or "。" or is quoted. */
  function cleanQuery(query) {
    return normalize(query)
      .replace(/^["'“”‘’「」『』#]+/, "")
      .replace(/["'“”‘’「」『』.。!！?？,，;；:：]+$/, "")
      .trim();
  }

  /* The words of a text, in order: words and numbers of any script (a
   * constant name also as its parts, a CamelCase one as its words too),
   * and CJK runs as character pairs (a single character as itself).
   * `chars` collects CJK characters one by one. */
  function tokenize(text, chars) {
    var out = [];
    var raw = String(text == null ? "" : text);
    var camel = /[a-z0-9][A-Z]/.test(raw)
      ? (raw.match(/[A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*/g) || []).join(" ").replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      : "";
    var s = fold(camel ? raw + " " + camel : raw);
    if (s.indexOf("'") >= 0 || s.indexOf("’") >= 0) s = s.replace(/['’]/g, "");
    var ascii = ASCII.test(s);
    var re = ascii ? ASCII_TOKEN : TOKEN;
    var m, runs = [];
    re.lastIndex = 0;
    while ((m = re.exec(s))) {
      if (ascii || !CJK.test(m[0])) runs.push(m[0]);
      else runs.push.apply(runs, m[0].match(RUNS) || []);
    }
    for (var r = 0; r < runs.length; r++) {
      var w = runs[r];
      if (!ascii && CJK.test(w[0])) {
        if (w.length === 1) out.push(w);
        for (var i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
        if (chars) for (var j = 0; j < w.length; j++) chars.push(w[j]);
      } else if (w.indexOf("_") >= 0) {
        var parts = w.split("_").filter(Boolean);
        if (parts.length > 1) out.push(w.replace(/^_+|_+$/g, ""));
        for (var p = 0; p < parts.length; p++) out.push(parts[p]);
      } else {
        out.push(w);
        // Windows' WSAECONNREFUSED is ECONNREFUSED.
        if (w.length > 6 && w.lastIndexOf("wsae", 0) === 0) out.push(w.slice(3));
      }
    }
    return out;
  }

  function Engine(index) {
    this.locale = index.locale || "";
    this.url = index.url || "";
    this.modules = index.modules || [];
    this.ranges = index.ranges || [];
    this.docs = [];
    this.post = new Map();   /* term -> [doc, field, doc, field, ...] */
    this.chars = new Map();  /* CJK character -> [doc, ...] */
    this.lens = [0, 0, 0, 0, 0];
    this.byCode = new Map();
    this.byValue = new Map(); /* "errno:13" -> [doc, ...] */
    this.byName = new Map();  /* "econnrefused" -> [doc, ...] */
    this.synonyms = new Map();
    this.cjk = 0;
    this.shards = (index.details || []).slice();
    this.loaded = dict();
    // Whether the language is written in CJK characters: by its tag, or
    // by most titles (a language errdoc does not know by name).
    this.cjkTag = /^(zh|ja|ko)(-|$)/i.test(this.locale);
    var self = this;
    (index.synonyms || []).forEach(function (group) {
      var words = group.map(function (g) { return tokenize(g); })
        .filter(function (t) { return t.length === 1; })
        .map(function (t) { return t[0]; });
      words.forEach(function (w) {
        var list = self.synonyms.get(w) || [];
        words.forEach(function (o) { if (o !== w && list.indexOf(o) < 0) list.push(o); });
        self.synonyms.set(w, list);
      });
    });
    // A list per field; the numbers as differences from the one before.
    var c = index.codes || {};
    var col = function (name, i) { return (c[name] || [])[i]; };
    for (var i = 0, code = 0; i < (c.code || []).length; i++) {
      code = c.absolute ? c.code[i] : code + c.code[i];
      this.add([code, col("name", i), col("aliases", i), col("title", i), col("message", i),
        col("wordings", i), col("module", i), col("generated", i), col("value", i)]);
    }
    // The tables whose values codes have (`errno`, `ssl-error`).
    this.tableIds = Array.from(new Set(Array.from(this.byValue.keys()).map(function (k) { return k.split(":")[0]; })));
    this.changed();
  }

  Engine.prototype.add = function (e) {
    /* [code, name, aliases, title, message, wordings, module, generated, value] */
    var i = this.docs.length;
    var module = this.modules[e[6]] || ["", ""];
    var doc = {
      code: e[0], name: String(e[1] || ""), aliases: String(e[2] || ""),
      title: String(e[3] || ""), message: String(e[4] || ""), wordings: String(e[5] || ""),
      module: module[0], generated: e[7] === 1, value: e[8] || "", digits: String(e[0]),
      fields: [[], [], [], [], []],
      names: dict()
    };
    this.docs.push(doc);
    this.byCode.set(doc.digits, i);
    var names = (doc.name + " " + doc.aliases).split(/\s+/).filter(Boolean);
    var byName = this.byName;
    names.forEach(function (n) {
      var key = fold(n);
      if (doc.names[key]) return;
      doc.names[key] = true;
      var list = byName.get(key);
      if (!list) byName.set(key, [i]); else list.push(i);
    });
    if (doc.value) {
      var list = this.byValue.get(doc.value) || [];
      list.push(i);
      this.byValue.set(doc.value, list);
    }
    if (CJK.test(doc.title)) this.cjk++;
    this.field(i, NAME, names.join(" "));
    this.field(i, TITLE, doc.title);
    this.field(i, MESSAGE, doc.wordings ? doc.message + " \n " + doc.wordings : doc.message);
    this.field(i, MODULE, doc.module);
  };

  Engine.prototype.field = function (i, f, text) {
    var chars = [];
    var tokens = tokenize(text, chars);
    var doc = this.docs[i];
    doc.fields[f] = doc.fields[f].length ? doc.fields[f].concat(tokens) : tokens;
    this.lens[f] += tokens.length;
    for (var k = 0; k < tokens.length; k++) {
      var list = this.post.get(tokens[k]);
      if (!list) { list = []; this.post.set(tokens[k], list); }
      list.push(i, f);
    }
    var seen = dict();
    for (var c = 0; c < chars.length; c++) {
      if (seen[chars[c]]) continue;
      seen[chars[c]] = true;
      var cl = this.chars.get(chars[c]);
      if (!cl) { cl = []; this.chars.set(chars[c], cl); }
      cl.push(i);
    }
  };

  /* After codes or details came in: averages now; document frequencies
   * and the vocabulary (sorted, for prefixes; by length, for typos) when
   * a query needs them. */
  Engine.prototype.changed = function () {
    var n = this.docs.length || 1;
    this.avg = this.lens.map(function (l) { return l / n || 1; });
    this.df = new Map();
    this.vocab = null;
    this.buffers = null;
  };

  Engine.prototype.words = function () {
    if (this.vocab) return this.vocab;
    var self = this;
    this.vocab = Array.from(this.post.keys()).filter(function (t) { return !CJK.test(t[0]); }).sort();
    this.byLength = [];
    this.vocab.forEach(function (t) {
      (self.byLength[t.length] = self.byLength[t.length] || []).push(t);
    });
    return this.vocab;
  };

  /* Detail shard `n`: [[code, text], ...]. */
  Engine.prototype.addDetails = function (n, rows) {
    if (this.loaded[n] || !rows) return;
    this.loaded[n] = true;
    for (var r = 0; r < rows.length; r++) {
      var i = this.byCode.get(String(rows[r][0]));
      if (i !== undefined) this.field(i, DETAILS, rows[r][1]);
    }
    this.changed();
  };

  Engine.prototype.idf = function (term) {
    var df = this.df.get(term);
    if (df === undefined) {
      var list = this.post.get(term) || [];
      var codes = new Set();
      for (var k = 0; k < list.length; k += 2) codes.add(list[k]);
      df = codes.size;
      this.df.set(term, df);
    }
    return rarity(df, this.docs.length);
  };

  /* Ways a query word may be written in the index: [term, weight, how]
   * (`exact`, `synonym`, `form`, `prefix`, `typo`). A way other than the
   * word itself never scores above the word would (its rarity is capped
   * at the word's, where the index has the word). */
  Engine.prototype.alternatives = function (word, last) {
    var out = [];
    var seen = dict();
    var self = this;
    function add(t, w, how) {
      if (seen[t] === undefined && self.post.has(t)) { seen[t] = out.length; out.push([t, w, how]); }
    }
    add(word, 1, "exact");
    (this.synonyms.get(word) || []).forEach(function (s) { add(s, 0.8, "synonym"); });
    if (CJK.test(word[0])) return out;
    this.words();
    // A word it starts or that starts it, and their other forms: plurals,
    // "-ed", "-ing" ("refusing" finds "refused").
    if (word.length >= 4) {
      for (var l = Math.max(4, word.length - 3); l < word.length; l++) {
        var stem = word.slice(0, l);
        add(stem, 0.8, "form");
        this.prefixed(stem, 3, function (t) { add(t, 0.75, "form"); });
      }
      this.prefixed(word, 3, function (t) { add(t, 0.85, "form"); });
    }
    // As typed: the last word may be unfinished.
    if (last && word.length >= 2) this.prefixed(word, 12, function (t) { add(t, 0.7, "prefix"); });
    if (!out.length && word.length >= 4 && !/^\d+$/.test(word)) {
      var k = word.length >= 8 ? 2 : 1;
      for (var len = word.length - k; len <= word.length + k; len++) {
        var bucket = this.byLength[len] || [];
        for (var b = 0; b < bucket.length; b++) {
          var d = k === 1 ? (oneEdit(word, bucket[b]) ? 1 : 2) : distance(word, bucket[b], k);
          if (d <= k) add(bucket[b], d === 1 ? 0.6 : 0.45, "typo");
        }
      }
      out.sort(function (a, b) { return b[1] - a[1] || self.idf(a[0]) - self.idf(b[0]); });
    }
    // What the found words mean, too.
    out.slice().forEach(function (a) {
      (self.synonyms.get(a[0]) || []).forEach(function (s) { add(s, a[1] * 0.8, a[2] === "typo" ? "typo" : "synonym"); });
    });
    var cap = this.post.has(word) ? this.idf(word) : Infinity;
    out.forEach(function (a) { a.push(a[0] === word ? Infinity : cap); });
    return out;
  };

  /* Calls `each` with the vocabulary's words that start with `word`, at
   * most `extra` letters longer. */
  Engine.prototype.prefixed = function (word, extra, each) {
    var v = this.words(), lo = 0, hi = v.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (v[mid] < word) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < v.length && v[i].lastIndexOf(word, 0) === 0 && i < lo + 64; i++) {
      if (v[i] !== word && v[i].length - word.length <= extra) each(v[i]);
    }
  };

  /* Whether a and b (not equal) are one edit apart: a letter changed,
   * added, left out, or two next to each other swapped. */
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Damerau-Levenshtein distance of a and b, or max + 1 once above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (var j2 = 1; j2 <= b.length; j2++) {
        var cost = a[i - 1] === b[j2 - 1] ? 0 : 1;
        var v = Math.min(prev[j2] + 1, cur[j2 - 1] + 1, prev[j2 - 1] + cost);
        if (prev2 && i > 1 && j2 > 1 && a[i - 1] === b[j2 - 2] && a[i - 2] === b[j2 - 1]) {
          v = Math.min(v, prev2[j2 - 2] + 1);
        }
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /* Buffers a query scores in, one per query word, kept between queries. */
  Engine.prototype.buffer = function (slot) {
    var n = this.docs.length;
    if (!this.buffers) {
      // Each field's weight over its length against the average, per code.
      var weighted = [];
      for (var f = 0; f < WEIGHT.length; f++) {
        var w = new Float64Array(n);
        for (var i = 0; i < n; i++) w[i] = WEIGHT[f] / (1 - B + B * this.docs[i].fields[f].length / this.avg[f]);
        weighted.push(w);
      }
      this.buffers = { slots: [], acc: new Float64Array(n), mark: new Uint8Array(n), weighted: weighted };
    }
    while (this.buffers.slots.length <= slot) this.buffers.slots.push(new Float64Array(n));
    return this.buffers;
  };

  /* Keeps, for query word `slot`, each code's best BM25F score of `term`
   * (times `weight`). `hit` collects the codes that have any. */
  Engine.prototype.score = function (term, weight, slot, hit, cap) {
    var list = this.post.get(term);
    if (!list) return;
    var buf = this.buffer(slot);
    var acc = buf.acc, weighted = buf.weighted, seen = [];
    var idf = Math.min(this.idf(term), cap === undefined ? Infinity : cap);
    for (var k = 0; k < list.length; k += 2) {
      var i = list[k];
      if (acc[i] === 0) seen.push(i);
      acc[i] += weighted[list[k + 1]][i];
    }
    var row = buf.slots[slot];
    for (var s = 0; s < seen.length; s++) {
      var d = seen[s], t = acc[d];
      acc[d] = 0;
      var v = weight * idf * t * (K1 + 1) / (t + K1);
      if (v > row[d]) row[d] = v;
      if (!buf.mark[d]) { buf.mark[d] = 1; hit.push(d); }
    }
  };

  /* The words of a query that are not noise, and what they match. */
  Engine.prototype.read = function (q, typing) {
    var words = tokenize(q);
    var kept = words.filter(function (w) { return !STOP[w]; });
    if (!kept.length) kept = words;
    var seen = dict();
    kept = kept.filter(function (w) { if (seen[w]) return false; seen[w] = true; return true; });
    var self = this;
    return kept.slice(0, 32).map(function (w, i, all) {
      return { word: w, alts: self.alternatives(w, typing && i === all.length - 1) };
    });
  };

  /* What a query names by number, in the order written: codes (`code`),
   * codes of a table value (`valued`: "errno 13", "ssl error 5", "(os
   * error 13)") and ranges ("close code 4001"). */
  Engine.prototype.numbers = function (q) {
    var codes = [], valued = [], ranges = [], later = [];
    var self = this;
    var m, number = /(^|[^0-9a-z.])(-?)(\d+)(?![0-9])/g;
    for (var count = 0; count < 32 && (m = number.exec(q)); count++) {
      var at = m.index + m[1].length;
      var window = q.slice(Math.max(0, at - 40), at);
      var before = tokenize(window);
      var tables = this.tables(before);
      var signed = Number(m[2] + m[3]), n = Number(m[3]);
      var i = this.byCode.get(m[2] + m[3].replace(/^0+(?=\d)/, ""));
      // "errno 13" names errno 13 before any code 13.
      if (i !== undefined && !tables.length) { if (codes.indexOf(i) < 0) codes.push(i); continue; }
      if (i !== undefined && later.indexOf(i) < 0) later.push(i);
      if (m[2] && !tables.length) tables = ["errno"];
      tables.forEach(function (t) {
        (self.byValue.get(t + ":" + n) || []).forEach(function (d) { if (valued.indexOf(d) < 0) valued.push(d); });
      });
      if (/(^|[^a-z])(code|close)[^a-z]*$/.test(window)) {
        this.ranges.forEach(function (r) { if (signed >= r[0] && signed <= r[1] && ranges.indexOf(r) < 0) ranges.push(r); });
      }
    }
    return { codes: codes, valued: valued, ranges: ranges, later: later };
  };

  /* The tables the words before a number name: "errno", "os error" and
   * "错误号" name the errno table; else a table whose id has a word of
   * them ("ssl" for `ssl-error`). */
  Engine.prototype.tables = function (words) {
    var out = [];
    // "错误号" is the pairs 错误 误号.
    if (/ (errno|os|错误) /.test(" " + words.join(" ") + " ")) out.push("errno");
    this.tableIds.forEach(function (id) {
      var parts = id.split("-").filter(function (p) { return p !== "error" && p !== "errno" && p.length > 1; });
      if (parts.some(function (p) { return words.indexOf(p) >= 0; }) && out.indexOf(id) < 0) out.push(id);
    });
    if (out.length > 1 && out.indexOf("errno") >= 0) out.splice(out.indexOf("errno"), 1);
    return out;
  };

  /* Ranked results: {code, title, message, module, url, terms} objects, at
   * most LIMIT; `total` on the array says how many matched, `coverage`
   * the share of the query's words the first matched, `suggestion` a
   * corrected query when no word was found as written. */
  Engine.prototype.search = function (query, typing) {
    // A pasted log is read as far as its first 2,000 characters.
    query = String(query == null ? "" : query).slice(0, 2000);
    var q = cleanQuery(query);
    if (!q) return this.finishResults([], [], 0);
    if (/^-?\d+$/.test(q)) return this.number(q);
    // Read from the query as written: a CamelCase name keeps its words.
    var slots = this.read(query, typing);
    var found = this.best(this.candidates(q, slots), slots);
    // The best get a bonus for the words in order, and for a title or
    // message that is the query.
    var self = this;
    found.forEach(function (f) {
      f.score += self.order(f.doc, f.row, slots);
      if (self.exact(f.doc, q)) f.score += 30;
    });
    found.sort(byScore);
    var first = this.named(this.numbers(q), found);
    var listed = first.map(function (f) { return f.doc; });
    var rest = found.filter(function (f) { return listed.indexOf(f.doc) < 0; });
    var others = found.total - listed.filter(Boolean).length;
    var results = this.finishResults(first.concat(rest), slots, first.length + Math.max(rest.length, others));
    results.coverage = first.length ? 1 : found.length ? found[0].matched / (slots.length || 1) : 0;
    // A word the index lacks, found one or two typos away: offered as
    // the query corrected.
    var typo = function (s) { return s.alts.length && s.alts[0][2] === "typo"; };
    if (slots.some(typo)) {
      results.suggestion = slots.map(function (s) { return typo(s) ? s.alts[0][0] : s.word; }).join(" ");
    }
    return results;
  };

  /* Scores every code with any of the query's words into the buffers;
   * returns those codes. */
  Engine.prototype.candidates = function (q, slots) {
    var self = this;
    var hit = [];
    slots.forEach(function (s, slot) {
      s.alts.forEach(function (a) { self.score(a[0], a[1], slot, hit, a[3]); });
    });
    var buf = this.buffer(slots.length);
    // A CJK pair the index lacks: its characters, at a discount.
    slots.forEach(function (s, slot) {
      if (s.alts.length || !CJK.test(s.word[0])) return;
      var row = buf.slots[slot];
      for (var c = 0; c < s.word.length; c++) {
        var list = self.chars.get(s.word[c]) || [];
        var idf = rarity(list.length, self.docs.length);
        for (var k = 0; k < list.length; k++) {
          var d = list[k];
          row[d] += 0.35 * idf * WEIGHT[TITLE] / 2;
          if (!buf.mark[d]) { buf.mark[d] = 1; hit.push(d); }
        }
      }
    });
    // No word at all (a title of signs): the codes whose texts hold each
    // piece of the query.
    if (!slots.length) {
      var pieces = q.split(" ").filter(Boolean);
      this.docs.forEach(function (d, i) {
        var text = [d.title, d.name, d.message].map(normalize).join("\n");
        if (pieces.every(function (p) { return text.indexOf(p) >= 0; })) hit.push(i);
      });
    }
    return hit;
  };

  /* The codes `hit` with their scores, the best TOP of them (and ties) as
   * {doc, score, matched, row} (`total` says how many there were); the
   * buffers are left empty for the next query. */
  Engine.prototype.best = function (hit, slots) {
    var self = this;
    var buf = this.buffer(slots.length);
    // A constant name or alias written out.
    var named = new Map();
    slots.forEach(function (s) {
      (self.byName.get(s.word) || []).forEach(function (d) { named.set(d, (named.get(d) || 0) + 20); });
    });
    // Every code's score in a typed list; objects for the best only.
    var totals = new Float64Array(hit.length), counts = new Uint8Array(hit.length);
    var rows = buf.slots, many = slots.length || 1;
    for (var h = 0; h < hit.length; h++) {
      var i = hit[h];
      var score = slots.length ? 0 : 1, matched = 0;
      for (var k = 0; k < slots.length; k++) {
        var v = rows[k][i];
        if (v) { score += v; matched++; }
      }
      score *= 0.5 + 0.5 * matched / many;
      if (named.size) score += named.get(i) || 0;
      // Documented codes before generated ones at about equal score.
      if (this.docs[i].generated) score *= 0.9;
      totals[h] = score;
      counts[h] = matched;
    }
    var least = hit.length > TOP ? totals.slice().sort()[hit.length - TOP] : -Infinity;
    var found = [];
    for (var j = 0; j < hit.length; j++) {
      var d = hit[j];
      if (totals[j] >= least) {
        var row = [];
        for (var r = 0; r < slots.length; r++) row.push(rows[r][d]);
        found.push({ doc: this.docs[d], score: totals[j], matched: counts[j], row: row });
      }
      for (var z = 0; z < slots.length; z++) rows[z][d] = 0;
      buf.mark[d] = 0;
    }
    found.total = hit.length;
    return found;
  };

  /* What the query names by number, ahead of the ranked codes: the codes
   * written out, as written; the codes of a table value and the ranges
   * named, best words first; then codes that were not what the number
   * meant ("errno 13" beside a code 13). `found` is ranked. */
  Engine.prototype.named = function (numbers, found) {
    var self = this;
    var scoreOf = new Map(found.map(function (f) { return [f.doc, f.score]; }));
    var docs = function (list) { return list.map(function (i) { return self.docs[i]; }); };
    var written = docs(numbers.codes);
    var valued = docs(numbers.valued).filter(function (d) { return written.indexOf(d) < 0; });
    valued.sort(function (a, b) { return (scoreOf.get(b) || 0) - (scoreOf.get(a) || 0) || a.code - b.code; });
    var after = docs(numbers.later).filter(function (d) { return written.indexOf(d) < 0 && valued.indexOf(d) < 0; });
    var doc = function (d) { return { doc: d }; };
    return written.map(doc).concat(valued.map(doc))
      .concat(numbers.ranges.map(function (r) { return { range: r }; }))
      .concat(after.map(doc));
  };

  /* Best first; documented codes before generated ones, then by number. */
  function byScore(a, b) {
    if (a.score !== b.score) return b.score - a.score;
    if (a.doc.generated !== b.doc.generated) return a.doc.generated ? 1 : -1;
    return a.doc.code - b.doc.code;
  }

  /* Whether the query is the code's title, message or another wording. */
  Engine.prototype.exact = function (doc, q) {
    if (!doc.exact) {
      doc.exact = [doc.title, doc.message].concat(doc.wordings.split("\n")).map(cleanQuery).filter(Boolean);
    }
    return doc.exact.indexOf(q) >= 0;
  };

  /* A bonus for the query's words found next to each other (or one word
   * apart), in order, in one field of the code. */
  Engine.prototype.order = function (doc, row, slots) {
    if (slots.length < 2) return 0;
    var bonus = 0;
    for (var s = 0; s + 1 < slots.length; s++) {
      if (!row[s] || !row[s + 1]) continue;
      var a = slots[s].alts.map(function (x) { return x[0]; });
      var b = slots[s + 1].alts.map(function (x) { return x[0]; });
      for (var f = 0; f < doc.fields.length; f++) {
        var t = doc.fields[f];
        var hit = false;
        for (var k = 0; k + 1 < t.length && !hit; k++) {
          if (a.indexOf(t[k]) >= 0 && (b.indexOf(t[k + 1]) >= 0 || (k + 2 < t.length && b.indexOf(t[k + 2]) >= 0))) hit = true;
        }
        if (hit) { bonus += 0.25 * (row[s] + row[s + 1]) * WEIGHT[f] / WEIGHT[TITLE]; break; }
      }
    }
    return bonus;
  };

  /* A number alone: the codes it starts (the exact one first); else the
   * codes of that errno, then the ranges that hold it; and codes whose
   * words hold it. */
  Engine.prototype.number = function (q) {
    var found = [];
    var self = this;
    this.docs.forEach(function (d) {
      if (d.digits.lastIndexOf(q, 0) === 0) found.push({ doc: d, score: d.digits === q ? 2 : 1 });
    });
    if (found.length) {
      found.sort(function (a, b) { return b.score - a.score || a.doc.code - b.doc.code; });
      return this.finishResults(found, []);
    }
    // The kernel returns -13 for errno 13.
    (this.byValue.get("errno:" + Math.abs(Number(q))) || []).forEach(function (i) {
      found.push({ doc: self.docs[i], score: 3 });
    });
    var n = Number(q);
    this.ranges.forEach(function (r) {
      if (n >= r[0] && n <= r[1]) found.push({ range: r, score: 2 });
    });
    var slot = [{ word: q, alts: this.post.has(q) ? [[q, 1]] : [] }];
    (this.post.get(q) || []).forEach(function (d, k) {
      if (k % 2 === 0) found.push({ doc: self.docs[d], score: 1 });
    });
    var seen = new Set();
    found = found.filter(function (f) {
      var key = f.doc ? f.doc.code : "r" + f.range[0];
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    found.sort(function (a, b) {
      if (a.score !== b.score) return b.score - a.score;
      var ca = a.doc ? a.doc.code : a.range[0], cb = b.doc ? b.doc.code : b.range[0];
      return ca - cb;
    });
    return this.finishResults(found, slot);
  };

  /* The first LIMIT of `found` as results; `total` matched in all
   * (`found`'s length unless said). */
  Engine.prototype.finishResults = function (found, slots, total) {
    var self = this;
    var terms = [];
    slots.forEach(function (s) { s.alts.forEach(function (a) { if (terms.indexOf(a[0]) < 0) terms.push(a[0]); }); });
    var results = found.slice(0, LIMIT).map(function (f) {
      if (f.range) {
        return { code: f.range[0] + "–" + f.range[1], title: f.range[2], message: "", module: "", url: f.range[3], terms: terms };
      }
      var d = f.doc;
      return {
        code: d.digits, title: d.title, message: d.message, module: d.module,
        url: self.url.replace("{code}", d.digits), terms: terms
      };
    });
    results.total = total === undefined ? found.length : total;
    return results;
  };

  /* Where `terms` are in `text`: [[start, end], ...], for highlighting:
   * the words of any script the terms are (or start, from three letters)
   * or whose parts of a constant name they are; CJK terms where they
   * stand. Positions are in `text` as it is. */
  function marks(text, terms) {
    var out = [];
    if (!terms || !terms.length) return out;
    var s = String(text);
    var words = terms.filter(function (t) { return !CJK.test(t[0]); });
    var m, word = new RegExp(TOKEN.source, TOKEN.flags);
    while (words.length && (m = word.exec(s))) {
      var w = fold(m[0]);
      var parts = w.split("_");
      for (var i = 0; i < words.length; i++) {
        var t = words[i];
        if (w === t || parts.indexOf(t) >= 0 || (t.length >= 3 && w.lastIndexOf(t, 0) === 0)) {
          out.push([m.index, m.index + m[0].length]);
          break;
        }
      }
    }
    terms.forEach(function (t) {
      if (!CJK.test(t[0])) return;
      var from = 0, at;
      while ((at = s.indexOf(t, from)) >= 0) { out.push([at, at + t.length]); from = at + 1; }
    });
    out.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* Whether the index is of a language written in CJK characters. */
  Engine.prototype.isCJK = function () {
    return this.cjkTag || this.cjk * 2 > this.docs.length;
  };

  /* The answer to `query` on the site of `engine`'s language: its own
   * results, or, for a query in another script (Chinese words on the
   * English site) that they do not answer in full, those of the first of
   * `others` ([{tag, engine}]) written in the query's script that has
   * some. Returns {results, other: the other's tag or null}. */
  function answer(engine, others, query, typing) {
    var results = engine.search(query, typing);
    var q = cleanQuery(query);
    var cjk = CJK.test(q);
    if (!q || /^-?\d+$/.test(q) || !otherScript(engine, q) || results.coverage >= 1) {
      return { results: results, other: null };
    }
    for (var i = 0; i < others.length; i++) {
      var o = others[i];
      if (!o.engine || o.engine.isCJK() !== cjk) continue;
      var theirs = o.engine.search(query, typing);
      if (theirs.length && theirs.coverage > (results.coverage || 0)) return { results: theirs, other: o.tag };
    }
    return { results: results, other: null };
  }

  /* Whether `q` is written in another script than `engine`'s language
   * (Chinese words on the English site, Latin ones on the Chinese site). */
  function otherScript(engine, q) {
    return CJK.test(q) !== engine.isCJK();
  }

  function prepare(index) { return new Engine(index); }
  function search(engine, query, typing) { return engine.search(query, typing); }

  var api = {
    prepare: prepare, search: search, answer: answer, cleanQuery: cleanQuery, tokenize: tokenize,
    marks: marks, distance: distance
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof window === "object") window.errdocSearch = api;
  if (typeof document === "undefined") return;

  var input, list, status, active = -1, shownFor = null;
  var body = document.body;
  /* Loaded indexes by locale tag: {engine, waiting: [callbacks]}. */
  var indexes = {};
  var current = body.getAttribute("data-locale") || "";

  function root() {
    return (body.getAttribute("data-to-locale") || "") + "../";
  }

  function script(src, then) {
    var el = document.createElement("script");
    el.src = src;
    el.onload = then;
    el.onerror = then;
    document.head.appendChild(el);
  }

  /* The engine of locale `tag`, loaded once; `then(engine)`. */
  function load(tag, then) {
    var entry = indexes[tag];
    if (entry && entry.engine) return then(entry.engine);
    if (entry) { entry.waiting.push(then); return; }
    entry = indexes[tag] = { engine: null, waiting: [then] };
    window.errdocIndexes = window.errdocIndexes || {};
    var src = tag === current ? body.getAttribute("data-index") : root() + tag + "/search-index.js";
    script(src, function () {
      var index = window.errdocIndexes[tag] || window.errdocIndex || { codes: [] };
      if (tag !== current && window.errdocIndex && window.errdocIndex.locale !== tag) index = window.errdocIndexes[tag] || { codes: [] };
      entry.engine = prepare(index);
      var waiting = entry.waiting;
      entry.waiting = [];
      waiting.forEach(function (w) { w(entry.engine); });
    });
  }

  /* The detail shards of the page's locale, one after another; the current
   * query is answered again when they are all in. */
  function loadDetails(engine) {
    if (engine.detailing) return;
    engine.detailing = true;
    var left = engine.shards.slice();
    var base = body.getAttribute("data-to-locale") || "";
    window.errdocDetails = window.errdocDetails || {};
    (function next() {
      // All in: the open list is answered again, its selection kept.
      if (!left.length) {
        if (!list.hidden && document.activeElement === input && cleanQuery(input.value)) run(null, true);
        return;
      }
      var n = left.shift();
      script(base + n, function () {
        var key = engine.locale + "/" + n;
        if (window.errdocDetails[key]) engine.addDetails(n, window.errdocDetails[key]);
        next();
      });
    })();
  }

  function highlight(parent, text, terms) {
    var at = 0;
    marks(text, terms).forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function note(text, className) {
    var li = document.createElement("li");
    li.className = "none " + className;
    li.textContent = text;
    list.appendChild(li);
    return li;
  }

  function show(results, other) {
    shownFor = input.value;
    while (list.firstChild) list.removeChild(list.firstChild);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    var none = !results.length;
    var prefix = other ? root() + other.tag + "/" : body.getAttribute("data-to-locale");
    if (other) note((body.getAttribute("data-other") || "") + " " + other.name, "other");
    if (results.suggestion) {
      var li = note((body.getAttribute("data-did-you-mean") || "") + " ", "suggestion");
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = results.suggestion;
      b.addEventListener("click", function () { input.value = results.suggestion; run(); input.focus(); });
      li.appendChild(b);
    }
    if (none) note(body.getAttribute("data-none"), "empty");
    results.forEach(function (r, i) {
      var li = document.createElement("li");
      li.id = "result-" + i;
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = prefix + r.url;
      a.tabIndex = -1;
      if (other) a.hreflang = other.tag;
      var code = document.createElement("span");
      code.className = "code";
      code.textContent = r.code;
      var title = document.createElement("span");
      title.className = "title";
      highlight(title, r.title, r.terms);
      a.appendChild(code);
      a.appendChild(title);
      if (r.module) {
        var module = document.createElement("span");
        module.className = "module";
        module.textContent = r.module;
        a.appendChild(module);
      }
      if (r.message) {
        var message = document.createElement("span");
        message.className = "message";
        message.lang = "en";
        highlight(message, r.message, r.terms);
        a.appendChild(message);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    var more = results.total > results.length;
    if (more) note(body.getAttribute("data-more"), "more");
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = none
      ? body.getAttribute("data-none")
      : more ? results.length + " / " + results.total : String(results.length);
    if (!none) move(0);
  }

  function hide() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function move(to) {
    var items = list.querySelectorAll("li[role=option]");
    if (!items.length) return;
    if (active >= 0 && items[active]) {
      items[active].classList.remove("active");
      items[active].removeAttribute("aria-selected");
    }
    active = (to + items.length) % items.length;
    items[active].classList.add("active");
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  /* Other languages of the site: [{tag, name}]. */
  function others() {
    var out = [];
    var links = document.querySelectorAll("nav.languages a[hreflang]");
    for (var i = 0; i < links.length; i++) {
      out.push({ tag: links[i].getAttribute("hreflang"), name: links[i].textContent });
    }
    return out;
  }

  /* Answers the query in the box; `then` after. Only the latest run
   * answers (indexes load while the reader types on). `keep`: the
   * selected result stays selected. */
  var runs = 0;
  function run(then, keep) {
    var q = input.value;
    if (!cleanQuery(q)) return hide();
    var mine = ++runs;
    load(current, function (engine) {
      loadDetails(engine);
      var langs = others();
      var answered = function () {
        if (mine !== runs) return;
        var loaded = langs.map(function (l) {
          return { tag: l.tag, name: l.name, engine: indexes[l.tag] && indexes[l.tag].engine };
        });
        var value = input.value;
        var selected = keep ? list.querySelector("li.active .code") : null;
        var a = answer(engine, loaded, value, !/\s$/.test(value));
        var other = null;
        loaded.forEach(function (l) { if (l.tag === a.other) other = l; });
        show(a.results, other);
        if (selected) {
          var codes = list.querySelectorAll("li[role=option] .code");
          for (var i = 0; i < codes.length; i++) if (codes[i].textContent === selected.textContent) move(i);
        }
        if (then) then();
      };
      if (!otherScript(engine, q) || !langs.length) return answered();
      var left = langs.length;
      langs.forEach(function (l) { load(l.tag, function () { if (--left === 0) answered(); }); });
    });
  }

  function go() {
    var items = list.querySelectorAll("li[role=option] a");
    var target = items[active >= 0 ? active : 0];
    if (target) window.location.href = target.href;
  }

  /* The language links keep the reader's place: a code's anchor
   * (`#2303210`) is the same on the page of every language. */
  function keepPlace() {
    var links = document.querySelectorAll("nav.languages a[hreflang]");
    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute("href", links[i].getAttribute("href").split("#")[0] + window.location.hash);
    }
  }

  function start() {
    keepPlace();
    window.addEventListener("hashchange", keepPlace);
    input = document.getElementById("search");
    list = document.getElementById("search-results");
    status = document.querySelector(".search-status");
    if (!input || !list) return;
    input.addEventListener("input", function () { run(); });
    input.addEventListener("focus", function () { load(current, function () {}); if (input.value) run(); });
    input.addEventListener("keydown", function (e) {
      // Keys that pick a word of an input method are the method's.
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) run(); else move(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(active - 1); }
      else if (e.key === "Enter") { e.preventDefault(); if (!list.hidden && shownFor === input.value) go(); else run(go); }
      else if (e.key === "Escape") { if (list.hidden) input.value = ""; hide(); }
    });
    input.form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
    document.addEventListener("click", function (e) {
      if (!input.form.contains(e.target)) hide();
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      run();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
