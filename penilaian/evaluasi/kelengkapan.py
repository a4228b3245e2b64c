"""Kelengkapan penilaian: per unit and for a whole perangkat daerah, as percentages HR can read at a glance.

A row counts the approved SKPs of the period (``selectors.completion_per_unit``, read from its summary rows
in ``penilaian.ringkasan``) and how far their
evaluations have come: *diajukan* = submitted or beyond (domain.md §3.2: DIAJUKAN, DINILAI and the
final states), *selesai* = final or past it (``Penilaian.SELESAI``).
"""
from dataclasses import dataclass

from pegawai.models import UnitKerja
from pegawai.selectors import descendant_ids
from penilaian import ringkasan
from penilaian.models import Penilaian

S = Penilaian.Status
DIAJUKAN_ATAU_LEBIH = [S.DIAJUKAN, S.DINILAI, *sorted(Penilaian.SELESAI)]


def persen(bagian: int, total: int) -> int:
    """Whole percent, rounded down so 100 % means every one (199/200 shows 99, not 100)."""
    return bagian * 100 // total if total else 0


@dataclass
class BarisKelengkapan:
    unit_id: int | None
    kode: str
    label: str
    total: int = 0
    belum_dibuka: int = 0
    draft: int = 0
    diajukan: int = 0  # submitted or beyond
    dinilai: int = 0
    selesai: int = 0  # final, accepted, objected or decided
    keberatan: int = 0

    @property
    def persen_diajukan(self) -> int:
        return persen(self.diajukan, self.total)

    @property
    def persen_selesai(self) -> int:
        return persen(self.selesai, self.total)

    def tambah(self, other: "BarisKelengkapan") -> None:
        for f in ("total", "belum_dibuka", "draft", "diajukan", "dinilai", "selesai", "keberatan"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def _baris(row: dict, unit: UnitKerja | None) -> BarisKelengkapan:
    return BarisKelengkapan(
        unit_id=row["pegawai__unit_kerja_id"],
        kode=row["pegawai__unit_kerja__kode"],
        label=unit.label_lengkap if unit else row["pegawai__unit_kerja__nama"],
        total=row["total"],
        belum_dibuka=row["belum_dibuka"],
        draft=row[S.DRAFT],
        diajukan=sum(row[s] for s in DIAJUKAN_ATAU_LEBIH),
        dinilai=row[S.DINILAI],
        selesai=sum(row[s] for s in Penilaian.SELESAI),
        keberatan=row[S.KEBERATAN] + row[S.DIPUTUS],
    )


def perangkat_daerah(instansi_id: int):
    """The units HR may pick to see with all their sub-units: the perangkat daerah (level 2) of the instansi."""
    return (UnitKerja.objects.filter(instansi_id=instansi_id, level__lte=UnitKerja.Level.PERANGKAT_DAERAH)
            .select_related("parent").order_by("kode"))


def kelengkapan(instansi_id: int, periode, induk: UnitKerja | None = None) -> tuple[list[BarisKelengkapan],
                                                                                   BarisKelengkapan]:
    """Rows per unit (of ``induk`` and its sub-units when given) and their total, from the summary rows."""
    rows = ringkasan.completion_per_unit(instansi_id, periode,
                                         unit_ids=descendant_ids(induk) if induk is not None else None)
    units = UnitKerja.objects.select_related("parent").in_bulk([r["pegawai__unit_kerja_id"] for r in rows])
    baris = [_baris(r, units.get(r["pegawai__unit_kerja_id"])) for r in rows]
    jumlah = BarisKelengkapan(unit_id=None, kode=induk.kode if induk else "",
                              label=induk.label_lengkap if induk else "")
    for b in baris:
        jumlah.tambah(b)
    return baris, jumlah
