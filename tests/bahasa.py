"""Indonesian words left on an English page: what the English crawl looks for.

The page text minus the data shown on it (names of people, units, jabatan, instansi; what users typed:
RHK, IKI, realisasi, feedback, training names; the official form titles) must read English. Only Indonesian
function words are looked for: they never occur in English text, so a hit is an untranslated string.

Reference lists are not data: a column with an English twin (``nama``/``nama_en``, ``teks``/``teks_en``,
kinerja/dwibahasa.py) is translated, so ``reference_strings`` reports its Indonesian text on an English page,
function words or not (a picked phrase stored in a record counts too; what a user wrote around it does not).
"""
import re
from bisect import bisect_left
from html import unescape

from django.apps import apps
from django.db import models

KATA = {
    "dan", "yang", "belum", "sudah", "tidak", "untuk", "dengan", "dari", "ini", "akan", "atau", "harus",
    "simpan", "tambah", "hapus", "kembali", "lihat", "semua", "cari", "oleh", "pada", "dalam", "ada", "bisa",
    "jumlah", "baru", "ubah", "setiap", "sampai", "anda", "kami", "diisi", "dipilih", "buka",
    "tutup", "batal", "unduh", "cetak", "lanjut", "pilih", "kirim", "ajukan", "setujui", "tolak", "terima",
}
SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z]+")
# Official form titles and terms of art kept in Indonesian in both languages (domain.md §1.3, §3.5).
ISTILAH = ("Dokumen Evaluasi Kinerja Pegawai", "Sasaran Kinerja Pegawai", "Berorientasi Pelayanan")
SKIP_APPS = ("sessions", "admin", "axes", "contenttypes", "auth")


class Data:
    """Every text value stored in the database (names and what users typed); ``referensi`` holds the
    Indonesian texts of reference rows that have an English text of their own."""

    def __init__(self):
        values, referensi = set(), set()
        for model in apps.get_models():
            if model._meta.app_label in SKIP_APPS:
                continue
            fields = [f.attname for f in model._meta.concrete_fields
                      if isinstance(f, models.CharField | models.TextField) and not f.choices]
            ref = [f for f in fields if f"{f}_en" in fields]
            for f in ref:  # a row without English falls back to Indonesian: then it is shown as data
                for teks, teks_en in model.objects.values_list(f, f"{f}_en"):
                    (referensi if teks_en and teks_en != teks else values).add(_norm(teks))
            fields = [f for f in fields if f not in ref]
            if not fields:
                continue
            for row in model.objects.values_list(*fields):
                values.update(_norm(v) for v in row if isinstance(v, str) and len(v.strip()) > 2)
        self.referensi = referensi
        # Several words: looked for inside a text; one word ("Teknis") only as a whole text.
        self.referensi_kalimat = sorted((r for r in referensi if " " in r), key=len, reverse=True)
        values -= referensi  # a picked phrase copied into a record is still a reference text
        self.longest_first = sorted(values, key=len, reverse=True)
        self.sorted = sorted(values)

    def is_prefix(self, text: str) -> bool:
        """``text`` is the start of a stored value (a value cut short on screen)."""
        i = bisect_left(self.sorted, text)
        return i < len(self.sorted) and self.sorted[i].startswith(text)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# "RHK — IKI", "05/11 · kegiatan", "Unit : nama": values shown side by side in one text.
SEPARATOR = re.compile(r"(?:^|\s)[—·|](?:\s|$)|:\s")
LEADING = re.compile(r"^(\d{1,2}[-/.]\d{1,2}([-/.]\d{2,4})?|\d{1,2} \w+ \d{4})\s*[—·–-]\s*")


def _clean(node: str) -> str:
    # "[01/01–31/12/2026] Tersusunnya program yang sela —", "04-11-2026 — Mengolah dalam rangka tersusunnya…
    # (2 jam)": a date range or a date, then a value cut short on screen.
    node = re.sub(r"\[[^\]]*\]", " ", node)
    node = LEADING.sub("", _norm(node))
    node = node.split("…")[0]
    return _norm(node.strip(" —–-·|:,.()"))


def _parts(html: str):
    return (part for raw in TAG.split(html) for part in SEPARATOR.split(unescape(raw)))


def indonesian_words(html: str, data: Data, konteks: list | None = None) -> list[str]:
    html = SCRIPT.sub(" ", html)
    found = set()
    for raw in _parts(html):
        node = _clean(raw)
        if not node or not any(w.lower() in KATA for w in WORD.findall(node)) or data.is_prefix(node):
            continue
        for value in data.longest_first:  # a label around data: "Disetujui oleh Sari Harahap"
            if len(value) > 3 and value in node:
                node = node.replace(value, " ")
        for istilah in ISTILAH:
            node = node.replace(istilah, " ")
        hits = {w.lower() for w in WORD.findall(node) if w.lower() in KATA}
        if hits and konteks is not None:
            konteks.append(node[:200])
        found.update(hits)
    return sorted(found)


# An input shows its stored value unchanged (a phrase picked in Indonesian stays so while it is edited).
TEXTAREA = re.compile(r"<textarea\b[^>]*>.*?</textarea>", re.S | re.I)


def reference_strings(html: str, data: Data) -> list[str]:
    """Indonesian texts of translated reference rows shown on the page (an English page must show none)."""
    html = TEXTAREA.sub(" ", SCRIPT.sub(" ", html))
    found = set()
    for raw in _parts(html):
        node = _clean(raw)
        if not node:
            continue
        if node in data.referensi:
            found.add(node)
            continue
        calon = [r for r in data.referensi_kalimat if r in node]
        if not calon or data.is_prefix(node):
            continue
        for value in data.longest_first:  # what a user wrote may quote a phrase: that stays as written
            if len(value) > 3 and value in node:
                node = node.replace(value, " ")
        found.update(r for r in calon if re.search(rf"(?<!\w){re.escape(r)}(?!\w)", node))
    return sorted(found)
