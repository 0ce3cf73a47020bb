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

/* Glossary underlining, hidden or shown as the reader chose, remembered across pages and visits in
 * localStorage (which file:// may forbid: then the choice lasts for the page). The class goes on <html>
 * as soon as this script runs, before the reader sees the text where the browser allows; text pages
 * get a button to change it. */
(function () {
  "use strict";

  var KEY = "edition-gloss-underline";
  var HIDDEN = "edition-no-underline";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function store(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* not remembered: storage is unavailable */ }
  }

  if (stored() === "hidden") root.classList.add(HIDDEN);

  function setUp() {
    var header = document.querySelector(".text-header");
    if (!header || document.querySelector(".underline-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "underline-toggle";
    button.textContent = say("script.hide_underlining");
    var sync = function () { button.setAttribute("aria-pressed", root.classList.contains(HIDDEN) ? "true" : "false"); };
    sync();
    button.addEventListener("click", function () {
      store(root.classList.toggle(HIDDEN) ? "hidden" : "shown");
      sync();
    });
    header.parentNode.insertBefore(button, header);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* Glossary and note tooltips: hover, keyboard focus or tap shows the short text without leaving the
 * page; Escape closes it; the tip stays open while the pointer is over it (WCAG 1.4.13). Each tip is a
 * role="tooltip" element the trigger names with aria-describedby, so it is announced. Tip text was
 * escaped at build time and is only ever moved, never parsed as HTML here. */
(function () {
  "use strict";

  var TRIGGERS = "a.gloss[aria-describedby], a.note-ref[aria-describedby]";
  var layer = null;
  var shown = null;
  var shownFor = null;
  var hideTimer = 0;
  var lastPointer = "mouse";
  var openBeforeTap = false;

  function setUp() {
    var store = document.querySelector(".edition-tips");
    if (!store || layer) return;
    layer = document.createElement("div");
    layer.className = "tip-layer";
    Array.prototype.slice.call(store.querySelectorAll(".tip")).forEach(function (tip) {
      tip.hidden = true;
      layer.appendChild(tip);
    });
    (document.querySelector("main") || document.body).appendChild(layer);
    store.parentNode.removeChild(store);
  }

  function tipFor(trigger) {
    var id = trigger.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
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
  }

  function hide() {
    clearTimeout(hideTimer);
    if (shown) {
      shown.hidden = true;
      shown.classList.remove("tip--open");
    }
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

  /* A tap focuses the link (which opens its tip) before the click arrives, so whether the tip was
   * already open is decided when the finger comes down: the first tap shows it, a second one follows. */
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var t = trigger(event);
    openBeforeTap = Boolean(t) && shownFor === t;
  }, true);

  document.addEventListener("mouseover", function (event) {
    var t = trigger(event);
    if (t && lastPointer !== "touch") show(t);
    else if (shown && event.target.closest && event.target.closest(".tip")) clearTimeout(hideTimer);
  });

  document.addEventListener("mouseout", function (event) {
    if (lastPointer === "touch") return;
    var from = trigger(event) || (event.target.closest && event.target.closest(".tip"));
    if (from && shown) hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var t = trigger(event);
    if (t) show(t);
  });

  document.addEventListener("focusout", function (event) {
    if (trigger(event) && lastPointer !== "touch") hide();
  });

  document.addEventListener("click", function (event) {
    var t = trigger(event);
    if (t && lastPointer === "touch" && event.detail > 0) {
      if (!openBeforeTap) {
        event.preventDefault();
        show(t);
      }
      return;
    }
    if (!t && shown && !(event.target.closest && event.target.closest(".tip"))) hide();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      hide();
    }
  });

  window.addEventListener("resize", function () {
    if (shown && shownFor) place(shown, shownFor);
  });

  function start() {
    setUp();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
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
    if (hint) hint.textContent = say("script.access_hint");
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
    buttons.appendChild(link);
    buttons.appendChild(cite);
    panel.appendChild(title);
    panel.appendChild(buttons);
    panel.appendChild(offered);
    var number = function () { return panelFor ? panelFor.getAttribute("data-paragraph") : ""; };
    link.addEventListener("click", function () {
      var url = pageUrl() + "#p" + number();
      offered.textContent = url;
      copyAndSay(url, say("script.link_copied"));
    });
    cite.addEventListener("click", function () {
      var text = template.split("{P}").join(number()).split("{URL}").join(pageUrl()).split("{ACCESSED}").join(today("chicago"));
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
    panel.querySelector(".para-tools-title").textContent = say("script.paragraph", { number: toggle.getAttribute("data-paragraph") });
    panel.querySelector(".para-tools-text").textContent = "";
    paragraph.parentNode.insertBefore(panel, paragraph.nextSibling);
    panel.hidden = false;
    panelFor = toggle;
    toggle.setAttribute("aria-expanded", "true");
    panel.querySelector("button").focus();
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
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "para-tools-toggle";
      toggle.setAttribute("data-paragraph", number);
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", "para-tools");
      toggle.setAttribute("aria-label", say("script.paragraph_tools", { number: number }));
      toggle.title = say("script.paragraph_tools", { number: number });
      toggle.textContent = "\u22EF";
      toggle.addEventListener("click", function () { openPanel(toggle); });
      pnum.parentNode.insertBefore(toggle, pnum.nextSibling);
    });
    document.addEventListener("click", function (event) {
      if (panel.hidden || !event.target.closest) return;
      if (!event.target.closest(".para-tools, .para-tools-toggle")) closePanel(false);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
