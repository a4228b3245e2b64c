"""Reads for the pohon kinerja (domain.md §1.4), one level at a time.

The tree of an instansi holds every RHK of the year; loading it whole took 17–22 s and 2 GB at 50,000
pegawai. The page therefore reads only the unit head's RHK, each node carrying the number of RHK that
intervene it (counted in SQL), and a node's children come one page at a time when it is opened.
"""
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from pegawai.models import UnitKerja
from pegawai.selectors import descendant_ids

from ..models import IndikatorKinerja, RencanaHasilKerja
from .selectors import JENIS_URUT

ANAK_PER_HALAMAN = 50
LEPAS_PER_HALAMAN = 50


def _nodes(qs: QuerySet[RencanaHasilKerja]) -> QuerySet[RencanaHasilKerja]:
    return qs.select_related("skp__pegawai__jabatan").prefetch_related(
        Prefetch("iki", queryset=IndikatorKinerja.objects.order_by("urutan", "pk"))
    )


def with_n_anak(rows: list[RencanaHasilKerja], tahun: int, scope: Q) -> list[RencanaHasilKerja]:
    """Set ``n_anak`` on each row: how many RHK of ``tahun`` in ``scope`` intervene it. One grouped query
    for the page's rows (a correlated count per row was planned as a scan of the year per row)."""
    counts = dict(
        RencanaHasilKerja.objects.filter(scope, induk_id__in=[r.pk for r in rows], skp__tahun=tahun)
        .order_by().values_list("induk_id").annotate(n=Count("pk")).values_list("induk_id", "n")
    ) if rows else {}
    for r in rows:
        r.n_anak = counts.get(r.pk, 0)
    return rows


def pohon_akar(unit: UnitKerja, tahun: int, scope: Q) -> list[RencanaHasilKerja]:
    """The top level: the unit head's RHK of ``tahun`` (three queries, whatever the size of the unit)."""
    if unit.kepala_id is None:
        return []
    qs = RencanaHasilKerja.objects.filter(skp__pegawai_id=unit.kepala_id, skp__tahun=tahun)
    return with_n_anak(list(_nodes(qs).order_by("skp__tanggal_mulai", JENIS_URUT, "urutan", "pk")), tahun, scope)


def pohon_anak(rhk: RencanaHasilKerja, scope: Q) -> QuerySet[RencanaHasilKerja]:
    """The RHK of the same year in ``scope`` that intervene ``rhk``; the view pages it, then counts the
    page's own children with :func:`with_n_anak`."""
    qs = RencanaHasilKerja.objects.filter(scope, induk=rhk, skp__tahun=rhk.skp.tahun)
    return _nodes(qs).order_by("skp__pegawai__nama", JENIS_URUT, "urutan", "pk")


def pohon_lepas(unit: UnitKerja, tahun: int) -> QuerySet[RencanaHasilKerja]:
    """RHK of ``tahun`` in the unit and below that intervene no RHK of the tree (none, or one elsewhere)."""
    ids = descendant_ids(unit)
    pemilik = Q(skp__pegawai__unit_kerja_id__in=ids)
    if unit.kepala_id:
        pemilik |= Q(skp__pegawai_id=unit.kepala_id)
    di_pohon = RencanaHasilKerja.objects.filter(pemilik, pk=OuterRef("induk_id"), skp__tahun=tahun)
    qs = RencanaHasilKerja.objects.filter(skp__tahun=tahun, skp__pegawai__unit_kerja_id__in=ids)
    if unit.kepala_id:
        qs = qs.exclude(skp__pegawai_id=unit.kepala_id)
    return (
        qs.filter(~Exists(di_pohon))
        .select_related("skp__pegawai")
        .order_by("skp__pegawai__nama", JENIS_URUT, "urutan", "pk")
    )
