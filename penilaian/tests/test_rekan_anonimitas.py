"""Peer input stays anonymous (domain.md §6): no author link, nothing for the appraisee, nothing for
the supervisor below 3 answers, one answer per invitation, before the deadline, only when invited."""
import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from penilaian.models import MasukanRekan, UndanganRekan
from penilaian.predikat import Rating
from penilaian.rekan.selectors import agregat_masukan
from penilaian.rekan.services import masukan_rekan_submit

from .rekan_factories import (
    final,
    jawaban,
    masukan,
    peers,
    penilaian_of,
    periode_lewat,
    undang,
)

pytestmark = pytest.mark.django_db


def test_answer_model_has_no_author_no_time_and_a_random_key():
    fields = MasukanRekan._meta.get_fields()
    relations = {f.name: f.related_model for f in fields if f.is_relation}
    from penilaian.models import Penilaian

    assert relations == {"penilaian": Penilaian}, "an answer may only point at the evaluation"
    assert not any(isinstance(f, (models.DateField, models.DateTimeField)) for f in fields)
    assert isinstance(MasukanRekan._meta.pk, models.UUIDField)
    # and the invitation does not point at the answer either
    assert all(f.related_model is not MasukanRekan for f in UndanganRekan._meta.get_fields() if f.is_relation)


def test_pegawai_and_user_have_no_reverse_path_to_answers():
    from pegawai.models import Pegawai, User

    for model in (Pegawai, User):
        assert all(f.related_model is not MasukanRekan for f in model._meta.get_fields() if f.is_relation)


def test_peer_answers_once_and_invitation_is_marked(org):
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="Sangat membantu", oleh=org.rekan.user)
    u.refresh_from_db()
    assert u.sudah_menjawab and MasukanRekan.objects.filter(penilaian=p).count() == 1
    with pytest.raises(ValidationError, match="sudah memberi masukan"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="lagi", oleh=org.rekan.user)
    assert MasukanRekan.objects.filter(penilaian=p).count() == 1


def test_stale_invitation_object_cannot_create_a_second_answer(org):
    """Two submits racing with the same (unanswered) invitation object: the conditional UPDATE lets one through."""
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    stale = UndanganRekan.objects.get(pk=u.pk)
    masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    with pytest.raises(ValidationError):
        masukan_rekan_submit(undangan=stale, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    assert MasukanRekan.objects.count() == 1


def test_double_post_through_the_page_creates_one_answer(client, org):
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    client.force_login(org.rekan.user)
    data = {**jawaban(), "komentar": "ok"}
    client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), data)
    client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), data)
    assert MasukanRekan.objects.filter(penilaian=p).count() == 1


def test_after_the_deadline_answer_is_refused(org):
    p = penilaian_of(org.pegawai, periode=periode_lewat(org.instansi))
    (u,) = undang(p, [org.rekan])
    with pytest.raises(ValidationError, match="Batas pengisian"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    assert not MasukanRekan.objects.exists()
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
    with pytest.raises(ValidationError):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.lain.user)
    # ... and the page does not even exist for them
    client.force_login(org.lain.user)
    assert client.get(reverse("penilaian:rekan-jawab", args=[u.pk])).status_code == 404
    assert client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), jawaban()).status_code == 404
    assert not MasukanRekan.objects.exists()


def test_incomplete_answer_is_refused_with_indonesian_message(client, org):
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    client.force_login(org.rekan.user)
    data = jawaban()
    data.pop("LOYAL")
    r = client.post(reverse("penilaian:rekan-jawab", args=[u.pk]), data)
    assert "Pilih salah satu untuk Loyal" in r.content.decode()
    assert not MasukanRekan.objects.exists()


def test_aggregate_only_from_three_answers(org):
    p = penilaian_of(org.pegawai)
    masukan(p, 2, Rating.DI_ATAS, komentar="x")
    assert agregat_masukan(p) is None
    masukan(p, 1, Rating.DI_BAWAH)
    agg = agregat_masukan(p)
    assert agg.jumlah_jawaban == 3
    first = agg.baris[0]
    assert first.jumlah == {"DI_ATAS": 2, "DI_BAWAH": 1} and len(agg.baris) == 7


def test_comments_are_in_text_order_not_answer_order(org):
    p = penilaian_of(org.pegawai)
    for k in ["Zaman tepat waktu", "Amat teliti", "Mudah diajak kerja sama"]:
        MasukanRekan.objects.create(penilaian=p, jawaban=jawaban(), komentar=k)
    assert agregat_masukan(p).komentar == ["Amat teliti", "Mudah diajak kerja sama", "Zaman tepat waktu"]


def test_supervisor_page_shows_nothing_below_three_and_aggregate_from_three(client, org):
    p = penilaian_of(org.pegawai)
    MasukanRekan.objects.create(penilaian=p, jawaban=jawaban(), komentar="RAHASIA-SATU")
    MasukanRekan.objects.create(penilaian=p, jawaban=jawaban(), komentar="RAHASIA-DUA")
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert "RAHASIA" not in page and 'id="agregat-belum"' in page
    MasukanRekan.objects.create(penilaian=p, jawaban=jawaban(), komentar="RAHASIA-TIGA")
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert "RAHASIA-SATU" in page and "RAHASIA-TIGA" in page and "3 rekan kerja menjawab" in page


def test_appraisee_never_sees_peer_answers(client, org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 3))
    for u in us:
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar=f"KOMENTAR-RAHASIA {u.pk}", oleh=u.rekan.user)
    final(p)
    client.force_login(org.pegawai.user)
    assert client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).status_code == 404
    pages = [
        reverse("penilaian:tanggapan", args=[p.pk]), reverse("penilaian:tanggapan-list"),
        reverse("penilaian:rekan-inbox"), reverse("penilaian:keberatan-list"), reverse("home"),
    ]
    for url in pages:
        r = client.get(url, follow=True)
        assert r.status_code == 200, url
        assert "KOMENTAR-RAHASIA" not in r.content.decode(), url
        assert "agregat-rekan" not in r.content.decode(), url


def test_invitees_see_who_to_review_but_supervisor_cannot_see_who_answered(client, org):
    p = penilaian_of(org.pegawai)
    a, b, c = peers(org, 3)
    us = undang(p, [a, b, c])
    masukan_rekan_submit(undangan=us[0], jawaban=jawaban(), komentar="", oleh=a.user)
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert "sudah menjawab: 1" in page
    assert "Sudah dijawab" not in page  # no per-person status


def test_audit_of_an_answer_does_not_reference_the_answer(org):
    from kinerja.models import AuditLog

    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="", oleh=org.rekan.user)
    answer_id = str(MasukanRekan.objects.get().pk)
    assert not AuditLog.objects.filter(object_id=answer_id).exists()
    assert all(answer_id not in str(a.data) for a in AuditLog.objects.all())


def test_admin_shows_no_author_and_allows_no_linking(client, org):
    from pegawai.tests.factories import UserFactory

    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    p = penilaian_of(org.pegawai)
    (u,) = undang(p, [org.rekan])
    masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="catatan admin", oleh=org.rekan.user)
    client.force_login(admin)
    changelist = client.get(reverse("admin:penilaian_masukanrekan_changelist")).content.decode()
    assert org.rekan.nama not in changelist and org.rekan.nip not in changelist
    assert client.get(reverse("admin:penilaian_masukanrekan_add")).status_code == 403
    obj = MasukanRekan.objects.get()
    change = client.get(reverse("admin:penilaian_masukanrekan_change", args=[obj.pk]))
    assert change.status_code == 200 and org.rekan.nama not in change.content.decode()
    r = client.post(reverse("admin:penilaian_masukanrekan_change", args=[obj.pk]), {"komentar": "diubah"})
    assert r.status_code == 403
