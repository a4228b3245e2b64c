"""Test data for reminders and documents (on top of penilaian/tests/factories.py)."""
from datetime import date

from penilaian.models import Penilaian, Skp
from penilaian.predikat import Predikat, Rating
from penilaian.tests.factories import (
    IkiFactory,
    PenilaianFactory,
    PeriodeFactory,
    RhkFactory,
    SkpFactory,
)

BATAS = date(2026, 4, 10)


def periode(org, **kw):
    return PeriodeFactory(
        instansi=org.instansi, nama=kw.pop("nama", "Triwulan I"), batas_pengisian=kw.pop("batas", BATAS), **kw
    )


def skp_lengkap(pegawai, *, status=Skp.Status.DISETUJUI, rhk="Terlaksananya layanan administrasi kepegawaian"):
    skp = SkpFactory(pegawai=pegawai, status=status)
    IkiFactory(
        rhk=RhkFactory(skp=skp, teks=rhk),
        teks="Jumlah berkas layanan yang diselesaikan",
        target_angka=120,
        satuan="berkas",
    )
    return skp


def penilaian_final(skp, per, *, status=Penilaian.Status.FINAL, pada=None):
    """A Sangat Baik evaluation finalised through the real service (``PenilaianFactory(final=True)``; ``pada``:
    when, default inside the period); another ``status`` gives an unfinalised row with the same ratings."""
    if status == Penilaian.Status.FINAL:
        return PenilaianFactory(
            skp=skp,
            periode=per,
            final=True,
            hasil=Rating.DI_ATAS,
            perilaku=Rating.DI_ATAS,
            difinalkan_pada=pada,
            catatan="Pertahankan kinerja.",
        )
    return PenilaianFactory(
        skp=skp,
        periode=per,
        status=status,
        rating_hasil=Rating.DI_ATAS,
        rating_perilaku=Rating.DI_ATAS,
        predikat=Predikat.SANGAT_BAIK,
        catatan="Pertahankan kinerja.",
    )
