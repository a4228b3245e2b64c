"""seed_demo: builds a usable demo organisation, is idempotent and prints the demo logins."""
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pegawai.models import Instansi, Pegawai, RiwayatAtasan, UnitKerja, User
from pegawai.nip import parse_nip

pytestmark = pytest.mark.django_db


def seed(*args):
    out = StringIO()
    call_command("seed_demo", "--pegawai", "60", "--tanpa-fitur", *args, stdout=out)
    return out.getvalue()


def logins(output):
    return dict(re.findall(r"^(admin|hr|atasan|pegawai|password) (\S+)$", output, re.MULTILINE))


def test_seed_prints_one_line_per_role_and_the_password():
    found = logins(seed())
    assert list(found) == ["admin", "hr", "atasan", "pegawai", "password"]
    assert found["admin"] == "admin" and found["hr"] == "hr" and found["password"] == "kinerja123"
    parse_nip(found["atasan"]), parse_nip(found["pegawai"])  # pegawai log in with their NIP


def test_seed_builds_the_requested_number_of_valid_pegawai_in_a_tree():
    seed()
    instansi = Instansi.objects.get()
    pegawai = Pegawai.objects.filter(unit_kerja__instansi=instansi)
    assert pegawai.count() == 60
    for nip, status in pegawai.values_list("nip", "status"):
        assert (parse_nip(nip).jenis == "PPPK") == (status == "PPPK")
    assert pegawai.filter(atasan__isnull=True).count() == 1  # only the Sekretaris Daerah
    assert not UnitKerja.objects.filter(kepala__isnull=True).exists()
    assert RiwayatAtasan.objects.count() == 59
    assert User.objects.filter(pegawai__isnull=False).count() == 60


def test_seed_is_idempotent():
    first = logins(seed())
    counts = (Pegawai.objects.count(), UnitKerja.objects.count(), User.objects.count())
    second = seed()
    assert logins(second) == first
    assert (Pegawai.objects.count(), UnitKerja.objects.count(), User.objects.count()) == counts
    assert "sudah ada" in second


def test_seed_password_option_and_every_demo_login_works(client):
    found = logins(seed("--password", "rahasia-demo"))
    assert found["password"] == "rahasia-demo"
    landing = {"admin": "beranda-hr", "hr": "beranda-hr", "atasan": "beranda-atasan", "pegawai": "beranda-pegawai"}
    for role, section in landing.items():
        assert client.login(username=found[role], password="rahasia-demo"), role
        assert f'id="{section}"' in client.get(reverse("home")).content.decode(), role
        client.logout()
    client.login(username=found["atasan"], password="rahasia-demo")
    assert found["pegawai"] in client.get(reverse("pegawai:tim-saya")).content.decode()
    client.logout()
    client.login(username="hr", password="rahasia-demo")
    assert 'id="jumlah-aktif">60<' in client.get(reverse("pegawai:hr-home")).content.decode()


def test_seed_fails_loudly_when_a_demo_step_cannot_be_imported(monkeypatch):
    from pegawai.management.commands import seed_demo

    monkeypatch.setattr(seed_demo, "STEPS", [*seed_demo.STEPS, "penilaian.tidak_ada.demo"])
    with pytest.raises(ModuleNotFoundError, match="penilaian.tidak_ada"):
        call_command("seed_demo", "--pegawai", "30", stdout=StringIO())
