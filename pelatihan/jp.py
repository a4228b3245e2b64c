"""The yearly JP rule of competency development (domain.md §7.6, §8.1).

- PNS (and CPNS): at least 20 JP a year, a right and an obligation (PP 11/2017 Pasal 203(4)).
- PPPK: at most 24 JP per contract year (PP 49/2018 Pasal 40(1)); a cap, not a target.
Only verified records count; the year of a record is the year of its ``tanggal_selesai``.
"""
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from pegawai.nip import STATUS_PPPK as STATUS_PPPK_PEGAWAI

TARGET_PNS = 20
BATAS_PPPK = 24
STATUS_PPPK = STATUS_PPPK_PEGAWAI  # PPPK and PPPK Paruh Waktu (domain.md §11.1)

# Plausibility of one record (issue 11 §8), not a regulation: 1 JP is 45 minutes, so 24 JP is 18 hours of
# lessons per calendar day, beyond the most intensive diklat (Latsar CPNS runs about 10 JP a day); only
# typing slips are refused. A long pendidikan is recorded as a whole, hence the overall cap.
JP_MAKS = 1000
JP_PER_HARI_MAKS = 24


def jp_maks(tanggal_mulai: date | None, tanggal_selesai: date | None) -> int:
    """The most JP one record may hold: 24 per day of the activity (both ends counted), at most 1000."""
    if tanggal_mulai is None or tanggal_selesai is None or tanggal_selesai < tanggal_mulai:
        return JP_MAKS
    return min(JP_MAKS, ((tanggal_selesai - tanggal_mulai).days + 1) * JP_PER_HARI_MAKS)


def pesan_jp_salah(jp: int | None, tanggal_mulai: date | None, tanggal_selesai: date | None) -> str:
    """Why a record's JP is refused, or "" (more than 0, at most 24 per day of the activity, at most 1000)."""
    if not jp or jp <= 0:
        return _("Jumlah JP harus lebih dari 0.")
    if jp > JP_MAKS:
        return _("Jumlah JP satu kegiatan paling banyak %(n)d.") % {"n": JP_MAKS}
    maks = jp_maks(tanggal_mulai, tanggal_selesai)
    if jp > maks:
        hari = maks // JP_PER_HARI_MAKS
        return _("Jumlah JP paling banyak %(n)d untuk kegiatan %(hari)d hari (%(per)d JP per hari); periksa JP "
                 "atau tanggal kegiatan.") % {"n": maks, "hari": hari, "per": JP_PER_HARI_MAKS}
    return ""


@dataclass(frozen=True)
class StatusJp:
    jp: int
    batas: int
    is_target: bool  # True: a minimum to reach (PNS); False: a maximum not to exceed (PPPK)

    @property
    def tercapai(self) -> bool:
        """PNS: the 20 JP are reached. PPPK: there is no target, so never "reached"."""
        return self.is_target and self.jp >= self.batas

    @property
    def kurang(self) -> int:
        return max(self.batas - self.jp, 0) if self.is_target else 0

    @property
    def melebihi(self) -> bool:
        """PPPK only: more JP recorded than the contract-year cap allows."""
        return not self.is_target and self.jp > self.batas

    @property
    def persen(self) -> int:
        """Width of the progress bar, 0–100."""
        return min(100, round(self.jp * 100 / self.batas)) if self.batas else 0

    @property
    def warna(self) -> str:
        """Bootstrap colour: green when the PNS target is met, red when a PPPK cap is exceeded."""
        if self.is_target:
            return "success" if self.tercapai else "warning"
        return "danger" if self.melebihi else "info"


def status_jp(status_pegawai: str, jp: int | None) -> StatusJp:
    """The JP position of one pegawai in one year (domain.md §7.6 table, "Competency development")."""
    jp = int(jp or 0)
    if status_pegawai in STATUS_PPPK:
        return StatusJp(jp=jp, batas=BATAS_PPPK, is_target=False)
    return StatusJp(jp=jp, batas=TARGET_PNS, is_target=True)


def melewati_batas_pppk(status_pegawai: str, jp_terverifikasi: int, jp_baru: int) -> bool:
    """True when verifying ``jp_baru`` more JP would take a PPPK past the 24 JP cap of the year
    (PP 49/2018 Pasal 40(1), domain.md §7.6). PNS have a minimum, not a cap: never."""
    return status_pegawai in STATUS_PPPK and int(jp_terverifikasi or 0) + int(jp_baru or 0) > BATAS_PPPK
