"""Edits in Django admin reach the summary rows at the next HR read, as the services' writes do (not only
at the nightly rebuild): an evaluation's status, a pegawai's unit, a deleted evaluation, a deleted periode."""
import pytest
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory, UserFactory
from penilaian.evaluasi.services import penilaian_open
from penilaian.models import Penilaian, Periode, RingkasanPenuh
from penilaian.tests.test_ringkasan import TAHUN, _hari_ini, _skp, assert_sama, periodes  # noqa: F401 (fixtures)
from tests.html_form import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _simpan(client, model: str, pk: int, **ubah):
    """Open the admin change form, change the given fields, save it as the browser would."""
    url = reverse(f"admin:{model}_change", args=[pk])
    data = form_values(client.get(url).content.decode(), f"{model.split('_', 1)[1]}_form")
    data.update({k: str(v) for k, v in ubah.items()})
    r = client.post(url, data)
    assert r.status_code == 302, r.content.decode()[:2000]


def test_admin_edits_reach_the_summary_rows(admin, org, periodes):  # noqa: F811 (fixture)
    q3 = periodes["Triwulan III"]
    skp = {pg.pk: _skp(pg) for pg in [org.pegawai, org.rekan, org.lain]}
    p = {pk: penilaian_open(skp=s, periode=q3, oleh=None) for pk, s in skp.items()}
    pindah = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
    _skp(pindah)  # factories write directly: created before the first read builds the year
    assert_sama(org)  # built and clean

    _simpan(admin, "penilaian_penilaian", p[org.pegawai.pk].pk, status=Penilaian.Status.DIAJUKAN)
    assert Penilaian.objects.get(pk=p[org.pegawai.pk].pk).status == Penilaian.Status.DIAJUKAN
    assert_sama(org)

    _simpan(admin, "pegawai_pegawai", pindah.pk, unit_kerja=org.seksi2.pk)
    assert_sama(org)  # counted in S2 now, gone from S1

    r = admin.post(reverse("admin:penilaian_penilaian_delete", args=[p[org.lain.pk].pk]), {"post": "yes"})
    assert r.status_code == 302 and not Penilaian.objects.filter(pk=p[org.lain.pk].pk).exists()
    assert_sama(org)

    assert RingkasanPenuh.objects.filter(instansi=org.instansi, tahun=TAHUN).exists()
    admin.post(reverse("admin:penilaian_periode_changelist"), {
        "action": "delete_selected", "_selected_action": [periodes["Akhir"].pk], "post": "yes"})
    assert not Periode.objects.filter(pk=periodes["Akhir"].pk).exists()
    assert not RingkasanPenuh.objects.filter(instansi=org.instansi, tahun=TAHUN).exists()  # the year is rebuilt
    assert_sama(org)
