"""HR follow-up of annual predikat per unit and year (domain.md §5.2). Reads only, selected in SQL.

The rule is ``penilaian/tindak_lanjut.py`` (pure; ``PREDIKAT_PERBAIKAN`` and ``PREDIKAT_DUA_TAHUN`` are its
database form); which of several SKPs of a year decides is ``penilaian_penentu_qs`` (the same order as
``predikat_tahunan``). A pegawai is in a unit's lists when the SKP that decides their predikat of the year
belonged to the unit or a sub-unit; their predikat of the year before counts wherever they were then.
The counts are one grouped query and each list a queryset the page paginates, so nothing of the size of
the instansi goes through Python (issue 18: no dict of the instansi, no IN list of its ids).
"""
from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery

from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids

from ..evaluasi.selectors import penilaian_penentu_qs
from ..models import Penilaian
from ..predikat import Predikat
from ..tindak_lanjut import PREDIKAT_DUA_TAHUN, PREDIKAT_PERBAIKAN, Kategori, kategori_tindak_lanjut


@dataclass
class TindakLanjut:
    tahun: int
    distribusi: dict[Predikat, int]
    jumlah: dict[Kategori, int]


def penentu_dengan_lalu(tahun: int, *, unit: UnitKerja | None = None, pegawai_ids=None) -> QuerySet[Penilaian]:
    """The deciding annual evaluation of ``tahun`` per pegawai (of the unit's tree, by the SKP's unit; or of
    ``pegawai_ids``, ids or a ``values("pk")`` queryset), with ``predikat_lalu``: the deciding predikat of
    the year before, or None."""
    lalu = penilaian_penentu_qs().filter(periode__tahun=tahun - 1, skp__pegawai_id=OuterRef("skp__pegawai_id"))
    qs = penilaian_penentu_qs().filter(periode__tahun=tahun)
    if unit is not None:
        qs = qs.filter(skp__unit_kerja_id__in=descendant_ids(unit))  # units, not pegawai: small
    if pegawai_ids is not None:
        qs = qs.filter(skp__pegawai_id__in=pegawai_ids)
    return qs.annotate(predikat_lalu=Subquery(lalu.order_by().values("predikat")[:1]))


def dengan_kategori(qs: QuerySet[Penilaian], kategori: Kategori) -> QuerySet[Penilaian]:
    """The rows of ``penentu_dengan_lalu`` that call for ``kategori`` (``kategori_tindak_lanjut`` in SQL)."""
    if kategori == Kategori.PERBAIKAN:
        return qs.filter(predikat__in=PREDIKAT_PERBAIKAN)
    predikat = PREDIKAT_DUA_TAHUN[kategori]
    return qs.filter(predikat=predikat, predikat_lalu=predikat)


def tindak_lanjut(unit: UnitKerja, tahun: int) -> TindakLanjut:
    """Distribution of the year's predikat and the size of each list; one query (at most 7 × 8 groups)."""
    rows = (penentu_dengan_lalu(tahun, unit=unit).order_by().values_list("predikat", "predikat_lalu")
            .annotate(n=Count("pk")))
    distribusi = {p: 0 for p in Predikat}
    jumlah = {k: 0 for k in Kategori}
    for predikat, lalu, n in rows:
        distribusi[Predikat(predikat)] += n
        for kategori in kategori_tindak_lanjut(predikat, lalu):
            jumlah[kategori] += n
    return TindakLanjut(tahun=tahun, distribusi=distribusi, jumlah=jumlah)


def pegawai_list(unit: UnitKerja, tahun: int, kategori: Kategori) -> QuerySet[Pegawai]:
    """The pegawai of one list, by name; a subquery, so the page counts and paginates it in SQL."""
    ids = dengan_kategori(penentu_dengan_lalu(tahun, unit=unit), kategori).order_by().values("skp__pegawai_id")
    return (Pegawai.objects.filter(pk__in=ids).select_related("unit_kerja", "jabatan", "golongan")
            .order_by("nama", "nip"))
