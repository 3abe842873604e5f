// The composer's LinkedIn note counter, live as you type. Served as a file (no inline script),
// so a Content-Security-Policy of script-src 'self' allows it.
//
// The server writes the counter (#note-counter) into the ask-checker's verdict whenever the
// channel is LinkedIn, with the count of the text as the person will read it; that is the
// whole of it without JavaScript. With it, the counter follows every keystroke, in the same
// words as hundred/network/outreach.py's note_length — for one person only (data-live): for
// several, the box holds placeholders and the check counts the first person's copy.
(function () {
  "use strict";

  function tidy(text) {
    // As outreach.fill leaves the text: runs of spaces as one, no spaces before a line break.
    return text.replace(/[ \t]{2,}/g, " ").replace(/[ \t]+\n/g, "\n").trim();
  }

  function message(length, free, paid) {
    if (length > paid) {
      return "LinkedIn note: " + length + " characters \u2014 over " + paid +
        ", too long for LinkedIn, paid accounts (" + paid + ") and free ones (" + free + ").";
    }
    if (length > free) {
      return "LinkedIn note: " + length + " characters \u2014 over " + free +
        ", too long for free LinkedIn accounts; within " + paid + " for paid ones.";
    }
    return "LinkedIn note: " + length + " of " + free +
      " characters \u2014 fits free and paid accounts.";
  }

  function update() {
    var counter = document.getElementById("note-counter");
    var body = document.getElementById("id_body");
    var channel = document.getElementById("id_channel");
    if (!counter || !body || !counter.hasAttribute("data-live")) return;
    if (channel && channel.value !== "linkedin") return;
    var free = parseInt(counter.dataset.free, 10);
    var paid = parseInt(counter.dataset.paid, 10);
    // Characters as LinkedIn counts them: an emoji is one, not two UTF-16 halves.
    var length = Array.from(tidy(body.value)).length;
    counter.textContent = message(length, free, paid);
    counter.classList.toggle("notice", length > free);
    counter.classList.toggle("warning", length > free);
  }

  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "id_body") update();
  });
  // A verdict for older text may arrive after more typing: count what is in the box now.
  document.addEventListener("htmx:afterSettle", update);
})();
