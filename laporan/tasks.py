"""Thin Celery task (style.md §5): the job id in, the service does the work."""
from celery import shared_task

from notifikasi.tasks import OPSI


# Queue "reports" (kinerja/celery.py). Past the soft limit the job is marked GAGAL with a message the page
# shows (laporan.services._job_run); the hard limit frees the worker if it is stuck in native code.
@shared_task(**OPSI, soft_time_limit=600, time_limit=660)
def build_laporan_task(job_id: int) -> str:
    from .services import laporan_job_run

    return laporan_job_run(job_id=job_id).status
