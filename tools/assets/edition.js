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

  /* Material's search panel is a role="dialog" without a name; screen readers announce it as "Search". */
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    if (dialog) dialog.setAttribute("aria-label", "Search");
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
    nameSearchDialog();
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
    ["frequency", "Most frequent"],
    ["name", "A to Z"],
    ["kind", "Kind"]
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
    bar.setAttribute("aria-label", "Sort the term map");
    var label = document.createElement("span");
    label.textContent = "Sort by:";
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
