"""Rebuild the summary rows behind HR's per-unit counts (after a bulk import, a data fix or a restore)."""
import time

from django.core.management.base import BaseCommand

from penilaian.ringkasan import rebuild


class Command(BaseCommand):
    help = "Hitung ulang seluruh ringkasan per unit (kelengkapan, status SKP, sebaran predikat)."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", type=int, default=None, help="Hanya instansi dengan id ini")

    def handle(self, *args, instansi=None, **options):
        mulai = time.monotonic()
        n = rebuild(instansi)
        self.stdout.write(f"{n} unit dihitung ulang dalam {time.monotonic() - mulai:.1f} detik.")
