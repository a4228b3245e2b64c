"""Optional two-factor login (TOTP) for HR, staff and superuser accounts."""
import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinerja.models import AuditLog

pytestmark = pytest.mark.django_db


def _kode(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def _izinkan_kode_sama(device: TOTPDevice) -> None:
    # A TOTP code is accepted once; tests reuse the current one across steps.
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )


def _aktifkan(client, user) -> TOTPDevice:
    client.force_login(user)
    page = client.get(reverse("dua-faktor")).content.decode()
    assert 'id="qr-2fa"' in page and "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("dua-faktor"), {"kode": _kode(device)}, follow=True)
    assert 'id="dua-faktor-aktif"' in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_hr_turns_on_two_factor_and_must_give_a_code_at_each_login(client, org):
    device = _aktifkan(client, org.hr)
    assert AuditLog.objects.filter(aksi="akun.2fa_enabled").exists()

    baru = Client()
    assert baru.login(username=org.hr.username, password="rahasia123")
    response = baru.get(reverse("pegawai:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("dua-faktor-verifikasi"))
    assert baru.get(reverse("admin:index"))["Location"].startswith(reverse("dua-faktor-verifikasi"))

    salah = baru.post(reverse("dua-faktor-verifikasi"), {"kode": "000000", "next": reverse("pegawai:list")})
    assert "Kode salah" in salah.content.decode()
    assert baru.get(reverse("pegawai:list")).status_code == 302

    _izinkan_kode_sama(device)
    ok = baru.post(reverse("dua-faktor-verifikasi"), {"kode": _kode(device), "next": reverse("pegawai:list")})
    assert ok.status_code == 302 and ok["Location"] == reverse("pegawai:list")
    assert baru.get(reverse("pegawai:list")).status_code == 200


def test_a_wrong_setup_code_does_not_turn_it_on(client, org):
    client.force_login(org.hr)
    client.get(reverse("dua-faktor"))
    response = client.post(reverse("dua-faktor"), {"kode": "123456"})
    assert "Kode salah" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=org.hr, confirmed=True).exists()


def test_repeated_wrong_codes_are_throttled(client, org):
    device = _aktifkan(client, org.hr)
    baru = Client()
    baru.login(username=org.hr.username, password="rahasia123")
    for _ in range(3):
        baru.post(reverse("dua-faktor-verifikasi"), {"kode": "000000"})
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    response = baru.post(reverse("dua-faktor-verifikasi"), {"kode": _kode(device)})
    assert "Terlalu banyak kode salah" in response.content.decode()


def test_turning_it_off_needs_a_current_code(client, org):
    device = _aktifkan(client, org.hr)
    assert "Kode salah" in client.post(reverse("dua-faktor"), {"kode": "000000"}).content.decode()
    assert TOTPDevice.objects.filter(user=org.hr, confirmed=True).exists()
    _izinkan_kode_sama(device)
    client.post(reverse("dua-faktor"), {"kode": _kode(device)})
    assert not TOTPDevice.objects.filter(user=org.hr).exists()
    assert AuditLog.objects.filter(aksi="akun.2fa_disabled").exists()
    baru = Client()
    baru.login(username=org.hr.username, password="rahasia123")
    assert baru.get(reverse("pegawai:list")).status_code == 200


@pytest.mark.parametrize("actor", ["pegawai", "atasan"])
def test_ordinary_accounts_have_no_two_factor_page(client, org, actor):
    client.force_login(getattr(org, actor).user)
    assert client.get(reverse("dua-faktor")).status_code == 403
    assert 'id="tautan-2fa"' not in client.get(reverse("password_change")).content.decode()


def test_hr_finds_the_page_from_the_password_page(client, org):
    client.force_login(org.hr)
    assert 'id="tautan-2fa"' in client.get(reverse("password_change")).content.decode()


def test_verification_page_refuses_an_outside_next(client, org):
    device = _aktifkan(client, org.hr)
    baru = Client()
    baru.login(username=org.hr.username, password="rahasia123")
    _izinkan_kode_sama(device)
    response = baru.post(reverse("dua-faktor-verifikasi"), {"kode": _kode(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")
