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

  function setUp() {
    var store = document.querySelector(".edition-tips");
    if (!store || layer) return;
    layer = document.createElement("div");
    layer.className = "tip-layer";
    Array.prototype.slice.call(store.querySelectorAll(".tip")).forEach(function (tip) {
      tip.hidden = true;
      layer.appendChild(tip);
    });
    document.body.appendChild(layer);
    store.parentNode.removeChild(store);
  }

  function tipFor(trigger) {
    var id = trigger.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function place(tip, trigger) {
    var box = trigger.getBoundingClientRect();
    var margin = 8;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(box.left + window.scrollX, margin + window.scrollX),
      window.scrollX + document.documentElement.clientWidth - width - margin);
    var top = box.bottom + window.scrollY + 6;
    if (box.bottom + tip.offsetHeight + 12 > window.innerHeight && box.top > tip.offsetHeight + 12) {
      top = box.top + window.scrollY - tip.offsetHeight - 6;
    }
    tip.style.left = Math.max(left, margin) + "px";
    tip.style.top = top + "px";
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

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
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
    if (t && lastPointer === "touch") {
      if (shownFor !== t) {
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
