"""Reminders (issue #7 §2): who is reminded at H-7/H-3/H-1, escalation after the deadline, at most once."""
import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.utils import timezone

from notifikasi.models import Notifikasi, Pengingat
from notifikasi.pengingat import (
    pengingat_plan,
    pengingat_requeue_stuck,
    pengingat_run,
    pengingat_send,
)
from notifikasi.selectors import pengingat_due_for, tahap_for
from penilaian.models import BukaKunci, Penilaian, Skp, UndanganRekan
from penilaian.tests.factories import PenilaianFactory

from .helpers import BATAS, penilaian_final, periode, skp_lengkap

J, T = Pengingat.Jenis, Pengingat.Tahap


@pytest.mark.parametrize("sisa, tahap", [
    (8, None), (7, T.H7), (5, T.H7), (4, T.H7), (3, T.H3), (2, T.H3), (1, T.H1), (0, T.H1),
    (-1, T.ESKALASI), (-14, T.ESKALASI), (-15, None),
])
def test_stage_reached_relative_to_batas_pengisian(sisa, tahap):
    """domain.md §3.1: reminders key off batas_pengisian; a missed run still sends the stage reached."""
    assert tahap_for(BATAS, BATAS - timedelta(days=sisa)) == tahap


@pytest.fixture
def siklus(org):
    """One case of every reminder kind in one period (batas pengisian 10 April 2026)."""
    per = periode(org)
    skp_lengkap(org.rekan)                                   # approved, no realisasi yet  -> rekan
    PenilaianFactory(skp=skp_lengkap(org.atasan2), periode=per, status=Penilaian.Status.DITERIMA)  # all done
    skp_lengkap(org.lain, status=Skp.Status.DIAJUKAN)        # waiting for approval        -> atasan2
    skp_atasan = skp_lengkap(org.atasan)
    dinilai = PenilaianFactory(skp=skp_atasan, periode=per, status=Penilaian.Status.DIAJUKAN)  # to rate -> kabid
    skp_kabid = skp_lengkap(org.kabid)
    # to acknowledge -> kabid: HR reopened the period for the kabid, whose evaluation became final today
    BukaKunci.objects.create(periode=per, pegawai=org.kabid, alasan="Terlambat", dibuat_oleh=org.hr,
                             berlaku_sampai=timezone.now() + timedelta(days=1))
    penilaian_final(skp_kabid, per, pada=timezone.now())
    UndanganRekan.objects.create(penilaian=dinilai, rekan=org.pegawai)                # peer input -> pegawai
    # org.pegawai has no SKP at all                                                   # -> pegawai
    return per


def _set(org, today):
    names = {p.user_id: n for n, p in vars(org).items() if hasattr(p, "user_id") and n != "asing"}
    return {
        (names.get(k.penerima_id, k.penerima_id), k.jenis, k.tahap)
        for k in pengingat_due_for(org.instansi, today=today)
    }


@pytest.mark.parametrize("sisa, tahap", [(7, T.H7), (3, T.H3), (1, T.H1)])
def test_each_kind_is_reminded_at_each_stage(org, siklus, sisa, tahap):
    got = _set(org, BATAS - timedelta(days=sisa))
    assert got == {
        ("pegawai", J.SKP_BELUM_DIAJUKAN, tahap),
        ("pegawai", J.MASUKAN_REKAN, tahap),
        ("rekan", J.REALISASI_BELUM_DIISI, tahap),
        ("atasan2", J.SKP_PERLU_PERSETUJUAN, tahap),
        ("kabid", J.PENILAIAN_PERLU_DINILAI, tahap),
        ("kabid", J.PENILAIAN_PERLU_DITANGGAPI, tahap),
    }


def test_nobody_is_reminded_more_than_a_week_before(org, siklus):
    assert _set(org, BATAS - timedelta(days=8)) == set()


def test_after_the_deadline_the_atasan_pejabat_penilai_is_told(org, siklus):
    """Escalation goes one level above the penilai; peer input and acknowledgement are not escalated."""
    got = _set(org, BATAS + timedelta(days=1))
    assert got == {
        ("kabid", J.SKP_BELUM_DIAJUKAN, T.ESKALASI),  # pegawai -> atasan -> kabid
        ("kabid", J.REALISASI_BELUM_DIISI, T.ESKALASI),  # rekan's atasan penilai
        ("kabid", J.SKP_PERLU_PERSETUJUAN, T.ESKALASI),  # lain's penilai atasan2 -> kabid
    }


def test_done_work_is_not_reminded(org, siklus):
    Skp.objects.filter(pegawai__in=[org.lain]).update(status=Skp.Status.DISETUJUI)
    UndanganRekan.objects.update(sudah_menjawab=True)
    Penilaian.objects.update(status=Penilaian.Status.DITERIMA)
    jenis = {j for _, j, _ in _set(org, BATAS - timedelta(days=3))}
    assert J.SKP_PERLU_PERSETUJUAN not in jenis and J.MASUKAN_REKAN not in jenis
    assert J.PENILAIAN_PERLU_DINILAI not in jenis and J.PENILAIAN_PERLU_DITANGGAPI not in jenis


@pytest.mark.django_db
def test_running_twice_on_the_same_day_sends_nothing_new(org, siklus):
    org.pegawai.user.email = "pegawai@example.go.id"
    org.pegawai.user.save()
    today = BATAS - timedelta(days=7)
    awal = Notifikasi.objects.count()  # the set-up's own notifications (e.g. "penilaian final")
    first = pengingat_run(today=today)
    assert first == Pengingat.objects.count() == Notifikasi.objects.count() - awal > 0
    n_mail = len(mail.outbox)
    assert pengingat_run(today=today) == 0
    assert len(mail.outbox) == n_mail and Notifikasi.objects.count() - awal == first
    assert pengingat_run(today=BATAS - timedelta(days=3)) == first  # next stage: a new round


def test_email_is_indonesian_with_name_deadline_and_link(org, siklus, settings):
    settings.SITE_URL = "https://kinerja.example.go.id"
    org.rekan.user.email = "rekan@example.go.id"
    org.rekan.user.save()
    pengingat_run(today=BATAS - timedelta(days=3))
    (msg,) = [m for m in mail.outbox if m.to == ["rekan@example.go.id"]]
    html = msg.alternatives[0][0]
    assert "Pengingat" in msg.subject
    for body in (msg.body, html):
        assert f"Yth. {org.rekan.nama_lengkap}" in body
        assert "10 April 2026" in body and "batas pengisian" in body
        assert "Realisasi belum diisi" in body and "https://kinerja.example.go.id/" in body
    assert "H-3" in msg.body


def test_escalation_email_says_so(org, siklus):
    org.kabid.user.email = "kabid@example.go.id"
    org.kabid.user.save()
    pengingat_run(today=BATAS + timedelta(days=2))
    (msg,) = [m for m in mail.outbox if m.to == ["kabid@example.go.id"]]
    assert msg.subject.startswith("[Kinerja] Eskalasi") and "atasan pejabat penilai" in msg.body
    assert org.pegawai.nama in msg.body


def test_failed_send_gives_the_rows_back_for_the_retry(org, siklus, monkeypatch):
    org.pegawai.user.email = "p@example.go.id"
    org.pegawai.user.save()
    pengingat_plan(instansi=org.instansi, today=BATAS - timedelta(days=1))

    def rusak(**kw):
        raise ConnectionError("SMTP mati")

    monkeypatch.setattr("notifikasi.pengingat.email_send", rusak)
    with pytest.raises(ConnectionError):
        pengingat_send(penerima_id=org.pegawai.user_id)
    assert set(Pengingat.objects.filter(penerima=org.pegawai.user).values_list("status", flat=True)) == {"PENDING"}
    assert not Notifikasi.objects.filter(penerima=org.pegawai.user).exists()


def test_rows_stuck_in_sending_are_returned_and_then_sent(org, siklus):
    pengingat_plan(instansi=org.instansi, today=BATAS - timedelta(days=1))
    lama = timezone.now() - timedelta(hours=1)
    Pengingat.objects.filter(penerima=org.rekan.user).update(status=Pengingat.Status.SENDING, diklaim_pada=lama)
    Pengingat.objects.filter(penerima=org.kabid.user).update(
        status=Pengingat.Status.SENDING, diklaim_pada=timezone.now()
    )  # still in flight
    assert pengingat_requeue_stuck() == [org.rekan.user_id]
    assert pengingat_send(penerima_id=org.rekan.user_id) == 1
    assert Pengingat.objects.get(penerima=org.rekan.user).status == Pengingat.Status.SENT
    assert set(Pengingat.objects.filter(penerima=org.kabid.user).values_list("status", flat=True)) == {"SENDING"}


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite serialises writers with a database lock; run on PostgreSQL (DATABASE_URL=postgres://...)",
)
@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_each_reminder_at_most_once(golongan_ada, org, siklus):
    """Two runs at the same moment, each with its own DB connection (issue #7 §2)."""
    for p in (org.pegawai, org.rekan, org.atasan2, org.kabid):
        p.user.email = f"{p.nip}@example.go.id"
        p.user.save()
    today, start, errors = BATAS - timedelta(days=1), threading.Barrier(2), []
    awal = Notifikasi.objects.count()  # the set-up's own notifications

    def run():
        try:
            start.wait()
            pengingat_run(today=today)
        except Exception as exc:  # noqa: BLE001 - surfaced by the assert below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    rows = Pengingat.objects.all()
    assert rows.count() == 6 and set(rows.values_list("status", flat=True)) == {"SENT"}
    assert Notifikasi.objects.count() - awal == 6  # one in-app row per (recipient, object, stage)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        {f"{p.nip}@example.go.id" for p in (org.pegawai, org.rekan, org.atasan2, org.kabid)}
    )
