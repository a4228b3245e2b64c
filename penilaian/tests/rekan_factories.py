"""Helpers for the peer-input, distribution and keberatan tests (penilaian/rekan)."""
from datetime import timedelta

from django.utils import timezone

from pegawai.tests.factories import PegawaiFactory
from penilaian.models import (
    MasukanRekan,
    Penilaian,
    PerilakuKerja,
    Periode,
    RilisMasukanRekan,
    Skp,
    UndanganRekan,
)
from penilaian.predikat import Rating
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory, finalkan


def periode_terbuka(instansi, **kwargs) -> Periode:
    """A period whose deadline is still ahead (``PeriodeFactory(terbuka=True)``)."""
    return PeriodeFactory(terbuka=True, instansi=instansi, **kwargs)


def periode_lewat(instansi, **kwargs) -> Periode:
    """A period whose deadline was yesterday (``PeriodeFactory(terkunci=True)``)."""
    return PeriodeFactory(terkunci=True, instansi=instansi, **kwargs)


def penilaian_of(pegawai, periode=None, **kwargs) -> Penilaian:
    periode = periode or periode_terbuka(pegawai.unit_kerja.instansi)
    skp = SkpFactory(pegawai=pegawai, status=Skp.Status.DISETUJUI, tahun=periode.tahun)
    return PenilaianFactory(skp=skp, periode=periode, **kwargs)


def final(penilaian: Penilaian, hasil=Rating.SESUAI, perilaku=Rating.SESUAI, *, days_ago=1) -> Penilaian:
    """``penilaian`` finalised ``days_ago`` days ago through the real service (``factories.finalkan``)."""
    return finalkan(penilaian, hasil=hasil, perilaku=perilaku, pada=timezone.now() - timedelta(days=days_ago))


def undang(penilaian, rekan_list, oleh=None) -> list[UndanganRekan]:
    return [UndanganRekan.objects.create(penilaian=penilaian, rekan=r, diundang_oleh=oleh) for r in rekan_list]


def peers(org, n=3):
    """``n`` pegawai of the appraisee's seksi besides org.rekan (created as needed)."""
    out = [org.rekan]
    while len(out) < n:
        out.append(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan))
    return out


def jawaban(rating=Rating.SESUAI, **overrides) -> dict:
    d = {k: rating for k in PerilakuKerja.objects.order_by("urutan").values_list("kode", flat=True)}
    d.update(overrides)
    return d


def masukan(penilaian, n, rating=Rating.SESUAI, komentar=""):
    """``n`` released answers, as ``masukan_rekan_release`` leaves them (adds to an earlier release)."""
    for i in range(n):
        MasukanRekan.objects.create(
            penilaian=penilaian, jawaban=jawaban(rating), komentar=komentar and f"{komentar} {i}"
        )
    total = MasukanRekan.objects.filter(penilaian=penilaian).count()
    RilisMasukanRekan.objects.update_or_create(penilaian=penilaian, defaults={"jumlah_jawaban": total})


def jawab_semua(undangan_list, rating=Rating.SESUAI, komentar="") -> None:
    """Every invitee answers through the service (the answers stay sealed until release)."""
    from penilaian.rekan.services import masukan_rekan_submit

    for i, u in enumerate(undangan_list):
        masukan_rekan_submit(
            undangan=u, jawaban=jawaban(rating), komentar=komentar and f"{komentar} {i}", oleh=u.rekan.user
        )
