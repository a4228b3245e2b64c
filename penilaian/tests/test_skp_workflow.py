"""SKP workflow services: creation, submission, approval, return, revision, reassignment (domain.md §1.3–§1.5)."""
from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from kinerja.audit import audit_for
from pegawai.tests.factories import JabatanFactory
from penilaian.models import EkspektasiPerilaku, PerilakuKerja, RencanaHasilKerja, Skp
from penilaian.skp import services, services_isi
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory, skp_with_rhk

pytestmark = pytest.mark.django_db
S = Skp.Status


def new_skp(p, **kw):
    args = {
        "pegawai": p,
        "tahun": 2026,
        "tanggal_mulai": date(2026, 1, 1),
        "tanggal_selesai": date(2026, 12, 31),
        "oleh": p.user,
    }
    return services.skp_create(**{**args, **kw})


# --- creation (domain.md §1.5: several SKP per year, non-overlapping, inside the year) ---------------


def test_create_derives_bentuk_penilai_and_atasan_penilai(org):
    skp = new_skp(org.pegawai)
    assert skp.bentuk == Skp.Bentuk.JA_JF and skp.status == S.DRAFT
    assert skp.pejabat_penilai == org.atasan and skp.atasan_penilai == org.kabid
    assert EkspektasiPerilaku.objects.filter(skp=skp).count() == 7


def test_create_for_jpt_jabatan_uses_jpt_form(org):
    org.kabid.jabatan = JabatanFactory(nama="Kepala Dinas", jenis="JPT_PRATAMA")
    org.kabid.save()
    assert new_skp(org.kabid).bentuk == Skp.Bentuk.JPT


@pytest.mark.parametrize(
    "mulai,selesai,ok",
    [
        (date(2026, 7, 1), date(2026, 12, 31), True),  # after a move mid-year
        (date(2026, 6, 30), date(2026, 12, 31), False),  # overlaps the first one by a day
        (date(2025, 12, 1), date(2026, 3, 31), False),  # outside the year
        (date(2026, 8, 1), date(2026, 7, 1), False),  # end before start
    ],
)
def test_several_skp_per_year_must_not_overlap(org, mulai, selesai, ok):
    new_skp(org.pegawai, tanggal_selesai=date(2026, 6, 30))
    if ok:
        assert new_skp(org.pegawai, tanggal_mulai=mulai, tanggal_selesai=selesai).tanggal_mulai == mulai
    else:
        with pytest.raises(ValidationError):
            new_skp(org.pegawai, tanggal_mulai=mulai, tanggal_selesai=selesai)


def test_create_can_copy_last_years_rhk_and_iki_without_the_old_link(org):
    lalu = skp_with_rhk(org.pegawai, n_rhk=2, tahun=2025)
    induk = RhkFactory(skp=SkpFactory(pegawai=org.atasan, tahun=2025))
    lalu.rhk.update(induk=induk)
    skp = new_skp(org.pegawai, salin=True)
    assert sorted(skp.rhk.values_list("teks", flat=True)) == sorted(lalu.rhk.values_list("teks", flat=True))
    assert all(r.iki.count() == 1 for r in skp.rhk.all())
    assert not skp.rhk.filter(induk__isnull=False).exists()


# --- transitions ------------------------------------------------------------------------------------

TRANSITIONS = [  # (status dari, aksi, allowed) — issue 3 "Status"
    (S.DRAFT, "submit", True),
    (S.DIKEMBALIKAN, "submit", True),
    (S.DIAJUKAN, "submit", False),
    (S.DISETUJUI, "submit", False),
    (S.DIAJUKAN, "approve", True),
    (S.DRAFT, "approve", False),
    (S.DIKEMBALIKAN, "approve", False),
    (S.DISETUJUI, "approve", False),
    (S.DIAJUKAN, "return", True),
    (S.DRAFT, "return", False),
    (S.DISETUJUI, "return", False),
    (S.DISETUJUI, "revise", True),
    (S.DRAFT, "revise", False),
    (S.DIAJUKAN, "revise", False),
]


def do(aksi, skp, org):
    if aksi == "submit":
        return services.skp_submit(skp=skp, oleh=org.pegawai.user)
    if aksi == "approve":
        return services.skp_approve(skp=skp, oleh=org.atasan.user)
    if aksi == "return":
        return services.skp_return(skp=skp, catatan="Perbaiki target", oleh=org.atasan.user)
    return services.skp_open_revision(skp=skp, oleh=org.pegawai.user)


@pytest.mark.parametrize("dari,aksi,allowed", TRANSITIONS)
def test_transition_table(org, dari, aksi, allowed, django_capture_on_commit_callbacks):
    skp = skp_with_rhk(org.pegawai, status=dari)
    if allowed:
        with django_capture_on_commit_callbacks(execute=True):
            skp = do(aksi, skp, org)
        assert skp.status == services.TRANSISI[(dari, aksi)]
        assert audit_for(skp).first().data["dari"] == dari
    else:
        with pytest.raises(ValidationError):
            do(aksi, skp, org)
        skp.refresh_from_db()
        assert skp.status == dari


@pytest.mark.parametrize("actor", ["pegawai", "rekan", "atasan2", "kabid"])
def test_only_the_penilai_approves_or_returns(org, actor):
    """Nobody approves their own SKP; a supervisor of another unit or the next level up cannot either."""
    skp = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    user = getattr(org, actor).user
    with pytest.raises(ValidationError):
        services.skp_approve(skp=skp, oleh=user)
    with pytest.raises(ValidationError):
        services.skp_return(skp=skp, catatan="x", oleh=user)
    skp.refresh_from_db()
    assert skp.status == S.DIAJUKAN


def test_supervisor_cannot_approve_own_skp_even_if_recorded_as_penilai(org):
    skp = skp_with_rhk(org.atasan, status=S.DIAJUKAN, pejabat_penilai=org.atasan)
    with pytest.raises(ValidationError):
        services.skp_approve(skp=skp, oleh=org.atasan.user)


def test_only_owner_submits(org):
    skp = skp_with_rhk(org.pegawai, status=S.DRAFT)
    with pytest.raises(ValidationError):
        services.skp_submit(skp=skp, oleh=org.atasan.user)


@pytest.mark.parametrize(
    "setup,pesan",
    [
        ("kosong", "minimal satu rencana hasil kerja utama"),
        ("tambahan_saja", "minimal satu rencana hasil kerja utama"),
        ("tanpa_iki", "wajib memiliki indikator"),
        ("tanpa_penilai", "Pejabat penilai belum ditetapkan"),
    ],
)
def test_submit_requirements(org, setup, pesan):
    skp = SkpFactory(pegawai=org.pegawai)
    if setup == "tambahan_saja":
        IkiFactory(rhk=RhkFactory(skp=skp, jenis=RencanaHasilKerja.Jenis.TAMBAHAN))
    if setup == "tanpa_iki":
        IkiFactory(rhk=RhkFactory(skp=skp))
        RhkFactory(skp=skp)
    if setup == "tanpa_penilai":
        IkiFactory(rhk=RhkFactory(skp=skp))
        skp.pejabat_penilai = None
        skp.save()
    with pytest.raises(ValidationError) as exc:
        services.skp_submit(skp=skp, oleh=org.pegawai.user)
    assert pesan in " ".join(exc.value.messages)


def test_snapshot_frozen_at_submission_even_after_supervisor_changes_jabatan(org):
    skp = services.skp_submit(skp=skp_with_rhk(org.pegawai, status=S.DRAFT), oleh=org.pegawai.user)
    assert skp.snapshot["penilai"]["jabatan"] == "Kepala Seksi"
    assert skp.snapshot["pegawai"]["nip"] == org.pegawai.nip
    assert skp.snapshot["pegawai"]["pangkat_golongan"] == "Penata Muda, III/a"
    assert skp.snapshot["atasan_penilai"]["nama"] == org.kabid.nama_lengkap
    org.atasan.jabatan = JabatanFactory(nama="Kepala Bidang Baru", jenis="ADMINISTRATOR")
    org.atasan.save()
    services.skp_approve(skp=skp, oleh=org.atasan.user)
    skp.refresh_from_db()
    assert skp.snapshot["penilai"]["jabatan"] == "Kepala Seksi"
    assert skp.versi_disetujui.get().data["identitas"]["penilai"]["jabatan"] == "Kepala Seksi"


def test_return_needs_a_note_and_shows_it(org):
    skp = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    with pytest.raises(ValidationError):
        services.skp_return(skp=skp, catatan="  ", oleh=org.atasan.user)
    skp = services.skp_return(skp=skp, catatan="Target IKI belum terukur", oleh=org.atasan.user)
    assert skp.status == S.DIKEMBALIKAN and skp.catatan_pengembalian == "Target IKI belum terukur"
    assert audit_for(skp).first().catatan == "Target IKI belum terukur"


def test_approve_writes_expectations_and_version_and_revision_bumps_versi(org):
    skp = skp_with_rhk(org.pegawai, status=S.DRAFT)
    EkspektasiPerilaku.objects.bulk_create(
        [EkspektasiPerilaku(skp=skp, perilaku=p) for p in PerilakuKerja.objects.all()]
    )
    services.skp_submit(skp=skp, oleh=org.pegawai.user)
    akuntabel = PerilakuKerja.objects.get(kode="AKUNTABEL")
    skp = services.skp_approve(skp=skp, oleh=org.atasan.user, ekspektasi={akuntabel.pk: "Menolak gratifikasi"})
    assert skp.status == S.DISETUJUI and skp.versi == 1
    v1 = skp.versi_disetujui.get()
    assert {"nama": "Akuntabel", "ekspektasi": "Menolak gratifikasi"} in v1.data["perilaku"]
    teks_lama = v1.data["rhk"][0]["teks"]
    # edit only through a revision
    rhk = skp.rhk.first()
    rhk.teks = "Diubah tanpa revisi"
    with pytest.raises(ValidationError):
        services_isi.rhk_save(skp=skp, rhk=rhk, oleh=org.pegawai.user)
    services.skp_open_revision(skp=skp, oleh=org.pegawai.user)
    skp.refresh_from_db()
    assert skp.status == S.DRAFT and skp.versi == 1
    services_isi.rhk_save(skp=skp, rhk=rhk, oleh=org.pegawai.user)
    assert skp.versi_disetujui.get().data["rhk"][0]["teks"] == teks_lama  # approved version stays readable
    services.skp_submit(skp=skp, oleh=org.pegawai.user)
    skp = services.skp_approve(skp=skp, oleh=org.atasan.user)
    assert skp.versi == 2 and list(skp.versi_disetujui.values_list("versi", flat=True)) == [2, 1]
    aksi = list(audit_for(skp).values_list("aksi", flat=True))
    assert "skp.rhk_changed" in aksi and "skp.revision_opened" in aksi


def test_notifications_go_to_the_other_party(org, django_capture_on_commit_callbacks):
    skp = skp_with_rhk(org.pegawai, status=S.DRAFT)
    with mock.patch("penilaian.skp.services.notify") as notify:
        with django_capture_on_commit_callbacks(execute=True):
            services.skp_submit(skp=skp, oleh=org.pegawai.user)
        assert notify.call_args.kwargs["penerima"] == org.atasan.user
        with django_capture_on_commit_callbacks(execute=True):
            services.skp_return(skp=skp, catatan="Perbaiki", oleh=org.atasan.user)
        assert notify.call_args.kwargs["penerima"] == org.pegawai.user
        with django_capture_on_commit_callbacks(execute=True):
            services.skp_submit(skp=skp, oleh=org.pegawai.user)
            services.skp_approve(skp=skp, oleh=org.atasan.user)
        assert notify.call_args.kwargs["penerima"] == org.pegawai.user
        assert notify.call_count == 4


def test_bulk_approve_skips_what_the_user_may_not_approve(org):
    a = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    b = skp_with_rhk(org.rekan, status=S.DIAJUKAN)
    c = skp_with_rhk(org.lain, status=S.DIAJUKAN)  # penilai is atasan2
    hasil = services.skp_bulk_approve(skps=[a, b, c], oleh=org.atasan.user)
    assert {s.pk for s in hasil.disetujui} == {a.pk, b.pk}
    assert [s.pk for s, _ in hasil.gagal] == [c.pk]
    c.refresh_from_db()
    assert c.status == S.DIAJUKAN


def test_hr_reassigns_penilai_with_audit(org):
    skp = services.skp_submit(skp=skp_with_rhk(org.pegawai, status=S.DRAFT), oleh=org.pegawai.user)
    services.skp_reassign_penilai(skp=skp, penilai=org.atasan2, oleh=org.hr, alasan="Mutasi kepala seksi")
    skp.refresh_from_db()
    assert skp.pejabat_penilai == org.atasan2 and skp.atasan_penilai == org.kabid
    assert skp.snapshot["penilai"]["nama"] == org.atasan2.nama_lengkap
    entry = audit_for(skp).first()
    assert entry.aksi == "skp.penilai_changed" and entry.catatan == "Mutasi kepala seksi"
    with pytest.raises(ValidationError):
        services.skp_approve(skp=skp, oleh=org.atasan.user)  # the old penilai lost the right
    services.skp_approve(skp=skp, oleh=org.atasan2.user)


@pytest.mark.parametrize("who", ["self", "asing"])
def test_reassign_refuses_self_or_other_instansi(org, who):
    skp = skp_with_rhk(org.pegawai, status=S.DRAFT)
    with pytest.raises(ValidationError):
        services.skp_reassign_penilai(skp=skp, penilai=org.pegawai if who == "self" else org.asing, oleh=org.hr)
