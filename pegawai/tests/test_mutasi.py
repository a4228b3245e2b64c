"""Mutasi/promosi as one HR action, and snapshots of the post held in the SKP's dates.

domain.md §11.2 rule 2: "Snapshots come from the post held in the SKP's dates, never from today's master
data." §1.5: a pegawai who moves mid-year gets a new SKP for the rest of the year; §11.2 rule 1: each SKP
has its own Akhir evaluation and the last one decides the annual predikat.
"""
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from kinerja.models import AuditLog
from notifikasi.models import Notifikasi
from pegawai.identitas import identitas_pada
from pegawai.models import Golongan, Pegawai, RiwayatJabatan
from pegawai.mutasi import pegawai_move, pegawai_move_plan
from pegawai.tests.factories import JabatanFactory, PegawaiFactory, UnitKerjaFactory
from penilaian.evaluasi.periode import periode_create_standard_set
from penilaian.evaluasi.services import penilaian_open
from penilaian.models import Penilaian, Periode, Skp
from penilaian.skp import services as skp_services
from penilaian.tests.factories import finalkan, skp_with_rhk

pytestmark = pytest.mark.django_db
HARI = date(2026, 8, 10)  # the day HR records the moves below
J = RiwayatJabatan.Jenis


@pytest.fixture(autouse=True)
def _hari_ini():
    with time_machine.travel(date(2026, 8, 10), tick=False):
        yield


@pytest.fixture
def periodes(org):
    periode_create_standard_set(instansi=org.instansi, tahun=2026, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    return {p.nama: p for p in Periode.objects.filter(instansi=org.instansi, tahun=2026)}


def _move(org, pegawai=None, **kwargs):
    pegawai = pegawai or org.pegawai
    data = {"jenis": J.MUTASI, "tmt": date(2026, 7, 1), "unit": org.seksi2, "jabatan": pegawai.jabatan,
            "nomor_sk": "821/123/BKPSDM/2026"}
    data.update(kwargs)
    return pegawai_move(pegawai=pegawai, oleh=org.hr, **data)


def test_transfer_in_july_closes_the_skp_and_starts_a_new_draft(org, periodes):
    """§11.2 rule 2 / §1.5: two SKPs in the year, the first closed on 30 June, the second a draft from 1 July."""
    lama = skp_with_rhk(org.pegawai)
    hasil = _move(org)

    lama.refresh_from_db()
    assert (lama.tanggal_mulai, lama.tanggal_selesai, lama.status) == (
        date(2026, 1, 1), date(2026, 6, 30), Skp.Status.DISETUJUI)
    baru = hasil.skp_baru
    assert (baru.tanggal_mulai, baru.tanggal_selesai, baru.status) == (
        date(2026, 7, 1), date(2026, 12, 31), Skp.Status.DRAFT)
    assert (baru.unit_kerja, baru.pejabat_penilai, baru.atasan_penilai) == (org.seksi2, org.atasan2, org.kabid)
    assert Skp.objects.filter(pegawai=org.pegawai, tahun=2026).count() == 2
    pegawai = Pegawai.objects.get(pk=org.pegawai.pk)
    assert (pegawai.unit_kerja, pegawai.atasan) == (org.seksi2, org.atasan2)
    riwayat = list(RiwayatJabatan.objects.filter(pegawai=pegawai).order_by("tmt"))
    assert [(r.unit_kerja, r.tmt, r.tanggal_selesai) for r in riwayat] == [
        (org.seksi, date(2026, 1, 1), date(2026, 6, 30)), (org.seksi2, date(2026, 7, 1), None)]
    assert riwayat[1].nomor_sk == "821/123/BKPSDM/2026"
    # The evaluation of what was done so far: the closed SKP's own Akhir evaluation is open.
    akhir = Penilaian.objects.get(skp=lama, periode=periodes["Akhir"])
    assert hasil.penilaian_akhir == akhir and akhir.status == Penilaian.Status.DRAFT
    assert AuditLog.objects.filter(aksi="pegawai.moved", object_id=str(pegawai.pk)).exists()
    assert AuditLog.objects.filter(aksi="skp.closed_by_move", object_id=str(lama.pk)).exists()
    assert Notifikasi.objects.filter(penerima=pegawai.user, object_id=str(baru.pk)).exists()
    assert Notifikasi.objects.filter(penerima=org.atasan.user, object_id=str(akhir.pk)).exists()


def test_closed_skp_evaluation_keeps_the_old_post_after_the_move(org, periodes):
    """§11.2 rule 2: finalised after the transfer, the Dokumen Evaluasi still shows Seksi Satu."""
    lama = skp_with_rhk(org.pegawai)
    tw2 = penilaian_open(skp=lama, periode=periodes["Triwulan II"], oleh=org.pegawai.user)
    hasil = _move(org)

    finalkan(hasil.penilaian_akhir, oleh=org.atasan.user)
    tw2.refresh_from_db()
    finalkan(tw2, oleh=org.atasan.user)
    for p in (hasil.penilaian_akhir, tw2):
        p.refresh_from_db()
        assert p.snapshot["pegawai"]["unit"] == "Seksi Satu"
        assert p.snapshot["penilai"]["nama"] == org.atasan.nama_lengkap
    assert identitas_pada(Pegawai.objects.get(pk=org.pegawai.pk), date(2026, 5, 1))["unit"] == "Seksi Satu"
    assert identitas_pada(Pegawai.objects.get(pk=org.pegawai.pk), date(2026, 7, 2))["unit"] == "Seksi Dua"


def test_new_skp_submitted_after_the_move_freezes_the_new_post(org, periodes):
    skp_with_rhk(org.pegawai)
    baru = _move(org).skp_baru
    snap = skp_services.snapshot_of(baru)
    assert snap["pegawai"]["unit"] == "Seksi Dua"
    assert snap["penilai"]["id"] == org.atasan2.pk


def test_jf_promoted_mid_year_keeps_the_old_jenjang_on_the_old_skp(org, periodes):
    """§11.2 rule 2 (and rule 3: the koefisien of the jenjang held): Ahli Pertama until 31 March."""
    pertama = JabatanFactory(nama="Analis Kebijakan Ahli Pertama", jenis="FUNGSIONAL", jenjang="AHLI_PERTAMA")
    muda = JabatanFactory(nama="Analis Kebijakan Ahli Muda", jenis="FUNGSIONAL", jenjang="AHLI_MUDA")
    jf = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, jabatan=pertama)
    lama = skp_with_rhk(jf)
    hasil = _move(org, pegawai=jf, jenis=J.PROMOSI, tmt=date(2026, 4, 1), unit=org.seksi, jabatan=muda,
                  golongan=Golongan.objects.get(jenis="PNS", kode="III/c"))

    lama.refresh_from_db()
    assert lama.tanggal_selesai == date(2026, 3, 31)
    assert (lama.jabatan.jenjang, hasil.skp_baru.jabatan.jenjang) == ("AHLI_PERTAMA", "AHLI_MUDA")
    assert hasil.skp_baru.pejabat_penilai == org.atasan  # same unit: same head
    riwayat = list(jf.riwayat_jabatan.order_by("tmt"))
    assert [(r.jenjang, r.golongan.kode) for r in riwayat] == [("AHLI_PERTAMA", "III/a"), ("AHLI_MUDA", "III/c")]
    finalkan(hasil.penilaian_akhir, oleh=org.atasan.user)
    hasil.penilaian_akhir.refresh_from_db()
    pegawai = hasil.penilaian_akhir.snapshot["pegawai"]
    assert (pegawai["jabatan"], pegawai["pangkat_golongan"]) == ("Analis Kebijakan Ahli Pertama", "Penata Muda, III/a")


def test_without_akhir_period_the_move_still_closes_and_the_evaluation_can_be_opened_later(org):
    lama = skp_with_rhk(org.pegawai)
    hasil = _move(org)
    assert hasil.penilaian_akhir is None
    periode_create_standard_set(instansi=org.instansi, tahun=2026, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    akhir = Periode.objects.get(instansi=org.instansi, tahun=2026, jenis=Periode.Jenis.TAHUNAN)
    assert penilaian_open(skp=lama, periode=akhir, oleh=org.hr).skp == lama


def test_draft_skp_is_closed_too_and_stays_a_draft(org, periodes):
    lama = skp_with_rhk(org.pegawai, status=Skp.Status.DRAFT)
    hasil = _move(org)
    lama.refresh_from_db()
    assert (lama.status, lama.tanggal_selesai, hasil.penilaian_akhir) == (Skp.Status.DRAFT, date(2026, 6, 30), None)


def test_without_skp_only_the_new_draft_is_created(org):
    hasil = _move(org)
    assert hasil.skp_lama is None and hasil.skp_baru.tanggal_mulai == date(2026, 7, 1)


def _state(org):
    p = Pegawai.objects.get(pk=org.pegawai.pk)
    return (p.unit_kerja_id, p.jabatan_id, p.atasan_id, RiwayatJabatan.objects.count(),
            list(Skp.objects.order_by("pk").values_list("pk", "tanggal_selesai", "status")),
            Penilaian.objects.count(), AuditLog.objects.filter(aksi="pegawai.moved").count())


@pytest.mark.parametrize("case, pesan", [
    ("tahun_lalu", "TMT harus berada di tahun berjalan (2026)."),
    ("masa_depan", "TMT tidak boleh setelah hari ini (10-08-2026)"),
    ("sebelum_tmt_sekarang", "TMT harus setelah TMT jabatan sekarang (01-03-2026)."),
    ("jabatan_sama", "Jabatan dan unit kerja tujuan sama dengan jabatan sekarang."),
    ("instansi_lain", "Unit kerja tujuan berada di instansi lain"),
    ("nonaktif", "Pegawai ini nonaktif"),
    ("skp_sesudah_tmt", "sudah dimulai pada atau setelah TMT"),
    ("penilaian_sesudah_tmt", "SKP lama sudah memiliki penilaian periode Triwulan III 2026"),
    ("atasan_diri_sendiri", "Pegawai tidak boleh menjadi atasan dirinya sendiri."),
])
def test_bad_moves_are_refused_in_indonesian_and_change_nothing(org, periodes, case, pesan):
    skp = skp_with_rhk(org.pegawai)
    kwargs = {}
    if case == "tahun_lalu":
        kwargs["tmt"] = date(2025, 12, 1)
    elif case == "masa_depan":
        kwargs["tmt"] = date(2026, 9, 1)
    elif case == "sebelum_tmt_sekarang":
        RiwayatJabatan.objects.create(pegawai=org.pegawai, jenis=J.DATA_AWAL, unit_kerja=org.seksi,
                                      jabatan=org.pegawai.jabatan, tmt=date(2026, 3, 1))
        kwargs["tmt"] = date(2026, 2, 1)
    elif case == "jabatan_sama":
        kwargs["unit"] = org.seksi
    elif case == "instansi_lain":
        kwargs["unit"] = org.other_unit
    elif case == "nonaktif":
        Pegawai.objects.filter(pk=org.pegawai.pk).update(aktif=False)
    elif case == "skp_sesudah_tmt":
        Skp.objects.filter(pk=skp.pk).update(tanggal_selesai=date(2026, 6, 30))
        skp_with_rhk(org.pegawai, tanggal_mulai=date(2026, 7, 1))
    elif case == "penilaian_sesudah_tmt":
        Penilaian.objects.create(skp=skp, periode=periodes["Triwulan III"])
    elif case == "atasan_diri_sendiri":
        kwargs["atasan"] = org.pegawai
    sebelum = _state(org)
    with pytest.raises(ValidationError) as exc:
        _move(org, pegawai=Pegawai.objects.get(pk=org.pegawai.pk), **kwargs)
    assert any(pesan in m for m in exc.value.messages), exc.value.messages
    assert _state(org) == sebelum


def test_plan_describes_the_move_without_writing(org, periodes):
    skp_with_rhk(org.pegawai)
    sebelum = _state(org)
    plan = pegawai_move_plan(pegawai=org.pegawai, jenis=J.MUTASI, tmt=date(2026, 7, 1), unit=org.seksi2,
                             jabatan=org.pegawai.jabatan)
    assert (plan.tutup_pada, plan.atasan, plan.periode_akhir.nama) == (date(2026, 6, 30), org.atasan2, "Akhir")
    assert _state(org) == sebelum


def test_moving_a_unit_head_leaves_the_post_vacant_and_warns_about_subordinates(org, periodes):
    unit = UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode="S3", nama="Seksi Tiga")
    plan = pegawai_move_plan(pegawai=org.atasan, jenis=J.MUTASI, tmt=date(2026, 7, 1), unit=unit,
                             jabatan=org.atasan.jabatan)
    assert plan.atasan == org.kabid  # vacant unit: the head of the unit above
    assert any("masih tercatat dengan atasan" in w for w in plan.peringatan)
    _move(org, pegawai=org.atasan, unit=unit)
    org.seksi.refresh_from_db()
    assert org.seksi.kepala is None
