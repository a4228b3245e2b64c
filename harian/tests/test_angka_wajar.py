"""Daily-activity numbers (issue 11 §8): quantity ≥ 0, duration 1–1440 minutes; a clear message, nothing saved."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from harian.models import KegiatanHarian
from harian.services import DataKegiatan, kegiatan_create
from pegawai.tests.factories import login_as

from .factories import KegiatanFactory, skp_aktif, today

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("kuantitas", "durasi", "pesan"), [
    ("-1", "", "Kuantitas tidak boleh negatif."),
    ("-0.01", "30", "Kuantitas tidak boleh negatif."),
    ("1", "0", "Durasi kegiatan harus antara 1 dan 1440 menit (24 jam)."),
    ("1", "1441", "Durasi kegiatan harus antara 1 dan 1440 menit (24 jam)."),
    ("1", "1000000000000", "Durasi kegiatan harus antara 1 dan 1440 menit (24 jam)."),
    ("1", "-5", "Durasi kegiatan harus antara 1 dan 1440 menit (24 jam)."),
])
def test_form_refuses_impossible_numbers(client, org, kuantitas, durasi, pesan):
    skp_aktif(org.pegawai)
    r = login_as(client, org, "pegawai").post(reverse("harian:tambah"), {
        "tanggal": today().isoformat(), "uraian": "Menyusun draf SOP", "kuantitas": kuantitas, "durasi_menit": durasi})
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not KegiatanHarian.objects.exists()


@pytest.mark.parametrize(("kuantitas", "durasi"), [("0", ""), ("0", "1"), ("2.5", "1440"), ("12", "90")])
def test_form_accepts_plausible_numbers(client, org, kuantitas, durasi):
    skp_aktif(org.pegawai)
    r = login_as(client, org, "pegawai").post(reverse("harian:tambah"), {
        "tanggal": today().isoformat(), "uraian": "Menyusun draf SOP", "kuantitas": kuantitas, "durasi_menit": durasi})
    assert r.status_code == 302
    k = KegiatanHarian.objects.get()
    assert (k.kuantitas, k.durasi_menit) == (Decimal(kuantitas), int(durasi) if durasi else None)


@pytest.mark.parametrize(
    ("kuantitas", "durasi", "field"), [(Decimal(-1), None, "kuantitas"), (Decimal(1), 2000, "durasi_menit")]
)
def test_service_refuses_them_too(org, kuantitas, durasi, field):
    skp_aktif(org.pegawai)
    data = DataKegiatan(tanggal=today(), uraian="x", kuantitas=kuantitas, durasi_menit=durasi)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data, oleh=org.pegawai.user)
    assert field in exc.value.message_dict and not KegiatanHarian.objects.exists()


def test_database_refuses_an_impossible_duration(org):
    k = KegiatanFactory(pegawai=org.pegawai)
    with pytest.raises(IntegrityError), transaction.atomic():
        KegiatanHarian.objects.filter(pk=k.pk).update(durasi_menit=10**6)
