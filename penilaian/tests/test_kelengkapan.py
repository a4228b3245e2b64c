"""Kelengkapan penilaian: percentages, progress bars, unit codes, a perangkat daerah with its sub-units."""
import pytest
from django.urls import reverse

from pegawai.models import UnitKerja
from pegawai.tests.factories import PegawaiFactory, UnitKerjaFactory
from penilaian.evaluasi.kelengkapan import kelengkapan, persen
from penilaian.models import Penilaian
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka, skp_disetujui

pytestmark = pytest.mark.django_db
S = Penilaian.Status


@pytest.mark.parametrize("bagian, total, hasil", [(0, 0, 0), (1, 3, 33), (2, 3, 66), (199, 200, 99), (5, 5, 100)])
def test_percent_rounds_down_so_100_means_all(bagian, total, hasil):
    assert persen(bagian, total) == hasil


@pytest.fixture
def data(org):
    periode = periode_terbuka(org.instansi)
    penilaian_untuk(org.pegawai, periode, status=S.DIAJUKAN)   # S1
    penilaian_untuk(org.rekan, periode, status=S.DRAFT)        # S1
    penilaian_untuk(org.atasan, periode, status=S.DITERIMA)    # S1
    skp_disetujui(org.lain)                                    # S2, not opened
    lain_pd = UnitKerjaFactory(instansi=org.instansi, kode="D9", nama="Dinas Lain",
                               level=UnitKerja.Level.PERANGKAT_DAERAH)
    penilaian_untuk(PegawaiFactory(unit_kerja=lain_pd), periode, status=S.FINAL)
    org.bidang.level = UnitKerja.Level.PERANGKAT_DAERAH
    org.bidang.save()
    return periode, lain_pd


def test_rows_and_totals_for_a_perangkat_daerah_with_its_sub_units(org, data):
    periode, _lain = data
    rows, jumlah = kelengkapan(org.instansi.pk, periode, org.bidang)
    by = {r.kode: r for r in rows}
    assert set(by) == {"S1", "S2"}
    assert (by["S1"].total, by["S1"].diajukan, by["S1"].selesai, by["S1"].persen_diajukan) == (3, 2, 1, 66)
    assert by["S2"].persen_diajukan == 0 and by["S2"].belum_dibuka == 1
    assert (jumlah.total, jumlah.diajukan, jumlah.selesai, jumlah.persen_diajukan, jumlah.persen_selesai) == (
        4, 2, 1, 50, 25)
    _rows, semua = kelengkapan(org.instansi.pk, periode)
    assert (semua.total, semua.selesai) == (5, 2)


def test_page_shows_codes_percentages_bars_and_the_chosen_perangkat_daerah(client, org, data,
                                                                          django_assert_max_num_queries):
    periode, lain = data
    client.force_login(org.hr)
    url = reverse("penilaian:evaluasi-rekap")
    params = {"tahun": periode.tahun, "periode": periode.pk, "induk": org.bidang.pk}
    with django_assert_max_num_queries(25):
        html = client.get(url, params).content.decode()
    assert "S1 — Seksi Satu (Bidang Satu)" in html and "D9 — Dinas Lain" not in html.split('id="tabel-rekap"')[1]
    assert 'data-width="66"' in html and "2 · 66%" in html
    assert "2 dari 4 penilaian diajukan (50%)" in html
    assert f'<option value="{lain.pk}"' in html  # the other perangkat daerah can be chosen
    assert 'style="' not in html.split('id="tabel-rekap"')[1]
