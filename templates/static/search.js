/* errdoc search.
 *
 * The index of the page's locale is a <script> (site/<locale>/search-index.js)
 * loaded on first use, so search works from file:// where fetch() is blocked.
 * It is a hand-written ranking, not a search library: an exact code first,
 * then codes that start with the query, then titles and constant names, then
 * error messages, then descriptions, causes and solutions. English matches
 * case-insensitively, Chinese by substring (no word splitting). Results are
 * built with createElement and textContent only: nothing from the index is
 * ever parsed as HTML.
 */
(function () {
  "use strict";

  var LIMIT = 200;

  function normalize(text) {
    return String(text).toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* A pasted log line often ends with "." or "。" or is quoted. */
  function cleanQuery(query) {
    return normalize(query)
      .replace(/^["'“”‘’「」『』]+/, "")
      .replace(/["'“”‘’「」『』.。!！?？,，;；:：]+$/, "")
      .trim();
  }

  function prepare(index) {
    return index.codes.map(function (e) {
      return {
        code: e[0], title: e[1], name: e[2], message: e[3], url: e[5],
        generated: e[6] === 1,
        digits: String(e[0]), t: normalize(e[1]), n: e[2].toLowerCase(),
        m: cleanQuery(e[3]), b: normalize(e[4])
      };
    });
  }

  /* Lower is better: tier * 10 + how exactly the field matched. */
  function rank(doc, q, words) {
    if (doc.t === q) return 20;
    if (doc.n === q) return 21;
    if (doc.t.indexOf(q) === 0) return 22;
    if (doc.t.indexOf(q) >= 0) return 23;
    if (doc.n.indexOf(q) >= 0) return 24;
    if (doc.m === q) return 30;
    if (doc.m.indexOf(q) >= 0) return 31;
    if (doc.b.indexOf(q) >= 0) return 40;
    if (words.length > 1) {
      var all = doc.t + " " + doc.n + " " + doc.m + " " + doc.b;
      for (var i = 0; i < words.length; i++) {
        if (all.indexOf(words[i]) < 0) return -1;
      }
      return 50;
    }
    return -1;
  }

  /* Ranked results: {code, title, message, url} objects, at most LIMIT;
   * `total` on the array says how many matched. */
  function search(docs, ranges, query) {
    var q = cleanQuery(query);
    if (!q) return [];
    var found = [];
    if (/^-?\d+$/.test(q)) {
      // A number (negative codes exist: -1) lists the codes it starts (and
      // only those), exact first, then in numeric order. A number no code
      // starts may lie in a range of codes (close code 4001 is private
      // use), listed first, and may be in a title or a message (a port,
      // an HTTP status).
      docs.forEach(function (d) {
        if (d.digits.indexOf(q) === 0) found.push({ doc: d, score: d.digits === q ? 0 : 10 });
      });
      if (found.length) return finish(found, true);
      var n = Number(q);
      (ranges || []).forEach(function (r) {
        if (n >= r[0] && n <= r[1]) found.push({ range: r, score: 15 });
      });
    }
    var words = q.split(" ").filter(Boolean);
    docs.forEach(function (d) {
      var s = rank(d, q, words);
      if (s >= 0) found.push({ doc: d, score: s });
    });
    return finish(found, false);
  }

  function finish(found, numeric) {
    found.sort(function (a, b) {
      if (a.score !== b.score) return a.score - b.score;
      var ga = a.doc && a.doc.generated ? 1 : 0, gb = b.doc && b.doc.generated ? 1 : 0;
      // For words, documented codes before generated ones.
      if (!numeric && ga !== gb) return ga - gb;
      var ca = a.doc ? a.doc.code : a.range[0], cb = b.doc ? b.doc.code : b.range[0];
      return ca - cb;
    });
    var results = found.slice(0, LIMIT).map(function (f) {
      if (f.range) {
        return { code: f.range[0] + "–" + f.range[1], title: f.range[2], message: "", url: f.range[3] };
      }
      return { code: String(f.doc.code), title: f.doc.title, message: f.doc.message, url: f.doc.url };
    });
    results.total = found.length;
    return results;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { search: search, prepare: prepare, cleanQuery: cleanQuery };
  }
  if (typeof document === "undefined") return;

  var input, list, status, docs = null, ranges = null, active = -1, loading = false, pending = null;
  var body = document.body;

  function load(then) {
    if (docs) return then();
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = body.getAttribute("data-index");
    script.onload = function () {
      var index = window.errdocIndex || { codes: [], ranges: [] };
      docs = prepare(index);
      ranges = index.ranges;
      if (pending) pending();
    };
    document.head.appendChild(script);
  }

  function show(results) {
    while (list.firstChild) list.removeChild(list.firstChild);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    var none = !results.length;
    if (none) {
      var empty = document.createElement("li");
      empty.className = "none";
      empty.textContent = body.getAttribute("data-none");
      list.appendChild(empty);
    }
    results.forEach(function (r, i) {
      var li = document.createElement("li");
      li.id = "result-" + i;
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = body.getAttribute("data-to-locale") + r.url;
      a.tabIndex = -1;
      var code = document.createElement("span");
      code.className = "code";
      code.textContent = r.code;
      var title = document.createElement("span");
      title.className = "title";
      title.textContent = r.title;
      a.appendChild(code);
      a.appendChild(title);
      if (r.message) {
        var message = document.createElement("span");
        message.className = "message";
        message.lang = "en";
        message.textContent = r.message;
        a.appendChild(message);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    var more = results.total > results.length;
    if (more) {
      var rest = document.createElement("li");
      rest.className = "none more";
      rest.textContent = body.getAttribute("data-more");
      list.appendChild(rest);
    }
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

  function run() {
    var q = input.value;
    if (!cleanQuery(q)) return hide();
    load(function () { show(search(docs, ranges, input.value)); });
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
    input.addEventListener("input", run);
    input.addEventListener("focus", function () { load(function () {}); if (input.value) run(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) run(); else move(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(active - 1); }
      else if (e.key === "Enter") { e.preventDefault(); if (docs) go(); else load(function () { show(search(docs, ranges, input.value)); go(); }); }
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
