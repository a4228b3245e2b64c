"""Benchmark-only Celery task, kept out of the production ``tasks.py`` (autodiscovery never loads it).

``manage.py bench_pdf`` imports it; the worker ``make bench`` starts loads it with ``--include
notifikasi.bench``. A production worker does not know this task.
"""
from celery import shared_task


@shared_task(acks_late=True)
def bench_render_task(penilaian_id: int) -> int:
    """Lay out one Dokumen Evaluasi and return its size (nothing stored)."""
    from penilaian.models import Penilaian
    from penilaian.pdf import render_dokumen_evaluasi

    return len(render_dokumen_evaluasi(Penilaian.objects.get(pk=penilaian_id)))
