"""The shared test-data layer does what the real workflow does (so tests built on it can be trusted)."""
import pytest
import time_machine
from django.utils import timezone

from kinerja.models import AuditLog
from penilaian.models import Penilaian
from penilaian.predikat import Predikat, Rating
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory

pytestmark = pytest.mark.django_db


def test_period_traits_are_relative_to_today(org):
    assert not PeriodeFactory(terbuka=True, instansi=org.instansi).terkunci()
    assert PeriodeFactory(terkunci=True, instansi=org.instansi).terkunci()


@pytest.mark.parametrize("hari", ["2027-01-05 10:00+07:00", "2026-12-20 10:00+07:00"])
def test_an_open_period_stays_inside_its_year(org, hari):
    with time_machine.travel(hari, tick=False):
        p = PeriodeFactory(terbuka=True, instansi=org.instansi)
        assert p.tanggal_mulai.year == p.tanggal_selesai.year == p.tahun == timezone.localdate().year
        assert p.tanggal_mulai <= timezone.localdate() <= p.tanggal_selesai and not p.terkunci()


@pytest.mark.parametrize("terbuka", [True, False])
def test_final_trait_goes_through_penilaian_finalize(org, terbuka):
    periode = PeriodeFactory(instansi=org.instansi, terbuka=terbuka, terkunci=not terbuka)
    p = PenilaianFactory(skp__pegawai=org.pegawai, skp__tahun=periode.tahun, periode=periode, final=True,
                         hasil=Rating.DI_BAWAH, perilaku=Rating.DI_ATAS)
    p.refresh_from_db()
    assert (p.status, p.predikat, p.penilai) == (Penilaian.Status.FINAL, Predikat.BUTUH_PERBAIKAN, org.atasan)
    assert p.snapshot["pegawai"]["nip"] == org.pegawai.nip
    assert AuditLog.objects.filter(aksi="penilaian.finalized", object_id=str(p.pk)).exists()
    # a locked period is finalised on its last open day, never after the deadline
    assert not periode.terkunci(p.final_pada) and p.final_pada <= timezone.now()


def test_without_the_trait_nothing_is_finalised(org):
    p = PenilaianFactory(skp__pegawai=org.pegawai)
    assert p.status == Penilaian.Status.DRAFT and not AuditLog.objects.exists()
