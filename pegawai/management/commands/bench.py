"""Time the heaviest pages on a large instansi: server time (median), number of queries, HTML size.

Seeds ``--pegawai`` pegawai into the configured database once, in an instansi of its own (so an
existing demo is left alone), with a year of SKP cascades and ``--hari`` working days of daily activities
(``kinerja/bench_data.py``), then requests each page with Django's test client: HR's pages, the pohon
kinerja from the top, the activity feed of HR and of the busiest atasan. On PostgreSQL it then prints
``EXPLAIN ANALYZE`` of the slowest query seen.
"""
import json
import random
import statistics
import time
from datetime import date
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.bench_data import seed_kinerja
from pegawai.access import HR_GROUP
from pegawai.demo import seed_org
from pegawai.models import Instansi, Pegawai, UnitKerja, User
from penilaian.models import RencanaHasilKerja

BENCH_KODE = "BENCH"
BENCH_NAMA = "Pemerintah Kota Uji Beban"
BENCH_USER = "bench-hr"


class Command(BaseCommand):
    help = "Ukur waktu server dan jumlah kueri halaman HR pada instansi dengan banyak pegawai."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, default=50_000, help="Jumlah pegawai (bawaan 50.000)")
        parser.add_argument("--requests", type=int, default=7, help="Permintaan per halaman (median)")
        parser.add_argument("--hari", type=int, default=5, help="Hari kerja kegiatan harian per pegawai (bawaan 5)")
        parser.add_argument("--json", dest="json_path", help="Simpan hasil juga sebagai JSON")

    def handle(self, *args, pegawai, requests, hari=5, json_path=None, **options):
        instansi = self._seed(pegawai)
        tahun = date.today().year
        started = time.monotonic()
        with transaction.atomic():
            seed_kinerja(instansi, tahun=tahun, hari=hari, log=self.stdout.write)
        self.stdout.write(f"Data kinerja siap: {time.monotonic() - started:.1f} detik.")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        hr, atasan = Client(), Client()
        hr.force_login(self._hr_user(instansi))
        atasan_pegawai = self._busiest_atasan(instansi)
        atasan.force_login(atasan_pegawai.user)
        self._worst = (0.0, "", "")
        rows = [self._measure(hr, label, url, requests) for label, url in self._pages(instansi, tahun)]
        rows.append(self._measure(atasan, f"Kegiatan tim, atasan ({atasan_pegawai.n} bawahan)",
                                  reverse("harian:tim"), requests))
        n = Pegawai.objects.filter(unit_kerja__instansi=instansi).count()
        self.stdout.write(f"\n{connection.vendor}, {n:,} pegawai, median dari {requests} permintaan\n")
        self.stdout.write(f"{'Halaman':<46} {'median ms':>10} {'min ms':>8} {'kueri':>6} {'KB':>6}")
        for r in rows:
            self.stdout.write(f"{r['halaman']:<46} {r['median_ms']:>10.1f} {r['min_ms']:>8.1f} {r['kueri']:>6} "
                              f"{r['kb']:>6.0f}")
        self._explain()
        if json_path:
            Path(json_path).write_text(json.dumps({"db": connection.vendor, "pegawai": n, "hasil": rows}, indent=2))

    def _busiest_atasan(self, instansi: Instansi) -> Pegawai:
        return (Pegawai.objects.filter(unit_kerja__instansi=instansi, user__isnull=False)
                .annotate(n=Count("bawahan")).order_by("-n", "pk").first())

    def _explain(self) -> None:
        """The slowest query of the last round of requests, with its plan (PostgreSQL)."""
        ms, page, sql = self._worst
        if not sql:
            return
        self.stdout.write(f"\nKueri terlambat ({ms:.1f} ms, {page}):\n{sql[:2000]}")
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            self.stdout.write("\n".join(row[0] for row in cursor.fetchall()))

    def _seed(self, n: int) -> Instansi:
        instansi = Instansi.objects.filter(kode=BENCH_KODE).first()
        if instansi is None:
            started = time.monotonic()
            with transaction.atomic():
                seed_org(n_pegawai=n, password="bench", rng=random.Random(7), log=self.stdout.write,
                         kode=BENCH_KODE, nama=BENCH_NAMA, demo_users=False)
            self.stdout.write(f"Seed {n:,} pegawai: {time.monotonic() - started:.1f} detik.")
            if connection.vendor == "postgresql":
                # Fresh statistics, as autovacuum would soon have them; without them the planner guesses.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            return Instansi.objects.get(kode=BENCH_KODE)
        have = Pegawai.objects.filter(unit_kerja__instansi=instansi).count()
        if have != n:
            raise CommandError(
                f"Instansi {BENCH_KODE} sudah berisi {have:,} pegawai, bukan {n:,}. "
                "Pakai basis data lain atau jumlah yang sama."
            )
        return instansi

    def _hr_user(self, instansi: Instansi) -> User:
        user, _ = User.objects.get_or_create(username=BENCH_USER, defaults={"instansi": instansi})
        user.groups.add(Group.objects.get_or_create(name=HR_GROUP)[0])
        return user

    def _pages(self, instansi: Instansi, tahun: int) -> list[tuple[str, str]]:
        daftar = reverse("pegawai:list")
        perangkat = UnitKerja.objects.filter(instansi=instansi, level=UnitKerja.Level.PERANGKAT_DAERAH).order_by(
            "kode"
        )[1]
        nip = Pegawai.objects.filter(unit_kerja__instansi=instansi).order_by("nip").values_list("nip", flat=True)[1000]
        top = UnitKerja.objects.filter(instansi=instansi).order_by("level", "kode").first()
        sekda_rhk = RencanaHasilKerja.objects.filter(skp__pegawai_id=top.kepala_id, skp__tahun=tahun, urutan=0).first()
        return [
            ("Daftar pegawai, halaman 1", daftar),
            ("Daftar pegawai, halaman 100", f"{daftar}?page=100"),
            ("Cari: unit (dengan sub-unit) + nama 'siti'", f"{daftar}?unit_kerja={perangkat.pk}&q=siti"),
            (f"Cari: awal NIP '{nip[:10]}'", f"{daftar}?q={nip[:10]}"),
            ("Pohon unit kerja", reverse("pegawai:unit-tree")),
            ("Beranda HR (jumlah per unit)", reverse("pegawai:hr-home")),
            ("Pohon kinerja, HR (dari Sekda)", f"{reverse('penilaian:skp-pohon')}?tahun={tahun}"),
            ("Pohon kinerja, buka satu simpul Sekda", reverse("penilaian:skp-pohon-anak", args=[sekda_rhk.pk])),
            ("Kegiatan tim, HR (seluruh instansi)", reverse("harian:tim")),
        ]

    def _measure(self, client: Client, label: str, url: str, n: int) -> dict:
        response = client.get(url, secure=True)  # warm-up; also proves the page works
        if response.status_code != 200:
            raise CommandError(f"{url} menjawab {response.status_code}")
        times = []
        for _ in range(n):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                client.get(url, secure=True)
                times.append((time.perf_counter() - started) * 1000)
        for q in ctx.captured_queries:
            if float(q["time"]) * 1000 > self._worst[0] and q["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                self._worst = (float(q["time"]) * 1000, label, q["sql"])
        return {
            "halaman": label,
            "url": url,
            "median_ms": round(statistics.median(times), 1),
            "min_ms": round(min(times), 1),
            "kueri": len(ctx),
            "kb": len(response.content) / 1024,
        }
