"""SKP content: RHK, IKI, the intervened RHK, lampiran (domain.md §1.3, §1.4).

Only the owner edits, and only while the SKP is DRAFT or DIKEMBALIKAN; an approved SKP changes only
through a revision (``services.skp_open_revision``). Changes to an SKP that was submitted before are
audited with before → after values.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from kinerja.audit import audit_log

from ..access import is_owner
from ..models import IndikatorKinerja, RencanaHasilKerja, Skp
from ..models.skp import TARGET_POSITIF

RHK_FIELDS = ("jenis", "klasifikasi", "teks", "induk", "perspektif", "penugasan_dari")
IKI_FIELDS = ("teks", "aspek", "target_angka", "satuan", "target_teks")
LAMPIRAN_FIELDS = ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi")


def skp_check_editable(skp: Skp, oleh) -> None:
    if not is_owner(oleh, skp):
        raise ValidationError(_("Hanya pemilik SKP yang dapat mengubah isinya."))
    if not skp.is_editable:
        raise ValidationError(
            _("SKP berstatus %(status)s tidak dapat diubah. Buka revisi untuk mengubah SKP yang sudah disetujui.")
            % {"status": skp.get_status_display()}
        )


def _audit_isi(skp: Skp, oleh, aksi: str, objek, data: dict) -> None:
    """Content changes are audited once the SKP has been submitted at least once (issue 3 §6)."""
    if skp.diajukan_pada is not None:
        audit_log(aktor=oleh, aksi=aksi, objek=skp, data={"objek": str(objek)[:80], **data})


def _diff(obj, old: dict, fields) -> dict:
    return {f: [str(old.get(f) or ""), str(getattr(obj, f) or "")] for f in fields if old.get(f) != getattr(obj, f)}


def cek_induk(skp: Skp, induk: RencanaHasilKerja | None) -> None:
    """The intervened RHK must be an RHK of the actual pejabat penilai's SKP of the same year (§1.4)."""
    if induk is None:
        return
    if skp.is_jpt:
        raise ValidationError(_("SKP JPT tidak memakai RHK pimpinan yang diintervensi."))
    if skp.pejabat_penilai_id is None or induk.skp.pegawai_id != skp.pejabat_penilai_id or induk.skp.tahun != skp.tahun:
        raise ValidationError(
            _("RHK yang diintervensi harus berasal dari SKP pejabat penilai Anda pada tahun %(tahun)s.")
            % {"tahun": skp.tahun}
        )


def _cek_rhk(skp: Skp, rhk: RencanaHasilKerja) -> None:
    if not (rhk.teks or "").strip():
        raise ValidationError(_("Uraian rencana hasil kerja wajib diisi."))
    if skp.is_jpt and not rhk.perspektif:
        raise ValidationError(_("Pilih perspektif untuk RHK pada SKP JPT."))
    if not skp.is_jpt:
        rhk.perspektif = ""
    cek_induk(skp, rhk.induk)


@transaction.atomic
def rhk_save(*, skp: Skp, rhk: RencanaHasilKerja, oleh) -> RencanaHasilKerja:
    """Add (rhk.pk None) or change one RHK of ``skp``."""
    skp_check_editable(skp, oleh)
    rhk.skp = skp
    _cek_rhk(skp, rhk)
    created = rhk.pk is None
    old = {} if created else {f: getattr(RencanaHasilKerja.objects.get(pk=rhk.pk), f) for f in RHK_FIELDS}
    if created:
        last = skp.rhk.filter(jenis=rhk.jenis).order_by("-urutan").values_list("urutan", flat=True).first()
        rhk.urutan = (last or 0) + 1
    rhk.save()
    _audit_isi(skp, oleh, "skp.rhk_added" if created else "skp.rhk_changed", rhk, _diff(rhk, old, RHK_FIELDS))
    return rhk


@transaction.atomic
def rhk_link(*, rhk: RencanaHasilKerja, induk: RencanaHasilKerja | None, oleh) -> RencanaHasilKerja:
    """Link (or unlink) the intervened RHK later, e.g. once the supervisor's SKP exists (§9.3)."""
    skp = rhk.skp
    skp_check_editable(skp, oleh)
    cek_induk(skp, induk)
    lama = rhk.induk
    rhk.induk = induk
    rhk.save(update_fields=["induk"])
    _audit_isi(skp, oleh, "skp.rhk_linked", rhk, {"dari": str(lama or ""), "ke": str(induk or "")})
    return rhk


@transaction.atomic
def rhk_delete(*, rhk: RencanaHasilKerja, oleh) -> None:
    skp = rhk.skp
    skp_check_editable(skp, oleh)
    teks = rhk.teks
    try:
        rhk.delete()
    except ProtectedError:
        raise ValidationError(
            _("RHK ini sudah dipakai dalam penilaian periodik sehingga tidak dapat dihapus.")
        ) from None
    _audit_isi(skp, oleh, "skp.rhk_deleted", teks, {})


def _swap(items: list, obj, naik: bool) -> list:
    i = next(k for k, x in enumerate(items) if x.pk == obj.pk)
    j = i - 1 if naik else i + 1
    if 0 <= j < len(items):
        items[i], items[j] = items[j], items[i]
    for urutan, x in enumerate(items, start=1):
        x.urutan = urutan
    return items


@transaction.atomic
def rhk_move(*, rhk: RencanaHasilKerja, naik: bool, oleh) -> None:
    """Move one RHK up or down within its jenis (utama/tambahan); renumbers the group."""
    skp = rhk.skp
    skp_check_editable(skp, oleh)
    items = _swap(list(skp.rhk.filter(jenis=rhk.jenis).order_by("urutan", "pk")), rhk, naik)
    RencanaHasilKerja.objects.bulk_update(items, ["urutan"])
    _audit_isi(skp, oleh, "skp.rhk_moved", rhk, {"arah": "naik" if naik else "turun"})


def _cek_iki(skp: Skp, iki: IndikatorKinerja) -> None:
    """Kuantitatif: target number + satuan; kualitatif: target text (domain.md §1.3 Pendekatan)."""
    if not (iki.teks or "").strip():
        raise ValidationError(_("Uraian indikator kinerja individu wajib diisi."))
    if skp.pendekatan == Skp.Pendekatan.KUANTITATIF:
        if iki.target_angka is None or not iki.satuan.strip():
            raise ValidationError(_("Pendekatan kuantitatif: isi target berupa angka beserta satuannya."))
        if iki.target_angka <= 0:
            raise ValidationError({"target_angka": TARGET_POSITIF})
        iki.target_teks = ""
    else:
        if not iki.target_teks.strip():
            raise ValidationError(_("Pendekatan kualitatif: isi target berupa uraian."))
        iki.target_angka, iki.satuan = None, ""
    if skp.is_jpt:
        iki.aspek = ""
    elif not iki.aspek:
        raise ValidationError(_("Pilih aspek (kuantitas, kualitas, waktu, atau biaya) untuk IKI."))


@transaction.atomic
def iki_save(*, rhk: RencanaHasilKerja, iki: IndikatorKinerja, oleh) -> IndikatorKinerja:
    skp = rhk.skp
    skp_check_editable(skp, oleh)
    iki.rhk = rhk
    _cek_iki(skp, iki)
    created = iki.pk is None
    old = {} if created else {f: getattr(IndikatorKinerja.objects.get(pk=iki.pk), f) for f in IKI_FIELDS}
    if created:
        iki.urutan = (rhk.iki.order_by("-urutan").values_list("urutan", flat=True).first() or 0) + 1
    iki.save()
    _audit_isi(skp, oleh, "skp.iki_added" if created else "skp.iki_changed", iki, _diff(iki, old, IKI_FIELDS))
    return iki


@transaction.atomic
def iki_delete(*, iki: IndikatorKinerja, oleh) -> None:
    skp = iki.rhk.skp
    skp_check_editable(skp, oleh)
    teks = iki.teks
    try:
        iki.delete()
    except ProtectedError:
        raise ValidationError(_("IKI ini sudah memiliki realisasi sehingga tidak dapat dihapus.")) from None
    _audit_isi(skp, oleh, "skp.iki_deleted", teks, {})


@transaction.atomic
def iki_move(*, iki: IndikatorKinerja, naik: bool, oleh) -> None:
    skp = iki.rhk.skp
    skp_check_editable(skp, oleh)
    items = _swap(list(iki.rhk.iki.order_by("urutan", "pk")), iki, naik)
    IndikatorKinerja.objects.bulk_update(items, ["urutan"])
    _audit_isi(skp, oleh, "skp.iki_moved", iki, {"arah": "naik" if naik else "turun"})


@transaction.atomic
def skp_update_lampiran(*, skp: Skp, data: dict, oleh) -> Skp:
    """Lampiran: dukungan sumber daya, skema pertanggungjawaban, konsekuensi (domain.md §1.3)."""
    skp_check_editable(skp, oleh)
    old = {f: getattr(skp, f) for f in LAMPIRAN_FIELDS}
    for f in LAMPIRAN_FIELDS:
        setattr(skp, f, (data.get(f) or "").strip())
    skp.save(update_fields=[*LAMPIRAN_FIELDS, "diubah_pada"])
    _audit_isi(skp, oleh, "skp.lampiran_changed", skp, _diff(skp, old, LAMPIRAN_FIELDS))
    return skp
