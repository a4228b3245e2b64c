"""Fixtures of the API tests: one instansi (build_org) with data of every kind owned by ``org.pegawai``."""
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import TokenIntegrasi
from api.services import token_issue
from harian.tests.factories import KegiatanFactory, iki_of, periode, skp_aktif, today
from pelatihan.tests.factories import RiwayatFactory
from penilaian.models import Penilaian, Periode
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory

ALL = [s.value for s in TokenIntegrasi.Scope]


def issue(org_or_instansi, *, user=None, scopes=("read",), days=30, oleh=None):
    instansi = getattr(org_or_instansi, "instansi", org_or_instansi)
    token, raw = token_issue(instansi=instansi, nama="Integrasi uji", scopes=list(scopes), oleh=oleh,
                             expires_at=timezone.now() + timedelta(days=days), user=user)
    return token, raw


@pytest.fixture(autouse=True)
def _fresh_throttle(settings):
    cache.clear()  # throttle counters live in the cache; every test starts at zero
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "token": "100000/hour", "user": "100000/hour", "anon": "100000/hour"}}
    yield
    cache.clear()


@pytest.fixture
def data(org):
    """The SKP (approved, 2 RHK × 1 IKI) of org.pegawai, an open evaluation, a final annual one, an
    activity, a training record; the same for org.lain (another unit) and org.asing (another instansi)."""
    t = today()
    skp = skp_aktif(org.pegawai)
    per = periode(org.instansi, mulai=t - timedelta(days=30), selesai=t + timedelta(days=30))
    penilaian = PenilaianFactory(skp=skp, periode=per)
    tahunan = PeriodeFactory(instansi=org.instansi, tahun=t.year - 1, jenis=Periode.Jenis.TAHUNAN, nama="Tahunan")
    skp_lalu = SkpFactory(pegawai=org.pegawai, tahun=t.year - 1)
    final = PenilaianFactory(skp=skp_lalu, periode=tahunan, status=Penilaian.Status.FINAL, rating_hasil="SESUAI",
                             rating_perilaku="SESUAI", predikat="BAIK", final_pada=timezone.now())
    kegiatan = KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp))
    riwayat = RiwayatFactory(pegawai=org.pegawai)
    skp_lain = skp_aktif(org.lain)
    return SimpleNamespace(
        skp=skp, periode=per, penilaian=penilaian, final=final, kegiatan=kegiatan, riwayat=riwayat, iki=iki_of(skp),
        kegiatan_lain=KegiatanFactory(pegawai=org.lain), skp_lain=skp_lain,
        kegiatan_asing=KegiatanFactory(pegawai=org.asing),
    )


@pytest.fixture
def client_as(org):
    """``client_as(actor)``: an APIClient logged in (session) as a named actor, or holding a token."""

    def make(actor: str, *, token: str | None = None) -> APIClient:
        c = APIClient()
        if token:
            c.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        elif actor in ("hr", "hr_other"):
            c.force_login(getattr(org, actor))
        elif actor != "anon":
            c.force_login(getattr(org, actor).user)
        return c

    return make
