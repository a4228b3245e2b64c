"""Build the demo instansi with realistic data; idempotent. Later features add their own step."""
import importlib
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from pegawai.demo import seed_org

# Each module exposes seed(instansi, *, rng, log) and must be idempotent on its own.
# "module:function" names another function than ``seed``.
STEPS = [
    "penilaian.skp.demo", "pegawai.demo_mutasi:seed_mutasi", "penilaian.evaluasi.demo", "penilaian.rekan.demo",
    "penilaian.rekan.demo_penjelasan", "penilaian.dialog.demo", "pelatihan.demo", "harian.demo", "notifikasi.demo",
    "laporan.demo", "kontrak.demo", "siasn.demo", "penilaian.skp.demo_puncak",
]


class Command(BaseCommand):
    help = "Isi data demo: instansi, pohon unit, pegawai, akun, dan data fitur lain."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, default=120, help="Jumlah pegawai (bawaan 120)")
        parser.add_argument("--password", default="kinerja123", help="Kata sandi semua akun demo")
        parser.add_argument("--tanpa-fitur", action="store_true", help="Hanya organisasi dan pegawai")

    def handle(self, *args, pegawai, password, tanpa_fitur=False, **options):
        started = time.monotonic()
        rng = random.Random(20260101)
        log = self.stdout.write
        with transaction.atomic():
            logins = seed_org(n_pegawai=pegawai, password=password, rng=rng, log=log)
        if not tanpa_fitur:
            for name in STEPS:
                # A step that cannot be imported is a bug (a typo would silently drop a feature from the demo).
                name, _, func = name.partition(":")
                module = importlib.import_module(name)
                with transaction.atomic():
                    getattr(module, func or "seed")(logins.instansi, rng=rng, log=log)
        log(f"Selesai dalam {time.monotonic() - started:.1f} detik. Akun demo:")
        for role, username in logins.lines:
            log(f"{role} {username}")
        log(f"password {password}")
