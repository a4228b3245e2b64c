"""Factories for the daily log; SKP dates are relative to today so the rules stay testable any day."""
from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from harian.models import KegiatanHarian
from penilaian.models import Periode, Skp
from penilaian.tests.factories import IkiFactory, PeriodeFactory, RhkFactory, SkpFactory


def today():
    return timezone.localdate()


def skp_aktif(pegawai, *, status=Skp.Status.DISETUJUI, n_rhk=2, mulai=None, selesai=None) -> Skp:
    """An SKP of ``pegawai`` from 90 days ago to 30 days ahead, each RHK with one IKI (satuan dokumen)."""
    t = today()
    skp = SkpFactory(pegawai=pegawai, status=status, tahun=t.year,
                     tanggal_mulai=mulai or t - timedelta(days=90), tanggal_selesai=selesai or t + timedelta(days=30))
    for _ in range(n_rhk):
        IkiFactory(rhk=RhkFactory(skp=skp))
    return skp


def iki_of(skp, i=0):
    return [iki for rhk in skp.rhk.all() for iki in rhk.iki.all()][i]


def periode(instansi, *, mulai, selesai, batas=None, nama=None) -> Periode:
    return PeriodeFactory(instansi=instansi, tahun=mulai.year, tanggal_mulai=mulai, tanggal_selesai=selesai,
                          batas_pengisian=batas or selesai + timedelta(days=10), **({"nama": nama} if nama else {}))


class KegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KegiatanHarian

    tanggal = factory.LazyFunction(today)
    uraian = factory.Sequence(lambda n: f"Menyusun laporan kegiatan ke-{n}")
    kuantitas = Decimal(1)
    satuan = "dokumen"
