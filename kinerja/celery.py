"""Celery application, wired as in Celery's "First steps with Django" guide.

Queues (README "Skala"): e-mail, PDFs and reports each have their own queue and worker, so a bulk print
of 1,000 documents or a year's report never delays a password e-mail, and the sweepers and daily planners
on ``default`` never wait behind a backlog. A worker started without ``-Q`` consumes all four
(development, ``make bench``). Every task has a time limit: the defaults below, longer ones on the PDF and
report tasks themselves (``notifikasi.tasks.BATAS_PDF``, ``laporan.tasks``). Limits are enforced by the
prefork pool (the default), not by ``--pool solo``.
"""
import os

from celery import Celery
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")

ANTRIAN = ("default", "email", "pdf", "reports")
# Every project task by its registered name; tests/test_celery_routes.py checks none is missing.
RUTE = {
    "email": [
        "notifikasi.tasks.kirim_email_notifikasi_task",
        "notifikasi.tasks.kirim_pengingat_task",
    ],
    "pdf": [
        "notifikasi.tasks.render_dokumen_task",
        "notifikasi.tasks.cetak_massal_task",
        "notifikasi.tasks.cetak_item_task",
        "notifikasi.tasks.zip_cetak_task",
    ],
    "reports": [
        "laporan.tasks.build_laporan_task",
        "penilaian.tasks.rebuild_ringkasan_task",
        "pelatihan.tasks.rekap_jp_rebuild_task",
        "siasn.tasks.susun_laporan_siasn_task",
    ],
    "default": [
        "notifikasi.tasks.pengingat_harian_task",
        "notifikasi.tasks.rencanakan_pengingat_task",
        "notifikasi.tasks.kembalikan_pengingat_macet_task",
        "notifikasi.tasks.sapu_cetak_macet_task",
        "penilaian.tasks.rilis_masukan_rekan_task",
        "penilaian.tasks.rilis_masukan_rekan_jatuh_tempo_task",
        "penilaian.tasks.terima_lewat_waktu_task",
        "penilaian.tasks.keberatan_harian_task",
        "penilaian.tasks.segarkan_ringkasan_task",
        "pelatihan.tasks.rekap_jp_refresh_task",
        "siasn.tasks.segarkan_laporan_siasn_task",
    ],
}

app = Celery("kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_default_queue="default",
    task_queues=[Queue(q, routing_key=q) for q in ANTRIAN],
    task_routes={name: {"queue": q} for q, names in RUTE.items() for name in names},
    # Defaults for tasks that set none: e-mail, planning, sweeps (seconds; soft first, then the hard kill).
    task_soft_time_limit=120,
    task_time_limit=150,
)
app.autodiscover_tasks()
