"""Import of entries from an e-Kinerja export or a spreadsheet (preview → confirm, all-or-nothing, per-row
reasons) and the export in e-Kinerja's columns (issue 19 §4; domain.md §11.1; README "Kegiatan harian")."""
import csv
import io
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from harian.importer import EKINERJA_KOLOM, EKSPOR_KOLOM, TEMPLAT_KOLOM
from harian.models import KegiatanHarian
from kinerja.models import AuditLog
from pegawai.tests.factories import login_as
from penilaian.models import RencanaAksi
from penilaian.tests.factories import PenilaianFactory

from .factories import KegiatanFactory, iki_of, periode, skp_aktif, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def siap(org):
    skp = skp_aktif(org.pegawai)
    per = periode(org.instansi, mulai=today() - timedelta(days=20), selesai=today() + timedelta(days=5), nama="TW")
    ra = RencanaAksi.objects.create(penilaian=PenilaianFactory(skp=skp, periode=per), rhk=iki_of(skp).rhk,
                                    teks="Menyusun SOP pelayanan")
    return skp, ra


def _csv(rows, header=TEMPLAT_KOLOM, sep=",") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def _xlsx(rows, header=TEMPLAT_KOLOM) -> bytes:
    wb = Workbook()
    wb.active.append(header)
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _unggah(client, data: bytes, nama="progres.csv"):
    return client.post(reverse("harian:impor"), {"berkas": SimpleUploadedFile(nama, data)})


def _konfirmasi(client, r):
    return client.post(reverse("harian:impor-konfirmasi"), {
        "token": r.context["token"], "submit_token": r.context["once_form"]["submit_token"].value()})


HARI = today().isoformat()
BAIK = [
    [HARI, "08:00", "09:30", "Menyusun SOP pelayanan", "Menyusun draf SOP", "2", "dokumen", "https://drive.go.id/a",
     ""],
    [f"{today():%d-%m-%Y}", "9.30", "10:00", "", "Rapat koordinasi", "1,5", "kegiatan", "", ""],
]


@pytest.mark.parametrize("bentuk", ["csv", "csv;", "xlsx"])
def test_good_file_previews_then_imports_every_row(client, org, siap, bentuk):
    skp, ra = siap
    data = _xlsx(BAIK) if bentuk == "xlsx" else _csv(BAIK, sep=bentuk[3:] or ",")
    c = login_as(client, org, "pegawai")
    r = _unggah(c, data, f"progres.{bentuk[:4].rstrip(';')}")
    assert r.status_code == 200 and r.context["hasil"].ok, r.context["hasil"].errors
    assert not KegiatanHarian.objects.exists()  # preview only
    r2 = _konfirmasi(c, r)
    assert r2.status_code == 302
    rows = list(KegiatanHarian.objects.order_by("jam_mulai"))
    assert [(k.jam_mulai, k.jam_selesai, k.kuantitas, k.rencana_aksi, k.status) for k in rows] == [
        (time(8), time(9, 30), Decimal(2), ra, "DIAJUKAN"), (time(9, 30), time(10), Decimal("1.5"), None, "DIAJUKAN")]
    assert rows[0].iki == iki_of(skp) and rows[0].bukti_url == "https://drive.go.id/a"
    assert AuditLog.objects.filter(aksi="harian.imported").count() == 1


BURUK = [  # (row, the reason shown)
    (["2026-02-30", "08:00", "09:00", "", "x", "1", "", "", ""], "Tanggal '2026-02-30' tidak valid"),
    ([HARI, "8", "09:00", "", "x", "1", "", "", ""], "Jam Mulai '8' tidak valid"),
    ([HARI, "10:00", "09:00", "", "x", "1", "", "", ""], "Jam selesai harus setelah jam mulai"),
    ([HARI, "08:00", "09:00", "", "", "1", "", "", ""], "Kegiatan wajib diisi"),
    ([HARI, "08:00", "09:00", "", "x", "-1", "", "", ""], "Realisasi '-1' bukan angka"),
    ([HARI, "08:00", "09:00", "", "x", "1e999", "", "", ""], "Realisasi '1e999' bukan angka"),
    ([HARI, "08:00", "09:00", "Tidak ada", "x", "1", "", "", ""], "Rencana aksi 'Tidak ada' tidak ditemukan"),
    ([HARI, "08:00", "09:00", "", "x", "1", "", "javascript:alert(1)", ""], "bukan alamat web"),
    ([HARI, "08:00", "09:00", "", "x", "1", "", "", "Indikator asing"], "Indikator kinerja 'Indikator asing'"),
    ([(today() + timedelta(days=3)).isoformat(), "08:00", "09:00", "", "x", "1", "", "", ""], "belum terjadi"),
    ([HARI, "09:00", "09:15", "", "bertumpuk dengan baris 2", "1", "", "", ""], "bertumpang tindih dengan baris 2"),
]


@pytest.mark.parametrize(("baris", "alasan"), BURUK)
def test_one_bad_row_saves_nothing_and_names_the_row_and_reason(client, org, siap, baris, alasan):
    c = login_as(client, org, "pegawai")
    r = _unggah(c, _csv([BAIK[0], baris]))
    hasil = r.context["hasil"]
    assert not hasil.ok and hasil.rows[0].kesalahan == []
    assert any(alasan in e and e.startswith("Baris 3:") for e in hasil.errors), hasil.errors
    assert alasan in r.content.decode().replace("&#x27;", "'")
    assert 'id="tombol-konfirmasi"' not in r.content.decode()
    assert not KegiatanHarian.objects.exists()


def test_an_overlap_with_a_saved_entry_and_a_foreign_nip_are_row_errors(client, org, siap):
    KegiatanFactory(pegawai=org.pegawai, jam_mulai=time(8, 30), jam_selesai=time(8, 45))
    header = TEMPLAT_KOLOM + ["NIP"]
    r = _unggah(login_as(client, org, "pegawai"), _csv([BAIK[0] + [org.pegawai.nip], BAIK[1] + [org.rekan.nip]],
                                                         header=header))
    errors = r.context["hasil"].errors
    assert errors[0].startswith("Baris 2: Jam 08:00–09:30 bertumpang tindih") and len(errors) == 2
    assert errors[1].startswith("Baris 3: NIP") and "bukan NIP Anda" in errors[1]
    assert KegiatanHarian.objects.count() == 1


def test_confirm_is_all_or_nothing_when_data_changed_meanwhile(client, org, siap):
    c = login_as(client, org, "pegawai")
    r = _unggah(c, _csv(BAIK))
    assert r.context["hasil"].ok
    KegiatanFactory(pegawai=org.pegawai, jam_mulai=time(9, 45), jam_selesai=time(9, 50))  # now row 3 overlaps
    r2 = _konfirmasi(c, r)
    assert r2.status_code == 302 and r2.url == reverse("harian:impor")
    assert KegiatanHarian.objects.count() == 1


@pytest.mark.parametrize(("data", "pesan"), [
    (b"", "Berkas kosong"),
    (b"Tanggal,Kegiatan\n2026-01-01,x\n", "Kolom wajib tidak ada: Jam Mulai, Jam Selesai, Realisasi"),
    ("Tanggal,Jam Mulai\n".encode("utf-16"), "UTF-8"),
    (b"PK\x03\x04rusak", "XLSX tidak dapat dibaca"),
    (b",".join(x.encode() for x in TEMPLAT_KOLOM) + b"\n", "tidak berisi baris data"),
])
def test_unreadable_files_are_a_form_error(client, org, siap, data, pesan):
    r = _unggah(login_as(client, org, "pegawai"), data or b"\n")  # a 0-byte upload is refused by the form itself
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not KegiatanHarian.objects.exists()


def test_confirm_without_an_upload_or_with_someone_elses_token_saves_nothing(client, org, siap):
    c = login_as(client, org, "pegawai")
    r = c.post(reverse("harian:impor-konfirmasi"), {"token": "x"})
    assert r.status_code == 302 and not KegiatanHarian.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_download_has_the_columns(client, org, fmt):
    r = login_as(client, org, "pegawai").get(reverse("harian:impor-templat"), {"format": fmt})
    if fmt == "xlsx":
        header = list(load_workbook(io.BytesIO(r.content)).active.values)[0]
    else:
        header = next(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert list(header) == TEMPLAT_KOLOM and list(header)[:8] == EKINERJA_KOLOM


@pytest.mark.parametrize("actor, code", [("pegawai", 200), ("hr", 403), ("anon", 302)])
def test_import_is_for_pegawai_only(client, org, actor, code):
    assert login_as(client, org, actor).get(reverse("harian:impor")).status_code == code


# --- export -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_has_ekinerjas_columns_and_imports_back(client, org, siap, fmt):
    skp, ra = siap
    KegiatanFactory(pegawai=org.pegawai, jam_mulai=time(7, 30), jam_selesai=time(9), rencana_aksi=ra,
                    iki=iki_of(skp), uraian="Menyusun draf SOP", kuantitas=Decimal("2.5"),
                    bukti_url="https://drive.go.id/b", status=KegiatanHarian.Status.DISETUJUI)
    c = login_as(client, org, "pegawai")
    r = c.get(reverse("harian:ekspor"), {"format": fmt})
    if fmt == "xlsx":
        rows = [list(x) for x in load_workbook(io.BytesIO(r.content)).active.values]
    else:
        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == EKSPOR_KOLOM
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["Jam Mulai"], row["Jam Selesai"], row["Rencana Aksi"], row["Kegiatan"], row["Link Bukti"],
            row["NIP"], row["Status"]) == ("07:30", "09:00", "Menyusun SOP pelayanan", "Menyusun draf SOP",
                                           "https://drive.go.id/b", org.pegawai.nip, "DISETUJUI")
    assert float(row["Realisasi"]) == 2.5 and row["Indikator Kinerja"] == iki_of(skp).teks
    # The same file imports back (the exported entry removed first, or it would overlap itself).
    KegiatanHarian.objects.all().delete()
    r = _unggah(c, r.content, f"ekspor.{fmt}")
    assert r.context["hasil"].ok, r.context["hasil"].errors


def test_export_neutralises_formulas_in_the_new_columns(client, org, siap):
    skp, ra = siap
    ra.teks = "=1+1"
    ra.save()
    KegiatanFactory(pegawai=org.pegawai, jam_mulai=time(8), jam_selesai=time(9), rencana_aksi=ra,
                    catatan_atasan="@SUM(A1)")
    text = login_as(client, org, "pegawai").get(reverse("harian:ekspor"), {"format": "csv"}).content.decode()
    assert "'=1+1" in text and "'@SUM(A1)" in text
