"""HR follow-up of annual predikat per unit and year (domain.md §5.2). Reads only.

The rule is ``penilaian/tindak_lanjut.py`` (pure); the annual predikat per pegawai and year, including
which of several SKPs of a year decides, is ``penilaian.evaluasi.selectors.predikat_tahunan``. A pegawai
is in a unit's lists when the SKP that decides their predikat of the year belonged to the unit or a
sub-unit. Fixed number of queries whatever the unit's size.
"""
from dataclasses import dataclass

from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids

from ..evaluasi.selectors import predikat_tahunan
from ..predikat import Predikat
from ..tindak_lanjut import Kategori, kategori_tindak_lanjut


@dataclass
class TindakLanjut:
    tahun: int
    distribusi: dict[Predikat, int]
    perbaikan: list[int]  # pegawai ids, Butuh Perbaikan or lower this year
    talent_pool: list[int]  # Sangat Baik this year and last year
    pengembangan: list[int]  # Baik this year and last year


def tindak_lanjut(unit: UnitKerja, tahun: int) -> TindakLanjut:
    per_pegawai = predikat_tahunan(tahun=tahun, unit_ids=descendant_ids(unit))
    distribusi = {p: 0 for p in Predikat}
    daftar: dict[Kategori, list[int]] = {k: [] for k in Kategori}
    for pk, per_tahun in per_pegawai.items():
        distribusi[per_tahun[tahun]] += 1
        for kategori in kategori_tindak_lanjut(per_tahun[tahun], per_tahun.get(tahun - 1)):
            daftar[kategori].append(pk)
    return TindakLanjut(
        tahun=tahun,
        distribusi=distribusi,
        perbaikan=daftar[Kategori.PERBAIKAN],
        talent_pool=daftar[Kategori.TALENT_POOL],
        pengembangan=daftar[Kategori.PRIORITAS],
    )


def pegawai_list(ids: list[int]):
    return (
        Pegawai.objects.filter(pk__in=ids).select_related("unit_kerja", "jabatan", "golongan").order_by("nama", "nip")
    )
