"""Celery queues and time limits (kinerja/celery.py, README "Skala"): every project task is routed to one
of the four queues, e-mail, PDFs and reports to their own, and every task has a soft and a hard limit."""
import pytest

from kinerja.celery import ANTRIAN, RUTE, app

LAMA = {"laporan.tasks.build_laporan_task": 600, "notifikasi.tasks.zip_cetak_task": 240}


@pytest.fixture(scope="module")
def tasks():
    app.loader.import_default_modules()  # autodiscovery, as a worker does at start

    return {name: t for name, t in app.tasks.items() if not name.startswith("celery.")}


def queue_of(name: str) -> str:
    return app.amqp.router.route({}, name)["queue"].name


def test_every_project_task_has_a_route_and_every_route_a_task(tasks):
    routed = {name for names in RUTE.values() for name in names}
    assert set(tasks) == routed
    assert {queue_of(name) for name in tasks} == set(ANTRIAN)


@pytest.mark.parametrize("task, queue", [
    ("notifikasi.tasks.kirim_email_notifikasi_task", "email"),
    ("notifikasi.tasks.kirim_pengingat_task", "email"),
    ("notifikasi.tasks.render_dokumen_task", "pdf"),
    ("notifikasi.tasks.cetak_item_task", "pdf"),
    ("notifikasi.tasks.zip_cetak_task", "pdf"),
    ("laporan.tasks.build_laporan_task", "reports"),
    # The sweepers and planners never wait behind a backlog of PDFs or reports.
    ("notifikasi.tasks.sapu_cetak_macet_task", "default"),
    ("notifikasi.tasks.kembalikan_pengingat_macet_task", "default"),
    ("penilaian.tasks.keberatan_harian_task", "default"),
    ("an.unknown.task", "default"),
])
def test_tasks_go_to_their_queue(task, queue):
    assert queue_of(task) == queue


def test_every_task_has_time_limits_and_long_work_the_longer_ones(tasks, settings):
    for name, t in tasks.items():
        assert t.soft_time_limit and t.time_limit and t.soft_time_limit < t.time_limit, name
        # Under the stall threshold, so the sweeper never takes over a PDF task that is still alive.
        if queue_of(name) == "pdf":
            assert t.time_limit < settings.CETAK_MACET_DETIK, name
        # Under the broker's redelivery timeout, so a live task is never delivered a second time.
        assert t.time_limit < settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"], name
    for name, soft in LAMA.items():
        assert tasks[name].soft_time_limit == soft > app.conf.task_soft_time_limit


def test_beat_only_schedules_registered_tasks(tasks, settings):
    from kinerja import settings as prod

    assert {e["task"] for e in prod.CELERY_BEAT_SCHEDULE.values()} <= set(tasks)


@pytest.mark.broker
@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")  # send_task always publishes
def test_a_task_is_published_on_its_own_queue_in_redis(settings):
    """Through a real broker: each message waits in the list of its queue, where only that worker looks."""
    if not settings.REDIS_URL:
        pytest.skip("needs a live Redis broker: set REDIS_URL")
    import redis

    url = f"{settings.REDIS_URL.rsplit('/', 1)[0]}/{settings.REDIS_DB_TEST_LEPAS}"  # no worker of the suite listens
    r = redis.Redis.from_url(url)
    r.flushdb()
    try:
        with app.connection_for_write(url) as conn:
            for name in ("notifikasi.tasks.kirim_email_notifikasi_task", "notifikasi.tasks.render_dokumen_task",
                         "laporan.tasks.build_laporan_task", "notifikasi.tasks.sapu_cetak_macet_task"):
                app.send_task(name, args=(0,), connection=conn)
        assert {q: r.llen(q) for q in ANTRIAN} == {"default": 1, "email": 1, "pdf": 1, "reports": 1}
    finally:
        r.flushdb()
