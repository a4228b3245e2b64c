"""Pages of the "Masukan rekan" management list (newest period first, then by name) read one period start
at a time, by position (``setelah`` / ``sebelum``), never sorting or counting every open evaluation of the
instansi (issue 18: 426 ms at 50,000 pegawai, a sort of 120,000 rows spilled to disk and a COUNT of them).

Within one start date the rows come in name order, which the planner reads off the pegawai name index
(or, for a period with few open evaluations, off ``penilaian_p_periode_f0e770_idx`` and a small sort);
a page that runs past a start date continues with the next one. The position is
``tanggal_mulai~nama~pk`` of the last (first) row shown; one that does not parse gives the first page.
"""
from datetime import date

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Concat

from kinerja.keyset import PEMISAH, SEBELUM, SETELAH, HalamanKeyset

from ..models import Penilaian, Periode

TERBUKA = [s for s in Penilaian.Status if s not in Penilaian.SELESAI]


def _kunci(p: Penilaian) -> str:
    return PEMISAH.join((p.periode.tanggal_mulai.isoformat(), p.skp.pegawai.nama, str(p.pk)))


def _baca(teks: str) -> tuple[date, str, int] | None:
    if teks.count(PEMISAH) < 2:
        return None
    tanggal, sisa = teks.split(PEMISAH, 1)
    nama, pk = sisa.rsplit(PEMISAH, 1)
    try:
        return date.fromisoformat(tanggal), nama, int(pk)
    except (ValueError, OverflowError):
        return None


def _kelompok() -> list[tuple[date, list[int]]]:
    """Period ids per start date, newest first (a small table: a few periods per instansi and year)."""
    hasil: dict[date, list[int]] = {}
    for mulai, pk in Periode.objects.order_by("-tanggal_mulai", "pk").values_list("tanggal_mulai", "pk"):
        hasil.setdefault(mulai, []).append(pk)
    return list(hasil.items())


def _lewat(nama: str, pk: int, maju: bool) -> Q:
    op = "gt" if maju else "lt"
    return Q(**{f"skp__pegawai__nama__{op}e": nama}) & (
        Q(**{f"skp__pegawai__nama__{op}": nama}) | Q(skp__pegawai__nama=nama, **{f"pk__{op}": pk}))


def halaman_rekan(request, qs: QuerySet[Penilaian], per_page: int, *, lingkup_kecil: bool = False) -> HalamanKeyset:
    """One page of ``qs`` (``penilaian_for_rekan_list``) in its order: -periode start, pegawai name, pk.

    ``lingkup_kecil`` (a penilai's own staff, not HR's instansi): the rows are few, so they are found by the
    penilai and sorted, never by walking the name index of the whole instansi until enough match (at
    250,000 pegawai a pegawai with no staff waited 0.7 s for the walk to find nothing). The order is the
    same: ``nama || ''`` sorts as ``nama`` but no index serves it."""
    params = request.GET.copy()
    for k in (SETELAH, SEBELUM, "page"):
        params.pop(k, None)
    setelah = _baca(request.GET.get(SETELAH, ""))
    sebelum = None if setelah else _baca(request.GET.get(SEBELUM, ""))
    posisi = setelah or sebelum
    maju = sebelum is None
    kelompok = _kelompok()
    nama = Concat("skp__pegawai__nama", Value("")) if lingkup_kecil else F("skp__pegawai__nama")
    if maju:
        urutan = (nama.asc(), "pk")
        kelompok = [(d, ids) for d, ids in kelompok if posisi is None or d <= posisi[0]]
    else:
        urutan = (nama.desc(), "-pk")
        kelompok = [(d, ids) for d, ids in reversed(kelompok) if d >= posisi[0]]
    # As the list's exclude(SELESAI), but a list the index can read; the unit comes by a query of its own:
    # joined, a misestimated page tail (the last names of a period) was planned as units × rows.
    qs = qs.filter(status__in=TERBUKA).select_related(None).select_related(
        "periode", "skp__pegawai", "skp__pejabat_penilai").prefetch_related("skp__pegawai__unit_kerja")
    rows: list[Penilaian] = []
    for d, ids in kelompok:
        bagian = qs.filter(periode_id__in=ids)
        if posisi is not None and d == posisi[0]:
            bagian = bagian.filter(_lewat(posisi[1], posisi[2], maju))
        rows += list(bagian.order_by(*urutan)[:per_page + 1 - len(rows)])
        if len(rows) > per_page:
            break
    ada_lagi = len(rows) > per_page
    rows = rows[:per_page]
    if maju:
        has_next, has_previous = ada_lagi, posisi is not None
    else:
        rows.reverse()
        has_next, has_previous = True, ada_lagi

    def query(k=None, obj=None) -> str:
        q = params.copy()
        if k:
            q[k] = _kunci(obj)
        return q.urlencode()

    return HalamanKeyset(
        object_list=rows, has_next=has_next and bool(rows), has_previous=has_previous and bool(rows),
        next_query=query(SETELAH, rows[-1]) if rows else "", previous_query=query(SEBELUM, rows[0]) if rows else "",
        first_query=query(),
    )
