"""Master-data import in SIASN's shape and from e-Kinerja's reports: preview → confirm, all or nothing,
a reason per row, moves as riwayat jabatan entries, and the latest periode_akhir for a NIP twice
(domain.md §11.1)."""
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.models import Pegawai
from pegawai.models_riwayat import RiwayatJabatan
from pegawai.tests.factories import JabatanFactory
from siasn.models import PegawaiSiasn

pytestmark = pytest.mark.django_db


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _unggah(client, data: bytes, nama: str):
    return client.post(reverse("siasn:impor"), {"berkas": SimpleUploadedFile(nama, data)})


def _konfirmasi(client):
    token = client.session["impor_siasn"]["token"]
    return client.post(reverse("siasn:impor-confirm"), {"token": token, "submit_token": "t" + token[:20]})


def _snap():
    return list(Pegawai.objects.order_by("pk").values_list("nip", "nama", "unit_kerja_id", "jabatan_id",
                                                           "golongan_id")), RiwayatJabatan.objects.count()


def test_profil_json_updates_and_records_a_move(org, as_actor):
    client = as_actor("hr")
    JabatanFactory(nama="Analis Kepegawaian", jenis="PELAKSANA")
    data = json.dumps({"data": [
        {"id": "PNS-1", "nipBaru": org.pegawai.nip, "nama": "Nama Baru", "gelarDepan": "Dr.",
         "golRuangAkhir": "III/b", "jabatanNama": "Analis Kepegawaian", "unorId": "S2", "unorNama": "Seksi Dua"},
        {"nipBaru": org.rekan.nip, "nama": org.rekan.nama},
    ]}).encode()
    r = _unggah(client, data, "profil.json")
    assert r.status_code == 200 and r.context["hasil"].ok
    assert "Mutasi: Seksi Dua, Analis Kepegawaian" in r.content.decode()
    assert Pegawai.objects.get(pk=org.pegawai.pk).nama != "Nama Baru"  # preview writes nothing
    r = _konfirmasi(client)
    assert r.status_code == 302
    pg = Pegawai.objects.get(pk=org.pegawai.pk)
    assert (pg.nama, pg.gelar_depan, pg.golongan.kode, pg.unit_kerja, pg.jabatan.nama) == (
        "Nama Baru", "Dr.", "III/b", org.seksi2, "Analis Kepegawaian")
    riwayat = RiwayatJabatan.objects.filter(pegawai=pg).order_by("tmt", "pk").last()
    assert riwayat.jenis == RiwayatJabatan.Jenis.MUTASI and riwayat.unit_kerja == org.seksi2
    assert PegawaiSiasn.objects.get(pegawai=pg).pns_id == "PNS-1"
    assert AuditLog.objects.filter(aksi="siasn.diimpor").exists()


def test_ekinerja_report_nip_twice_keeps_latest_periode_akhir(org, as_actor):
    """Laporan Penilaian SKP: one row per NIP and period; after a mutasi the latest periode_akhir counts."""
    client = as_actor("hr")
    data = _xlsx([
        ["nip", "nama", "unit_kerja", "jabatan", "is_plt_plh", "periode_akhir"],
        [org.pegawai.nip, "Nama Sebelum Mutasi", "Seksi Satu", org.pegawai.jabatan.nama, "0", "2026-03-31"],
        [org.pegawai.nip, "Nama Terbaru", "Seksi Satu", org.pegawai.jabatan.nama, "0", "2026-06-30"],
        [org.pegawai.nip, "Nama Lebih Lama", "Seksi Satu", org.pegawai.jabatan.nama, "0", "2026-01-31"],
    ])
    r = _unggah(client, data, "Laporan Penilaian SKP.xlsx")
    hasil = r.context["hasil"]
    assert hasil.ok and [b.baris for b in hasil.baris] == [3]
    assert sorted(n for n, _a in hasil.dilewati) == [2, 4]
    _konfirmasi(client)
    assert Pegawai.objects.get(pk=org.pegawai.pk).nama == "Nama Terbaru"


def test_csv_semicolon_accepted(org, as_actor):
    client = as_actor("hr")
    data = f"nipBaru;nama\n{org.pegawai.nip};Nama Dari CSV\n".encode()
    r = _unggah(client, data, "profil.csv")
    assert r.context["hasil"].ok
    _konfirmasi(client)
    assert Pegawai.objects.get(pk=org.pegawai.pk).nama == "Nama Dari CSV"


@pytest.mark.parametrize("nama, isi, pesan", [
    ("p.csv", b"nomor,nama\n1,A\n", "Kolom wajib tidak ada: nipBaru"),
    ("p.csv", b"", "Berkas kosong"),
    ("p.csv", b"nipBaru,nama\n", "tidak berisi baris data"),
    ("p.pdf", b"%PDF-1.4", "Jenis berkas tidak didukung"),
    ("p.csv", b"nipBaru,nama\n" + b"1" * (5 * 1024 * 1024), "terlalu besar"),
    ("p.json", b"{not json", "JSON tidak dapat dibaca"),
    ("p.json", b'{"data": 3}', "daftar data pegawai"),
    ("p.xlsx", b"bukan zip", "XLSX tidak dapat dibaca"),
    ("p.csv", "nipBaru,nama\n1,A\n".encode("utf-16"), "UTF-8"),
])
def test_bad_file_is_refused_with_a_clear_error(org, as_actor, nama, isi, pesan):
    before = _snap()
    r = _unggah(as_actor("hr"), isi, nama)
    assert r.status_code == 200 and pesan in r.content.decode()
    assert "impor_siasn" not in r.wsgi_request.session
    assert _snap() == before


@pytest.mark.parametrize("baris, pesan", [
    (lambda org: ["12345", "A", "", ""], "NIP harus 18 digit"),
    (lambda org: [org.pegawai.nip, "A", "Unit Entah", ""], "Unit kerja &#x27;Unit Entah&#x27; tidak ditemukan"),
    (lambda org: [org.pegawai.nip, "A", "", "Jabatan Entah"], "Jabatan &#x27;Jabatan Entah&#x27; tidak ditemukan"),
    (lambda org: [org.asing.nip, "A", "", ""], "instansi lain"),
    (lambda org: ["198505172010031999", "A", "", ""], "belum terdaftar"),
])
def test_bad_row_blocks_the_whole_file(org, as_actor, baris, pesan):
    client = as_actor("hr")
    before = _snap()
    data = _xlsx([["nipBaru", "nama", "unorNama", "jabatanNama"], [org.rekan.nip, "Rekan Baru", "", ""], baris(org)])
    r = _unggah(client, data, "p.xlsx")
    assert not r.context["hasil"].ok and pesan in r.content.decode()
    assert "tombol-konfirmasi" not in r.content.decode()
    assert _snap() == before


def test_duplicate_nip_without_periode_akhir_is_an_error(org, as_actor):
    data = f"nipBaru,nama\n{org.pegawai.nip},A\n{org.pegawai.nip},B\n".encode()
    r = _unggah(as_actor("hr"), data, "p.csv")
    assert not r.context["hasil"].ok and "NIP ganda di berkas (sudah ada di baris 2)" in r.content.decode()


def test_confirm_without_upload_changes_nothing(org, as_actor):
    before = _snap()
    r = as_actor("hr").post(reverse("siasn:impor-confirm"), {"token": "x"})
    assert r.status_code == 302 and _snap() == before


@pytest.mark.parametrize("actor", ["pegawai", "atasan", "kabid"])
def test_import_is_404_outside_hr(org, as_actor, actor):
    client = as_actor(actor)
    assert client.get(reverse("siasn:impor")).status_code == 404
    data = f"nipBaru,nama\n{org.pegawai.nip},Diubah\n".encode()
    assert _unggah(client, data, "p.csv").status_code == 404
    assert Pegawai.objects.get(pk=org.pegawai.pk).nama != "Diubah"


def test_hr_of_another_instansi_cannot_touch_these_pegawai(org, as_actor):
    data = f"nipBaru,nama\n{org.pegawai.nip},Diubah\n".encode()
    r = _unggah(as_actor("hr_other"), data, "p.csv")
    assert not r.context["hasil"].ok and "instansi lain" in r.content.decode()


def test_siasn_riwayat_golongan_latest_tmt_sets_the_golongan(org, as_actor):
    """pns_rw_golongan: several rows per NIP and no name; the latest tmtGolongan is the current golongan."""
    client = as_actor("hr")
    data = json.dumps([
        {"nipBaru": org.pegawai.nip, "golonganId": "32", "golongan": "III/b", "tmtGolongan": "2024-04-01"},
        {"nipBaru": org.pegawai.nip, "golonganId": "31", "golongan": "III/a", "tmtGolongan": "2020-04-01"},
    ]).encode()
    r = _unggah(client, data, "rw_golongan.json")
    hasil = r.context["hasil"]
    assert hasil.ok and [b.baris for b in hasil.baris] == [1] and [n for n, _a in hasil.dilewati] == [2]
    _konfirmasi(client)
    pg = Pegawai.objects.get(pk=org.pegawai.pk)
    assert pg.golongan.kode == "III/b" and pg.nama == org.pegawai.nama


def test_siasn_riwayat_jabatan_latest_tmt_is_recorded_as_a_move(org, as_actor):
    from django.utils import timezone

    client = as_actor("hr")
    today = timezone.localdate()
    data = _xlsx([
        ["id", "idPns", "nipBaru", "namaUnor", "namaJabatan", "tmtJabatan"],
        ["R1", "PNS-9", org.pegawai.nip, "Seksi Satu", org.pegawai.jabatan.nama, "2015-01-01"],
        ["R2", "PNS-9", org.pegawai.nip, "Seksi Dua", org.pegawai.jabatan.nama, today.isoformat()],
    ])
    r = _unggah(client, data, "rw_jabatan.xlsx")
    assert r.context["hasil"].ok, r.context["hasil"].kesalahan
    _konfirmasi(client)
    pg = Pegawai.objects.get(pk=org.pegawai.pk)
    assert pg.unit_kerja == org.seksi2
    assert RiwayatJabatan.objects.filter(pegawai=pg, jenis=RiwayatJabatan.Jenis.MUTASI, tmt=today).exists()
    assert PegawaiSiasn.objects.get(pegawai=pg).pns_id == "PNS-9"
