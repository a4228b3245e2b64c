"""The one place this app reads the annual predikat (domain.md §11.2 rule 1): a thin wrapper, so a change
of the selector behind it is a change of this file only."""
from penilaian.evaluasi.selectors import predikat_tahunan
from penilaian.predikat import Predikat


def predikat_tahun(pegawai_ids, tahun: int) -> dict[int, Predikat]:
    """``{pegawai_id: annual predikat of tahun}`` for those that have one (one query)."""
    return {pid: per_tahun[tahun] for pid, per_tahun in predikat_tahunan(pegawai_ids, tahun=tahun).items()
            if tahun in per_tahun}
