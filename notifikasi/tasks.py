"""Thin Celery tasks (style.md §5): ids in, call a service. All are idempotent, ``acks_late`` (a worker
killed mid-task gets the message redelivered) and retry on transient infrastructure errors.

An explicit ``name=`` keeps the name a task was registered under before its English rename: the beat
schedule (``kinerja/settings.py``) and messages already queued in Redis call it by that name."""
import smtplib

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

TRANSIENT = (OperationalError, InterfaceError, smtplib.SMTPException, ConnectionError, TimeoutError)
OPSI = {
    "acks_late": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(name="notifikasi.tasks.kirim_email_notifikasi_task", **OPSI)
def send_notifikasi_email_task(notifikasi_id: int) -> bool:
    from .services import notifikasi_send_email

    return notifikasi_send_email(notifikasi_id=notifikasi_id)


@shared_task(name="notifikasi.tasks.pengingat_harian_task", **OPSI)
def remind_daily_task(today: str | None = None) -> int:
    """Beat entry point: one planning task per instansi, so one large instansi does not block the rest."""
    from pegawai.models import Instansi

    for pk in Instansi.objects.values_list("pk", flat=True):
        plan_pengingat_task.delay(pk, today)
    return 0


@shared_task(name="notifikasi.tasks.rencanakan_pengingat_task", **OPSI)
def plan_pengingat_task(instansi_id: int, today: str | None = None) -> int:
    from datetime import date

    from pegawai.models import Instansi

    from .pengingat import penerima_pending_for, pengingat_plan

    instansi = Instansi.objects.get(pk=instansi_id)
    hari = date.fromisoformat(today) if today else timezone.localdate()
    n = pengingat_plan(instansi=instansi, today=hari)
    for penerima_id in penerima_pending_for(instansi):
        send_pengingat_task.delay(penerima_id)
    return n


@shared_task(name="notifikasi.tasks.kirim_pengingat_task", **OPSI)
def send_pengingat_task(penerima_id: int) -> int:
    from .pengingat import pengingat_send

    return pengingat_send(penerima_id=penerima_id)


@shared_task(name="notifikasi.tasks.kembalikan_pengingat_macet_task", **OPSI)
def requeue_stuck_pengingat_task() -> int:
    from .pengingat import pengingat_requeue_stuck

    penerima = pengingat_requeue_stuck()
    for pk in penerima:
        send_pengingat_task.delay(pk)
    return len(penerima)


# Time limits sized to the work (the bench: one document takes 0.5-2 s, a ZIP of a large unit well under a
# minute). The soft limit fails the one document; the hard limit frees a worker stuck in native code. Both
# stay under CETAK_MACET_DETIK (300 s), so the sweeper never takes over a task that is still alive.
BATAS_PDF = {"soft_time_limit": 90, "time_limit": 120}
BATAS_ZIP = {"soft_time_limit": 240, "time_limit": 270}


@shared_task(**OPSI, **BATAS_PDF)
def render_dokumen_task(dokumen_id: int) -> int:
    from .dokumen import dokumen_ensure
    from .models import DokumenPdf

    doc = DokumenPdf.objects.get(pk=dokumen_id)
    return dokumen_ensure(jenis=doc.jenis, kunci=doc.kunci).ukuran


@shared_task(name="notifikasi.tasks.cetak_massal_task", **OPSI)
def run_cetak_massal_task(job_id: int) -> int:
    """Fan out the items still to render; with none left (a retry of a job stalled at its end) the ZIP."""
    from .cetak_massal import cetak_massal_run

    item_ids = cetak_massal_run(job_id=job_id)
    for pk in item_ids:
        render_cetak_item_task.delay(pk)
    if not item_ids:
        zip_cetak_task.delay(job_id)
    return len(item_ids)


@shared_task(name="notifikasi.tasks.cetak_item_task", **OPSI, **BATAS_PDF)
def render_cetak_item_task(item_id: int) -> bool:
    from .cetak_massal import cetak_massal_ready_for_zip, cetak_massal_render_item
    from .models import CetakMassalItem

    cetak_massal_render_item(item_id=item_id)
    # Every late task asks; the ZIP task claims the job itself, so two of them build it once.
    job_id = CetakMassalItem.objects.values_list("job_id", flat=True).get(pk=item_id)
    if cetak_massal_ready_for_zip(job_id=job_id):
        zip_cetak_task.delay(job_id)
    return True


@shared_task(**OPSI, **BATAS_ZIP)
def zip_cetak_task(job_id: int) -> str:
    from .cetak_massal import cetak_massal_zip

    return cetak_massal_zip(job_id=job_id).status


@shared_task(name="notifikasi.tasks.sapu_cetak_macet_task", **OPSI)
def sweep_stuck_cetak_task() -> int:
    """Beat: re-queue PDFs and bulk jobs whose worker died (no progress for CETAK_MACET_DETIK)."""
    from .cetak_massal import cetak_massal_enqueue, cetak_massal_sweep
    from .dokumen import dokumen_sweep

    dokumen = dokumen_sweep()
    for pk in dokumen:
        render_dokumen_task.delay(pk)
    jobs = cetak_massal_sweep()
    for pk in jobs:
        cetak_massal_enqueue(job_id=pk)
    return len(dokumen) + len(jobs)
