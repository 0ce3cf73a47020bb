/* The edition's interface words: the generator writes window.EDITION_STRINGS (tools/strings.py, the
 * keys starting "script.") as this file's first line; say() looks one up and fills its {fields}. */
function say(key, fields) {
  "use strict";
  var table = window.EDITION_STRINGS || {};
  var text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key;
  return text.replace(/\{\{|\}\}|\{(\w+)\}/g, function (match, name) {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    return fields && Object.prototype.hasOwnProperty.call(fields, name) ? String(fields[name]) : match;
  });
}

/* Reading layers: glossary underlining, each kind of note, cross-links, or the text alone, shown or
 * hidden as the reader chose and remembered across pages and visits in localStorage (which file://
 * may forbid: then the choice lasts for the page). The classes go on <html> as soon as this script
 * runs, before the reader sees the text; text pages get the switches above the text. */
(function () {
  "use strict";

  var KEY = "edition-layers";
  var OLD_KEY = "edition-gloss-underline";
  var root = document.documentElement;
  var LAYERS = [
    ["gloss", say("script.layer_gloss"), "edition-no-underline"],
    ["context", say("script.layer_context"), "edition-hide-context"],
    ["source", say("script.layer_source"), "edition-hide-source"],
    ["disputed", say("script.layer_disputed"), "edition-hide-disputed"],
    ["correction", say("script.layer_correction"), "edition-hide-correction"],
    ["links", say("script.layer_links"), "edition-hide-links"]
  ];
  var TEXT_ONLY = "edition-text-only";

  function read() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (value && typeof value === "object") return value;
      if (window.localStorage.getItem(OLD_KEY) === "hidden") return { hidden: ["gloss"], textOnly: false };
    } catch (error) { /* unreadable or unavailable: everything shown */ }
    return { hidden: [], textOnly: false };
  }

  function write(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (error) { /* not remembered: storage is unavailable */ }
  }

  var state = read();

  function apply() {
    LAYERS.forEach(function (layer) { root.classList.toggle(layer[2], state.hidden.indexOf(layer[0]) >= 0); });
    root.classList.toggle(TEXT_ONLY, Boolean(state.textOnly));
    document.dispatchEvent(new CustomEvent("edition:layers"));
  }

  apply();

  function setUp() {
    var opening = document.querySelector(".text-opening");
    if (!opening || document.querySelector(".layers")) return;
    var box = document.createElement("details");
    box.className = "layers";
    var summary = document.createElement("summary");
    summary.textContent = say("script.layers");
    box.appendChild(summary);
    var group = document.createElement("div");
    group.className = "layers-choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", say("script.layers_label"));
    var boxes = [];
    LAYERS.forEach(function (layer) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = state.hidden.indexOf(layer[0]) < 0;
      input.setAttribute("data-layer", layer[0]);
      input.addEventListener("change", function () {
        state.hidden = state.hidden.filter(function (name) { return name !== layer[0]; });
        if (!input.checked) state.hidden.push(layer[0]);
        write(state);
        apply();
      });
      boxes.push(input);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + layer[1]));
      group.appendChild(label);
    });
    var only = document.createElement("button");
    only.type = "button";
    only.className = "text-only-toggle";
    only.textContent = say("script.text_only");
    var sync = function () {
      only.setAttribute("aria-pressed", state.textOnly ? "true" : "false");
      boxes.forEach(function (input) { input.disabled = Boolean(state.textOnly); });
    };
    only.addEventListener("click", function () {
      state.textOnly = !state.textOnly;
      write(state);
      apply();
      sync();
    });
    sync();
    group.appendChild(only);
    box.appendChild(group);
    if (state.textOnly || state.hidden.length) box.open = true;
    opening.appendChild(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* Glossary tips: hover, keyboard focus or a tap on a glossed term shows its short definition (from
 * assets/glossary-data.js, written once for the whole edition) without leaving the page, with a link
 * to the full entry and a close button. Escape, the close button or a second tap closes it; the tip
 * stays open while the pointer is over it (WCAG 1.4.13). Each tip is named by its term's
 * aria-describedby. Definitions are put in with textContent, never parsed as HTML. */
(function () {
  "use strict";

  var TRIGGERS = "a.gloss";
  var layer = null;
  var shown = null;
  var shownFor = null;
  var hideTimer = 0;
  var lastPointer = "mouse";
  var openBeforeTap = false;
  var quietFocus = false;  /* focus given back to a term by the close button opens no tip */

  function entryOf(link) {
    var data = window.EDITION_GLOSSARY || {};
    var id = (link.getAttribute("href") || "").split("#")[1] || "";
    return Object.prototype.hasOwnProperty.call(data, id) ? [id, data[id]] : null;
  }

  function makeTip(link, id, entry) {
    var tip = document.createElement("div");
    tip.className = "tip";
    tip.id = "tip-" + id;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var text = document.createElement("span");
    text.className = "tip-text";
    text.id = "tip-" + id + "-text";
    var kind = document.createElement("span");
    kind.className = "tip-kind";
    kind.textContent = say("script.glossary_term") + " ";
    var name = document.createElement("b");
    name.textContent = entry.t;
    text.appendChild(kind);
    text.appendChild(name);
    text.appendChild(document.createTextNode((entry.x ? " (" + entry.x + ")" : "") + ": " + entry.s));
    var actions = document.createElement("span");
    actions.className = "tip-actions";
    var full = document.createElement("a");
    full.className = "tip-entry";
    full.href = link.href;
    full.textContent = say("script.full_entry");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "tip-close";
    close.setAttribute("aria-label", say("script.close"));
    close.textContent = "\u00D7";
    close.addEventListener("click", function () {
      var back = shownFor;
      hide();
      if (back) { quietFocus = true; back.focus(); quietFocus = false; }
    });
    actions.appendChild(full);
    actions.appendChild(close);
    tip.appendChild(text);
    tip.appendChild(actions);
    layer.appendChild(tip);
    return tip;
  }

  function setUp() {
    var links = document.querySelectorAll(TRIGGERS);
    if (!links.length || layer) return;
    layer = document.createElement("div");
    layer.className = "tip-layer";
    (document.querySelector("main") || document.body).appendChild(layer);
    var made = {};
    Array.prototype.forEach.call(links, function (link) {
      var found = entryOf(link);
      if (!found) return;
      if (!made[found[0]]) made[found[0]] = makeTip(link, found[0], found[1]);
      link.setAttribute("aria-describedby", "tip-" + found[0] + "-text");
    });
  }

  function tipFor(trigger) {
    var found = entryOf(trigger);
    return found ? document.getElementById("tip-" + found[0]) : null;
  }

  /* Below the term (above it when there is no room below), inside the viewport's width. The layer
   * (position: relative, in <main> so the tips are inside a landmark) is the tips' coordinate origin. */
  function place(tip, trigger) {
    var box = trigger.getBoundingClientRect();
    var origin = layer.getBoundingClientRect();
    var margin = 8;
    tip.style.left = -origin.left + "px";
    tip.style.top = -origin.top + "px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.max(margin, Math.min(box.left, document.documentElement.clientWidth - width - margin));
    var top = box.bottom + 6;
    if (box.bottom + height + 12 > window.innerHeight && box.top > height + 12) top = box.top - height - 6;
    tip.style.left = left - origin.left + "px";
    tip.style.top = top - origin.top + "px";
  }

  function show(trigger) {
    var tip = tipFor(trigger);
    if (!tip) return;
    clearTimeout(hideTimer);
    if (shown && shown !== tip) hide();
    tip.hidden = false;
    tip.classList.add("tip--open");
    place(tip, trigger);
    shown = tip;
    shownFor = trigger;
    trigger.setAttribute("aria-expanded", "true");
  }

  function hide() {
    clearTimeout(hideTimer);
    if (shown) {
      shown.hidden = true;
      shown.classList.remove("tip--open");
    }
    if (shownFor) shownFor.removeAttribute("aria-expanded");
    shown = null;
    shownFor = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function trigger(event) {
    return event.target && event.target.closest ? event.target.closest(TRIGGERS) : null;
  }

  function inTip(event) {
    return Boolean(event.target && event.target.closest && event.target.closest(".tip"));
  }

  /* A tap focuses the link (which opens its tip) before the click arrives, so whether the tip was
   * already open is decided when the finger comes down: the first tap shows it, a second closes it. */
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var t = trigger(event);
    openBeforeTap = Boolean(t) && shownFor === t;
  }, true);

  document.addEventListener("mouseover", function (event) {
    var t = trigger(event);
    if (t && lastPointer !== "touch") show(t);
    else if (shown && inTip(event)) clearTimeout(hideTimer);
  });

  document.addEventListener("mouseout", function (event) {
    if (lastPointer === "touch") return;
    if ((trigger(event) || inTip(event)) && shown) hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var t = trigger(event);
    if (t && !quietFocus) show(t);
  });

  document.addEventListener("focusout", function (event) {
    if (!trigger(event) || lastPointer === "touch") return;
    var next = event.relatedTarget;
    if (next && next.closest && next.closest(".tip")) return;
    hide();
  });

  document.addEventListener("click", function (event) {
    var t = trigger(event);
    if (t && lastPointer === "touch" && event.detail > 0) {
      event.preventDefault();
      if (openBeforeTap) hide();
      else show(t);
      return;
    }
    if (!t && shown && !inTip(event)) hide();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) hide();
  });

  window.addEventListener("resize", function () {
    if (shown && shownFor) place(shown, shownFor);
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* Notes beside the text. Where the window is wide enough (the CSS puts .apparatus in a margin column
 * at 76.25em), each note is moved level with its marker's line and pushed down below the one before,
 * so none overlap; opening or closing a note lays them out again. Narrower, a marker opens its note
 * in place, under the marker's line (a disclosure), instead of jumping to the list of notes; a
 * paragraph's cross-links stay one "Compare" control at its end. Without this script the margin
 * notes stand in the margin column in order, and the markers link to the list of notes. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 76.25em)");
  var GAP = 8;
  var root = document.documentElement;
  var homes = {};
  var frame = 0;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".apparatus > .side-note, .apparatus > .side-links"));
  }

  function anchorTop(item) {
    if (item.classList.contains("side-note")) {
      var marker = document.getElementById("ref-" + item.getAttribute("data-note"));
      if (marker && marker.offsetParent !== null) {
        var box = marker.getBoundingClientRect();
        return box.top + box.height / 2 - 10;
      }
    }
    var passage = item.closest(".passage");
    var first = passage && passage.querySelector("p.para");
    return (first || item.parentNode).getBoundingClientRect().top;
  }

  function layout() {
    frame = 0;
    var all = items();
    if (!WIDE.matches) {
      root.classList.remove("edition-margin");
      all.forEach(function (item) { item.style.top = ""; });
      return;
    }
    root.classList.add("edition-margin");
    /* Notes first, each level with its marker or pushed down below the one before; then each
     * paragraph's cross-links in the first free space at or below the paragraph's top. */
    var placed = [];
    var floor = -Infinity;
    var put = function (item, top) {
      var base = item.parentNode.getBoundingClientRect().top;
      item.style.top = Math.round(top - base) + "px";
      placed.push([top, top + item.offsetHeight]);
      placed.sort(function (x, y) { return x[0] - y[0]; });
    };
    all.forEach(function (item) {
      if (!item.classList.contains("side-note") || item.offsetParent === null) return;
      var top = Math.max(anchorTop(item), floor);
      put(item, top);
      floor = top + item.offsetHeight + GAP;
    });
    all.forEach(function (item) {
      if (!item.classList.contains("side-links") || item.offsetParent === null) return;
      var top = anchorTop(item);
      var height = item.offsetHeight;
      placed.forEach(function (box) {
        if (top + height + GAP > box[0] && top < box[1] + GAP) top = box[1] + GAP;
      });
      put(item, top);
    });
    var bottom = placed.reduce(function (low, box) { return Math.max(low, box[1]); }, -Infinity);
    var reading = document.querySelector(".reading");
    if (reading) {
      reading.style.paddingBottom = "";
      var overhang = bottom - reading.getBoundingClientRect().bottom;
      if (overhang > 0) reading.style.paddingBottom = Math.ceil(overhang) + "px";
    }
  }

  function later() {
    if (!frame) frame = window.requestAnimationFrame(layout);
  }

  function closePopin(popin, focusMarker) {
    var note = popin.querySelector(".side-note");
    var marker = document.getElementById("ref-" + popin.getAttribute("data-note"));
    if (note) {
      var home = homes[note.id];
      home.parent.insertBefore(note, home.next);
    }
    popin.parentNode.removeChild(popin);
    if (marker) {
      marker.setAttribute("aria-expanded", "false");
      if (focusMarker) marker.focus();
    }
  }

  function openPopin(marker) {
    var n = marker.getAttribute("data-note");
    var note = document.getElementById("side-" + n);
    if (!note) return false;
    homes[note.id] = { parent: note.parentNode, next: note.nextSibling };
    var popin = document.createElement("span");
    popin.className = "popin";
    popin.id = "popin-" + n;
    popin.setAttribute("data-note", n);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "popin-close";
    close.setAttribute("aria-label", say("script.close_note", { number: n }));
    close.textContent = "\u00D7";
    close.addEventListener("click", function () { closePopin(popin, true); });
    popin.appendChild(close);
    popin.appendChild(note);
    var details = note.querySelector("details");
    if (details) details.open = true;
    marker.parentNode.insertBefore(popin, marker.nextSibling);
    marker.setAttribute("aria-expanded", "true");
    marker.setAttribute("aria-controls", popin.id);
    return true;
  }

  function closeAllPopins() {
    Array.prototype.forEach.call(document.querySelectorAll(".popin"), function (popin) { closePopin(popin, false); });
  }

  document.addEventListener("click", function (event) {
    var marker = event.target.closest && event.target.closest("a.note-ref");
    if (!marker || !document.getElementById("side-" + marker.getAttribute("data-note"))) return;
    event.preventDefault();
    if (WIDE.matches) {
      var note = document.getElementById("side-" + marker.getAttribute("data-note"));
      var details = note.querySelector("details");
      if (details) {
        details.open = true;
        details.querySelector("summary").focus();
      }
      note.classList.add("side-note--flash");
      setTimeout(function () { note.classList.remove("side-note--flash"); }, 1600);
      return;
    }
    var open = document.getElementById("popin-" + marker.getAttribute("data-note"));
    if (open) closePopin(open, false);
    else openPopin(marker);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest) return;
    var popin = event.target.closest(".popin");
    if (popin) closePopin(popin, true);
  });

  function setUp() {
    var markers = document.querySelectorAll("a.note-ref[data-note]");
    Array.prototype.forEach.call(markers, function (marker) {
      if (document.getElementById("side-" + marker.getAttribute("data-note"))) marker.setAttribute("aria-expanded", "false");
    });
    var sync = function () {
      if (WIDE.matches) closeAllPopins();
      Array.prototype.forEach.call(document.querySelectorAll("details.side-links"), function (links) { links.open = WIDE.matches; });
      later();
    };
    sync();
    WIDE.addEventListener("change", sync);
    window.addEventListener("resize", later);
    window.addEventListener("load", later);
    document.addEventListener("edition:layers", later);
    document.addEventListener("toggle", later, true);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(later);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* Term map: buttons that re-sort the table by frequency (as built), name or kind. Without
 * JavaScript the table is complete, in order of frequency. */
(function () {
  "use strict";

  var ORDERS = [
    ["frequency", say("script.sort_frequency")],
    ["name", say("script.sort_name")],
    ["kind", say("script.sort_kind")]
  ];

  function cellText(row, index) {
    return (row.cells[index] ? row.cells[index].textContent : "").trim();
  }

  function compare(order, last) {
    var byName = function (a, b) { return cellText(a, 0).localeCompare(cellText(b, 0), undefined, { sensitivity: "base" }); };
    var byCount = function (a, b) { return Number(cellText(b, last)) - Number(cellText(a, last)); };
    if (order === "name") return byName;
    if (order === "kind") return function (a, b) { return cellText(a, 1).localeCompare(cellText(b, 1)) || byName(a, b); };
    return function (a, b) { return byCount(a, b) || byName(a, b); };
  }

  function setUp() {
    var table = document.querySelector(".term-map table");
    if (!table || !table.tBodies[0] || document.querySelector(".tm-sort")) return;
    var body = table.tBodies[0];
    var last = table.rows[0].cells.length - 1;
    var bar = document.createElement("div");
    bar.className = "tm-sort";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", say("script.sort_label"));
    var label = document.createElement("span");
    label.textContent = say("script.sort_by");
    bar.appendChild(label);
    ORDERS.forEach(function (entry) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = entry[1];
      button.setAttribute("data-order", entry[0]);
      button.setAttribute("aria-pressed", entry[0] === "frequency" ? "true" : "false");
      button.addEventListener("click", function () {
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(compare(entry[0], last)).forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(bar.querySelectorAll("button"), function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
      });
      bar.appendChild(button);
    });
    var wrapper = table.closest(".md-typeset__scrollwrap") || table;
    wrapper.parentNode.insertBefore(bar, wrapper);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* Citation: the page's address and today's date go into the "Cite this text" section, each citation
 * gets a Copy button, and each paragraph number a button that offers "Copy link" and "Cite this
 * paragraph". Copying uses the asynchronous clipboard where the browser allows it and falls back to
 * a selected textarea and execCommand("copy") (file:// pages may lack the former); the result is said
 * in a polite live region and shown, and the text offered stays on screen to select by hand. */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var status = null;
  var statusTimer = 0;
  var panel = null;
  var panelFor = null;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today(style) {
    var d = new Date();
    if (style === "iso") return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    return MONTHS[d.getMonth()] + " " + d.getDate() + ", " + d.getFullYear();
  }

  function pageUrl() {
    var fixed = document.querySelector(".cite-url[data-fixed]");
    if (fixed) return fixed.textContent;
    return window.location.href.split("#")[0].split("?")[0];
  }

  /* Opened from disk with no published address to cite: the address is a local copy's. */
  function isLocalCopy() {
    return !document.querySelector(".cite-url[data-fixed]") && window.location.protocol === "file:";
  }

  function localNote() { return " " + say("script.local_copy"); }

  function announce(message) {
    clearTimeout(statusTimer);
    status.textContent = message;
    status.classList.add("edition-status--shown");
    statusTimer = setTimeout(function () { status.classList.remove("edition-status--shown"); }, 5000);
  }

  function copyByCommand(text) {
    var active = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.className = "copy-buffer";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    if (active && active.focus) active.focus();
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyByCommand(text); });
    }
    return Promise.resolve(copyByCommand(text));
  }

  function copyAndSay(text, done) {
    return copy(text).then(function (copied) {
      announce(copied ? done : say("script.copy_failed"));
    });
  }

  function fillCitations(section) {
    Array.prototype.forEach.call(section.querySelectorAll(".cite-url:not([data-fixed])"), function (span) {
      span.textContent = pageUrl();
    });
    Array.prototype.forEach.call(section.querySelectorAll(".cite-accessed"), function (span) {
      span.textContent = today(span.getAttribute("data-style"));
    });
    var hint = section.querySelector(".cite-hint");
    if (hint) hint.textContent = say("script.access_hint") + (isLocalCopy() ? localNote() : "");
    var names = { chicago: say("script.chicago"), apa: say("script.apa"), bibtex: say("script.bibtex") };
    Array.prototype.forEach.call(section.querySelectorAll("[data-cite]"), function (block) {
      var name = names[block.getAttribute("data-cite")] || say("script.citation");
      var label = block.parentNode.querySelector(".cite-label");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-copy";
      button.textContent = say("script.copy");
      button.setAttribute("aria-label", say("script.copy_the", { name: name }));
      button.addEventListener("click", function () { var done = say("script.copied", { name: name });
        copyAndSay(block.textContent, done.charAt(0).toUpperCase() + done.slice(1)); });
      (label || block).appendChild(button);
    });
  }

  function closePanel(focusBack) {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    if (panelFor) {
      panelFor.setAttribute("aria-expanded", "false");
      if (focusBack) panelFor.focus();
    }
    panelFor = null;
  }

  function makePanel(template) {
    panel = document.createElement("div");
    panel.className = "para-tools";
    panel.id = "para-tools";
    panel.hidden = true;
    var title = document.createElement("p");
    title.className = "para-tools-title";
    var buttons = document.createElement("div");
    buttons.className = "para-tools-buttons";
    var link = document.createElement("button");
    link.type = "button";
    link.className = "para-copy-link";
    link.textContent = say("script.copy_link");
    var cite = document.createElement("button");
    cite.type = "button";
    cite.className = "para-cite";
    cite.textContent = say("script.cite_paragraph");
    var offered = document.createElement("p");
    offered.className = "para-tools-text";
    var direct = document.createElement("a");
    direct.className = "para-link";
    buttons.appendChild(direct);
    buttons.appendChild(link);
    buttons.appendChild(cite);
    panel.appendChild(title);
    panel.appendChild(buttons);
    panel.appendChild(offered);
    var number = function () { return panelFor ? panelFor.getAttribute("data-paragraph") : ""; };
    link.addEventListener("click", function () {
      var url = pageUrl() + "#p" + number();
      offered.textContent = url + (isLocalCopy() ? localNote() : "");
      copyAndSay(url, isLocalCopy() ? say("script.link_copied_local") : say("script.link_copied"));
    });
    cite.addEventListener("click", function () {
      var text = template.split("{P}").join(number()).split("{URL}").join(pageUrl()).split("{ACCESSED}").join(today("chicago")) + (isLocalCopy() ? localNote() : "");
      offered.textContent = text;
      copyAndSay(text, say("script.citation_copied"));
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closePanel(true);
    });
  }

  function openPanel(toggle) {
    var paragraph = toggle.closest("p.para");
    if (panelFor === toggle) { closePanel(true); return; }
    closePanel(false);
    var number = toggle.getAttribute("data-paragraph");
    panel.querySelector(".para-tools-title").textContent = say("script.paragraph", { number: number });
    var direct = panel.querySelector(".para-link");
    direct.href = "#p" + number;
    direct.textContent = say("script.go_to_paragraph", { number: number });
    panel.querySelector(".para-tools-text").textContent = "";
    paragraph.parentNode.insertBefore(panel, paragraph.nextSibling);
    panel.hidden = false;
    panelFor = toggle;
    toggle.setAttribute("aria-expanded", "true");
    panel.querySelector("button").focus();
    document.dispatchEvent(new CustomEvent("edition:layers"));
  }

  function setUp() {
    var section = document.querySelector(".cite-this");
    if (!section || status) return;
    status = document.createElement("div");
    status.className = "edition-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    (document.querySelector("main") || document.body).appendChild(status);
    fillCitations(section);
    makePanel(section.getAttribute("data-cite-paragraph") || "");
    Array.prototype.forEach.call(document.querySelectorAll("p.para > a.pnum"), function (pnum) {
      var number = (pnum.getAttribute("href") || "").replace(/^#p/, "");
      pnum.classList.add("para-tools-toggle");
      pnum.setAttribute("role", "button");
      pnum.setAttribute("data-paragraph", number);
      pnum.setAttribute("aria-expanded", "false");
      pnum.setAttribute("aria-controls", "para-tools");
      pnum.setAttribute("aria-label", say("script.paragraph_tools", { number: number }));
      pnum.addEventListener("click", function (event) { event.preventDefault(); openPanel(pnum); });
      pnum.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); openPanel(pnum); }
      });
    });
    document.addEventListener("click", function (event) {
      if (panel.hidden || !event.target.closest) return;
      if (!event.target.closest(".para-tools, .para-tools-toggle")) closePanel(false);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
