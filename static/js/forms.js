// Public forms (progressive enhancement; everything works without it).
// 1. The error summary (templates/includes/form_errors.html) takes focus
//    on load, and its links move focus to the field they name.
// 2. A textarea with a maxlength gets a live "N characters left" counter;
//    the limit is also stated in its help text and enforced on the server.
(function () {
  var script = document.currentScript;
  var one = script ? script.getAttribute("data-chars-left-one") : null;
  var other = script ? script.getAttribute("data-chars-left-other") : null;
  var over = script ? script.getAttribute("data-chars-over") : null;

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) return false;
    var fieldset = field.closest("fieldset");
    var label = fieldset ? fieldset.querySelector("legend")
      : document.querySelector('label[for="' + id + '"]');
    field.focus();
    (label || field).scrollIntoView();
    return true;
  }

  function summary() {
    var box = document.getElementById("error-summary");
    if (!box) return;
    if (document.activeElement !== box) box.focus();
    box.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (link && focusField(link.getAttribute("href").slice(1))) {
        event.preventDefault();
      }
    });
  }

  function counters() {
    if (!one || !other) return;
    document.querySelectorAll("textarea[maxlength]").forEach(function (area) {
      var limit = parseInt(area.getAttribute("maxlength"), 10);
      if (!limit || !area.id) return;
      var counter = document.createElement("p");
      counter.className = "char-count";
      counter.id = area.id + "_count";
      counter.setAttribute("aria-live", "polite");
      area.insertAdjacentElement("afterend", counter);
      var timer = null;
      function update() {
        var left = limit - area.value.length;
        var text = left < 0 ? over || other : left === 1 ? one : other;
        counter.textContent = text.replace("%(n)s", Math.abs(left));
        counter.classList.toggle("char-count--over", left < 0);
      }
      update();
      area.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(update, 300);
      });
    });
  }

  ready(function () {
    summary();
    counters();
  });
})();
