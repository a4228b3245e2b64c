"""The SIASN validation report as a stored result, computed in the background (README "SIASN").

The live report (``siasn.ekspor.laporan``) reads a whole year of the instansi: seconds at 50,000 pegawai.
The page therefore reads ``LaporanSiasn`` (the figures) and ``LaporanSiasnBaris`` (the rows it lists, a page
at a time), written by ``laporan_siasn_run`` on the ``reports`` queue. A run is started by HR's *Susun
ulang* button, after every export (the rows' export state changed) and every master-data import (SIASN ids,
NIPs), and by the beat task ``segarkan_laporan_siasn_task``: every 30 minutes it recomputes the reports of
this year and last whose evaluations or SKPs were saved since they were computed, and any older than
``UMUR_MAKS`` (changes that bypass ``diubah_pada``, e.g. a pegawai's NIP). The page shows when the figures
were computed. Enqueueing follows the report jobs (``laporan.services.laporan_job_enqueue``): the broker,
a background thread without one, inline in tests. A run with no progress for ``batas_macet()`` is shown as
stalled and the button starts it again.
"""
import logging
from collections import Counter
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.db_router import baca_replika
from notifikasi import latar
from penilaian.models import Penilaian, Skp

from . import ekspor as ek
from .models import LaporanSiasn, LaporanSiasnBaris

logger = logging.getLogger(__name__)
S = LaporanSiasn.Status
K = LaporanSiasnBaris.Kategori
UMUR_MAKS = timedelta(hours=20)  # the nightly recompute even when nothing visible changed
BATCH = 1000  # rows per INSERT (7,000 parameters: within SQLite's limit too)


def ringkasan(lap: ek.Laporan) -> dict:
    """The figures the page shows, from a live report (the same properties the page used to read)."""
    hitung = Counter(a for b in lap.baris for a in b.alasan)
    return {
        "jumlah_baris": len(lap.baris), "siap": len(lap.valid), "terhalang": len(lap.terhalang),
        "ekspor_ulang": len(lap.ekspor_ulang), "belum_diekspor": len(lap.belum_diekspor),
        "per_alasan": {kode: hitung[kode] for kode in ek.ALASAN if hitung[kode]},
    }


def per_alasan(laporan: LaporanSiasn) -> list[tuple[str, str, int]]:
    """[(code, text, count)] in ``ALASAN`` order, as ``ek.Laporan.per_alasan``."""
    n = laporan.per_alasan or {}
    return [(kode, str(teks), n[kode]) for kode, teks in ek.ALASAN.items() if n.get(kode)]


def _kategori(b: ek.Baris) -> str:
    return K.TERHALANG if not b.valid else b.status_ekspor  # ek.BARU / BERUBAH / SAMA are the same codes


KOLOM = ("laporan_id", "urutan", "kategori", "nomor", "nip", "nama", "alasan")


def _simpan_baris(laporan: LaporanSiasn, lap: ek.Laporan) -> None:
    """Insert the rows by multi-row INSERTs of plain tuples: 200,000 model instances for ``bulk_create``
    cost more than the inserts themselves. The table has no defaults, signals or generated fields."""
    nomor = Counter()
    rows = []
    for i, b in enumerate(lap.baris):
        k = _kategori(b)
        rows.append((laporan.pk, i, k, nomor[k], (b.nip or "")[:30], (b.nama or "")[:250], ",".join(b.alasan)[:200]))
        nomor[k] += 1
    tabel, q = connection.ops.quote_name(LaporanSiasnBaris._meta.db_table), connection.ops.quote_name
    kepala = f"INSERT INTO {tabel} ({', '.join(q(k) for k in KOLOM)}) VALUES "
    satu = "(" + ", ".join(["%s"] * len(KOLOM)) + ")"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), BATCH):
            potong = rows[i:i + BATCH]
            cursor.execute(kepala + ", ".join([satu] * len(potong)), [v for r in potong for v in r])


# --- starting ---------------------------------------------------------------------------------------------

def laporan_siasn_start(*, instansi, tahun: int, jenis: str, oleh=None) -> tuple[LaporanSiasn, bool]:
    """Queue a recompute (after commit). Nothing new while one runs, unless it stalled. Returns the row and
    whether a run was queued."""
    now = timezone.now()
    laporan, baru = LaporanSiasn.objects.get_or_create(
        instansi=instansi, tahun=tahun, jenis=jenis,
        defaults={"status": S.MENUNGGU, "diminta_pada": now, "denyut": now, "diminta_oleh": _user(oleh)})
    if not baru:
        if laporan.is_aktif and not laporan.terhenti:
            return laporan, False
        # One caller wins the conditional UPDATE (two clicks, or the beat racing a click).
        if not LaporanSiasn.objects.filter(pk=laporan.pk, status=laporan.status, denyut=laporan.denyut).update(
                status=S.MENUNGGU, denyut=now, diminta_pada=now, diminta_oleh=_user(oleh), pesan_galat=""):
            return laporan, False
        laporan.refresh_from_db()
    if oleh is not None:
        audit_log(aktor=oleh, aksi="siasn.laporan_disusun", objek=laporan,
                  data={"instansi": instansi.pk, "tahun": tahun, "jenis": jenis})
    transaction.on_commit(lambda: laporan_siasn_enqueue(laporan_id=laporan.pk))
    return laporan, True


def _user(oleh):
    return oleh if getattr(oleh, "is_authenticated", False) else None


def laporan_siasn_enqueue(*, laporan_id: int) -> None:
    from kinerja.celery import app

    from .tasks import susun_laporan_siasn_task

    if app.conf.task_always_eager and settings.CETAK_MASSAL_THREAD:
        latar.start(laporan_siasn_run, laporan_id=laporan_id)
    else:
        susun_laporan_siasn_task.delay(laporan_id)


def mulai_ulang_instansi(instansi, *, jenis=None) -> int:
    """After a change that touches every row (an export, an import): recompute the instansi's stored reports
    of this year and last (of ``jenis`` only, when given). Returns how many were queued."""
    qs = LaporanSiasn.objects.filter(instansi=instansi, tahun__gte=timezone.localdate().year - 1)
    if jenis:
        qs = qs.filter(jenis=jenis)
    return sum(laporan_siasn_start(instansi=instansi, tahun=t, jenis=j)[1]
               for t, j in qs.values_list("tahun", "jenis"))


# --- running ----------------------------------------------------------------------------------------------

def laporan_siasn_run(*, laporan_id: int) -> LaporanSiasn:
    """Compute the report and replace the stored figures and rows in one transaction (the page sees the old
    result or the new one, never a mix). Claimed MENUNGGU → BERJALAN by one runner."""
    mulai = timezone.now()
    if not LaporanSiasn.objects.filter(pk=laporan_id, status=S.MENUNGGU).update(status=S.BERJALAN, denyut=mulai):
        return LaporanSiasn.objects.get(pk=laporan_id)
    laporan = LaporanSiasn.objects.select_related("instansi").get(pk=laporan_id)
    try:
        with baca_replika():  # the whole year of the instansi: on the read replica when there is one
            lap = ek.laporan(laporan.instansi, laporan.tahun, laporan.jenis)
        LaporanSiasn.objects.filter(pk=laporan.pk).update(denyut=timezone.now())
        with transaction.atomic():
            LaporanSiasnBaris.objects.filter(laporan=laporan).delete()
            _simpan_baris(laporan, lap)
            LaporanSiasn.objects.filter(pk=laporan.pk).update(
                status=S.SELESAI, dihitung_pada=mulai, denyut=timezone.now(), pesan_galat="", **ringkasan(lap))
    except Exception as exc:  # noqa: BLE001 - the page must show the failure instead of waiting forever
        logger.exception("Laporan SIASN %s gagal", laporan_id)
        pesan = _("Waktu menyusun laporan habis; coba lagi nanti.") if isinstance(exc, SoftTimeLimitExceeded) \
            else str(exc)
        LaporanSiasn.objects.filter(pk=laporan.pk).update(status=S.GAGAL, pesan_galat=pesan[:2000])
    laporan.refresh_from_db()
    return laporan


# --- periodic refresh -------------------------------------------------------------------------------------

def _berubah(laporan: LaporanSiasn) -> bool:
    """An evaluation or SKP of the instansi's year saved since the report was computed (two EXISTS)."""
    t = laporan.dihitung_pada
    return (Penilaian.objects.filter(periode__instansi_id=laporan.instansi_id, periode__tahun=laporan.tahun,
                                     diubah_pada__gt=t).exists()
            or Skp.objects.filter(Q(unit_kerja__instansi_id=laporan.instansi_id)
                                  | Q(pegawai__unit_kerja__instansi_id=laporan.instansi_id),
                                  tahun=laporan.tahun, diubah_pada__gt=t).exists())


def laporan_siasn_segarkan(now=None) -> int:
    """The beat task: recompute the stored reports of this year and last that changed or are older than
    ``UMUR_MAKS``. Returns how many were queued."""
    now = now or timezone.now()
    n = 0
    qs = (LaporanSiasn.objects.filter(tahun__gte=timezone.localdate().year - 1, dihitung_pada__isnull=False)
          .exclude(status__in=LaporanSiasn.AKTIF).select_related("instansi").order_by("pk"))
    for laporan in qs:
        if laporan.dihitung_pada < now - UMUR_MAKS or _berubah(laporan):
            n += laporan_siasn_start(instansi=laporan.instansi, tahun=laporan.tahun, jenis=laporan.jenis)[1]
    return n
