"""Indonesian words left on an English page: what the English crawl looks for.

The page text minus the data shown on it (names of people, units, jabatan, instansi; what users typed:
RHK, IKI, realisasi, feedback, training names; the official form titles) must read English. Only Indonesian
function words are looked for: they never occur in English text, so a hit is an untranslated string.
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
    """Every text value stored in the database (names and what users typed)."""

    def __init__(self):
        values = set()
        for model in apps.get_models():
            fields = [f.attname for f in model._meta.concrete_fields
                      if isinstance(f, models.CharField | models.TextField) and not f.choices]
            if not fields or model._meta.app_label in SKIP_APPS:
                continue
            for row in model.objects.values_list(*fields):
                values.update(_norm(v) for v in row if isinstance(v, str) and len(v.strip()) > 2)
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


def indonesian_words(html: str, data: Data, konteks: list | None = None) -> list[str]:
    html = SCRIPT.sub(" ", html)
    found = set()
    parts = (part for raw in TAG.split(html) for part in SEPARATOR.split(unescape(raw)))
    for raw in parts:
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
