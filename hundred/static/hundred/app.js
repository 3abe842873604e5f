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
    (navigator.clipboard ? navigator.clipboard.writeText(text.value) : Promise.reject()).then(
      function () { button.textContent = "Copied"; },
      function () { document.execCommand("copy"); button.textContent = "Copied"; });
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
  // Installable app: the service worker keeps the app shell (never a page's data).
  function registerServiceWorker() {
    var meta = document.querySelector('meta[name="hundred-service-worker"]');
    if (meta && "serviceWorker" in navigator) {
      navigator.serviceWorker.register(meta.content, { scope: "/" }).catch(function () {});
    }
  }

  function ready() {
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
