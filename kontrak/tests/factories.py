"""Factories for PPPK / PPPK Paruh Waktu pegawai and their perjanjian kerja."""
from datetime import date

import factory

from kontrak.models import PerjanjianKerja
from pegawai.models import Golongan, Pegawai
from pegawai.tests.factories import PegawaiFactory, make_nip


def pppk(status: str = Pegawai.Status.PPPK_PW, **kwargs) -> Pegawai:
    """A PPPK (default: Paruh Waktu) with a PPPK NIP and golongan (domain.md §7.2, §7.6)."""
    return PegawaiFactory(nip=make_nip(pppk=True), status=status,
                          golongan=Golongan.objects.get(jenis="PPPK", kode="V"), **kwargs)


class PerjanjianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerjanjianKerja

    pegawai = factory.LazyFunction(pppk)
    nomor = factory.Sequence(lambda n: f"800/{n:03d}/PK/2026")
    tanggal_mulai = date(2026, 1, 1)
    tanggal_selesai = date(2026, 12, 31)
    target_kinerja = "Terlaksananya layanan administrasi sekolah sesuai standar."
