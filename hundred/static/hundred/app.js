// Hundred's few behaviours, in a file rather than inline so the Content-Security-Policy can
// forbid inline script. Every page works without them.
(function () {
  "use strict";

  // "Copy the text" beside a message: select it and put it on the clipboard.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy[data-copy]");
    if (!button) return;
    var text = document.getElementById(button.dataset.copy);
    if (!text) return;
    text.select();
    var label = button.querySelector("span") || button;  // beside its icon
    (navigator.clipboard ? navigator.clipboard.writeText(text.value) : Promise.reject()).then(
      function () { label.textContent = "Copied"; },
      function () { document.execCommand("copy"); label.textContent = "Copied"; });
  });

  // The Copy buttons are hidden in the page (without JavaScript they could do nothing: the text
  // area above them is there to select by hand); with JavaScript they are shown.
  function showCopyButtons() {
    document.querySelectorAll("button.copy[data-copy][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  // The main menu is a <details>. On a wide screen app.css shows its content even when it is
  // closed; a browser too old for ::details-content gets it opened here instead.
  function openMenuOnWideScreens() {
    var menu = document.querySelector("details.menu");
    var modern = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    if (menu && !modern && window.matchMedia("(min-width: 48.01em)").matches) menu.open = true;
  }

  // After an htmx swap, put the cursor back where typing goes on (the 100 list's quick add).
  document.addEventListener("htmx:afterSettle", function (event) {
    var id = event.target.dataset && event.target.dataset.focusAfterSwap;
    var field = id && document.getElementById(id);
    if (field) field.focus();
  });

  // One message recorded with an address: open it in the mail app straight away.
  function openMail() {
    var auto = document.querySelector("a.mailto[data-open]");
    if (auto) window.location.href = auto.href;
  }
  // Installable app: the service worker keeps the app shell and the last Today (read-only).
  function registerServiceWorker() {
    var meta = document.querySelector('meta[name="hundred-service-worker"]');
    if (meta && "serviceWorker" in navigator) {
      navigator.serviceWorker.register(meta.content, { scope: "/" }).catch(function () {});
    }
  }

  // The installed app's kept copy of Today (static/hundred/sw.js), opened without a connection:
  // say so, and when it was loaded, and turn every control off — nothing can be sent.
  function readOnlyOfflineCopy() {
    if (document.documentElement.dataset.copy !== "offline") return;
    var note = document.getElementById("offline-note");
    if (note) {
      var now = new Date();
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
      var when = (note.dataset.date === today ? "" : note.dataset.day + ", ") + note.dataset.time;
      (note.querySelector("span") || note).textContent =
        "Offline — Today as of " + when + ", read-only";
      note.hidden = false;
    }
    document.querySelectorAll("button, input, select, textarea").forEach(function (control) {
      control.disabled = true;
    });
  }

  // Today's offline copy belongs to one account: any page of another account, or of nobody
  // (the log-in page, where logging out lands), forgets it.
  function forgetOthersOfflineCopy() {
    if (!window.caches || document.documentElement.dataset.copy === "offline") return;
    var meta = document.querySelector('meta[name="hundred-account"]');
    var mine = meta ? meta.content : "";
    caches.has("hundred-today").then(function (kept) {
      if (!kept) return null;
      return caches.open("hundred-today").then(function (cache) { return cache.match("/"); })
        .then(function (copy) {
          if (copy && copy.headers.get("Hundred-Offline-Copy") !== mine) {
            return caches.delete("hundred-today");
          }
          return null;
        });
    }).catch(function () {});
  }

  function ready() {
    readOnlyOfflineCopy();
    forgetOthersOfflineCopy();
    registerServiceWorker();
    showCopyButtons();
    openMenuOnWideScreens();
    openMail();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
