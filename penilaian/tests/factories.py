"""Factories for SKP, periods and evaluations (shared by every penilaian test module)."""
from datetime import date

import factory

from pegawai.tests.factories import InstansiFactory, PegawaiFactory
from penilaian.models import IndikatorKinerja, Penilaian, Periode, RencanaHasilKerja, Skp


class SkpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skp

    pegawai = factory.SubFactory(PegawaiFactory)
    tahun = 2026
    tanggal_mulai = factory.LazyAttribute(lambda o: date(o.tahun, 1, 1))
    tanggal_selesai = factory.LazyAttribute(lambda o: date(o.tahun, 12, 31))
    bentuk = Skp.Bentuk.JA_JF
    pendekatan = Skp.Pendekatan.KUANTITATIF
    pejabat_penilai = factory.LazyAttribute(lambda o: o.pegawai.atasan)
    atasan_penilai = factory.LazyAttribute(lambda o: o.pegawai.atasan.atasan if o.pegawai.atasan else None)
    jabatan = factory.LazyAttribute(lambda o: o.pegawai.jabatan)
    unit_kerja = factory.LazyAttribute(lambda o: o.pegawai.unit_kerja)


class RhkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RencanaHasilKerja

    skp = factory.SubFactory(SkpFactory)
    jenis = RencanaHasilKerja.Jenis.UTAMA
    teks = factory.Sequence(lambda n: f"Tersusunnya dokumen perencanaan kinerja ke-{n}")
    urutan = factory.Sequence(lambda n: n)


class IkiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerja

    rhk = factory.SubFactory(RhkFactory)
    teks = factory.Sequence(lambda n: f"Jumlah dokumen yang diselesaikan ({n})")
    aspek = IndikatorKinerja.Aspek.KUANTITAS
    target_angka = 12
    satuan = "dokumen"


class PeriodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Periode

    instansi = factory.SubFactory(InstansiFactory)
    tahun = 2026
    jenis = Periode.Jenis.TRIWULANAN
    nama = factory.Sequence(lambda n: f"Triwulan {n}")
    tanggal_mulai = date(2026, 1, 1)
    tanggal_selesai = date(2026, 3, 31)
    batas_pengisian = date(2026, 4, 10)


class PenilaianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Penilaian

    skp = factory.SubFactory(SkpFactory, status=Skp.Status.DISETUJUI)
    periode = factory.SubFactory(PeriodeFactory, instansi=factory.SelfAttribute("..skp.pegawai.unit_kerja.instansi"))


def skp_with_rhk(pegawai, *, n_rhk: int = 2, status=Skp.Status.DISETUJUI, **kwargs) -> Skp:
    """An SKP of ``pegawai`` with ``n_rhk`` RHK, each with one IKI."""
    skp = SkpFactory(pegawai=pegawai, status=status, **kwargs)
    for _ in range(n_rhk):
        IkiFactory(rhk=RhkFactory(skp=skp))
    return skp
