"""The team feed pages by position (Sebelumnya / Berikutnya), never counting the whole scope: every entry
is reached exactly once in order, filters survive the links, and a bad position gives the first page."""
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from harian.models import KegiatanHarian
from pegawai.tests.factories import login_as

from .factories import KegiatanFactory, today

pytestmark = pytest.mark.django_db


def _isi(org, n):
    for i in range(n):
        # Several entries per day and per creation second: the order must still be total (pk breaks ties).
        KegiatanFactory(pegawai=org.pegawai if i % 3 else org.rekan, uraian=f"kegiatan-{i}",
                        tanggal=today() - timedelta(days=i // 4))


def _urutan(org):
    return list(KegiatanHarian.objects.filter(pegawai__in=[org.pegawai, org.rekan])
                .order_by("-tanggal", "-dibuat_pada", "-pk").values_list("pk", flat=True))


def test_berikutnya_lalu_sebelumnya_menjangkau_semua_sekali(client, org):
    _isi(org, 47)
    c = login_as(client, org, "hr")
    url, dilihat, halaman = reverse("harian:tim"), [], []
    r = c.get(url)
    while True:
        page = r.context["page_obj"]
        halaman.append([k.pk for k in page])
        dilihat += halaman[-1]
        if not page.has_next:
            break
        r = c.get(url + "?" + page.next_query)
    assert dilihat == _urutan(org) and [len(h) for h in halaman] == [20, 20, 7]
    assert 'rel="prev"' in r.content.decode() and 'rel="next"' not in r.content.decode()
    kembali = c.get(url + "?" + r.context["page_obj"].previous_query).context["page_obj"]
    assert [k.pk for k in kembali] == halaman[1] and kembali.has_previous and kembali.has_next
    awal = c.get(url + "?" + kembali.previous_query).context["page_obj"]
    assert [k.pk for k in awal] == halaman[0] and not awal.has_previous


def test_saringan_tetap_di_tautan_halaman(client, org):
    _isi(org, 70)
    c = login_as(client, org, "atasan")
    page = c.get(reverse("harian:tim"), {"pegawai": org.pegawai.pk}).context["page_obj"]
    assert parse_qs(urlsplit("?" + page.next_query).query)["pegawai"] == [str(org.pegawai.pk)]
    nxt = c.get(reverse("harian:tim") + "?" + page.next_query).context["page_obj"]
    assert {k.pegawai_id for k in [*page, *nxt]} == {org.pegawai.pk} and len(nxt) == 20


@pytest.mark.parametrize("nilai", ["x", "2026-13-40~x~1", "~~", "2026-01-01~2026-01-01 00:00:00~abc", "1~2"])
def test_posisi_rusak_memberi_halaman_pertama(client, org, nilai):
    _isi(org, 25)
    c = login_as(client, org, "hr")
    pertama = [k.pk for k in c.get(reverse("harian:tim")).context["page_obj"]]
    for param in ("setelah", "sebelum"):
        r = c.get(reverse("harian:tim"), {param: nilai})
        assert r.status_code == 200 and [k.pk for k in r.context["page_obj"]] == pertama


def test_tanpa_count_seluruh_instansi(client, org):
    _isi(org, 25)
    c = login_as(client, org, "hr")
    c.get(reverse("harian:tim"))
    with CaptureQueriesContext(connection) as ctx:
        r = c.get(reverse("harian:tim"))
    feed = [q["sql"] for q in ctx.captured_queries if '"harian_kegiatanharian"' in q["sql"].split("WHERE")[0]]
    assert r.status_code == 200 and feed and not [q for q in feed if "COUNT(" in q.upper()]
