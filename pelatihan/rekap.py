"""The stored JP per pegawai and year (``RekapJp``): written here only, read by the JP report.

Kept current in the same transaction by every service that changes what counts (verify, reject, delete a
record; record or cancel a perjanjian kerja), and rebuilt in bulk after paths that write rows directly
(``seed_demo``, imports, the bench seed): ``rekap_jp_rebuild()`` or ``manage.py rekap_jp``. The numbers
come from ``jp_kontrak.annotate_jp_rekap``, the same SQL as the live ``annotate_jp``, so the rule is
stated once. A record counts for its calendar year and, for a contract year straddling two calendar
years, for the years either side; so a change recomputes every year of that pegawai (a few rows).
"""
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from kontrak.models import PerjanjianKerja
from kontrak.rules import tanggal_acuan
from pegawai.models import Pegawai

from .jp_kontrak import annotate_jp_rekap
from .models import RekapJp, RiwayatPengembangan

DIVERIFIKASI = RiwayatPengembangan.Status.DIVERIFIKASI
BATCH = 2000


def _tahun_calon(pegawai_ids, hari_ini: date) -> set[int]:
    """Years whose row may be non-zero: each year holding a verified record, and the years either side
    (a contract year reaches into the next or previous calendar year); never after this year."""
    tahun = (RiwayatPengembangan.objects.filter(pegawai_id__in=pegawai_ids, status=DIVERIFIKASI)
             .dates("tanggal_selesai", "year"))
    return {t for d in tahun for t in (d.year - 1, d.year, d.year + 1) if t <= hari_ini.year}


def _baris(pegawai_ids, tahun: int, hari_ini: date) -> list[RekapJp]:
    pada = tanggal_acuan(tahun, hari_ini)
    verified = RiwayatPengembangan.objects.filter(
        pegawai=OuterRef("pk"), status=DIVERIFIKASI,
        tanggal_selesai__range=(date(tahun - 1, 1, 1), date(tahun + 1, 12, 31)))
    qs = annotate_jp_rekap(Pegawai.objects.filter(pk__in=pegawai_ids).filter(Exists(verified)), tahun, pada=pada)
    rows = qs.order_by().values_list("pk", "jp_kalender", "n_kegiatan", "jp_kontrak")
    return [RekapJp(pegawai_id=pk, tahun=tahun, jp_kalender=jp, n_kegiatan=n, jp_kontrak=kontrak, pada=pada)
            for pk, jp, n, kontrak in rows if jp or n or kontrak]


def rekap_jp_hitung(*, pegawai_ids: Iterable[int], hari_ini: date | None = None) -> int:
    """Recompute every ``RekapJp`` row of these pegawai; returns the number of rows written. Call it
    inside the transaction that changed their records or contracts."""
    ids = sorted(set(pegawai_ids))
    if not ids:
        return 0
    hari_ini = hari_ini or timezone.localdate()
    with transaction.atomic():
        # Serialise with another change of the same pegawai: the later one recomputes after the earlier
        # commit, so neither overwrites the other's record with a stale total (PostgreSQL; SQLite locks all).
        list(Pegawai.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        baris = [r for t in sorted(_tahun_calon(ids, hari_ini)) for r in _baris(ids, t, hari_ini)]
        RekapJp.objects.filter(pegawai_id__in=ids).delete()
        RekapJp.objects.bulk_create(baris, batch_size=1000)
    return len(baris)


def rekap_jp_rebuild(*, instansi_id: int | None = None, hari_ini: date | None = None, log=None) -> int:
    """Rebuild the rows of every pegawai (of one instansi when given), in batches; returns rows written.
    For bulk paths that bypass the services (seed, imports, bench): call once at the end."""
    qs = Pegawai.objects.order_by("pk")
    if instansi_id is not None:
        qs = qs.filter(unit_kerja__instansi_id=instansi_id)
    ids = list(qs.values_list("pk", flat=True))
    n = 0
    for i in range(0, len(ids), BATCH):
        n += rekap_jp_hitung(pegawai_ids=ids[i:i + BATCH], hari_ini=hari_ini)
        if log:
            log(f"Rekap JP: {min(i + BATCH, len(ids))}/{len(ids)} pegawai, {n} baris.")
    if instansi_id is None:
        RekapJp.objects.exclude(pegawai__in=Pegawai.objects.all()).delete()
    return n


def rekap_jp_refresh(*, hari_ini: date | None = None) -> int:
    """Daily: for the current year the contract year is judged at today, so a row computed on an earlier
    day is stale once the contract year it counted ends or a contract starts. Recompute the rows (this year
    and last) of pegawai with a contract around them whose ``pada`` is no longer the day they are judged at;
    returns the number of pegawai recomputed."""
    hari_ini = hari_ini or timezone.localdate()
    ids: set[int] = set()
    for tahun in (hari_ini.year - 1, hari_ini.year):
        kontrak = PerjanjianKerja.objects.berlaku().filter(
            pegawai=OuterRef("pegawai_id"), tanggal_selesai__gte=date(tahun - 1, 1, 1))
        ids |= set(RekapJp.objects.filter(tahun=tahun).exclude(pada=tanggal_acuan(tahun, hari_ini))
                   .filter(Exists(kontrak)).values_list("pegawai_id", flat=True))
    ids = sorted(ids)
    for i in range(0, len(ids), BATCH):
        rekap_jp_hitung(pegawai_ids=ids[i:i + BATCH], hari_ini=hari_ini)
    return len(ids)
