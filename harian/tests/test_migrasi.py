"""Migration 0004 (issue 19 §4): entries of the old shape (IKI + duration) move into the 2026 shape without loss.

The database is taken back to 0004's schema (the duration column still there), old-shape rows are written
with the historical model, and the migration's own function is called directly.
"""
import importlib
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from penilaian.models import RencanaAksi
from penilaian.tests.factories import PenilaianFactory

from .factories import iki_of, periode, skp_aktif, today

pytestmark = pytest.mark.django_db(transaction=True)

MIGRASI = importlib.import_module("harian.migrations.0004_bentuk_2026")
SEBELUM = ("harian", "0004_bentuk_2026")


@pytest.fixture
def skema_lama():
    executor = MigrationExecutor(connection)
    leaf = [n for n in executor.loader.graph.leaf_nodes() if n[0] == "harian"]
    executor.migrate([SEBELUM])
    try:
        yield MigrationExecutor(connection).loader.project_state([SEBELUM]).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(leaf)


def test_durations_become_stacked_times_and_iki_finds_its_rencana_aksi(org, skema_lama):
    apps = skema_lama
    Lama = apps.get_model("harian", "KegiatanHarian")
    t = today() - timedelta(days=1)
    skp = skp_aktif(org.pegawai)
    iki, iki_tanpa_ra = iki_of(skp), iki_of(skp, 1)
    tw = periode(org.instansi, mulai=t - timedelta(days=10), selesai=t + timedelta(days=1), nama="TW uji")
    tahun = periode(org.instansi, mulai=t - timedelta(days=60), selesai=t + timedelta(days=20), nama="Tahun uji")
    ra_tw = RencanaAksi.objects.create(penilaian=PenilaianFactory(skp=skp, periode=tw), rhk=iki.rhk, teks="TW")
    RencanaAksi.objects.create(penilaian=PenilaianFactory(skp=skp, periode=tahun), rhk=iki.rhk, teks="Tahun")

    def lama(pegawai, tanggal, durasi, iki=None, dibuat=0):
        k = Lama.objects.create(pegawai_id=pegawai.pk, tanggal=tanggal, uraian=f"{durasi}", kuantitas=Decimal(1),
                                satuan="dokumen", durasi_menit=durasi, iki_id=iki.pk if iki else None)
        # creation order decides the stacking, not the primary key
        Lama.objects.filter(pk=k.pk).update(dibuat_pada=timezone.make_aware(datetime(2026, 1, 1)) + timedelta(
            minutes=dibuat))
        return k.pk

    a = lama(org.pegawai, t, 90, iki, dibuat=2)
    b = lama(org.pegawai, t, 60, iki_tanpa_ra, dibuat=1)
    c = lama(org.pegawai, t, None, dibuat=3)
    d = lama(org.rekan, t, 30)                                     # another pegawai starts at 08:00 again
    e = lama(org.pegawai, t - timedelta(days=40), 45, iki)         # only the year period covers it
    f = lama(org.pegawai, t - timedelta(days=200), 15, iki)        # no period: the IKI link alone stays

    MIGRASI.isi_jam_dan_rencana_aksi(apps, None)

    got = {r["pk"]: r for r in Lama.objects.values(
        "pk", "jam_mulai", "jam_selesai", "rencana_aksi_id", "iki_id", "status", "durasi_menit", "uraian")}
    assert (got[b]["jam_mulai"], got[b]["jam_selesai"]) == (time(8), time(9))          # created first
    assert (got[a]["jam_mulai"], got[a]["jam_selesai"]) == (time(9), time(10, 30))
    assert (got[c]["jam_mulai"], got[c]["jam_selesai"]) == (None, None)                # no duration, no times
    assert (got[d]["jam_mulai"], got[d]["jam_selesai"]) == (time(8), time(8, 30))
    assert got[a]["rencana_aksi_id"] == ra_tw.pk                                       # the triwulan, not the year
    assert got[b]["rencana_aksi_id"] is None and got[b]["iki_id"] == iki_tanpa_ra.pk   # RHK without rencana aksi
    assert RencanaAksi.objects.get(pk=got[e]["rencana_aksi_id"]).teks == "Tahun"
    assert got[f]["rencana_aksi_id"] is None and got[f]["iki_id"] == iki.pk
    assert {r["status"] for r in got.values()} == {"DIAJUKAN"}
    # Nothing lost: every duration is what the times say; the other fields are untouched.
    for r in got.values():
        if r["durasi_menit"]:
            menit = (datetime.combine(t, r["jam_selesai"]) - datetime.combine(t, r["jam_mulai"])).seconds // 60
            assert menit == r["durasi_menit"] and r["uraian"] == str(menit)

    # Backwards gives the same durations back.
    Lama.objects.update(durasi_menit=None)
    MIGRASI.kembalikan_durasi(apps, None)
    assert dict(Lama.objects.values_list("pk", "durasi_menit")) == {a: 90, b: 60, c: None, d: 30, e: 45, f: 15}
