"""HR provisions logins: a pegawai logs in with the NIP and a temporary password shown once."""
import re

import pytest
from django.contrib.auth import authenticate as _authenticate
from django.http import HttpRequest
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


def authenticate(**credentials):
    # django-axes throttles by request; outside a view a bare request stands in for it.
    return _authenticate(HttpRequest(), **credentials)


def _temp_password(response) -> str:
    """The temporary password is rendered once in the page body, never in a (cookie) message."""
    return re.search(r'id="nilai-sandi-sementara">(\S+)</code>', response.content.decode()).group(1)


def test_hr_creates_account_and_pegawai_logs_in_with_nip(client, org):
    baru = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, user=None)
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:akun", args=[baru.pk]), follow=True)
    baru.refresh_from_db()
    assert baru.user.username == baru.nip
    assert authenticate(username=baru.nip, password=_temp_password(response)) == baru.user
    assert AuditLog.objects.filter(aksi="pegawai.account_created", object_id=str(baru.pk)).exists()


def test_reset_replaces_the_old_password(client, org):
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:akun", args=[org.pegawai.pk]), follow=True)
    assert authenticate(username=org.pegawai.nip, password="rahasia123") is None
    assert authenticate(username=org.pegawai.nip, password=_temp_password(response)) is not None


@pytest.mark.parametrize("actor", ["pegawai", "atasan"])
def test_non_hr_cannot_provision(client, org, actor):
    client.force_login(getattr(org, actor).user)
    assert client.post(reverse("pegawai:akun", args=[org.rekan.pk])).status_code == 403
    assert authenticate(username=org.rekan.nip, password="rahasia123") is not None


def test_hr_of_other_instansi_gets_404(client, org):
    client.force_login(org.hr_other)
    assert client.post(reverse("pegawai:akun", args=[org.pegawai.pk])).status_code == 404


def test_username_taken_by_another_account_is_refused(client, org):
    from pegawai.tests.factories import UserFactory

    baru = PegawaiFactory(unit_kerja=org.seksi, user=None)
    UserFactory(username=baru.nip)
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:akun", args=[baru.pk]), follow=True)
    baru.refresh_from_db()
    assert baru.user_id is None
    assert "sudah dipakai" in response.content.decode()


def test_temporary_password_is_shown_once_and_never_in_a_cookie(client, org):
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:akun", args=[org.pegawai.pk]), follow=True)
    password = _temp_password(response)
    assert all(password not in c.value for c in client.cookies.values())
    assert "no-store" in response["Cache-Control"]
    again = client.get(reverse("pegawai:detail", args=[org.pegawai.pk]))
    assert password not in again.content.decode()
