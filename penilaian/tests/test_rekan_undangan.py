"""Inviting peers (domain.md §6) and who may open which peer-input page."""
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.tests.factories import PegawaiFactory, login_as
from penilaian.models import UndanganRekan
from penilaian.rekan.services import undangan_rekan_create

from .rekan_factories import peers, penilaian_of, periode_lewat, undang

pytestmark = pytest.mark.django_db


def test_supervisor_invites_three_peers_audited_and_notified(org, django_capture_on_commit_callbacks):
    p = penilaian_of(org.pegawai)
    with mock.patch("penilaian.rekan.services.notify") as notify, django_capture_on_commit_callbacks(execute=True):
        created = undangan_rekan_create(penilaian=p, rekan=peers(org, 3), oleh=org.atasan.user)
    assert len(created) == 3
    assert {c.kwargs["penerima"] for c in notify.call_args_list} == {u.rekan.user for u in created}
    assert AuditLog.objects.filter(aksi="rekan.diundang", object_id=str(p.pk)).exists()


def test_fewer_than_three_is_refused(org):
    p = penilaian_of(org.pegawai)
    with pytest.raises(ValidationError, match="minimal 3"):
        undangan_rekan_create(penilaian=p, rekan=peers(org, 2), oleh=org.atasan.user)
    assert not UndanganRekan.objects.exists()


def test_adding_one_more_to_three_is_fine(org):
    p = penilaian_of(org.pegawai)
    undangan_rekan_create(penilaian=p, rekan=peers(org, 3), oleh=org.atasan.user)
    undangan_rekan_create(penilaian=p, rekan=[org.lain], oleh=org.atasan.user)
    assert p.undangan_rekan.count() == 4


@pytest.mark.parametrize("who,message", [("pegawai", "dirinya sendiri"), ("atasan", "Pejabat penilai"),
                                         ("asing", "bukan pegawai aktif")])
def test_appraisee_penilai_and_other_instansi_cannot_be_peers(org, who, message):
    p = penilaian_of(org.pegawai)
    with pytest.raises(ValidationError, match=message):
        undangan_rekan_create(penilaian=p, rekan=[*peers(org, 3), getattr(org, who)], oleh=org.atasan.user)


def test_any_pegawai_of_the_instansi_may_be_invited_by_nip(client, org):
    p = penilaian_of(org.pegawai)
    a, b = peers(org, 2)
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:rekan-undang", args=[p.pk]),
                    {"rekan": [a.pk, b.pk], "nip_lain": f"{org.lain.nip}"}, follow=True)
    assert "3 rekan kerja diundang" in r.content.decode()
    assert set(p.undangan_rekan.values_list("rekan_id", flat=True)) == {a.pk, b.pk, org.lain.pk}


def test_nip_of_other_instansi_is_rejected_in_the_form(client, org):
    p = penilaian_of(org.pegawai)
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:rekan-undang", args=[p.pk]),
                    {"rekan": [x.pk for x in peers(org, 3)], "nip_lain": org.asing.nip}, follow=True)
    assert "NIP tidak ditemukan di instansi ini" in r.content.decode()
    assert not UndanganRekan.objects.exists()


def test_no_invitation_after_the_deadline(org):
    p = penilaian_of(org.pegawai, periode=periode_lewat(org.instansi))
    with pytest.raises(ValidationError, match="Batas pengisian"):
        undangan_rekan_create(penilaian=p, rekan=peers(org, 3), oleh=org.atasan.user)


@pytest.mark.parametrize("actor,status", [
    ("pegawai", 404),  # the appraisee
    ("atasan", 200),  # supervisor (pejabat penilai)
    ("atasan2", 404),  # supervisor of another unit
    ("lain", 404),  # stranger from another unit
    ("hr", 200),
    ("hr_other", 404),  # HR of another instansi
])
def test_manage_page_permissions(client, org, actor, status):
    p = penilaian_of(org.pegawai)
    login_as(client, org, actor)
    assert client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).status_code == status
    r = client.post(reverse("penilaian:rekan-undang", args=[p.pk]), {"rekan": [x.pk for x in peers(org, 3)]})
    assert r.status_code == (302 if status == 200 else 404)
    assert UndanganRekan.objects.filter(penilaian=p).count() == (3 if status == 200 else 0)


def test_inbox_lists_only_my_invitations(client, org):
    p = penilaian_of(org.pegawai)
    p2 = penilaian_of(org.lain)
    undang(p, [org.rekan])
    undang(p2, [org.atasan2])
    client.force_login(org.rekan.user)
    page = client.get(reverse("penilaian:rekan-inbox")).content.decode()
    assert org.pegawai.nama in page and org.lain.nama not in page


def test_supervisor_list_query_count_is_bounded(client, org, django_assert_max_num_queries):
    for _ in range(6):
        x = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        undang(penilaian_of(x), [org.rekan])
    client.force_login(org.atasan.user)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("penilaian:rekan-daftar")).content.decode()
    assert page.count("btn btn-sm btn-outline-primary") >= 6
