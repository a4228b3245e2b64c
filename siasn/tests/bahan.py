"""Data shared by the SIASN tests: the periods of the year, an approved SKP, many evaluated pegawai."""
from datetime import date

from pegawai.tests.factories import PegawaiFactory
from penilaian.models import Penilaian, Periode, Skp
from penilaian.predikat import Rating as R
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory

TAHUN = 2025


def akhir(instansi):
    return PeriodeFactory(instansi=instansi, tahun=TAHUN, jenis=Periode.Jenis.TAHUNAN, nama="Akhir",
                          tanggal_mulai=date(TAHUN, 1, 1), tanggal_selesai=date(TAHUN, 12, 31),
                          batas_pengisian=date(TAHUN + 1, 1, 31))


def tw1(instansi):
    return PeriodeFactory(instansi=instansi, tahun=TAHUN, nama="Triwulan I", tanggal_mulai=date(TAHUN, 1, 1),
                          tanggal_selesai=date(TAHUN, 3, 31), batas_pengisian=date(TAHUN, 4, 10))


def skp(pegawai, **kw):
    return SkpFactory(pegawai=pegawai, tahun=TAHUN, status=Skp.Status.DISETUJUI, **kw)


def banyak(org, periode_akhir, periode_tw1, n):
    """``n`` pegawai with an accepted Akhir and Triwulan I evaluation each (nothing blocks them)."""
    for _i in range(n):
        pg = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        s = skp(pg)
        for periode in (periode_akhir, periode_tw1):
            p = PenilaianFactory(skp=s, periode=periode, status=Penilaian.Status.DITERIMA, predikat="BAIK",
                                 rating_hasil=R.SESUAI, rating_perilaku=R.SESUAI)
            Penilaian.objects.filter(pk=p.pk).update(snapshot=tahun_snapshot(pg, org.atasan))


def tahun_snapshot(pg, penilai):
    from pegawai.identitas import identitas_pegawai

    return {"pegawai": identitas_pegawai(pg), "penilai": identitas_pegawai(penilai), "atasan_penilai": {}}


