"""Bell, list, mark as read, reminder history; PDF downloads follow the record's permissions."""
import io
import zipfile

import pytest
from django.urls import reverse

from notifikasi.models import CetakMassal, DokumenPdf, Notifikasi
from notifikasi.services import notify
from pegawai.tests.factories import actor_user
from penilaian.models import Penilaian

from .helpers import penilaian_final, periode, skp_lengkap

JOB = CetakMassal.Status
pytestmark = pytest.mark.django_db


def body(resp) -> bytes:
    return b"".join(resp.streaming_content) if resp.streaming else resp.content


@pytest.fixture
def unduh(client, django_capture_on_commit_callbacks):
    """GET a PDF like a browser does: a stale document answers 202 (queued), the page polls again."""

    def get(url):
        with django_capture_on_commit_callbacks(execute=True):
            resp = client.get(url)
        if resp.status_code == 202:
            assert "sedang disiapkan" in resp.content.decode()
            resp = client.get(url)
        return resp

    return get


def test_notify_writes_in_app_row_and_emails_after_commit(org, django_capture_on_commit_callbacks, mailoutbox):
    org.pegawai.user.email = "pegawai@example.go.id"
    org.pegawai.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            penerima=org.pegawai.user,
            judul="SKP Anda disetujui",
            pesan="Selamat bekerja.",
            url="/skp/1/",
            objek=org.pegawai,
            email=True,
        )
    n = Notifikasi.objects.get()
    assert n.status_email == Notifikasi.StatusEmail.SENT and n.object_id == str(org.pegawai.pk)
    (msg,) = mailoutbox
    assert msg.subject == "[Kinerja] SKP Anda disetujui" and f"Yth. {org.pegawai.nama_lengkap}" in msg.body
    assert "/skp/1/" in msg.alternatives[0][0]


def test_bell_shows_unread_count_in_the_navbar(client, org):
    for i in range(3):
        notify(penerima=org.pegawai.user, judul=f"Pesan {i}", pesan="")
    notify(penerima=org.rekan.user, judul="Bukan untuk Anda", pesan="")
    client.force_login(org.pegawai.user)
    html = client.get(reverse("notifikasi:riwayat")).content.decode()
    assert 'id="jumlah-belum-dibaca">3<' in html and "Bukan untuk Anda" not in html
    assert 'aria-label="Notifikasi, 3 belum dibaca"' in html  # the bell's name carries the count


def test_mark_read_only_own_and_follows_link(client, org):
    notify(penerima=org.pegawai.user, judul="A", pesan="", url="/notifikasi/pengingat/")
    notify(penerima=org.rekan.user, judul="B", pesan="")
    mine, other = Notifikasi.objects.get(judul="A"), Notifikasi.objects.get(judul="B")
    client.force_login(org.pegawai.user)
    assert client.post(reverse("notifikasi:baca", args=[other.pk])).status_code == 404
    assert client.post(reverse("notifikasi:baca", args=[mine.pk]))["Location"] == "/notifikasi/pengingat/"
    assert Notifikasi.objects.get(pk=mine.pk).dibaca and not Notifikasi.objects.get(pk=other.pk).dibaca


def test_mark_all_read(client, org):
    for i in range(2):
        notify(penerima=org.pegawai.user, judul=f"X{i}", pesan="")
    client.force_login(org.pegawai.user)
    client.post(reverse("notifikasi:baca-semua"))
    assert not Notifikasi.objects.filter(dibaca_pada__isnull=True).exists()


def test_notification_list_query_count_does_not_grow(client, org, django_assert_max_num_queries):
    for i in range(30):
        notify(penerima=org.pegawai.user, judul=f"N{i}", pesan="isi")
    client.force_login(org.pegawai.user)
    with django_assert_max_num_queries(14):
        resp = client.get(reverse("notifikasi:daftar"))
    assert resp.status_code == 200 and "N29" in resp.content.decode()


def test_reminder_history_shows_only_own(client, org):
    from datetime import timedelta

    from notifikasi.pengingat import pengingat_run

    from .helpers import BATAS

    periode(org)
    pengingat_run(today=BATAS - timedelta(days=3))
    client.force_login(org.pegawai.user)
    html = client.get(reverse("notifikasi:riwayat")).content.decode()
    assert f"SKP 2026 — {org.pegawai.nama}" in html and f"SKP 2026 — {org.rekan.nama}" not in html


# --- PDF downloads: owner, supervisor, stranger (404), HR, HR of another instansi (404) -------------

AKTOR = [
    ("pegawai", 200),
    ("atasan", 200),
    ("kabid", 200),
    ("lain", 404),
    ("atasan2", 404),
    ("hr", 200),
    ("hr_other", 404),
]


_user = actor_user


@pytest.fixture
def dinilai(org):
    skp = skp_lengkap(org.pegawai)
    return penilaian_final(skp, periode(org))


@pytest.mark.parametrize("aktor, status", AKTOR)
@pytest.mark.parametrize(
    "nama_url", ["notifikasi:pdf-skp", "notifikasi:pdf-penilaian", "notifikasi:pdf-dokumen-evaluasi"]
)
def test_pdf_download_follows_record_permissions(client, unduh, org, dinilai, aktor, status, nama_url):
    pk = dinilai.skp_id if nama_url.endswith("skp") else dinilai.pk
    client.force_login(_user(org, aktor))
    resp = unduh(reverse(nama_url, args=[pk]))
    assert resp.status_code == status
    if status == 200:
        assert resp["Content-Type"] == "application/pdf" and body(resp).startswith(b"%PDF")
        assert resp["Cache-Control"] == "private, no-store"


def test_pdf_is_rerendered_only_when_the_data_changed(client, unduh, org, dinilai):
    client.force_login(org.pegawai.user)
    url = reverse("notifikasi:pdf-dokumen-evaluasi", args=[dinilai.pk])
    body(unduh(url))
    doc = DokumenPdf.objects.get(jenis="DOK_EVAL")
    assert client.get(url).status_code == 200  # unchanged: served as stored, nothing queued
    assert DokumenPdf.objects.get(pk=doc.pk).dirender_pada == doc.dirender_pada
    Penilaian.objects.filter(pk=dinilai.pk).update(catatan="Tingkatkan ketelitian.")
    assert b"%PDF" in body(unduh(url))
    baru = DokumenPdf.objects.get(pk=doc.pk)
    assert baru.sumber_hash != doc.sumber_hash and baru.dirender_pada > doc.dirender_pada


@pytest.mark.parametrize(
    "aktor, status",
    [("atasan", 200), ("kabid", 200), ("pegawai", 404), ("atasan2", 404), ("hr", 200), ("hr_other", 404)],
)
def test_unit_recap_for_hr_and_the_unit_head(client, unduh, org, dinilai, aktor, status):
    client.force_login(_user(org, aktor))
    resp = unduh(reverse("notifikasi:pdf-rekap-unit", args=[org.seksi.pk, dinilai.periode_id]))
    assert resp.status_code == status


# --- bulk print ----------------------------------------------------------------------------------


def test_hr_bulk_print_delivers_a_zip_and_lists_failures(client, org, dinilai, django_capture_on_commit_callbacks):
    skp_lengkap(org.rekan)  # no evaluation in this period -> listed as a failure
    client.force_login(org.hr)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(
            reverse("notifikasi:cetak"),
            {"unit_kerja": org.seksi.pk, "jenis": "DOK_EVAL", "periode": dinilai.periode_id},
        )
    job = CetakMassal.objects.get()
    assert resp["Location"] == reverse("notifikasi:cetak-detail", args=[job.pk])
    assert job.status == JOB.SELESAI and job.total == 3  # atasan, pegawai, rekan of Seksi Satu
    html = client.get(reverse("notifikasi:cetak-progres", args=[job.pk])).content.decode()
    # printed and failed apart, each failure with its reason (issue #11)
    assert "1 dicetak, 2 gagal dari 3" in html
    assert f"{org.rekan.nama_lengkap} ({org.rekan.nip}): Penilaian periode ini belum dibuat." in html
    assert f"{org.atasan.nama_lengkap} ({org.atasan.nip}): Belum ada SKP tahun 2026." in html
    assert "1 dicetak, 2 gagal dari 3" in client.get(reverse("notifikasi:cetak")).content.decode()  # the history too
    zf = zipfile.ZipFile(io.BytesIO(body(client.get(reverse("notifikasi:cetak-unduh", args=[job.pk])))))
    pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
    assert pdfs == [n for n in pdfs if n.startswith(org.pegawai.nip)] and len(pdfs) == 1
    assert org.rekan.nip in zf.read("DAFTAR_GAGAL.txt").decode()
    # the requester is told in-app
    assert Notifikasi.objects.filter(penerima=org.hr, judul="Cetak massal selesai").exists()


def test_bulk_print_is_hr_only_and_scoped_to_the_instansi(client, org, dinilai, django_capture_on_commit_callbacks):
    client.force_login(org.hr)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("notifikasi:cetak"),
            {"unit_kerja": org.seksi.pk, "jenis": "DOK_EVAL", "periode": dinilai.periode_id},
        )
    job = CetakMassal.objects.get()
    client.force_login(org.hr_other)
    assert client.get(reverse("notifikasi:cetak-detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("notifikasi:cetak-unduh", args=[job.pk])).status_code == 404
    resp = client.post(
        reverse("notifikasi:cetak"), {"unit_kerja": org.seksi.pk, "jenis": "DOK_EVAL", "periode": dinilai.periode_id}
    )
    assert resp.status_code == 200 and CetakMassal.objects.count() == 1  # unit not offered to another instansi
    client.force_login(org.atasan.user)
    assert client.get(reverse("notifikasi:cetak")).status_code == 403


def test_bulk_print_of_skp_needs_a_year(client, org):
    client.force_login(org.hr)
    resp = client.post(reverse("notifikasi:cetak"), {"unit_kerja": org.seksi.pk, "jenis": "SKP"})
    assert "Isi tahun SKP yang akan dicetak." in resp.content.decode()
