"""Acknowledgement and keberatan (domain.md §3.5): window, decision by the atasan pejabat penilai,
predikat re-derived (§3.4), every step audited and visible to the employee."""
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from kinerja.models import AuditLog
from notifikasi.models import Notifikasi
from pegawai.tests.factories import login_as
from penilaian.models import Keberatan, Penilaian, Periode
from penilaian.predikat import Predikat, Rating
from penilaian.rekan.keberatan import (
    keberatan_decide,
    keberatan_file,
    penilaian_acknowledge,
)

from .rekan_factories import final, penilaian_of, periode_terbuka

pytestmark = pytest.mark.django_db
ALASAN = "Realisasi RHK kedua sudah 100% dan bukti dukung telah diunggah."
S = Penilaian.Status


def aksi(p):
    return list(AuditLog.objects.filter(object_id=str(p.pk)).order_by("pk").values_list("aksi", flat=True))


def test_employee_acknowledges(org):
    p = final(penilaian_of(org.pegawai))
    penilaian_acknowledge(penilaian=p, oleh=org.pegawai.user)
    p.refresh_from_db()
    assert p.status == S.DITERIMA and p.ditanggapi_pada is not None
    assert "penilaian.diterima" in aksi(p)
    with pytest.raises(ValidationError):
        keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)


def test_keberatan_inside_window_goes_to_atasan_pejabat_penilai(org, settings):
    settings.KINERJA = {**settings.KINERJA, "HARI_KEBERATAN": 14}
    p = final(penilaian_of(org.pegawai), days_ago=13)
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    p.refresh_from_db()
    assert p.status == S.KEBERATAN and kb.pemutus == org.kabid  # SKP's atasan_penilai (atasan's atasan)
    assert "keberatan.diajukan" in aksi(p)


def test_keberatan_after_window_is_refused_with_a_clear_message(client, org, settings):
    settings.KINERJA = {**settings.KINERJA, "HARI_KEBERATAN": 14}
    p = final(penilaian_of(org.pegawai), days_ago=15)
    with pytest.raises(ValidationError, match="Batas waktu pengajuan keberatan .*14 hari.* sudah lewat"):
        keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    client.force_login(org.pegawai.user)
    page = client.get(reverse("penilaian:tanggapan", args=[p.pk])).content.decode()
    assert 'id="batas-lewat"' in page and 'id="tombol-keberatan"' not in page
    r = client.post(reverse("penilaian:keberatan-ajukan", args=[p.pk]), {"alasan": ALASAN}, follow=True)
    assert "sudah lewat" in r.content.decode()
    p.refresh_from_db()
    assert p.status == S.FINAL and not Keberatan.objects.exists()


@pytest.mark.parametrize(("hari", "days_ago", "boleh"), [(30, 20, True), (14, 20, False), (30, 31, False)])
def test_window_is_configurable(org, settings, hari, days_ago, boleh):
    settings.KINERJA = {**settings.KINERJA, "HARI_KEBERATAN": hari}
    p = final(penilaian_of(org.pegawai), days_ago=days_ago)
    if boleh:
        keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    else:
        with pytest.raises(ValidationError, match=f"{hari} hari"):
            keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    p.refresh_from_db()
    assert p.status == (S.KEBERATAN if boleh else S.FINAL)
    assert Keberatan.objects.filter(penilaian=p).exists() is boleh


def test_only_the_appraisee_files_and_not_before_final(org):
    p = penilaian_of(org.pegawai)
    with pytest.raises(ValidationError, match="sudah final"):
        keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    final(p)
    with pytest.raises(ValidationError, match="Hanya pegawai yang dinilai"):
        keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.atasan.user)


def test_short_reason_is_refused(org):
    p = final(penilaian_of(org.pegawai))
    with pytest.raises(ValidationError, match="minimal 20"):
        keberatan_file(penilaian=p, alasan="tidak setuju", oleh=org.pegawai.user)


@pytest.mark.parametrize("hasil,perilaku,predikat", [
    (Rating.DI_ATAS, Rating.DI_ATAS, Predikat.SANGAT_BAIK),
    (Rating.DI_ATAS, Rating.DI_BAWAH, Predikat.KURANG),  # asymmetric matrix, §3.4
    (Rating.DI_BAWAH, Rating.DI_ATAS, Predikat.BUTUH_PERBAIKAN),
])
def test_changed_decision_re_derives_the_predikat(org, hasil, perilaku, predikat):
    p = final(penilaian_of(org.pegawai), Rating.SESUAI, Rating.SESUAI)
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    keberatan_decide(keberatan=kb, ubah=True, rating_hasil=hasil, rating_perilaku=perilaku,
                    keputusan="Bukti dukung RHK kedua sah.", oleh=org.kabid.user)
    p.refresh_from_db()
    kb.refresh_from_db()
    assert (p.status, p.rating_hasil, p.rating_perilaku, p.predikat) == (S.DIPUTUS, hasil, perilaku, predikat)
    assert (kb.status, kb.predikat_lama, kb.rating_hasil_lama) == (Keberatan.Status.DIUBAH, Predikat.BAIK,
                                                                   Rating.SESUAI)
    assert aksi(p) == ["penilaian.rated", "penilaian.finalized", "keberatan.diajukan", "keberatan.diputus"]
    entry = AuditLog.objects.get(aksi="keberatan.diputus")
    assert entry.data["dari"]["predikat"] == Predikat.BAIK and entry.data["ke"]["predikat"] == predikat
    assert entry.aktor == org.kabid.user and "Bukti dukung" in entry.catatan


def test_upheld_decision_keeps_ratings(org):
    p = final(penilaian_of(org.pegawai), Rating.DI_BAWAH, Rating.SESUAI)
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    keberatan_decide(keberatan=kb, ubah=False, keputusan="Bukti tidak mendukung.", oleh=org.kabid.user)
    p.refresh_from_db()
    assert (p.status, p.predikat) == (S.DIPUTUS, Predikat.BUTUH_PERBAIKAN)
    with pytest.raises(ValidationError, match="sudah diputus"):
        kb = Keberatan.objects.get()
        keberatan_decide(keberatan=kb, ubah=False, keputusan="Sekali lagi ya.", oleh=org.kabid.user)


@pytest.mark.parametrize("actor", ["pegawai", "atasan", "atasan2", "hr"])
def test_only_the_atasan_pejabat_penilai_decides(org, actor):
    p = final(penilaian_of(org.pegawai))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    user = getattr(org, actor)
    with pytest.raises(ValidationError, match="Hanya atasan pejabat penilai"):
        keberatan_decide(keberatan=kb, ubah=False, keputusan="Dipertahankan saja.", oleh=getattr(user, "user", user))


def test_penilai_atasan_decides_when_skp_has_no_atasan_penilai(org):
    p = penilaian_of(org.pegawai)
    p.skp.atasan_penilai = None
    p.skp.save()
    kb = keberatan_file(penilaian=final(p), alasan=ALASAN, oleh=org.pegawai.user)
    assert kb.pemutus == org.kabid


def test_annual_predikat_change_triggers_follow_up_on_commit(org, django_capture_on_commit_callbacks):
    periode = periode_terbuka(org.instansi, jenis=Periode.Jenis.TAHUNAN, nama="Akhir")
    p = final(penilaian_of(org.pegawai, periode=periode))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    with (
        mock.patch("penilaian.rekan.keberatan.tindak_lanjut_predikat_tahunan") as hook,
        django_capture_on_commit_callbacks(execute=True),
    ):
        keberatan_decide(
            keberatan=kb,
            ubah=True,
            rating_hasil=Rating.DI_ATAS,
            rating_perilaku=Rating.DI_ATAS,
            keputusan="Capaian melebihi target.",
            oleh=org.kabid.user,
        )
    hook.assert_called_once()
    assert hook.call_args.kwargs["oleh"] == org.kabid.user


def test_periodic_predikat_change_does_not_trigger_follow_up(org, django_capture_on_commit_callbacks):
    p = final(penilaian_of(org.pegawai))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    with (
        mock.patch("penilaian.rekan.keberatan.tindak_lanjut_predikat_tahunan") as hook,
        django_capture_on_commit_callbacks(execute=True),
    ):
        keberatan_decide(
            keberatan=kb,
            ubah=True,
            rating_hasil=Rating.DI_ATAS,
            rating_perilaku=Rating.DI_ATAS,
            keputusan="Capaian melebihi target.",
            oleh=org.kabid.user,
        )
    hook.assert_not_called()


def test_annual_upheld_decision_does_not_trigger_follow_up(org, django_capture_on_commit_callbacks):
    periode = periode_terbuka(org.instansi, jenis=Periode.Jenis.TAHUNAN, nama="Akhir")
    kb = keberatan_file(
        penilaian=final(penilaian_of(org.pegawai, periode=periode)), alasan=ALASAN, oleh=org.pegawai.user
    )
    with (
        mock.patch("penilaian.rekan.keberatan.tindak_lanjut_predikat_tahunan") as hook,
        django_capture_on_commit_callbacks(execute=True),
    ):
        keberatan_decide(keberatan=kb, ubah=False, keputusan="Penilaian sudah tepat.", oleh=org.kabid.user)
    hook.assert_not_called()


def test_parties_are_notified(org):
    p = final(penilaian_of(org.pegawai))
    awal = Notifikasi.objects.values_list("pk", flat=True).last() or 0  # "penilaian final" from the set-up
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    keberatan_decide(keberatan=kb, ubah=False, keputusan="Dipertahankan, bukti kurang.", oleh=org.kabid.user)
    rows = list(Notifikasi.objects.filter(pk__gt=awal).order_by("pk").values_list("penerima", "judul"))
    assert rows == [
        (org.kabid.user.pk, "Keberatan perlu diputus"),
        (org.atasan.user.pk, "Keberatan diajukan"),
        (org.pegawai.user.pk, "Keberatan diputus"),
        (org.atasan.user.pk, "Keberatan diputus"),
    ]


def test_no_one_is_told_about_a_keberatan_that_was_rolled_back(org):
    p = final(penilaian_of(org.pegawai))
    sebelum = Notifikasi.objects.count()  # "penilaian final" from the set-up
    with pytest.raises(RuntimeError), transaction.atomic():
        keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
        raise RuntimeError("the caller's transaction fails after the service")
    assert not Keberatan.objects.exists() and Notifikasi.objects.count() == sebelum


def test_employee_sees_decision_and_audit_trail(client, org):
    p = final(penilaian_of(org.pegawai))
    client.force_login(org.pegawai.user)
    client.post(reverse("penilaian:keberatan-ajukan", args=[p.pk]), {"alasan": ALASAN})
    kb = Keberatan.objects.get()
    client.force_login(org.kabid.user)
    r = client.post(
        reverse("penilaian:keberatan-detail", args=[kb.pk]),
        {
            "keputusan_jenis": "UBAH",
            "rating_hasil": Rating.DI_ATAS,
            "rating_perilaku": Rating.DI_ATAS,
            "keputusan": "Capaian RHK melebihi target tahunan.",
        },
    )
    assert r.status_code == 302
    client.force_login(org.pegawai.user)
    page = client.get(reverse("penilaian:tanggapan", args=[p.pk])).content.decode()
    assert "Capaian RHK melebihi target tahunan." in page and "Sangat Baik" in page
    assert "Keberatan diajukan" in page and "Keberatan diputus" in page


@pytest.mark.parametrize(
    "actor,status",
    [
        ("pegawai", 200),
        ("atasan", 200),
        ("kabid", 200),
        ("lain", 404),
        ("atasan2", 404),
        ("hr", 200),
        ("hr_other", 404),
    ],
)
def test_keberatan_and_response_pages_permissions(client, org, actor, status):
    p = final(penilaian_of(org.pegawai))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    login_as(client, org, actor)
    assert client.get(reverse("penilaian:keberatan-detail", args=[kb.pk])).status_code == status
    assert client.get(reverse("penilaian:tanggapan", args=[p.pk])).status_code == status


@pytest.mark.parametrize("actor", ["atasan", "lain", "hr"])
def test_only_owner_can_post_responses(client, org, actor):
    p = final(penilaian_of(org.pegawai))
    login_as(client, org, actor)
    assert client.post(reverse("penilaian:tanggapan-terima", args=[p.pk])).status_code == 404
    assert client.post(reverse("penilaian:keberatan-ajukan", args=[p.pk]), {"alasan": ALASAN}).status_code == 404
    p.refresh_from_db()
    assert p.status == S.FINAL


def test_decision_form_hidden_from_non_deciders(client, org):
    p = final(penilaian_of(org.pegawai))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    client.force_login(org.atasan.user)
    assert 'id="tombol-putus"' not in client.get(reverse("penilaian:keberatan-detail", args=[kb.pk])).content.decode()
    client.post(
        reverse("penilaian:keberatan-detail", args=[kb.pk]), {"keputusan_jenis": "PERTAHANKAN", "keputusan": "x" * 20}
    )
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIAJUKAN
    client.force_login(org.kabid.user)
    assert 'id="tombol-putus"' in client.get(reverse("penilaian:keberatan-detail", args=[kb.pk])).content.decode()
    assert kb.pk in [k.pk for k in client.get(reverse("penilaian:keberatan-list")).context["page_obj"]]


def test_my_results_are_listed_newest_period_first_with_the_detail_page_badge(client, org):
    from datetime import date, timedelta

    from pegawai.tests.factories import login_as
    from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory

    year = date.today().year - 1
    skp = SkpFactory(pegawai=org.pegawai, status="DISETUJUI", tahun=year)
    akhir = PeriodeFactory(
        instansi=org.instansi,
        tahun=year,
        nama="Triwulan IV",
        tanggal_mulai=date(year, 10, 1),
        tanggal_selesai=date(year, 12, 31),
        batas_pengisian=date.today() + timedelta(days=30),  # still open: finalised yesterday, window running
    )
    awal = PeriodeFactory(
        instansi=org.instansi,
        tahun=year,
        nama="Triwulan I",
        tanggal_mulai=date(year, 1, 1),
        tanggal_selesai=date(year, 3, 31),
        batas_pengisian=date.today() + timedelta(days=30),
    )
    final(PenilaianFactory(skp=skp, periode=akhir))  # created first, but the later period
    p_awal = final(PenilaianFactory(skp=skp, periode=awal))
    html = login_as(client, org, "pegawai").get(reverse("penilaian:tanggapan-list")).content.decode()
    assert html.index("Triwulan IV") < html.index("Triwulan I ")
    detail = client.get(reverse("penilaian:tanggapan", args=[p_awal.pk])).content.decode()
    badge = '<span class="badge text-bg-primary '
    assert badge in html and badge in detail  # FINAL: one colour in the list and on the page
