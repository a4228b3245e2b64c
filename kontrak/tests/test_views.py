"""HR pages of perjanjian kerja: per pegawai (list + renewal) and ending soon with the recommendation
(domain.md §7.6, §11.1). HR of another instansi gets 404, a pegawai 403; bad input never changes data."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kontrak.models import PerjanjianKerja
from kontrak.tests.factories import PerjanjianFactory, pppk
from pegawai.tests.factories import login_as
from penilaian.models import Periode
from penilaian.predikat import Rating
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, skp_with_rhk

pytestmark = pytest.mark.django_db


def _url(p):
    return reverse("kontrak:pegawai", args=[p.pk])


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_halaman_pegawai_tampil_dan_mencatat_perpanjangan(client, org, pw, bahasa):
    k = PerjanjianFactory(pegawai=pw, nomor="PK-2026")  # 1 Jan – 31 Dec 2026
    login_as(client, org, "hr")
    if bahasa == "en":
        _english(client)
    r = client.get(_url(pw))
    html = r.content.decode()
    assert r.status_code == 200 and "PK-2026" in html
    assert ("Employment agreement" in html) if bahasa == "en" else ("Catat perpanjangan" in html)
    form = r.context["form"]
    assert form.initial["tanggal_mulai"] == date(2027, 1, 1) and form.initial["tanggal_selesai"] == date(2027, 12, 31)
    r = client.post(_url(pw), {"nomor": "PK-2027", "tanggal_mulai": "2027-01-01", "tanggal_selesai": "2027-12-31",
                               "target_kinerja": k.target_kinerja})
    assert r.status_code == 302
    baru = PerjanjianKerja.objects.get(pegawai=pw, nomor="PK-2027")
    assert baru.jenis == PerjanjianKerja.Jenis.PERPANJANGAN and baru.dibuat_oleh == org.hr


BURUK = [
    ({"tanggal_mulai": "2027-13-01"}, "tanggal_mulai"),
    ({"tanggal_mulai": "", "tanggal_selesai": ""}, "tanggal_mulai"),
    ({"tanggal_selesai": "2027-06-30"}, "tanggal_selesai"),  # a PPPK PW contract is 1 year
    ({"tanggal_mulai": "2026-06-01", "tanggal_selesai": "2027-05-31"}, "tanggal_mulai"),  # overlap
    ({"nomor": ""}, "nomor"),
    ({"nomor": "x" * 101}, "nomor"),
    ({"target_kinerja": "   "}, "target_kinerja"),
    ({"nomor": "PK-2026\x00"}, None),  # a NUL byte is refused before the view
]


@pytest.mark.parametrize(("ubah", "field"), BURUK)
def test_masukan_buruk_tidak_mengubah_apa_pun(client, org, pw, ubah, field):
    PerjanjianFactory(pegawai=pw, nomor="PK-2026")
    login_as(client, org, "hr")
    data = {"nomor": "PK-2027", "tanggal_mulai": "2027-01-01", "tanggal_selesai": "2027-12-31",
            "target_kinerja": "Target"}
    data.update(ubah)
    r = client.post(_url(pw), data)
    assert r.status_code in (200, 400)
    if field:
        assert r.context["form"].errors[field]
    assert PerjanjianKerja.objects.filter(pegawai=pw).count() == 1


def test_pns_tidak_punya_formulir(client, org):
    login_as(client, org, "hr")
    r = client.get(_url(org.pegawai))
    assert r.status_code == 200 and r.context["form"] is None and 'id="bukan-pppk"' in r.content.decode()
    client.post(_url(org.pegawai), {"nomor": "X", "tanggal_mulai": "2026-01-01", "tanggal_selesai": "2026-12-31",
                                    "target_kinerja": "T"})
    assert not PerjanjianKerja.objects.exists()


@pytest.mark.parametrize(("actor", "status"), [("hr_other", 404), ("pegawai", 403), ("atasan", 403), ("anon", 302)])
def test_di_luar_lingkup(client, org, pw, actor, status):
    k = PerjanjianFactory(pegawai=pw)
    login_as(client, org, actor)
    assert client.get(_url(pw)).status_code == status
    r = client.post(reverse("kontrak:batal", args=[pw.pk]), {"perjanjian": k.pk, "alasan": "x"})
    assert r.status_code == status
    k.refresh_from_db()
    assert k.is_berlaku


def test_batal_perlu_alasan_dan_konfirmasi(client, org, pw):
    k = PerjanjianFactory(pegawai=pw)
    login_as(client, org, "hr")
    html = client.get(_url(pw)).content.decode()
    url = reverse("kontrak:batal", args=[pw.pk])
    assert "data-confirm=" in html and url in html
    client.post(url, {"perjanjian": k.pk, "alasan": ""})
    asing = PerjanjianFactory(pegawai=pppk(unit_kerja=org.other_unit))
    for bad in (asing.pk, "abc", "", "9" * 30):
        assert client.post(url, {"perjanjian": bad, "alasan": "x"}).status_code == 404
    assert client.get(url).status_code == 302
    k.refresh_from_db()
    asing.refresh_from_db()
    assert k.is_berlaku and asing.is_berlaku
    r = client.post(url, {"perjanjian": k.pk, "alasan": "Nomor salah"}, follow=True)
    k.refresh_from_db()
    assert not k.is_berlaku and "dibatalkan" in r.content.decode()


def _berakhir_segera(org, n=1):
    hari_ini = timezone.localdate()
    out = []
    for i in range(n):
        p = pppk(unit_kerja=org.seksi, atasan=org.atasan)
        mulai = hari_ini - timedelta(days=300 + i)
        from kontrak.rules import akhir_satu_tahun

        out.append(PerjanjianFactory(pegawai=p, nomor=f"PK-{i}", tanggal_mulai=mulai,
                                     tanggal_selesai=akhir_satu_tahun(mulai)))
    return out


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_daftar_berakhir_dengan_rekomendasi(client, org, bahasa):
    (k,) = _berakhir_segera(org)
    tahun = k.tanggal_mulai.year
    skp = skp_with_rhk(k.pegawai, tahun=tahun, tanggal_mulai=k.tanggal_mulai, tanggal_selesai=date(tahun, 12, 31))
    tw = PeriodeFactory(instansi=org.instansi, tahun=tahun, nama="Triwulan IV", tanggal_mulai=date(tahun, 10, 1),
                        tanggal_selesai=date(tahun, 12, 31), batas_pengisian=date(tahun + 1, 1, 10))
    akhir = PeriodeFactory(instansi=org.instansi, tahun=tahun, nama="Akhir", jenis=Periode.Jenis.TAHUNAN,
                           tanggal_mulai=date(tahun, 1, 1), tanggal_selesai=date(tahun, 12, 31),
                           batas_pengisian=date(tahun + 1, 1, 31))
    PenilaianFactory(skp=skp, periode=tw, final=True, hasil=Rating.DI_ATAS, perilaku=Rating.DI_ATAS)
    PenilaianFactory(skp=skp, periode=akhir, final=True)
    lain = PerjanjianFactory(pegawai=pppk(unit_kerja=org.other_unit), nomor="ASING",
                             tanggal_mulai=k.tanggal_mulai, tanggal_selesai=k.tanggal_selesai)
    login_as(client, org, "hr")
    if bahasa == "en":
        _english(client)
    r = client.get(reverse("kontrak:berakhir"))
    html = r.content.decode()
    assert r.status_code == 200 and k.nomor in html and lain.nomor not in html
    (row,) = r.context["rows"]
    assert row.tahunan == "BAIK" and [p for _n, p in row.triwulan] == ["SANGAT_BAIK"]
    assert row.saran.rekomendasi == "USUL_PPPK"
    assert ("Propose appointment as PPPK" in html) if bahasa == "en" else ("Usul pengangkatan PPPK" in html)
    csv = client.get(reverse("kontrak:berakhir"), {"format": "csv"}).content.decode("utf-8-sig")
    assert k.pegawai.nip in csv and "ASING" not in csv


@pytest.mark.parametrize("hari", ["abc", "-5", "0", "99999", "²", ""])
def test_parameter_hari_buruk_memakai_bawaan(client, org, hari):
    login_as(client, org, "hr")
    r = client.get(reverse("kontrak:berakhir"), {"hari": hari})
    assert r.status_code == 200 and r.context["hari"] == 90


def test_daftar_berakhir_kosong_dan_jangkauan_hari(client, org):
    (k,) = _berakhir_segera(org)
    login_as(client, org, "hr")
    sisa = (k.tanggal_selesai - timezone.localdate()).days
    assert not client.get(reverse("kontrak:berakhir"), {"hari": max(sisa - 1, 1)}).context["rows"] or sisa <= 1
    assert client.get(reverse("kontrak:berakhir"), {"hari": sisa}).context["rows"]
    assert client.get(reverse("kontrak:berakhir"), {"hari": 1}).status_code == 200


def test_jumlah_query_tidak_bertambah(client, org, django_assert_max_num_queries):
    login_as(client, org, "hr")
    _berakhir_segera(org, 1)
    with django_assert_max_num_queries(30) as one:
        client.get(reverse("kontrak:berakhir"))
    _berakhir_segera(org, 6)
    with django_assert_max_num_queries(len(one.captured_queries)):
        r = client.get(reverse("kontrak:berakhir"))
    assert len(r.context["rows"]) == 7


def test_pegawai_biasa_tidak_bisa_membuka_daftar(client, org):
    login_as(client, org, "pegawai")
    assert client.get(reverse("kontrak:berakhir")).status_code == 403


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_pppk_tanpa_kontrak_berlaku_ditampilkan(client, org, pw, bahasa):
    dengan = pppk(unit_kerja=org.seksi)
    PerjanjianFactory(pegawai=dengan, tanggal_mulai=timezone.localdate() - timedelta(days=10),
                      tanggal_selesai=timezone.localdate() + timedelta(days=354))
    asing = pppk(unit_kerja=org.other_unit)
    login_as(client, org, "hr")
    if bahasa == "en":
        _english(client)
    r = client.get(reverse("kontrak:berakhir"), {"tanpa": "x"})
    html = r.content.decode()
    assert list(r.context["tanpa_kontrak"]) == [pw]
    assert asing.nip not in html and dengan.nip not in html.split('id="tanpa-kontrak"')[1]
    assert ("1 PPPK employee without an employment agreement" in html) if bahasa == "en" else (
        "1 PPPK tanpa perjanjian kerja" in html)
