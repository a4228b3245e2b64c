// Person pickers: <input data-cari-pegawai="/pegawai/cari/"> (a NIP field) becomes a combobox that searches
// by name or NIP and fills in the NIP of the chosen pegawai. Without script the NIP is typed as before.
// ARIA 1.2 combobox pattern: the input keeps focus, arrows move through the list, Enter picks, Escape closes.
(function () {
  "use strict";
  var lang = (document.documentElement.lang || "id").slice(0, 2);
  var TEXT = {
    id: { hint: "Ketik nama atau NIP, lalu pilih dari daftar.", none: "Tidak ada pegawai yang cocok.",
          more: "Tampilkan lebih banyak", chosen: "Dipilih: ", found: " pegawai ditemukan.",
          filter: "Saring pilihan" },
    en: { hint: "Type a name or NIP, then pick from the list.", none: "No matching employee.",
          more: "Show more", chosen: "Selected: ", found: " employees found.", filter: "Filter the list" },
  }[lang === "en" ? "en" : "id"];
  var counter = 0;

  function enhance(input) {
    if (input.dataset.cariSiap) return;
    input.dataset.cariSiap = "1";
    counter += 1;
    var listId = "cari-pegawai-list-" + counter;
    var statusId = "cari-pegawai-status-" + counter;
    input.removeAttribute("maxlength"); // a name may be longer than a NIP; the server still checks the NIP
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("placeholder", TEXT.hint);

    var wrap = document.createElement("div");
    wrap.className = "position-relative cari-pegawai";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.className = "list-group position-absolute w-100 shadow-sm cari-pegawai-list d-none";
    if (input.labels && input.labels[0]) {
      if (!input.labels[0].id) input.labels[0].id = listId + "-label";
      list.setAttribute("aria-labelledby", input.labels[0].id);
    }
    wrap.appendChild(list);
    var status = document.createElement("div");
    status.id = statusId;
    status.className = "form-text cari-pegawai-status";
    status.setAttribute("aria-live", "polite");
    wrap.appendChild(status);

    var timer = null, active = -1, items = [], page = 1, query = "", seq = 0;
    // data-cari-tambah: a list of NIPs; the search is what follows the last comma, a pick is appended.
    var tambah = "cariTambah" in input.dataset;
    function head() { var i = input.value.lastIndexOf(","); return i < 0 ? "" : input.value.slice(0, i + 1) + " "; }
    function typed() { var i = input.value.lastIndexOf(","); return (i < 0 ? input.value : input.value.slice(i + 1)).trim(); }

    function close() {
      list.classList.add("d-none");
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(i) {
      var opts = list.querySelectorAll("[role=option]");
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, j) {
        o.classList.toggle("active", j === active);
        o.setAttribute("aria-selected", j === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }

    function pick(i) {
      var p = items[i];
      if (!p) return;
      input.value = tambah ? head().replace(/\s+$/, " ").replace(/^ $/, "") + p.nip + ", " : p.nip;
      status.textContent = TEXT.chosen + p.nama + " (" + p.nip + ")";
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function render(hasNext) {
      list.textContent = "";
      items.forEach(function (p, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "list-group-item list-group-item-action cari-pegawai-option";
        var nama = document.createElement("div");
        nama.className = "fw-semibold";
        nama.textContent = p.nama;
        var detail = document.createElement("div");
        detail.className = "small";
        detail.textContent = p.nip + (p.jabatan ? " · " + p.jabatan : "") + " · " + p.unit;
        li.appendChild(nama);
        li.appendChild(detail);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      if (!items.length) {
        var none = document.createElement("li");
        none.className = "list-group-item small";
        none.textContent = TEXT.none;
        list.appendChild(none);
      }
      if (hasNext) {
        var more = document.createElement("li");
        more.className = "list-group-item list-group-item-action small text-primary cari-pegawai-more";
        more.textContent = TEXT.more;
        more.addEventListener("mousedown", function (e) { e.preventDefault(); load(page + 1); });
        list.appendChild(more);
      }
      list.classList.remove("d-none");
      input.setAttribute("aria-expanded", "true");
      status.textContent = items.length + TEXT.found;
    }

    function load(n) {
      var mine = ++seq;
      var url = input.dataset.cariPegawai + "?q=" + encodeURIComponent(query) + "&page=" + n;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [], has_next: false }; })
        .then(function (data) {
          if (mine !== seq) return; // an older answer arriving late
          page = n;
          items = n === 1 ? data.results : items.concat(data.results);
          render(data.has_next);
        })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      query = tambah ? typed() : input.value.trim();
      if (query.replace(/\s/g, "").length < 2) { close(); return; }
      timer = setTimeout(function () { load(1); }, 200);
    });
    input.addEventListener("keydown", function (e) {
      var open = input.getAttribute("aria-expanded") === "true";
      if (e.key === "ArrowDown") { e.preventDefault(); if (open) setActive(active + 1); else if (items.length) { render(false); setActive(0); } }
      else if (e.key === "ArrowUp" && open) { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Enter" && open && active >= 0) { e.preventDefault(); pick(active); }
      else if (e.key === "Escape" && open) { e.preventDefault(); close(); }
    });
    if (!tambah) input.addEventListener("focus", function () { input.select(); }); // typing replaces the NIP
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  // <select data-saring>: a search box above a long list (units, officials) hides the options that do not
  // match what is typed; the select itself is untouched, so it works and submits as before.
  function saring(select) {
    if (select.dataset.saringSiap || select.options.length < 8) return;
    select.dataset.saringSiap = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1 saring-pilihan";
    var label = select.labels && select.labels[0] ? select.labels[0].textContent.trim() : "";
    box.setAttribute("aria-label", TEXT.filter + (label ? ": " + label : ""));
    box.setAttribute("placeholder", TEXT.filter);
    box.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(select.options, function (o) {
        var text = o.textContent.toLowerCase();
        var show = !o.value || words.every(function (w) { return text.indexOf(w) >= 0; });
        o.hidden = !show;
        if (show && o.value && !first) first = o;
      });
      if (first && select.selectedOptions[0] && select.selectedOptions[0].hidden) select.value = first.value;
    });
  }

  function scan(root) {
    var r = root.querySelectorAll ? root : document;
    r.querySelectorAll("input[data-cari-pegawai]").forEach(enhance);
    r.querySelectorAll("select[data-saring]").forEach(saring);
  }
  scan(document);
  document.addEventListener("htmx:load", function (event) { scan(event.target); });
})();
