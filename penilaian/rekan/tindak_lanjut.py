"""HR follow-up of annual predikat per unit and year (domain.md §5.2). Reads only, selected in SQL.

The rule is ``penilaian/tindak_lanjut.py`` (pure; ``PREDIKAT_PERBAIKAN`` and ``PREDIKAT_DUA_TAHUN`` are its
database form); which of several SKPs of a year decides is ``evaluasi.penentu.penentu_tahun`` (the order
of ``predikat_tahunan``, as an anti-join). A pegawai is in a unit's lists when the SKP that decides their
predikat of the year belonged to the unit or a sub-unit; their predikat of the year before counts
wherever they were then. The counts are one grouped query and each list a queryset the page paginates,
so nothing of the size of the instansi goes through Python (issue 18: no dict of it, no IN list of its ids).
"""
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids

from ..evaluasi.penentu import penentu_tahun
from ..models import Penilaian
from ..predikat import Predikat
from ..tindak_lanjut import PREDIKAT_DUA_TAHUN, PREDIKAT_PERBAIKAN, Kategori


@dataclass
class TindakLanjut:
    tahun: int
    distribusi: dict[Predikat, int]
    jumlah: dict[Kategori, int]


def penentu(tahun: int, *, unit: UnitKerja | None = None, pegawai_ids=None) -> QuerySet[Penilaian]:
    """The deciding annual evaluation of ``tahun`` per pegawai: of the unit's tree (by the SKP's unit), or
    of ``pegawai_ids`` (ids or a ``values("pk")`` queryset)."""
    qs = penentu_tahun(tahun)
    if unit is not None:
        qs = qs.filter(skp__unit_kerja_id__in=descendant_ids(unit))  # units, not pegawai: small
    if pegawai_ids is not None:
        qs = qs.filter(skp__pegawai_id__in=pegawai_ids)
    return qs


def _lalu(tahun: int, predikat: Predikat) -> QuerySet[Penilaian]:
    """Pegawai whose deciding predikat of ``tahun - 1`` is ``predikat``: an uncorrelated subquery, which
    PostgreSQL hashes once rather than probing per row."""
    return penentu_tahun(tahun - 1).filter(predikat=predikat).order_by().values("skp__pegawai_id")


def _q_kategori(tahun: int, kategori: Kategori) -> Q:
    """``kategori_tindak_lanjut`` as a filter on the deciding rows of ``tahun``."""
    if kategori == Kategori.PERBAIKAN:
        return Q(predikat__in=PREDIKAT_PERBAIKAN)
    predikat = PREDIKAT_DUA_TAHUN[kategori]
    return Q(predikat=predikat, skp__pegawai_id__in=_lalu(tahun, predikat))


def dengan_kategori(qs: QuerySet[Penilaian], tahun: int, kategori: Kategori) -> QuerySet[Penilaian]:
    """The rows of ``penentu(tahun, …)`` that call for ``kategori``."""
    return qs.filter(_q_kategori(tahun, kategori))


def tindak_lanjut(unit: UnitKerja, tahun: int) -> TindakLanjut:
    """Distribution of the year's predikat and the size of each list: one grouped query whatever the size
    of the unit."""
    dua = {k: Count("pk", filter=_q_kategori(tahun, k)) for k in PREDIKAT_DUA_TAHUN}
    rows = penentu(tahun, unit=unit).order_by().values("predikat").annotate(n=Count("pk"), **dua)
    distribusi = {p: 0 for p in Predikat}
    jumlah = {k: 0 for k in Kategori}
    for row in rows:
        distribusi[Predikat(row["predikat"])] += row["n"]
        if row["predikat"] in PREDIKAT_PERBAIKAN:
            jumlah[Kategori.PERBAIKAN] += row["n"]
        for k in PREDIKAT_DUA_TAHUN:
            jumlah[k] += row[k]
    return TindakLanjut(tahun=tahun, distribusi=distribusi, jumlah=jumlah)


def pegawai_list(unit: UnitKerja, tahun: int, kategori: Kategori) -> QuerySet[Pegawai]:
    """The pegawai of one list, by name; a subquery, so the page counts and paginates it in SQL."""
    ids = dengan_kategori(penentu(tahun, unit=unit), tahun, kategori).order_by().values("skp__pegawai_id")
    return (Pegawai.objects.filter(pk__in=ids).select_related("unit_kerja", "jabatan", "golongan")
            .order_by("nama", "nip"))
