"""The PPPK 24 JP cap counts per contract year (PP 49/2018 Pasal 40(1), domain.md §7.6, §11.1); without a
perjanjian kerja, and for PNS, the calendar year."""
from datetime import date

import pytest

from kontrak.tests.factories import PerjanjianFactory, pppk
from pegawai.models import Pegawai
from pelatihan.models import RiwayatPengembangan
from pelatihan.selectors import below_target, jp_terverifikasi, ringkasan_per_unit, with_jp
from pelatihan.tests.factories import RiwayatFactory

pytestmark = pytest.mark.django_db
V = RiwayatPengembangan.Status.DIVERIFIKASI

# A contract year spanning two calendar years: 1 Jul 2025 – 30 Jun 2026, then the renewal from 1 Jul 2026.
KONTRAK = [(date(2025, 7, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2027, 6, 30))]
# Verified records: (tanggal_selesai, jp)
RIWAYAT = [(date(2025, 6, 20), 6), (date(2025, 11, 14), 16), (date(2026, 3, 4), 10), (date(2026, 8, 1), 4)]

# (status, with contracts, tahun, judged at, expected JP)
TABEL = [
    ("PPPK_PW", True, 2026, date(2026, 4, 1), 26),  # 16 (Nov 2025) + 10 (Mar 2026): over the cap
    ("PPPK_PW", True, 2026, date(2026, 6, 30), 26),  # the contract's last day
    ("PPPK_PW", True, 2026, date(2026, 7, 1), 4),  # renewal: a new contract year
    ("PPPK_PW", True, 2025, date(2025, 12, 31), 26),  # judged on 31 December: its whole contract year
    ("PPPK", True, 2026, date(2026, 4, 1), 26),
    ("PPPK", False, 2026, date(2026, 4, 1), 14),  # no contract: calendar year 2026
    ("PPPK_PW", True, 2025, date(2025, 6, 25), 22),  # before the first contract: calendar year 2025 (6 + 16)
    ("PNS", False, 2026, date(2026, 4, 1), 14),
    ("PNS", True, 2025, date(2025, 12, 31), 22),  # PNS never by contract
]


def _pegawai(status, org, with_kontrak):
    from pegawai.tests.factories import PegawaiFactory

    p = pppk(status=status, unit_kerja=org.seksi) if status != "PNS" else PegawaiFactory(unit_kerja=org.seksi)
    if with_kontrak:
        for i, (mulai, selesai) in enumerate(KONTRAK):
            # a PNS cannot have one through the service; the row is written directly to prove it is ignored
            PerjanjianFactory(pegawai=p, nomor=f"PK-{i}", tanggal_mulai=mulai, tanggal_selesai=selesai)
    for selesai, jp in RIWAYAT:
        RiwayatFactory(pegawai=p, tanggal_mulai=selesai, tanggal_selesai=selesai, jp=jp, status=V)
    RiwayatFactory(pegawai=p, tanggal_mulai=date(2026, 3, 1), tanggal_selesai=date(2026, 3, 1), jp=8)  # not verified
    return p


@pytest.mark.parametrize(("status", "with_kontrak", "tahun", "pada", "jp"), TABEL)
def test_jp_per_tahun_kontrak(org, time_machine, status, with_kontrak, tahun, pada, jp):
    p = _pegawai(status, org, with_kontrak)
    time_machine.move_to(pada)
    assert with_jp(Pegawai.objects.filter(pk=p.pk), tahun).get().jp == jp
    assert with_jp(Pegawai.objects.filter(pk=p.pk), tahun, pada=pada).get().jp == jp
    assert jp_terverifikasi(p, tahun) == jp


def test_laporan_menghitung_pppk_melebihi_batas_per_tahun_kontrak(org, time_machine):
    time_machine.move_to(date(2026, 4, 1))
    p = _pegawai("PPPK_PW", org, True)
    qs = with_jp(Pegawai.objects.filter(unit_kerja=org.seksi), 2026)
    assert p in below_target(qs)  # 26 JP in the contract year > 24; the calendar year alone shows 14
    unit = next(r for r in ringkasan_per_unit(qs) if r.unit_id == org.seksi.pk)
    assert (unit.n_pppk, unit.n_pppk_melebihi) == (1, 1)


def test_jumlah_query_daftar_tidak_bertambah(org, django_assert_max_num_queries, time_machine):
    time_machine.move_to(date(2026, 4, 1))
    for _ in range(3):
        _pegawai("PPPK_PW", org, True)
    with django_assert_max_num_queries(1):
        rows = list(with_jp(Pegawai.objects.filter(unit_kerja=org.seksi), 2026))
    assert sorted(r.jp for r in rows if r.status == "PPPK_PW") == [26, 26, 26]


def test_halaman_pelatihan_menyebut_tahun_kontrak(client, org, time_machine):
    from django.urls import reverse

    time_machine.move_to(date(2026, 4, 1))
    p = _pegawai("PPPK_PW", org, True)
    client.force_login(p.user)
    r = client.get(reverse("pelatihan:saya"), {"tahun": 2026})
    html = r.content.decode()
    assert r.context["jp"].jp == 26 and r.context["jp"].melebihi
    assert 'id="jp-tahun-kontrak"' in html and "01-07-2025 s.d. 30-06-2026" in html
