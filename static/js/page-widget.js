// "Was this page helpful?": replace the widget's single-use token with a
// fresh one. A page served from the page cache carries the token of its
// first render, which another visitor may already have used. Without
// JavaScript the post still works: a used token is answered with the
// answer kept and a fresh token, to be sent once more.
(function () {
  "use strict";
  var form = document.querySelector("form[data-token-url]");
  if (!form || !window.fetch) {
    return;
  }
  fetch(form.getAttribute("data-token-url"), {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (data) {
      if (data && data.token) {
        form.elements.form_started.value = data.token;
      }
    })
    .catch(function () {});
})();
