"""The JP report at agency scale (issue 18: 168 KB for 171 units): the unit table and the list of those
below target come in pages of 25, the totals still cover every unit, the pages of one table keep the
other's position and filters, both tables stack on phones (``tabel-tumpuk``), and the page stays under
100 KB with queries that do not grow."""
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory, UnitKerjaFactory, make_nip
from pelatihan.models import RiwayatPengembangan
from pelatihan.views.hr import PER_HALAMAN

from .factories import RiwayatFactory

pytestmark = pytest.mark.django_db
BATAS = 100_000


def _unit(org, n_unit, per_unit=2):
    units = []
    for i in range(n_unit):
        u = UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode=f"S{i:03d}",
                             nama=f"Subbagian Pelayanan Administrasi Umum dan Kepegawaian {i:03d}")
        for j in range(per_unit):
            pppk = j % 2 == 1
            p = PegawaiFactory(unit_kerja=u, status="PPPK" if pppk else "PNS", nip=make_nip(pppk=pppk), golongan=None)
            RiwayatFactory(pegawai=p, jp=30 if pppk else 4, status=RiwayatPengembangan.Status.DIVERIFIKASI)
        units.append(u)
    return units


def test_tabel_unit_berhalaman_dan_total_semua_unit(client, org):
    units = _unit(org, 30)
    client.force_login(org.hr)
    r = client.get(reverse("pelatihan:laporan"), {"tahun": 2026, "page": 2})
    semua = r.context["ringkasan"]
    assert len(r.context["unit_hal"]) == PER_HALAMAN < len(semua)
    assert r.context["total"]["n_pppk_melebihi"] == 30 and r.context["total"]["n_pns"] == sum(u.n_pns for u in semua)
    html = r.content.decode()
    assert html.count('class="table table-sm table-hover mb-0 tabel-tumpuk"') == 1 and 'data-label="PNS/CPNS"' in html
    # The next page of units keeps the page of the list below and the year.
    href = html.split('hal_unit=2"', 1)[0].rsplit('href="', 1)[1] + "hal_unit=2"
    lanjut = parse_qs(urlsplit(unescape(href)).query)
    assert lanjut["page"] == ["2"] and lanjut["tahun"] == ["2026"]
    r2 = client.get(reverse("pelatihan:laporan"), {"tahun": 2026, "page": 2, "hal_unit": 2})
    dilihat = [u.unit_id for u in r.context["unit_hal"]] + [u.unit_id for u in r2.context["unit_hal"]]
    assert dilihat == [u.unit_id for u in semua] and {u.pk for u in units} <= set(dilihat)
    assert r2.context["page_obj"].number == 2


@pytest.mark.parametrize("n_unit", [5, 60])
def test_ukuran_dan_kueri_tidak_tumbuh(client, org, django_assert_max_num_queries, n_unit):
    _unit(org, n_unit)
    client.force_login(org.hr)
    client.get(reverse("pelatihan:laporan"), {"tahun": 2026})
    with django_assert_max_num_queries(15):
        r = client.get(reverse("pelatihan:laporan"), {"tahun": 2026})
    assert r.status_code == 200 and len(r.context["rows"]) == min(PER_HALAMAN, 2 * n_unit + 6)  # org: 6 at 0 JP
    assert len(r.content) < BATAS, f"{len(r.content):,} bytes"
