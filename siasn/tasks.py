"""Thin Celery tasks (style.md §5): ids in, the service (``siasn.laporan``) does the work."""
from celery import shared_task

from notifikasi.tasks import OPSI


# Queue "reports" (kinerja/celery.py): a whole year of an instansi, with a report's time limits. Past the
# soft limit the run is marked GAGAL with a message the page shows; the hard limit frees a stuck worker.
@shared_task(**OPSI, soft_time_limit=600, time_limit=660)
def susun_laporan_siasn_task(laporan_id: int) -> str:
    from .laporan import laporan_siasn_run

    return laporan_siasn_run(laporan_id=laporan_id).status


@shared_task(**OPSI)
def segarkan_laporan_siasn_task() -> int:
    """Every 30 minutes (beat): queue a recompute of the stored reports whose data changed."""
    from .laporan import laporan_siasn_segarkan

    return laporan_siasn_segarkan()
