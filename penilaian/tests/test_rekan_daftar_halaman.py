"""HR's "Masukan rekan" management list by position (``penilaian.rekan.halaman``, issue 18): every open
evaluation of the instansi exactly once, newest period start first and by name within it (two periods
starting the same day interleave by name, equal names by id), forwards and back, with the search kept in
the links; closed ones and other instansi left out; a bad position gives the first page; and the page's
queries do not grow with the instansi (no COUNT of the open evaluations)."""
from datetime import date

import pytest
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory
from penilaian.models import Penilaian, Periode
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory

pytestmark = pytest.mark.django_db
URL = "penilaian:rekan-daftar"


def _isi(org, n):
    periode = [PeriodeFactory(instansi=org.instansi, nama="Triwulan III", tanggal_mulai=date(2026, 7, 1),
                              tanggal_selesai=date(2026, 9, 30), batas_pengisian=date(2026, 10, 10)),
               PeriodeFactory(instansi=org.instansi, nama="Triwulan I"),
               PeriodeFactory(instansi=org.instansi, nama="Akhir", jenis=Periode.Jenis.TAHUNAN,
                              tanggal_selesai=date(2026, 12, 31), batas_pengisian=date(2027, 1, 10))]
    for i in range(n):
        p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, nama=f"Pegawai {i % 5:02d}")  # equal names
        skp = SkpFactory(pegawai=p, tahun=2026)
        for j, per in enumerate(periode):
            pn = PenilaianFactory(skp=skp, periode=per)
            if (i + j) % 4 == 0:
                Penilaian.objects.filter(pk=pn.pk).update(status=Penilaian.Status.FINAL)
    asing = SkpFactory(pegawai=org.asing, tahun=2026)
    PenilaianFactory(skp=asing, periode=PeriodeFactory(instansi=org.other_instansi))


def _harap(org, **lingkup):
    rows = Penilaian.objects.filter(skp__pegawai__unit_kerja__instansi=org.instansi, **lingkup).exclude(
        status__in=Penilaian.SELESAI).values_list("pk", "periode__tanggal_mulai", "skp__pegawai__nama")
    return [pk for pk, mulai, nama in sorted(rows, key=lambda r: (-r[1].toordinal(), r[2], r[0]))]


@pytest.mark.parametrize("peran", ["hr", "atasan"])
def test_semua_sekali_maju_lalu_mundur(client, org, peran):
    """HR reads by the name index; a penilai's few rows are sorted (``lingkup_kecil``): the same order."""
    _isi(org, 22)
    client.force_login(org.hr if peran == "hr" else org.atasan.user)
    url, halaman = reverse(URL), []
    r = client.get(url)
    while True:
        halaman.append([p.pk for p in r.context["page_obj"]])
        if not r.context["page_obj"].has_next:
            break
        r = client.get(url + "?" + r.context["page_obj"].next_query)
    harap = _harap(org) if peran == "hr" else _harap(org, skp__pejabat_penilai=org.atasan)
    assert [pk for h in halaman for pk in h] == harap and len(halaman) == -(-len(harap) // 25) > 1
    for sebelumnya in reversed(halaman[:-1]):
        r = client.get(url + "?" + r.context["page_obj"].previous_query)
        assert [p.pk for p in r.context["page_obj"]] == sebelumnya
    assert not r.context["page_obj"].has_previous


def test_cari_tetap_di_tautan_dan_posisi_rusak(client, org):
    _isi(org, 22)
    client.force_login(org.hr)
    r = client.get(reverse(URL), {"q": "Pegawai 03"})
    page = r.context["page_obj"]
    assert {p.skp.pegawai.nama for p in page} == {"Pegawai 03"} and len(page) > 0
    assert "q=Pegawai+03" in page.next_query and "q=Pegawai+03" in page.first_query
    pertama = [p.pk for p in client.get(reverse(URL)).context["page_obj"]]
    for nilai in ("x", "2026-13-01~a~1", "~~", "2026-07-01~nama~abc", "1~2"):
        for param in ("setelah", "sebelum"):
            r = client.get(reverse(URL), {param: nilai})
            assert r.status_code == 200 and [p.pk for p in r.context["page_obj"]] == pertama


@pytest.mark.parametrize("n", [4, 30])
def test_kueri_tidak_tumbuh_dan_tanpa_count(client, org, django_assert_max_num_queries, n):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _isi(org, n)
    client.force_login(org.hr)
    client.get(reverse(URL))
    with django_assert_max_num_queries(12), CaptureQueriesContext(connection) as ctx:
        r = client.get(reverse(URL))
    assert r.status_code == 200 and len(r.context["page_obj"]) == min(25, len(_harap(org)))
    assert not [q for q in ctx.captured_queries if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "penilaian_')]
