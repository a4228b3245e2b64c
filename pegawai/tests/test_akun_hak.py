"""Who may reset, rename, deactivate and unlock which account (issue 12: HR must not take over an admin).

Every (actor × target × action): superuser, HR, HR of another instansi, pegawai × superuser, staff, HR
user, ordinary pegawai × reset password, rename (NIP change), deactivate, unlock.
"""
import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core import mail
from django.http import HttpRequest
from django.urls import reverse

from kinerja.models import AuditLog
from notifikasi.models import Notifikasi
from pegawai.tests.factories import PegawaiFactory, UserFactory, login_as, make_nip

pytestmark = pytest.mark.django_db

ACTORS = ["admin", "hr", "hr_other", "pegawai"]
TARGETS = ["superuser", "staff", "hr_user", "biasa"]
ACTIONS = ["reset", "rename", "deactivate", "unlock"]
AUDIT = {"reset": "pegawai.password_reset", "deactivate": "pegawai.account_deactivated",
         "unlock": "pegawai.account_unlocked", "rename": "pegawai.updated"}


def _target(org, kind):
    """A pegawai of org's instansi whose login has the given rights (password rahasia123)."""
    if kind == "biasa":
        return org.rekan
    p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
    user = p.user
    if kind == "superuser":
        user.is_superuser = user.is_staff = True
    elif kind == "staff":
        user.is_staff = True
    else:
        user.instansi = org.instansi
        user.groups.add(Group.objects.get_or_create(name="HR")[0])
    user.save()
    return p


def _form_data(p, **changes):
    data = {
        "nip": p.nip, "gelar_depan": p.gelar_depan, "nama": p.nama, "gelar_belakang": p.gelar_belakang,
        "status": p.status, "jenis_kelamin": "", "tanggal_lahir": "", "golongan": p.golongan_id or "",
        "jabatan": p.jabatan_id or "", "unit_kerja": p.unit_kerja_id, "email": p.email, "aktif": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _act(client, p, action):
    if action == "reset":
        return client.post(reverse("pegawai:akun", args=[p.pk]))
    if action == "unlock":
        AccessAttempt.objects.create(username=p.user.username, ip_address="10.1.2.3", user_agent="x", http_accept="x",
                                     path_info="/masuk/", get_data="", post_data="", failures_since_start=5)
        return client.post(reverse("pegawai:akun-buka-kunci", args=[p.pk]))
    changes = {"nip": make_nip()} if action == "rename" else {"aktif": None}
    return client.post(reverse("pegawai:update", args=[p.pk]), _form_data(p, **changes))


def _expected(actor, target):
    if actor == "admin":
        return 302
    if actor == "hr_other":
        return 404
    if actor == "pegawai":
        return 403
    return 302 if target == "biasa" else 403


def _changed(p, action, old_username) -> bool:
    p.refresh_from_db()
    user = p.user
    user.refresh_from_db()
    if action == "reset":
        return authenticate(HttpRequest(), username=user.username, password="rahasia123") is None
    if action == "rename":
        return user.username != old_username and user.username == p.nip
    if action == "deactivate":
        return not user.is_active and not p.aktif
    return not AccessAttempt.objects.filter(username=user.username).exists()


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("actor", ACTORS)
def test_account_action_matrix(client, org, actor, target, action):
    p = _target(org, target)
    old_username = p.user.username
    login_as(client, org, actor)
    response = _act(client, p, action)
    expected = _expected(actor, target)
    assert response.status_code == expected
    audited = AuditLog.objects.filter(aksi=AUDIT[action], object_id=str(p.pk)).exists()
    if expected == 302:
        assert _changed(p, action, old_username)
        assert audited
    else:
        assert not _changed(p, action, old_username)
        assert not audited


def test_hr_is_told_why_and_the_buttons_are_gone(client, org):
    p = _target(org, "superuser")
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:akun", args=[p.pk]))
    assert "hanya superuser" in response.content.decode()
    detail = client.get(reverse("pegawai:detail", args=[p.pk])).content.decode()
    assert 'id="akun-khusus"' in detail and 'id="tombol-akun"' not in detail


def test_hr_renaming_an_admin_is_refused_on_the_form_and_nothing_changes(client, org):
    p = _target(org, "hr_user")
    nip_lama = p.nip
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:update", args=[p.pk]), _form_data(p, nip=make_nip(), nama="Nama Baru"))
    assert response.status_code == 403
    assert "hanya superuser" in response.content.decode()
    p.refresh_from_db()
    assert (p.nip, p.nama, p.user.username) == (nip_lama, p.nama, nip_lama)
    assert p.nama != "Nama Baru"


def test_hr_may_still_edit_other_data_of_an_hr_colleague(client, org):
    p = _target(org, "hr_user")
    client.force_login(org.hr)
    response = client.post(reverse("pegawai:update", args=[p.pk]), _form_data(p, nama="Nama Baru"))
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.nama == "Nama Baru"


def test_owner_is_notified_in_app_and_by_email_without_the_password(client, org, django_capture_on_commit_callbacks):
    org.rekan.email = "rekan@example.go.id"
    org.rekan.save()
    client.force_login(org.hr)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pegawai:akun", args=[org.rekan.pk]), follow=True)
    password = response.content.decode().split('id="nilai-sandi-sementara">')[1].split("<")[0]
    notif = Notifikasi.objects.get(penerima=org.rekan.user)
    assert notif.judul == "Kata sandi Kinerja diatur ulang"
    assert [m.to for m in mail.outbox] == [["rekan@example.go.id"]]
    assert password not in mail.outbox[0].body and password not in notif.pesan


def test_superuser_may_reset_an_hr_account(client, org):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    p = _target(org, "hr_user")
    client.force_login(admin)
    response = client.post(reverse("pegawai:akun", args=[p.pk]), follow=True)
    assert 'id="nilai-sandi-sementara"' in response.content.decode()
