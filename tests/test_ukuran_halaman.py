"""No page over ~100 KB of HTML for the supervisor's activity feed and the pohon kinerja, with a team and
a tree far larger than one page (issue: a 155 KB feed and a 432 KB tree)."""
from datetime import timedelta

import pytest
from django.urls import reverse

from harian.tests.factories import KegiatanFactory, iki_of, skp_aktif, today
from pegawai.tests.factories import PegawaiFactory, login_as
from penilaian.tests.factories import skp_with_rhk

pytestmark = pytest.mark.django_db
BATAS = 100_000


def test_supervisor_feed_stays_under_100_kb_with_a_large_team(client, org):
    for _ in range(40):
        p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        skp = skp_aktif(p, n_rhk=5)
        for d in range(3):
            KegiatanFactory(pegawai=p, iki=iki_of(skp, d), tanggal=today() - timedelta(days=d),
                            uraian="Menyusun laporan pelaksanaan kegiatan bidang " * 3)
    r = login_as(client, org, "atasan").get(reverse("harian:tim"))
    assert r.status_code == 200 and len(r.context["page_obj"]) == 20
    assert len(r.content) < BATAS, f"{len(r.content):,} bytes"


def test_pohon_pages_stay_under_100_kb_with_a_large_level(client, org):
    head = skp_with_rhk(org.kabid, n_rhk=8, tahun=2026)
    induk = head.rhk.first()
    for _ in range(120):
        s = skp_with_rhk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.kabid), n_rhk=2, tahun=2026)
        s.rhk.update(induk=induk, teks="Terlaksananya dukungan administrasi dan teknis bidang " * 3)
    c = login_as(client, org, "hr")
    for url in (reverse("penilaian:skp-pohon") + "?tahun=2026", reverse("penilaian:skp-pohon-anak", args=[induk.pk])):
        r = c.get(url)
        assert r.status_code == 200 and len(r.content) < BATAS, f"{url}: {len(r.content):,} bytes"


def test_a_very_large_team_is_searched_not_listed_in_dropdowns(client, org):
    from harian.views.tim import TIM_DROPDOWN_MAKS

    for _ in range(TIM_DROPDOWN_MAKS + 1):
        p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        skp = skp_aktif(p, n_rhk=3)
        KegiatanFactory(pegawai=p, iki=iki_of(skp), tanggal=today())
    r = login_as(client, org, "atasan").get(reverse("harian:tim"))
    form = r.context["filter"].form
    assert "q" in form.fields and "pegawai" not in form.fields and "rhk" not in form.fields
    assert r.context["bisa_tanggapi"] and len(r.content) < BATAS
