// The evaluation page: version of every save, "Pakai jumlah ini", the live predikat and the Finalkan
// confirmation that names the predikat about to be locked. The server derives the stored predikat itself.
(function () {
  "use strict";
  const versi = function () { const el = document.getElementById("versi-penilaian"); return el ? el.value : ""; };
  const dataMatriks = document.getElementById("matriks-predikat");
  const matriks = dataMatriks ? JSON.parse(dataMatriks.textContent) : {};

  // Every save carries the latest version this page has seen (htmx autosaves bump it).
  document.addEventListener("submit", function (e) {
    const input = e.target.querySelector("input.js-versi");
    if (input) { input.value = versi() || input.value; }
  }, true);
  document.body.addEventListener("htmx:configRequest", function (e) {
    if ("versi" in e.detail.parameters && versi()) { e.detail.parameters.versi = versi(); }
  });

  // "Pakai jumlah ini": copy the daily-activity sum into the realisasi input (still editable, not saved).
  document.addEventListener("click", function (e) {
    const b = e.target.closest(".js-pakai");
    if (!b) return;
    const input = document.getElementById(b.dataset.target);
    if (input) {
      input.value = b.dataset.value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    }
  });

  // The predikat of the ratings a rating form shows (§3.4 matrix sent by the server), or "" if incomplete.
  function predikat(form) {
    const out = document.getElementById("predikat-live");
    const hasil = (out && out.dataset.tetap) || (form.elements.rating_hasil ? form.elements.rating_hasil.value : "");
    const perilaku = form.elements.rating_perilaku ? form.elements.rating_perilaku.value : "";
    return (hasil && perilaku && matriks[hasil]) ? matriks[hasil][perilaku].label : "";
  }

  document.addEventListener("change", function (e) {
    if (!e.target.classList.contains("js-rating")) return;
    const out = document.getElementById("predikat-live");
    if (out) out.textContent = predikat(e.target.form) || "—";
  });

  // Finalkan posts the ratings on screen; the confirmation names the predikat that will be locked.
  // Capture phase, so a declined confirmation stops the submit before htmx sends it.
  document.addEventListener("submit", function (e) {
    const button = e.submitter;
    if (!button || !button.dataset.confirmPredikat) return;
    const label = predikat(e.target);
    const ok = label ? window.confirm(button.dataset.confirmPredikat.replace("{predikat}", label))
                     : (window.alert(button.dataset.confirmKosong), false);
    if (!ok) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
})();
