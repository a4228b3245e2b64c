"""Thin Celery tasks of the appraisal (style.md §5): call a service; idempotent, ``acks_late``, retried on
transient errors like the reminder tasks in ``notifikasi.tasks``."""
from celery import shared_task

from notifikasi.tasks import OPSI


@shared_task(**OPSI)
def terima_lewat_waktu_task() -> int:
    """Daily: evaluations whose keberatan window closed without a keberatan are accepted (domain.md §11.1)."""
    from .rekan.keberatan import penilaian_terima_lewat_waktu

    return penilaian_terima_lewat_waktu()
