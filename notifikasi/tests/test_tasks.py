"""Task names outlive a rename: the beat schedule and messages already queued call tasks by the name they
were registered under, so the English function names keep the old registered names."""
import pytest

from kinerja import settings as prod  # the real schedule (the test settings empty it)
from kinerja.celery import app
from notifikasi import tasks
from pelatihan import tasks as pelatihan_tasks  # noqa: F401  (registers the beat's JP refresh task)
from penilaian import tasks as penilaian_tasks

TERDAFTAR = {
    "notifikasi.tasks.kirim_email_notifikasi_task": tasks.send_notifikasi_email_task,
    "notifikasi.tasks.pengingat_harian_task": tasks.remind_daily_task,
    "notifikasi.tasks.rencanakan_pengingat_task": tasks.plan_pengingat_task,
    "notifikasi.tasks.kirim_pengingat_task": tasks.send_pengingat_task,
    "notifikasi.tasks.kembalikan_pengingat_macet_task": tasks.requeue_stuck_pengingat_task,
    "notifikasi.tasks.render_dokumen_task": tasks.render_dokumen_task,
    "notifikasi.tasks.cetak_massal_task": tasks.run_cetak_massal_task,
    "notifikasi.tasks.cetak_item_task": tasks.render_cetak_item_task,
    "notifikasi.tasks.zip_cetak_task": tasks.zip_cetak_task,
    "notifikasi.tasks.sapu_cetak_macet_task": tasks.sweep_stuck_cetak_task,
    "penilaian.tasks.rilis_masukan_rekan_task": penilaian_tasks.release_masukan_rekan_task,
    "penilaian.tasks.rilis_masukan_rekan_jatuh_tempo_task": penilaian_tasks.release_due_masukan_rekan_task,
}


@pytest.mark.parametrize("nama", sorted(TERDAFTAR))
def test_a_queued_message_under_the_old_name_reaches_the_renamed_task(nama):
    assert app.tasks[nama].run is TERDAFTAR[nama].run


def test_every_beat_entry_names_a_registered_task():
    assert {v["task"] for v in prod.CELERY_BEAT_SCHEDULE.values()} <= set(app.tasks)


def test_the_benchmark_task_is_not_a_production_task():
    assert not hasattr(tasks, "bench_render_task")
    assert not [nama for nama in app.tasks if nama.startswith("notifikasi.tasks.bench")]
