/* The edition's search, the same hosted and from file://: the index (written by tools/pages/search.py
 * into search/) is a set of small scripts loaded with <script> on first use of the search box, so it
 * needs no worker, fetch or WebAssembly. The box takes Material's place and look in the header; `/`
 * opens it; arrows move through the results, Enter follows one, Escape closes. Results are grouped by
 * text, link to the paragraph, note or glossary entry, and carry the query (?h=) so that the target's
 * matching words are marked when it opens. Text from the index is only ever set as text, never parsed
 * as HTML. */
(function () {
  "use strict";

  /* Words from the edition's strings table (say() in edition.js, tools/strings.py). */
  var words = function (key, fields) { return typeof say === "function" ? say(key, fields) : key; };
  var plural = null;
  /* The string for count in the language's plural form ("few", "many"...), else "one" or "other", as
   * Words.count in tools/strings.py chooses it. */
  function counted(key, count) {
    if (plural === null) {
      try { plural = new Intl.PluralRules(document.documentElement.lang || "en"); } catch (error) { plural = new Intl.PluralRules("en"); }
    }
    var form = plural.select(count);
    if (!Object.prototype.hasOwnProperty.call(window.EDITION_STRINGS || {}, key + "." + form)) form = form === "one" ? "one" : "other";
    return words(key + "." + form, { count: count.toLocaleString(document.documentElement.lang || undefined) });
  }
  var BATCH = 10; // results listed at first, and added by each press of "more results"
  var PHRASE_BOOST = 3;
  var BEFORE = 40, AFTER = 120; // characters of context either side of the first match
  var ICONS = {
    magnify: "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5",
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
  };

  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/search\.js([?#].*)?$/, "") : "";
  var TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  var SHOWN_TOKEN = /[\p{L}\p{M}\p{N}]+(?:['\u2019\u02bc\u2018][\p{L}\p{M}\p{N}]+)*/gu;

  /* Folding as tools/pages/search.py folds the index: apostrophes made plain, NFKD, marks dropped, lower case. */
  function fold(text) {
    return text.replace(/[\u2019\u02bc\u2018]/g, "'").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function tokens(text) {
    return fold(text).match(TOKEN) || [];
  }

  /* ---- the index, loaded script by script ---- */

  var index = null; // the page table and shard list (search/index.js)
  var shards = {}; // key -> {term: [postings, windows]}
  var content = {}; // "page-chunk" -> [shown text of each document]
  var loading = {}; // file -> Promise
  var starts = []; // first document number of each page

  window.editionSearch = {
    index: function (data) {
      index = data;
      index.shardSet = {};
      index.splitSet = {};
      data.shards.forEach(function (key) { index.shardSet[key] = true; });
      data.splits.forEach(function (key) { index.splitSet[key] = true; });
      var next = 0;
      starts = data.pages.map(function (page) {
        var first = next;
        next += page.e ? page.e.length : 1 + page.p + page.n;
        return first;
      });
    },
    shard: function (key, terms) { shards[key] = terms; },
    content: function (page, chunk, texts) { content[page + "-" + chunk] = texts; }
  };

  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = base + "search/" + file;
        tag.async = true;
        tag.onload = function () { resolve(true); };
        tag.onerror = function () { resolve(false); };
        document.head.appendChild(tag);
      });
    }
    return loading[file];
  }

  function fileKey(key) {
    return Array.from(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  function shardKey(term) {
    var key = Array.from(term).slice(0, index.first).join("");
    var chars = Array.from(term);
    while (index.splitSet[key] && chars.length > Array.from(key).length) key = chars.slice(0, Array.from(key).length + 1).join("");
    return key;
  }

  /* The one shard that holds a word and the terms it begins. A prefix too short to name one shard (a
   * beginning as common as "re" in a large edition, split over many shards) finds the word itself only,
   * so that each keystroke loads one shard at most; the next letter finds every term it begins. */
  function shardsFor(word) {
    var key = shardKey(word);
    return index.shardSet[key] ? [key] : [];
  }

  /* Per document, the word's weighted frequency; and the words around it, where the shard has them. */
  function postingsFor(word, prefix, keys) {
    var weights = {};
    var windows = {};
    keys.forEach(function (key) {
      var terms = shards[key] || {};
      Object.keys(terms).forEach(function (term) {
        if (term === word || (prefix && term.indexOf(word) === 0)) {
          var flat = terms[term][0];
          var doc = 0;
          for (var i = 0; i < flat.length; i += 2) {
            doc += flat[i];
            weights[doc] = (weights[doc] || 0) + flat[i + 1];
          }
          (terms[term][1] || []).forEach(function (pair) { if (!(pair[0] in windows)) windows[pair[0]] = pair[1]; });
        }
      });
    });
    return { weights: weights, windows: windows };
  }

  function pageOf(doc) {
    var low = 0, high = starts.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (starts[mid] <= doc) low = mid; else high = mid - 1;
    }
    return low;
  }

  /* Where a document leads: its page, anchor and label. */
  function describe(doc) {
    var number = pageOf(doc);
    var page = index.pages[number];
    var local = doc - starts[number];
    var found = { doc: doc, page: number, local: local, pageTitle: page.t, url: page.u };
    if (page.e) {
      found.anchor = page.e[local][0];
      found.label = page.e[local][1];
    } else if (local === 0) {
      found.anchor = "";
      found.label = words("script.search_title");
    } else if (local <= page.p) {
      found.anchor = "p" + local;
      found.label = words("script.search_paragraph", { number: local });
    } else {
      found.anchor = "note-" + (local - page.p);
      found.label = words("script.search_note", { number: local - page.p });
    }
    return found;
  }

  function pageUrl(path) {
    if (document.documentElement.getAttribute("data-edition-urls") !== "files") return base + path;
    return base + (path ? path.replace(/\/$/, "") + ".html" : "index.html");
  }

  function contentFile(found) {
    return "c-" + found.page + "-" + Math.floor(found.local / index.chunk) + ".js";
  }

  function shownText(found) {
    var texts = content[found.page + "-" + Math.floor(found.local / index.chunk)];
    return texts ? texts[found.local % index.chunk] : null;
  }

  /* Whether the words follow one another in the text (the last as a prefix). */
  function hasPhrase(text, words) {
    var seen = tokens(text);
    for (var i = 0; i + words.length <= seen.length; i++) {
      var all = true;
      for (var j = 0; j < words.length && all; j++) {
        var last = j === words.length - 1;
        all = last ? seen[i + j].indexOf(words[j]) === 0 : seen[i + j] === words[j];
      }
      if (all) return true;
    }
    return false;
  }

  function byScore(a, b) { return b.score - a.score || a.doc - b.doc; }

  /* Every document holding every word, best first: plain {doc, score, window} records, so that ranking
   * thousands of documents stays a single pass and a sort; describe() is left to the results shown. */
  function rank(words) {
    var total = starts.length ? starts[starts.length - 1] + 1 : 1;
    var lists = words.map(function (word, i) {
      var prefix = i === words.length - 1 && Array.from(word).length > 1;
      var list = postingsFor(word, prefix, shardsFor(word));
      list.idf = Math.log(1 + total / Math.max(1, Object.keys(list.weights).length));
      return list;
    });
    var results = [];
    Object.keys(lists[0].weights).forEach(function (key) {
      var score = 0;
      var window = null;
      for (var i = 0; i < lists.length; i++) {
        var weight = lists[i].weights[key];
        if (!weight) return;
        score += weight * lists[i].idf;
        if (window === null && key in lists[i].windows) window = lists[i].windows[key];
      }
      results.push({ doc: Number(key), score: score, window: window, boosted: false });
    });
    results.sort(byScore);
    return results;
  }

  /* The result at a place in the list, with where it leads (describe()) added once. */
  function described(outcome, at) {
    var found = outcome.results[at];
    if (!("page" in found)) outcome.results[at] = found = Object.assign(describe(found.doc), found);
    return found;
  }

  /* The results from..to described, with the document files their snippets need loaded; for a query of
   * several words, those that hold the exact phrase move to the front of that batch. Results already
   * listed keep their places. */
  function complete(outcome, from, to) {
    var missing = {};
    for (var at = from; at < Math.min(to, outcome.results.length); at++) {
      var found = described(outcome, at);
      if (!found.window) missing[contentFile(found)] = true;
    }
    return Promise.all(Object.keys(missing).map(load)).then(function () {
      if (outcome.words.length < 2) return outcome;
      var tail = outcome.results.slice(from);
      tail.forEach(function (found) {
        if (found.boosted) return;
        var text = found.window || ("page" in found ? shownText(found) : null);
        if (text === null) return;
        found.boosted = true;
        if (text && hasPhrase(text, outcome.words)) found.score *= PHRASE_BOOST;
      });
      tail.sort(byScore);
      for (var i = 0; i < tail.length; i++) outcome.results[from + i] = tail[i];
      return outcome;
    });
  }

  /* The outcome of a query: every result ranked, the first batch ready to show. Once its shards are in,
   * a query the reader has typed on from (stale() says so) loads no document file. */
  function search(query, stale) {
    var words = tokens(query);
    if (!words.length) return Promise.resolve(null);
    return load("index.js").then(function () {
      if (!index) return { words: words, results: [], shown: 0, pages: 0 };
      var files = [];
      words.forEach(function (word) {
        shardsFor(word).forEach(function (key) { files.push(load("s-" + fileKey(key) + ".js")); });
      });
      return Promise.all(files).then(function () {
        var outcome = { words: words, results: rank(words), shown: 0, pages: 0 };
        var seen = {};
        outcome.results.forEach(function (found) {
          var page = pageOf(found.doc);
          if (!seen[page]) { seen[page] = true; outcome.pages++; }
        });
        if (stale()) return outcome;
        return complete(outcome, 0, BATCH).then(function () {
          outcome.shown = Math.min(BATCH, outcome.results.length);
          return outcome;
        });
      });
    });
  }

  /* ---- marking matched words ---- */

  function matches(word, words) {
    var folded = tokens(word).join(" ");
    for (var i = 0; i < words.length; i++) {
      var last = i === words.length - 1 && Array.from(words[i]).length > 1;
      if (folded === words[i] || (last && folded.indexOf(words[i]) === 0)) return true;
    }
    return false;
  }

  /* The words around the first matched word, cut at spaces, as tools/pages/search.py cuts its snippets. */
  function around(text, words) {
    if (!text || text.length <= BEFORE + AFTER) return text;
    var start = -1;
    text.replace(SHOWN_TOKEN, function (word, offset) {
      if (start < 0 && matches(word, words)) start = offset;
      return word;
    });
    if (start < 0) start = 0;
    var low = Math.max(0, start - BEFORE), high = Math.min(text.length, start + AFTER);
    if (low > 0) { var space = text.indexOf(" ", low); if (space >= 0 && space < start) low = space + 1; }
    if (high < text.length) { var end = text.lastIndexOf(" ", high); if (end > start) high = end; }
    return (low > 0 ? "…" : "") + text.slice(low, high) + (high < text.length ? "…" : "");
  }

  /* The text as nodes: plain text, and <mark> around each matched word. */
  function marked(text, words) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    text.replace(SHOWN_TOKEN, function (word, offset) {
      if (matches(word, words)) {
        if (offset > at) fragment.appendChild(document.createTextNode(text.slice(at, offset)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        fragment.appendChild(mark);
        at = offset + word.length;
      }
      return word;
    });
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  /* On the page a result leads to, mark the query's words in the target (a glossary entry's heading
   * and what follows it up to the next heading). */
  function markTarget() {
    var query = new URLSearchParams(window.location.search).get("h");
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!query || !target) return;
    var words = tokens(query);
    if (!words.length) return;
    var parts = [target];
    if (/^H[1-6]$/.test(target.tagName)) {
      for (var next = target.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling) parts.push(next);
    }
    parts.forEach(function (part) {
      var walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentNode.closest(".pnum, .headerlink, mark")) return;
        var fragment = marked(node.nodeValue, words);
        if (fragment.querySelector && fragment.querySelector("mark")) {
          Array.prototype.forEach.call(fragment.querySelectorAll("mark"), function (mark) { mark.className = "search-hit"; });
          node.parentNode.replaceChild(fragment, node);
        }
      });
    });
  }

  /* ---- the box and the results ---- */

  function icon(path) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var line = document.createElementNS("http://www.w3.org/2000/svg", "path");
    line.setAttribute("d", path);
    svg.appendChild(line);
    return svg;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var toggle, input, meta, list, more, output, opener;
  var sequence = 0;
  var keepClosed = false;

  function isOpen() { return toggle.checked; }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
    output.hidden = !open;
    if (open) load("index.js");
  }

  function close() {
    setOpen(false);
    keepClosed = true;
    if (opener && opener.offsetParent !== null) opener.focus();
    else input.focus();
    keepClosed = false;
  }

  function announce(text) {
    meta.textContent = text;
  }

  function render(outcome) {
    list.textContent = "";
    more.hidden = true;
    more.onclick = null;
    if (outcome === null) { announce(words("script.search_type")); return; }
    var results = outcome.results;
    if (!results.length) { announce(words("script.search_none")); return; }
    /* Each batch grouped by page on its own, so that "more results" adds below what is listed and moves nothing. */
    var groups = [];
    var byPage = {};
    for (var at = 0; at < outcome.shown; at++) {
      if (at % BATCH === 0) byPage = {};
      var found = described(outcome, at);
      if (!(found.page in byPage)) { byPage[found.page] = []; groups.push(byPage[found.page]); }
      byPage[found.page].push(found);
    }
    var query = "?h=" + encodeURIComponent(outcome.words.join(" "));
    groups.forEach(function (group) {
      var item = element("li", "md-search-result__item");
      var heading = element("p", "edition-search__group", group[0].pageTitle);
      item.appendChild(heading);
      group.forEach(function (found) {
        var link = element("a", "md-search-result__link");
        link.href = pageUrl(found.url) + query + (found.anchor ? "#" + found.anchor : "");
        var article = element("article", "md-search-result__article edition-search__result");
        article.appendChild(element("span", "edition-search__where", found.label));
        var teaser = element("p", "md-search-result__teaser edition-search__snippet");
        var text = found.window || around(shownText(found), outcome.words);
        if (text) teaser.appendChild(marked(text, outcome.words));
        article.appendChild(teaser);
        link.appendChild(article);
        item.appendChild(link);
      });
      list.appendChild(item);
    });
    var status = words("script.search_summary", { results: counted("script.search_results", results.length), pages: counted("script.search_pages", outcome.pages) });
    if (results.length > outcome.shown) {
      status = words("script.search_first", { summary: status, count: outcome.shown });
      more.hidden = false;
      more.onclick = function () { showMore(outcome); };
    }
    announce(status);
  }

  /* The next batch of results, their document files loaded if their snippets need them; the focus
   * moves to the first result added, so that the keyboard carries on where the list grew. */
  function showMore(outcome) {
    var mine = sequence;
    var from = outcome.shown;
    more.disabled = true;
    complete(outcome, from, from + BATCH).then(function () {
      more.disabled = false;
      if (mine !== sequence) return;
      outcome.shown = Math.min(from + BATCH, outcome.results.length);
      render(outcome);
      var all = links();
      if (all[from]) all[from].focus();
    });
  }

  function run() {
    var mine = ++sequence;
    if (!tokens(input.value).length) { render(null); return; }
    announce(words("script.search_loading"));
    search(input.value, function () { return mine !== sequence; }).then(function (outcome) {
      if (mine === sequence) render(outcome);
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function onKey(event) {
    if (event.key === "/" && !isOpen()) {
      var active = document.activeElement;
      var typing = active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable);
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setOpen(true);
        input.focus();
        input.select();
      }
      return;
    }
    if (!isOpen()) return;
    var all = links();
    if (!more.hidden) all.push(more); // the arrows reach "more results" after the last result
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      if (all.length) all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    } else if (event.key === "Enter" && document.activeElement === input) {
      event.preventDefault();
      if (all.length && all[0] !== more) all[0].click();
    }
  }

  function build() {
    var header = document.querySelector(".md-header__inner");
    toggle = document.getElementById("__search");
    if (!header || !toggle || document.querySelector(".edition-search")) return;

    opener = element("button", "md-header__button md-icon edition-search__open");
    opener.type = "button";
    opener.setAttribute("aria-label", words("script.search"));
    opener.appendChild(icon(ICONS.magnify));
    opener.addEventListener("click", function () { setOpen(true); input.focus(); });

    var box = element("div", "md-search edition-search");
    var overlay = element("div", "md-search__overlay");
    overlay.addEventListener("click", close);
    var inner = element("div", "md-search__inner");
    inner.setAttribute("role", "search");
    inner.setAttribute("aria-label", words("script.search"));
    var form = element("form", "md-search__form");
    form.setAttribute("name", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input = element("input", "md-search__input");
    input.type = "text";
    input.name = "query";
    input.setAttribute("aria-label", words("script.search"));
    input.setAttribute("placeholder", words("script.search"));
    input.setAttribute("autocapitalize", "off");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.setAttribute("aria-controls", "edition-search-results");
    input.required = true;
    var back = element("button", "md-search__icon md-icon edition-search__back");
    back.type = "button";
    back.tabIndex = -1;
    back.setAttribute("aria-label", words("script.search"));
    back.appendChild(icon(ICONS.magnify));
    back.appendChild(icon(ICONS.back));
    back.addEventListener("click", function () { if (isOpen()) close(); else { setOpen(true); input.focus(); } });
    var options = element("nav", "md-search__options");
    options.setAttribute("aria-label", words("script.search"));
    var reset = element("button", "md-search__icon md-icon");
    reset.type = "reset";
    reset.tabIndex = -1;
    reset.setAttribute("aria-label", words("script.search_clear"));
    reset.appendChild(icon(ICONS.close));
    reset.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = "";
      run();
      input.focus();
    });
    options.appendChild(reset);
    form.appendChild(input);
    form.appendChild(back);
    form.appendChild(options);

    output = element("div", "md-search__output");
    output.hidden = true;
    var scroll = element("div", "md-search__scrollwrap");
    var result = element("div", "md-search-result");
    meta = element("div", "md-search-result__meta", words("script.search_type"));
    meta.setAttribute("role", "status");
    meta.setAttribute("aria-live", "polite");
    list = element("ol", "md-search-result__list");
    list.id = "edition-search-results";
    list.setAttribute("aria-label", words("script.search"));
    more = element("button", "md-button edition-search__more", words("script.search_more"));
    more.type = "button";
    more.hidden = true;
    result.appendChild(meta);
    result.appendChild(list);
    result.appendChild(more);
    scroll.appendChild(result);
    output.appendChild(scroll);
    inner.appendChild(form);
    inner.appendChild(output);
    box.appendChild(overlay);
    box.appendChild(inner);

    var source = header.querySelector(".md-header__source");
    header.insertBefore(opener, source);
    header.insertBefore(box, source);

    input.addEventListener("focus", function () { if (!keepClosed) setOpen(true); });
    input.addEventListener("input", function () { if (!isOpen()) setOpen(true); run(); });
    toggle.addEventListener("change", function () {
      output.hidden = !toggle.checked;
    });
    document.addEventListener("keydown", onKey, true);
  }

  function setUp() {
    build();
    markTarget();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
