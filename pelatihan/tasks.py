"""Thin Celery tasks of pelatihan (style.md §5)."""
from celery import shared_task

from notifikasi.tasks import OPSI


@shared_task(**OPSI)
def rekap_jp_refresh_task() -> int:
    """Daily: stored JP of PPPK whose contract year moved since it was computed (``rekap.rekap_jp_refresh``)."""
    from .rekap import rekap_jp_refresh

    return rekap_jp_refresh()


@shared_task(**OPSI, soft_time_limit=600, time_limit=660)  # a whole instansi: on the reports queue
def rekap_jp_rebuild_task(instansi_id: int | None = None) -> int:
    """Bulk paths (imports, seed): rebuild the stored JP of an instansi, or of everyone."""
    from .rekap import rekap_jp_rebuild

    return rekap_jp_rebuild(instansi_id=instansi_id)
