"""Performance dialogue (issue 19; PermenPANRB 6/2022 stage 2, domain.md §1.1, §3.2, §11.1): the dated
feedback log, check-ins and their reminders (bimbingan kinerja: test_dialog_bimbingan.py)."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from notifikasi.models import Notifikasi, Pengingat
from notifikasi.pengingat import pengingat_plan, pengingat_run
from penilaian.dialog import services
from penilaian.evaluasi.services import umpan_balik_save
from penilaian.models import (
    CheckIn,
    Penilaian,
    PerilakuKerja,
    TanggapanUmpanBalik,
    UmpanBalik,
    UmpanBalikEntri,
)
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka
from penilaian.tests.factories import finalkan
from penilaian.tests.test_dialog_bimbingan import _bimbingan

pytestmark = pytest.mark.django_db
ACTORS = ["pegawai", "rekan", "atasan", "atasan2", "hr", "hr_other"]
VIEWER = {"pegawai", "atasan", "hr"}


@pytest.fixture
def p(org):
    return penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))


def _ub_url(p):
    return reverse("penilaian:dialog-umpan-balik", args=[p.pk])


# --- feedback log -----------------------------------------------------------------------------------


def test_entries_are_never_overwritten_and_the_latest_is_the_current_feedback(client, org, p):
    rhk = p.skp.rhk.first()
    client.force_login(org.atasan.user)
    r = client.post(_ub_url(p), {"versi": p.versi, "target": f"rhk-{rhk.pk}", "teks": "Percepat penyusunan laporan",
                                 "minta_tanggapan": "on"})
    assert r.status_code == 302
    pertama = UmpanBalikEntri.objects.get()
    p.refresh_from_db()
    r = client.post(reverse("penilaian:dialog-umpan-balik-revisi", args=[pertama.pk]),
                    {"versi": p.versi, "teks": "Laporan sudah membaik, pertahankan"})
    assert r.status_code == 302
    # Both texts are kept; the revision names the entry it revises.
    assert list(UmpanBalikEntri.objects.order_by("pk").values_list("teks", flat=True)) == [
        "Percepat penyusunan laporan", "Laporan sudah membaik, pertahankan"]
    assert UmpanBalikEntri.objects.order_by("pk").last().revisi_dari == pertama
    # The evaluation page (and PDFs, which read UmpanBalik) show the latest entry.
    assert UmpanBalik.objects.get(penilaian=p, rhk=rhk).teks == "Laporan sudah membaik, pertahankan"
    client.force_login(org.pegawai.user)
    halaman = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert "Laporan sudah membaik, pertahankan" in halaman and "riwayat-dialog" in halaman
    log = client.get(_ub_url(p)).content.decode()
    assert "Percepat penyusunan laporan" in log and "Laporan sudah membaik, pertahankan" in log
    # The pegawai was told, with the request for a response.
    assert Notifikasi.objects.filter(penerima=org.pegawai.user, judul="Umpan balik kinerja").count() == 2


def test_feedback_on_an_iki_and_on_a_value(org, p):
    rhk = p.skp.rhk.first()
    iki = rhk.iki.first()
    perilaku = PerilakuKerja.objects.first()
    e1 = services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, iki=iki, teks="Target IKI")
    e2 = services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, perilaku=perilaku,
                                        teks="Lebih ramah")
    assert (e1.rhk, e1.iki) == (rhk, iki) and e2.perilaku == perilaku
    assert UmpanBalik.objects.get(penilaian=p, rhk=rhk).teks == "Target IKI"
    assert UmpanBalik.objects.get(penilaian=p, perilaku=perilaku).teks == "Lebih ramah"


def test_rating_page_autosave_is_logged_one_revision_per_typing_burst(org, p):
    rhk = p.skp.rhk.first()
    umpan_balik_save(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=rhk, teks="Bai")
    umpan_balik_save(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=rhk, teks="Baik sekali")
    assert list(UmpanBalikEntri.objects.values_list("teks", flat=True)) == ["Baik sekali"]
    UmpanBalikEntri.objects.update(dibuat_pada=timezone.now() - timedelta(hours=1))
    umpan_balik_save(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=rhk, teks="Pertahankan")
    assert list(UmpanBalikEntri.objects.order_by("pk").values_list("teks", flat=True)) == ["Baik sekali",
                                                                                         "Pertahankan"]


def test_pegawai_replies_and_the_author_is_told(client, org, p):
    e = services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=p.skp.rhk.first(),
                                       teks="Mohon jelaskan kendala", minta_tanggapan=True)
    client.force_login(org.pegawai.user)
    assert "minta-tanggapan" in client.get(reverse("penilaian:dialog-index")).content.decode()
    r = client.post(reverse("penilaian:dialog-umpan-balik-tanggapan", args=[e.pk]), {"teks": "Data terlambat"})
    assert "minta-tanggapan" not in client.get(reverse("penilaian:dialog-index")).content.decode()
    assert r.status_code == 302
    assert TanggapanUmpanBalik.objects.get().teks == "Data terlambat"
    assert Notifikasi.objects.filter(penerima=org.atasan.user, judul="Tanggapan atas umpan balik").exists()
    # The penilai cannot reply in the pegawai's name, and an empty reply changes nothing.
    client.force_login(org.atasan.user)
    assert client.post(reverse("penilaian:dialog-umpan-balik-tanggapan", args=[e.pk]),
                       {"teks": "x"}).status_code == 404
    client.force_login(org.pegawai.user)
    client.post(reverse("penilaian:dialog-umpan-balik-tanggapan", args=[e.pk]), {"teks": "  "})
    assert TanggapanUmpanBalik.objects.count() == 1


def test_empty_feedback_is_refused_without_change(client, org, p):
    client.force_login(org.atasan.user)
    r = client.post(_ub_url(p), {"versi": p.versi, "target": f"rhk-{p.skp.rhk.first().pk}", "teks": "  "})
    assert r.status_code == 200 and "Tuliskan umpan balik" in r.content.decode()
    assert not UmpanBalikEntri.objects.exists() and not UmpanBalik.objects.exists()


def test_feedback_refused_once_the_evaluation_is_final(org, p):
    finalkan(p)
    with pytest.raises(ValidationError):
        services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=p.skp.rhk.first(),
                                       teks="Terlambat")
    assert not UmpanBalikEntri.objects.exists()


def test_existing_feedback_migrates_into_entries():
    """The data migration copies every text (0013_umpan_balik_ke_entri)."""
    import importlib

    from django.apps import apps

    mig = importlib.import_module("penilaian.migrations.0013_umpan_balik_ke_entri")
    from pegawai.tests.factories import build_org

    org = build_org()
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    UmpanBalik.objects.create(penilaian=p, rhk=p.skp.rhk.first(), frasa="", teks="Teks lama", oleh=org.atasan)
    mig.salin(apps, None)
    mig.salin(apps, None)  # idempotent
    e = UmpanBalikEntri.objects.get()
    assert (e.teks, e.oleh, e.sumber) == ("Teks lama", org.atasan, UmpanBalikEntri.Sumber.MIGRASI)


@pytest.mark.parametrize("actor", ACTORS)
def test_feedback_log_permissions(client, org, p, as_actor, actor):
    as_actor(actor)
    assert client.get(_ub_url(p)).status_code == (200 if actor in VIEWER else 404)
    r = client.post(_ub_url(p), {"versi": p.versi, "target": f"rhk-{p.skp.rhk.first().pk}", "teks": "x"})
    assert r.status_code == (302 if actor == "atasan" else 404)
    assert UmpanBalikEntri.objects.count() == (1 if actor == "atasan" else 0)


# --- check-ins --------------------------------------------------------------------------------------


def _jadwal(days=1, hour=9):
    t = timezone.localtime() + timedelta(days=days)
    return t.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_checkin_agenda_is_prefilled_from_rhk_and_latest_realisasi(client, org, p):
    iki = p.skp.rhk.first().iki.first()
    p.realisasi.create(iki=iki, nilai=7)
    client.force_login(org.atasan.user)
    r = client.get(reverse("penilaian:dialog-checkin-baru", args=[p.pk]))
    html = r.content.decode()
    assert p.skp.rhk.first().teks in html and "(realisasi 7 dokumen)" in html


def test_checkin_scheduled_recorded_and_shown_on_the_evaluation(client, org, p):
    client.force_login(org.atasan.user)
    jadwal = _jadwal()
    r = client.post(reverse("penilaian:dialog-checkin-baru", args=[p.pk]),
                    {"jadwal": jadwal.strftime("%Y-%m-%dT%H:%M"), "agenda": "Capaian triwulan"})
    assert r.status_code == 302
    c = CheckIn.objects.get()
    assert c.jadwal == jadwal and c.status == CheckIn.Status.DIJADWALKAN
    assert Notifikasi.objects.filter(penerima=org.pegawai.user, judul="Dialog kinerja dijadwalkan").exists()
    r = client.post(reverse("penilaian:dialog-checkin", args=[c.pk]), {
        "notulen": "Sepakat menambah bukti dukung", "aksi-TOTAL_FORMS": "1", "aksi-INITIAL_FORMS": "0",
        "aksi-0-teks": "Unggah bukti dukung", "aksi-0-tenggat": ""})
    assert r.status_code == 302
    c.refresh_from_db()
    assert c.status == CheckIn.Status.SELESAI and c.aksi.get().teks == "Unggah bukti dukung"
    for user in (org.pegawai.user, org.atasan.user):
        client.force_login(user)
        html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
        assert "Sepakat menambah bukti dukung" in html


def test_checkin_in_the_past_or_without_agenda_is_refused(client, org, p):
    client.force_login(org.atasan.user)
    for data in ({"jadwal": _jadwal(days=-2).strftime("%Y-%m-%dT%H:%M"), "agenda": "x"},
                 {"jadwal": _jadwal().strftime("%Y-%m-%dT%H:%M"), "agenda": " "},
                 {"jadwal": "besok", "agenda": "x"}):
        assert client.post(reverse("penilaian:dialog-checkin-baru", args=[p.pk]), data).status_code == 200
    assert not CheckIn.objects.exists()


def test_checkin_reminder_is_sent_once(org, p):
    for peg in (org.pegawai, org.atasan):
        peg.user.email = f"{peg.user.username}@contoh.go.id"
        peg.user.save(update_fields=["email"])
    c = services.checkin_schedule(penilaian=p, oleh=org.atasan.user, jadwal=_jadwal(), agenda="Agenda")
    jauh = services.checkin_schedule(penilaian=p, oleh=org.atasan.user, jadwal=_jadwal(days=5), agenda="Nanti")
    today = timezone.localdate()
    pengingat_plan(instansi=org.instansi, today=today)
    pengingat_plan(instansi=org.instansi, today=today)  # a second run adds nothing
    rows = Pengingat.objects.filter(jenis=Pengingat.Jenis.CHECKIN)
    assert {r.penerima for r in rows} == {org.pegawai.user, org.atasan.user}
    assert {r.object_id for r in rows} == {c.pk} and jauh.pk not in {r.object_id for r in rows}
    pengingat_run(today=today)
    pengingat_run(today=today)
    terkirim = Notifikasi.objects.filter(penerima=org.pegawai.user, judul__contains="Dialog kinerja terjadwal")
    assert terkirim.count() == 1
    assert set(rows.values_list("status", flat=True)) == {Pengingat.Status.SENT}
    from django.core import mail

    surel = [m for m in mail.outbox if "dialog kinerja terjadwal" in m.subject]
    assert len(surel) == 2
    assert all("Dialog kinerja berikut" in m.body and "batas pengisian" not in m.body for m in surel)


@pytest.mark.parametrize("actor", ACTORS + ["kabid"])
def test_checkin_permissions(client, org, p, as_actor, actor):
    c = services.checkin_schedule(penilaian=p, oleh=org.atasan.user, jadwal=_jadwal(), agenda="Agenda")
    as_actor(actor)
    lihat = VIEWER | {"kabid"}
    assert client.get(reverse("penilaian:dialog-checkin", args=[c.pk])).status_code == (
        200 if actor in lihat else 404)
    assert client.get(reverse("penilaian:dialog-checkin-baru", args=[p.pk])).status_code == (
        200 if actor == "atasan" else 404)
    r = client.post(reverse("penilaian:dialog-checkin-batal", args=[c.pk]))
    assert r.status_code == (302 if actor == "atasan" else 404)
    c.refresh_from_db()
    assert c.status == (CheckIn.Status.BATAL if actor == "atasan" else CheckIn.Status.DIJADWALKAN)


def test_penilai_sees_the_history_when_deciding_a_keberatan(client, org, p):
    from penilaian.rekan.keberatan import keberatan_file

    services.checkin_schedule(penilaian=p, oleh=org.atasan.user, jadwal=_jadwal(), agenda="Agenda dialog")
    finalkan(p)
    k = keberatan_file(penilaian=p, oleh=org.pegawai.user, alasan="Realisasi saya lebih tinggi dari yang dinilai")
    client.force_login(org.kabid.user)
    html = client.get(reverse("penilaian:keberatan-detail", args=[k.pk])).content.decode()
    assert "riwayat-dialog" in html and "Dialog kinerja (check-in)" in html


def test_index_lists_in_constant_queries(client, org, django_assert_max_num_queries):
    periode = periode_terbuka(org.instansi)
    for peg in (org.pegawai, org.rekan):
        pp = penilaian_untuk(peg, periode)
        for _ in range(3):
            _bimbingan(org, pp)
            services.checkin_schedule(penilaian=pp, oleh=org.atasan.user, jadwal=_jadwal(), agenda="a")
    client.force_login(org.atasan.user)
    with django_assert_max_num_queries(25):
        r = client.get(reverse("penilaian:dialog-index"))
    # One row per subordinate leads to their feedback log.
    assert r.status_code == 200 and r.content.decode().count("/dialog/umpan-balik/") == 2
    assert Penilaian.objects.count() == 2


def test_feedback_log_page_in_constant_queries(client, org, p, django_assert_max_num_queries):
    perilaku = list(PerilakuKerja.objects.all()[:3])
    for i in range(4):
        for rhk in p.skp.rhk.all():
            e = services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=rhk,
                                               teks=f"Umpan balik {i}")
            services.tanggapan_add(entri=e, oleh=org.pegawai.user, teks="Siap")
        for v in perilaku:
            services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, perilaku=v,
                                           teks=f"Perilaku {i}")
    for user in (org.atasan.user, org.pegawai.user):
        client.force_login(user)
        with django_assert_max_num_queries(30):
            assert client.get(_ub_url(p)).status_code == 200
