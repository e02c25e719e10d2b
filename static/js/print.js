// Enhancement: a Print button where JavaScript runs; the hint stays otherwise.
document.querySelectorAll(".js-print").forEach(function (button) {
  button.hidden = false;
  var hint = button.parentElement.querySelector(".js-print-hint");
  if (hint) hint.hidden = true;
  button.addEventListener("click", function () { window.print(); });
});
