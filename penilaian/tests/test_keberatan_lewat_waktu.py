"""The keberatan window closes: no keberatan within HARI_KEBERATAN days of final, the result stands
(PP 30/2019 Pasal 59, domain.md §11.1). Time travel with ``time_machine`` (the clock of the services,
selectors and views alike)."""
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from notifikasi.models import Pengingat
from notifikasi.selectors import pengingat_due_for
from penilaian.models import Keberatan, Penilaian
from penilaian.rekan.keberatan import keberatan_file, penilaian_accept_lapsed
from penilaian.tasks import accept_lapsed_penilaian_task

from .rekan_factories import final as set_final
from .rekan_factories import penilaian_of, periode_terbuka

pytestmark = pytest.mark.django_db
S = Penilaian.Status
ALASAN = "Realisasi RHK kedua sudah 100% dan bukti dukung telah diunggah."


@pytest.fixture
def hari(settings):
    settings.KINERJA = {**settings.KINERJA, "HARI_KEBERATAN": 14}
    return 14


@pytest.fixture
def final(org, hari):
    """An evaluation finalised just now, in a period whose batas pengisian is near (reminders run)."""
    periode = periode_terbuka(org.instansi, batas_pengisian=timezone.localdate() + timedelta(days=20))
    return set_final(penilaian_of(org.pegawai, periode), days_ago=0)


def lewat_waktu_entries(p):
    return AuditLog.objects.filter(object_id=str(p.pk), aksi="penilaian.diterima_lewat_waktu")


def beranda(client, org):
    client.force_login(org.pegawai.user)
    return client.get(reverse("home")).content.decode()


def tanggapi_reminded(org, p) -> bool:
    kandidat = pengingat_due_for(org.instansi, today=timezone.localdate())
    return any(k.jenis == Pengingat.Jenis.PENILAIAN_PERLU_DITANGGAPI and k.object_id == p.pk for k in kandidat)


def test_before_the_deadline_it_is_still_waiting(client, org, final, hari):
    with time_machine.travel(final.final_pada + timedelta(days=hari) - timedelta(minutes=5)):
        assert penilaian_accept_lapsed() == 0
        final.refresh_from_db()
        assert final.status == S.FINAL and not lewat_waktu_entries(final).exists()
        assert tanggapi_reminded(org, final)
        assert reverse("penilaian:tanggapan", args=[final.pk]) in beranda(client, org)
        page = client.get(reverse("penilaian:tanggapan", args=[final.pk])).content.decode()
        assert 'id="tombol-terima"' in page and 'id="tombol-keberatan"' in page and 'id="batas-lewat"' not in page


def test_after_the_deadline_the_task_marks_it_accepted(client, org, final, hari):
    with time_machine.travel(final.final_pada + timedelta(days=hari, minutes=5)):
        assert accept_lapsed_penilaian_task.delay().get() == 1
        final.refresh_from_db()
        assert final.status == S.LEWAT_WAKTU and final.ditanggapi_pada is not None
        entry = lewat_waktu_entries(final).get()
        assert entry.aktor is None and entry.data["ke"] == S.LEWAT_WAKTU and entry.data["batas"]
        assert reverse("penilaian:tanggapan", args=[final.pk]) not in beranda(client, org)
        assert not tanggapi_reminded(org, final)
        page = client.get(reverse("penilaian:tanggapan", args=[final.pk])).content.decode()
        assert 'id="batas-lewat"' in page and "Diterima (batas tanggapan lewat)" in page
        assert 'id="tombol-terima"' not in page and 'id="tombol-keberatan"' not in page
        assert "Diterima karena lewat waktu" in page  # the history says so
        listing = client.get(reverse("penilaian:tanggapan-list")).content.decode()
        assert "Diterima (batas tanggapan lewat)" in listing
        r = client.post(reverse("penilaian:keberatan-ajukan", args=[final.pk]), {"alasan": ALASAN}, follow=True)
        assert "sudah lewat" in r.content.decode() and not Keberatan.objects.exists()


def test_a_second_run_changes_nothing(org, final, hari):
    with time_machine.travel(final.final_pada + timedelta(days=hari + 1)):
        assert penilaian_accept_lapsed() == 1
        final.refresh_from_db()
        versi, ditanggapi = final.versi, final.ditanggapi_pada
    with time_machine.travel(final.final_pada + timedelta(days=hari + 2)):
        assert penilaian_accept_lapsed() == 0
    final.refresh_from_db()
    assert (final.status, final.versi, final.ditanggapi_pada) == (S.LEWAT_WAKTU, versi, ditanggapi)
    assert lewat_waktu_entries(final).count() == 1


def test_keberatan_filed_in_time_is_untouched(org, final, hari):
    with time_machine.travel(final.final_pada + timedelta(days=hari - 1)):
        keberatan_file(penilaian=final, alasan=ALASAN, oleh=org.pegawai.user)
    with time_machine.travel(final.final_pada + timedelta(days=hari + 30)):
        assert penilaian_accept_lapsed() == 0
    final.refresh_from_db()
    assert final.status == S.KEBERATAN and not lewat_waktu_entries(final).exists()
    assert Keberatan.objects.get().status == Keberatan.Status.DIAJUKAN


def test_an_expired_window_is_closed_even_before_the_task_ran(client, org, final, hari):
    with time_machine.travel(final.final_pada + timedelta(days=hari, hours=1)):
        assert reverse("penilaian:tanggapan", args=[final.pk]) not in beranda(client, org)
        assert not tanggapi_reminded(org, final)
        page = client.get(reverse("penilaian:tanggapan", args=[final.pk])).content.decode()
        assert 'id="batas-lewat"' in page and "Diterima (batas tanggapan lewat)" in page
        assert 'id="tombol-keberatan"' not in page
        client.force_login(org.atasan.user)
        team = client.get(reverse("penilaian:evaluasi-bawahan") + f"?tahun={final.periode.tahun}").content.decode()
        assert "Diterima (batas tanggapan lewat)" in team
    final.refresh_from_db()
    assert final.status == S.FINAL  # nothing written by a read


def test_the_task_is_in_the_beat_schedule():
    from kinerja import settings as production  # settings_test empties the schedule

    entry = production.CELERY_BEAT_SCHEDULE["penilaian-lewat-waktu"]
    assert entry["task"] == accept_lapsed_penilaian_task.name
