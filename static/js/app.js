// Progressive enhancement only: every page works without this file. One file for every page (its parts act
// only where their elements are present), so that a page costs at most four requests.
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

// The wizard's progressive enhancement: focus after htmx swaps, and follow-up questions revealed as they are
// called for. Every page works without this file.
(function () {
  "use strict";

  // After a page-sized swap, move focus to the new page's heading as a page load would; after the dataset list is
  // swapped in place, to its status line. The error summary (above) takes precedence.
  // A Change link lands on its question (#question-<field>): its legend at the top of the window, and focus on its
  // answer (the chosen one), so that a screen reader hears the question.
  function questionLand(anchor) {
    var block = anchor && anchor.indexOf("question-") === 0 ? document.getElementById(anchor) : null;
    if (!block) {
      return false;
    }
    var input = block.querySelector("input:checked") || block.querySelector("input:not([type=hidden])");
    block.scrollIntoView({block: "start"});
    if (input) {
      input.focus({preventScroll: true});
    }
    return true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("[data-error-summary]")) {
      questionLand(window.location.hash.slice(1));
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (!target || target.querySelector("[data-error-summary]")) {
      return;
    }
    var anchor = event.detail.pathInfo && event.detail.pathInfo.anchor;
    if (target.id === "wizard" && anchor && anchor.indexOf("question-") === 0 && document.getElementById(anchor)) {
      // After htmx's own scrolling, which ends with the swap's show:window:top.
      window.setTimeout(function () {
        questionLand(anchor);
      }, 0);
      return;
    }
    var focusable = null;
    if (target.id === "wizard") {
      // A success notice ("lm was removed…") takes focus, as GOV.UK's does; else the new page's heading.
      focusable = target.querySelector("[data-notification][role=alert]") ||
        target.querySelector("h1[tabindex], h1 .fieldset__heading, h1");
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

  // Conditional reveal (GOV.UK's pattern): a follow-up question (data-reveal-when="modality=electron_microscopy;
  // em_method=cryo_et|single_particle", or alternatives "em_method=cryo_et/dimensionality=3d") shows while the
  // answers it follows are chosen, at any depth. The server
  // renders each one shown or hidden for the answers it has; without this script, noscript.css shows them all.
  var HIDDEN = "conditional--hidden";

  function conditionMet(form, condition) {
    var parts = condition.split("=");
    var accepted = parts[1].split("|");
    var inputs = form.querySelectorAll("input[name='" + parts[0] + "']:checked");
    return Array.prototype.some.call(inputs, function (input) {
      return accepted.indexOf(input.value) !== -1 && !input.closest("." + HIDDEN);
    });
  }

  function revealUpdate(form) {
    var blocks = form.querySelectorAll("[data-reveal-when]");
    // A follow-up can depend on another (modality, then EM method, then tilt series): settle until stable.
    var changed = true;
    for (var pass = 0; changed && pass <= blocks.length; pass += 1) {
      changed = false;
      Array.prototype.forEach.call(blocks, function (block) {
        // Alternatives separated by "/" (a question asked of different kinds of data), any of which reveals it.
        var shown = block.getAttribute("data-reveal-when").split("/").some(function (alternative) {
          return alternative.split(";").every(function (condition) {
            return conditionMet(form, condition);
          });
        });
        if (block.classList.contains(HIDDEN) === shown) {
          block.classList.toggle(HIDDEN, !shown);
          changed = true;
        }
        // A modality's group of follow-ups is a <details>, folded only for a page without this script.
        if (shown && block.tagName === "DETAILS") {
          block.open = true;
        }
      });
    }
    // An answer that reveals follow-ups names them (aria-controls, as GOV.UK's conditional reveal); set here, not
    // in the HTML, because without this script nothing is ever hidden.
    Array.prototype.forEach.call(form.querySelectorAll("input[data-aria-controls]"), function (input) {
      input.setAttribute("aria-controls", input.getAttribute("data-aria-controls"));
    });
  }

  function questionsShown(form) {
    return Array.prototype.filter.call(form.querySelectorAll(".form-group"), function (group) {
      return !group.closest("." + HIDDEN);
    }).length;
  }

  // A screen reader hears what an answer revealed or hid (the page's live region, data-reveal-status).
  function revealAnnounce(form, before) {
    var status = form.querySelector("[data-reveal-status]");
    var after = questionsShown(form);
    if (!status || after === before) {
      return;
    }
    var count = Math.abs(after - before);
    var questions = count === 1 ? "question" : "questions";
    status.textContent = after > before
      ? count + " more " + questions + " shown below."
      : count + " " + questions + " no longer asked, hidden.";
  }

  // Nothing typed is lost on Reload or Back: a dataset's form (data-keep-unsaved) keeps its answers in this tab's
  // sessionStorage, under its page and study, until the server has saved them. Sending marks them sent, and the
  // page that answers says how it went: a page without errors (the next one, or a new dataset's empty form) means
  // saved, and they are forgotten; a page with errors means refused, and they stay, so that a Reload (where the
  // server shows the refused form again, wizard/refused.py) gets back anything typed since. Not the study's answers
  // themselves: those are the server's, and Back asks it for them.
  var KEPT = "depositwizard:unsaved:";

  function keptKey(form) {
    var study = form.querySelector("input[name=study]");
    return KEPT + new URL(form.action, window.location.href).pathname + ":" + (study ? study.value : "");
  }

  function answerInputs(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name]"), function (input) {
      return input.type !== "hidden" && input.type !== "submit";
    });
  }

  function unsavedKeep(form, sent) {
    var answers = {};
    answerInputs(form).forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) {
          answers[input.name] = input.value;
        }
      } else {
        answers[input.name] = input.value;
      }
    });
    try {
      window.sessionStorage.setItem(keptKey(form), JSON.stringify({answers: answers, sent: sent}));
    } catch (error) {
      // Storage refused (private mode, quota): the browser's own form restoring is all there is.
    }
  }

  function unsavedRead(form) {
    try {
      return JSON.parse(window.sessionStorage.getItem(keptKey(form)) || "null");
    } catch (error) {
      return null;
    }
  }

  function unsavedForget(form) {
    try {
      window.sessionStorage.removeItem(keptKey(form));
    } catch (error) {
      // As above: nothing was kept.
    }
  }

  function unsavedRestore(form) {
    var kept = unsavedRead(form);
    if (!kept || !kept.answers) {
      return;
    }
    if (kept.sent) {
      if (document.querySelector("[data-error-summary]")) {
        unsavedKeep(form, false);  // refused: the page shows what was sent, kept for a Reload
      } else {
        unsavedForget(form);  // saved
      }
      return;
    }
    answerInputs(form).forEach(function (input) {
      if (!Object.prototype.hasOwnProperty.call(kept.answers, input.name)) {
        if (input.type === "radio") {
          input.checked = false;
        }
        return;
      }
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = input.value === kept.answers[input.name];
      } else {
        input.value = kept.answers[input.name];
      }
    });
  }

  function formsPrepare(root) {
    Array.prototype.forEach.call(root.querySelectorAll("form[data-keep-unsaved]"), unsavedRestore);
    Array.prototype.forEach.call(root.querySelectorAll("form[data-reveal]"), revealUpdate);
  }

  // The browser may restore a form's answers (Back, Reload) without a change event.
  window.addEventListener("pageshow", function () {
    formsPrepare(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "wizard") {
      formsPrepare(event.detail.target);
    }
  });

  document.addEventListener("input", function (event) {
    var form = event.target.closest ? event.target.closest("form[data-keep-unsaved]") : null;
    if (form) {
      unsavedKeep(form, false);
    }
  });

  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("form[data-keep-unsaved]")) {
      unsavedKeep(event.target, true);
    }
  });

  document.addEventListener("change", function (event) {
    var form = event.target.closest ? event.target.closest("form[data-reveal]") : null;
    if (form) {
      var before = questionsShown(form);
      revealUpdate(form);
      revealAnnounce(form, before);
    }
    var kept = event.target.closest ? event.target.closest("form[data-keep-unsaved]") : null;
    if (kept) {
      unsavedKeep(kept, false);
    }
  });
})();

// The result page's "Copy link" and "Copy statement" buttons: shown only when the script runs, the link and the
// statement themselves are always visible and selectable.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-HTTP pages: copy through a selected, off-screen text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "visually-hidden";
      document.body.appendChild(field);
      field.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(field);
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  // The data availability statement's "Copy statement" button. Delegated, because htmx replaces the page's <main>
  // when accessions are typed in; shown by the same code after each swap.
  function statementButtonShow(root) {
    var statementButton = (root || document).querySelector("[data-copy-statement]");
    if (statementButton) {
      statementButton.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    statementButtonShow(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    statementButtonShow(event.target);
  });
  document.addEventListener("click", function (event) {
    var statementButton = event.target.closest && event.target.closest("[data-copy-statement]");
    var statement = document.querySelector("[data-statement]");
    var statementStatus = document.querySelector("[data-copy-statement-status]");
    if (!statementButton || !statement || !statementStatus) {
      return;
    }
    copyText(statement.textContent.trim()).then(
      function () {
        statementStatus.textContent = "Statement copied.";
      },
      function () {
        statementStatus.textContent = "Your browser did not let us copy the statement: select it above and copy it.";
      }
    );
  });

  // The share box's "Copy link" button. Delegated and shown again after each swap, because the accessions form
  // has htmx replace the whole of <main>.
  function linkButtonShow(root) {
    var linkButton = (root || document).querySelector("[data-copy-link]");
    if (linkButton) {
      linkButton.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    linkButtonShow(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    linkButtonShow(event.target);
  });
  document.addEventListener("click", function (event) {
    var linkButton = event.target.closest && event.target.closest("[data-copy-link]");
    var link = document.querySelector("[data-share-link]");
    var status = document.querySelector("[data-copy-status]");
    if (!linkButton || !link || !status) {
      return;
    }
    copyText(link.href).then(
      function () {
        status.textContent = "Link copied.";
      },
      function () {
        status.textContent = "Your browser did not let us copy the link: select it above and copy it.";
      }
    );
  });
})();
