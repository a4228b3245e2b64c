"""Integration with the real Redis broker and a real worker (issue #7): skipped without REDIS_URL."""
import time
from datetime import timedelta

import pytest
from django.conf import settings

from notifikasi.dokumen import cetak_massal_mulai
from notifikasi.models import CetakMassal, Pengingat
from notifikasi.tasks import kirim_pengingat_task, rencanakan_pengingat_task

from .helpers import BATAS, penilaian_final, periode, skp_lengkap

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
    job = cetak_massal_mulai(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per)  # queued on commit
    assert _tunggu(lambda: CetakMassal.objects.get(pk=job.pk).status == "SELESAI"), CetakMassal.objects.get(pk=job.pk).status
    job.refresh_from_db()
    assert job.items.filter(status="OK").count() == 2 and job.items.filter(status="GAGAL").count() == 1  # atasan: no evaluation


def test_reminders_run_on_the_worker_and_a_redelivered_task_sends_nothing_twice(celery_worker_session, golongan_ada, org):
    periode(org)
    today = (BATAS - timedelta(days=3)).isoformat()
    assert rencanakan_pengingat_task.delay(org.instansi.pk, today).get(timeout=60) > 0
    assert _tunggu(lambda: not Pengingat.objects.exclude(status="SENT").exists())
    n = Pengingat.objects.count()
    # the same message delivered again (acks_late redelivery) finds nothing to claim
    assert kirim_pengingat_task.delay(org.pegawai.user_id).get(timeout=30) == 0
    assert rencanakan_pengingat_task.delay(org.instansi.pk, today).get(timeout=60) == n and Pengingat.objects.count() == n
