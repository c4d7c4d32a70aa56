// Optional enhancement: the elderly-friendly mode (适老化). The site is complete without this script.
(function () {
  "use strict";
  var key = "tuoyu-elderly";
  var root = document.documentElement;
  try {
    if (window.localStorage.getItem(key) === "1") root.classList.add("elderly");
  } catch (e) { /* storage may be disabled; the default mode stays */ }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("elderly-toggle");
    if (!button) return;
    var sync = function () { button.setAttribute("aria-pressed", root.classList.contains("elderly") ? "true" : "false"); };
    button.hidden = false;
    sync();
    button.addEventListener("click", function () {
      var on = root.classList.toggle("elderly");
      try { window.localStorage.setItem(key, on ? "1" : "0"); } catch (e) { /* not remembered, still applied */ }
      sync();
    });
  });
})();
