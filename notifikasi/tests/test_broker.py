"""Integration with the real Redis broker and a real worker (issue #7): skipped without REDIS_URL."""
import time
from datetime import timedelta

import pytest
from django.conf import settings

from notifikasi.cetak_massal import cetak_massal_start
from notifikasi.models import CetakMassal, CetakMassalItem, Notifikasi, Pengingat
from notifikasi.tasks import plan_pengingat_task, send_pengingat_task

from .helpers import BATAS, penilaian_final, periode, skp_lengkap

JOB, ITEM = CetakMassal.Status, CetakMassalItem.Status
pytestmark = [
    pytest.mark.broker,
    # decided before any database set-up, so a skipped test never flushes the reference data
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs a live Redis broker: set REDIS_URL"),
    pytest.mark.django_db(transaction=True),
]


def _tunggu(cek, detik=90):
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        if cek():
            return True
        time.sleep(0.3)
    return False


def test_bulk_print_runs_on_the_worker(celery_worker_session, golongan_ada, org):
    per = periode(org)
    for p in (org.pegawai, org.rekan):
        penilaian_final(skp_lengkap(p), per)
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per)  # queued on commit
    assert _tunggu(lambda: CetakMassal.objects.get(pk=job.pk).status == JOB.SELESAI), CetakMassal.objects.get(
        pk=job.pk
    ).status
    job.refresh_from_db()
    assert (
        job.items.filter(status=ITEM.OK).count() == 2 and job.items.filter(status=ITEM.GAGAL).count() == 1
    )  # atasan: no evaluation


def test_reminders_run_on_the_worker_and_a_redelivered_task_sends_nothing_twice(
    celery_worker_session, golongan_ada, org
):
    periode(org)
    today = (BATAS - timedelta(days=3)).isoformat()
    assert plan_pengingat_task.delay(org.instansi.pk, today).get(timeout=60) > 0
    assert _tunggu(lambda: not Pengingat.objects.exclude(status=Pengingat.Status.SENT).exists())
    n = Pengingat.objects.count()
    # the same message delivered again (acks_late redelivery) finds nothing to claim
    assert send_pengingat_task.delay(org.pegawai.user_id).get(timeout=30) == 0
    assert plan_pengingat_task.delay(org.instansi.pk, today).get(timeout=60) == n and Pengingat.objects.count() == n


# --- issue #12: a real worker process killed in the middle of a bulk print ------------------------



def _url_db_uji() -> str:
    """The test database as a URL a worker process can open (pytest-django renamed it to test_…)."""
    from django.db import connection

    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():
            pytest.skip(
                "the SQLite test database is in memory: a worker process cannot open it (use DATABASE_URL=postgres://…)"
            )
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _pekerja(env, log, nama):
    import subprocess
    import sys

    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "kinerja",
            "worker",
            "--pool=solo",
            "-l",
            "WARNING",
            "-n",
            f"{nama}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--logfile={log}",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )


def test_bulk_print_survives_a_worker_killed_mid_job(golongan_ada, org, tmp_path):
    """SIGKILL a real ``celery worker`` while it renders; a new worker plus the sweeper (threshold 3 s here,
    minutes in production) finish the job. The killed task's message stays unacknowledged in Redis for
    the whole visibility timeout, so without the sweeper the job would show "Sedang mencetak" for 30 min."""
    import os
    import signal

    import redis

    from kinerja.celery import app
    from notifikasi.tasks import run_cetak_massal_task, sweep_stuck_cetak_task
    from pegawai.tests.factories import PegawaiFactory

    from .helpers import penilaian_final, periode, skp_lengkap

    # own Redis DB (settings_test): the in-thread session worker must not take these tasks
    broker = f"{settings.REDIS_URL.rsplit('/', 1)[0]}/{settings.REDIS_DB_TEST_LEPAS}"
    redis.Redis.from_url(broker).flushdb()  # nothing left from an earlier run
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(
        DJANGO_SETTINGS_MODULE="kinerja.settings",
        DATABASE_URL=_url_db_uji(),
        REDIS_URL=broker,
        CACHE_URL=broker,  # not kinerja.settings' default (Redis DB 1): the suite keeps to DBs 12–15
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        CETAK_MACET_DETIK="3",
    )
    per = periode(org)
    for p in [org.pegawai, org.rekan, *PegawaiFactory.create_batch(4, unit_kerja=org.seksi, atasan=org.atasan)]:
        penilaian_final(skp_lengkap(p), per)
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    assert job.total == 7 and job.items.filter(status=ITEM.MENUNGGU).count() == 6

    app.conf.task_always_eager = False
    pekerja = []
    try:
        with app.connection_for_write(broker) as conn:
            pekerja.append(_pekerja(env, tmp_path / "w1.log", "uji-mati-1"))
            run_cetak_massal_task.apply_async((job.pk,), connection=conn)
            items = job.items.all()
            # mid-job: something printed, one document being rendered right now
            assert _tunggu(
                lambda: items.filter(status=ITEM.OK).exists() and items.filter(status=ITEM.PROSES).exists(), 40
            ), (tmp_path / "w1.log").read_text() if (tmp_path / "w1.log").exists() else "worker 1 did not start"
            os.kill(pekerja[0].pid, signal.SIGKILL)
            pekerja[0].wait(10)
            hilang = list(items.filter(status=ITEM.PROSES).values_list("pk", flat=True))
            assert CetakMassal.objects.get(pk=job.pk).status == JOB.BERJALAN
            assert items.exclude(status__in=[ITEM.OK, ITEM.GAGAL]).exists()

            pekerja.append(_pekerja(env, tmp_path / "w2.log", "uji-mati-2"))

            terakhir = [0.0]

            def selesai():
                if time.monotonic() - terakhir[0] > 1:  # what beat sends every few minutes
                    sweep_stuck_cetak_task.apply_async(connection=conn)
                    terakhir[0] = time.monotonic()
                return CetakMassal.objects.get(pk=job.pk).status == JOB.SELESAI

            assert _tunggu(selesai, 45), (CetakMassal.objects.get(pk=job.pk).status, (tmp_path / "w2.log").read_text())
    finally:
        app.conf.task_always_eager = True
        for w in pekerja:
            if w.poll() is None:
                w.terminate()
                w.wait(15)
    job.refresh_from_db()
    assert job.items.filter(status=ITEM.OK).count() == 6
    assert job.items.get(status=ITEM.GAGAL).pegawai_id == org.atasan.pk
    assert job.berkas and Notifikasi.objects.filter(penerima=org.hr, judul="Cetak massal selesai").count() == 1
    # the document the killed worker was rendering was claimed again (via the sweeper) and printed. On a
    # loaded machine the worker can finish that document between the poll and the kill, so nothing is in
    # flight then: every document is still printed exactly once (the counts above).
    assert all(
        it.status == ITEM.OK and it.percobaan >= 2 for it in CetakMassalItem.objects.filter(pk__in=hilang)
    )
