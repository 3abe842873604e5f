// The browser's time zone, where a page asks for it. Served as a file (no inline script), so
// a Content-Security-Policy of script-src 'self' allows it.
//
// - A <select data-time-zone-guess> (the sign-up form, before anything was posted) is set to
//   the browser's zone when the list has it; the hint beside it says so.
// - An element with data-browser-zone-differs="ZONE" (the settings page) is shown, with the
//   browser's zone written in its [data-browser-zone], when the browser is not in ZONE.
// Without JavaScript nothing changes: the select keeps the server's default and its hint.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) return;

  function has(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }

  function name(node) {
    node.querySelectorAll("[data-browser-zone]").forEach(function (el) {
      el.textContent = zone.replace(/_/g, " ");
    });
  }

  document.querySelectorAll("select[data-time-zone-guess]").forEach(function (select) {
    if (!has(select, zone)) return;
    select.value = zone;
    var hint = document.getElementById(select.dataset.timeZoneGuess);
    if (hint) {
      name(hint);
      hint.hidden = false;
    }
  });

  document.querySelectorAll("[data-browser-zone-differs]").forEach(function (el) {
    if (el.dataset.browserZoneDiffers === zone) return;
    name(el);
    el.hidden = false;
  });
})();
