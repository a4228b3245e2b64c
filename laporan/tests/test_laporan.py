"""The HR reports: each file opened with openpyxl (headers and rows), scope (HR of the instansi, admin,
others refused), audit, bad filters (400, never 500), bounded queries, and the background job."""
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja.models import AuditLog
from laporan.models import LaporanJob
from laporan.services import laporan_job_run
from pegawai.tests.factories import PegawaiFactory
from penilaian.models import CapaianOrganisasi
from penilaian.ringkasan import rebuild as rebuild_ringkasan
from penilaian.tests.factories import PenilaianFactory, SkpFactory


def _xlsx(resp):
    assert resp.status_code == 200, resp.content[:500]
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(b"".join(resp.streaming_content) if resp.streaming else resp.content))


def _rows(ws) -> tuple[list, dict]:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return rows[0], rows[1:]


def _by_nip(rows, col=1):
    return {r[col]: r for r in rows}


def _get(client, user, jenis, **params):
    client.force_login(user)
    return client.get(reverse("laporan:unduh", args=[jenis]), {"tahun": 2026, **params})


def test_laporan_skp_status_per_pegawai(client, data):
    org = data.org
    wb = _xlsx(_get(client, org.hr, "skp"))
    assert wb.sheetnames == ["Laporan SKP", "Keterangan"]
    kolom, rows = _rows(wb["Laporan SKP"])
    assert kolom == ["No", "NIP", "Nama", "Kode unit", "Unit kerja", "Jabatan", "Jumlah SKP", "Status SKP",
                     "Masa SKP", "NIP pejabat penilai", "Nama pejabat penilai"]
    by = _by_nip(rows)
    assert set(by) == {p.nip for p in (org.kabid, org.atasan, org.atasan2, org.pegawai, org.rekan, org.lain)}
    assert by[org.pegawai.nip][3:9] == ["S1", "Seksi Satu", "Analis SDM Aparatur Ahli Pertama", 1, "Disetujui",
                                        "01-01-2026 s.d. 31-12-2026"]
    assert by[org.pegawai.nip][9] == org.atasan.nip
    assert by[org.rekan.nip][7] == "Diajukan"
    assert by[org.lain.nip][6:8] == [0, "Belum ada SKP"]
    assert org.asing.nip not in by  # another instansi
    ket = dict(r for r in wb["Keterangan"].iter_rows(values_only=True))
    assert ket["Instansi"] == org.instansi.nama and ket["Tahun"] == "2026"


@pytest.mark.parametrize("params, nips", [
    ({"status_skp": "BELUM"}, {"kabid", "atasan2", "lain"}),
    ({"status_skp": "DIAJUKAN"}, {"rekan"}),
    ({"unit": "seksi2"}, {"atasan2", "lain"}),
    ({"unit": "bidang"}, {"kabid", "atasan", "atasan2", "pegawai", "rekan", "lain"}),  # sub-units included
])
def test_laporan_skp_filter(client, data, params, nips):
    org = data.org
    if "unit" in params:
        params["unit"] = getattr(org, params["unit"]).pk
    _k, rows = _rows(_xlsx(_get(client, org.hr, "skp", **params))["Laporan SKP"])
    assert {r[1] for r in rows} == {getattr(org, n).nip for n in nips}


def test_laporan_penilaian_per_periode_dan_tahunan(client, data):
    org = data.org
    kolom, rows = _rows(_xlsx(_get(client, org.hr, "penilaian"))["Laporan Penilaian"])
    assert kolom[6:] == ["Triwulan I 2026", "Akhir 2026", "Predikat tahunan"]
    by = _by_nip(rows)
    assert by[org.pegawai.nip][6:] == ["Sangat Baik", "Baik", "Baik"]
    assert by[org.atasan.nip][6:] == ["Diisi pegawai", "Belum dibuka", None]
    assert by[org.lain.nip][6:] == ["Belum dibuka", "Belum dibuka", None]


def test_laporan_penilaian_satu_periode_dan_status(client, data):
    org = data.org
    kolom, rows = _rows(_xlsx(_get(client, org.hr, "penilaian", periode=data.tw1.pk, status_penilaian="DRAFT"))
                        ["Laporan Penilaian"])
    assert kolom[6:] == ["Triwulan I 2026", "Predikat tahunan"]
    assert [r[1] for r in rows] == [org.atasan.nip]


def test_kelengkapan_per_unit_dengan_persen(client, data):
    org = data.org
    kolom, rows = _rows(_xlsx(_get(client, org.hr, "kelengkapan", periode=data.tw1.pk))["Kelengkapan per Unit"])
    assert kolom[:4] == ["Kode unit", "Unit kerja", "SKP dinilai", "Belum dibuka"]
    assert kolom[-2:] == ["Selesai (final)", "Persentase selesai"]
    s1 = next(r for r in rows if r[0] == "S1")
    assert (s1[2], s1[-2], s1[-1]) == (2, 1, 50.0)  # pegawai final, atasan's still a draft


def test_kelengkapan_tanpa_periode_400(client, data):
    resp = _get(client, data.org.hr, "kelengkapan")
    assert resp.status_code == 400
    assert "Pilih periode untuk laporan ini." in resp.content.decode()


def test_distribusi_terhadap_kurva(client, data):
    org = data.org
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=data.tw1, predikat="BAIK")
    kolom, rows = _rows(_xlsx(_get(client, org.hr, "distribusi", periode=data.tw1.pk))["Distribusi Predikat"])
    assert kolom[:6] == ["Kode unit", "Unit kerja", "Capaian kinerja organisasi", "Jumlah dinilai", "Sangat Baik",
                         "% Sangat Baik"]
    assert kolom[-2:] == ["Kurva distribusi", "Catatan kurva"]
    s1 = next(r for r in rows if r[0] == "S1")
    assert s1[2:6] == ["Baik", 1, 1, 100.0]
    assert s1[-2] == "Tidak sesuai" and "Sebagian besar pegawai harus berpredikat Baik" in s1[-1]


def test_jp_per_pegawai(client, data):
    org = data.org
    kolom, rows = _rows(_xlsx(_get(client, org.hr, "jp"))["JP per Pegawai"])
    assert kolom == ["No", "NIP", "Nama", "Status", "Kode unit", "Unit kerja", "Jabatan", "JP terverifikasi",
                     "Ketentuan", "Keterangan"]
    by = _by_nip(rows)
    assert by[org.pegawai.nip][7:] == [24, "minimal 20 JP", "tercapai"]
    assert by[org.rekan.nip][7:] == [0, "minimal 20 JP", "kurang 20 JP"]


def test_angka_kredit_per_jf(client, data):
    org = data.org
    kolom, rows = _rows(_xlsx(_get(client, org.hr, "angka_kredit"))["Angka Kredit JF"])
    assert kolom[-5:] == ["Bulan", "Predikat periode SKP", "% predikat", "Koefisien", "Angka kredit"]
    assert len(rows) == 1  # the only SKP held in a jabatan fungsional
    assert rows[0][1] == org.pegawai.nip
    assert rows[0][5:] == ["Ahli Pertama", "01-01-2026 s.d. 31-12-2026", 12, "Baik", 100.0, 12.5, 12.5]


def test_angka_kredit_dipotong_per_masa_skp(client, data):
    """A partial SKP period (domain.md §11.2 rule 3): its months at its own predikat, as the konversi."""
    org = data.org
    data.skp.tanggal_selesai = data.skp.tanggal_selesai.replace(month=2, day=28)
    data.skp.save(update_fields=["tanggal_selesai"])
    _k, rows = _rows(_xlsx(_get(client, org.hr, "angka_kredit"))["Angka Kredit JF"])
    assert rows[0][7] == 2 and rows[0][-1] == 2.08  # 2/12 × 100% × 12.5, Perban BKN 3/2023


def test_sel_teks_aman_dari_formula(client, data):
    org = data.org
    org.rekan.nama = "=HYPERLINK(\"http://x\")"
    org.rekan.save(update_fields=["nama"])
    _k, rows = _rows(_xlsx(_get(client, org.hr, "skp"))["Laporan SKP"])
    assert _by_nip(rows)[org.rekan.nip][2].startswith("'=")


def test_unduhan_dicatat_di_audit(client, data):
    _xlsx(_get(client, data.org.hr, "jp", unit=data.org.seksi.pk))
    log = AuditLog.objects.get(aksi="laporan.diunduh")
    assert log.aktor == data.org.hr and log.data["jenis"] == "jp" and log.data["params"]["unit"] == data.org.seksi.pk


@pytest.mark.parametrize("actor, status", [("atasan", 403), ("pegawai", 403), ("hr", 200), ("admin", 200)])
def test_akses_laporan(client, data, as_actor, actor, status):
    c = as_actor(actor)
    q = {"tahun": 2026, "instansi": data.org.instansi.pk}
    assert c.get(reverse("laporan:index"), q).status_code == status
    resp = c.get(reverse("laporan:unduh", args=["skp"]), q)
    assert resp.status_code == status
    if status == 200:
        _k, rows = _rows(_xlsx(resp)["Laporan SKP"])
        assert data.org.pegawai.nip in {r[1] for r in rows} and data.org.asing.nip not in {r[1] for r in rows}


def test_hr_instansi_lain_tidak_melihat_data_instansi_ini(client, data):
    org = data.org
    client.force_login(org.hr_other)
    resp = client.get(reverse("laporan:unduh", args=["skp"]), {"instansi": org.instansi.pk})
    _k, rows = _rows(_xlsx(resp)["Laporan SKP"])
    assert {r[1] for r in rows} == {org.asing.nip}  # ?instansi= is ignored for HR: always their own


@pytest.mark.parametrize("params, pesan", [
    ({"tahun": "abc"}, "Tahun harus angka antara 2000 dan 2100."),
    ({"tahun": "1999"}, "Tahun harus angka antara 2000 dan 2100."),
    ({"tahun": "²⁰²⁶"}, "Tahun harus angka antara 2000 dan 2100."),
    ({"unit": "other_unit"}, "Unit kerja tidak ditemukan pada instansi ini."),
    ({"unit": "99999999999999999999999"}, "Unit kerja tidak ditemukan pada instansi ini."),
    ({"periode": "xyz"}, "Periode tidak ditemukan pada instansi ini."),
    ({"status_skp": "NGACO"}, "Status tidak dikenal; pilih dari daftar."),
])
def test_filter_salah_400_dengan_pesan(client, data, params, pesan):
    org = data.org
    if params.get("unit") == "other_unit":
        params["unit"] = org.other_unit.pk
    client.force_login(org.hr)
    for url in (reverse("laporan:unduh", args=["skp"]), reverse("laporan:index")):
        resp = client.get(url, params)
        assert resp.status_code == 400
        assert pesan in resp.content.decode()
    assert not AuditLog.objects.filter(aksi="laporan.diunduh").exists()


def test_jenis_laporan_tidak_dikenal_404(client, data):
    client.force_login(data.org.hr)
    assert client.get(reverse("laporan:unduh", args=["siasn"])).status_code == 404
    assert client.post(reverse("laporan:job-start"), {"jenis": "siasn"}).status_code == 404


@pytest.mark.parametrize("jenis", ["skp", "penilaian", "kelengkapan", "distribusi", "jp", "angka_kredit"])
def test_jumlah_query_tidak_bertambah(client, data, django_assert_max_num_queries, jenis):
    org = data.org
    client.force_login(org.hr)
    params = {"tahun": 2026, "periode": data.tw1.pk}

    def tambah(n):
        for _ in range(n):
            p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, jabatan=data.jf)
            PenilaianFactory(skp=SkpFactory(pegawai=p, status="DISETUJUI", jabatan=data.jf), periode=data.tw1)

    tambah(2)
    rebuild_ringkasan()  # the summary rows as the nightly task leaves them (a first read would build them)
    with django_assert_max_num_queries(16):
        _xlsx(client.get(reverse("laporan:unduh", args=[jenis]), params))
    tambah(12)
    with django_assert_max_num_queries(16):
        _xlsx(client.get(reverse("laporan:unduh", args=[jenis]), params))


def test_laporan_besar_disusun_di_latar(client, data, django_capture_on_commit_callbacks):
    org = data.org
    client.force_login(org.hr)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(reverse("laporan:job-start"), {"jenis": "semua", "tahun": 2026, "periode": data.tw1.pk})
    job = LaporanJob.objects.get()
    assert resp.status_code == 302 and resp["Location"] == reverse("laporan:job-detail", args=[job.pk])
    assert (job.status, job.selesai, job.total, job.dibuat_oleh) == ("SELESAI", 6, 6, org.hr)
    page = client.get(resp["Location"]).content.decode()
    assert "job-progres" not in page and reverse("laporan:job-unduh", args=[job.pk]) in page
    wb = _xlsx(client.get(reverse("laporan:job-unduh", args=[job.pk])))
    assert wb.sheetnames == ["Laporan SKP", "Laporan Penilaian", "Kelengkapan per Unit", "Distribusi Predikat",
                             "JP per Pegawai", "Angka Kredit JF", "Keterangan"]
    assert _by_nip(_rows(wb["Laporan Penilaian"])[1])[org.pegawai.nip][6:] == ["Sangat Baik", "Baik"]
    assert set(AuditLog.objects.values_list("aksi", flat=True)) >= {"laporan.job_dimulai", "laporan.diunduh"}


def test_progres_dipoll_sampai_selesai(client, data):
    org = data.org
    job = LaporanJob.objects.create(instansi=org.instansi, jenis="jp", params={"tahun": 2026}, total=1,
                                    dibuat_oleh=org.hr)
    client.force_login(org.hr)
    url = reverse("laporan:job-progres", args=[job.pk])
    assert 'data-hx-get="' + url in client.get(url).content.decode()
    assert client.get(reverse("laporan:job-unduh", args=[job.pk])).status_code == 404  # not ready yet
    laporan_job_run(job_id=job.pk)
    html = client.get(url).content.decode()
    assert "data-hx-get" not in html and "Unduh XLSX" in html
    assert laporan_job_run(job_id=job.pk).status == "SELESAI"  # a redelivered task does nothing twice


def test_job_gagal_ditampilkan(client, data):
    org = data.org
    params = {"tahun": 2026, "unit": org.other_unit.pk}
    job = LaporanJob.objects.create(instansi=org.instansi, jenis="jp", params=params, total=1, dibuat_oleh=org.hr)
    assert laporan_job_run(job_id=job.pk).status == "GAGAL"
    client.force_login(org.hr)
    html = client.get(reverse("laporan:job-detail", args=[job.pk])).content.decode()
    assert "Laporan gagal disusun." in html and "Unit kerja tidak ditemukan pada instansi ini." in html


@pytest.mark.parametrize("actor, status", [("hr", 200), ("admin", 200), ("hr_other", 404), ("atasan", 403)])
def test_akses_job(client, data, as_actor, actor, status):
    job = LaporanJob.objects.create(instansi=data.org.instansi, jenis="jp", params={"tahun": 2026}, total=1)
    laporan_job_run(job_id=job.pk)
    c = as_actor(actor)
    assert c.get(reverse("laporan:job-detail", args=[job.pk])).status_code == status
    resp = c.get(reverse("laporan:job-unduh", args=[job.pk]))
    assert resp.status_code == status
    if status == 200:
        _k, rows = _rows(_xlsx(resp)["JP per Pegawai"])
        assert data.org.pegawai.nip in {r[1] for r in rows}


def test_job_tanpa_periode_untuk_kelengkapan_ditolak(client, data):
    client.force_login(data.org.hr)
    resp = client.post(reverse("laporan:job-start"), {"jenis": "kelengkapan", "tahun": 2026})
    assert resp.status_code == 400 and "Pilih periode untuk laporan ini." in resp.content.decode()
    assert not LaporanJob.objects.exists()


def test_halaman_laporan_dalam_bahasa_inggris(client, data):
    client.force_login(data.org.hr)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("laporan:index")).content.decode()
    assert "Reports" in html and "Build in the background" in html


def test_job_terhenti_dapat_dicoba_lagi(client, data, django_capture_on_commit_callbacks):
    """A job whose thread died (no progress for CETAK_MACET_DETIK) shows *Terhenti* and *Coba lagi* builds it."""
    org = data.org
    lama = timezone.now() - timedelta(hours=1)
    job = LaporanJob.objects.create(instansi=org.instansi, jenis="jp", params={"tahun": 2026}, total=1,
                                    dibuat_oleh=org.hr, status="BERJALAN")
    LaporanJob.objects.filter(pk=job.pk).update(dibuat_pada=lama, denyut=lama)
    client.force_login(org.hr)
    html = client.get(reverse("laporan:job-progres", args=[job.pk])).content.decode()
    assert 'id="laporan-terhenti"' in html and "data-hx-get" not in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("laporan:job-coba-lagi", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "SELESAI" and job.berkas
    assert AuditLog.objects.filter(aksi="laporan.job_dilanjutkan").count() == 1
    # A live or finished job is not restarted.
    client.post(reverse("laporan:job-coba-lagi", args=[job.pk]))
    assert AuditLog.objects.filter(aksi="laporan.job_dilanjutkan").count() == 1
