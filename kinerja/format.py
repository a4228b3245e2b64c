"""Dates and months in words, in the active language: "1 Desember 2026", "Desember 2026".

The one place for month names. Django's own month names are used (``django.utils.dates.MONTHS``), so
Indonesian gives "Desember" and English "December"; PDFs render inside ``translation.override`` and
get the document's language. Numbers inside ``<input value>`` never go through here (style.md §13).
"""
from datetime import date, datetime

from django.utils import dateformat, timezone, translation
from django.utils.dates import MONTHS


def _hari(d: date | datetime) -> date:
    if isinstance(d, datetime):
        return timezone.localdate(d) if timezone.is_aware(d) else d.date()
    return d


def nama_bulan(bulan: int, *, lang: str | None = None) -> str:
    """'Desember' for 12; ``lang`` for names stored as data (period names stay Indonesian)."""
    if lang:
        with translation.override(lang):
            return str(MONTHS[bulan])
    return str(MONTHS[bulan])


def tanggal(d: date | datetime | None) -> str:
    """'1 Desember 2026'; '' for no date. An aware datetime is read in the local time zone."""
    return dateformat.format(_hari(d), "j F Y") if d else ""


def hari_bulan(d: date | datetime | None) -> str:
    """'1 Desember' (the SKP header prints the year once, after both dates)."""
    return dateformat.format(_hari(d), "j F") if d else ""


def bulan(d: date | datetime | None) -> str:
    """'Desember 2026'."""
    return dateformat.format(_hari(d), "F Y") if d else ""


def rentang(mulai: date | None, selesai: date | None) -> str:
    """'1 Januari 2026 – 31 Desember 2026': the period printed on the evaluation documents."""
    return f"{tanggal(mulai)} – {tanggal(selesai)}"
