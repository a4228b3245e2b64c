"""SKP dates inside the perjanjian kerja, and the contract target on the SKP page (domain.md §11.1)."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kontrak.tests.factories import PerjanjianFactory, pppk
from pegawai.tests.factories import login_as
from penilaian.models import Skp
from penilaian.skp.services import skp_create, skp_submit
from penilaian.tests.factories import skp_with_rhk

pytestmark = pytest.mark.django_db


def _skp(p, mulai, selesai, oleh=None):
    return skp_create(pegawai=p, tahun=mulai.year, tanggal_mulai=mulai, tanggal_selesai=selesai, oleh=oleh)


# (status, contract (mulai, selesai) or None, SKP (mulai, selesai), accepted)
TABEL = [
    ("PPPK_PW", (date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31)), True),
    ("PPPK_PW", (date(2025, 7, 1), date(2026, 6, 30)), (date(2026, 1, 1), date(2026, 6, 30)), True),
    ("PPPK_PW", (date(2025, 7, 1), date(2026, 6, 30)), (date(2026, 1, 1), date(2026, 12, 31)), False),
    ("PPPK_PW", (date(2026, 3, 1), date(2027, 2, 28)), (date(2026, 1, 1), date(2026, 12, 31)), False),
    ("PPPK_PW", None, (date(2026, 1, 1), date(2026, 12, 31)), False),  # a PW always needs its contract
    ("PPPK", None, (date(2026, 1, 1), date(2026, 12, 31)), True),  # older PPPK data without contracts
    ("PPPK", (date(2027, 1, 1), date(2027, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31)), False),
]


@pytest.mark.parametrize(("status", "kontrak", "periode", "ok"), TABEL)
def test_skp_pppk_harus_di_dalam_perjanjian_kerja(org, status, kontrak, periode, ok):
    p = pppk(status=status, unit_kerja=org.seksi, atasan=org.atasan)
    if kontrak:
        PerjanjianFactory(pegawai=p, nomor="PK-1", tanggal_mulai=kontrak[0], tanggal_selesai=kontrak[1])
    if ok:
        assert _skp(p, *periode).pegawai == p
        return
    with pytest.raises(ValidationError) as exc:
        _skp(p, *periode)
    pesan = " ".join(exc.value.messages)
    assert "di luar perjanjian kerja" in pesan or "harus berada di dalam perjanjian kerja PK-1" in pesan
    assert not Skp.objects.filter(pegawai=p).exists()


def test_pns_tidak_diperiksa(org):
    assert _skp(org.pegawai, date(2026, 1, 1), date(2026, 12, 31)).pk


def test_ajukan_ditolak_bila_kontrak_dibatalkan(org, pw):
    k = PerjanjianFactory(pegawai=pw)
    skp = skp_with_rhk(pw, status=Skp.Status.DRAFT)
    k.status = k.Status.DIBATALKAN
    k.save()
    with pytest.raises(ValidationError, match="di luar perjanjian kerja"):
        skp_submit(skp=skp, oleh=pw.user)
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DRAFT
    PerjanjianFactory(pegawai=pw, nomor="PK-BARU")
    assert skp_submit(skp=skp, oleh=pw.user).status == Skp.Status.DIAJUKAN


def test_halaman_skp_menampilkan_target_perjanjian_kerja(client, org, pw):
    PerjanjianFactory(pegawai=pw, target_kinerja="Melayani 200 siswa per semester")
    skp = skp_with_rhk(pw, status=Skp.Status.DRAFT)
    client.force_login(pw.user)
    html = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert 'id="target-perjanjian-kerja"' in html and "Melayani 200 siswa per semester" in html
    login_as(client, org, "atasan")
    assert "Melayani 200 siswa" in client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()


def test_halaman_skp_pns_tanpa_kotak_perjanjian(client, org):
    skp = skp_with_rhk(org.pegawai, status=Skp.Status.DRAFT)
    login_as(client, org, "pegawai")
    html = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert 'id="target-perjanjian-kerja"' not in html
