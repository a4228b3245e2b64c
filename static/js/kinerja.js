// Ask before destructive actions: any form or button with data-confirm.
document.addEventListener("submit", function (event) {
  const form = event.target;
  const button = event.submitter;
  const message = (button && button.dataset.confirm) || form.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Forms marked data-sekali send once: the button is disabled after the first submit (the server also
// refuses a repeat, this only spares the wait). Runs after the confirm handler above.
document.addEventListener("submit", function (event) {
  const form = event.target;
  if (event.defaultPrevented || !form.hasAttribute("data-sekali")) {
    return;
  }
  if (form.dataset.terkirim) {
    event.preventDefault();
    return;
  }
  form.dataset.terkirim = "1";
  form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
});

// After a failed submit the error summary at the top of the page takes focus, so a screen reader reads it
// and a keyboard user starts from it (WCAG 3.3.1); its links move to the fields.
document.addEventListener("DOMContentLoaded", function () {
  // Without field errors, the form's own error box (errors of the whole form) takes focus instead.
  const ringkasan = document.getElementById("ringkasan-galat") || document.querySelector("main form .alert-danger");
  if (ringkasan) {
    ringkasan.setAttribute("tabindex", "-1");
    ringkasan.focus();
  }
});
