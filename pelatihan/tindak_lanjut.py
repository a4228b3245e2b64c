"""Consequences of the annual predikat for development (domain.md §5.2), as pure rules.

- Sangat Baik two years in a row: "dapat diprioritaskan ... talent pool" → talent pool candidate.
- Baik two years in a row: "dapat diprioritaskan untuk pengembangan kompetensi lebih lanjut".
- Butuh Perbaikan or lower: a development plan for the next year (PP 11/2017 Pasal 206: needs come
  from the performance gap).
"Two years in a row" means the same predikat in consecutive calendar years; the most recent year
with a predikat is the one that counts.
"""
from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from penilaian.predikat import Predikat


class Penanda(models.TextChoices):
    TALENT_POOL = "TALENT_POOL", _("Kandidat talent pool")
    PRIORITAS = "PRIORITAS", _("Prioritas pengembangan kompetensi")


def perlu_rencana(predikat: Predikat | str | None) -> bool:
    """True for Butuh Perbaikan, Kurang/Misconduct and Sangat Kurang (rank ≤ BP, domain.md §3.4)."""
    if not predikat:
        return False
    # Compare ranks explicitly: Predikat is a str subclass, so `<=` would compare the strings.
    return Predikat(predikat).rank <= Predikat.BUTUH_PERBAIKAN.rank


def penanda(predikat_per_tahun: Mapping[int, Predikat | str], *, tahun: int | None = None) -> Penanda | None:
    """The §5.2 mark from annual predikat per year, judged at ``tahun`` (default: the latest year)."""
    if not predikat_per_tahun:
        return None
    tahun = max(predikat_per_tahun) if tahun is None else tahun
    kini, lalu = predikat_per_tahun.get(tahun), predikat_per_tahun.get(tahun - 1)
    if not kini or not lalu or Predikat(kini) != Predikat(lalu):
        return None
    if Predikat(kini) == Predikat.SANGAT_BAIK:
        return Penanda.TALENT_POOL
    if Predikat(kini) == Predikat.BAIK:
        return Penanda.PRIORITAS
    return None
