/* Kiosk mode for a Memoria exhibit: no way out, and back to the cover when idle.
   Static code only: it reads the idle time and cover page from data attributes. */
(function () {
  "use strict";
  var body = document.body;
  var minutes = parseFloat(body.getAttribute("data-idle-minutes")) || 3;
  var home = body.getAttribute("data-home") || "index.html";
  var timer = null;
  function goHome() {
    var here = location.pathname.split("/").pop();
    if (here !== home || window.scrollY > 0) { location.href = home; }
    else { document.querySelectorAll("audio").forEach(function (a) { a.pause(); }); }
  }
  function reset() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(goHome, minutes * 60000);
  }
  ["pointerdown", "keydown", "touchstart", "wheel", "scroll"].forEach(function (name) {
    window.addEventListener(name, reset, { passive: true });
  });
  document.querySelectorAll("audio").forEach(function (a) {
    a.addEventListener("playing", reset);
    a.addEventListener("timeupdate", reset);
  });
  /* Links out: only relative pages of this exhibit may open, in this window. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a") : null;
    if (!link) { return; }
    var href = link.getAttribute("href") || "";
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.indexOf("//") === 0 || link.target) {
      event.preventDefault();
    }
  });
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });
  reset();
}());
