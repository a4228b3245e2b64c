"""HR at agency scale: the template CSV, the full preview, and every login of an import in one action."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from kinerja.models import AuditLog
from pegawai.models import Pegawai, User
from pegawai.tests.factories import PegawaiFactory, make_nip
from pegawai.tests.test_import import csv_bytes, row

pytestmark = pytest.mark.django_db


def _upload(client, data, name="pegawai.csv"):
    return client.post(reverse("pegawai:import"), {"berkas": SimpleUploadedFile(name, data, "text/csv")})


def _import(client, data):
    preview = _upload(client, data)
    assert b'id="tombol-konfirmasi"' in preview.content, preview.content.decode()[:3000]
    token = client.session["import_pegawai"]["token"]
    return client.post(reverse("pegawai:import-confirm"), {"token": token}, follow=True)


def test_template_csv_downloads_and_imports_as_is(client, org):
    client.force_login(org.hr)
    response = client.get(reverse("pegawai:import-template"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "templat-pegawai.csv" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("nip,nama,") and len(lines) == 2
    done = _import(client, response.content)
    assert Pegawai.objects.filter(nip="198505172010011003", nama="Budi Santoso", unit_kerja=org.bidang).exists()
    assert "1 pegawai berhasil diimpor." in done.content.decode()


def test_template_is_hr_only(client, org):
    client.force_login(org.pegawai.user)
    assert client.get(reverse("pegawai:import-template")).status_code in (403, 404)


def test_preview_shows_every_mapped_column(client, org):
    client.force_login(org.hr)
    kepala = make_nip()
    data = csv_bytes(row(make_nip(), nama="Rina Kusuma", unit="S2", gol="III/a", atasan=org.atasan2.nip,
                         email="rina@contoh.go.id"), row(kepala, unit="S1"))
    html = _upload(client, data).content.decode()
    for text in ("S2 — Seksi Dua (Bidang Satu)", "Penata Layanan Operasional", "III/a", org.atasan2.nip,
                 "rina@contoh.go.id", "Rina Kusuma"):
        assert text in html


def _imported(client, org, n):
    data = csv_bytes(*[row(make_nip(), nama=f"Pegawai Impor {i:02d}") for i in range(n)])
    _import(client, data)
    return list(Pegawai.objects.filter(nama__startswith="Pegawai Impor").order_by("nama"))


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_one_action_creates_every_login_and_prints_the_slips(client, org):
    client.force_login(org.hr)
    imported = _imported(client, org, 6)
    page = client.get(reverse("pegawai:import-akun")).content.decode()
    assert "6 pegawai, 6 di antaranya belum memiliki akun login" in page
    response = client.post(reverse("pegawai:import-akun-buat"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = _pdf_text(response.content)
    for p in imported:
        p.refresh_from_db()
        assert p.user is not None and p.user.username == p.nip
        assert p.user.sandi_sementara_sampai is not None  # expires, must be changed at first login
        assert p.nip in text and p.nama in text
        assert not p.user.password.startswith(p.user.username)
    assert text.count("Kata sandi sementara") == 6
    assert AuditLog.objects.filter(aksi="pegawai.account_created", aktor=org.hr, data__massal=True).count() == 6
    again = client.get(reverse("pegawai:import-akun")).content.decode()
    assert "Semua pegawai hasil impor sudah memiliki akun." in again


def test_password_on_the_slip_logs_in_and_must_be_changed(client, org):
    client.force_login(org.hr)
    (p,) = _imported(client, org, 1)
    text = _pdf_text(client.post(reverse("pegawai:import-akun-buat")).content)
    lines = text.splitlines()
    sandi = next(line.split()[-1] for line in lines if line.startswith("Kata sandi sementara"))
    user = User.objects.get(username=p.nip)
    assert user.check_password(sandi)
    assert sandi not in str(AuditLog.objects.filter(object_id=str(p.pk)).values_list("data", flat=True)[0])
    client.logout()
    login = client.post(reverse("login"), {"username": p.nip, "password": sandi}, follow=True)
    assert login.request["PATH_INFO"] == reverse("password_change")


def test_bulk_creation_takes_a_bounded_number_of_queries(client, org, django_assert_max_num_queries):
    from pegawai.akun_massal import akun_create_bulk

    for n in (3, 30):
        PegawaiFactory.create_batch(n, unit_kerja=org.seksi, user=None)
        qs = Pegawai.objects.filter(user__isnull=True, unit_kerja=org.seksi)
        with django_assert_max_num_queries(10):
            slips, skipped = akun_create_bulk(pegawai_qs=qs, oleh=org.hr)
        assert len(slips) == n and skipped == []


def test_taken_username_is_skipped_and_reported(client, org):
    from pegawai.akun_massal import akun_create_bulk

    p = PegawaiFactory(unit_kerja=org.seksi, user=None)
    User.objects.create(username=p.nip)
    slips, skipped = akun_create_bulk(pegawai_qs=Pegawai.objects.filter(pk=p.pk), oleh=org.hr)
    assert slips == [] and skipped == [p.nip]


def test_batch_is_scoped_and_needs_hr(client, org):
    client.force_login(org.hr_other)
    session = client.session
    session["import_pegawai_akun"] = {"instansi": org.instansi.pk, "ids": [org.lain.pk]}
    session.save()
    org.lain.user.delete() if org.lain.user_id else None
    response = client.post(reverse("pegawai:import-akun-buat"), follow=True)
    assert response["Content-Type"].startswith("text/html")
    org.lain.refresh_from_db()
    assert org.lain.user_id is None
    client.force_login(org.pegawai.user)
    assert client.post(reverse("pegawai:import-akun-buat")).status_code in (403, 404)


def test_page_without_import_shows_empty_state(client, org):
    client.force_login(org.hr)
    html = client.get(reverse("pegawai:import-akun")).content.decode()
    assert "Belum ada hasil impor pada sesi ini." in html
