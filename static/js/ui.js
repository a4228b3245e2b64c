// Page behaviour without inline script (the Content-Security-Policy allows scripts from our own files only).
// Each rule is a data attribute handled here by event delegation, so htmx-swapped content works too.

// <select data-autosubmit>: choosing a value submits its form (year, period, language pickers).
document.addEventListener("change", function (event) {
  const el = event.target.closest("[data-autosubmit]");
  if (el && el.form) { el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit(); }
});

// <input type="checkbox" data-check-all="ids">: ticks or clears every checkbox named "ids".
document.addEventListener("click", function (event) {
  const box = event.target.closest("[data-check-all]");
  if (!box) return;
  document.querySelectorAll('input[type=checkbox][name="' + box.dataset.checkAll + '"]').forEach(function (c) {
    c.checked = box.checked;
  });
});

// <select data-frasa="id-of-textarea">: picking an example expectation fills the free text, which stays editable.
document.addEventListener("change", function (event) {
  const sel = event.target.closest("select[data-frasa]");
  if (!sel || !sel.value) return;
  const ta = document.getElementById(sel.dataset.frasa);
  if (ta) { ta.value = sel.value; }
});

// data-width="42": progress bars get their width from script (a style attribute would be blocked).
function kinerjaWidths(root) {
  (root.querySelectorAll ? root : document).querySelectorAll("[data-width]").forEach(function (el) {
    el.style.width = Math.max(0, Math.min(100, parseFloat(el.dataset.width) || 0)) + "%";
  });
}
kinerjaWidths(document);
document.addEventListener("htmx:load", function (event) { kinerjaWidths(event.target); });
