"""Predikat kinerja → angka kredit for jabatan fungsional (domain.md §5.1; PermenPANRB 1/2023,
Peraturan BKN 3/2023).

AK tahunan = % predikat × koefisien jenjang; for a shorter period AK = (bulan/12) × % × koefisien.
The result is rounded once, at the end, to 2 decimals half-up, which reproduces every cell of the
table in §5.1 (e.g. Ahli Madya, Butuh Perbaikan: 0.75 × 37.5 = 28.125 → 28.13).

Per SKP period (domain.md §11.2 rule 3): ``bulan_periode`` (how partial months count), ``baris_ak`` /
``konversi`` (one row per SKP of the year), ``total_ak`` (the year) and ``akumulasi`` (the cumulative
TABEL AKUMULASI). Which predikat and jenjang belong to each period is read by ``penilaian.konversi``.
"""
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
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


# --- angka kredit per SKP period (domain.md §11.2 rule 3; Perban BKN 3/2023) -------------------------


def bulan_periode(mulai: date, selesai: date) -> int:
    """Months of an SKP period that earn angka kredit: the calendar months whose **first day** lies in
    ``mulai``..``selesai`` (at most 12).

    How partial months count (our reading of Perban BKN 3/2023, which pro-rates by whole months, "2/12 ×
    100% × 12,5 = 2,08"; domain.md §5.1, §11.1): a month belongs to the post held on its first day, as a
    TMT jabatan takes effect from the first of a month. A transfer on 1 July gives 6 + 6 months; a move
    on 15 July gives July to the earlier SKP (7 + 5). The months of SKPs that do not overlap never add
    up to more than 12, and a year fully covered from 1 January always adds up to 12. A period that
    contains no first day of a month (shorter than a month, mid-month to mid-month) earns 0 months.
    """
    if selesai < mulai:
        raise ValueError(f"Periode terbalik: {mulai} s.d. {selesai}")
    pertama = mulai if mulai.day == 1 else _bulan_berikut(mulai)
    if pertama > selesai:
        return 0
    bulan = (selesai.year - pertama.year) * 12 + selesai.month - pertama.month + 1
    return min(bulan, 12)


def _bulan_berikut(d: date) -> date:
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


@dataclass(frozen=True)
class PeriodeAk:
    """One SKP period as the konversi needs it: its dates, the predikat that counts for it (see
    ``penilaian.konversi``) and the jenjang of the jabatan held in it ("" = not a jabatan fungsional)."""

    mulai: date
    selesai: date
    predikat: str = ""
    jenjang: str = ""


@dataclass(frozen=True)
class BarisAk:
    """One row of the KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT document."""

    mulai: date
    selesai: date
    bulan: int
    predikat: Predikat | None
    persen: Decimal | None  # 1.50 = 150 %
    koefisien: Decimal | None
    ak: Decimal | None  # None: no predikat yet, or not a jabatan fungsional in this period

    @property
    def persen_teks(self) -> str:
        return f"{(self.persen * 100).normalize():f}%" if self.persen is not None else ""


def baris_ak(periode: PeriodeAk) -> BarisAk:
    """AK of one SKP period = bulan/12 × % predikat × koefisien of the jenjang held (domain.md §5.1,
    §11.2 rule 3), rounded to 2 decimals half-up as printed on the document."""
    bulan = bulan_periode(periode.mulai, periode.selesai)
    predikat = Predikat(periode.predikat) if periode.predikat in Predikat.values else None
    persen = PERSEN[predikat] if predikat else None
    koefisien = KOEFISIEN.get(periode.jenjang or "")
    ak = None
    if persen is not None and koefisien is not None:
        ak = hitung_angka_kredit(predikat, periode.jenjang, bulan) if bulan else Decimal("0.00")
    return BarisAk(periode.mulai, periode.selesai, bulan, predikat, persen, koefisien, ak)


def konversi(periodes) -> list[BarisAk]:
    """The rows of one year, in date order."""
    return [baris_ak(p) for p in sorted(periodes, key=lambda p: (p.mulai, p.selesai))]


def total_ak(baris) -> Decimal:
    """The yearly AK: the sum of the rounded rows, so the document adds up as printed."""
    return sum((b.ak for b in baris if b.ak is not None), Decimal("0.00"))


def akumulasi(per_tahun: Mapping[int, Decimal], awal: Decimal = Decimal("0.00")) -> list[tuple[int, Decimal, Decimal]]:
    """TABEL AKUMULASI: ``[(tahun, AK of the year, cumulative total)]`` oldest first, from ``awal``."""
    hasil, jalan = [], Decimal(awal)
    for tahun in sorted(per_tahun):
        jalan += per_tahun[tahun]
        hasil.append((tahun, per_tahun[tahun], jalan))
    return hasil
