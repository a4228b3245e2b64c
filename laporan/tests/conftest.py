"""Shared data: one instansi (build_org) with a quarter and the annual period of 2026, results for some
pegawai, training hours and a JF; the expected cells of every report follow from it."""
from datetime import date
from types import SimpleNamespace

import pytest

from pegawai.models import Jabatan, UnitKerja
from pegawai.tests.factories import JabatanFactory
from pelatihan.models import RiwayatPengembangan
from pelatihan.tests.factories import RiwayatFactory
from penilaian.models import Periode, Skp
from penilaian.predikat import Rating
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory


@pytest.fixture
def data(org):
    org.bidang.level = UnitKerja.Level.PERANGKAT_DAERAH
    org.bidang.save(update_fields=["level"])
    jf = JabatanFactory(nama="Analis SDM Aparatur Ahli Pertama", jenis=Jabatan.Jenis.FUNGSIONAL,
                        jenjang=Jabatan.Jenjang.AHLI_PERTAMA)
    org.pegawai.jabatan = jf
    org.pegawai.save(update_fields=["jabatan"])
    tw1 = PeriodeFactory(instansi=org.instansi, nama="Triwulan I", jenis=Periode.Jenis.TRIWULANAN,
                         tanggal_mulai=date(2026, 1, 1), tanggal_selesai=date(2026, 3, 31),
                         batas_pengisian=date(2026, 4, 10))
    akhir = PeriodeFactory(instansi=org.instansi, nama="Akhir", jenis=Periode.Jenis.TAHUNAN,
                           tanggal_mulai=date(2026, 1, 1), tanggal_selesai=date(2026, 12, 31),
                           batas_pengisian=date(2027, 1, 31))
    skp = SkpFactory(pegawai=org.pegawai, status=Skp.Status.DISETUJUI, jabatan=jf)
    PenilaianFactory(skp=skp, periode=tw1, final=True, hasil=Rating.DI_ATAS, perilaku=Rating.DI_ATAS)  # Sangat Baik
    PenilaianFactory(skp=skp, periode=akhir, final=True)  # Baik
    SkpFactory(pegawai=org.rekan, status=Skp.Status.DIAJUKAN)
    PenilaianFactory(skp=SkpFactory(pegawai=org.atasan, status=Skp.Status.DISETUJUI), periode=tw1)  # a draft
    RiwayatFactory(pegawai=org.pegawai, jp=24, status=RiwayatPengembangan.Status.DIVERIFIKASI)
    return SimpleNamespace(org=org, tw1=tw1, akhir=akhir, skp=skp, jf=jf)
