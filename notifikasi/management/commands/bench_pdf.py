"""``manage.py bench_pdf``: time one Dokumen Evaluasi, then N documents through the worker (issue #7 §5)."""
import itertools
import time

from celery import group
from django.conf import settings
from django.core.management.base import BaseCommand

from notifikasi.bench import bench_render_task
from penilaian.models import Penilaian
from penilaian.pdf import render_dokumen_evaluasi


class Command(BaseCommand):
    help = "Ukur waktu render PDF: satu Dokumen Evaluasi, lalu N dokumen lewat worker Celery."

    def add_arguments(self, parser):
        parser.add_argument("--jumlah", type=int, default=200)
        parser.add_argument("--timeout", type=int, default=900)

    def handle(self, *args, jumlah, timeout, **opts):
        ids = list(Penilaian.objects.order_by("pk").values_list("pk", flat=True)[:jumlah])
        if not ids:
            self.stdout.write("bench_pdf: belum ada penilaian; jalankan seed_demo dulu (dilewati).")
            return
        render_dokumen_evaluasi(Penilaian.objects.get(pk=ids[0]))  # warm-up: fonts, pango, templates
        t0 = time.perf_counter()
        size = len(render_dokumen_evaluasi(Penilaian.objects.get(pk=ids[0])))
        satu = time.perf_counter() - t0
        self.stdout.write(f"pdf.dokumen_evaluasi.satu      {satu * 1000:8.0f} ms  ({size} byte)")

        eager = not settings.REDIS_URL or settings.CELERY_TASK_ALWAYS_EAGER
        label = "eager (tanpa worker: REDIS_URL kosong)" if eager else f"worker via {settings.CELERY_BROKER_URL}"
        batch = [pk for pk, _ in zip(itertools.cycle(ids), range(jumlah))]  # reuse records when fewer exist
        t0 = time.perf_counter()
        hasil = group(bench_render_task.s(pk) for pk in batch).apply_async()
        total = sum(hasil.get(timeout=timeout, disable_sync_subtasks=False))
        dur = time.perf_counter() - t0
        self.stdout.write(
            f"pdf.dokumen_evaluasi.{jumlah}       {dur:8.1f} s   "
            f"({jumlah / dur:.1f} dok/s, {total // 1024} KiB) [{label}]"
        )
