"""Evaluation workflow rules (domain.md §3.2–§3.5): lock, versions, ratings, leader rule, finalise."""
from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.models import AuditLog
from penilaian.evaluasi import services
from penilaian.evaluasi.periode import buka_kunci_create
from penilaian.models import (
    CapaianOrganisasi,
    Penilaian,
    PerilakuKerja,
    Realisasi,
    UmpanBalik,
)
from penilaian.predikat import Predikat, Rating
from penilaian.tests.evaluasi_helpers import (
    penilaian_untuk,
    periode_terbuka,
    periode_terkunci,
)
from penilaian.tests.factories import siapkan_urutan

S = Penilaian.Status
pytestmark = pytest.mark.django_db


def _isian(p, nilai=Decimal(5)):
    iki = p.skp.rhk.first().iki.first()
    return services.penilaian_save_isian(penilaian=p, versi=p.versi, rencana_aksi={iki.rhk_id: "Menyusun draf"},
                                         realisasi={iki.pk: (nilai, "")}, oleh=p.skp.pegawai.user)


def test_save_isian_writes_rencana_aksi_and_realisasi_and_bumps_version(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    _isian(p)
    p.refresh_from_db()
    assert p.versi == 2
    assert p.rencana_aksi.get().teks == "Menyusun draf"
    assert p.realisasi.get().nilai == Decimal(5)


def test_stale_version_is_refused_and_nothing_is_overwritten(org):
    """No lost updates: the second writer with the old version gets a conflict (issue 4, item 7)."""
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    stale = Penilaian.objects.get(pk=p.pk)
    _isian(p, Decimal(5))
    with pytest.raises(services.KonflikVersi, match="diubah oleh orang lain"):
        _isian(stale, Decimal(9))
    assert Realisasi.objects.get(penilaian=p).nilai == Decimal(5)


def test_locked_period_refuses_every_write_with_a_clear_message(org):
    p = penilaian_untuk(org.pegawai, periode_terkunci(org.instansi))
    with pytest.raises(ValidationError, match="sudah terkunci"):
        _isian(p)
    p.status = S.DIAJUKAN
    p.save()
    with pytest.raises(ValidationError, match="sudah terkunci"):
        services.penilaian_rate(penilaian=p, versi=p.versi, rating_hasil=Rating.SESUAI, rating_perilaku=Rating.SESUAI,
                                oleh=org.atasan.user)
    with pytest.raises(ValidationError, match="sudah terkunci"):
        services.umpan_balik_save(penilaian=p, versi=p.versi, oleh=org.atasan.user,
                                  perilaku=PerilakuKerja.objects.first(), teks="Bagus")


def test_deadline_locks_at_end_of_that_day_in_jakarta(org):
    periode = periode_terbuka(org.instansi)
    akhir = periode.batas_waktu
    assert str(akhir.tzinfo) == "Asia/Jakarta" and (akhir.hour, akhir.minute) == (23, 59)
    assert not periode.terkunci(akhir - timedelta(seconds=1))
    assert periode.terkunci(akhir + timedelta(seconds=1))


def test_hr_unlock_reopens_for_that_pegawai_only_and_is_audited(org):
    periode = periode_terkunci(org.instansi)
    p = penilaian_untuk(org.pegawai, periode)
    p_rekan = penilaian_untuk(org.rekan, periode)
    buka_kunci_create(periode=periode, pegawai=org.pegawai, alasan="Sakit saat batas pengisian",
                      berlaku_sampai=timezone.now() + timedelta(days=2), oleh=org.hr)
    _isian(p)  # reopened for this pegawai
    with pytest.raises(ValidationError, match="terkunci"):
        _isian(p_rekan)
    log = AuditLog.objects.get(aksi="periode.unlocked")
    assert (
        log.aktor == org.hr and log.catatan == "Sakit saat batas pengisian" and log.data["pegawai"] == org.pegawai.nip
    )


def test_expired_unlock_locks_again(org):
    periode = periode_terkunci(org.instansi)
    p = penilaian_untuk(org.pegawai, periode)
    bk = buka_kunci_create(
        periode=periode,
        pegawai=org.pegawai,
        alasan="x",
        berlaku_sampai=timezone.now() + timedelta(hours=1),
        oleh=org.hr,
    )
    bk.berlaku_sampai = timezone.now() - timedelta(minutes=1)
    bk.save()
    with pytest.raises(ValidationError, match="terkunci"):
        _isian(p)


def test_unlock_needs_reason_future_time_and_same_instansi(org):
    periode = periode_terkunci(org.instansi)
    later = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError):
        buka_kunci_create(periode=periode, pegawai=org.pegawai, alasan=" ", berlaku_sampai=later, oleh=org.hr)
    with pytest.raises(ValidationError):
        buka_kunci_create(
            periode=periode,
            pegawai=org.pegawai,
            alasan="x",
            berlaku_sampai=timezone.now() - timedelta(hours=1),
            oleh=org.hr,
        )
    with pytest.raises(ValidationError):
        buka_kunci_create(periode=periode, pegawai=org.asing, alasan="x", berlaku_sampai=later, oleh=org.hr)


def test_submit_needs_a_realisasi_then_moves_to_diajukan_and_audits(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    with pytest.raises(ValidationError, match="realisasi"):
        services.penilaian_submit(penilaian=p, versi=p.versi, oleh=org.pegawai.user)
    _isian(p)
    services.penilaian_submit(penilaian=p, versi=p.versi, oleh=org.pegawai.user)
    p.refresh_from_db()
    assert p.status == S.DIAJUKAN and p.diajukan_pada
    assert AuditLog.objects.filter(aksi="penilaian.submitted", data__ke=S.DIAJUKAN).exists()
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        _isian(p)


def test_rating_derives_predikat_and_audits_the_change(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DIAJUKAN)
    services.penilaian_rate(
        penilaian=p, versi=p.versi, rating_hasil=Rating.DI_ATAS, rating_perilaku=Rating.DI_BAWAH, oleh=org.atasan.user
    )
    p.refresh_from_db()
    assert (p.status, p.predikat) == (S.DINILAI, Predikat.KURANG)  # §3.4: misconduct, not "Baik"
    log = AuditLog.objects.get(aksi="penilaian.rated")
    assert log.data["dari"]["rating_hasil"] == "" and log.data["ke"]["predikat"] == Predikat.KURANG


def test_rating_before_submission_is_refused(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    with pytest.raises(ValidationError, match="mengajukannya"):
        services.penilaian_rate(
            penilaian=p, versi=p.versi, rating_hasil=Rating.SESUAI, rating_perilaku=Rating.SESUAI, oleh=org.atasan.user
        )


@pytest.mark.parametrize(
    ("capaian", "rating"),
    [
        ("ISTIMEWA", Rating.DI_ATAS),
        ("BAIK", Rating.SESUAI),
        ("BUTUH_PERBAIKAN", Rating.DI_BAWAH),
        ("KURANG", Rating.DI_BAWAH),
        ("SANGAT_KURANG", Rating.DI_BAWAH),
    ],
)
def test_leader_rating_hasil_follows_capaian_organisasi(org, capaian, rating):
    """domain.md §3.3 (SE 3/2023): the unit head's rating hasil is the unit's capaian; typed value ignored."""
    periode = periode_terbuka(org.instansi)
    p = penilaian_untuk(org.atasan, periode, status=S.DIAJUKAN)  # atasan heads Seksi Satu
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=periode, predikat=capaian)
    typed = Rating.DI_BAWAH if rating != Rating.DI_BAWAH else Rating.DI_ATAS
    services.penilaian_rate(
        penilaian=p, versi=p.versi, rating_hasil=typed, rating_perilaku=Rating.SESUAI, oleh=org.kabid.user
    )
    p.refresh_from_db()
    assert p.rating_hasil == rating and p.capaian_organisasi == capaian


def test_leader_rule_does_not_apply_without_capaian_or_to_staff(org):
    periode = periode_terbuka(org.instansi)
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=periode, predikat="ISTIMEWA")
    staff = penilaian_untuk(org.pegawai, periode, status=S.DIAJUKAN)
    services.penilaian_rate(
        penilaian=staff,
        versi=staff.versi,
        rating_hasil=Rating.SESUAI,
        rating_perilaku=Rating.SESUAI,
        oleh=org.atasan.user,
    )
    staff.refresh_from_db()
    assert staff.rating_hasil == Rating.SESUAI
    head2 = penilaian_untuk(org.atasan2, periode, status=S.DIAJUKAN)  # no capaian for Seksi Dua
    services.penilaian_rate(
        penilaian=head2,
        versi=head2.versi,
        rating_hasil=Rating.DI_BAWAH,
        rating_perilaku=Rating.SESUAI,
        oleh=org.kabid.user,
    )
    head2.refresh_from_db()
    assert head2.rating_hasil == Rating.DI_BAWAH


def test_finalize_needs_both_ratings(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DIAJUKAN)
    siapkan_urutan(p)
    services.penilaian_rate(
        penilaian=p, versi=p.versi, rating_hasil=Rating.SESUAI, rating_perilaku="", oleh=org.atasan.user
    )
    with pytest.raises(ValidationError, match="rating"):
        services.penilaian_finalize(penilaian=p, versi=p.versi, oleh=org.atasan.user)


def test_finalize_stores_predikat_snapshot_audit_and_notifies(org, django_capture_on_commit_callbacks):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DIAJUKAN)
    siapkan_urutan(p)
    services.penilaian_rate(
        penilaian=p, versi=p.versi, rating_hasil=Rating.DI_ATAS, rating_perilaku=Rating.DI_ATAS, oleh=org.atasan.user
    )
    with (
        mock.patch("penilaian.evaluasi.services.notify") as notify,
        mock.patch("pelatihan.services.tindak_lanjut_predikat_tahunan") as tindak,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.penilaian_finalize(penilaian=p, versi=p.versi, oleh=org.atasan.user)
    p.refresh_from_db()
    assert (p.status, p.predikat, p.penilai) == (S.FINAL, Predikat.SANGAT_BAIK, org.atasan)
    assert p.snapshot["pegawai"]["nip"] == org.pegawai.nip
    assert p.snapshot["penilai"]["nip"] == org.atasan.nip
    assert p.snapshot["pegawai"]["pangkat_golongan"] == "Penata Muda, III/a"
    assert p.snapshot["pegawai"]["unit"] == "Seksi Satu" and p.snapshot["pegawai"]["jabatan"] == str(
        org.pegawai.jabatan
    )
    assert p.snapshot["atasan_penilai"]["nama"] == org.kabid.nama_lengkap  # same block as the SKP snapshot
    assert AuditLog.objects.filter(aksi="penilaian.finalized", data__predikat=Predikat.SANGAT_BAIK).exists()
    assert notify.call_args.kwargs["penerima"] == org.pegawai.user
    tindak.assert_not_called()  # not an annual period


def test_finalize_of_annual_period_starts_follow_up_after_commit(org, django_capture_on_commit_callbacks):
    periode = periode_terbuka(org.instansi, nama="Akhir", jenis="TAHUNAN")
    p = penilaian_untuk(
        org.pegawai, periode, status=S.DINILAI, rating_hasil=Rating.SESUAI, rating_perilaku=Rating.SESUAI
    )
    siapkan_urutan(p)
    with mock.patch("pelatihan.services.tindak_lanjut_predikat_tahunan") as tindak:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.penilaian_finalize(penilaian=p, versi=p.versi, oleh=org.atasan.user)
        tindak.assert_not_called()  # only once the transaction commits
        for cb in callbacks:
            cb()
    assert tindak.call_args.kwargs["penilaian"].pk == p.pk
    assert tindak.call_args.kwargs["oleh"] == org.atasan.user


def test_feedback_autosave_unchanged_text_does_not_bump_version(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    perilaku = PerilakuKerja.objects.first()
    services.umpan_balik_save(penilaian=p, versi=1, oleh=org.atasan.user, perilaku=perilaku, teks="Pertahankan")
    assert (
        services.umpan_balik_save(penilaian=p, versi=2, oleh=org.atasan.user, perilaku=perilaku, teks="Pertahankan")
        is None
    )
    p.refresh_from_db()
    assert p.versi == 2 and UmpanBalik.objects.get().oleh == org.atasan


def test_feedback_phrase_must_come_from_picklist(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    with pytest.raises(ValidationError, match="daftar pilihan"):
        services.umpan_balik_save(penilaian=p, versi=1, oleh=org.atasan.user, rhk=p.skp.rhk.first(), frasa="Karangan")


def test_return_sends_back_to_draft_with_note(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DIAJUKAN)
    services.penilaian_return(penilaian=p, versi=p.versi, catatan="Lengkapi bukti", oleh=org.atasan.user)
    p.refresh_from_db()
    assert p.status == S.DRAFT
    assert AuditLog.objects.get(aksi="penilaian.returned").catatan == "Lengkapi bukti"


def test_open_refuses_unapproved_skp_and_other_instansi_period(org):
    from penilaian.tests.evaluasi_helpers import skp_disetujui
    from penilaian.tests.factories import SkpFactory

    periode = periode_terbuka(org.instansi)
    draft = SkpFactory(pegawai=org.pegawai, tahun=periode.tahun)
    with pytest.raises(ValidationError, match="belum disetujui"):
        services.penilaian_open(skp=draft, periode=periode, oleh=org.pegawai.user)
    other = periode_terbuka(org.other_instansi)
    with pytest.raises(ValidationError, match="bukan periode"):
        services.penilaian_open(skp=skp_disetujui(org.pegawai), periode=other, oleh=org.pegawai.user)
