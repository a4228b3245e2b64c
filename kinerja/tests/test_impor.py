"""The shared upload → preview → confirm staging (kinerja/impor.py), seen through the pegawai import."""
import pytest
from django.urls import reverse

from kinerja import impor
from pegawai.models import Pegawai
from pegawai.tests.factories import make_nip
from pegawai.tests.test_import import csv_bytes, row, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _staged():
    return sorted(p.name for p in impor.staging_dir().iterdir())


def test_the_file_waits_until_confirmed_once_then_is_gone(client, org):
    client.force_login(org.hr)
    nip = make_nip()
    upload(client, csv_bytes(row(nip)))
    token = client.session["import_pegawai"]["token"]
    assert _staged() == [f"import_pegawai-{token}.bin"] and not Pegawai.objects.filter(nip=nip).exists()
    wrong = client.post(reverse("pegawai:import-confirm"), {"token": "lain"}, follow=True)
    assert "Tidak ada impor yang menunggu konfirmasi." in wrong.content.decode()
    assert _staged() and not Pegawai.objects.filter(nip=nip).exists(), "a wrong token neither saves nor discards"
    client.post(reverse("pegawai:import-confirm"), {"token": token})
    assert Pegawai.objects.filter(nip=nip).count() == 1 and _staged() == []
    again = client.post(reverse("pegawai:import-confirm"), {"token": token}, follow=True)
    assert "Tidak ada impor yang menunggu konfirmasi." in again.content.decode()
    assert Pegawai.objects.filter(nip=nip).count() == 1


def test_a_refused_context_discards_the_staged_file(client, org):
    client.force_login(org.hr)
    upload(client, csv_bytes(row(make_nip())))
    session = client.session
    token = session["import_pegawai"]["token"]
    session["import_pegawai"]["instansi"] = org.other_instansi.pk  # not this HR's instansi any more
    session.save()
    page = client.post(reverse("pegawai:import-confirm"), {"token": token}, follow=True)
    assert "Instansi berubah sejak berkas diunggah." in page.content.decode()
    assert _staged() == [] and "import_pegawai" not in client.session


def test_a_vanished_file_is_reported_and_nothing_saved(client, org):
    client.force_login(org.hr)
    nip = make_nip()
    upload(client, csv_bytes(row(nip)))
    token = client.session["import_pegawai"]["token"]
    for p in impor.staging_dir().iterdir():
        p.unlink()
    page = client.post(reverse("pegawai:import-confirm"), {"token": token}, follow=True)
    assert "Berkas impor tidak dapat dibaca lagi." in page.content.decode()
    assert not Pegawai.objects.filter(nip=nip).exists()
