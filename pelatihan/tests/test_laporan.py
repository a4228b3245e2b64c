"""HR JP report, CSV export and the supervisor's team view: content and query counts that do not grow."""
import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory, UnitKerjaFactory, make_nip
from pelatihan.models import RiwayatPengembangan

from .factories import RiwayatFactory

V = RiwayatPengembangan.Status.DIVERIFIKASI


def _staff(org, n, *, unit=None):
    """``n`` staff under org.atasan, each with verified and unverified records."""
    result = []
    for i in range(n):
        pppk = i % 4 == 3
        p = PegawaiFactory(unit_kerja=unit or org.seksi, atasan=org.atasan, status="PPPK" if pppk else "PNS",
                           nip=make_nip(pppk=pppk), golongan=None)
        RiwayatFactory(pegawai=p, jp=8 + i, status=V)
        RiwayatFactory(pegawai=p, jp=50)  # submitted only: never counts
        result.append(p)
    return result


@pytest.fixture
def data(org):
    RiwayatFactory(pegawai=org.pegawai, jp=24, status=V)
    RiwayatFactory(pegawai=org.rekan, jp=10, status=V)
    RiwayatFactory(pegawai=org.rekan, jp=12, status=V, tanggal_mulai=date(2025, 3, 1), tanggal_selesai=date(2025, 3, 2))
    RiwayatFactory(pegawai=org.asing, jp=1, status=V)
    return org


def test_laporan_menghitung_yang_mencapai_target_dan_yang_kurang(client, data):
    client.force_login(data.hr)
    resp = client.get(reverse("pelatihan:laporan"), {"tahun": 2026})
    assert resp.status_code == 200
    kurang = {p.pk for p, _s, _m in resp.context["rows"]}
    assert data.pegawai.pk not in kurang and data.rekan.pk in kurang  # 24 ≥ 20; 10 < 20 (2025's 12 not added)
    assert data.asing.pk not in kurang  # another instansi
    seksi = next(u for u in resp.context["ringkasan"] if u.unit_id == data.seksi.pk)
    assert (seksi.n_pns, seksi.n_tercapai) == (3, 1)  # atasan, pegawai, rekan


def test_laporan_hanya_untuk_hr(client, org):
    client.force_login(org.atasan.user)
    assert client.get(reverse("pelatihan:laporan")).status_code == 403
    assert client.get(reverse("pelatihan:laporan-csv")).status_code == 403


def test_csv_berisi_semua_pegawai_instansi(client, data):
    client.force_login(data.hr)
    resp = client.get(reverse("pelatihan:laporan-csv"), {"tahun": 2026})
    rows = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    by_nip = {r[0]: r for r in rows[1:]}
    assert set(by_nip) == {p.nip for p in (data.kabid, data.atasan, data.atasan2, data.pegawai, data.rekan, data.lain)}
    assert by_nip[data.pegawai.nip][5:8] == ["24", "minimal 20 JP", "tercapai"]
    assert by_nip[data.rekan.nip][5:8] == ["10", "minimal 20 JP", "kurang 10 JP"]


def test_csv_pppk_ditampilkan_sebagai_batas(client, org):
    p = _staff(org, 4)[3]
    RiwayatFactory(pegawai=p, jp=20, status=V)
    client.force_login(org.hr)
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("pelatihan:laporan-csv"), {"tahun": 2026}).content.decode("utf-8-sig"))
        )
    )
    row = next(r for r in rows if r[0] == p.nip)
    assert row[5:8] == ["31", "maksimal 24 JP", "melebihi batas"]


@pytest.mark.parametrize("url_name", ["pelatihan:laporan", "pelatihan:laporan-csv", "pelatihan:antrean"])
def test_jumlah_query_hr_tidak_bertambah_dengan_jumlah_pegawai(client, org, django_assert_max_num_queries, url_name):
    _staff(org, 3)
    client.force_login(org.hr)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(reverse(url_name), {"tahun": 2026}).status_code == 200
    unit2 = UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode="S9")
    _staff(org, 25, unit=unit2)
    with django_assert_max_num_queries(len(sedikit)):
        assert client.get(reverse(url_name), {"tahun": 2026}).status_code == 200


def test_jp_tim_atasan(client, org, django_assert_max_num_queries):
    staf = _staff(org, 3)
    client.force_login(org.atasan.user)
    resp = client.get(reverse("pelatihan:tim"), {"tahun": 2026})
    shown = {p.pk: s.jp for p, s, _m in resp.context["rows"]}
    assert set(shown) == {org.pegawai.pk, org.rekan.pk, *[p.pk for p in staf]}
    assert shown[staf[2].pk] == 10
    n = len(resp.context["rows"])
    _staff(org, 20)
    with django_assert_max_num_queries(25):
        resp = client.get(reverse("pelatihan:tim"), {"tahun": 2026})
    assert len(resp.context["rows"]) == n + 20
    client.force_login(org.pegawai.user)
    assert client.get(reverse("pelatihan:tim")).status_code == 403


def test_rencana_dibuat_dan_item_menautkan_riwayat(client, org):
    r = RiwayatFactory(pegawai=org.pegawai, jp=16, status=V)
    lain = RiwayatFactory(pegawai=org.rekan)
    client.force_login(org.atasan.user)
    assert client.post(reverse("pelatihan:rencana-create", args=[org.pegawai.pk, 2026])).status_code == 302
    url = reverse("pelatihan:item-create", args=[org.pegawai.pk, 2026])
    resp = client.post(
        url,
        {
            "kompetensi": "Penyusunan SKP",
            "target_jp": 16,
            "target_tanggal": "2026-06-30",
            "status": "TERCAPAI",
            "riwayat": [lain.pk],
        },
    )
    assert resp.status_code == 200  # another pegawai's record is not a choice
    resp = client.post(
        url,
        {
            "kompetensi": "Penyusunan SKP",
            "target_jp": 16,
            "target_tanggal": "2027-06-30",
            "status": "TERCAPAI",
            "riwayat": [r.pk],
        },
    )
    assert resp.status_code == 200 and "tahun rencana" in resp.content.decode()
    resp = client.post(
        url,
        {
            "kompetensi": "Penyusunan SKP",
            "target_jp": 16,
            "target_tanggal": "2026-06-30",
            "status": "TERCAPAI",
            "riwayat": [r.pk],
        },
    )
    assert resp.status_code == 302
    client.force_login(org.pegawai.user)
    html = client.get(reverse("pelatihan:saya"), {"tahun": 2026}).content.decode()
    assert "Penyusunan SKP" in html
    client.force_login(org.rekan.user)
    assert client.get(reverse("pelatihan:rencana", args=[org.pegawai.pk, 2026])).status_code == 404
