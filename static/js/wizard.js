// The wizard's progressive enhancement: focus after htmx swaps. Every page works without this file.
(function () {
  "use strict";

  // After a page-sized swap, move focus to the new page's heading as a page load would; when a dataset's form
  // opens in place, to its heading; after the dataset list is swapped in place, to its status line. The error
  // summary (app.js) takes precedence.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (!target || target.querySelector("[data-error-summary]")) {
      return;
    }
    var focusable = null;
    if (target.id === "wizard") {
      focusable = target.querySelector("#newly-asked") || target.querySelector("h1[tabindex], h1 .fieldset__heading, h1");
    } else if (target.id === "dataset-editor") {
      focusable = target.querySelector("#newly-asked") || target.querySelector("h2");
    } else if (target.id === "dataset-list") {
      focusable = document.querySelector("#dataset-list [data-focus-after-swap]");
    }
    if (focusable) {
      if (!focusable.hasAttribute("tabindex")) {
        focusable.setAttribute("tabindex", "-1");
      }
      focusable.focus();
    }
  });
})();
