"""Pure rules of perjanjian kerja: length (domain.md §7.6, §11.1), contract years and the renewal
recommendation (our reading of §11.1 and §7.6, see kontrak/rules.py)."""
from datetime import date

import pytest

from kontrak.rules import Rekomendasi, ke_tahun, pesan_masa_kontrak, rekomendasi, tahun_kontrak, tanggal_acuan
from penilaian.predikat import Predikat

SB, B, BP, K, SK = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG,
                    Predikat.SANGAT_KURANG)

# (status, mulai, selesai, accepted, a word of the message)
MASA = [
    ("PPPK_PW", date(2026, 1, 1), date(2026, 12, 31), True, ""),
    ("PPPK_PW", date(2026, 7, 1), date(2027, 6, 30), True, ""),
    ("PPPK_PW", date(2024, 2, 29), date(2025, 2, 27), True, ""),  # 29 Feb + 1 year = 28 Feb, minus a day
    ("PPPK_PW", date(2026, 1, 1), date(2026, 12, 30), False, "31-12-2026"),
    ("PPPK_PW", date(2026, 1, 1), date(2027, 12, 31), False, "1 tahun"),
    ("PPPK_PW", date(2026, 1, 1), date(2025, 12, 31), False, "sebelum"),
    ("PPPK", date(2026, 1, 1), date(2030, 12, 31), True, ""),
    ("PPPK", date(2026, 1, 1), date(2026, 12, 31), True, ""),
    ("PPPK", date(2026, 1, 1), date(2026, 6, 30), False, "paling singkat"),
    ("PNS", date(2026, 1, 1), date(2026, 12, 31), False, "hanya untuk"),
    ("CPNS", date(2026, 1, 1), date(2026, 12, 31), False, "hanya untuk"),
]


@pytest.mark.parametrize(("status", "mulai", "selesai", "ok", "kata"), MASA)
def test_masa_perjanjian_kerja(status, mulai, selesai, ok, kata):
    pesan = pesan_masa_kontrak(status, mulai, selesai)
    assert (pesan == "") is ok
    assert kata in pesan


# (mulai, selesai, pada, contract year or None)
TAHUN_KONTRAK = [
    (date(2025, 7, 1), date(2026, 6, 30), date(2025, 7, 1), (date(2025, 7, 1), date(2026, 6, 30))),
    (date(2025, 7, 1), date(2026, 6, 30), date(2026, 3, 15), (date(2025, 7, 1), date(2026, 6, 30))),
    (date(2025, 7, 1), date(2026, 6, 30), date(2026, 7, 1), None),
    (date(2025, 7, 1), date(2026, 6, 30), date(2025, 6, 30), None),
    (date(2024, 4, 1), date(2029, 3, 31), date(2026, 3, 31), (date(2025, 4, 1), date(2026, 3, 31))),
    (date(2024, 4, 1), date(2029, 3, 31), date(2026, 4, 1), (date(2026, 4, 1), date(2027, 3, 31))),
    (date(2024, 4, 1), date(2025, 9, 30), date(2025, 5, 1), (date(2025, 4, 1), date(2025, 9, 30))),  # short last
]


@pytest.mark.parametrize(("mulai", "selesai", "pada", "hasil"), TAHUN_KONTRAK)
def test_tahun_kontrak(mulai, selesai, pada, hasil):
    assert tahun_kontrak(mulai, selesai, pada) == hasil
    if hasil:
        assert ke_tahun(mulai, hasil[0]) == ke_tahun(mulai, pada) == ke_tahun(mulai, hasil[1])


def test_tanggal_acuan_hari_ini_untuk_tahun_berjalan_dan_31_desember_lainnya():
    assert tanggal_acuan(2026, date(2026, 5, 4)) == date(2026, 5, 4)
    assert tanggal_acuan(2025, date(2026, 5, 4)) == date(2025, 12, 31)


R = Rekomendasi
# (status, annual predikat, quarterly predikat, recommendation)
REKOMENDASI = [
    ("PPPK_PW", None, [], R.PERTIMBANGKAN),
    ("PPPK_PW", SB, [B, B, SB, B], R.USUL_PENGANGKATAN),
    ("PPPK_PW", B, [], R.USUL_PENGANGKATAN),
    ("PPPK_PW", B, [B, BP, B], R.PERPANJANG),  # a weak quarter: extend, not convert
    ("PPPK_PW", None, [B, B], R.PERPANJANG),  # no annual predikat yet: never a conversion
    ("PPPK_PW", B, [B, K, B], R.PERTIMBANGKAN),
    ("PPPK_PW", BP, [B, B], R.PERTIMBANGKAN),
    ("PPPK_PW", None, [B, BP], R.PERTIMBANGKAN),  # the latest quarter is the basis
    ("PPPK_PW", K, [B], R.TIDAK_DIPERPANJANG),
    ("PPPK_PW", SK, [], R.TIDAK_DIPERPANJANG),
    ("PPPK_PW", None, [B, SK], R.TIDAK_DIPERPANJANG),
    ("PPPK", SB, [SB, SB], R.PERPANJANG),  # a full PPPK is extended, there is nothing to convert to
    ("PPPK", B, [], R.PERPANJANG),
    ("PPPK", BP, [], R.PERTIMBANGKAN),
    ("PPPK", K, [], R.TIDAK_DIPERPANJANG),
]


@pytest.mark.parametrize(("status", "tahunan", "triwulan", "hasil"), REKOMENDASI)
def test_rekomendasi_perpanjangan(status, tahunan, triwulan, hasil):
    saran = rekomendasi(status, tahunan, triwulan)
    assert saran.rekomendasi == hasil
    assert saran.alasan and saran.warna
