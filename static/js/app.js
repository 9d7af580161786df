// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function focusErrorSummary(root) {
    var summary = (root || document).querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary(document);
  });

  // Every htmx request carries the CSRF token of the page's form in X-CSRFToken, also when the element that
  // sends it is outside the form. Pages without a form have no token, and send nothing that needs one.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });

  // After htmx swaps in a page fragment, move focus as a full page load would.
  document.addEventListener("htmx:afterSettle", function (event) {
    focusErrorSummary(event.target);
  });

  // An error page swapped in whole (base.html's htmx-config): announce it from its heading.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target !== document.body) {
      return;
    }
    var heading = document.querySelector("main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });
})();
