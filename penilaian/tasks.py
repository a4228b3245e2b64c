"""Thin Celery tasks of penilaian (style.md §5): ids in, call a service; idempotent. ``name=`` keeps the
registered names from before the English rename (beat schedule, queued messages)."""
from celery import shared_task

from notifikasi.tasks import OPSI


@shared_task(name="penilaian.tasks.rilis_masukan_rekan_task", **OPSI)
def release_masukan_rekan_task(penilaian_id: int) -> bool:
    """Release one cohort of peer input when it is due (queued when its last invitee answers)."""
    from .rekan.services import masukan_rekan_release

    return masukan_rekan_release(penilaian_id=penilaian_id)


@shared_task(name="penilaian.tasks.rilis_masukan_rekan_jatuh_tempo_task", **OPSI)
def release_due_masukan_rekan_task() -> int:
    """Beat entry point: release every cohort whose deadline has passed."""
    from .rekan.services import masukan_rekan_release_due

    return masukan_rekan_release_due()


@shared_task(name="penilaian.tasks.terima_lewat_waktu_task", **OPSI)
def accept_lapsed_penilaian_task() -> int:
    """Daily: evaluations whose keberatan window closed without a keberatan are accepted (domain.md §11.1)."""
    from .rekan.keberatan import penilaian_accept_lapsed

    return penilaian_accept_lapsed()
