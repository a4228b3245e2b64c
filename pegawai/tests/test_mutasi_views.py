"""The Mutasi / promosi page and the CSV import of moves (who may, what they see, what is saved).

domain.md §11.2 rule 2: the moves recorded here are what later snapshots read (the post held on a date).
"""
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.importer_mutasi import import_moves, validate_moves
from pegawai.models import Pegawai, RiwayatJabatan
from pegawai.tests.factories import PegawaiFactory, login_as
from penilaian.evaluasi.periode import periode_create_standard_set
from penilaian.models import Periode, Skp
from penilaian.tests.factories import skp_with_rhk

pytestmark = pytest.mark.django_db
HEADER = "nip,jenis,tmt,unit_kerja,jabatan,golongan,atasan_nip,nomor_sk"


@pytest.fixture(autouse=True)
def _hari_ini():
    with time_machine.travel(date(2026, 8, 10), tick=False):
        yield


@pytest.fixture
def skp(org):
    periode_create_standard_set(instansi=org.instansi, tahun=2026, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    return skp_with_rhk(org.pegawai)


def _data(org, **kw):
    data = {"jenis": "MUTASI", "tmt": "2026-07-01", "unit_kerja": org.seksi2.pk, "jabatan": org.pegawai.jabatan_id,
            "golongan": "", "atasan_nip": "", "nomor_sk": "821/7/2026"}
    data.update(kw)
    return data


def test_hr_sees_the_form_confirms_what_will_happen_and_saves_in_indonesian(client, org, skp):
    login_as(client, org, "hr")
    detail = client.get(reverse("pegawai:detail", args=[org.pegawai.pk]))
    assert reverse("pegawai:mutasi", args=[org.pegawai.pk]) in detail.content.decode()
    assert "Riwayat jabatan" in detail.content.decode()
    page = client.get(reverse("pegawai:mutasi", args=[org.pegawai.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    for teks in ("Mutasi / promosi", "Jenis perpindahan", "TMT (terhitung mulai tanggal)", "Unit kerja tujuan",
                 "Jabatan baru", "NIP atasan baru (pejabat penilai)", "Nomor SK"):
        assert teks in html
    url = reverse("pegawai:mutasi", args=[org.pegawai.pk])
    konfirmasi = client.post(url, _data(org))
    html = konfirmasi.content.decode()
    assert "Konfirmasi mutasi / promosi" in html
    assert "SKP 01-01-2026 s.d. 31-12-2026 ditutup pada 30-06-2026" in html
    assert "SKP baru (draf) untuk jabatan baru: 01-07-2026 s.d. 31-12-2026." in html
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja == org.seksi  # nothing saved yet
    done = client.post(url, {**_data(org), "konfirmasi": "1"}, follow=True)
    assert "Perpindahan" in done.content.decode() and "dicatat" in done.content.decode()
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja == org.seksi2
    assert Skp.objects.filter(pegawai=org.pegawai).count() == 2
    assert "Seksi Dua" in done.content.decode()  # the riwayat list on the detail page


def test_bad_tmt_is_refused_on_the_form_and_nothing_changes(client, org, skp):
    login_as(client, org, "hr")
    page = client.post(reverse("pegawai:mutasi", args=[org.pegawai.pk]), {**_data(org, tmt="2026-09-01"),
                                                                          "konfirmasi": "1"})
    assert page.status_code == 200
    assert "TMT tidak boleh setelah hari ini (10-08-2026)" in page.content.decode()
    assert not RiwayatJabatan.objects.exists()
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja == org.seksi


def test_unit_of_another_instansi_is_not_offered_and_refused(client, org, skp):
    login_as(client, org, "hr")
    page = client.post(reverse("pegawai:mutasi", args=[org.pegawai.pk]), _data(org, unit_kerja=org.other_unit.pk))
    assert "Masukkan pilihan yang valid." in page.content.decode()
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja == org.seksi


@pytest.mark.parametrize("actor, status", [("hr_other", 404), ("pegawai", 403), ("atasan", 403), ("anon", 302)])
def test_only_hr_of_the_instansi_may_move(client, org, skp, actor, status):
    login_as(client, org, actor)
    url = reverse("pegawai:mutasi", args=[org.pegawai.pk])
    assert client.get(url).status_code == status
    assert client.post(url, {**_data(org), "konfirmasi": "1"}).status_code == status
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja == org.seksi


def _csv(*rows):
    return "\n".join([HEADER, *rows]).encode()


def test_csv_import_good_rows_are_all_recorded(org, skp):
    jf = PegawaiFactory(unit_kerja=org.seksi2, atasan=org.atasan2)
    data = _csv(f"{org.pegawai.nip},MUTASI,2026-07-01,S2,{org.pegawai.jabatan.nama},,,821/1/2026",
                f"{jf.nip},mutasi,01-08-2026,S1,{jf.jabatan.nama},III/b,{org.atasan.nip},821/2/2026")
    result = import_moves(data, instansi=org.instansi, oleh=org.hr)
    assert result.ok and result.created == 2
    assert Pegawai.objects.get(pk=org.pegawai.pk).atasan == org.atasan2
    jf.refresh_from_db()
    assert (jf.unit_kerja, jf.golongan.kode, jf.atasan) == (org.seksi, "III/b", org.atasan)
    assert Skp.objects.get(pk=skp.pk).tanggal_selesai == date(2026, 6, 30)
    assert AuditLog.objects.filter(aksi="pegawai.moves_imported").count() == 1


def test_csv_import_one_bad_row_saves_nothing_and_names_each_reason(org, skp):
    data = _csv(f"{org.pegawai.nip},MUTASI,2026-07-01,S2,{org.pegawai.jabatan.nama},,,",
                f"{org.lain.nip},PINDAH,2026-13-01,X1,Jabatan Tak Ada,,,",
                f"{org.rekan.nip},MUTASI,2026-07-01,S1,{org.rekan.jabatan.nama},,,",
                f"{org.pegawai.nip},MUTASI,2026-07-01,S2,{org.pegawai.jabatan.nama},,,")
    result = import_moves(data, instansi=org.instansi, oleh=org.hr)
    pesan = {}
    for e in result.errors:
        pesan.setdefault(e.baris, []).append(e.pesan)
    assert set(pesan) == {3, 4, 5}
    assert any("Jenis 'PINDAH' tidak dikenal" in m for m in pesan[3])
    assert any("TMT '2026-13-01' tidak valid" in m for m in pesan[3])
    assert any("Unit kerja dengan kode 'X1' tidak ditemukan di instansi ini." in m for m in pesan[3])
    assert any("sama dengan jabatan sekarang" in m for m in pesan[4])
    assert any("NIP ganda di berkas" in m for m in pesan[5])
    assert not RiwayatJabatan.objects.exists()
    assert Skp.objects.get(pk=skp.pk).tanggal_selesai == date(2026, 12, 31)


def test_csv_pages_preview_then_confirm_and_offer_a_template(client, org, skp):
    login_as(client, org, "hr")
    upload = client.get(reverse("pegawai:mutasi-import"))
    assert reverse("pegawai:mutasi-import-template") in upload.content.decode()
    templat = client.get(reverse("pegawai:mutasi-import-template"))
    assert templat["Content-Type"].startswith("text/csv")
    assert templat.content.decode().splitlines()[0] == HEADER
    data = _csv(f"{org.pegawai.nip},MUTASI,2026-07-01,S2,{org.pegawai.jabatan.nama},,,")
    preview = client.post(reverse("pegawai:mutasi-import"),
                          {"berkas": SimpleUploadedFile("mutasi.csv", data, "text/csv")})
    assert "1 baris valid dan siap diimpor." in preview.content.decode()
    assert not RiwayatJabatan.objects.exists()
    token = client.session["import_mutasi"]["token"]
    done = client.post(reverse("pegawai:mutasi-import-confirm"), {"token": token}, follow=True)
    assert "1 mutasi/promosi berhasil dicatat." in done.content.decode()
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja == org.seksi2


def test_csv_of_hr_cannot_move_pegawai_of_another_instansi(org, skp):
    result = validate_moves(_csv(f"{org.asing.nip},MUTASI,2026-07-01,S2,{org.asing.jabatan.nama},,,"),
                            instansi=org.instansi)
    assert [e.pesan for e in result.errors][0] == "Pegawai dengan NIP ini tidak ditemukan di instansi ini."


@pytest.mark.parametrize("actor, status", [("pegawai", 403), ("atasan", 403)])
def test_csv_import_is_hr_only(client, org, actor, status):
    login_as(client, org, actor)
    assert client.get(reverse("pegawai:mutasi-import")).status_code == status
    assert client.get(reverse("pegawai:mutasi-import-template")).status_code == status


def test_detail_page_queries_do_not_grow_with_the_history(client, org, django_assert_max_num_queries):
    login_as(client, org, "hr")
    for i in range(1, 8):
        RiwayatJabatan.objects.create(pegawai=org.pegawai, jenis="MUTASI", unit_kerja=org.seksi,
                                      jabatan=org.pegawai.jabatan, tmt=date(2026, i, 1),
                                      tanggal_selesai=date(2026, i, 20), atasan=org.atasan)
    url = reverse("pegawai:detail", args=[org.pegawai.pk])
    client.get(url)
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200
