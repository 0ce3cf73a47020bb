// The preview's problem banner (added by tools/site/banner.py to pages the preview serves; never in a
// built site). Asks the preview for the problems of the last save and shows them over the last good
// page: errors loudly (role=alert), warnings alone quietly (role=status). Every word from the editor's
// files is set as text, never as HTML.
(function () {
  "use strict";
  var ADDRESS = "/.preview/problems.json";
  var EVERY_MS = 1000;
  var shownVersion = -1;
  var dismissedVersion = -1;
  var timer = null;
  var asking = false;

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function excerpt(problem) {
    var part = problem.excerpt;
    var figure = element("pre", "preview-problems__line");
    var line = element("code");
    var before = part.text.slice(0, part.mark);
    var at = part.text.slice(part.mark, part.mark + 1) || " ";
    var after = part.text.slice(part.mark + 1);
    line.appendChild(document.createTextNode((part.clipped_start ? "…" : "") + before));
    var mark = element("mark", "preview-problems__mark", at);
    line.appendChild(mark);
    line.appendChild(document.createTextNode(after + (part.clipped_end ? "…" : "")));
    figure.appendChild(line);
    var caret = element("span", "preview-problems__caret", "\n" + " ".repeat((part.clipped_start ? 1 : 0) + part.mark) + "^");
    caret.setAttribute("aria-hidden", "true");
    figure.appendChild(caret);
    figure.setAttribute("aria-label", "line " + problem.line + " as written, with the position marked");
    return figure;
  }

  function item(problem) {
    var entry = element("li", "preview-problems__item preview-problems__item--" + problem.severity);
    var where = element("p", "preview-problems__where");
    where.appendChild(element("strong", null, problem.severity === "error" ? "Error" : "Warning"));
    where.appendChild(document.createTextNode(" in " + problem.file + ", line " + problem.line + ", column " + problem.col));
    entry.appendChild(where);
    entry.appendChild(element("p", "preview-problems__message", problem.message + " [" + problem.code + "]"));
    if (problem.excerpt) entry.appendChild(excerpt(problem));
    return entry;
  }

  function list(problems) {
    var made = element("ul", "preview-problems__list");
    problems.forEach(function (problem) { made.appendChild(item(problem)); });
    return made;
  }

  function remove() {
    var old = document.getElementById("preview-problems");
    if (old) old.remove();
    document.documentElement.classList.remove("preview-problems-open");
    document.documentElement.style.removeProperty("--preview-problems-height");
  }

  function dismiss() {
    dismissedVersion = shownVersion;
    var hadFocus = document.getElementById("preview-problems").contains(document.activeElement);
    remove();
    if (hadFocus) {
      var main = document.querySelector("main") || document.body;
      if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
      main.focus();
    }
  }

  function render(problems) {
    remove();
    if (!problems.length || dismissedVersion === shownVersion) return;
    var errors = problems.filter(function (p) { return p.severity === "error"; });
    var warnings = problems.filter(function (p) { return p.severity !== "error"; });
    var banner = element("section", "preview-problems" + (errors.length ? " preview-problems--errors" : " preview-problems--warnings"));
    banner.id = "preview-problems";
    banner.setAttribute("role", errors.length ? "alert" : "status");
    banner.setAttribute("aria-labelledby", "preview-problems-title");
    banner.tabIndex = -1;
    var head = element("div", "preview-problems__head");
    var title = element("h2", "preview-problems__title");
    title.id = "preview-problems-title";
    title.textContent = errors.length
      ? "Not updated: " + plural(errors.length, "error") + (warnings.length ? " and " + plural(warnings.length, "warning") : "") + " in seeds/"
      : plural(warnings.length, "warning") + " in seeds/";
    head.appendChild(title);
    var close = element("button", "preview-problems__close", "Hide");
    close.type = "button";
    close.setAttribute("aria-label", "Hide the problems until the next save");
    close.addEventListener("click", dismiss);
    head.appendChild(close);
    banner.appendChild(head);
    if (errors.length) {
      banner.appendChild(element("p", "preview-problems__help",
        "This page is the last good version. Fix what is listed, save, and the page updates by itself."));
      banner.appendChild(list(errors));
    }
    if (warnings.length) {
      var more = element("details", "preview-problems__warnings");
      more.appendChild(element("summary", null, errors.length ? "Also " + plural(warnings.length, "warning") + " (they do not stop the build)" : "Show (warnings do not stop the build)"));
      more.appendChild(list(warnings));
      banner.appendChild(more);
    }
    banner.addEventListener("keydown", function (event) {
      if (event.key === "Escape") dismiss();
    });
    document.body.insertBefore(banner, document.body.firstChild);
    document.documentElement.classList.add("preview-problems-open");
    var fit = function () {
      document.documentElement.style.setProperty("--preview-problems-height", banner.offsetHeight + "px");
    };
    fit();
    if (window.ResizeObserver) new ResizeObserver(fit).observe(banner);
  }

  function poll() {
    timer = null;
    asking = true;
    fetch(ADDRESS, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.version !== shownVersion) {
          shownVersion = state.version;
          render(state.problems);
        }
      })
      .catch(function () { /* the preview is restarting or stopped: try again */ })
      .then(function () {
        asking = false;
        if (document.visibilityState === "visible" && timer === null) timer = setTimeout(poll, EVERY_MS);
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && timer === null && !asking) poll();
  });
  poll();
})();
