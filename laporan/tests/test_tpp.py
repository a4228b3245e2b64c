"""The TPP computation and its helpers, table-driven. The percentages are the instansi's Perkada (no
national rule, domain.md §5.2); late daily reports reducing TPP: domain.md §9.2, §11.1."""
from datetime import date
from decimal import Decimal as D

import pytest

from laporan.tpp import Aturan, Kepatuhan, hari_kerja, hitung_tpp, kepatuhan
from penilaian.predikat import Predikat

ATURAN = Aturan(
    persen={Predikat.SANGAT_BAIK: D(100), Predikat.BAIK: D(100), Predikat.BUTUH_PERBAIKAN: D(75),
            Predikat.KURANG: D(50), Predikat.SANGAT_KURANG: D(25)},
    persen_belum_dinilai=D(0), potongan_terlambat=D("0.5"), potongan_tidak_lapor=D(2), batas_potongan=D(40),
    toleransi_hari=1,
)


@pytest.mark.parametrize("predikat, terlambat, tidak, dasar, potongan, akhir", [
    (Predikat.BAIK, 0, 0, "100.00", "0.00", "100.00"),
    (Predikat.SANGAT_BAIK, 0, 0, "100.00", "0.00", "100.00"),
    (Predikat.BUTUH_PERBAIKAN, 0, 0, "75.00", "0.00", "75.00"),
    (Predikat.KURANG, 1, 0, "50.00", "0.50", "49.50"),
    (Predikat.SANGAT_KURANG, 0, 1, "25.00", "2.00", "23.00"),
    (Predikat.BAIK, 3, 2, "100.00", "5.50", "94.50"),
    (Predikat.BAIK, 0, 22, "100.00", "40.00", "60.00"),  # capped at batas_potongan
    (Predikat.SANGAT_KURANG, 0, 20, "25.00", "40.00", "0.00"),  # never below zero
    (None, 0, 0, "0.00", "0.00", "0.00"),  # no final predikat: persen_belum_dinilai
    ("BAIK", 1, 1, "100.00", "2.50", "97.50"),  # the stored code works too
])
def test_hitung_tpp(predikat, terlambat, tidak, dasar, potongan, akhir):
    k = Kepatuhan(hari_kerja=22, tepat_waktu=22 - terlambat - tidak, terlambat=terlambat, tidak_lapor=tidak)
    h = hitung_tpp(ATURAN, predikat, k)
    assert (str(h.persen_predikat), str(h.potongan), str(h.persen_kinerja)) == (dasar, potongan, akhir)


def test_hitung_tpp_tanpa_predikat_memakai_persen_instansi():
    aturan = Aturan(**{**ATURAN.__dict__, "persen_belum_dinilai": D(60)})
    assert hitung_tpp(aturan, None, Kepatuhan(20, 20, 0, 0)).persen_kinerja == D("60.00")


@pytest.mark.parametrize("tahun, bulan, hari_ini, n, pertama, terakhir", [
    (2026, 11, date(2026, 12, 1), 21, date(2026, 11, 2), date(2026, 11, 30)),  # whole month, Mon–Fri
    (2026, 2, date(2026, 12, 1), 20, date(2026, 2, 2), date(2026, 2, 27)),
    (2026, 12, date(2026, 12, 3), 2, date(2026, 12, 1), date(2026, 12, 2)),  # today is still open
    (2026, 12, date(2026, 12, 1), 0, None, None),
])
def test_hari_kerja(tahun, bulan, hari_ini, n, pertama, terakhir):
    hari = hari_kerja(tahun, bulan, hari_ini)
    assert len(hari) == n
    assert all(d.weekday() < 5 for d in hari)
    if n:
        assert (hari[0], hari[-1]) == (pertama, terakhir)


@pytest.mark.parametrize("bulan", [0, 13, -1])
def test_hari_kerja_bulan_salah(bulan):
    with pytest.raises(ValueError):
        hari_kerja(2026, bulan, date(2026, 12, 1))


@pytest.mark.parametrize("dicatat, toleransi, hasil", [
    ({}, 1, (3, 0, 0, 3)),
    ({date(2026, 11, 2): date(2026, 11, 2)}, 1, (3, 1, 0, 2)),  # same day
    ({date(2026, 11, 2): date(2026, 11, 3)}, 1, (3, 1, 0, 2)),  # within the tolerance
    ({date(2026, 11, 2): date(2026, 11, 4)}, 1, (3, 0, 1, 2)),  # two days later: late
    ({date(2026, 11, 2): date(2026, 11, 4)}, 2, (3, 1, 0, 2)),
    ({date(2026, 11, 2): date(2026, 11, 2)}, 0, (3, 1, 0, 2)),
    ({date(2026, 11, 2): date(2026, 11, 3)}, 0, (3, 0, 1, 2)),
    ({d: d for d in (date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4))}, 1, (3, 3, 0, 0)),
    ({date(2026, 11, 7): date(2026, 11, 7)}, 1, (3, 0, 0, 3)),  # a Saturday entry is not a working day
])
def test_kepatuhan(dicatat, toleransi, hasil):
    hari = [date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)]
    k = kepatuhan(hari, dicatat, toleransi)
    assert (k.hari_kerja, k.tepat_waktu, k.terlambat, k.tidak_lapor) == hasil


def test_persen_patuh():
    assert Kepatuhan(3, 2, 0, 1).persen_patuh == D("66.67")
    assert Kepatuhan(0, 0, 0, 0).persen_patuh == D(100)
