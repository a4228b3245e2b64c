"""List endpoints cost a fixed number of queries: the same at page size 5 and 20."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from harian.tests.factories import KegiatanFactory, periode, skp_aktif, today
from pegawai.tests.factories import PegawaiFactory
from pelatihan.tests.factories import RiwayatFactory
from penilaian.tests.factories import PenilaianFactory

from .conftest import issue

ENDPOINTS = ["instansi", "unit-kerja", "pegawai", "skp", "periode", "penilaian", "predikat-tahunan", "pelatihan",
             "kegiatan-harian"]


@pytest.fixture
def banyak(org):
    """25 pegawai in one unit, each with an SKP (2 RHK × IKI), an evaluation, an activity and a record."""
    from datetime import timedelta

    per = periode(org.instansi, mulai=today() - timedelta(days=30), selesai=today() + timedelta(days=30))
    for _ in range(25):
        p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        skp = skp_aktif(p)
        PenilaianFactory(skp=skp, periode=per)
        KegiatanFactory(pegawai=p)
        RiwayatFactory(pegawai=p)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
    assert r.status_code == 200, r.content
    return len(ctx.captured_queries)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("actor", ["token", "atasan"])
def test_list_queries_do_not_grow_with_page_size(org, banyak, client_as, django_assert_max_num_queries,
                                                 endpoint, actor):
    c = client_as("x", token=issue(org)[1]) if actor == "token" else client_as(actor)
    kecil = _count(c, f"/api/v1/{endpoint}/?page_size=5")
    with django_assert_max_num_queries(kecil):
        r = c.get(f"/api/v1/{endpoint}/?page_size=20")
    assert r.status_code == 200
    if endpoint in ("pegawai", "skp", "penilaian", "pelatihan", "kegiatan-harian"):
        assert len(r.json()["results"]) == 20  # the bigger page really is bigger
    with django_assert_max_num_queries(12):
        c.get(f"/api/v1/{endpoint}/?page_size=100")
