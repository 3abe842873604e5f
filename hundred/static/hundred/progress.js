// Progress for file uploads and imports. Without JavaScript the forms post as usual; with
// it, a form marked data-progress sends its file by XMLHttpRequest so the bar can show how
// much has been sent, then says the file is being read until the next page arrives.
(function () {
  "use strict";
  function show(form, text, fraction) {
    var box = form.querySelector(".progress");
    if (!box) return;
    box.hidden = false;
    var bar = box.querySelector("progress");
    if (fraction === null) bar.removeAttribute("value"); else bar.value = fraction;
    box.querySelector(".progress-text").textContent = text;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-progress]")) return;
    var button = form.querySelector("button[type=submit]");
    if (!window.FormData || !form.querySelector("input[type=file]")) {
      // No file to send (the confirm step): the import runs on the server; say so.
      show(form, form.dataset.progress, null);
      if (button) button.disabled = true;
      return;
    }
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        show(form, "Sending the file… " + Math.round(100 * e.loaded / e.total) + "%", e.loaded / e.total);
      }
    });
    xhr.upload.addEventListener("load", function () { show(form, form.dataset.progress, null); });
    xhr.addEventListener("load", function () {
      if (xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open(); document.write(xhr.responseText); document.close();
      }
    });
    xhr.addEventListener("error", function () {
      show(form, "The upload failed; check your connection and try again.", 0);
      if (button) button.disabled = false;
    });
    if (button) button.disabled = true;
    xhr.send(new FormData(form));
  });
})();
