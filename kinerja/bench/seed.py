"""Seed the bench instansi: organisation and accounts (``pegawai.demo.seed_org``, one password hash for
all), then a year of SKPs, evaluations, peer input, training and daily activities. Idempotent: a second
run with the same size reuses what is there; another size is refused (use another database).
"""
import random
import time
from datetime import date

from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from pegawai.demo import seed_org
from pegawai.models import Instansi, Pegawai
from pelatihan.rekap import rekap_jp_rebuild
from penilaian.ringkasan import rebuild as rebuild_ringkasan

from .seed_evaluasi import seed_evaluasi
from .seed_lain import seed_harian, seed_pelatihan, seed_rekan
from .seed_skp import Tahun, seed_skp

BENCH_KODE = "BENCH"
BENCH_NAMA = "Pemerintah Kota Uji Beban"
PASSWORD = "bench-Kinerja-2026"


def seed(n: int, *, hari: int = 20, tahun: int | None = None, log=print) -> tuple[Instansi, Tahun, float]:
    """Returns the instansi, its year and the seconds the seeding took (0 when it existed)."""
    started = time.monotonic()
    instansi = Instansi.objects.filter(kode=BENCH_KODE).first()
    if instansi is not None and (have := Pegawai.objects.filter(unit_kerja__instansi=instansi).count()) != n:
        raise CommandError(f"Instansi {BENCH_KODE} sudah berisi {have:,} pegawai, bukan {n:,}. "
                           "Pakai basis data lain atau jumlah yang sama.")
    baru = instansi is None

    def step(label: str, t0: float) -> float:
        now = time.monotonic()
        log(f"  {label}: {now - t0:.1f} s")
        return now

    with transaction.atomic():
        t = started
        _tanpa_pemicu()
        if baru:
            seed_org(n_pegawai=n, password=PASSWORD, rng=random.Random(7), log=log, kode=BENCH_KODE,
                     nama=BENCH_NAMA, demo_users=False)
            instansi = Instansi.objects.get(kode=BENCH_KODE)
            t = step("organisasi dan akun", t)
        data = seed_skp(instansi, tahun=tahun or date.today().year, log=log)
        penilaian = seed_evaluasi(instansi, data, log=log)
        t = step("SKP dan penilaian", t)
        seed_rekan(instansi, data, penilaian, log=log)
        seed_pelatihan(data, log=log)
        seed_harian(data, hari=hari, log=log)
        t = step("rekan, pelatihan, harian", t)
        _analyze()  # the counts below join the fresh tables: without statistics the planner picks seq scans
        t = step("ANALYZE", t)
        # Bulk writes bypass the services that keep the summary rows current: count them once here.
        rebuild_ringkasan(instansi.pk)
        rekap_jp_rebuild(instansi_id=instansi.pk)
        t = step("ringkasan per unit dan rekap JP", t)
    t = step("commit", t)
    if baru:
        _laporan_siasn(instansi, data.tahun)
        t = step("laporan SIASN skp22 tersimpan", t)
    _analyze(*RINGKASAN)  # the summary tables were empty at the first ANALYZE: a planner told "one row"
    step("ANALYZE tabel ringkasan", t)  # joins them badly (5.9 s for the JP report)
    return instansi, data, (time.monotonic() - started) if baru else 0.0


def _laporan_siasn(instansi: Instansi, tahun: int) -> None:
    """The stored SIASN report HR's page reads (the beat task would compile it within 30 minutes): the
    annual one, so the bench times the page with its rows, not its empty state."""
    from siasn.laporan import laporan_siasn_run
    from siasn.models import EksporSiasn, LaporanSiasn

    laporan, _ = LaporanSiasn.objects.get_or_create(
        instansi=instansi, tahun=tahun, jenis=EksporSiasn.Jenis.SKP22,
        defaults={"status": LaporanSiasn.Status.MENUNGGU})
    laporan_siasn_run(laporan_id=laporan.pk)


RINGKASAN = ("pelatihan_rekapjp", "penilaian_ringkasanunit", "penilaian_ringkasanskpunit",
             "penilaian_ringkasanpenuh", "siasn_laporansiasn", "siasn_laporansiasnbaris")


def _analyze(*tabel: str) -> None:
    """PostgreSQL: fresh statistics (of ``tabel``, else of everything), as autovacuum would soon have them
    (ANALYZE, unlike VACUUM, runs inside the transaction and sees its rows)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tabel)}")


def _tanpa_pemicu() -> None:
    """PostgreSQL: no foreign-key triggers for this transaction (the rows are consistent by construction,
    and a million deferred checks at commit cost more than writing them). Needs a superuser; without one
    the checks simply run."""
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        pass
