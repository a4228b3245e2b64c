"""A team's feed is read per member (``selectors.teratas_per_anggota``, PostgreSQL): the pages are exactly
those of the plain newest-first order, whatever the entries of people outside the team, with the filters
and both directions; its queries do not grow with the team; and the plan reads each member's entries off
``harian_pegawai_urut`` instead of walking the instansi's order (issue 18: 830 ms for the Sekda)."""
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse

from harian.models import KegiatanHarian
from harian.selectors import kegiatan_tim, teratas_per_anggota, tim_of
from pegawai.tests.factories import PegawaiFactory, login_as

from .factories import KegiatanFactory, today

pytestmark = pytest.mark.django_db


def _isi(org, n_lain=30):
    """Team entries of the atasan (pegawai, rekan) interleaved with far more entries of people outside it."""
    for i in range(45):
        KegiatanFactory(pegawai=org.pegawai if i % 3 else org.rekan, uraian=f"tim-{i}",
                        tanggal=today() - timedelta(days=i // 5))
    for i in range(n_lain):
        KegiatanFactory(pegawai=org.lain if i % 2 else org.kabid, uraian=f"lain-{i}",
                        tanggal=today() - timedelta(days=i // 10))


def _semua_halaman(c, url, params=None):
    r = c.get(url, params or {})
    halaman = [[k.pk for k in r.context["page_obj"]]]
    while r.context["page_obj"].has_next:
        r = c.get(url + "?" + r.context["page_obj"].next_query)
        halaman.append([k.pk for k in r.context["page_obj"]])
    return r, halaman


def test_halaman_per_anggota_sama_dengan_urutan_penuh(client, org):
    _isi(org)
    c = login_as(client, org, "atasan")
    url = reverse("harian:tim")
    r, halaman = _semua_halaman(c, url)
    harap = list(KegiatanHarian.objects.filter(pegawai__in=[org.pegawai, org.rekan])
                 .order_by("-tanggal", "-dibuat_pada", "-pk").values_list("pk", flat=True))
    assert [pk for h in halaman for pk in h] == harap and [len(h) for h in halaman] == [20, 20, 5]
    # Back from the last page: the same pages in reverse, the first one without "Sebelumnya".
    for sebelumnya in reversed(halaman[:-1]):
        r = c.get(url + "?" + r.context["page_obj"].previous_query)
        assert [k.pk for k in r.context["page_obj"]] == sebelumnya
    assert not r.context["page_obj"].has_previous


def test_saringan_berlaku_di_dalam_baca_per_anggota(client, org):
    _isi(org)
    KegiatanHarian.objects.filter(pegawai=org.pegawai, uraian__in=["tim-1", "tim-2", "tim-4"]).update(
        status=KegiatanHarian.Status.DISETUJUI)
    c = login_as(client, org, "atasan")
    _r, halaman = _semua_halaman(c, reverse("harian:tim"), {"status": "DISETUJUI", "pegawai": org.pegawai.pk})
    assert [KegiatanHarian.objects.get(pk=pk).uraian for pk in halaman[0]] == ["tim-4", "tim-2", "tim-1"]


@pytest.mark.parametrize("actor", ["pegawai", "atasan2"])
def test_tim_lain_tidak_melihat_entri_tim_ini(client, org, actor):
    _isi(org)
    r = login_as(client, org, actor).get(reverse("harian:tim"))
    lihat = {k.pegawai_id for k in r.context["page_obj"]} if r.status_code == 200 else set()
    assert not lihat & {org.pegawai.pk, org.rekan.pk}


@pytest.mark.parametrize("n_tim", [3, 40])
def test_kueri_tidak_tumbuh_dengan_tim(client, org, django_assert_max_num_queries, n_tim):
    for i in range(n_tim):
        p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        for d in range(max(3, 45 // n_tim)):  # more than two pages either way
            KegiatanFactory(pegawai=p, tanggal=today() - timedelta(days=d + i % 4))
    c = login_as(client, org, "atasan")
    first = c.get(reverse("harian:tim"))
    with django_assert_max_num_queries(15):
        r = c.get(reverse("harian:tim") + "?" + first.context["page_obj"].next_query)
    assert r.status_code == 200 and len(r.context["page_obj"]) == 20


@pytest.mark.skipif(connection.vendor != "postgresql", reason="plans: needs DATABASE_URL=postgres://…")
def test_rencana_membaca_per_anggota_dari_indeks(org):
    qs = kegiatan_tim(tim_of(org.atasan.user)).prefetch_related(None)
    qs = teratas_per_anggota(tim_of(org.atasan.user))(qs, ["-tanggal", "-dibuat_pada", "-pk"], 21)
    sql, params = qs.order_by("-tanggal", "-dibuat_pada", "-pk")[:21].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "harian_pegawai_urut" in plan and "harian_feed_urut" not in plan
