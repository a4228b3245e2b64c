"""Builders for the evaluation tests (issue 4): periods relative to today, so tests never expire."""

from django.utils import timezone

from penilaian.models import Penilaian, Periode, Skp
from penilaian.tests.factories import PeriodeFactory, skp_with_rhk

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def periode_terbuka(instansi, *, nama="Periode Berjalan", jenis=Periode.Jenis.TRIWULANAN, **kw) -> Periode:
    return PeriodeFactory(terbuka=True, instansi=instansi, nama=nama, jenis=jenis, **kw)


def periode_terkunci(instansi, *, nama="Periode Lalu") -> Periode:
    return PeriodeFactory(terkunci=True, instansi=instansi, nama=nama)


def skp_disetujui(pegawai, n_rhk: int = 2) -> Skp:
    today = timezone.localdate()
    return skp_with_rhk(pegawai, n_rhk=n_rhk, tahun=today.year, status=Skp.Status.DISETUJUI)


def penilaian_untuk(pegawai, periode, *, status=Penilaian.Status.DRAFT, skp=None, **kw) -> Penilaian:
    skp = skp or skp_disetujui(pegawai)
    return Penilaian.objects.create(skp=skp, periode=periode, status=status, **kw)
