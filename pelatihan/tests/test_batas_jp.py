"""The PPPK 24 JP cap (PP 49/2018 Pasal 40(1), domain.md §7.6) shown at submission and at verification."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pegawai.models import Golongan
from pegawai.tests.factories import make_nip
from pelatihan.jp import melewati_batas_pppk
from pelatihan.models import RiwayatPengembangan
from pelatihan.tests.factories import PDF, RiwayatFactory, form_data

Status = RiwayatPengembangan.Status


@pytest.mark.parametrize("status, sudah, baru, lewat", [
    ("PPPK", 16, 8, False),   # exactly 24: at the cap, not past it
    ("PPPK", 16, 9, True),
    ("PPPK", 0, 25, True),
    ("PPPK", 0, 24, False),
    ("PNS", 100, 8, False),   # a PNS minimum, no cap
    ("CPNS", 30, 8, False),
])
def test_cap_rule(status, sudah, baru, lewat):
    assert melewati_batas_pppk(status, sudah, baru) is lewat


@pytest.fixture
def pppk(org):
    p = org.rekan
    p.status, p.nip, p.golongan = "PPPK", make_nip(pppk=True), Golongan.objects.get(jenis="PPPK", kode="V")
    p.save()
    RiwayatFactory(pegawai=p, jp=20, status=Status.DIVERIFIKASI, tanggal_mulai=date(2026, 2, 2),
                   tanggal_selesai=date(2026, 2, 4))
    RiwayatFactory(pegawai=p, jp=30, status=Status.DIVERIFIKASI, tanggal_mulai=date(2025, 2, 2),
                   tanggal_selesai=date(2025, 2, 4))  # another year does not count
    return p


@pytest.mark.django_db
def test_warning_at_submission(client, org, pppk):
    client.force_login(pppk.user)
    r = client.post(reverse("pelatihan:riwayat-create"),
                    form_data(jp=8, sertifikat=SimpleUploadedFile("s.pdf", PDF)), follow=True)
    html = r.content.decode()
    assert "akan menjadi 28 bila kegiatan ini diverifikasi, melebihi batas 24 JP setahun untuk PPPK" in html


@pytest.mark.django_db
def test_no_warning_within_the_cap_or_for_pns(client, org, pppk):
    client.force_login(pppk.user)
    html = client.post(reverse("pelatihan:riwayat-create"),
                       form_data(jp=4, sertifikat=SimpleUploadedFile("s.pdf", PDF)), follow=True).content.decode()
    assert "melebihi batas 24 JP" not in html
    client.force_login(org.pegawai.user)
    RiwayatFactory(pegawai=org.pegawai, jp=40, status=Status.DIVERIFIKASI)
    html = client.post(reverse("pelatihan:riwayat-create"),
                       form_data(jp=8, sertifikat=SimpleUploadedFile("s.pdf", PDF)), follow=True).content.decode()
    assert "melebihi batas 24 JP" not in html


@pytest.mark.django_db
def test_warning_at_verification_in_queue_and_detail(client, org, pppk, django_assert_max_num_queries):
    r = RiwayatFactory(pegawai=pppk, jp=8)  # 2026: 20 + 8
    RiwayatFactory(pegawai=pppk, jp=2, tanggal_mulai=date(2025, 3, 2), tanggal_selesai=date(2025, 3, 3))
    client.force_login(org.hr)
    html = client.get(reverse("pelatihan:antrean")).content.decode()
    assert html.count("Melewati batas PPPK: 28 JP") == 1
    assert "Melewati batas PPPK: 32 JP" in html  # each record against its own year: 2025 has 30 already
    detail = client.get(reverse("pelatihan:riwayat-detail", args=[r.pk])).content.decode()
    assert 'id="peringatan-batas-jp"' in detail and "akan menjadi 28" in detail
    RiwayatFactory.create_batch(10, pegawai=pppk, jp=1)
    with django_assert_max_num_queries(20):
        client.get(reverse("pelatihan:antrean"))
