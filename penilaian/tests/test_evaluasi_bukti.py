"""Evidence uploads (issue 4 item 2): type from content, ≤ 10 MB, a clear message for every refusal."""
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from penilaian.models import BuktiDukung
from penilaian.tests.evaluasi_helpers import PDF, PNG, penilaian_untuk, periode_terbuka

pytestmark = pytest.mark.django_db


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.fixture
def ctx(client, org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    client.force_login(org.pegawai.user)
    return client, p, p.skp.rhk.first().iki.first()


def _upload(client, p, iki, name, content, ctype="application/pdf"):
    return client.post(reverse("penilaian:evaluasi-bukti-tambah", args=[p.pk]),
                       {"iki": iki.pk, "berkas": SimpleUploadedFile(name, content, content_type=ctype)}, follow=True)


@pytest.mark.parametrize(("name", "content", "jenis"), [
    ("laporan.pdf", PDF, "application/pdf"), ("foto.png", PNG, "image/png"),
    ("nota.docx", _docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
])
def test_accepted_files_are_stored_privately(ctx, name, content, jenis):
    client, p, iki = ctx
    r = _upload(client, p, iki, name, content)
    assert "Bukti dukung ditambahkan" in r.content.decode()
    bukti = BuktiDukung.objects.get()
    assert (bukti.nama_berkas, bukti.content_type) == (name, jenis)
    assert bukti.berkas.name.startswith(f"bukti/{p.pk}/") and name not in bukti.berkas.name


@pytest.mark.parametrize(("name", "content", "pesan"), [
    ("kosong.pdf", b"", "Berkas kosong"),
    ("program.pdf", b"MZ\x90\x00" + b"\x00" * 200, "bukan jenis yang diizinkan"),   # .exe renamed .pdf
    ("catatan.pdf", b"ini hanya teks biasa\n" * 20, "bukan jenis yang diizinkan"),  # .txt renamed .pdf
    ("arsip.docx", b"PK\x03\x04" + b"\x00" * 100, "bukan jenis yang diizinkan"),   # broken zip as .docx
])
def test_refused_files_show_a_clear_message(ctx, name, content, pesan):
    client, p, iki = ctx
    r = _upload(client, p, iki, name, content)
    html = r.content.decode()
    assert "Bukti dukung ditolak" in html and pesan in html
    assert not BuktiDukung.objects.exists()


def test_oversize_file_is_refused(ctx, settings):
    client, p, iki = ctx
    settings.UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    big = PDF + b"0" * (10 * 1024 * 1024)
    html = _upload(client, p, iki, "besar.pdf", big).content.decode()
    assert "terlalu besar" in html and "Maksimal 10 MB" in html
    assert not BuktiDukung.objects.exists()


def test_link_evidence_and_delete(ctx):
    client, p, iki = ctx
    client.post(reverse("penilaian:evaluasi-bukti-tambah", args=[p.pk]), {"iki": iki.pk, "url": "https://drive.go.id/x"})
    bukti = BuktiDukung.objects.get()
    assert bukti.url == "https://drive.go.id/x"
    client.post(reverse("penilaian:evaluasi-bukti-hapus", args=[bukti.pk]))
    assert not BuktiDukung.objects.exists()


def test_link_and_file_together_is_refused(ctx):
    client, p, iki = ctx
    r = client.post(reverse("penilaian:evaluasi-bukti-tambah", args=[p.pk]),
                    {"iki": iki.pk, "url": "https://x.go.id", "berkas": SimpleUploadedFile("a.pdf", PDF)}, follow=True)
    assert "salah satu saja" in r.content.decode()
    assert not BuktiDukung.objects.exists()


def test_evidence_of_another_skp_indicator_is_404(ctx, org):
    client, p, _iki = ctx
    other = penilaian_untuk(org.rekan, p.periode)
    r = client.post(reverse("penilaian:evaluasi-bukti-tambah", args=[p.pk]),
                    {"iki": other.skp.rhk.first().iki.first().pk, "url": "https://x.go.id"})
    assert r.status_code == 404
