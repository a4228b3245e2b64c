"""Follow-up (tindak lanjut) of the annual predikat, domain.md §5.2, as pure rules. No ORM.

- **Butuh Perbaikan or lower** (BP, Kurang/Misconduct, Sangat Kurang; rank as §3.4) in a year: a
  development plan for the next year (PP 11/2017 Pasal 206: needs come from the performance gap).
- **Sangat Baik two years running**: "dapat diprioritaskan ... talent pool" → talent pool candidate.
- **Baik two years running**: "dapat diprioritaskan untuk pengembangan kompetensi lebih lanjut".

"Two years running" means the same predikat in two consecutive calendar years. The annual predikat
per pegawai per year is read by one selector, ``penilaian.evaluasi.selectors.predikat_tahunan``.
Consumers: the HR follow-up page (``penilaian/rekan/tindak_lanjut.py``) and ``pelatihan`` (automatic
plan, talent marks, reports). ``pelatihan`` depends on ``penilaian``, never the reverse, except the
§5.2 trigger (``pelatihan.services.tindak_lanjut_predikat_tahunan``, called on commit when an annual
evaluation is finalised or its predikat changes after a keberatan).
"""
from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from .predikat import Predikat


class Kategori(models.TextChoices):
    """The follow-up an annual predikat calls for (domain.md §5.2)."""

    PERBAIKAN = "PERBAIKAN", _("Butuh Perbaikan atau lebih rendah")
    TALENT_POOL = "TALENT_POOL", _("Kandidat talent pool")
    PRIORITAS = "PRIORITAS", _("Prioritas pengembangan kompetensi")


# The marks that need two years running (shown next to a name); PERBAIKAN leads to a plan instead.
PENANDA = (Kategori.TALENT_POOL, Kategori.PRIORITAS)
_DUA_TAHUN = {Predikat.SANGAT_BAIK: Kategori.TALENT_POOL, Predikat.BAIK: Kategori.PRIORITAS}


def perlu_perbaikan(predikat: Predikat | str | None) -> bool:
    """True for Butuh Perbaikan, Kurang/Misconduct and Sangat Kurang (rank ≤ BP, domain.md §3.4)."""
    if not predikat:
        return False
    # Compare ranks explicitly: Predikat is a str subclass, so a bare `<=` on codes would compare strings.
    return Predikat(predikat).rank <= Predikat.BUTUH_PERBAIKAN.rank


PREDIKAT_PERBAIKAN = frozenset(p for p in Predikat if perlu_perbaikan(p))  # for database filters
# For database filters too: the predikat a two-years-running mark needs in both years.
PREDIKAT_DUA_TAHUN = {kategori: predikat for predikat, kategori in _DUA_TAHUN.items()}


def kategori_tindak_lanjut(
    predikat_tahun_ini: Predikat | str | None, predikat_tahun_lalu: Predikat | str | None
) -> frozenset[Kategori]:
    """The §5.2 follow-ups of a year, from its annual predikat and the one of the year before."""
    if perlu_perbaikan(predikat_tahun_ini):
        return frozenset({Kategori.PERBAIKAN})
    if not predikat_tahun_ini or not predikat_tahun_lalu:
        return frozenset()
    ini, lalu = Predikat(predikat_tahun_ini), Predikat(predikat_tahun_lalu)
    kategori = _DUA_TAHUN.get(ini) if ini == lalu else None
    return frozenset({kategori}) if kategori else frozenset()


def penanda(predikat_per_tahun: Mapping[int, Predikat | str], *, tahun: int | None = None) -> Kategori | None:
    """The two-years-running mark (one of ``PENANDA``) judged at ``tahun`` (default: the latest year)."""
    if not predikat_per_tahun:
        return None
    tahun = max(predikat_per_tahun) if tahun is None else tahun
    kategori = kategori_tindak_lanjut(predikat_per_tahun.get(tahun), predikat_per_tahun.get(tahun - 1))
    return next((k for k in PENANDA if k in kategori), None)
