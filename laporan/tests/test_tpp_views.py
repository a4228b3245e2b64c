"""The monthly TPP feed: the rule on the page and in the files (CSV and XLSX opened and read), the closed
month frozen as stored rows, reopening by an administrator only (audited), the rule table page, scope,
bad input and bounded queries."""
import csv
import io
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from harian.models import KegiatanHarian
from harian.tests.factories import KegiatanFactory
from kinerja.models import AuditLog
from laporan.models import AturanTpp, BarisTpp, BulanTpp
from laporan.tpp import hari_kerja
from pegawai.tests.factories import PegawaiFactory

FEB = hari_kerja(2026, 2, date(2026, 12, 1))  # 20 working days


def _aturan(instansi, **kw):
    nilai = {"persen_sangat_baik": 100, "persen_baik": 100, "persen_butuh_perbaikan": 75, "persen_kurang": 50,
             "persen_sangat_kurang": 25, "persen_belum_dinilai": 0, "potongan_terlambat": Decimal("0.5"),
             "potongan_tidak_lapor": 2, "batas_potongan": 40, "toleransi_hari": 1,
             "dasar_hukum": "Perbup Contoh 12/2025"} | kw
    return AturanTpp.objects.create(instansi=instansi, berlaku_mulai=kw.pop("berlaku_mulai", date(2026, 1, 1)),
                                    **{k: v for k, v in nilai.items() if k != "berlaku_mulai"})


def _catat(pegawai, hari, *, telat=0):
    for d in hari:
        k = KegiatanFactory(pegawai=pegawai, tanggal=d)
        pada = timezone.make_aware(datetime.combine(d + timedelta(days=telat), time(16)))
        KegiatanHarian.objects.filter(pk=k.pk).update(dibuat_pada=pada)


@pytest.fixture
def tpp(data):
    org = data.org
    _aturan(org.instansi)
    _catat(org.pegawai, FEB[:18])
    _catat(org.pegawai, FEB[18:19], telat=3)  # late; FEB[19] missing
    _catat(org.rekan, FEB[:1])
    _catat(org.rekan, FEB[:1], telat=5)  # a later second entry does not make the day late
    return data


def _q(org, **kw):
    return {"unit": org.bidang.pk, "tahun": 2026, "bulan": 2} | kw


def _csv(resp):
    assert resp.status_code == 200 and resp["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    return rows[0], {r[1]: r for r in rows[1:]}


KOLOM = ["No", "NIP", "Nama", "Status", "Golongan", "Jabatan", "Kode unit", "Unit kerja", "Periode", "Predikat",
         "Keterangan", "Hari kerja", "Lapor tepat waktu", "Lapor terlambat", "Tidak lapor", "% kepatuhan harian",
         "% menurut predikat", "Potongan laporan harian (%)", "% TPP kinerja", "Aturan berlaku mulai", "Status bulan"]


def test_csv_tpp_per_pegawai(client, tpp):
    org = tpp.org
    client.force_login(org.hr)
    kolom, by = _csv(client.get(reverse("laporan:tpp-unduh", args=["csv"]), _q(org)))
    assert kolom == KOLOM
    assert set(by) == {p.nip for p in (org.kabid, org.atasan, org.atasan2, org.pegawai, org.rekan, org.lain)}
    assert by[org.pegawai.nip][8:] == ["Triwulan I 2026", "Sangat Baik", "", "20", "18", "1", "1", "90.00", "100.00",
                                       "2.50", "97.50", "2026-01-01", "Sementara (belum ditutup)"]
    assert by[org.rekan.nip][9:] == ["", "Belum ada penilaian periode ini", "20", "1", "0", "19", "5.00", "0.00",
                                     "38.00", "0.00", "2026-01-01", "Sementara (belum ditutup)"]
    assert by[org.atasan.nip][10] == "Penilaian belum final (Diisi pegawai)"
    assert by[org.atasan.nip][17] == "40.00"  # 20 days without report, capped
    assert org.asing.nip not in by
    log = AuditLog.objects.get(aksi="laporan.diunduh")
    assert log.data["jenis"] == "tpp" and log.data["params"]["format"] == "csv" and log.data["baris"] == 6


def test_xlsx_tpp_dengan_lembar_aturan(client, tpp):
    org = tpp.org
    client.force_login(org.hr)
    resp = client.get(reverse("laporan:tpp-unduh", args=["xlsx"]), _q(org))
    wb = load_workbook(io.BytesIO(resp.content))
    assert wb.sheetnames == ["TPP", "Aturan TPP", "Keterangan"]
    rows = list(wb["TPP"].iter_rows(values_only=True))
    assert list(rows[0]) == KOLOM
    row = next(r for r in rows if r[1] == org.pegawai.nip)
    assert row[9] == "Sangat Baik" and row[11:19] == (20, 18, 1, 1, 90.0, 100.0, 2.5, 97.5)
    aturan = dict(wb["Aturan TPP"].iter_rows(min_row=2, values_only=True))
    assert aturan["Dasar hukum"] == "Perbup Contoh 12/2025"
    assert aturan["% TPP kinerja untuk predikat Butuh Perbaikan"] == 75
    assert aturan["Potongan per hari tanpa laporan harian (%)"] == 2
    assert "bukan aturan nasional" in aturan["Catatan"]


def test_halaman_tpp_menampilkan_aturan_dan_baris(client, tpp):
    org = tpp.org
    client.force_login(org.hr)
    resp = client.get(reverse("laporan:tpp"), _q(org))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Perbup Contoh 12/2025" in html and "97,50" in html and 'id="tombol-tutup"' in html
    assert "tidak ada aturan nasional" in html


def test_tanpa_aturan_persen_tidak_dihitung_dan_bulan_tidak_bisa_ditutup(client, data):
    org = data.org
    client.force_login(org.hr)
    html = client.get(reverse("laporan:tpp"), _q(org)).content.decode()
    assert 'id="tanpa-aturan"' in html and 'id="tombol-tutup"' not in html
    resp = client.post(reverse("laporan:tpp-tutup"), _q(org), follow=True)
    assert "Belum ada aturan TPP yang berlaku untuk bulan ini." in resp.content.decode()
    assert not BulanTpp.objects.exists()


def test_versi_aturan_menurut_tanggal_berlaku(client, tpp):
    org = tpp.org
    _aturan(org.instansi, berlaku_mulai=date(2026, 3, 1), persen_sangat_baik=120)
    client.force_login(org.hr)
    _k, feb = _csv(client.get(reverse("laporan:tpp-unduh", args=["csv"]), _q(org)))
    _k, mar = _csv(client.get(reverse("laporan:tpp-unduh", args=["csv"]), _q(org, bulan=3)))
    assert (feb[org.pegawai.nip][16], feb[org.pegawai.nip][19]) == ("100.00", "2026-01-01")
    assert (mar[org.pegawai.nip][16], mar[org.pegawai.nip][19]) == ("120.00", "2026-03-01")


def test_tutup_bulan_membekukan_angka(client, tpp):
    org = tpp.org
    client.force_login(org.hr)
    resp = client.post(reverse("laporan:tpp-tutup"), _q(org))
    assert resp.status_code == 302
    tutup = BulanTpp.objects.get()
    assert (tutup.ditutup_oleh, tutup.tahun, tutup.bulan, tutup.unit_kerja) == (org.hr, 2026, 2, org.bidang)
    assert BarisTpp.objects.filter(bulan_tpp=tutup).count() == 6
    assert AuditLog.objects.filter(aksi="tpp.bulan_ditutup", object_id=str(tutup.pk)).exists()
    # Later changes (rule, daily log) do not move the closed figures.
    AturanTpp.objects.update(persen_sangat_baik=10, potongan_terlambat=0)
    KegiatanHarian.objects.filter(pegawai=org.pegawai).delete()
    _k, by = _csv(client.get(reverse("laporan:tpp-unduh", args=["csv"]), _q(org)))
    assert by[org.pegawai.nip][11:] == ["20", "18", "1", "1", "90.00", "100.00", "2.50", "97.50", "2026-01-01",
                                        "Ditutup"]
    html = client.get(reverse("laporan:tpp"), _q(org)).content.decode()
    assert 'id="bulan-ditutup"' in html and 'id="tombol-tutup"' not in html and 'id="tombol-buka"' not in html
    # Closing twice: refused, nothing doubled.
    resp = client.post(reverse("laporan:tpp-tutup"), _q(org), follow=True)
    assert "Bulan ini sudah ditutup." in resp.content.decode()
    assert BarisTpp.objects.count() == 6


def test_bulan_berjalan_tidak_bisa_ditutup(client, tpp):
    org = tpp.org
    today = timezone.localdate()
    client.force_login(org.hr)
    resp = client.post(reverse("laporan:tpp-tutup"), _q(org, tahun=today.year, bulan=today.month), follow=True)
    assert "Bulan yang belum berakhir tidak dapat ditutup." in resp.content.decode()
    assert not BulanTpp.objects.exists()


def test_buka_kembali_hanya_admin_dengan_alasan(client, tpp, as_actor):
    org = tpp.org
    client.force_login(org.hr)
    client.post(reverse("laporan:tpp-tutup"), _q(org))
    tutup = BulanTpp.objects.get()
    url = reverse("laporan:tpp-buka", args=[tutup.pk])
    assert client.post(url, {"alasan": "salah"}).status_code == 403
    admin = as_actor("admin")
    resp = admin.post(url, {"alasan": ""}, follow=True)
    assert "Tuliskan alasan membuka kembali bulan ini." in resp.content.decode()
    assert BulanTpp.objects.filter(pk=tutup.pk).exists()
    html = admin.get(reverse("laporan:tpp"), _q(org, instansi=org.instansi.pk)).content.decode()
    assert 'id="tombol-buka"' in html
    admin.post(url, {"alasan": "Predikat Triwulan I dikoreksi setelah keberatan"})
    assert not BulanTpp.objects.exists() and not BarisTpp.objects.exists()
    log = AuditLog.objects.get(aksi="tpp.bulan_dibuka")
    assert log.catatan == "Predikat Triwulan I dikoreksi setelah keberatan"
    assert log.data["bulan"] == 2 and len(log.data["baris"]) == 6


def test_halaman_aturan_menyimpan_versi(client, data):
    org = data.org
    client.force_login(org.hr)
    url = reverse("laporan:aturan-tpp")
    assert client.get(url).status_code == 200
    isian = {"berlaku_mulai": "2026-01-01", "dasar_hukum": "Perbup 7/2026", "persen_sangat_baik": "100",
             "persen_baik": "100", "persen_butuh_perbaikan": "80", "persen_kurang": "50", "persen_sangat_kurang": "20",
             "persen_belum_dinilai": "0", "potongan_terlambat": "1", "potongan_tidak_lapor": "3",
             "batas_potongan": "30", "toleransi_hari": "2"}
    assert client.post(url, isian).status_code == 302
    a = AturanTpp.objects.get(instansi=org.instansi)
    assert (a.persen_butuh_perbaikan, a.toleransi_hari, a.dibuat_oleh) == (Decimal(80), 2, org.hr)
    assert AuditLog.objects.filter(aksi="tpp.aturan_dibuat").exists()
    # The same date again changes that version while no closed month uses it.
    assert client.post(url, isian | {"persen_butuh_perbaikan": "75"}).status_code == 302
    assert AturanTpp.objects.get().persen_butuh_perbaikan == 75
    # The page offers the latest version as the starting values, unlocalised (saved back unchanged).
    html = client.get(url).content.decode()
    assert 'value="75.00"' in html and 'value="2026-01-01"' in html


def test_aturan_yang_dipakai_bulan_ditutup_tidak_berubah(client, tpp):
    org = tpp.org
    client.force_login(org.hr)
    client.post(reverse("laporan:tpp-tutup"), _q(org))
    isian = {"berlaku_mulai": "2026-01-01", "persen_sangat_baik": "100", "persen_baik": "90",
             "persen_butuh_perbaikan": "75", "persen_kurang": "50", "persen_sangat_kurang": "25",
             "persen_belum_dinilai": "0", "potongan_terlambat": "1", "potongan_tidak_lapor": "2",
             "batas_potongan": "40", "toleransi_hari": "1"}
    resp = client.post(reverse("laporan:aturan-tpp"), isian)
    assert resp.status_code == 400
    assert "sudah dipakai bulan TPP yang ditutup" in resp.content.decode()
    assert AturanTpp.objects.get().persen_baik == 100


@pytest.mark.parametrize("isian, pesan", [
    ({"persen_baik": "150"}, "Pastikan nilai ini lebih kecil dari atau sama dengan 100."),
    ({"persen_baik": "abc"}, "Masukkan sebuah bilangan."),
    ({"berlaku_mulai": "2026-13-01"}, "Masukkan tanggal yang valid."),
])
def test_aturan_salah_ditolak(client, data, isian, pesan):
    client.force_login(data.org.hr)
    dasar = {"berlaku_mulai": "2026-01-01", "persen_sangat_baik": "100", "persen_baik": "100",
             "persen_butuh_perbaikan": "75", "persen_kurang": "50", "persen_sangat_kurang": "25",
             "persen_belum_dinilai": "0", "potongan_terlambat": "1", "potongan_tidak_lapor": "2",
             "batas_potongan": "40", "toleransi_hari": "1"}
    resp = client.post(reverse("laporan:aturan-tpp"), dasar | isian)
    assert resp.status_code == 400 and pesan in resp.content.decode()
    assert not AturanTpp.objects.exists()


@pytest.mark.parametrize("params, pesan", [
    ({"bulan": "13"}, "Bulan harus angka 1 sampai 12."),
    ({"bulan": "0"}, "Bulan harus angka 1 sampai 12."),
    ({"tahun": "abc"}, "Tahun harus angka antara 2000 dan 2100."),
    ({"unit": "lain"}, "Unit kerja tidak ditemukan pada instansi ini."),
    ({"unit": "seksi"}, "Unit kerja tidak ditemukan pada instansi ini."),  # not a perangkat daerah
])
def test_input_salah_tpp_400(client, tpp, params, pesan):
    org = tpp.org
    params = dict(params)
    if params.get("unit") == "lain":
        params["unit"] = org.other_unit.pk
    elif params.get("unit") == "seksi":
        params["unit"] = org.seksi.pk
    client.force_login(org.hr)
    for url in (reverse("laporan:tpp"), reverse("laporan:tpp-unduh", args=["csv"])):
        resp = client.get(url, _q(org, **params))
        assert resp.status_code == 400 and pesan in resp.content.decode()
    resp = client.post(reverse("laporan:tpp-tutup"), _q(org, **params))
    assert resp.status_code == 400 and not BulanTpp.objects.exists()


@pytest.mark.parametrize("actor, status", [("pegawai", 403), ("atasan", 403), ("hr", 200), ("admin", 200)])
def test_akses_tpp(client, tpp, as_actor, actor, status):
    c = as_actor(actor)
    q = _q(tpp.org, instansi=tpp.org.instansi.pk)
    for url in (reverse("laporan:tpp"), reverse("laporan:tpp-unduh", args=["xlsx"]), reverse("laporan:aturan-tpp")):
        assert c.get(url, q).status_code == status
    assert c.post(reverse("laporan:tpp-tutup"), q).status_code == (302 if status == 200 else 403)


def test_format_tidak_dikenal_404(client, tpp):
    client.force_login(tpp.org.hr)
    assert client.get(reverse("laporan:tpp-unduh", args=["pdf"]), _q(tpp.org)).status_code == 404


def test_hr_instansi_lain_tidak_bisa_menutup_unit_instansi_ini(client, tpp):
    client.force_login(tpp.org.hr_other)
    resp = client.post(reverse("laporan:tpp-tutup"), _q(tpp.org))
    assert resp.status_code == 400 and not BulanTpp.objects.exists()


@pytest.mark.parametrize("name", ["laporan:tpp", "laporan:tpp-csv"])
def test_jumlah_query_tpp_tidak_bertambah(client, tpp, django_assert_max_num_queries, name):
    org = tpp.org
    client.force_login(org.hr)
    url = reverse("laporan:tpp") if name == "laporan:tpp" else reverse("laporan:tpp-unduh", args=["csv"])
    for n in (2, 15):
        for _ in range(n):
            _catat(PegawaiFactory(unit_kerja=org.seksi2, atasan=org.atasan2), FEB[:3])
        with django_assert_max_num_queries(16):
            assert client.get(url, _q(org)).status_code == 200


def test_halaman_tpp_menghitung_hanya_baris_yang_ditampilkan(client, tpp):
    """A perangkat daerah of thousands: the page counts its pegawai in SQL and works out 50 rows, not all."""
    from unittest import mock

    from laporan import selectors

    org = tpp.org
    PegawaiFactory.create_batch(55, unit_kerja=org.seksi)
    semua = selectors.baris_tpp(org.bidang, 2026, 2, selectors.aturan_data(AturanTpp.objects.get()))
    client.force_login(org.hr)
    with mock.patch.object(selectors, "_baris", wraps=selectors._baris) as hitung:
        pertama = client.get(reverse("laporan:tpp"), _q(org)).content.decode()
        kedua = client.get(reverse("laporan:tpp"), _q(org, page=2)).content.decode()
    assert [len(c.args[0]) for c in hitung.call_args_list] == [50, len(semua) - 50]
    assert semua[0]["nama"] in pertama and semua[-1]["nama"] in kedua and semua[-1]["nama"] not in pertama
    assert f"Menampilkan 1–50 dari {len(semua)}" in pertama
