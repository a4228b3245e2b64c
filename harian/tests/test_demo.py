"""seed_demo step: realistic, linked where an approved SKP exists, bounded, idempotent."""
import random

import pytest

from harian import demo
from harian.models import KegiatanHarian, TanggapanKegiatan
from pegawai.demo import seed_org

from .factories import skp_aktif

pytestmark = pytest.mark.django_db


def test_seed_fills_the_demo_team_links_iki_and_is_idempotent():
    logins = seed_org(n_pegawai=60, password="x", rng=random.Random(1), log=lambda *a: None)
    atasan, tim, anggota = demo._anggota(logins.instansi)
    skp = skp_aktif(tim[0])  # one member with an approved SKP; the others have none (unlinked entries)
    demo.seed(logins.instansi, rng=random.Random(2), log=lambda *a: None)

    assert 0 < len(anggota) <= demo.MAKS_PEGAWAI
    assert KegiatanHarian.objects.filter(pegawai=tim[0], iki__rhk__skp=skp).exists()
    assert KegiatanHarian.objects.filter(pegawai__in=tim[1:], iki__isnull=True).exists() or len(tim) == 1
    assert TanggapanKegiatan.objects.filter(oleh=atasan).exists()
    # The 2026 shape: every entry has times, none overlap; the team's older ones are reviewed.
    assert not KegiatanHarian.objects.filter(jam_mulai__isnull=True).exists()
    for k in KegiatanHarian.objects.all()[:200]:
        assert not KegiatanHarian.objects.filter(pegawai=k.pegawai, tanggal=k.tanggal, jam_mulai__lt=k.jam_selesai,
                                                 jam_selesai__gt=k.jam_mulai).exclude(pk=k.pk).exists()
    statuses = set(KegiatanHarian.objects.filter(pegawai__in=tim).values_list("status", flat=True))
    assert {KegiatanHarian.Status.DISETUJUI, KegiatanHarian.Status.DIAJUKAN} <= statuses
    assert KegiatanHarian.objects.filter(status=KegiatanHarian.Status.DIKEMBALIKAN).exclude(catatan_atasan="").exists()
    n = KegiatanHarian.objects.count()
    demo.seed(logins.instansi, rng=random.Random(3), log=lambda *a: None)
    assert KegiatanHarian.objects.count() == n
