"""The one release of a cohort's peer input (domain.md §6): when, how much, in what order, and what
can no longer happen after it (late invitations, late answers)."""
import threading
import uuid
from unittest import mock

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.tests.factories import PegawaiFactory
from penilaian.models import (
    MasukanRekan,
    MasukanRekanTersegel,
    RilisMasukanRekan,
    UndanganRekan,
)
from penilaian.predikat import Rating
from penilaian.rekan import segel
from penilaian.rekan.selectors import agregat_masukan
from penilaian.rekan.services import (
    masukan_rekan_release,
    masukan_rekan_release_due,
    masukan_rekan_submit,
    undangan_rekan_create,
)
from penilaian.tasks import release_due_masukan_rekan_task

from .rekan_factories import (
    jawab_semua,
    jawaban,
    peers,
    penilaian_of,
    periode_lewat,
    undang,
)

pytestmark = pytest.mark.django_db
ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _set_deadline_passed(p):
    from datetime import timedelta

    from django.utils import timezone

    periode = p.periode
    periode.batas_pengisian = timezone.localdate() - timedelta(days=1)
    periode.tanggal_mulai = periode.batas_pengisian - timedelta(days=30)
    periode.tanggal_selesai = periode.tanggal_mulai + timedelta(days=10)
    periode.save()


# ---------------------------------------------------------------- the cohort is fixed at the first answer

def test_late_invitation_refused_after_the_first_answer(org):
    p = penilaian_of(org.pegawai)
    us = undangan_rekan_create(penilaian=p, rekan=peers(org, 3), oleh=org.atasan.user)
    masukan_rekan_submit(undangan=us[0], jawaban=jawaban(), komentar="", oleh=us[0].rekan.user)
    with pytest.raises(ValidationError, match="daftar rekan dikunci"):
        undangan_rekan_create(penilaian=p, rekan=[org.lain], oleh=org.atasan.user)
    assert p.undangan_rekan.count() == 3


def test_kelola_page_says_the_cohort_is_locked_and_refuses_a_post(client, org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 3))
    masukan_rekan_submit(undangan=us[0], jawaban=jawaban(), komentar="", oleh=us[0].rekan.user)
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert 'id="kohort-terkunci"' in page and 'id="tombol-undang"' not in page
    r = client.post(reverse("penilaian:rekan-undang", args=[p.pk]), {"nip_lain": org.lain.nip}, follow=True)
    assert "daftar rekan dikunci" in r.content.decode()
    assert not UndanganRekan.objects.filter(rekan=org.lain).exists()


def test_inviting_more_before_any_answer_is_fine(org):
    p = penilaian_of(org.pegawai)
    undangan_rekan_create(penilaian=p, rekan=peers(org, 3), oleh=org.atasan.user)
    undangan_rekan_create(penilaian=p, rekan=[org.lain], oleh=org.atasan.user)
    assert p.undangan_rekan.count() == 4


def test_hr_cannot_invite_themselves(org):
    p = penilaian_of(org.pegawai)
    me = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, user=org.hr)  # an HR officer is a pegawai too
    with pytest.raises(ValidationError, match="diri sendiri"):
        undangan_rekan_create(penilaian=p, rekan=[*peers(org, 3), me], oleh=org.hr)


# ---------------------------------------------------------------- when the release happens

def test_complete_cohort_is_released_by_the_task_queued_with_the_last_answer(org, django_capture_on_commit_callbacks):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 3))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        jawab_semua(us[:2], komentar="awal")
    assert not callbacks and agregat_masukan(p) is None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        jawab_semua(us[2:], komentar="akhir")
    assert len(callbacks) == 1
    rilis = RilisMasukanRekan.objects.get(penilaian=p)
    assert rilis.jumlah_jawaban == 3 and not MasukanRekanTersegel.objects.exists()
    assert sorted(agregat_masukan(p).komentar) == ["akhir 0", "awal 0", "awal 1"]
    entry = AuditLog.objects.get(aksi="rekan.dirilis")
    assert entry.aktor is None and entry.data == {"jawaban": 3}  # unattributed "cohort complete" event


def test_release_after_the_deadline_by_the_periodic_task(org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 4))
    jawab_semua(us[:3], Rating.DI_ATAS)
    assert release_due_masukan_rekan_task() == 0  # deadline ahead, one invitee still open
    _set_deadline_passed(p)
    assert release_due_masukan_rekan_task() == 1
    assert release_due_masukan_rekan_task() == 0  # idempotent
    assert masukan_rekan_release(penilaian_id=p.pk) is False
    assert agregat_masukan(p).jumlah_jawaban == 3 and MasukanRekan.objects.count() == 3


def test_a_due_cohort_is_released_when_its_page_is_opened(client, org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 4))
    jawab_semua(us[:3], komentar="terlambat dibuka")
    _set_deadline_passed(p)
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert "3 rekan kerja menjawab" in page and "terlambat dibuka 1" in page


def test_fewer_than_three_answers_are_destroyed_unread(client, org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 4))
    jawab_semua(us[:2], komentar="TIDAK-PERNAH-TERLIHAT")
    _set_deadline_passed(p)
    assert masukan_rekan_release_due() == 1
    assert RilisMasukanRekan.objects.get(penilaian=p).jumlah_jawaban == 0
    assert not MasukanRekan.objects.exists() and not MasukanRekanTersegel.objects.exists()
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:rekan-kelola", args=[p.pk])).content.decode()
    assert "TIDAK-PERNAH-TERLIHAT" not in page and 'id="agregat-belum"' not in page
    assert 'id="agregat-tidak-dirilis"' in page


def test_no_answer_after_release(client, org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 4))
    jawab_semua(us[:3])
    masukan_rekan_release(penilaian_id=p.pk)  # not due: deadline ahead, one open
    assert not RilisMasukanRekan.objects.exists()
    RilisMasukanRekan.objects.create(penilaian=p, jumlah_jawaban=0)  # e.g. released at a deadline since moved
    with pytest.raises(ValidationError, match="sudah ditutup"):
        masukan_rekan_submit(undangan=us[3], jawaban=jawaban(), komentar="", oleh=us[3].rekan.user)
    client.force_login(us[3].rekan.user)
    r = client.get(reverse("penilaian:rekan-jawab", args=[us[3].pk]), follow=True)
    assert "sudah ditutup" in r.content.decode() and "Ditutup" in r.content.decode()
    us[3].refresh_from_db()
    assert not us[3].sudah_menjawab


# ---------------------------------------------------------------- how the answers reach the answer table

def _insertion_order() -> list[str]:
    order = "rowid" if ON_SQLITE else "ctid"
    with connection.cursor() as c:
        c.execute(f"SELECT komentar FROM penilaian_masukanrekan ORDER BY {order}")
        return [r[0] for r in c.fetchall()]


def test_answer_table_order_follows_the_release_shuffle_not_the_answer_order(org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 5))
    for i, u in enumerate(us):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar=f"jawaban-{i}", oleh=u.rekan.user)
    sealed_ids = set(MasukanRekanTersegel.objects.values_list("id", flat=True))
    shuffled = ["jawaban-3", "jawaban-0", "jawaban-4", "jawaban-1", "jawaban-2"]

    def fake_shuffle(self, rows):  # a known permutation, to see that the insert follows it
        rows.sort(key=lambda r: shuffled.index(r[1]))

    with mock.patch("random.SystemRandom.shuffle", fake_shuffle):
        assert masukan_rekan_release(penilaian_id=p.pk)
    assert _insertion_order() == shuffled
    rows = MasukanRekan.objects.all()
    assert {r.komentar for r in rows} == {f"jawaban-{i}" for i in range(5)}
    assert all(r.pk.version == 4 for r in rows) and not sealed_ids & {r.pk for r in rows}


def test_release_really_shuffles(org):
    """Over a few releases of 6 answers the insertion order is not always the answer order."""
    orders = set()
    for _ in range(4):
        MasukanRekan.objects.all().delete()
        p = penilaian_of(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan))
        us = undang(p, peers(org, 6))
        for i, u in enumerate(us):
            masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar=f"{i}", oleh=u.rekan.user)
        masukan_rekan_release(penilaian_id=p.pk)
        orders.add(tuple(_insertion_order()))
    # 4 releases all in answer order by chance: (1/720)^4
    assert orders != {tuple(str(i) for i in range(6))}


@pytest.mark.skipif(ON_SQLITE, reason="xmin is PostgreSQL's; run with DATABASE_URL=postgres://...")
@pytest.mark.django_db(transaction=True)
def test_postgres_answers_share_one_transaction_and_invitations_lose_their_answer_xmin(org):
    p = penilaian_of(org.pegawai)
    us = undang(p, peers(org, 5))
    jawab_semua(us[:4])

    def xmins(table, **extra):
        where = " AND sudah_menjawab" if extra else ""
        with connection.cursor() as c:
            c.execute(f"SELECT xmin::text FROM {table} WHERE penilaian_id = %s{where}", [p.pk])
            return [r[0] for r in c.fetchall()]

    assert len(set(xmins("penilaian_undanganrekan", done=True))) == 4  # one transaction per answer, before release
    _set_deadline_passed(p)
    assert masukan_rekan_release(penilaian_id=p.pk)
    answers, invitations = xmins("penilaian_masukanrekan"), xmins("penilaian_undanganrekan")
    assert len(answers) == 4 and len(set(answers)) == 1
    assert len(invitations) == 5 and set(invitations) == set(answers)  # rewritten in the release transaction


# ---------------------------------------------------------------- one invitation, one answer (database-enforced)

@pytest.mark.skipif(ON_SQLITE, reason="SQLite serialises writers with a database lock; needs PostgreSQL row locking")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("n_threads", [2, 5])
def test_concurrent_submits_of_one_invitation_store_one_answer(org, n_threads):
    p = penilaian_of(org.pegawai)
    u = undang(p, peers(org, 3))[0]
    start, results = threading.Barrier(n_threads), []

    def submit():
        try:
            inv = UndanganRekan.objects.select_related("rekan").get(pk=u.pk)
            start.wait()
            masukan_rekan_submit(undangan=inv, jawaban=jawaban(), komentar="", oleh=inv.rekan.user)
            results.append("ok")
        except ValidationError:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == ["ok"] + ["refused"] * (n_threads - 1)
    assert MasukanRekanTersegel.objects.filter(penilaian=p).count() == 1


@pytest.mark.skipif(ON_SQLITE, reason="SQLite serialises writers with a database lock; needs PostgreSQL row locking")
@pytest.mark.django_db(transaction=True)
def test_concurrent_claim_without_the_evaluation_lock_still_stores_one(org):
    """The conditional UPDATE alone (no join) is the guarantee, even if the row lock were removed."""
    p = penilaian_of(org.pegawai)
    u = undang(p, peers(org, 3))[0]
    start, results = threading.Barrier(2), []

    def claim():
        from django.db import transaction

        try:
            start.wait()
            with transaction.atomic():
                results.append(UndanganRekan.objects.filter(pk=u.pk, sudah_menjawab=False).update(sudah_menjawab=True))
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == [0, 1]


# ---------------------------------------------------------------- the seal

def test_sealed_answers_have_one_length_whatever_the_comment():
    komentar = ["", "a", "é" * 2000, "\x01" * 2000]
    sizes = {len(segel.segel(penilaian_id=1, jawaban=jawaban(), komentar=k)) for k in komentar}
    assert len(sizes) == 1


def test_seal_opens_only_for_its_evaluation_and_with_a_fallback_key():
    sandi = segel.segel(penilaian_id=7, jawaban={"A": "SESUAI"}, komentar="baik")
    assert segel.buka(penilaian_id=7, sandi=sandi) == ({"A": "SESUAI"}, "baik")
    with pytest.raises(ValueError):
        segel.buka(penilaian_id=8, sandi=sandi)
    old = settings.SECRET_KEY
    with override_settings(SECRET_KEY="kunci-baru-" + uuid.uuid4().hex, SECRET_KEY_FALLBACKS=[old]):
        assert segel.buka(penilaian_id=7, sandi=sandi)[1] == "baik"
    with (
        override_settings(SECRET_KEY="kunci-lain-" + uuid.uuid4().hex, SECRET_KEY_FALLBACKS=[]),
        pytest.raises(ValueError),
    ):
        segel.buka(penilaian_id=7, sandi=sandi)


def test_too_long_comment_is_refused_by_the_service(org):
    p = penilaian_of(org.pegawai)
    u = undang(p, peers(org, 3))[0]
    with pytest.raises(ValidationError, match="paling banyak"):
        masukan_rekan_submit(undangan=u, jawaban=jawaban(), komentar="x" * 2001, oleh=u.rekan.user)
    u.refresh_from_db()
    assert not u.sudah_menjawab


# ---------------------------------------------------------------- the data migration


def test_data_migration_releases_big_cohorts_seals_small_ones_and_drops_answer_audit(org):
    import importlib

    from django.apps import apps

    from kinerja.audit import audit_log

    mig = importlib.import_module("penilaian.migrations.0005_masukan_rekan_rilis_data")
    besar, kecil = penilaian_of(org.pegawai), penilaian_of(org.rekan)
    undang(besar, peers(org, 3))
    old_ids = {MasukanRekan.objects.create(penilaian=besar, jawaban=jawaban(), komentar=f"b{i}").pk for i in range(3)}
    MasukanRekan.objects.create(penilaian=kecil, jawaban=jawaban(), komentar="k0")
    u = undang(kecil, [org.lain])[0]
    audit_log(aktor=org.lain.user, aksi="rekan.menjawab", objek=u)
    mig.forwards(apps, None)
    assert RilisMasukanRekan.objects.get(penilaian=besar).jumlah_jawaban == 3
    kept = MasukanRekan.objects.filter(penilaian=besar)
    assert {m.komentar for m in kept} == {"b0", "b1", "b2"} and not old_ids & {m.pk for m in kept}
    assert not MasukanRekan.objects.filter(penilaian=kecil).exists()
    sealed = MasukanRekanTersegel.objects.get(penilaian=kecil)
    assert segel.buka(penilaian_id=kecil.pk, sandi=sealed.sandi)[1] == "k0"
    assert not RilisMasukanRekan.objects.filter(penilaian=kecil).exists()
    assert not AuditLog.objects.filter(aksi="rekan.menjawab").exists()


def test_deadline_passed_invitation_refused(org):
    p = penilaian_of(org.pegawai, periode=periode_lewat(org.instansi))
    with pytest.raises(ValidationError, match="Batas pengisian"):
        undangan_rekan_create(penilaian=p, rekan=peers(org, 3), oleh=org.atasan.user)


# ---------------------------------------------------------------- demo data


def test_seed_demo_shows_released_peer_input_to_the_demo_atasan(client):
    import re
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("seed_demo", "--pegawai", "60", stdout=out)
    atasan_nip = re.search(r"^atasan (\S+)$", out.getvalue(), re.MULTILINE).group(1)
    rilis = RilisMasukanRekan.objects.select_related("penilaian__skp__pejabat_penilai").get()
    assert rilis.jumlah_jawaban >= 3 and rilis.penilaian.skp.pejabat_penilai.nip == atasan_nip
    assert not MasukanRekanTersegel.objects.exists()
    from pegawai.models import User

    client.force_login(User.objects.get(username=atasan_nip))
    page = client.get(reverse("penilaian:rekan-kelola", args=[rilis.penilaian_id])).content.decode()
    assert f"{rilis.jumlah_jawaban} rekan kerja menjawab" in page and "komentar-rekan" in page
