"""HR follow-up of annual predikat per unit and year (domain.md §5.2). Reads only.

Based on final TAHUNAN evaluations of the year and the year before; when a pegawai has more than one
annual evaluation in a year (a mid-year move gives a second SKP) the latest one counts. Fixed number
of queries whatever the unit's size.
"""
from dataclasses import dataclass

from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids

from ..models import Penilaian, Periode
from ..predikat import Predikat

BP_ATAU_LEBIH_RENDAH = {Predikat.BUTUH_PERBAIKAN.value, Predikat.KURANG.value, Predikat.SANGAT_KURANG.value}


def predikat_tahunan(unit_ids: list[int], tahun: int) -> dict[int, str]:
    """{pegawai_id: predikat} of the final annual evaluations of ``tahun`` in those units."""
    rows = (
        Penilaian.objects.filter(
            periode__jenis=Periode.Jenis.TAHUNAN, periode__tahun=tahun, status__in=Penilaian.SELESAI,
            skp__unit_kerja_id__in=unit_ids,
        ).exclude(predikat="")
        .order_by("skp__tanggal_selesai", "pk").values_list("skp__pegawai_id", "predikat")
    )
    return dict(rows)  # later rows overwrite earlier ones: the latest annual evaluation wins


@dataclass
class TindakLanjut:
    tahun: int
    distribusi: dict[Predikat, int]
    perbaikan: list[int]  # pegawai ids, Butuh Perbaikan or lower this year
    talent_pool: list[int]  # Sangat Baik this year and last year
    pengembangan: list[int]  # Baik this year and last year


def tindak_lanjut(unit: UnitKerja, tahun: int) -> TindakLanjut:
    ids = descendant_ids(unit)
    ini, lalu = predikat_tahunan(ids, tahun), predikat_tahunan(ids, tahun - 1)
    distribusi = {p: 0 for p in Predikat}
    for v in ini.values():
        distribusi[Predikat(v)] += 1
    return TindakLanjut(
        tahun=tahun,
        distribusi=distribusi,
        perbaikan=[pk for pk, v in ini.items() if v in BP_ATAU_LEBIH_RENDAH],
        talent_pool=[pk for pk, v in ini.items() if v == Predikat.SANGAT_BAIK and lalu.get(pk) == Predikat.SANGAT_BAIK],
        pengembangan=[pk for pk, v in ini.items() if v == Predikat.BAIK and lalu.get(pk) == Predikat.BAIK],
    )


def pegawai_list(ids: list[int]):
    return Pegawai.objects.filter(pk__in=ids).select_related("unit_kerja", "jabatan", "golongan").order_by("nama", "nip")
