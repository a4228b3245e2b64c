"""Writes on org and people data; each one validates, saves and leaves an audit entry."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.once import atomic_unique

from .models import Pegawai, PenugasanPlt, RiwayatAtasan, UnitKerja, User
from .services_akun import akun_check_manageable, akun_sync_status


@atomic_unique
def pegawai_save(*, pegawai: Pegawai, oleh, created: bool) -> Pegawai:
    """Save a validated pegawai (from PegawaiForm) and audit it."""
    from penilaian.ringkasan import tandai_pegawai

    atasan_lama, aktif_lama, unit_lama = None, pegawai.aktif, None
    if not created:
        atasan_lama, aktif_lama, unit_lama = Pegawai.objects.filter(pk=pegawai.pk).values_list(
            "atasan_id", "aktif", "unit_kerja_id").first()
    pegawai.full_clean()
    pegawai.save()
    tandai_pegawai(pegawai.pk, unit_lain=[unit_lama])  # active count, unit moved by an edit
    _sync_username(pegawai, oleh)
    akun_sync_status(pegawai=pegawai, oleh=oleh, aktif_lama=aktif_lama)
    if created or atasan_lama != pegawai.atasan_id:
        RiwayatAtasan.objects.create(
            pegawai=pegawai, atasan_lama_id=atasan_lama, atasan_baru_id=pegawai.atasan_id, diubah_oleh=oleh,
            alasan="Data awal" if created else "Perubahan data pegawai",
        )
    audit_log(aktor=oleh, aksi="pegawai.created" if created else "pegawai.updated", objek=pegawai)
    return pegawai


def _sync_username(pegawai: Pegawai, oleh) -> None:
    """The account of a pegawai logs in with the NIP, so a corrected NIP moves the username too."""
    if not pegawai.user_id or pegawai.user.username == pegawai.nip:
        return
    akun_check_manageable(oleh=oleh, user=pegawai.user)
    if User.objects.filter(username=pegawai.nip).exclude(pk=pegawai.user_id).exists():
        raise ValidationError({"nip": _("Nama pengguna %(nip)s sudah dipakai akun lain.") % {"nip": pegawai.nip}})
    pegawai.user.username = pegawai.nip
    pegawai.user.save(update_fields=["username"])


@transaction.atomic
def pegawai_set_atasan(*, pegawai: Pegawai, atasan: Pegawai | None, oleh, alasan: str) -> Pegawai:
    """Change the pejabat penilai explicitly, keeping the history (domain.md §7.5)."""
    lama = pegawai.atasan
    if (lama.pk if lama else None) == (atasan.pk if atasan else None):
        return pegawai
    from penilaian.ringkasan import tandai_pegawai

    pegawai.atasan = atasan
    pegawai.full_clean()
    pegawai.save(update_fields=["atasan"])
    tandai_pegawai(pegawai.pk)  # Beranda HR counts those without an atasan
    RiwayatAtasan.objects.create(pegawai=pegawai, atasan_lama=lama, atasan_baru=atasan, diubah_oleh=oleh, alasan=alasan)
    audit_log(
        aktor=oleh, aksi="pegawai.atasan_changed", objek=pegawai, catatan=alasan,
        data={"dari": lama.nip if lama else None, "ke": atasan.nip if atasan else None},
    )
    return pegawai


@atomic_unique
def unit_save(*, unit: UnitKerja, oleh, created: bool) -> UnitKerja:
    unit.full_clean()
    unit.save()
    audit_log(aktor=oleh, aksi="unit.created" if created else "unit.updated", objek=unit)
    return unit


@transaction.atomic
def plt_assign(
    *, pegawai: Pegawai, unit: UnitKerja, jenis: str, mulai, selesai=None, nomor_sk: str = "", oleh
) -> PenugasanPlt:
    """Make ``pegawai`` the acting head (Plt/Plh) of ``unit`` from ``mulai``; one acting head at a time."""
    if pegawai.unit_kerja.instansi_id != unit.instansi_id:
        raise ValidationError({"nip": _("Pejabat Plt/Plh harus pegawai instansi yang sama.")})
    if unit.kepala_id == pegawai.pk:
        raise ValidationError({"nip": _("Pegawai ini sudah kepala definitif unit tersebut.")})
    penugasan = PenugasanPlt(
        pegawai=pegawai, unit_kerja=unit, jenis=jenis, tanggal_mulai=mulai, tanggal_selesai=selesai, nomor_sk=nomor_sk
    )
    penugasan.full_clean()
    overlap = PenugasanPlt.objects.filter(unit_kerja=unit, tanggal_mulai__lte=selesai or date.max).filter(
        Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=mulai)
    )
    if overlap.exists():
        raise ValidationError({"tanggal_mulai": _("Unit ini sudah memiliki Plt/Plh pada rentang tanggal tersebut.")})
    penugasan.save()
    audit_log(
        aktor=oleh,
        aksi="plt.assigned",
        objek=pegawai,
        catatan=nomor_sk,
        data={"unit": unit.kode, "jenis": jenis, "mulai": str(mulai), "selesai": str(selesai or "")},
    )
    return penugasan


@transaction.atomic
def plt_end(*, penugasan: PenugasanPlt, oleh) -> PenugasanPlt:
    """End an acting assignment today (it stays in the history)."""
    today = timezone.localdate()
    if penugasan.tanggal_selesai is None or penugasan.tanggal_selesai > today:
        penugasan.tanggal_selesai = max(today, penugasan.tanggal_mulai)
        penugasan.save(update_fields=["tanggal_selesai"])
        audit_log(aktor=oleh, aksi="plt.ended", objek=penugasan.pegawai, data={"unit": penugasan.unit_kerja.kode})
    return penugasan
