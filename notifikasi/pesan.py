"""Notification texts kept as their Indonesian message and parameters, rendered in the reader's language.

A notification is written while one user acts (in that user's language) and read later by another, who may
read English. So ``notify()`` stores the message id and its parameters beside the Indonesian rendering, and
the bell, the list and the e-mail translate at read time::

    notify(penerima=u, judul=kalimat("SKP dikembalikan"),
           pesan=kalimat("SKP %(tahun)s Anda dikembalikan: %(catatan)s", tahun=2026, catatan=catatan))

A parameter that is itself a word to translate (a status label, a period name) is passed as ``kalimat(...)``
or ``periode_teks(...)`` too. Parameters that are data (names, numbers, the user's own words) are stored as
they are. ``makemessages`` finds the ids through its ``-k kalimat`` keyword (Makefile ``messages``).
"""
from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


class Teks:
    """One message id with its parameters; ``str()`` renders it in the active language."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, params: dict | None = None):
        self.msgid = msgid
        self.params = params or {}

    def data(self) -> dict:
        return {"k": self.msgid, "p": {key: _nilai_data(v) for key, v in self.params.items()}}

    def __str__(self) -> str:
        return render(self.data())

    def __repr__(self) -> str:
        return f"kalimat({self.msgid!r}, {self.params!r})"


def kalimat(msgid: str, **params) -> Teks:
    return Teks(msgid, params)


def _nilai_data(value):
    if isinstance(value, Teks):
        return value.data()
    if isinstance(value, int | float):
        return value
    return str(value)


def render(data) -> str:
    """The stored form back to text in the active language; a plain string is returned as it is."""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict) or "k" not in data:
        return ""
    msgid = str(data["k"])
    if msgid.startswith(PERIODE):
        nama, _sep, tahun = msgid[len(PERIODE):].partition("|")
        return f"{nama_periode(nama)} {tahun}".strip()
    if msgid == GABUNG:
        parts = data.get("p") or {}
        return " ".join(render(parts[k]) if isinstance(parts[k], dict) else str(parts[k])
                        for k in sorted(parts, key=int))
    if msgid.startswith(TANGGAL):
        from datetime import date

        from kinerja.format import tanggal

        try:
            return tanggal(date.fromisoformat(msgid[len(TANGGAL):]))
        except ValueError:
            return msgid[len(TANGGAL):]
    if msgid.startswith(PILIHAN):
        return _render_pilihan(msgid[len(PILIHAN):])
    params = {key: (render(v) if isinstance(v, dict) else v) for key, v in (data.get("p") or {}).items()}
    text = gettext(msgid)
    if not params:
        return text
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        # A catalogue entry whose placeholders do not match: the Indonesian source never fails.
        return msgid % params


def render_indonesian(value) -> str:
    """The text as stored in ``judul``/``pesan`` (admin, search, fallback): always Indonesian."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(value)


# A period stored as data ("Triwulan II", "Maret", "Akhir" + year) rendered in the reader's language.
PERIODE = "periode:"
# A choice of a model field ("app_label.Model.field:value") rendered with the field's label of that value.
PILIHAN = "pilihan:"


def periode_teks(periode) -> Teks:
    """A Periode (its name and year) or a bare period name."""
    if isinstance(periode, str):
        return Teks(PERIODE + periode)
    return Teks(PERIODE + f"{periode.nama}|{periode.tahun}")


# Sentences shown one after another ("SKP baru ... . SKP sebelumnya ditutup ...").
GABUNG = "gabung:"


def gabung(*bagian: Teks | str) -> Teks:
    return Teks(GABUNG, {str(i): b for i, b in enumerate(bagian)})


# A date rendered as "1 Desember 2026" / "1 December 2026".
TANGGAL = "tanggal:"


def tanggal_teks(d) -> Teks:
    return Teks(TANGGAL + d.isoformat())


def pilihan_teks(model, field: str, value) -> Teks:
    """The label of ``value`` among the choices of ``model.field`` (a status, a predikat)."""
    return Teks(PILIHAN + f"{model._meta.label}.{field}:{value}")


def _render_pilihan(ref: str) -> str:
    from django.apps import apps

    try:
        nama, value = ref.split(":", 1)
        label, field = nama.rsplit(".", 1)
        choices = dict(apps.get_model(label)._meta.get_field(field).flatchoices)
    except (ValueError, LookupError):
        return ref
    return str(choices.get(value, value))


def nama_periode(nama: str) -> str:
    """The name of a period in the active language. Periods are stored with Indonesian names (the official
    forms' "TRIWULAN I ... AKHIR"); standard names are translated, a name HR typed is shown as typed."""
    from django.utils.dates import MONTHS

    from kinerja.format import nama_bulan

    nama = (nama or "").strip()
    kata = nama.split()
    if nama.lower() == "akhir":
        return gettext("Akhir")
    if len(kata) == 2 and kata[0].lower() in ("triwulan", "semester") and kata[1].upper() in ROMAWI:
        label = gettext("Triwulan %(n)s") if kata[0].lower() == "triwulan" else gettext("Semester %(n)s")
        return label % {"n": kata[1].upper()}
    for bulan in MONTHS:
        if nama.lower() == nama_bulan(bulan, lang=settings.LANGUAGE_CODE).lower():
            return nama_bulan(bulan)
    return nama


ROMAWI = ("I", "II", "III", "IV")
