"""Predikat kinerja pegawai from the two ratings: the official 3×3 matrix (domain.md §3.4).

Rows are rating hasil kerja, columns rating perilaku kerja. The matrix is asymmetric on purpose:
bad behaviour with good results is Kurang/Misconduct, bad results with good behaviour is Butuh
Perbaikan. Do not simplify it to max()/min() of the two ratings (a known bug elsewhere, §3.4).
"""
from enum import Enum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.TextChoices):
    DI_ATAS = "DI_ATAS", _("Di Atas Ekspektasi")
    SESUAI = "SESUAI", _("Sesuai Ekspektasi")
    DI_BAWAH = "DI_BAWAH", _("Di Bawah Ekspektasi")


class Predikat(models.TextChoices):
    """Ordered so that comparisons follow SB > B > BP > K/M > SK (domain.md §3.4, §5.1)."""

    SANGAT_BAIK = "SANGAT_BAIK", _("Sangat Baik")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang/Misconduct")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def __lt__(self, other):
        if isinstance(other, Predikat):
            return self.rank < other.rank
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Predikat):
            return self.rank > other.rank
        return NotImplemented

    # Explicit: ``total_ordering`` does not replace ``str.__le__``/``__ge__`` (they already exist on
    # str), so without these ``BAIK <= BUTUH_PERBAIKAN`` compared the code strings alphabetically.
    def __le__(self, other):
        if isinstance(other, Predikat):
            return self.rank <= other.rank
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Predikat):
            return self.rank >= other.rank
        return NotImplemented

    __hash__ = Enum.__hash__


_RANK = {"SANGAT_KURANG": 1, "KURANG": 2, "BUTUH_PERBAIKAN": 3, "BAIK": 4, "SANGAT_BAIK": 5}

# MATRIKS[rating_hasil][rating_perilaku] — verbatim the table of domain.md §3.4.
MATRIKS: dict[Rating, dict[Rating, Predikat]] = {
    Rating.DI_ATAS: {
        Rating.DI_BAWAH: Predikat.KURANG,
        Rating.SESUAI: Predikat.BAIK,
        Rating.DI_ATAS: Predikat.SANGAT_BAIK,
    },
    Rating.SESUAI: {Rating.DI_BAWAH: Predikat.KURANG, Rating.SESUAI: Predikat.BAIK, Rating.DI_ATAS: Predikat.BAIK},
    Rating.DI_BAWAH: {
        Rating.DI_BAWAH: Predikat.SANGAT_KURANG,
        Rating.SESUAI: Predikat.BUTUH_PERBAIKAN,
        Rating.DI_ATAS: Predikat.BUTUH_PERBAIKAN,
    },
}


def hitung_predikat(rating_hasil: Rating | str, rating_perilaku: Rating | str) -> Predikat:
    """Derive the predikat; it is never typed in by a person (domain.md §3.4)."""
    return MATRIKS[Rating(rating_hasil)][Rating(rating_perilaku)]
