"""Joiner–mover–leaver: a deactivated pegawai loses its login, its sessions and every role at once."""
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai import access
from pegawai.models import PenugasanPlt
from pegawai.tests.factories import InstansiFactory, UnitKerjaFactory, hr_user
from pegawai.tests.test_akun_hak import _form_data
from penilaian.tests.factories import PenilaianFactory

pytestmark = pytest.mark.django_db


def _set_aktif(client, p, aktif: bool):
    return client.post(reverse("pegawai:update", args=[p.pk]), _form_data(p, aktif="on" if aktif else None))


def test_deactivating_an_atasan_ends_login_session_and_team(client, org):
    penilaian = PenilaianFactory(skp__pegawai=org.pegawai)
    url = reverse("penilaian:evaluasi-detail", args=[penilaian.pk])
    atasan_client = Client()
    atasan_client.force_login(org.atasan.user)
    assert atasan_client.get(url).status_code == 200

    client.force_login(org.hr)
    assert _set_aktif(client, org.atasan, False).status_code == 302

    org.atasan.user.refresh_from_db()
    assert not org.atasan.user.is_active
    # The open session is gone: the next request is anonymous and goes to the login page.
    response = atasan_client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not response.wsgi_request.user.is_authenticated
    # The password no longer logs in.
    assert not Client().login(username=org.atasan.nip, password="rahasia123")
    assert AuditLog.objects.filter(aksi="pegawai.account_deactivated", object_id=str(org.atasan.pk)).exists()


def test_an_inactive_pegawai_has_no_role_even_with_a_live_user(org):
    """Defence in depth: access checks need an active pegawai, whatever the User row says."""
    penilaian = PenilaianFactory(skp__pegawai=org.pegawai)
    org.atasan.aktif = False
    org.atasan.save()
    user = type(org.atasan.user).objects.get(pk=org.atasan.user.pk)  # fresh: no cached roles
    r = access.peran(user)
    assert (r.pegawai, r.is_atasan) == (None, False)
    assert not access.bawahan_of(org.atasan).exists()
    from penilaian.access import penilaian_visible_to, skp_to_approve

    assert not penilaian_visible_to(user).filter(pk=penilaian.pk).exists()
    assert not skp_to_approve(user).exists()


def test_hr_linked_to_an_inactive_pegawai_is_no_longer_hr(org):
    from pegawai.tests.factories import PegawaiFactory

    p = PegawaiFactory(unit_kerja=org.seksi, aktif=False)
    user = hr_user(org.instansi, username="hr-pensiun")
    p.user = user
    p.save()
    assert not access.peran(user).is_hr
    assert not access.pegawai_managed_by(user).exists()


def test_inactive_plt_appraises_no_one(org):
    PenugasanPlt.objects.create(pegawai=org.lain, unit_kerja=org.seksi, tanggal_mulai=date(2020, 1, 1))
    assert org.lain.pk in access.penilai_ids(org.pegawai)
    assert access.bawahan_of(org.lain).filter(pk=org.pegawai.pk).exists()
    org.lain.aktif = False
    org.lain.save()
    assert org.lain.pk not in access.penilai_ids(org.pegawai)
    assert not access.bawahan_of(org.lain).exists()


def test_an_inactive_atasan_is_not_counted_as_penilai(org):
    org.atasan.aktif = False
    org.atasan.save()
    org.pegawai.refresh_from_db()
    assert org.atasan.pk not in access.penilai_ids(org.pegawai)


def test_atasan_moved_to_another_instansi_no_longer_sees_the_old_team(client, org):
    penilaian = PenilaianFactory(skp__pegawai=org.pegawai)
    org.atasan.unit_kerja = UnitKerjaFactory(instansi=InstansiFactory())
    org.atasan.save()
    client.force_login(org.atasan.user)
    assert client.get(reverse("penilaian:evaluasi-detail", args=[penilaian.pk])).status_code == 404


def test_reactivation_restores_login_but_not_the_old_sessions(client, org):
    old = Client()
    old.force_login(org.rekan.user)
    client.force_login(org.hr)
    _set_aktif(client, org.rekan, False)
    org.rekan.refresh_from_db()
    assert _set_aktif(client, org.rekan, True).status_code == 302

    org.rekan.user.refresh_from_db()
    assert org.rekan.user.is_active
    assert old.get(reverse("home")).status_code == 302  # the session ended at deactivation stays ended
    fresh = Client()
    assert fresh.login(username=org.rekan.nip, password="rahasia123")
    assert fresh.get(reverse("home")).status_code == 200
    assert AuditLog.objects.filter(aksi="pegawai.account_reactivated", object_id=str(org.rekan.pk)).exists()


def test_hr_cannot_reset_the_password_of_an_inactive_pegawai(client, org):
    org.rekan.aktif = False
    org.rekan.save()
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:akun", args=[org.rekan.pk]), follow=True)
    assert "nonaktif" in response.content.decode()
    assert 'id="nilai-sandi-sementara"' not in response.content.decode()


def test_deactivating_in_django_admin_also_ends_the_login(rf, org):
    from types import SimpleNamespace

    from django.contrib import admin

    from pegawai.models import Pegawai
    from pegawai.tests.factories import UserFactory

    request = rf.post("/")
    request.user = UserFactory(username="root", is_superuser=True, is_staff=True)
    org.rekan.aktif = False
    admin.site._registry[Pegawai].save_model(request, org.rekan, SimpleNamespace(initial={"aktif": True}), True)
    org.rekan.user.refresh_from_db()
    assert not org.rekan.user.is_active and org.rekan.user.sesi_versi == 1


def test_hr_is_told_the_team_of_a_deactivated_atasan_needs_a_new_one(client, org):
    client.force_login(org.hr)
    url = reverse("pegawai:update", args=[org.atasan.pk])
    response = client.post(url, _form_data(org.atasan, aktif=None), follow=True)
    body = response.content.decode()
    assert "2 pegawai masih tercatat dengan atasan" in body
    assert 'id="tombol-akun"' not in body  # no reset for an inactive pegawai
