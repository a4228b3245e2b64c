"""Keberatan per PP 30/2019 Pasal 59–60 (domain.md §11.1): the atasan pejabat penilai asks the penilai and
the pegawai for written explanations (due date, reminders), sees them on the decision page, decides; an
undecided keberatan past its deadline is escalated to HR once and listed on HR's page."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from notifikasi.models import Notifikasi, Pengingat
from notifikasi.pengingat import pengingat_send
from penilaian.models import Keberatan, Penilaian, PermintaanPenjelasan
from penilaian.rekan.keberatan import keberatan_decide, keberatan_file
from penilaian.rekan.penjelasan import (
    keberatan_escalate_overdue,
    penjelasan_answer,
    penjelasan_pengingat_plan,
    penjelasan_request,
)
from penilaian.tasks import keberatan_daily_task

from .rekan_factories import final, penilaian_of

pytestmark = pytest.mark.django_db
ALASAN = "Realisasi RHK kedua sudah 100% dan bukti dukung telah diunggah."
P = PermintaanPenjelasan.Pihak


@pytest.fixture
def kb(org):
    """A keberatan of org.pegawai; penilai org.atasan; deciding official org.kabid (atasan penilai)."""
    return keberatan_file(penilaian=final(penilaian_of(org.pegawai)), alasan=ALASAN, oleh=org.pegawai.user)


def minta(kb, pihak, oleh, *, hari=5, pertanyaan="Mohon jelaskan dasar rating hasil kerja."):
    return penjelasan_request(keberatan=kb, pihak=pihak, pertanyaan=pertanyaan,
                              batas=timezone.localdate() + timedelta(days=hari), oleh=oleh)


def test_request_answers_then_decide(client, org, kb):
    """Pasal 59(3): "meminta penjelasan kepada Pejabat Penilai Kinerja PNS dan PNS yang dinilai"."""
    client.force_login(org.kabid.user)
    batas = (timezone.localdate() + timedelta(days=5)).isoformat()
    for pihak in (P.PENILAI, P.PEGAWAI):
        r = client.post(reverse("penilaian:penjelasan-minta", args=[kb.pk]),
                        {"pihak": pihak, "pertanyaan": f"Jelaskan pandangan {pihak} atas RHK kedua.", "batas": batas})
        assert r.status_code == 302
    ke_penilai, ke_pegawai = (PermintaanPenjelasan.objects.get(pihak=p) for p in (P.PENILAI, P.PEGAWAI))
    assert (ke_penilai.kepada, ke_pegawai.kepada) == (org.atasan, org.pegawai)
    for pg, pm in ((org.atasan, ke_penilai), (org.pegawai, ke_pegawai)):
        n = Notifikasi.objects.get(penerima=pg.user, judul="Penjelasan keberatan diminta")
        assert n.url == reverse("penilaian:penjelasan-jawab", args=[pm.pk])

    for pg, pm, teks in ((org.atasan, ke_penilai, "Bukti dukung RHK kedua diunggah setelah batas."),
                         (org.pegawai, ke_pegawai, "Bukti dukung sudah ada sejak Oktober di tautan.")):
        client.force_login(pg.user)
        page = client.get(reverse("penilaian:penjelasan-jawab", args=[pm.pk])).content.decode()
        assert "Jelaskan pandangan" in page
        r = client.post(reverse("penilaian:penjelasan-jawab", args=[pm.pk]), {"jawaban": teks})
        assert r.status_code == 302
        pm.refresh_from_db()
        assert pm.jawaban == teks and pm.dijawab_pada is not None
    assert Notifikasi.objects.filter(penerima=org.kabid.user, judul="Penjelasan keberatan diterima").count() == 2

    client.force_login(org.kabid.user)
    page = client.get(reverse("penilaian:keberatan-detail", args=[kb.pk])).content.decode()
    assert "Bukti dukung RHK kedua diunggah setelah batas." in page
    assert "Bukti dukung sudah ada sejak Oktober di tautan." in page and 'id="form-minta-penjelasan"' not in page
    keberatan_decide(keberatan=kb, ubah=False, keputusan="Dipertahankan setelah penjelasan.", oleh=org.kabid.user)
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIPERTAHANKAN
    aksi = list(AuditLog.objects.filter(object_id=str(kb.penilaian_id)).values_list("aksi", flat=True))
    assert aksi.count("keberatan.penjelasan_diminta") == 2 and aksi.count("keberatan.penjelasan_diberikan") == 2


@pytest.mark.parametrize(("hari", "pertanyaan", "pesan"), [
    (-1, "Mohon jelaskan dasar rating.", "setelah hari ini"),
    (0, "Mohon jelaskan dasar rating.", "setelah hari ini"),
    (5, "", "minimal 10"),
    (5, "   singkat ", "minimal 10"),
])
def test_bad_request_is_refused_and_nothing_changes(org, kb, hari, pertanyaan, pesan):
    with pytest.raises(ValidationError, match=pesan):
        minta(kb, P.PENILAI, org.kabid.user, hari=hari, pertanyaan=pertanyaan)
    assert not PermintaanPenjelasan.objects.exists() and not Notifikasi.objects.filter(
        judul="Penjelasan keberatan diminta").exists()


def test_bad_request_through_the_page_shows_an_error(client, org, kb):
    client.force_login(org.kabid.user)
    r = client.post(reverse("penilaian:penjelasan-minta", args=[kb.pk]),
                    {"pihak": P.PEGAWAI, "pertanyaan": "Jelaskan RHK kedua.", "batas": "2001-01-01"}, follow=True)
    assert r.status_code == 200 and "Batas jawaban harus setelah hari ini." in r.content.decode()
    r = client.post(reverse("penilaian:penjelasan-minta", args=[kb.pk]), {"pihak": "X", "batas": "bukan"},
                    follow=True)
    assert r.status_code == 200 and "Permintaan penjelasan tidak dikirim" in r.content.decode()
    assert not PermintaanPenjelasan.objects.exists()


def test_the_same_side_is_asked_once_and_not_after_the_decision(org, kb):
    minta(kb, P.PENILAI, org.kabid.user)
    with pytest.raises(ValidationError, match="sudah diminta"):
        minta(kb, P.PENILAI, org.kabid.user)
    keberatan_decide(keberatan=kb, ubah=False, keputusan="Dipertahankan saja.", oleh=org.kabid.user)
    with pytest.raises(ValidationError, match="sudah diputus"):
        minta(kb, P.PEGAWAI, org.kabid.user)


@pytest.mark.parametrize("jawaban", ["", "  ", "oke"])
def test_empty_answer_is_refused_and_nothing_changes(client, org, kb, jawaban):
    pm = minta(kb, P.PEGAWAI, org.kabid.user)
    client.force_login(org.pegawai.user)
    r = client.post(reverse("penilaian:penjelasan-jawab", args=[pm.pk]), {"jawaban": jawaban})
    assert r.status_code == 400
    pm.refresh_from_db()
    assert pm.dijawab_pada is None and pm.jawaban == ""


def test_answer_is_given_once(org, kb):
    pm = minta(kb, P.PEGAWAI, org.kabid.user)
    penjelasan_answer(permintaan=pm, jawaban="Penjelasan pertama saya.", oleh=org.pegawai.user)
    with pytest.raises(ValidationError, match="sudah diberikan"):
        penjelasan_answer(permintaan=pm, jawaban="Penjelasan kedua saya.", oleh=org.pegawai.user)
    pm.refresh_from_db()
    assert pm.jawaban == "Penjelasan pertama saya."


@pytest.mark.parametrize("actor", ["pegawai", "atasan", "atasan2", "hr", "hr_other", "asing"])
def test_only_the_deciding_official_asks(client, org, kb, actor):
    user = getattr(org, actor)
    client.force_login(getattr(user, "user", user))
    r = client.post(reverse("penilaian:penjelasan-minta", args=[kb.pk]),
                    {"pihak": P.PENILAI, "pertanyaan": "Jelaskan RHK kedua ya.",
                     "batas": (timezone.localdate() + timedelta(days=3)).isoformat()})
    assert r.status_code == 404 and not PermintaanPenjelasan.objects.exists()


@pytest.mark.parametrize(("actor", "status"), [
    ("atasan", 200), ("pegawai", 404), ("kabid", 404), ("atasan2", 404), ("hr", 404), ("asing", 404),
])
def test_only_the_addressed_person_answers(client, org, kb, actor, status):
    pm = minta(kb, P.PENILAI, org.kabid.user)
    user = getattr(org, actor)
    client.force_login(getattr(user, "user", user))
    url = reverse("penilaian:penjelasan-jawab", args=[pm.pk])
    assert client.get(url).status_code == status
    r = client.post(url, {"jawaban": "Penjelasan dari pihak lain."})
    assert r.status_code == (302 if status == 200 else 404)
    pm.refresh_from_db()
    assert (pm.dijawab_pada is not None) is (status == 200)


def test_reminders_before_the_due_date_are_sent_once(org, kb):
    """Reuses the claim rows of notifikasi.pengingat: H-3 of the request's own due date, once."""
    pm = minta(kb, P.PENILAI, org.kabid.user, hari=3)
    today = timezone.localdate()
    assert penjelasan_pengingat_plan(today=today) == [org.atasan.user_id]
    penjelasan_pengingat_plan(today=today)
    row = Pengingat.objects.get(jenis=Pengingat.Jenis.PENJELASAN_KEBERATAN)
    assert (row.tahap, row.object_id, row.penerima) == (Pengingat.Tahap.H3, pm.pk, org.atasan.user)
    assert pengingat_send(penerima_id=org.atasan.user_id) == 1 and pengingat_send(penerima_id=org.atasan.user_id) == 0
    n = Notifikasi.objects.get(penerima=org.atasan.user, judul__startswith="Pengingat")
    assert "ditunggu paling lambat" in n.pesan and n.url == reverse("penilaian:penjelasan-jawab", args=[pm.pk])
    # Answered: no further stage is planned.
    penjelasan_answer(permintaan=pm, jawaban="Sudah saya jelaskan lengkap.", oleh=org.atasan.user)
    penjelasan_pengingat_plan(today=today + timedelta(days=2))
    assert Pengingat.objects.filter(jenis=Pengingat.Jenis.PENJELASAN_KEBERATAN).count() == 1


def lewat_batas(kb, settings, hari=14):
    settings.KINERJA = {**settings.KINERJA, "HARI_PUTUSAN_KEBERATAN": hari}
    Keberatan.objects.filter(pk=kb.pk).update(diajukan_pada=timezone.now() - timedelta(days=hari, hours=1))


def test_overdue_keberatan_is_escalated_to_hr_once(org, kb, settings):
    """Decision deadline (our reading of PP 30/2019 Pasal 59, domain.md §11.1): 14 days from filing."""
    assert keberatan_escalate_overdue() == 0  # filed just now
    lewat_batas(kb, settings)
    assert keberatan_daily_task() == 1
    assert keberatan_escalate_overdue() == 0 and keberatan_daily_task() == 0
    kb.refresh_from_db()
    assert kb.dieskalasi_pada is not None and kb.status == Keberatan.Status.DIAJUKAN
    judul = "Keberatan melewati batas putusan"
    assert Notifikasi.objects.filter(penerima=org.hr, judul=judul).count() == 1
    assert Notifikasi.objects.filter(penerima=org.kabid.user, judul=judul).count() == 1
    assert not Notifikasi.objects.filter(penerima=org.hr_other, judul=judul).exists()
    assert AuditLog.objects.filter(aksi="keberatan.dieskalasi").count() == 1


def test_deadline_is_configurable_and_a_decided_keberatan_is_not_escalated(org, kb, settings):
    lewat_batas(kb, settings, hari=7)
    settings.KINERJA = {**settings.KINERJA, "HARI_PUTUSAN_KEBERATAN": 30}
    assert keberatan_escalate_overdue() == 0
    settings.KINERJA = {**settings.KINERJA, "HARI_PUTUSAN_KEBERATAN": 7}
    keberatan_decide(keberatan=kb, ubah=False, keputusan="Dipertahankan saja.", oleh=org.kabid.user)
    assert keberatan_escalate_overdue() == 0


@pytest.mark.parametrize(("actor", "status", "terlihat"), [
    ("hr", 200, True), ("hr_other", 200, False), ("kabid", 403, False), ("pegawai", 403, False),
])
def test_hr_page_lists_overdue_keberatan(client, org, kb, settings, actor, status, terlihat):
    lewat_batas(kb, settings)
    user = getattr(org, actor)
    client.force_login(getattr(user, "user", user))
    r = client.get(reverse("penilaian:keberatan-terlambat"))
    assert r.status_code == status
    if status == 200:
        assert (reverse("penilaian:keberatan-detail", args=[kb.pk]) in r.content.decode()) is terlihat


def test_hr_page_queries_do_not_grow_with_rows(client, org, settings, django_assert_max_num_queries):
    from pegawai.tests.factories import PegawaiFactory

    settings.KINERJA = {**settings.KINERJA, "HARI_PUTUSAN_KEBERATAN": 14}
    client.force_login(org.hr)
    for n in (1, 6):
        for _ in range(n):
            pg = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
            k = keberatan_file(penilaian=final(penilaian_of(pg)), alasan=ALASAN, oleh=pg.user)
            Keberatan.objects.filter(pk=k.pk).update(diajukan_pada=timezone.now() - timedelta(days=20))
        with django_assert_max_num_queries(12):
            r = client.get(reverse("penilaian:keberatan-terlambat"))
        assert r.status_code == 200


def test_decision_page_shows_the_deadline_and_overdue_badge(client, org, kb, settings):
    client.force_login(org.kabid.user)
    url = reverse("penilaian:keberatan-detail", args=[kb.pk])
    html = client.get(url).content.decode()
    assert 'id="batas-putusan"' in html and "lewat batas" not in html and 'id="form-minta-penjelasan"' in html
    lewat_batas(kb, settings)
    assert "lewat batas, dilaporkan ke BKPSDM/HR" in client.get(url).content.decode()
    # Whoever is not the deciding official sees no request form; the addressed side sees its answer link.
    pm = minta(kb, P.PENILAI, org.kabid.user)
    client.force_login(org.atasan.user)
    html = client.get(url).content.decode()
    assert 'id="form-minta-penjelasan"' not in html
    assert f'href="{reverse("penilaian:penjelasan-jawab", args=[pm.pk])}" id="tautan-jawab-penilai"' in html
    client.force_login(org.pegawai.user)
    assert 'id="tautan-jawab-penilai"' not in client.get(url).content.decode()
    assert Penilaian.objects.get(pk=kb.penilaian_id).status == Penilaian.Status.KEBERATAN
