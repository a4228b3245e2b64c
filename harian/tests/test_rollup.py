"""The roll-up per IKI that the realisasi form offers (domain.md §3.2: realisasi per IKI per period)."""
from datetime import timedelta
from decimal import Decimal

import pytest

from harian.selectors import rollup_per_iki
from penilaian.tests.factories import PenilaianFactory

from .factories import KegiatanFactory, iki_of, periode, skp_aktif, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(org):
    t = today()
    skp = skp_aktif(org.pegawai)  # today-90 .. today+30
    per = periode(org.instansi, mulai=t - timedelta(days=30), selesai=t, nama="Bulan uji")
    return skp, PenilaianFactory(skp=skp, periode=per), t


def test_sums_per_iki_only_within_the_period(org, setup):
    skp, penilaian, t = setup
    a, b = iki_of(skp, 0), iki_of(skp, 1)
    k1 = KegiatanFactory(
        pegawai=org.pegawai, iki=a, kuantitas=Decimal("2.5"), tanggal=t - timedelta(days=30)
    )  # first day
    k2 = KegiatanFactory(pegawai=org.pegawai, iki=a, kuantitas=Decimal(3), tanggal=t)  # last day
    KegiatanFactory(pegawai=org.pegawai, iki=a, kuantitas=Decimal(100), tanggal=t - timedelta(days=31))  # before
    k3 = KegiatanFactory(pegawai=org.pegawai, iki=b, kuantitas=Decimal(1), tanggal=t - timedelta(days=5))
    KegiatanFactory(pegawai=org.pegawai, iki=None, kuantitas=Decimal(7), tanggal=t)  # unlinked

    rollup = rollup_per_iki(penilaian)

    assert set(rollup) == {a.pk, b.pk}
    assert rollup[a.pk].jumlah == Decimal("5.5") and rollup[a.pk].kegiatan == [k1, k2]  # oldest first
    assert rollup[b.pk].jumlah == Decimal(1) and rollup[b.pk].kegiatan == [k3]


def test_only_the_pegawais_own_activities_and_own_skp_count(org, setup):
    skp, penilaian, t = setup
    a = iki_of(skp, 0)
    other_skp = skp_aktif(org.rekan)
    # Rows the services would refuse, written directly: they must still not leak into the sum.
    KegiatanFactory(pegawai=org.rekan, iki=a, kuantitas=Decimal(50), tanggal=t)
    KegiatanFactory(pegawai=org.pegawai, iki=iki_of(other_skp), kuantitas=Decimal(40), tanggal=t)
    KegiatanFactory(pegawai=org.pegawai, iki=a, kuantitas=Decimal(1), tanggal=t)

    rollup = rollup_per_iki(penilaian)

    assert set(rollup) == {a.pk} and rollup[a.pk].jumlah == Decimal(1)


def test_period_is_clipped_to_the_skp_dates(org):
    t = today()
    skp = skp_aktif(org.pegawai, mulai=t - timedelta(days=10), selesai=t)
    per = periode(org.instansi, mulai=t - timedelta(days=40), selesai=t, nama="Panjang")
    a = iki_of(skp)
    KegiatanFactory(pegawai=org.pegawai, iki=a, kuantitas=Decimal(9), tanggal=t - timedelta(days=20))  # before the SKP
    KegiatanFactory(pegawai=org.pegawai, iki=a, kuantitas=Decimal(2), tanggal=t - timedelta(days=3))
    assert rollup_per_iki(PenilaianFactory(skp=skp, periode=per))[a.pk].jumlah == Decimal(2)


def test_empty_when_nothing_is_linked(setup):
    assert rollup_per_iki(setup[1]) == {}


def test_fixed_number_of_queries(org, setup, django_assert_num_queries):
    skp, penilaian, t = setup
    for i in range(30):
        KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp, i % 2), tanggal=t - timedelta(days=i % 20))
    with django_assert_num_queries(1):
        rollup = rollup_per_iki(penilaian)
    assert sum(r.jumlah for r in rollup.values()) == 30
