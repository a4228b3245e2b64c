"""HR follow-up lists selected in SQL give what the earlier Python selection gave (domain.md §5.2, §11.2
rule 1), on a varied dataset: several units, two SKPs in a year in different units, evaluations not final
or of a periodic period, gaps between years."""
import random
from datetime import date

import pytest

from pegawai.tests.factories import PegawaiFactory
from penilaian.evaluasi.selectors import predikat_tahunan
from penilaian.models import Penilaian, Periode
from penilaian.predikat import Predikat
from penilaian.rekan.tindak_lanjut import pegawai_list, tindak_lanjut
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory
from penilaian.tindak_lanjut import Kategori, kategori_tindak_lanjut

pytestmark = pytest.mark.django_db
TAHUN = (2023, 2024, 2025)


def _lama(unit_ids, tahun):
    """The selection as it was before the SQL rewrite: a dict of every pegawai in the unit tree."""
    per_pegawai = predikat_tahunan(tahun=tahun, unit_ids=unit_ids)
    distribusi = {p: 0 for p in Predikat}
    daftar = {k: set() for k in Kategori}
    for pk, per_tahun in per_pegawai.items():
        distribusi[per_tahun[tahun]] += 1
        for kategori in kategori_tindak_lanjut(per_tahun[tahun], per_tahun.get(tahun - 1)):
            daftar[kategori].add(pk)
    return distribusi, daftar


@pytest.fixture
def ragam(org):
    rng = random.Random(18)
    akhir = {t: PeriodeFactory(instansi=org.instansi, tahun=t, jenis=Periode.Jenis.TAHUNAN, nama=f"Akhir {t}",
                               tanggal_mulai=date(t, 1, 1), tanggal_selesai=date(t, 12, 31),
                               batas_pengisian=date(t + 1, 1, 31)) for t in TAHUN}
    tw = PeriodeFactory(instansi=org.instansi, tahun=2025, nama="Triwulan IV", tanggal_mulai=date(2025, 10, 1),
                        tanggal_selesai=date(2025, 12, 31), batas_pengisian=date(2026, 1, 15))
    units = [org.seksi, org.seksi2, org.bidang]
    # Weighted to Baik and Sangat Baik so both two-year lists have members.
    pilihan = [Predikat.SANGAT_BAIK] * 3 + [Predikat.BAIK] * 3 + [p for p in Predikat]
    for i in range(30):
        p = PegawaiFactory(unit_kerja=units[i % 3])
        for t in TAHUN:
            if rng.random() < 0.15:
                continue  # no result this year
            status = Penilaian.Status.FINAL if rng.random() < 0.9 else Penilaian.Status.DRAFT
            if rng.random() < 0.25:  # a mutasi mid-year: two SKPs in two units, the later one decides
                for mulai, selesai, unit in [(date(t, 1, 1), date(t, 6, 30), rng.choice(units)),
                                             (date(t, 7, 1), date(t, 12, 31), rng.choice(units))]:
                    skp = SkpFactory(pegawai=p, tahun=t, status="DISETUJUI", tanggal_mulai=mulai,
                                     tanggal_selesai=selesai, unit_kerja=unit)
                    PenilaianFactory(skp=skp, periode=akhir[t], predikat=rng.choice(pilihan), status=status)
            else:
                skp = SkpFactory(pegawai=p, tahun=t, status="DISETUJUI", tanggal_mulai=date(t, 1, 1),
                                 tanggal_selesai=date(t, 12, 31), unit_kerja=p.unit_kerja)
                PenilaianFactory(skp=skp, periode=akhir[t], predikat=rng.choice(pilihan), status=status)
                if t == 2025 and rng.random() < 0.3:  # a periodic result never counts
                    PenilaianFactory(skp=skp, periode=tw, predikat=Predikat.SANGAT_KURANG,
                                     status=Penilaian.Status.FINAL)
    return org


@pytest.mark.parametrize("tahun", [2024, 2025])
@pytest.mark.parametrize("unit_name", ["bidang", "seksi", "seksi2"])
def test_sql_sama_dengan_pilihan_lama(ragam, unit_name, tahun):
    from pegawai.selectors import descendant_ids

    unit = getattr(ragam, unit_name)
    distribusi, daftar = _lama(descendant_ids(unit), tahun)
    hasil = tindak_lanjut(unit, tahun)
    assert hasil.distribusi == distribusi
    assert hasil.jumlah == {k: len(v) for k, v in daftar.items()}
    for kategori in Kategori:
        assert {p.pk for p in pegawai_list(unit, tahun, kategori)} == daftar[kategori]
    if unit_name == "bidang":
        assert sum(distribusi.values()) > 10 and all(daftar.values())  # the dataset exercises every list
