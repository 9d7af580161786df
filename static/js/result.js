// The result page's "Copy link" button: shown only when the script runs, the link itself is always visible.
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

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-copy-link]");
    var link = document.querySelector("[data-share-link]");
    var status = document.querySelector("[data-copy-status]");
    if (!button || !link || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(link.href).then(
        function () {
          status.textContent = "Link copied.";
        },
        function () {
          status.textContent = "Your browser did not let us copy the link: select it above and copy it.";
        }
      );
    });
  });
})();
