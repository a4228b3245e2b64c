"""HR writes for the edges of the appraisal chain: non-ASN officials and delegations of the penilai's
authority (domain.md §1.2, §11.1; models in ``models_pejabat``)."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log

from .models import DelegasiPenilai, Instansi, Pegawai, PejabatNonAsn


@transaction.atomic
def pejabat_non_asn_save(*, pejabat: PejabatNonAsn, oleh, created: bool) -> PejabatNonAsn:
    pejabat.nama, pejabat.jabatan = pejabat.nama.strip(), pejabat.jabatan.strip()
    if not pejabat.nama or not pejabat.jabatan:
        raise ValidationError(_("Nama dan jabatan pejabat wajib diisi."))
    pejabat.full_clean()
    pejabat.save()
    audit_log(aktor=oleh, aksi="pejabat_non_asn.created" if created else "pejabat_non_asn.updated", objek=pejabat,
              data={"nama": pejabat.nama, "jabatan": pejabat.jabatan, "aktif": pejabat.aktif})
    return pejabat


@transaction.atomic
def delegasi_add(*, instansi: Instansi, pegawai: Pegawai, dasar: str, nomor_sk: str, mulai: date,
                 selesai: date | None = None, oleh) -> DelegasiPenilai:
    """Record that ``pegawai`` holds the Pejabat Penilai Kinerja's authority by delegation (Pasal 1)."""
    if pegawai.unit_kerja.instansi_id != instansi.pk:
        raise ValidationError({"nip": _("Pegawai harus berasal dari instansi yang sama.")})
    if selesai and selesai < mulai:
        raise ValidationError({"tanggal_selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
    obj = DelegasiPenilai(instansi=instansi, pegawai=pegawai, dasar=dasar.strip(), nomor_sk=nomor_sk.strip(),
                          tanggal_mulai=mulai, tanggal_selesai=selesai)
    obj.full_clean()
    obj.save()
    audit_log(aktor=oleh, aksi="delegasi_penilai.created", objek=pegawai, catatan=obj.nomor_sk,
              data={"mulai": str(mulai), "selesai": str(selesai or ""), "dasar": obj.dasar})
    return obj


@transaction.atomic
def delegasi_end(*, delegasi: DelegasiPenilai, oleh) -> DelegasiPenilai:
    """End a delegation today; it stays in the history."""
    today = timezone.localdate()
    if delegasi.tanggal_selesai is None or delegasi.tanggal_selesai > today:
        delegasi.tanggal_selesai = max(today, delegasi.tanggal_mulai)
        delegasi.save(update_fields=["tanggal_selesai"])
        audit_log(aktor=oleh, aksi="delegasi_penilai.ended", objek=delegasi.pegawai, catatan=delegasi.nomor_sk)
    return delegasi
