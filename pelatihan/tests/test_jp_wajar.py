"""Training hours of one record (issue 11 §8): more than 0, at most 24 JP per day of the activity, at
most 1000 (pelatihan/jp.py); refused with a clear message, nothing saved."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pelatihan.jp import jp_maks, pesan_jp_salah
from pelatihan.models import RiwayatPengembangan

from .factories import PDF, form_data

pytestmark = pytest.mark.django_db
D = date(2026, 3, 2)


@pytest.mark.parametrize(("jp", "mulai", "selesai", "ok"), [
    (1, D, D, True),
    (24, D, D, True),            # one intensive day
    (25, D, D, False),
    (72, D, date(2026, 3, 4), True),   # three days, both ends counted
    (73, D, date(2026, 3, 4), False),
    (1000, D, date(2026, 12, 31), True),
    (1001, D, date(2026, 12, 31), False),  # overall cap, whatever the dates
    (0, D, D, False),
    (-3, D, D, False),
    (None, D, D, False),
])
def test_jp_rule(jp, mulai, selesai, ok):
    assert (pesan_jp_salah(jp, mulai, selesai) == "") is ok


def test_jp_maks_without_dates_is_the_overall_cap():
    assert jp_maks(None, None) == 1000 and jp_maks(D, date(2026, 3, 1)) == 1000


@pytest.mark.parametrize(
    ("overrides", "pesan"),
    [
        ({"jp": 0}, "Jumlah JP harus lebih dari 0."),
        ({"jp": -3}, "Jumlah JP harus lebih dari 0."),
        (
            {"jp": 200, "tanggal_mulai": "2026-03-02", "tanggal_selesai": "2026-03-03"},
            "paling banyak 48 untuk kegiatan 2 hari",
        ),
        ({"jp": 5000}, "paling banyak 1000"),
    ],
)
def test_form_refuses_implausible_jp(client, org, overrides, pesan):
    client.force_login(org.pegawai.user)
    r = client.post(
        reverse("pelatihan:riwayat-create"), form_data(**overrides, sertifikat=SimpleUploadedFile("s.pdf", PDF))
    )
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not RiwayatPengembangan.objects.exists()
