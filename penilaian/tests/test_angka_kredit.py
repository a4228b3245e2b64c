"""The angka kredit table of domain.md §5.1, cell by cell."""
from decimal import Decimal

import pytest

from penilaian.angka_kredit import hitung_angka_kredit
from penilaian.predikat import Predikat

SB, B, BP, K, SK = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG,
                    Predikat.SANGAT_KURANG)

# domain.md §5.1 "Koefisien per jenjang, and the resulting AK per year", copied verbatim.
TABEL = {
    "PEMULA": ("5.63", "3.75", "2.81", "1.88", "0.94"),
    "TERAMPIL": ("7.5", "5", "3.75", "2.5", "1.25"),
    "MAHIR": ("18.75", "12.5", "9.38", "6.25", "3.13"),
    "PENYELIA": ("37.5", "25", "18.75", "12.5", "6.25"),
    "AHLI_PERTAMA": ("18.75", "12.5", "9.38", "6.25", "3.13"),
    "AHLI_MUDA": ("37.5", "25", "18.75", "12.5", "6.25"),
    "AHLI_MADYA": ("56.25", "37.5", "28.13", "18.75", "9.38"),
    "AHLI_UTAMA": ("75", "50", "37.5", "25", "12.5"),
}
KASUS = [
    (jenjang, predikat, Decimal(nilai))
    for jenjang, baris in TABEL.items()
    for predikat, nilai in zip((SB, B, BP, K, SK), baris, strict=True)
]


@pytest.mark.parametrize(("jenjang", "predikat", "ak"), KASUS, ids=[f"{j}-{p.name}" for j, p, _ in KASUS])
def test_ak_tahunan_sesuai_tabel_5_1(jenjang, predikat, ak):
    assert hitung_angka_kredit(predikat, jenjang) == ak


def test_every_jenjang_of_the_jabatan_model_is_in_the_table():
    from pegawai.models import Jabatan

    assert set(TABEL) == set(Jabatan.Jenjang.values)


def test_contoh_bkn_ahli_pertama_baik_dua_bulan():
    # domain.md §5.1: 2/12 × 100% × 12.5 = 2.08
    assert hitung_angka_kredit(B, "AHLI_PERTAMA", bulan=2) == Decimal("2.08")


def test_accepts_the_stored_string_values():
    assert hitung_angka_kredit(Predikat.SANGAT_BAIK, "AHLI_MUDA", 6) == Decimal("18.75")


@pytest.mark.parametrize("bulan", [0, 13, -1, 1.5, True])
def test_bulan_di_luar_1_sampai_12_ditolak(bulan):
    with pytest.raises(ValueError):
        hitung_angka_kredit(B, "AHLI_PERTAMA", bulan=bulan)


@pytest.mark.parametrize(("predikat", "jenjang"), [(B, "PELAKSANA"), (B, ""), ("ISTIMEWA", "AHLI_MUDA")])
def test_jenjang_atau_predikat_tidak_dikenal_ditolak(predikat, jenjang):
    with pytest.raises(ValueError):
        hitung_angka_kredit(predikat, jenjang)
