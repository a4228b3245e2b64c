"""Private files are served with the type of their content, whatever name the uploader gave them."""
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from penilaian.models import BuktiDukung, Realisasi
from penilaian.tests.factories import PenilaianFactory, skp_with_rhk

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"<script>alert(1)</script>"


def _bukti(org, nama: str, isi: bytes) -> BuktiDukung:
    skp = skp_with_rhk(org.pegawai, n_rhk=1)
    penilaian = PenilaianFactory(skp=skp)
    realisasi = Realisasi.objects.create(penilaian=penilaian, iki=skp.rhk.first().iki.first())
    bukti = BuktiDukung(realisasi=realisasi, nama_berkas=nama, ukuran=len(isi), content_type="image/png")
    bukti.berkas.save(nama, ContentFile(isi), save=True)
    return bukti


def test_png_named_html_is_served_as_an_image(client, org):
    bukti = _bukti(org, "laporan.html", PNG)
    client.force_login(org.pegawai.user)
    response = client.get(reverse("penilaian:evaluasi-bukti-berkas", args=[bukti.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_unknown_content_is_downloaded_not_shown(client, org):
    bukti = _bukti(org, "catatan.pdf", b"just text, not a pdf")
    client.force_login(org.pegawai.user)
    response = client.get(reverse("penilaian:evaluasi-bukti-berkas", args=[bukti.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


def test_stranger_cannot_fetch_the_file(client, org):
    bukti = _bukti(org, "bukti.png", PNG)
    client.force_login(org.lain.user)
    assert client.get(reverse("penilaian:evaluasi-bukti-berkas", args=[bukti.pk])).status_code == 404
