"""HR assigns acting officials (Plt/Plh); the acting head then appraises the unit's staff (domain.md §7.5)."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pegawai import access
from pegawai.models import PenugasanPlt

pytestmark = pytest.mark.django_db


def _post(client, org, **overrides):
    today = timezone.localdate()
    data = {"nip": org.rekan.nip, "unit_kerja": org.seksi.pk, "jenis": "PLT", "tanggal_mulai": today.isoformat(),
            "tanggal_selesai": "", "nomor_sk": "800/12/BKPSDM/2026", **overrides}
    return client.post(reverse("pegawai:plt-list"), data)


def test_hr_assigns_plt_and_the_acting_head_appraises_the_unit(client, org):
    client.force_login(org.hr)
    response = _post(client, org)
    assert response.status_code == 302
    assert PenugasanPlt.objects.filter(pegawai=org.rekan, unit_kerja=org.seksi).exists()
    # The Plt stands in for the kepala seksi: the kepala's subordinates become visible to them.
    assert org.pegawai in access.bawahan_of(org.rekan)


def test_overlapping_assignment_for_the_same_unit_is_refused(client, org):
    client.force_login(org.hr)
    _post(client, org)
    response = _post(client, org, nip=org.pegawai.nip)
    assert response.status_code == 200
    assert "sudah memiliki Plt/Plh" in response.content.decode()
    assert PenugasanPlt.objects.count() == 1


@pytest.mark.parametrize("overrides, message", [
    ({"nip": "199001012015031999"}, "tidak ditemukan"),
    ({"tanggal_selesai": (timezone.localdate() - timedelta(days=3)).isoformat()}, "tidak boleh sebelum"),
])
def test_bad_input_is_refused_with_a_message(client, org, overrides, message):
    client.force_login(org.hr)
    response = _post(client, org, **overrides)
    assert message in response.content.decode()
    assert not PenugasanPlt.objects.exists()


def test_ending_an_assignment_closes_it_today(client, org):
    client.force_login(org.hr)
    _post(client, org, tanggal_mulai=(timezone.localdate() - timedelta(days=5)).isoformat())
    penugasan = PenugasanPlt.objects.get()
    client.post(reverse("pegawai:plt-end", args=[penugasan.pk]))
    penugasan.refresh_from_db()
    assert penugasan.tanggal_selesai == timezone.localdate()


@pytest.mark.parametrize("actor", ["pegawai", "atasan"])
def test_only_hr_manages_plt(client, org, actor):
    client.force_login(getattr(org, actor).user)
    assert client.get(reverse("pegawai:plt-list")).status_code == 403


def test_hr_of_another_instansi_cannot_end_it(client, org):
    penugasan = PenugasanPlt.objects.create(pegawai=org.rekan, unit_kerja=org.seksi, tanggal_mulai=timezone.localdate())
    client.force_login(org.hr_other)
    assert client.post(reverse("pegawai:plt-end", args=[penugasan.pk])).status_code == 404
