"""The organisation predikat and the rules that follow from it (SE MenPANRB 3/2023). Pure: no ORM.

``RATING_DARI_CAPAIAN``: the leader rule of domain.md §3.3 (the unit's capaian is the head's rating hasil).

Distribution of employee predikat against the organisation's predikat (domain.md §4):

``periksa_distribusi(predikat_organisasi, jumlah)`` returns the rules of §4 that a unit's distribution
breaks (empty when it complies). SE 3/2023 calls the curve a *pertimbangan*, so callers show these as
warnings, never as a hard block.

Reading of the rules (§4):

* "sebagian besar (maksimal 70%)" = strictly more than half **and** at most 70 %.
* "minimal X%" / "maksimal X%" are shares of all pegawai of the unit that have a predikat.

Rounding rule for small units (the SE gives none, §4 [L]). Every threshold is a whole number of
pegawai, computed with integer arithmetic on ``n`` (no floating point):

1. **Majority** ("sebagian besar"): at least ``n // 2 + 1`` pegawai (exact, no rounding).
2. **Maxima** (70 % of the majority class, 10 % Sangat Baik) are rounded **up**: ``ceil(p·n)``.
   A cap never forbids the one pegawai that a small unit cannot split; with it every unit size
   has a compliant distribution (without it a unit of 2 or 4 could never satisfy "more than half
   but at most 70 %"). At n = 10, 20, … the cap is exactly p %.
3. **The 60 % minimum** of the main class is rounded **up**: ``ceil(0.6·n)``, i.e. exactly "at least
   60 %", as it defines the organisation's result.
4. **The 10 % minima and "there must be someone with BP and/or K/M"** are rounded **down**:
   ``floor(0.1·n)``. Units with fewer than ``BATAS_UNIT_KECIL`` (10) pegawai are therefore too small
   to be required to have anyone in those classes; the Baik rule's "harus ada BP dan/atau K/M" uses
   the same exemption (§4 asks for special UX because small units may not be able to satisfy it).
5. "Tidak boleh ada Sangat Baik" (organisation Sangat Kurang) is absolute: zero, whatever ``n``.

An empty unit (n = 0) breaks nothing.
"""
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .predikat import Predikat, Rating

BATAS_UNIT_KECIL = 10


class PredikatOrganisasi(models.TextChoices):
    ISTIMEWA = "ISTIMEWA", _lazy("Istimewa")
    BAIK = "BAIK", _lazy("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _lazy("Butuh Perbaikan")
    KURANG = "KURANG", _lazy("Kurang")
    SANGAT_KURANG = "SANGAT_KURANG", _lazy("Sangat Kurang")


# domain.md §3.3 (SE 3/2023): when the appraisee heads the unit, "capaian kinerja satuan organisasi yang
# dipimpin ditetapkan sebagai rating hasil kerja". The regulation gives no table from the 5-level
# organisation predikat to the 3-level rating; our decision: Istimewa is above expectation, Baik meets
# it, and Butuh Perbaikan / Kurang / Sangat Kurang are below it.
RATING_DARI_CAPAIAN: dict[PredikatOrganisasi, Rating] = {
    PredikatOrganisasi.ISTIMEWA: Rating.DI_ATAS,
    PredikatOrganisasi.BAIK: Rating.SESUAI,
    PredikatOrganisasi.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    PredikatOrganisasi.KURANG: Rating.DI_BAWAH,
    PredikatOrganisasi.SANGAT_KURANG: Rating.DI_BAWAH,
}


@dataclass(frozen=True)
class Pelanggaran:
    """One broken rule: a stable code (for tests and the audit trail) and an Indonesian message."""

    kode: str
    pesan: str

    def as_dict(self) -> dict:
        return {"kode": self.kode, "pesan": self.pesan}


def _ceil_pct(pct: int, n: int) -> int:
    return -(-pct * n // 100)


def _floor_pct(pct: int, n: int) -> int:
    return pct * n // 100


def mayoritas(n: int) -> int:
    """Smallest count that is 'sebagian besar' (strictly more than half)."""
    return n // 2 + 1


def batas(predikat_organisasi: str, n: int) -> dict[Predikat, tuple[int | None, int | None]]:
    """Allowed (minimum, maximum) count per employee predikat, for the chart; ``None`` = no bound.

    Rules on a combination of classes (BP and/or K/M) are not per class and appear only in
    ``periksa_distribusi``.
    """
    org = PredikatOrganisasi(predikat_organisasi)
    if org == PredikatOrganisasi.ISTIMEWA:
        return {Predikat.SANGAT_BAIK: (mayoritas(n), _ceil_pct(70, n))}
    if org == PredikatOrganisasi.BAIK:
        return {Predikat.BAIK: (mayoritas(n), _ceil_pct(70, n))}
    if org == PredikatOrganisasi.BUTUH_PERBAIKAN:
        return {Predikat.BUTUH_PERBAIKAN: (_ceil_pct(60, n), None), Predikat.SANGAT_BAIK: (None, _ceil_pct(10, n))}
    if org == PredikatOrganisasi.KURANG:
        return {
            Predikat.KURANG: (_ceil_pct(60, n), None),
            Predikat.BUTUH_PERBAIKAN: (_floor_pct(10, n), None),
            Predikat.SANGAT_BAIK: (None, _ceil_pct(10, n)),
        }
    return {Predikat.SANGAT_KURANG: (_ceil_pct(60, n), None), Predikat.SANGAT_BAIK: (None, 0)}


def _majority(code: str, label: str, count: int, n: int) -> list[Pelanggaran]:
    out = []
    if count < mayoritas(n):
        out.append(Pelanggaran(f"{code}_BUKAN_MAYORITAS", _(
            "Sebagian besar pegawai harus berpredikat %(label)s: baru %(x)d dari %(n)d, minimal %(min)d."
        ) % {"label": label, "x": count, "n": n, "min": mayoritas(n)}))
    if count > _ceil_pct(70, n):
        out.append(Pelanggaran(f"{code}_LEBIH_70", _(
            "Pegawai berpredikat %(label)s paling banyak 70%%: %(x)d dari %(n)d, maksimal %(max)d."
        ) % {"label": label, "x": count, "n": n, "max": _ceil_pct(70, n)}))
    return out


def _minimum(code: str, label: str, count: int, n: int, pct: int, required: int) -> list[Pelanggaran]:
    if count >= required:
        return []
    return [Pelanggaran(code, _(
        "Minimal %(pct)d%% pegawai harus berpredikat %(label)s: baru %(x)d dari %(n)d, minimal %(min)d."
    ) % {"pct": pct, "label": label, "x": count, "n": n, "min": required})]


def _sb_max10(count: int, n: int) -> list[Pelanggaran]:
    if count <= _ceil_pct(10, n):
        return []
    return [Pelanggaran("SB_LEBIH_10", _(
        "Pegawai berpredikat Sangat Baik paling banyak 10%%: %(x)d dari %(n)d, maksimal %(max)d."
    ) % {"x": count, "n": n, "max": _ceil_pct(10, n)})]


def periksa_distribusi(predikat_organisasi: str, jumlah: Mapping) -> list[Pelanggaran]:
    """The rules of domain.md §4 that ``jumlah`` ({Predikat: count}) breaks for this organisation predikat."""
    c = {p: int(jumlah.get(p, 0) or jumlah.get(p.value, 0) or 0) for p in Predikat}
    n = sum(c.values())
    if n == 0:
        return []
    sb, b, bp, km, sk = (c[Predikat.SANGAT_BAIK], c[Predikat.BAIK], c[Predikat.BUTUH_PERBAIKAN],
                         c[Predikat.KURANG], c[Predikat.SANGAT_KURANG])
    org = PredikatOrganisasi(predikat_organisasi)
    out: list[Pelanggaran] = []
    if org == PredikatOrganisasi.ISTIMEWA:
        out += _majority("SB", _("Sangat Baik"), sb, n)
    elif org == PredikatOrganisasi.BAIK:
        out += _majority("B", _("Baik"), b, n)
        if n >= BATAS_UNIT_KECIL and bp + km == 0:
            out.append(Pelanggaran("TIDAK_ADA_BP_KM", _(
                "Harus ada pegawai berpredikat Butuh Perbaikan dan/atau Kurang/Misconduct."
            )))
    elif org == PredikatOrganisasi.BUTUH_PERBAIKAN:
        out += _minimum("BP_KURANG_60", _("Butuh Perbaikan"), bp, n, 60, _ceil_pct(60, n))
        out += _sb_max10(sb, n)
    elif org == PredikatOrganisasi.KURANG:
        out += _minimum("KM_KURANG_60", _("Kurang/Misconduct"), km, n, 60, _ceil_pct(60, n))
        out += _minimum("BP_KURANG_10", _("Butuh Perbaikan"), bp, n, 10, _floor_pct(10, n))
        out += _sb_max10(sb, n)
    else:
        out += _minimum("SK_KURANG_60", _("Sangat Kurang"), sk, n, 60, _ceil_pct(60, n))
        out += _minimum("BP_KM_KURANG_10", _("Kurang/Misconduct dan/atau Butuh Perbaikan"), km + bp, n, 10,
                        _floor_pct(10, n))
        if sb:
            out.append(Pelanggaran("ADA_SB", _(
                "Tidak boleh ada pegawai berpredikat Sangat Baik bila capaian organisasi Sangat Kurang (%(x)d)."
            ) % {"x": sb}))
    return out


def pengecualian_unit_kecil(predikat_organisasi: str, n: int) -> list[Pelanggaran]:
    """The rules of §4 that ``periksa_distribusi`` does not apply to a unit of ``n`` pegawai because it is
    smaller than ``BATAS_UNIT_KECIL`` (rule 4 of the reading above). Our reading, not the SE's
    (domain.md §11.2 rule 6): callers show each one as an exemption, never as a silent pass."""
    if n <= 0 or n >= BATAS_UNIT_KECIL:
        return []
    org = PredikatOrganisasi(predikat_organisasi)
    aturan = {
        PredikatOrganisasi.BAIK: ("TIDAK_ADA_BP_KM", _("harus ada pegawai berpredikat Butuh Perbaikan dan/atau "
                                                        "Kurang/Misconduct")),
        PredikatOrganisasi.KURANG: ("BP_KURANG_10", _("minimal 10% pegawai berpredikat Butuh Perbaikan")),
        PredikatOrganisasi.SANGAT_KURANG: ("BP_KM_KURANG_10", _("minimal 10% pegawai berpredikat "
                                                                "Kurang/Misconduct dan/atau Butuh Perbaikan")),
    }.get(org)
    if aturan is None:
        return []
    kode, teks = aturan
    return [Pelanggaran(f"DIKECUALIKAN_{kode}", _(
        "Dikecualikan: unit < %(batas)d pegawai (%(n)d pegawai berpredikat); aturan “%(aturan)s” tidak "
        "diterapkan."
    ) % {"batas": BATAS_UNIT_KECIL, "n": n, "aturan": teks})]
