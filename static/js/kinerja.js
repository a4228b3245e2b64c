// Ask before destructive actions: any form or button with data-confirm.
document.addEventListener("submit", function (event) {
  const form = event.target;
  const button = event.submitter;
  const message = (button && button.dataset.confirm) || form.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
