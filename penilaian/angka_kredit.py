"""Predikat kinerja → angka kredit for jabatan fungsional (domain.md §5.1; PermenPANRB 1/2023,
Peraturan BKN 3/2023).

AK tahunan = % predikat × koefisien jenjang; for a shorter period AK = (bulan/12) × % × koefisien.
The result is rounded once, at the end, to 2 decimals half-up, which reproduces every cell of the
table in §5.1 (e.g. Ahli Madya, Butuh Perbaikan: 0.75 × 37.5 = 28.125 → 28.13).
"""
from decimal import ROUND_HALF_UP, Decimal

from .predikat import Predikat

# domain.md §5.1, "Predikat → %".
PERSEN: dict[Predikat, Decimal] = {
    Predikat.SANGAT_BAIK: Decimal("1.50"),
    Predikat.BAIK: Decimal("1.00"),
    Predikat.BUTUH_PERBAIKAN: Decimal("0.75"),
    Predikat.KURANG: Decimal("0.50"),
    Predikat.SANGAT_KURANG: Decimal("0.25"),
}

# domain.md §5.1, "Koefisien per jenjang" (keys are pegawai.models.Jabatan.Jenjang values).
KOEFISIEN: dict[str, Decimal] = {
    "PEMULA": Decimal("3.75"),
    "TERAMPIL": Decimal("5.0"),
    "MAHIR": Decimal("12.5"),
    "PENYELIA": Decimal("25.0"),
    "AHLI_PERTAMA": Decimal("12.5"),
    "AHLI_MUDA": Decimal("25.0"),
    "AHLI_MADYA": Decimal("37.5"),
    "AHLI_UTAMA": Decimal("50.0"),
}

DUA_DESIMAL = Decimal("0.01")


def hitung_angka_kredit(predikat: Predikat | str, jenjang: str, bulan: int = 12) -> Decimal:
    """Angka kredit earned with ``predikat`` in ``jenjang`` over ``bulan`` months (1–12).

    Raises ValueError for an unknown predikat or jenjang, or months outside 1–12.
    """
    try:
        persen = PERSEN[Predikat(predikat)]
    except ValueError:
        raise ValueError(f"Predikat tidak dikenal: {predikat!r}") from None
    koefisien = KOEFISIEN.get(str(jenjang))
    if koefisien is None:
        raise ValueError(f"Jenjang jabatan fungsional tidak dikenal: {jenjang!r}")
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValueError(f"Jumlah bulan harus 1 sampai 12, bukan {bulan!r}")
    ak = Decimal(bulan) / Decimal(12) * persen * koefisien
    return ak.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)
