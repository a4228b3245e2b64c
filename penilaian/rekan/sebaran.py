"""Distribution of predikat for a whole perangkat daerah with its sub-units, against the curve (domain.md §4).

The population is the per-unit one (``selectors.populasi_distribusi``, §11.2 rule 4) of every unit of the
perangkat daerah, grouped in SQL, so the totals here are the sum of the unit pages' counts. The band (the
curve's allowed minimum–maximum per predikat) follows the perangkat daerah's own organisation predikat;
each sub-unit is checked against its own (``kurva.periksa_distribusi``). The counts come from the summary
rows (``penilaian.ringkasan.distribusi_per_unit``, kept current by the services). Seven queries whatever
the size.
"""
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from pegawai.models import UnitKerja
from pegawai.selectors import descendant_ids

from .. import ringkasan
from ..kurva import PredikatOrganisasi, batas, pengecualian_unit_kecil, periksa_distribusi
from ..models import CapaianOrganisasi
from ..predikat import Predikat

URUTAN = list(Predikat)  # Sangat Baik … Sangat Kurang

SESUAI, DI_BAWAH, DI_ATAS, TANPA_BATAS = "SESUAI", "DI_BAWAH", "DI_ATAS", "TANPA_BATAS"
STATUS_LABEL = {
    SESUAI: _("Dalam rentang"),
    DI_BAWAH: _("Di bawah minimal"),
    DI_ATAS: _("Di atas maksimal"),
    TANPA_BATAS: _("Tidak dibatasi"),
}


def _pct(bagian: int | None, total: int) -> float | None:
    return None if bagian is None or not total else round(bagian * 100 / total, 1)


def _svg(x: float) -> str:
    """A coordinate for an SVG attribute: a dot decimal whatever the page's language."""
    return f"{max(0.0, min(100.0, x)):.2f}"


@dataclass
class BarisPredikat:
    """One predikat of the perangkat daerah: its count and the curve's band, as numbers and as percent."""

    predikat: Predikat
    jumlah: int
    total: int
    minimal: int | None = None
    maksimal: int | None = None
    ada_capaian: bool = False

    @property
    def label(self) -> str:
        return str(self.predikat.label)

    @property
    def persen(self) -> float:
        return _pct(self.jumlah, self.total) or 0.0

    @property
    def persen_min(self) -> float | None:
        return _pct(self.minimal, self.total)

    @property
    def persen_max(self) -> float | None:
        return _pct(self.maksimal, self.total)

    @property
    def ada_batas(self) -> bool:
        return self.minimal is not None or self.maksimal is not None

    @property
    def status(self) -> str:
        """SESUAI / DI_BAWAH / DI_ATAS / TANPA_BATAS; "" while the organisation predikat is not set."""
        if not self.ada_capaian or not self.total:
            return ""
        if self.minimal is not None and self.jumlah < self.minimal:
            return DI_BAWAH
        if self.maksimal is not None and self.jumlah > self.maksimal:
            return DI_ATAS
        return SESUAI if self.ada_batas else TANPA_BATAS

    @property
    def status_label(self) -> str:
        return str(STATUS_LABEL.get(self.status, ""))

    @property
    def grafik(self) -> dict[str, str]:
        """SVG coordinates on a 0–100 % scale: the band's start and width, the value's bar and marker."""
        t = self.total or 1
        lo = (self.minimal or 0) * 100 / t
        hi = self.maksimal * 100 / t if self.maksimal is not None else 100.0
        nilai = self.jumlah * 100 / t
        return {"band_x": _svg(lo), "band_w": _svg(max(hi - lo, 0.6)), "nilai": _svg(nilai),
                "penanda": _svg(min(nilai, 99.2))}


@dataclass
class BarisUnit:
    """One sub-unit: its counts per predikat and whether they fit its own organisation predikat's curve."""

    unit: UnitKerja
    jumlah: dict[Predikat, int]
    capaian: str | None = None
    pelanggaran: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())

    @property
    def capaian_label(self) -> str:
        return str(PredikatOrganisasi(self.capaian).label) if self.capaian else ""

    @property
    def per_predikat(self) -> list[int]:
        return [self.jumlah[p] for p in URUTAN]

    @property
    def sesuai(self) -> bool | None:
        """None while the unit's organisation predikat is not set or nobody in it has a predikat."""
        return None if self.capaian is None or not self.total else not self.pelanggaran


@dataclass
class Sebaran:
    induk: UnitKerja
    total: int
    baris: list[BarisPredikat]
    units: list[BarisUnit]
    capaian: CapaianOrganisasi | None
    pelanggaran: list = field(default_factory=list)
    pengecualian: list = field(default_factory=list)

    @property
    def units_berpredikat(self) -> int:
        return sum(1 for u in self.units if u.total)

    @property
    def units_sesuai(self) -> int:
        return sum(1 for u in self.units if u.sesuai)

    @property
    def units_dinilai(self) -> int:
        """Sub-units whose organisation predikat is set, so that they can be checked."""
        return sum(1 for u in self.units if u.sesuai is not None)


def sebaran_perangkat_daerah(induk: UnitKerja, periode) -> Sebaran:
    """The perangkat daerah's distribution, its band and broken rules, and a row per unit of it."""
    ids = descendant_ids(induk)
    per_unit = ringkasan.distribusi_per_unit(ids, periode)  # the summary rows: the same counts, no scan
    units = UnitKerja.objects.select_related("parent").in_bulk(ids)
    capaian = {c.unit_kerja_id: c for c in CapaianOrganisasi.objects.filter(periode=periode, unit_kerja_id__in=ids)}
    jumlah = {p: sum(c[p] for c in per_unit.values()) for p in URUTAN}
    total = sum(jumlah.values())
    cap = capaian.get(induk.pk)
    bounds = batas(cap.predikat, total) if cap and total else {}
    baris = [BarisPredikat(p, jumlah[p], total, *bounds.get(p, (None, None)), ada_capaian=cap is not None)
             for p in URUTAN]
    rows = []
    for uid in units:
        c, uc = per_unit.get(uid) or {p: 0 for p in URUTAN}, capaian.get(uid)
        rows.append(BarisUnit(units[uid], c, uc.predikat if uc else None,
                              periksa_distribusi(uc.predikat, c) if uc else []))
    rows.sort(key=lambda b: b.unit.kode)
    return Sebaran(induk, total, baris, rows, cap,
                   periksa_distribusi(cap.predikat, jumlah) if cap else [],
                   pengecualian_unit_kecil(cap.predikat, total) if cap else [])
