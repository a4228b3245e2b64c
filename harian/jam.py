"""Times of day in the daily log, as pure functions (no ORM): overlaps, the stacking that migration 0004
used to turn durations into times, and the weekly hours measured against the instansi's standard.

Domain: e-Kinerja's 2026 progres harian has jam mulai and jam selesai per entry (domain.md §11.1). Our
readings (README "Kegiatan harian"):

* Two entries overlap when one starts before the other ends (``a.mulai < b.selesai and b.mulai <
  a.selesai``); touching ends (09:00–10:00 then 10:00–11:00) do not overlap.
* Old entries had a duration only. They are laid out per pegawai per day in order of creation, one after
  the other from 08:00; a day whose durations pass midnight from 08:00 starts earlier (so that it ends at
  24:00), and a day longer than 24 hours (impossible, data errors) restarts at 00:00 for the entry that
  does not fit, keeping every duration. The end of the day (24:00) is stored as 23:59:59.999999.
* The working week is Monday–Sunday; the standard (default 37 jam 30 menit, the 5 × 7.5 hours of the
  national working-hours rule) applies to a whole week; the shortfall is standard − total, never below 0.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

MULAI_TUMPUK = 8 * 60  # 08:00
MENIT_SEHARI = 24 * 60
AKHIR_HARI = time.max


def ke_menit(t: time) -> int:
    return t.hour * 60 + t.minute


def dari_menit(menit: int) -> time:
    """0..1440 → a time; 1440 (24:00) is the end of the day."""
    return AKHIR_HARI if menit >= MENIT_SEHARI else time(menit // 60, menit % 60)


def bertumpuk(a: tuple[time, time], b: tuple[time, time]) -> bool:
    """Half-open intervals [mulai, selesai): 09:00–10:00 and 10:00–11:00 do not overlap."""
    return a[0] < b[1] and b[0] < a[1]


def tumpuk_durasi(durasi: list[int | None]) -> list[tuple[time, time] | None]:
    """The times for one pegawai's entries of one day, given in order of creation (see module docstring).

    Migration 0004 imports this function: changing what it returns changes how old databases migrate.

    An entry without a duration gets no times (None) and takes no room.
    """
    total = sum(d for d in durasi if d)
    mulai = MULAI_TUMPUK if MULAI_TUMPUK + total <= MENIT_SEHARI else max(MENIT_SEHARI - total, 0)
    hasil: list[tuple[time, time] | None] = []
    for d in durasi:
        if not d:
            hasil.append(None)
            continue
        if mulai + d > MENIT_SEHARI:
            mulai = 0
        hasil.append((dari_menit(mulai), dari_menit(mulai + d)))
        mulai += d
    return hasil


def senin(d: date) -> date:
    return d - timedelta(days=d.weekday())


@dataclass
class JamMinggu:
    """One pegawai's week: minutes recorded (approved or awaiting review) against the standard."""

    senin: date
    standar: int
    total: int = 0
    disetujui: int = 0

    @property
    def minggu(self) -> date:
        return self.senin

    @property
    def minggu_sampai(self) -> date:
        return self.senin + timedelta(days=6)

    @property
    def kurang(self) -> int:
        return max(self.standar - self.total, 0)

    @property
    def teks(self) -> dict[str, str]:
        """Hours:minutes for the tables: total, disetujui, standar, kurang."""
        return {k: format_jam(getattr(self, k)) for k in ("total", "disetujui", "standar", "kurang")}

    @property
    def persen(self) -> int:
        return min(round(100 * self.total / self.standar), 100) if self.standar else 100


def rekap_minggu(baris: Iterable[tuple[date, int | None, bool]], *, mingguan: list[date], standar: int
                 ) -> list[JamMinggu]:
    """Per Monday in ``mingguan``: the sum of durations of ``(tanggal, menit, disetujui)`` rows in that week."""
    per = {m: JamMinggu(senin=m, standar=standar) for m in mingguan}
    for tanggal, menit, disetujui in baris:
        w = per.get(senin(tanggal))
        if w is None or not menit:
            continue
        w.total += menit
        if disetujui:
            w.disetujui += menit
    return [per[m] for m in mingguan]


def format_jam(menit: int) -> str:
    """2250 → "37:30" (hours:minutes), for tables; never an input value."""
    return f"{menit // 60}:{menit % 60:02d}"
