"""Penilaian bawahan lists the whole team (issue 11 §5): subordinates without an approved SKP are shown
with what they wait for, and the Kinerja unit counts agree with that list (domain.md §4 population)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory
from penilaian.models import Skp
from penilaian.rekan.selectors import distribusi_unit

from .factories import SkpFactory
from .rekan_factories import final, penilaian_of, periode_terbuka

pytestmark = pytest.mark.django_db


@pytest.fixture
def tim(org):
    """org.atasan appraises five: rated, opened, SKP submitted, SKP draft, no SKP."""
    periode = periode_terbuka(org.instansi)
    final(penilaian_of(org.pegawai, periode))
    draf_pegawai = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, nama="Dewi Draf")
    tanpa_skp = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, nama="Tono Tanpa")
    dibuka = penilaian_of(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, nama="Budi Buka"), periode)
    diajukan = SkpFactory(pegawai=org.rekan, tahun=periode.tahun, status=Skp.Status.DIAJUKAN)
    SkpFactory(pegawai=draf_pegawai, tahun=periode.tahun, status=Skp.Status.DRAFT)
    return periode, diajukan, draf_pegawai, tanpa_skp, dibuka


def bawahan_page(client, user, tahun):
    client.force_login(user)
    return client.get(reverse("penilaian:evaluasi-bawahan") + f"?tahun={tahun}").content.decode()


def test_every_subordinate_is_listed_with_what_they_wait_for(client, org, tim):
    periode, diajukan, draf_pegawai, tanpa_skp, dibuka = tim
    html = bawahan_page(client, org.atasan.user, periode.tahun)
    assert html.count('class="baris-tim') == 5
    for p in (org.pegawai, org.rekan, draf_pegawai, tanpa_skp, dibuka.skp.pegawai):
        assert p.nama in html
    # Three rows without an evaluable SKP; each status is rendered twice (under the name on a phone, in
    # its own cell from md up).
    assert html.count("status-tanpa-skp") == 3
    assert html.count("SKP belum disetujui") == 2 * 2 and html.count("belum-skp") == 1 * 2
    # The submitted SKP links to its approval page; the draft has nothing for the atasan to do.
    assert reverse("penilaian:skp-detail", args=[diajukan.pk]) in html and html.count("tombol-setujui-skp") == 1 * 2
    assert "menunggu pegawai mengajukan SKP" in html
    assert org.lain.nama not in html  # someone else's team


def test_kinerja_unit_counts_agree_with_the_team_list(client, org, tim):
    periode = tim[0]
    dist = distribusi_unit(org.seksi, periode)
    # The five rows of Penilaian bawahan plus the unit head: he is a pegawai of the unit too, and the
    # population is the SKP's unit (domain.md §11.2 rule 4); he has no SKP yet.
    assert dist.total + dist.belum_dinilai == 6
    assert (dist.total, dist.belum_dinilai, dist.belum_skp) == (1, 5, 4)
    client.force_login(org.atasan.user)
    html = client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])).content.decode()
    assert "1 pegawai berpredikat; 5 belum dinilai" in html and 'id="belum-skp"' in html


def test_team_without_evaluations_costs_the_same_queries(client, org, django_assert_max_num_queries):
    periode = periode_terbuka(org.instansi)
    counts = []
    for n in (1, 8):
        for _ in range(n):
            pg = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
            SkpFactory(pegawai=pg, tahun=periode.tahun, status=Skp.Status.DIAJUKAN)
        client.force_login(org.atasan.user)
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as ctx:
            client.get(reverse("penilaian:evaluasi-bawahan") + f"?tahun={periode.tahun}")
        counts.append(len(ctx))
    assert counts[0] == counts[1]
