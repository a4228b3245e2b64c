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


@shared_task(name="penilaian.tasks.keberatan_harian_task", **OPSI)
def keberatan_daily_task(today: str | None = None) -> int:
    """Daily (PP 30/2019 Pasal 59, domain.md §11.1): reminders of explanations due (the claim rows of
    ``notifikasi.pengingat``, each sent once) and one escalation to HR per keberatan past its deadline."""
    from datetime import date

    from notifikasi.tasks import send_pengingat_task

    from .rekan.penjelasan import keberatan_escalate_overdue, penjelasan_pengingat_plan

    for penerima_id in penjelasan_pengingat_plan(today=date.fromisoformat(today) if today else None):
        send_pengingat_task.delay(penerima_id)
    return keberatan_escalate_overdue()


@shared_task(name="penilaian.tasks.segarkan_ringkasan_task", **OPSI)
def refresh_ringkasan_task() -> int:
    """Every few minutes: recompute the summary rows of the units marked changed, so HR pages rarely do."""
    from .ringkasan import segarkan_semua

    return segarkan_semua()


@shared_task(name="penilaian.tasks.rebuild_ringkasan_task", **OPSI)
def rebuild_ringkasan_task(instansi_id: int | None = None) -> int:
    """Nightly safety net (and after bulk imports): rebuild every summary row, recording the time."""
    from .ringkasan import rebuild

    return rebuild(instansi_id)
