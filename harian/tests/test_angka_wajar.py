"""Daily-activity numbers and times (issue 11 §8; domain.md §11.1): realisasi ≥ 0, jam selesai after jam mulai,
times that exist; a clear message, nothing saved."""
from datetime import time
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


def post(client, org, kuantitas, mulai, selesai):
    return login_as(client, org, "pegawai").post(reverse("harian:tambah"), {
        "tanggal": today().isoformat(), "uraian": "Menyusun draf SOP", "kuantitas": kuantitas,
        "jam_mulai": mulai, "jam_selesai": selesai})


@pytest.mark.parametrize(("kuantitas", "mulai", "selesai", "pesan"), [
    ("-1", "08:00", "09:00", "Kuantitas tidak boleh negatif."),
    ("-0.01", "08:00", "08:30", "Kuantitas tidak boleh negatif."),
    ("1", "10:00", "10:00", "Jam selesai harus setelah jam mulai."),
    ("1", "10:00", "09:59", "Jam selesai harus setelah jam mulai."),
    ("1", "25:00", "26:00", "Masukkan waktu yang valid."),
    ("1", "", "09:00", "Bidang ini harus diisi."),
    ("1", "08:00", "", "Bidang ini harus diisi."),
])
def test_form_refuses_impossible_numbers_and_times(client, org, kuantitas, mulai, selesai, pesan):
    skp_aktif(org.pegawai)
    r = post(client, org, kuantitas, mulai, selesai)
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not KegiatanHarian.objects.exists()


@pytest.mark.parametrize(("kuantitas", "mulai", "selesai", "menit"), [
    ("0", "08:00", "08:01", 1), ("2.5", "00:00", "23:59", 1439), ("12", "13:00", "14:30", 90),
])
def test_form_accepts_plausible_numbers(client, org, kuantitas, mulai, selesai, menit):
    skp_aktif(org.pegawai)
    assert post(client, org, kuantitas, mulai, selesai).status_code == 302
    k = KegiatanHarian.objects.get()
    assert (k.kuantitas, k.durasi_menit, f"{k.jam_mulai:%H:%M}") == (Decimal(kuantitas), menit, mulai)


@pytest.mark.parametrize(("kuantitas", "mulai", "selesai", "field"), [
    (Decimal(-1), None, None, "kuantitas"),
    (Decimal(1), time(10), time(9), "jam_selesai"),
    (Decimal(1), time(10), None, "jam_selesai"),
    (Decimal(1), None, time(10), "jam_mulai"),
])
def test_service_refuses_them_too(org, kuantitas, mulai, selesai, field):
    skp_aktif(org.pegawai)
    data = DataKegiatan(tanggal=today(), uraian="x", kuantitas=kuantitas, jam_mulai=mulai, jam_selesai=selesai)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data, oleh=org.pegawai.user)
    assert field in exc.value.message_dict and not KegiatanHarian.objects.exists()


@pytest.mark.parametrize(("mulai", "selesai"), [(time(10), time(9)), (time(10), time(10)), (time(10), None)])
def test_database_refuses_times_out_of_order(org, mulai, selesai):
    k = KegiatanFactory(pegawai=org.pegawai)
    with pytest.raises(IntegrityError), transaction.atomic():
        KegiatanHarian.objects.filter(pk=k.pk).update(jam_mulai=mulai, jam_selesai=selesai)
