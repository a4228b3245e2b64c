"""Thin Celery tasks of the appraisal (style.md §5): call a service; idempotent, ``acks_late``, retried on
transient errors like the reminder tasks in ``notifikasi.tasks``."""
from celery import shared_task

from notifikasi.tasks import OPSI


@shared_task(**OPSI)
def rilis_masukan_rekan_task(penilaian_id: int) -> bool:
    """Release one cohort of peer input when it is due (queued when its last invitee answers)."""
    from .rekan.services import masukan_rekan_release

    return masukan_rekan_release(penilaian_id=penilaian_id)


@shared_task(**OPSI)
def rilis_masukan_rekan_jatuh_tempo_task() -> int:
    """Beat entry point: release every cohort whose deadline has passed."""
    from .rekan.services import masukan_rekan_release_due

    return masukan_rekan_release_due()


@shared_task(**OPSI)
def terima_lewat_waktu_task() -> int:
    """Daily: evaluations whose keberatan window closed without a keberatan are accepted (domain.md §11.1)."""
    from .rekan.keberatan import penilaian_terima_lewat_waktu

    return penilaian_terima_lewat_waktu()
