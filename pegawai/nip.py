"""NIP parsing for PNS and PPPK (domain.md §7.1, §7.2). Pure: no ORM.

PNS:  YYYYMMDD (lahir) YYYYMM (TMT CPNS) G (1 pria, 2 wanita) NNN (urut 001-999)
PPPK: YYYYMMDD (lahir) YYYY (TMT) 2 F (angkatan 1-9) G NNN
Digits 13-14 of a PPPK NIP ("21".."29") can never be a month, which is how the two are told apart.
"""
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PNS = "PNS"
PPPK = "PPPK"
# Pegawai statuses of a PPPK: full-time and paruh waktu (KepmenPANRB 16/2025, domain.md §11.1); both use the
# PPPK NIP and golongan I-XVII (§7.2, §7.6).
STATUS_PPPK = frozenset({"PPPK", "PPPK_PW"})
PRIA = "L"
WANITA = "P"


@dataclass(frozen=True)
class NipInfo:
    nip: str
    jenis: str  # PNS or PPPK
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int | None  # PPPK NIPs carry only the year
    jenis_kelamin: str  # L or P
    nomor_urut: int
    angkatan: int | None = None  # PPPK only

    @property
    def tmt(self) -> date:
        return date(self.tmt_tahun, self.tmt_bulan or 1, 1)


def _tanggal(teks: str) -> date:
    try:
        return date(int(teks[0:4]), int(teks[4:6]), int(teks[6:8]))
    except ValueError:
        raise ValidationError(
            _("Tanggal lahir pada NIP (%(teks)s) bukan tanggal yang valid.") % {"teks": teks},
            code="nip_tanggal_lahir",
        ) from None


def parse_nip(nip: str) -> NipInfo:
    """Parse an 18-digit NIP; raise ValidationError with an Indonesian message when it is invalid."""
    if nip is None:
        raise ValidationError(_("NIP wajib diisi."), code="nip_kosong")
    nip = str(nip).strip()
    if not nip:
        raise ValidationError(_("NIP wajib diisi."), code="nip_kosong")
    if not nip.isdigit() or not nip.isascii():
        raise ValidationError(_("NIP hanya boleh berisi angka."), code="nip_bukan_angka")
    if len(nip) != 18:
        raise ValidationError(
            _("NIP harus 18 digit, bukan %(n)d digit.") % {"n": len(nip)}, code="nip_panjang"
        )
    lahir = _tanggal(nip[0:8])
    tmt_tahun = int(nip[8:12])
    kode = nip[12:14]
    if kode[0] == "2" and kode[1] != "0" and int(kode) >= 21:
        jenis, tmt_bulan, angkatan = PPPK, None, int(kode[1])
    else:
        jenis, angkatan = PNS, None
        tmt_bulan = int(kode)
        if not 1 <= tmt_bulan <= 12:
            raise ValidationError(
                _("Bulan TMT pada NIP (%(bulan)s) harus 01 sampai 12.") % {"bulan": kode},
                code="nip_bulan_tmt",
            )
    if lahir > date.today():
        raise ValidationError(
            _("Tanggal lahir pada NIP (%(lahir)s) ada di masa depan.") % {"lahir": lahir.isoformat()},
            code="nip_tanggal_lahir",
        )
    # domain.md §7.1: "year ≥ birth year + 18" is a sanity hint, not a rule; only the impossible is refused.
    if tmt_tahun <= lahir.year:
        raise ValidationError(
            _("Tahun TMT pada NIP (%(tahun)d) tidak mungkin sebelum atau sama dengan tahun lahir %(lahir)d.")
            % {"tahun": tmt_tahun, "lahir": lahir.year},
            code="nip_tahun_tmt",
        )
    kelamin = nip[14]
    if kelamin not in "12":
        raise ValidationError(
            _("Digit jenis kelamin pada NIP harus 1 (pria) atau 2 (wanita), bukan %(digit)s.")
            % {"digit": kelamin},
            code="nip_jenis_kelamin",
        )
    urut = int(nip[15:18])
    if urut == 0:
        raise ValidationError(_("Nomor urut pada NIP tidak boleh 000."), code="nip_urut")
    return NipInfo(
        nip=nip,
        jenis=jenis,
        tanggal_lahir=lahir,
        tmt_tahun=tmt_tahun,
        tmt_bulan=tmt_bulan,
        jenis_kelamin=PRIA if kelamin == "1" else WANITA,
        nomor_urut=urut,
        angkatan=angkatan,
    )


def validate_nip(nip: str) -> None:
    """Model-field validator form of :func:`parse_nip`."""
    parse_nip(nip)


def golongan_jenis_untuk(status: str) -> str:
    """The golongan family a status uses: PPPK golongan I-XVII for PPPK, golongan/ruang otherwise (§7.3)."""
    return PPPK if status in STATUS_PPPK else PNS


def ketidaksesuaian(
    info: NipInfo | None, *, status: str, status_label: str = "", jenis_kelamin: str = "",
    tanggal_lahir: date | None = None, golongan_jenis: str = "", golongan_kode: str = "",
) -> dict[str, str]:
    """Field → message for each value that disagrees with the NIP or the status (domain.md §7.1-§7.3).

    Status against the NIP format, sex and birth date against the digits (when given), the golongan's
    family against the status. ``info`` None (an invalid NIP) leaves only the golongan check.
    """
    errors = {}
    label = status_label or status
    if info is not None:
        if status and (status in STATUS_PPPK) != (info.jenis == PPPK):
            errors["status"] = _("Status %(status)s tidak sesuai dengan format NIP %(jenis)s.") % {
                "status": label, "jenis": info.jenis}
        if jenis_kelamin and jenis_kelamin != info.jenis_kelamin:
            errors["jenis_kelamin"] = _("Jenis kelamin tidak sesuai dengan NIP.")
        if tanggal_lahir and tanggal_lahir != info.tanggal_lahir:
            errors["tanggal_lahir"] = _("Tanggal lahir tidak sesuai dengan NIP (%(tgl)s).") % {
                "tgl": info.tanggal_lahir.strftime("%d-%m-%Y")}
    if golongan_jenis and golongan_jenis != golongan_jenis_untuk(status):
        errors["golongan"] = _("Golongan %(gol)s tidak berlaku untuk status %(status)s.") % {
            "gol": golongan_kode, "status": label}
    return errors
