"""CSV import of pegawai: every error kind, all-or-nothing, speed, the HR pages and the command."""
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.importer import ImportFileError, import_file, validate_file
from pegawai.models import Pegawai, RiwayatAtasan
from pegawai.tests.factories import make_nip

pytestmark = pytest.mark.django_db

HEADER = "nip,nama,status,jenis_kelamin,tanggal_lahir,golongan,jabatan,unit_kerja,atasan_nip,email"


def row(nip, *, nama="Budi Santoso", status="PNS", jk="", lahir="", gol="III/a",
        jabatan="Penata Layanan Operasional", unit="S1", atasan="", email=""):
    return f"{nip},{nama},{status},{jk},{lahir},{gol},{jabatan},{unit},{atasan},{email}"


def csv_bytes(*rows, header=HEADER, encoding="utf-8"):
    return "\n".join([header, *rows]).encode(encoding)


def messages_by_line(result):
    out = {}
    for e in result.errors:
        out.setdefault(e.baris, []).append(e.pesan)
    return out


def test_valid_file_creates_every_pegawai_with_atasan_from_file_and_database(org):
    kepala, staf = make_nip(), make_nip(kelamin="2")
    data = csv_bytes(
        row(kepala, nama="Andi Wijaya", jabatan="Kepala Seksi", atasan=org.kabid.nip),
        row(staf, nama="Siti Rahmawati", atasan=kepala, email="siti@contoh.go.id"),
    )
    result = import_file(data, instansi=org.instansi, oleh=org.hr)
    assert result.ok and result.created == 2
    andi, siti = Pegawai.objects.get(nip=kepala), Pegawai.objects.get(nip=staf)
    assert andi.atasan == org.kabid and siti.atasan == andi
    assert siti.jenis_kelamin == "P" and siti.tanggal_lahir == date(1985, 5, int(staf[6:8]))  # from the NIP
    assert siti.unit_kerja == org.seksi and siti.golongan.kode == "III/a"
    assert RiwayatAtasan.objects.filter(pegawai=siti, atasan_baru=andi, diubah_oleh=org.hr).exists()
    assert AuditLog.objects.filter(aksi="pegawai.imported", aktor=org.hr, data__jumlah=2).exists()


def test_semicolon_separator_bom_and_column_order_are_accepted(org):
    nip = make_nip()
    data = f"\ufeffunit_kerja;NAMA;nip;status\nS2;Dewi Lestari;{nip};PNS\n".encode()
    result = import_file(data, instansi=org.instansi)
    assert result.ok
    assert Pegawai.objects.get(nip=nip).unit_kerja == org.seksi2


@pytest.mark.parametrize(
    "bad_row, pesan",
    [
        (row("19851517201003100"), "NIP harus 18 digit"),
        (row("19850517201013 001"), "NIP hanya boleh berisi angka"),
        (row("198505172010133001"), "Bulan TMT pada NIP (13)"),
        (row(make_nip(), unit="ZZ9"), "Unit kerja dengan kode 'ZZ9' tidak ditemukan."),
        (row(make_nip(), unit="X1"), "Unit kerja dengan kode 'X1' tidak ditemukan."),  # unit of another instansi
        (row(make_nip(), unit=""), "Unit kerja wajib diisi."),
        (row(make_nip(), jabatan="Astronot"), "Jabatan 'Astronot' tidak ditemukan."),
        (row(make_nip(), gol="V/z"), "Golongan 'V/z' tidak dikenal untuk status PNS."),
        (row(make_nip(), gol="IX"), "Golongan IX tidak berlaku untuk status PNS."),  # a PPPK golongan: as the form says
        (row(make_nip(), status="HONORER"), "Status 'HONORER' tidak dikenal"),
        (row(make_nip(), status="PPPK", gol="IX"), "Status PPPK tidak sesuai dengan format NIP PNS."),
        (row(make_nip(), nama=""), "Nama wajib diisi."),
        (row(make_nip(), lahir="31-02-1985"), "Tanggal lahir '31-02-1985' tidak valid"),
        (row(make_nip(), lahir="kemarin"), "Tanggal lahir 'kemarin' tidak valid"),
        (row("198505172010031001", lahir="1985-05-18"), "Tanggal lahir tidak sesuai dengan NIP (17-05-1985)."),
        (row(make_nip(), jk="X"), "Jenis kelamin harus L atau P."),
        (row(make_nip(), jk="P"), "Jenis kelamin tidak sesuai dengan NIP."),
        (row(make_nip(), email="bukan-email"), "Alamat email 'bukan-email' tidak valid."),
        (row(make_nip(), atasan="196711101992031999"), "NIP atasan 196711101992031999 tidak ditemukan"),
    ],
    ids=[
        "nip-panjang", "nip-huruf", "nip-bulan-13", "unit-tak-dikenal", "unit-instansi-lain", "unit-kosong",
        "jabatan-tak-dikenal", "golongan-tak-dikenal", "golongan-pppk-untuk-pns", "status-tak-dikenal",
        "status-tak-sesuai-nip", "nama-kosong", "tanggal-mustahil", "tanggal-bukan-tanggal",
        "tanggal-tak-sesuai-nip", "kelamin-salah", "kelamin-tak-sesuai-nip", "email", "atasan-tak-ada",
    ],
)
def test_each_bad_row_is_reported_with_its_line_and_nothing_is_written(org, bad_row, pesan):
    before = Pegawai.objects.count()
    data = csv_bytes(row(make_nip()), bad_row, row(make_nip()))
    result = import_file(data, instansi=org.instansi)
    assert not result.ok and result.created == 0
    errors = messages_by_line(result)
    assert list(errors) == [3], "only the bad row (line 3, after the header) is reported"
    assert any(pesan in m for m in errors[3]), errors
    assert Pegawai.objects.count() == before


def test_atasan_in_another_instansi_is_not_found(org):
    result = validate_file(csv_bytes(row(make_nip(), atasan=org.asing.nip)), instansi=org.instansi)
    assert f"NIP atasan {org.asing.nip} tidak ditemukan di berkas maupun di instansi." in messages_by_line(result)[2]


def test_duplicate_nip_in_the_file_names_the_first_line(org):
    nip = make_nip()
    result = validate_file(csv_bytes(row(nip), row(make_nip()), row(nip)), instansi=org.instansi)
    assert messages_by_line(result) == {4: ["NIP ganda di berkas (sudah ada di baris 2)."]}


def test_nip_already_in_the_database_is_refused(org):
    result = validate_file(csv_bytes(row(org.asing.nip)), instansi=org.instansi)
    assert messages_by_line(result) == {2: ["NIP sudah terdaftar di basis data."]}


def test_loop_in_the_atasan_chain_lists_every_row_of_the_loop(org):
    a, b, c, d = (make_nip() for _ in range(4))
    data = csv_bytes(row(a, atasan=b), row(b, atasan=c), row(c, atasan=a), row(d, atasan=a))
    errors = messages_by_line(validate_file(data, instansi=org.instansi))
    assert sorted(errors) == [2, 3, 4], "the row hanging off the loop (line 5) is fine by itself"
    assert errors[2] == ["Rantai atasan membentuk lingkaran (baris 2 → 3 → 4 → 2)."]


def test_own_nip_as_atasan_is_refused(org):
    nip = make_nip()
    errors = messages_by_line(validate_file(csv_bytes(row(nip, atasan=nip)), instansi=org.instansi))
    assert errors == {2: ["Pegawai tidak boleh menjadi atasan dirinya sendiri."]}


def test_every_bad_row_is_listed_in_line_order(org):
    data = csv_bytes(row(make_nip(), unit="ZZ"), row(make_nip()), row("123"), row(make_nip(), jabatan="?"))
    result = validate_file(data, instansi=org.instansi)
    assert [e.baris for e in result.errors] == [2, 4, 5]
    assert str(result.errors[1]).startswith("Baris 4 (NIP 123): NIP harus 18 digit")


@pytest.mark.parametrize(
    "data, pesan",
    [
        (
            "nip,nama,status,unit_kerja\n198505172010031001,José Ramos,PNS,S1\n".encode("latin-1"),
            "tidak ber-encoding UTF-8",
        ),
        ("nip,nama,status,unit_kerja\n198505172010031001,Budi,PNS,S1\n".encode("utf-16"), "tidak ber-encoding UTF-8"),
        (b"nip,nama,status\n198505172010031001,Budi,PNS\n", "Kolom wajib tidak ada: unit_kerja."),
        (b"NIP;Nama\n198505172010031001;Budi\n", "Kolom wajib tidak ada: status, unit_kerja."),
        (b"", "Berkas kosong."),
        (b"nip,nama,status,unit_kerja\n,,,\n", "Berkas tidak berisi baris data."),
    ],
    ids=["latin-1", "utf-16", "kolom-kurang", "dua-kolom-kurang", "kosong", "tanpa-data"],
)
def test_unreadable_file_is_refused_as_a_whole(org, data, pesan):
    with pytest.raises(ImportFileError, match=pesan):
        import_file(data, instansi=org.instansi)
    assert not Pegawai.objects.filter(nama__in=["Budi", "José Ramos"]).exists()


def _big_file(n: int, atasan_nip: str) -> bytes:
    rows = []
    for i in range(n):
        kelamin = "1" if i % 2 else "2"
        lahir = date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
        nip = f"{lahir:%Y%m%d}{2000 + i % 20}{1 + i % 12:02d}{kelamin}{i % 999 + 1:03d}"
        rows.append(row(nip, nama=f"Pegawai Uji {i}", unit=("S1", "S2", "B1")[i % 3], atasan=atasan_nip))
    return csv_bytes(*rows)


def test_ten_thousand_rows_import_in_batches_not_row_by_row(org):
    """Written in batches: the queries grow with the number of batches, not of rows (speed is measured by
    make bench, not here)."""
    data = _big_file(10_000, org.kabid.nip)
    with CaptureQueriesContext(connection) as queries:
        result = import_file(data, instansi=org.instansi, oleh=org.hr)
    assert result.ok, result.errors[:3]
    assert result.created == 10_000
    assert Pegawai.objects.filter(atasan=org.kabid).count() == 10_000 + 2  # plus the two kepala seksi
    assert len(queries) < 300, f"{len(queries)} queries for 10,000 rows"  # 223 in batches; row by row 30,000+


def test_one_bad_row_among_ten_thousand_writes_nothing(org):
    data = _big_file(10_000, org.kabid.nip) + b"\n" + row(make_nip(), unit="ZZ").encode()
    before = Pegawai.objects.count()
    result = import_file(data, instansi=org.instansi)
    assert [e.baris for e in result.errors] == [10_002]
    assert Pegawai.objects.count() == before


# --- HR pages: upload -> preview -> confirm -------------------------------------------------


def upload(client, data, name="pegawai.csv", url=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url or reverse("pegawai:import"), {"berkas": SimpleUploadedFile(name, data, "text/csv")})


def test_hr_uploads_previews_and_confirms(client, org):
    client.force_login(org.hr)
    nip = make_nip()
    page = upload(client, csv_bytes(row(nip, nama="Rina Kusuma", atasan=org.atasan.nip)))
    html = page.content.decode()
    assert page.status_code == 200 and "1 baris valid dan siap diimpor." in html and "Rina Kusuma" in html
    assert not Pegawai.objects.filter(nip=nip).exists(), "the preview writes nothing"
    token = client.session["import_pegawai"]["token"]
    done = client.post(reverse("pegawai:import-confirm"), {"token": token}, follow=True)
    assert "1 pegawai berhasil diimpor." in done.content.decode()
    assert Pegawai.objects.get(nip=nip).atasan == org.atasan


def test_preview_lists_every_error_and_offers_no_confirm(client, org):
    client.force_login(org.hr)
    page = upload(client, csv_bytes(row(make_nip(), unit="ZZ"), row("12345")))
    html = page.content.decode()
    assert "2 kesalahan ditemukan." in html and "Tidak ada data yang akan disimpan" in html
    assert "Unit kerja dengan kode &#x27;ZZ&#x27; tidak ditemukan." in html and "NIP harus 18 digit" in html
    assert 'id="tombol-konfirmasi"' not in html


@pytest.mark.parametrize(
    "name, data, pesan",
    [
        ("pegawai.xlsx", b"nip", "Berkas harus berformat CSV (.csv)."),
        ("pegawai.csv", b"nip,nama\n", "Kolom wajib tidak ada: status, unit_kerja."),
        ("pegawai.csv", "nip,nama,status,unit_kerja\n1,Zoë,PNS,S1\n".encode("latin-1"), "tidak ber-encoding UTF-8"),
    ],
)
def test_upload_of_an_unreadable_file_shows_the_reason(client, org, name, data, pesan):
    client.force_login(org.hr)
    html = upload(client, data, name=name).content.decode()
    assert pesan in html.replace("&#x27;", "'")
    assert "import_pegawai" not in client.session


def test_confirm_without_a_pending_upload_is_refused(client, org):
    client.force_login(org.hr)
    page = client.post(reverse("pegawai:import-confirm"), {"token": "x"}, follow=True)
    assert "Tidak ada impor yang menunggu konfirmasi." in page.content.decode()


def test_confirm_rechecks_and_writes_nothing_when_data_changed_meanwhile(client, org):
    client.force_login(org.hr)
    nip = make_nip()
    upload(client, csv_bytes(row(nip)))
    token = client.session["import_pegawai"]["token"]
    from pegawai.tests.factories import PegawaiFactory

    PegawaiFactory(nip=nip, unit_kerja=org.seksi)  # someone else registered the NIP in between
    page = client.post(reverse("pegawai:import-confirm"), {"token": token}, follow=True)
    assert "Impor dibatalkan" in page.content.decode()
    assert Pegawai.objects.filter(nip=nip).count() == 1


def test_admin_imports_into_the_instansi_chosen_on_the_upload_page(client, org):
    from pegawai.tests.factories import UserFactory

    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    nip = make_nip()
    url = reverse("pegawai:import") + f"?instansi={org.other_instansi.pk}"
    assert "1 baris valid" in upload(client, csv_bytes(row(nip, unit="X1")), url=url).content.decode()
    token = client.session["import_pegawai"]["token"]
    client.post(reverse("pegawai:import-confirm"), {"token": token})
    assert Pegawai.objects.get(nip=nip).unit_kerja == org.other_unit


def test_import_pages_are_for_hr_only(client, org):
    client.force_login(org.atasan.user)
    assert client.get(reverse("pegawai:import")).status_code == 403
    assert client.post(reverse("pegawai:import-confirm"), {"token": "x"}).status_code == 403


# --- management command ---------------------------------------------------------------------


def test_command_imports_and_reports(tmp_path, org, capsys):
    path = tmp_path / "pegawai.csv"
    nip = make_nip()
    path.write_bytes(csv_bytes(row(nip)))
    call_command("import_pegawai", str(path), "--instansi", org.instansi.kode)
    assert f"1 pegawai diimpor ke {org.instansi.nama}." in capsys.readouterr().out
    assert Pegawai.objects.filter(nip=nip).exists()


def test_command_dry_run_checks_without_writing(tmp_path, org, capsys):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_bytes(row(make_nip()), row(make_nip())))
    before = Pegawai.objects.count()
    call_command("import_pegawai", str(path), "--instansi", org.instansi.kode, "--dry-run")
    assert "2 baris valid (dry-run: tidak ada yang disimpan)." in capsys.readouterr().out
    assert Pegawai.objects.count() == before


def test_command_lists_every_bad_row_and_fails(tmp_path, org, capsys):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_bytes(row(make_nip(), unit="ZZ"), row(make_nip()), row("1")))
    with pytest.raises(CommandError, match="2 kesalahan pada 2 baris; tidak ada yang disimpan."):
        call_command("import_pegawai", str(path), "--instansi", org.instansi.kode)
    err = capsys.readouterr().err
    assert "Baris 2 " in err and "Baris 4 " in err and "Baris 3 " not in err


@pytest.mark.parametrize(
    "args, pesan",
    [
        (["tidak-ada.csv", "--instansi", "INS"], "Berkas tidak ditemukan"),
        (["{csv}", "--instansi", "NOPE"], "Instansi dengan kode NOPE tidak ditemukan."),
        (["{csv}"], "Sebutkan --instansi KODE"),  # the org fixture has two instansi
    ],
)
def test_command_refuses_bad_arguments(tmp_path, org, args, pesan):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_bytes(row(make_nip())))
    with pytest.raises(CommandError, match=pesan):
        call_command("import_pegawai", *[a.replace("{csv}", str(path)) for a in args])


def test_command_refuses_wrong_encoding(tmp_path, org):
    path = tmp_path / "pegawai.csv"
    path.write_bytes("nip,nama,status,unit_kerja\n1,Zoë,PNS,S1\n".encode("cp1252"))
    with pytest.raises(CommandError, match="tidak ber-encoding UTF-8"):
        call_command("import_pegawai", str(path), "--instansi", org.instansi.kode)
