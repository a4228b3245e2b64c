"""PDF timings of ``manage.py bench``: one Dokumen Evaluasi in-process, then HR's bulk print of a unit
(about ``jumlah`` final evaluations of the last closed quarter) through a real Celery worker with 2
processes, from the start of the job to its ZIP. Without ``REDIS_URL`` the bulk print is skipped.
"""
import os
import statistics
import subprocess
import sys
import time

from django.conf import settings
from django.db.models import Count

from notifikasi.cetak_massal import cetak_massal_start
from notifikasi.dokumen import Jenis
from notifikasi.models import CetakMassal, CetakMassalItem
from pegawai.models import Instansi, UnitKerja, User
from penilaian.models import Penilaian, Periode
from penilaian.pdf import render_dokumen_evaluasi

from .halaman import HR_USER


def _periode(instansi: Instansi, today) -> Periode | None:
    return (Periode.objects.filter(instansi=instansi, jenis=Periode.Jenis.TRIWULANAN, tanggal_selesai__lt=today)
            .order_by("-tanggal_selesai").first())


def satu(instansi: Instansi, *, n: int = 5) -> dict:
    """Median of ``n`` renders of one Dokumen Evaluasi after a warm-up (fonts, Pango, templates)."""
    from django.utils import timezone

    p = (Penilaian.objects.filter(skp__pegawai__unit_kerja__instansi=instansi, status__in=Penilaian.SELESAI,
                                  periode=_periode(instansi, timezone.localdate())).order_by("pk").first())
    if p is None:
        return {"lewati": "belum ada penilaian final"}
    render_dokumen_evaluasi(p)
    times = []
    for _ in range(n):
        started = time.perf_counter()
        render_dokumen_evaluasi(Penilaian.objects.get(pk=p.pk))
        times.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(times), 1)}


def _unit(instansi: Instansi, periode: Periode, jumlah: int) -> tuple[UnitKerja, int]:
    """The unit (with its sub-units) whose number of final evaluations is closest to ``jumlah``."""
    units = {u.pk: u for u in UnitKerja.objects.filter(instansi=instansi)}
    n = {pk: 0 for pk in units}
    for unit_id, c in (Penilaian.objects.filter(periode=periode, status__in=Penilaian.SELESAI)
                       .values_list("skp__pegawai__unit_kerja").annotate(c=Count("pk"))):
        u = units.get(unit_id)
        while u is not None:
            n[u.pk] += c
            u = units.get(u.parent_id)
    pk = min(n, key=lambda k: (abs(n[k] - jumlah), k))
    return units[pk], n[pk]


def massal(instansi: Instansi, *, jumlah: int, timeout: int = 900, log=print) -> dict:
    if not settings.REDIS_URL or settings.CELERY_TASK_ALWAYS_EAGER:
        return {"lewati": "REDIS_URL kosong: tanpa broker tidak ada worker Celery"}
    from django.utils import timezone

    periode = _periode(instansi, timezone.localdate())
    if periode is None:
        return {"lewati": "belum ada triwulan yang selesai"}
    unit, n = _unit(instansi, periode, jumlah)
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "kinerja", "worker", "-l", "WARNING",
                               "--concurrency", "2", "-n", f"bench-{os.getpid()}@%h"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from kinerja.celery import app

        for _ in range(60):
            if app.control.ping(timeout=1):
                break
        log(f"Cetak massal: {unit.nama}, {n:,} Dokumen Evaluasi {periode}, worker Celery 2 proses.")
        started = time.monotonic()
        job = cetak_massal_start(oleh=User.objects.get(username=HR_USER), unit=unit,
                                 jenis=Jenis.DOKUMEN_EVALUASI, periode=periode)
        selesai = {CetakMassal.Status.SELESAI, CetakMassal.Status.GAGAL, CetakMassal.Status.TERHENTI}
        while time.monotonic() - started < timeout:
            job.refresh_from_db()
            if job.status in selesai:
                break
            time.sleep(1)
        detik = time.monotonic() - started
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    siap = CetakMassalItem.objects.filter(job=job, dokumen__isnull=False).count()
    return {"dokumen": siap, "detik": round(detik, 1), "status": job.status}
