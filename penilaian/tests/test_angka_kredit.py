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


# ------------------------------------------------ per SKP period (domain.md §11.1, §11.2 rule 3)

from datetime import date  # noqa: E402

from penilaian.angka_kredit import PeriodeAk, akumulasi, baris_ak, bulan_periode, konversi, total_ak  # noqa: E402


# A month belongs to the post held on its first day (the TMT convention); see bulan_periode.
@pytest.mark.parametrize(("mulai", "selesai", "bulan"), [
    (date(2026, 1, 1), date(2026, 12, 31), 12),
    (date(2026, 1, 1), date(2026, 6, 30), 6),
    (date(2026, 7, 1), date(2026, 12, 31), 6),
    (date(2026, 1, 1), date(2026, 7, 14), 7),  # moved on 15 July: July goes to the earlier post
    (date(2026, 7, 15), date(2026, 12, 31), 5),
    (date(2026, 11, 1), date(2026, 12, 31), 2),  # the BKN example's two months
    (date(2026, 3, 10), date(2026, 3, 25), 0),  # no first of a month inside
    (date(2026, 3, 1), date(2026, 3, 1), 1),
    (date(2026, 1, 2), date(2026, 12, 31), 11),
    (date(2025, 12, 1), date(2026, 12, 31), 12),  # capped at a year
])
def test_bulan_periode(mulai, selesai, bulan):
    assert bulan_periode(mulai, selesai) == bulan


def test_bulan_periode_terbalik_ditolak():
    with pytest.raises(ValueError):
        bulan_periode(date(2026, 7, 1), date(2026, 6, 30))


# (periods as (mulai, selesai, predikat, jenjang)) → (AK per row, total); domain.md §5.1 / §11.2 rule 3.
KONVERSI = [
    pytest.param([(date(2026, 11, 1), date(2026, 12, 31), B, "AHLI_PERTAMA")], ["2.08"], "2.08",
                 id="bkn-2/12x100%x12.5"),
    pytest.param([(date(2026, 1, 1), date(2026, 6, 30), B, "AHLI_PERTAMA"),
                  (date(2026, 7, 1), date(2026, 12, 31), B, "AHLI_MUDA")], ["6.25", "12.50"], "18.75",
                 id="promoted-in-july-two-koefisien"),
    pytest.param([(date(2026, 1, 1), date(2026, 6, 30), SB, "AHLI_MUDA"),
                  (date(2026, 7, 1), date(2026, 12, 31), BP, "AHLI_MUDA")], ["18.75", "9.38"], "28.13",
                 id="transfer-in-july-same-jenjang"),
    pytest.param([(date(2026, 1, 1), date(2026, 7, 14), B, "TERAMPIL"),
                  (date(2026, 7, 15), date(2026, 12, 31), B, "MAHIR")], ["2.92", "5.21"], "8.13",
                 id="moved-mid-month"),
    pytest.param([(date(2026, 1, 1), date(2026, 6, 30), B, ""),
                  (date(2026, 7, 1), date(2026, 12, 31), B, "AHLI_PERTAMA")], [None, "6.25"], "6.25",
                 id="pelaksana-then-jf"),
    pytest.param([(date(2026, 1, 1), date(2026, 12, 31), "", "AHLI_MUDA")], [None], "0.00", id="no-predikat-yet"),
    pytest.param([(date(2026, 3, 10), date(2026, 3, 25), B, "AHLI_MUDA")], ["0.00"], "0.00", id="no-whole-month"),
]


@pytest.mark.parametrize(("periodes", "ak", "total"), KONVERSI)
def test_konversi_per_periode_skp(periodes, ak, total):
    baris = konversi([PeriodeAk(*p) for p in reversed(periodes)])  # rows come out in date order
    assert [str(b.ak) if b.ak is not None else None for b in baris] == ak
    assert str(total_ak(baris)) == total


def test_baris_ak_shows_percentage_and_koefisien():
    b = baris_ak(PeriodeAk(date(2026, 1, 1), date(2026, 12, 31), SB, "AHLI_MADYA"))
    assert (b.bulan, b.persen_teks, b.koefisien, b.ak) == (12, "150%", Decimal("37.5"), Decimal("56.25"))
    assert baris_ak(PeriodeAk(date(2026, 1, 1), date(2026, 12, 31), BP, "PEMULA")).persen_teks == "75%"


def test_akumulasi_kumulatif():
    per_tahun = {2026: Decimal("18.75"), 2024: Decimal("12.50"), 2025: Decimal("6.25")}
    assert akumulasi(per_tahun) == [(2024, Decimal("12.50"), Decimal("12.50")),
                                    (2025, Decimal("6.25"), Decimal("18.75")),
                                    (2026, Decimal("18.75"), Decimal("37.50"))]
    assert akumulasi({}) == []
