"""Reference rows in two languages: the Indonesian text is the official one, ``<field>_en`` its English.

Pages show the reader's language and fall back to Indonesian when the English text is empty. PDFs render
inside ``translation.override("id")`` and exports read the plain field, so both stay Indonesian. A phrase
picked from a list is stored as its Indonesian text; ``frasa_dalam_bahasa`` shows it in the reader's language.
"""
from django.utils.translation import get_language


def bahasa_inggris() -> bool:
    return (get_language() or "").startswith("en")


def pilih(teks: str, teks_en: str) -> str:
    """``teks_en`` for an English reader when it is filled, else the Indonesian ``teks``."""
    return teks_en if teks_en and bahasa_inggris() else teks


class DuaBahasa:
    """Model mixin: ``obj.dalam_bahasa("nama")`` reads ``nama`` or ``nama_en`` for the reader."""

    def dalam_bahasa(self, field: str) -> str:
        return pilih(getattr(self, field), getattr(self, f"{field}_en", ""))


def kamus_frasa() -> dict[str, str]:
    """Indonesian phrase → English, for every picklist phrase with an English text (one query)."""
    from penilaian.models import FrasaEkspektasi, FrasaUmpanBalik

    kamus = {}
    for model in (FrasaEkspektasi, FrasaUmpanBalik):
        kamus.update(model.objects.exclude(teks_en="").values_list("teks", "teks_en"))
    return kamus


def frasa_dalam_bahasa(teks: str, kamus: dict[str, str] | None = None) -> str:
    """A stored phrase in the reader's language: a text that is exactly a picklist phrase reads in English for
    an English reader; anything a user wrote stays as written."""
    if not teks or not bahasa_inggris():
        return teks
    return (kamus if kamus is not None else kamus_frasa()).get(teks, teks)
