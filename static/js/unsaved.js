// Forms users can trust: nothing typed is lost without a warning.
//
// Opt in with data-unsaved-warning on a <form> (="dirty" when the server re-rendered it with values that
// are not saved yet, e.g. after an error). A tracked form is dirty while its values differ from those it
// was loaded with; leaving the page then asks first. Controls linked with form="…" count for their form.
// A button with data-requires-saved="message" refuses to act while another tracked form is dirty.
// A control with data-autosubmit saves its form as soon as it changes.
(function () {
  "use strict";
  const TRACKED = "form[data-unsaved-warning]";
  const snapshots = new WeakMap();
  const submitting = new WeakSet();

  function serialise(form) {
    const parts = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === "hidden" || el.type === "submit" || el.type === "button") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      if (el.type === "file") { parts.push(el.name + "=" + Array.prototype.map.call(el.files, function (f) { return f.name; }).join("|")); return; }
      parts.push(el.name + "=" + el.value);
    });
    return parts.join("&");
  }

  function remember(root) {
    const forms = (root && root.querySelectorAll) ? root.querySelectorAll(TRACKED) : [];
    Array.prototype.forEach.call(forms, function (form) {
      if (!snapshots.has(form)) {
        snapshots.set(form, form.dataset.unsavedWarning === "dirty" ? null : serialise(form));
      }
    });
  }

  function isDirty(form) {
    if (submitting.has(form) || !snapshots.has(form)) return false;
    const saved = snapshots.get(form);
    return saved === null || saved !== serialise(form);
  }

  function dirtyForms(except) {
    return Array.prototype.filter.call(document.querySelectorAll(TRACKED), function (form) {
      return form !== except && isDirty(form);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { remember(document); });
  // Content swapped in by htmx (a saved rating card, a refreshed evidence list) starts clean.
  document.addEventListener("htmx:afterSettle", function () { remember(document); });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    const button = event.submitter;
    const message = button && button.dataset.requiresSaved;
    if (message && dirtyForms(form).length) {
      event.preventDefault();
      event.stopImmediatePropagation();
      window.alert(message);
      return;
    }
  }, true);
  // A native submit that goes ahead (no declined confirmation) leaves the page on purpose.
  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented && event.target.matches(TRACKED)) submitting.add(event.target);
  });
  // An htmx submit stays on the page: its form is replaced by the response (saved: clean; refused:
  // re-rendered as dirty), or the response moves to another page.
  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = event.detail.elt;
    if (form.matches && form.matches(TRACKED)) submitting.add(form);
  });

  document.addEventListener("change", function (event) {
    const el = event.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.requestSubmit();
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirtyForms(null).length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
