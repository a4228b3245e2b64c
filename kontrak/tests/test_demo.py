"""seed_demo shows a PPPK Paruh Waktu with its contract and an SKP inside it, quarterly evaluations, and a
contract ending soon on HR's list; running it twice changes nothing (domain.md §11.1)."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kontrak.models import PerjanjianKerja
from pegawai.models import Pegawai
from pegawai.tests.factories import UserFactory
from penilaian.models import Penilaian, Periode, Skp

pytestmark = pytest.mark.django_db


def test_seed_demo_perjanjian_kerja(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    n = PerjanjianKerja.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert PerjanjianKerja.objects.count() == n
    pw = Pegawai.objects.filter(status=Pegawai.Status.PPPK_PW, perjanjian_kerja__isnull=False).distinct().get()
    kontrak = PerjanjianKerja.objects.filter(pegawai=pw).order_by("tanggal_mulai")
    assert [k.jenis for k in kontrak] == ["AWAL", "PERPANJANGAN"]
    skp = Skp.objects.filter(pegawai=pw, tahun=kontrak.last().tanggal_mulai.year).get()
    assert kontrak.last().tanggal_mulai <= skp.tanggal_mulai and skp.tanggal_selesai <= kontrak.last().tanggal_selesai
    assert Penilaian.objects.filter(skp=skp, periode__jenis=Periode.Jenis.TRIWULANAN).exists()
    hari_ini = timezone.localdate()
    assert PerjanjianKerja.objects.filter(tanggal_selesai__range=(hari_ini, hari_ini + timedelta(days=90))).exists()
    client.force_login(UserFactory(username="hr"))
    r = client.get(reverse("kontrak:berakhir"))
    assert r.status_code == 200 and r.context["rows"]
