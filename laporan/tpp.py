"""The kinerja share of TPP for one pegawai and one month. Pure: no ORM.

There is **no national rule**: the percentages per predikat, the penalties for late or missing daily
reports and their cap are the instansi's own (its Perkada on TPP), configured in ``AturanTpp``
(domain.md §5.2: "Tukin/TPP percentages per predikat are instansi-specific ... Make them configurable";
§9.2 / §11.1: late daily entries are reported to reduce tunjangan kinerja).

Our reading, stated once:

* **Working days** are Monday to Friday of the month, up to the day before ``hari_ini`` (today is still
  open). Kinerja keeps no holiday calendar: a national holiday counts as a working day.
* A working day is **tepat waktu** when at least one kegiatan harian of that date was recorded no later
  than ``toleransi_hari`` calendar days after it; **terlambat** when its earliest entry came later;
  **tidak lapor** when it has no entry.
* ``persen_kinerja = max(0, persen_predikat − min(batas_potongan, terlambat × potongan_terlambat +
  tidak_lapor × potongan_tidak_lapor))``, rounded half-up to 2 decimals at the end.
* With no final predikat for the month the rule's ``persen_belum_dinilai`` applies.
"""
import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from penilaian.predikat import Predikat

DUA_DESIMAL = Decimal("0.01")


@dataclass(frozen=True)
class Aturan:
    """The numbers of one ``AturanTpp`` version (percent values, 0–100)."""

    persen: dict  # {Predikat: Decimal}
    persen_belum_dinilai: Decimal
    potongan_terlambat: Decimal
    potongan_tidak_lapor: Decimal
    batas_potongan: Decimal
    toleransi_hari: int = 1


@dataclass(frozen=True)
class Kepatuhan:
    hari_kerja: int
    tepat_waktu: int
    terlambat: int
    tidak_lapor: int

    @property
    def persen_patuh(self) -> Decimal:
        if not self.hari_kerja:
            return Decimal(100)
        return (Decimal(self.tepat_waktu * 100) / self.hari_kerja).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class HasilTpp:
    persen_predikat: Decimal
    potongan: Decimal
    persen_kinerja: Decimal


def hari_kerja(tahun: int, bulan: int, hari_ini: date) -> list[date]:
    """Monday–Friday dates of the month before ``hari_ini``. ValueError for a month outside 1–12."""
    if not 1 <= bulan <= 12:
        raise ValueError(f"Bulan harus 1 sampai 12, bukan {bulan!r}")
    akhir = calendar.monthrange(tahun, bulan)[1]
    hari = (date(tahun, bulan, d) for d in range(1, akhir + 1))
    return [d for d in hari if d.weekday() < 5 and d < hari_ini]


def kepatuhan(hari: list[date], pertama_dicatat: dict[date, date], toleransi_hari: int) -> Kepatuhan:
    """Compliance over ``hari``; ``pertama_dicatat`` maps an activity date to the (local) date its earliest
    entry was recorded."""
    tepat = terlambat = 0
    for d in hari:
        dicatat = pertama_dicatat.get(d)
        if dicatat is None:
            continue
        if dicatat <= d + timedelta(days=toleransi_hari):
            tepat += 1
        else:
            terlambat += 1
    return Kepatuhan(len(hari), tepat, terlambat, len(hari) - tepat - terlambat)


def hitung_tpp(aturan: Aturan, predikat: Predikat | str | None, k: Kepatuhan) -> HasilTpp:
    """The kinerja share of TPP in percent for one pegawai-month (module docstring)."""
    dasar = aturan.persen[Predikat(predikat)] if predikat else aturan.persen_belum_dinilai
    potongan = min(aturan.batas_potongan,
                   k.terlambat * aturan.potongan_terlambat + k.tidak_lapor * aturan.potongan_tidak_lapor)
    akhir = max(Decimal(0), dasar - potongan)
    return HasilTpp(Decimal(dasar).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP),
                    Decimal(potongan).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP),
                    akhir.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP))

