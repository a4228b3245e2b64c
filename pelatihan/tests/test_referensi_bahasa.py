"""Training reference lists (jalur, bentuk, rumpun, jenis) in the reader's language, Indonesian as fallback."""
import pytest
from django.urls import reverse
from django.utils import translation

from pelatihan.models import Bentuk, Jalur, JenisPengembangan, RumpunKompetensi

from .factories import RiwayatFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Jalur, Bentuk, RumpunKompetensi, JenisPengembangan])
def test_every_seeded_row_has_an_english_name(model):
    assert model.objects.exists() and not model.objects.filter(nama_en="").exists()


@pytest.mark.parametrize(("language", "kode", "shown"), [
    ("id", "PELATIHAN_TEKNIS", "Pelatihan teknis"),
    ("en", "PELATIHAN_TEKNIS", "Technical training"),
    ("en", "BIMBINGAN_TEMPAT_KERJA", "On-the-job guidance"),
])
def test_name_in_the_readers_language(language, kode, shown):
    with translation.override(language):
        assert str(JenisPengembangan.objects.get(kode=kode)) == shown


def test_empty_english_falls_back_to_indonesian():
    b = Bentuk.objects.create(kode="CAMPURAN", nama="Campuran", urutan=9)
    with translation.override("en"):
        assert str(b) == "Campuran"


def test_english_form_and_record_show_english_and_store_the_row(client, org):
    client.force_login(org.pegawai.user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("pelatihan:riwayat-create")).content.decode()
    teknis = JenisPengembangan.objects.get(kode="PELATIHAN_TEKNIS")
    assert f'<option value="{teknis.pk}">Technical training</option>' in html
    assert ">Classroom<" in html and ">Socio-cultural<" in html and ">Klasikal<" not in html
    r = RiwayatFactory(pegawai=org.pegawai, jenis=teknis)
    html = client.get(reverse("pelatihan:riwayat-detail", args=[r.pk])).content.decode()
    assert "Training · Classroom" in html and "Technical training" in html and "Pelatihan teknis" not in html
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    html = client.get(reverse("pelatihan:riwayat-detail", args=[r.pk])).content.decode()
    assert "Pelatihan · Klasikal" in html and "Pelatihan teknis" in html


def test_admin_saves_the_english_name(admin_client):
    jalur = Jalur.objects.get(kode="PELATIHAN")
    url = reverse("admin:pelatihan_jalur_change", args=[jalur.pk])
    assert 'name="nama_en"' in admin_client.get(url).content.decode()
    r = admin_client.post(url, {"kode": "PELATIHAN", "nama": "Pelatihan", "nama_en": "Training course",
                                "urutan": 2, "aktif": "on"})
    assert r.status_code == 302
    jalur.refresh_from_db()
    assert (jalur.nama, jalur.nama_en) == ("Pelatihan", "Training course")
