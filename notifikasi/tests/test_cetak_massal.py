"""Bulk print that never blocks a request and recovers from lost workers (issues #11 and #12)."""
import re
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from notifikasi import cetak_massal, latar
from notifikasi.cetak_massal import cetak_massal_render_item, cetak_massal_start, cetak_massal_sweep, cetak_massal_zip
from notifikasi.dokumen import dokumen_request, dokumen_sweep
from notifikasi.models import CetakMassal, CetakMassalItem, DokumenPdf, Notifikasi
from penilaian.models import Penilaian, Skp

from .helpers import penilaian_final, periode, skp_lengkap

JOB, ITEM = CetakMassal.Status, CetakMassalItem.Status
pytestmark = pytest.mark.django_db
LAMA = timedelta(minutes=10)  # longer ago than CETAK_MACET_DETIK (300 s)


@pytest.fixture
def per(org):
    """Seksi Satu: pegawai and rekan have a final evaluation, the atasan has none."""
    p = periode(org)
    for peg in (org.pegawai, org.rekan):
        penilaian_final(skp_lengkap(peg), p)
    return p


def _post(client, org, per, **extra):
    return client.post(
        reverse("notifikasi:cetak"), {"unit_kerja": org.seksi.pk, "jenis": "DOK_EVAL", "periode": per.pk, **extra}
    )


def _macet(job, **items):
    """Time travel: the job's last progress (and the given items' claims) lie LAMA in the past."""
    CetakMassal.objects.filter(pk=job.pk).update(denyut=timezone.now() - LAMA)
    for status, ids in items.items():
        CetakMassalItem.objects.filter(pk__in=ids).update(status=status, diklaim_pada=timezone.now() - LAMA)
    job.refresh_from_db()


# --- issue #11: the request answers at once, on the default setup (no broker) ---------------------


@pytest.mark.django_db(transaction=True)
def test_bulk_print_answers_before_the_job_is_done(client, settings, golongan_ada, org):
    """Default setup: no broker, so the job runs in a background thread started after commit."""
    settings.CETAK_MASSAL_THREAD = True
    p = periode(org)
    penilaian_final(skp_lengkap(org.pegawai), p)
    lepas, asli = threading.Event(), cetak_massal.dokumen_ensure

    def lambat(**kw):
        assert lepas.wait(30)
        return asli(**kw)

    client.force_login(org.hr)
    with mock.patch.object(cetak_massal, "dokumen_ensure", lambat):
        resp = _post(client, org, p)
        job = CetakMassal.objects.get()
        assert resp.status_code == 302 and job.status in CetakMassal.AKTIF  # answered while the PDF is still being made
        html = client.get(reverse("notifikasi:cetak-progres", args=[job.pk])).content.decode()
        assert 'data-hx-trigger="every 1s"' in html and "0 dicetak, 2 gagal dari 3" in html
        lepas.set()
        assert latar.join_all(30)
    job.refresh_from_db()
    assert job.status == JOB.SELESAI and job.items.filter(status=ITEM.OK).count() == 1
    assert (
        "1 dicetak, 2 gagal dari 3" in client.get(reverse("notifikasi:cetak-progres", args=[job.pk])).content.decode()
    )


def test_progress_counts_printed_and_failed_apart_with_reasons(client, org, per):
    Skp.objects.create(
        pegawai=org.atasan,
        tahun=2026,
        status=Skp.Status.DIAJUKAN,
        tanggal_mulai=per.tanggal_mulai,
        tanggal_selesai=per.tanggal_selesai,
        pejabat_penilai=org.kabid,
    )
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    cetak_massal_render_item(item_id=job.items.filter(status=ITEM.MENUNGGU).first().pk)  # one of two done
    client.force_login(org.hr)
    html = client.get(reverse("notifikasi:cetak-progres", args=[job.pk])).content.decode()
    assert "1 dicetak, 1 gagal dari 3 · 1 belum" in html and "66 %" in html
    # the reason shows while the job runs: an evaluation only exists on an approved SKP
    assert "SKP tahun 2026 belum disetujui (status: Diajukan). <span" in html


def test_a_second_submit_makes_no_second_job(client, org, per):
    client.force_login(org.hr)
    token = re.search(
        r'name="token" value="([0-9a-f-]+)"', client.get(reverse("notifikasi:cetak")).content.decode()
    ).group(1)
    pertama, kedua = _post(client, org, per, token=token), _post(client, org, per, token=token)  # double click
    job = CetakMassal.objects.get()
    assert pertama["Location"] == kedua["Location"] == reverse("notifikasi:cetak-detail", args=[job.pk])
    # the form sent again with a new token while the first job runs: shown the running one
    resp = _post(client, org, per, token="9d9a4f38-5b6e-4d4b-9d55-1f0c7e0b7a11")
    assert resp["Location"] == reverse("notifikasi:cetak-detail", args=[job.pk]) and CetakMassal.objects.count() == 1
    assert "Cetak massal yang sama masih berjalan" in client.get(resp["Location"]).content.decode()
    CetakMassal.objects.filter(pk=job.pk).update(status=JOB.SELESAI)
    _post(client, org, per)
    assert CetakMassal.objects.count() == 2  # once finished, printing again is allowed


@pytest.mark.parametrize("jenis", ["DOK_EVAL", "SKP"])
def test_the_database_refuses_a_second_running_job(org, per, jenis):
    kw = {
        "instansi": org.instansi,
        "unit_kerja": org.seksi,
        "jenis": jenis,
        "dibuat_oleh": org.hr,
        **({"tahun": 2026} if jenis == "SKP" else {"periode": per}),
    }
    CetakMassal.objects.create(status=JOB.BERJALAN, **kw)
    with pytest.raises(IntegrityError), transaction.atomic():
        CetakMassal.objects.create(status=JOB.MENUNGGU, **kw)
    CetakMassal.objects.create(status=JOB.SELESAI, **kw)  # finished ones do not count


def test_two_clicks_racing_past_the_check_still_make_one_job(org, per):
    """Both requests passed the "already running?" check; the database constraint decides."""
    pertama = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    # the check misses the first job (it was not committed yet), the second look finds it
    with (
        mock.patch.object(cetak_massal, "_berjalan", side_effect=[None, pertama]),
        pytest.raises(cetak_massal.CetakSudahBerjalan) as exc,
    ):
        cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    assert exc.value.job == pertama and CetakMassal.objects.count() == 1


# --- issue #12: stalled jobs are seen, swept and retried -------------------------------------------


def test_stalled_job_is_shown_and_retry_prints_only_what_is_missing(
    client, org, per, django_capture_on_commit_callbacks
):
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    siap, hilang = job.items.filter(status=ITEM.MENUNGGU).order_by("pk")
    cetak_massal_render_item(item_id=siap.pk)
    _macet(job, PROSES=[hilang.pk])  # its worker died while rendering the second document
    client.force_login(org.hr)
    html = client.get(reverse("notifikasi:cetak-detail", args=[job.pk])).content.decode()
    assert 'data-status="TERHENTI"' in html and "Pencetakan terhenti" in html and "1 dokumen belum dicetak." in html
    assert "Coba lagi" in html

    with (
        mock.patch.object(cetak_massal, "dokumen_ensure", wraps=cetak_massal.dokumen_ensure) as render,
        django_capture_on_commit_callbacks(execute=True),
    ):
        resp = client.post(reverse("notifikasi:cetak-coba-lagi", args=[job.pk]))
    assert [c.kwargs["kunci"] for c in render.call_args_list] == [str(hilang.objek_id)]  # only the missing one
    job.refresh_from_db()
    assert resp.status_code == 302 and job.status == JOB.SELESAI and job.items.filter(status=ITEM.OK).count() == 2
    assert "2 dicetak, 1 gagal dari 3" in client.get(resp["Location"]).content.decode()
    # pressed again (a second tab): nothing to retry, nothing changes
    client.post(reverse("notifikasi:cetak-coba-lagi", args=[job.pk]))
    assert CetakMassal.objects.get(pk=job.pk).status == JOB.SELESAI


def test_retry_is_for_hr_of_the_instansi_only(client, org, per):
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    _macet(job)
    client.force_login(org.hr_other)
    assert client.post(reverse("notifikasi:cetak-coba-lagi", args=[job.pk])).status_code == 404
    client.force_login(org.atasan.user)
    assert client.post(reverse("notifikasi:cetak-coba-lagi", args=[job.pk])).status_code == 403
    assert CetakMassal.objects.get(pk=job.pk).percobaan == 0 and CetakMassal.objects.get(pk=job.pk).terhenti


def test_sweeper_continues_a_stalled_job_then_gives_up_visibly(client, org, per):
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    item = job.items.filter(status=ITEM.MENUNGGU).first()
    _macet(job, PROSES=[item.pk])
    assert cetak_massal_sweep() == [job.pk]  # the task queues it again
    job.refresh_from_db()
    assert job.status == JOB.BERJALAN and job.percobaan == 1 and not job.terhenti
    assert CetakMassalItem.objects.get(pk=item.pk).status == ITEM.MENUNGGU  # the lost claim is free again
    assert cetak_massal_sweep() == []  # fresh again: nothing to do
    for _ in range(cetak_massal.MAKS_PERCOBAAN - 1):
        _macet(job)
        assert cetak_massal_sweep() == [job.pk]
    _macet(job)
    assert cetak_massal_sweep() == []
    job.refresh_from_db()
    assert job.status == JOB.TERHENTI
    assert Notifikasi.objects.filter(penerima=org.hr, judul="Cetak massal terhenti").count() == 1
    client.force_login(org.hr)
    assert "Coba lagi" in client.get(reverse("notifikasi:cetak-detail", args=[job.pk])).content.decode()


@pytest.mark.parametrize("status", ["BERJALAN", "MENGEMAS"], ids=["zip-never-queued", "died-building-the-zip"])
def test_sweeper_task_finishes_a_job_stuck_before_its_zip(org, per, status):
    """Issue #12: the worker died after the last document, before (or while) building the ZIP."""
    from notifikasi.tasks import sweep_stuck_cetak_task

    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    for it in job.items.filter(status=ITEM.MENUNGGU):
        cetak_massal_render_item(item_id=it.pk)
    CetakMassal.objects.filter(pk=job.pk).update(status=status)
    _macet(job)
    assert sweep_stuck_cetak_task() == 1
    job.refresh_from_db()
    assert job.status == JOB.SELESAI and job.berkas


def test_a_document_that_keeps_killing_its_worker_is_failed_not_retried_forever(org, per):
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    item = job.items.filter(status=ITEM.MENUNGGU).first()
    CetakMassalItem.objects.filter(pk=item.pk).update(
        percobaan=cetak_massal.MAKS_PERCOBAAN
    )  # claimed 3 times, never finished
    assert cetak_massal_render_item(item_id=item.pk)
    item.refresh_from_db()
    assert item.status == ITEM.GAGAL and "terhenti berulang kali" in item.alasan


@pytest.mark.parametrize("diambil_alih", [False, True], ids=["second-waits", "stale-claim-taken-over"])
def test_zip_is_built_once_when_two_late_tasks_race(org, per, diambil_alih, settings):
    """Two tasks finish last at the same time; the second one arrives while the first builds the ZIP. If the
    first one's claim is stale (its worker hung), the second takes over and the first discards its ZIP."""
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=per, antre=False)
    for it in job.items.filter(status=ITEM.MENUNGGU):
        cetak_massal_render_item(item_id=it.pk)
    asli, hasil_kedua, sudah = cetak_massal.nama_berkas, [], []

    def sela(pegawai, jenis):
        if not sudah:  # the first build, halfway: the second late task arrives
            sudah.append(True)
            if diambil_alih:
                CetakMassal.objects.filter(pk=job.pk).update(denyut=timezone.now() - LAMA)
            hasil_kedua.append(cetak_massal_zip(job_id=job.pk).status)
        return asli(pegawai, jenis)

    with mock.patch.object(cetak_massal, "nama_berkas", side_effect=sela) as build:
        cetak_massal_zip(job_id=job.pk)
        n = build.call_count
        # a third late call: no-op
        assert cetak_massal_zip(job_id=job.pk).status == JOB.SELESAI and build.call_count == n
    assert hasil_kedua == ([JOB.SELESAI] if diambil_alih else [JOB.MENGEMAS])
    job.refresh_from_db()
    zips = list((settings.MEDIA_ROOT / "cetak" / str(job.pk)).iterdir())
    assert job.status == JOB.SELESAI and [z.name for z in zips] == [job.berkas.name.rsplit("/", 1)[-1]]
    assert Notifikasi.objects.filter(penerima=org.hr, judul="Cetak massal selesai").count() == 1


def test_a_pdf_whose_worker_died_is_queued_again(org, per, django_capture_on_commit_callbacks):
    kunci = str(Penilaian.objects.filter(periode=per).first().pk)
    doc = DokumenPdf.objects.create(
        jenis="DOK_EVAL", kunci=kunci, status=DokumenPdf.Status.MENUNGGU, diminta_pada=timezone.now()
    )
    with django_capture_on_commit_callbacks() as antre:
        dokumen_request(jenis="DOK_EVAL", kunci=kunci)
    assert antre == []  # queued a moment ago: polling does not queue it again
    DokumenPdf.objects.filter(pk=doc.pk).update(diminta_pada=timezone.now() - LAMA)
    with django_capture_on_commit_callbacks() as antre:
        dokumen_request(jenis="DOK_EVAL", kunci=kunci)
    assert len(antre) == 1  # its worker is gone: the next request queues it
    DokumenPdf.objects.filter(pk=doc.pk).update(diminta_pada=timezone.now() - LAMA)
    assert dokumen_sweep() == [doc.pk] and dokumen_sweep() == []  # the sweeper too, once
    DokumenPdf.objects.filter(pk=doc.pk).update(diminta_pada=timezone.now() - LAMA,
                                                percobaan=cetak_massal.MAKS_PERCOBAAN)
    assert dokumen_sweep() == [] and DokumenPdf.objects.get(pk=doc.pk).status == DokumenPdf.Status.GAGAL


def test_sweeper_is_in_the_beat_schedule():
    from kinerja import (
        settings as prod,  # the real schedule (the test settings empty it)
    )
    from notifikasi.tasks import BATAS_PDF, BATAS_ZIP

    assert "notifikasi.tasks.sapu_cetak_macet_task" in {v["task"] for v in prod.CELERY_BEAT_SCHEDULE.values()}
    # hard limits stay under the stall threshold, so the sweeper never takes over a live task
    assert max(BATAS_PDF["time_limit"], BATAS_ZIP["time_limit"]) < prod.CETAK_MACET_DETIK


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite serialises writers with a database lock; run on PostgreSQL (DATABASE_URL=postgres://...)",
)
@pytest.mark.django_db(transaction=True)
def test_two_late_tasks_at_the_same_moment_build_one_zip(golongan_ada, org, settings):
    """The same race with two real DB connections (two threads released together)."""
    p = periode(org)
    for peg in (org.pegawai, org.rekan):
        penilaian_final(skp_lengkap(peg), p)
    job = cetak_massal_start(oleh=org.hr, unit=org.seksi, jenis="DOK_EVAL", periode=p, antre=False)
    for it in job.items.filter(status=ITEM.MENUNGGU):
        cetak_massal_render_item(item_id=it.pk)
    start, errors = threading.Barrier(2), []

    def run():
        try:
            start.wait()
            cetak_massal_zip(job_id=job.pk)
        except Exception as exc:  # noqa: BLE001 - surfaced by the assert below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    job.refresh_from_db()
    assert job.status == JOB.SELESAI and len(list((settings.MEDIA_ROOT / "cetak" / str(job.pk)).iterdir())) == 1
    assert Notifikasi.objects.filter(penerima=org.hr, judul="Cetak massal selesai").count() == 1
