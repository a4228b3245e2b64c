"""Writes on perjanjian kerja: record a contract (first or renewal) and cancel one (domain.md §7.6, §11.1)."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from pegawai.models import Pegawai

from .models import PerjanjianKerja
from .rules import pesan_masa_kontrak

Jenis = PerjanjianKerja.Jenis


def _rekap_jp(pegawai_id: int) -> None:
    """A contract moves the PPPK's JP year (domain.md §7.6): the stored JP of the pegawai follows, in this
    transaction. The one call from kontrak into pelatihan (which reads kontrak), hence imported here."""
    from pelatihan.rekap import rekap_jp_hitung

    rekap_jp_hitung(pegawai_ids=[pegawai_id])


@transaction.atomic
def perjanjian_create(
    *, pegawai: Pegawai, nomor: str, tanggal_mulai: date, tanggal_selesai: date, target_kinerja: str, oleh
) -> PerjanjianKerja:
    """Record a perjanjian kerja; its ``jenis`` is *perpanjangan* when an earlier one exists, else *awal*.

    Refused: a pegawai who is not PPPK/PPPK PW, a length against §7.6/§11.1 (``rules.pesan_masa_kontrak``),
    dates overlapping another contract of the pegawai, a nomor already used for this pegawai.
    """
    # Serialise contracts of one pegawai: two HR tabs must not both pass the overlap check.
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    nomor, target_kinerja = (nomor or "").strip(), (target_kinerja or "").strip()
    errors = {}
    if not nomor:
        errors["nomor"] = _("Nomor perjanjian kerja wajib diisi.")
    if not target_kinerja:
        errors["target_kinerja"] = _("Target kinerja perjanjian kerja wajib diisi.")
    pesan = pesan_masa_kontrak(pegawai.status, tanggal_mulai, tanggal_selesai)
    if pesan:
        errors["tanggal_selesai"] = pesan
    if errors:
        raise ValidationError(errors)
    ada = PerjanjianKerja.objects.berlaku().filter(pegawai=pegawai)
    bentrok = ada.filter(tanggal_mulai__lte=tanggal_selesai, tanggal_selesai__gte=tanggal_mulai).first()
    if bentrok:
        raise ValidationError({"tanggal_mulai": _(
            "Tanggal bertumpang tindih dengan perjanjian kerja %(nomor)s (%(awal)s s.d. %(akhir)s).") % {
            "nomor": bentrok.nomor, "awal": bentrok.tanggal_mulai.strftime("%d-%m-%Y"),
            "akhir": bentrok.tanggal_selesai.strftime("%d-%m-%Y")}})
    if PerjanjianKerja.objects.filter(pegawai=pegawai, nomor=nomor).exists():
        raise ValidationError({"nomor": _("Nomor perjanjian kerja ini sudah dipakai untuk pegawai tersebut.")})
    jenis = Jenis.PERPANJANGAN if ada.filter(tanggal_selesai__lt=tanggal_mulai).exists() else Jenis.AWAL
    pk = PerjanjianKerja.objects.create(
        pegawai=pegawai, nomor=nomor, tanggal_mulai=tanggal_mulai, tanggal_selesai=tanggal_selesai, jenis=jenis,
        target_kinerja=target_kinerja, dibuat_oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
    )
    _rekap_jp(pegawai.pk)
    audit_log(aktor=oleh, aksi="perjanjian_kerja.created", objek=pegawai, catatan=nomor,
              data={"jenis": jenis, "mulai": str(tanggal_mulai), "selesai": str(tanggal_selesai)})
    return pk


@transaction.atomic
def perjanjian_cancel(*, perjanjian: PerjanjianKerja, alasan: str, oleh) -> PerjanjianKerja:
    """Cancel a contract recorded by mistake (kept for the audit trail, no longer counted)."""
    perjanjian = PerjanjianKerja.objects.select_for_update().get(pk=perjanjian.pk)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan pembatalan perjanjian kerja.")})
    if not perjanjian.is_berlaku:
        raise ValidationError(_("Perjanjian kerja ini sudah dibatalkan."))
    perjanjian.status, perjanjian.alasan_batal = PerjanjianKerja.Status.DIBATALKAN, alasan[:255]
    perjanjian.save(update_fields=["status", "alasan_batal"])
    _rekap_jp(perjanjian.pegawai_id)
    audit_log(aktor=oleh, aksi="perjanjian_kerja.cancelled", objek=perjanjian.pegawai, catatan=alasan,
              data={"nomor": perjanjian.nomor})
    return perjanjian
