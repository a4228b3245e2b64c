"""Peer input stays anonymous (domain.md §6): no author link, nothing for the appraisee, nothing for
anyone before the one release, one answer per invitation, before the deadline, only when invited,
and no audit line naming the peer."""
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from kinerja.models import AuditLog
from penilaian.models import (
    MasukanRekan,
    MasukanRekanTersegel,
    Penilaian,
    RilisMasukanRekan,
    UndanganRekan,
)
from penilaian.predikat import Rating
from penilaian.rekan.selectors import agregat_masukan
from penilaian.rekan.services import masukan_rekan_release, masukan_rekan_submit

from .rekan_factories import (
    final,
    jawab_semua,
    jawaban,
    masukan,
    peers,
    penilaian_of,
    periode_lewat,
    undang,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [MasukanRekan, MasukanRekanTersegel])
def test_answer_models_have_no_author_no_time_and_a_random_key(model):
    fields = model._meta.get_fields()
    relations = {f.name: f.related_model for f in fields if f.is_relation}
    assert relations == {"penilaian": Penilaian}, "an answer may only point at the evaluation"
    assert not any(isinstance(f, (models.DateField, models.DateTimeField)) for f in fields)
    assert isinstance(model._meta.pk, models.UUIDField)
    # and the invitation does not point at the answer either
    assert all(f.related_model is not model for f in UndanganRekan._meta.get_fields() if f.is_relation)


def test_invitation_records_done_as_a_boolean_without_time():
    f = UndanganRekan._meta.get_field("sudah_menjawab")
    assert isinstance(f, models.BooleanField)
    # the only timestamp is the invitation's own creation, never touched when answering
    dt = [f.name for f in UndanganRekan._meta.get_fields() if isinstance(f, models.DateTimeField)]
    assert dt == ["dibuat_pada"] and UndanganRekan._meta.get_field("dibuat_pada").auto_now is False


def test_pegawai_and_user_have_no_reverse_path_to_answers():
    from pegawai.models import Pegawai, User

    for model in (Pegawai, User):
        assert all(f.related_model not in (MasukanRekan, MasukanRekanTersegel)
                   for f in model._meta.get_fields() if f.is_relation)


def test_an_answer_is_held_sealed_and_the_invitation_marked(org):
    p = penilaian_of(org.pegawai)
    u, _b, _c = undang(p, peers(org, 3))
    masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="Sangat membantu", oleh=org.rekan.user)
    u.refresh_from_db()
    assert u.sudah_menjawab
    assert not MasukanRekan.objects.exists(), "nothing readable before release"
    sealed = MasukanRekanTersegel.objects.get()
    assert b"Sangat membantu" not in bytes(sealed.sandi) and b"SESUAI" not in bytes(sealed.sandi)
    with pytest.raises(ValidationError, match="sudah memberi masukan"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="lagi", oleh=org.rekan.user)
    assert MasukanRekanTersegel.objects.count() == 1


def test_stale_invitation_object_cannot_create_a_second_answer(org):
    """Two submits with the same (unanswered) invitation object: the conditional UPDATE lets one through."""
    p = penilaian_of(org.pegawai)
    u = undang(p, peers(org, 3))[0]
    stale = UndanganRekan.objects.select_related("rekan").get(pk=u.pk)
    masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    with pytest.raises(ValidationError):
        masukan_rekan_submit(undangan=stale, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    assert MasukanRekanTersegel.objects.count() == 1


def test_double_post_through_the_page_creates_one_answer(client, org):
    p = penilaian_of(org.pegawai)
    u = undang(p, peers(org, 3))[0]
    client.force_login(org.rekan.user)
    data = {**jawaban(), "komentar": "ok"}
    client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), data)
    r = client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), data, follow=True)
    assert "Anda sudah memberi masukan" in r.content.decode()
    assert MasukanRekanTersegel.objects.filter(penilaian=p).count() == 1


def test_after_the_deadline_answer_is_refused(org):
    p = penilaian_of(org.pegawai, periode=periode_lewat(org.instansi))
    (u,) = undang(p, [org.rekan])
    with pytest.raises(ValidationError, match="Batas pengisian"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    assert not MasukanRekanTersegel.objects.exists()
    u.refresh_from_db()
    assert not u.sudah_menjawab


def test_after_final_answer_is_refused(org):
    p = final(penilaian_of(org.pegawai))
    (u,) = undang(p, [org.rekan])
    with pytest.raises(ValidationError, match="sudah final"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.rekan.user)


def test_someone_not_invited_cannot_answer(client, org):
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    # the service refuses another user's invitation ...
    with pytest.raises(ValidationError, match="bukan untuk Anda"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.lain.user)
    # ... and the page does not even exist for them
    client.force_login(org.lain.user)
    assert client.get(reverse("penilaian:rekan-jawab", args=[u.pk])).status_code == 404
    assert client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), jawaban()).status_code == 404
    assert not MasukanRekanTersegel.objects.exists()
    u.refresh_from_db()
    assert not u.sudah_menjawab


def test_incomplete_answer_is_refused_with_indonesian_message(client, org):
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    client.force_login(org.rekan.user)
    data = jawaban()
    data.pop("LOYAL")
    r = client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), data)
    assert "Pilih salah satu untuk Loyal" in r.content.decode()
    assert not MasukanRekanTersegel.objects.exists()


def test_no_aggregate_before_release_even_with_three_answers(client, org):
    """4 invited, 3 answered, deadline ahead: nobody sees counts or comments, only how many are done."""
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 4))
    jawab_semua(us[:3], Rating.DI_ATAS, komentar="RAHASIA")
    assert agregat_masukan(p) is None
    for user in (org.atasan.user, org.hr):
        client.force_login(user)
        page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
        assert "RAHASIA" not in page and 'id="agregat-belum"' in page and "rekan kerja menjawab" not in page
        assert "sudah menjawab: 3" in page  # progress for chasing, no content
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert "RAHASIA" not in page and 'id="agregat-belum"' in page


def test_released_comments_and_counts(org):
    p = penilaian_of(org.pegawai)
    masukan(p, 2, Rating.DI_ATAS, komentar="x")
    masukan(p, 1, Rating.DI_BAWAH)
    agg = agregat_masukan(p)
    assert agg.jumlah_jawaban == 3 and len(agg.baris) == 7
    assert agg.baris[0].jumlah == {"DI_ATAS": 2, "DI_BAWAH": 1}
    assert sorted(agg.komentar) == ["x 0", "x 1"]


def test_comments_follow_the_random_ids_not_the_answer_order(org):
    p = penilaian_of(org.pegawai)
    for k in ["Zaman tepat waktu", "Amat teliti", "Mudah diajak kerja sama"]:
        MasukanRekan.objects.create(penilaian=p, jawaban=jawaban(), komentar=k)
    RilisMasukanRekan.objects.create(penilaian=p, jumlah_jawaban=3)
    by_id = list(MasukanRekan.objects.filter(penilaian=p).order_by("id").values_list("komentar", flat=True))
    assert agregat_masukan(p).komentar == by_id


def test_aggregate_identical_before_and_after_any_view_and_late_tries(client, org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 3))
    jawab_semua(us, komentar="komentar")
    masukan_rekan_release(penilaian_id=p.pk)
    first = agregat_masukan(p)
    client.force_login(org.atasan.user)
    views = [client.get(reverse("penilaian:rekan-kelola", args=[p.pk])) for _ in range(2)]
    assert views[0].context["agregat"] == views[1].context["agregat"] == first
    shown = [re.findall(r'class="komentar-rekan">([^<]*)<', v.content.decode()) for v in views]
    assert shown[0] == shown[1] == first.komentar and len(first.komentar) == 3
    with pytest.raises(ValidationError):
        masukan_rekan_submit(undangan=us[0], jawaban=jawaban(Rating.DI_BAWAH), komentar="lagi", oleh=us[0].rekan.user)
    assert agregat_masukan(p) == first


def test_appraisee_never_sees_peer_answers(client, org):
    p = penilaian_of(org.pegawai)
    masukan(p, 3, komentar="KOMENTAR-RAHASIA")
    final(p)
    client.force_login(org.pegawai.user)
    assert client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).status_code == 404
    pages = [
        reverse("penilaian:tanggapan", args=[p.pk]), reverse("penilaian:tanggapan-list"),
        reverse("penilaian:rekan-inbox"), reverse("penilaian:keberatan-list"), reverse("home"),
        reverse("penilaian:evaluasi-detail", args=[p.pk]),
    ]
    for url in pages:
        r = client.get(url, follow=True)
        assert r.status_code == 200, url
        assert "KOMENTAR-RAHASIA" not in r.content.decode(), url
        assert "agregat-rekan" not in r.content.decode(), url


def test_supervisor_cannot_see_who_answered(client, org):
    p = penilaian_of(org.pegawai)
    a, b, c = peers(org, 3)
    us = undang(p, [a, b, c])
    masukan_rekan_submit(undangan=us[0], jawaban=jawaban(), komentar="", oleh=a.user)
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert "sudah menjawab: 1" in page
    assert "Sudah dijawab" not in page  # no per-person status


def test_answering_writes_no_audit_entry(org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 4))
    before = AuditLog.objects.count()
    jawab_semua(us[:3], komentar="k")
    assert AuditLog.objects.count() == before
    peer_users = [u.rekan.user_id for u in us]
    assert not AuditLog.objects.filter(aktor_id__in=peer_users).exists()
    assert not AuditLog.objects.filter(aksi__startswith="rekan.menjawab").exists()


def test_admin_shows_no_author_no_time_and_allows_no_linking(client, org):
    from pegawai.tests.factories import UserFactory

    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 3))
    jawab_semua(us, komentar="catatan admin")
    masukan_rekan_release(penilaian_id=p.pk)
    client.force_login(admin)
    changelist = client.get(reverse("admin:penilaian_masukanrekan_changelist")).content.decode()
    for u in us:
        assert u.rekan.nama not in changelist and u.rekan.nip not in changelist
    assert client.get(reverse("admin:penilaian_masukanrekan_add")).status_code == 403
    obj = MasukanRekan.objects.first()
    change = client.get(reverse("admin:penilaian_masukanrekan_change", args=[obj.pk]))
    assert change.status_code == 200 and org.rekan.nama not in change.content.decode()
    r = client.post(reverse("admin:penilaian_masukanrekan_change", args=[obj.pk]), {"komentar": "diubah"})
    assert r.status_code == 403
    # invitations: who, not who answered; no adding behind the cohort rule
    inv = client.get(reverse("admin:penilaian_undanganrekan_changelist")).content.decode()
    assert "sudah_menjawab" not in inv and "sudah menjawab" not in inv.lower()
    inv_one = client.get(reverse("admin:penilaian_undanganrekan_change", args=[us[0].pk])).content.decode()
    assert "sudah_menjawab" not in inv_one
    assert client.get(reverse("admin:penilaian_undanganrekan_add")).status_code == 403
    # sealed answers are not in the admin at all; the audit log has no line naming a peer
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("admin:penilaian_masukanrekantersegel_changelist")
    audit = client.get(reverse("admin:kinerja_auditlog_changelist")).content.decode()
    for u in us:
        assert u.rekan.user.username not in audit
