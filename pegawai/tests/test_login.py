"""Login throttling (django-axes) and temporary passwords that expire and must be changed."""
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from pegawai.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _logged_in(response) -> bool:
    return response.wsgi_request.user.is_authenticated


def _fail(client, username, n, ip="10.0.0.1"):
    for _ in range(n):
        assert not _logged_in(_login(client, username, "salah-sekali", ip))


def test_five_failures_lock_the_account_even_for_the_right_password(client, org):
    _fail(client, org.rekan.nip, settings.AXES_FAILURE_LIMIT)
    response = _login(client, org.rekan.nip, "rahasia123")
    assert response.status_code == 429
    assert not _logged_in(response)
    assert "coba lagi dalam 15 menit" in response.content.decode()


def test_account_lock_holds_from_another_address(client, org):
    _fail(client, org.rekan.nip, settings.AXES_FAILURE_LIMIT, ip="10.0.0.1")
    assert not _logged_in(_login(Client(), org.rekan.nip, "rahasia123", ip="10.9.9.9"))


def test_address_lock_covers_other_accounts(client, org):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"1985000000000000{i:02d}", "tebakan", ip="10.0.0.7")
    assert not _logged_in(_login(Client(), org.rekan.nip, "rahasia123", ip="10.0.0.7"))
    assert _logged_in(_login(Client(), org.rekan.nip, "rahasia123", ip="10.0.0.8"))


def test_lock_ends_after_the_cool_off(client, org):
    _fail(client, org.rekan.nip, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert _logged_in(_login(client, org.rekan.nip, "rahasia123"))


def test_a_success_resets_the_count(client, org):
    _fail(client, org.rekan.nip, settings.AXES_FAILURE_LIMIT - 1)
    assert _logged_in(_login(client, org.rekan.nip, "rahasia123"))
    other = Client()
    _fail(other, org.rekan.nip, settings.AXES_FAILURE_LIMIT - 1)
    assert _logged_in(_login(other, org.rekan.nip, "rahasia123"))


def test_lockout_message_in_english(client, org):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _fail(client, org.rekan.nip, settings.AXES_FAILURE_LIMIT)
    response = _login(client, org.rekan.nip, "rahasia123")
    assert "try again in 15 minutes" in response.content.decode()


def test_hr_sees_the_lock_and_unlocks_it(client, org):
    _fail(Client(), org.rekan.nip, settings.AXES_FAILURE_LIMIT)
    client.force_login(org.hr)
    detail = client.get(reverse("pegawai:detail", args=[org.rekan.pk])).content.decode()
    assert 'id="badge-terkunci"' in detail and 'id="tombol-buka-kunci"' in detail
    response = client.post(reverse("pegawai:akun-buka-kunci", args=[org.rekan.pk]), follow=True)
    assert "Kunci akun" in response.content.decode()
    assert 'id="badge-terkunci"' not in response.content.decode()
    assert _logged_in(_login(Client(), org.rekan.nip, "rahasia123"))
    assert AuditLog.objects.filter(aksi="pegawai.account_unlocked", aktor=org.hr).exists()


def test_attempts_are_listed_in_django_admin(client, org):
    _fail(Client(), org.rekan.nip, 2)
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200
    assert org.rekan.nip in response.content.decode()


# --- temporary passwords ------------------------------------------------------------------------


def _reset_by_hr(org, p) -> str:
    hr = Client()
    hr.force_login(org.hr)
    body = hr.post(reverse("pegawai:akun", args=[p.pk]), follow=True).content.decode()
    return body.split('id="nilai-sandi-sementara">')[1].split("<")[0]


def test_temporary_password_must_be_changed_before_anything_else(client, org):
    password = _reset_by_hr(org, org.rekan)
    response = _login(client, org.rekan.nip, password)
    assert _logged_in(response)
    home = client.get(reverse("home"))
    assert home.status_code == 302 and home["Location"] == reverse("password_change")
    page = client.get(reverse("password_change"))
    assert 'id="wajib-ganti"' in page.content.decode()

    done = client.post(reverse("password_change"), {
        "old_password": password, "new_password1": "Sandi-Baru-2026!", "new_password2": "Sandi-Baru-2026!",
    })
    assert done.status_code == 302
    org.rekan.user.refresh_from_db()
    assert org.rekan.user.sandi_sementara_sampai is None
    assert client.get(reverse("home")).status_code == 200  # still logged in, now free to go on


def test_logout_is_allowed_with_a_temporary_password(client, org):
    password = _reset_by_hr(org, org.rekan)
    _login(client, org.rekan.nip, password)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert not client.get(reverse("login")).wsgi_request.user.is_authenticated


def test_new_password_must_differ_from_the_temporary_one(client, org):
    password = _reset_by_hr(org, org.rekan)
    _login(client, org.rekan.nip, password)
    response = client.post(reverse("password_change"), {
        "old_password": password, "new_password1": password, "new_password2": password,
    })
    assert "harus berbeda" in response.content.decode()
    org.rekan.user.refresh_from_db()
    assert org.rekan.user.sandi_sementara_sampai is not None


def test_temporary_password_expires_after_72_hours(client, org):
    password = _reset_by_hr(org, org.rekan)
    user = org.rekan.user
    user.refresh_from_db()
    expected = timezone.now() + timedelta(hours=72)
    assert abs((user.sandi_sementara_sampai - expected).total_seconds()) < 60

    user.sandi_sementara_sampai = timezone.now() - timedelta(minutes=1)
    user.save()
    response = _login(client, org.rekan.nip, password)
    assert not _logged_in(response)
    pesan = "Kata sandi sementara sudah kedaluwarsa; minta Admin Kepegawaian mengatur ulang."
    assert pesan in response.content.decode()


def test_an_open_session_ends_when_the_temporary_password_expires(client, org):
    password = _reset_by_hr(org, org.rekan)
    _login(client, org.rekan.nip, password)
    type(org.rekan.user).objects.filter(pk=org.rekan.user.pk).update(sandi_sementara_sampai=timezone.now())
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_lifetime_is_configurable(client, org, settings):
    settings.KINERJA = {**settings.KINERJA, "SANDI_SEMENTARA_JAM": 1}
    _reset_by_hr(org, org.rekan)
    org.rekan.user.refresh_from_db()
    assert org.rekan.user.sandi_sementara_sampai < timezone.now() + timedelta(hours=1, minutes=1)


def test_wrong_password_for_an_expired_account_says_nothing_about_expiry(client, org):
    _reset_by_hr(org, org.rekan)
    type(org.rekan.user).objects.filter(pk=org.rekan.user.pk).update(sandi_sementara_sampai=timezone.now())
    response = _login(client, org.rekan.nip, "tebakan-salah")
    assert "kedaluwarsa" not in response.content.decode()


def test_messages_are_stored_server_side():
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.session.SessionStorage"
