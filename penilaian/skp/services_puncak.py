"""HR points an SKP at a non-ASN penilai or atasan penilai: the top of the chain (domain.md §11.1).

The official (Kepala Daerah, Menteri) normally has no account: HR of the instansi then records the
approval and the evaluations on their behalf (``penilaian.pejabat``)."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from pegawai.models import PejabatNonAsn

from ..models import Skp
from ..pejabat import blok_skp

PERAN_NON_ASN = ("penilai", "atasan_penilai")


@transaction.atomic
def skp_assign_non_asn(*, skp: Skp, peran: str, pejabat: PejabatNonAsn, oleh, alasan: str = "") -> Skp:
    """``peran`` "penilai" or "atasan_penilai" becomes ``pejabat``; the pegawai of that role is cleared
    (at most one of each pair, DB check), an already frozen identity block follows, audited."""
    skp = Skp.objects.select_for_update(of=("self",)).select_related("pegawai__unit_kerja").get(pk=skp.pk)
    if peran not in PERAN_NON_ASN:
        raise ValidationError(_("Peran tidak dikenal."))
    if pejabat.instansi_id != skp.pegawai.unit_kerja.instansi_id or not pejabat.aktif:
        raise ValidationError(_("Pejabat non-ASN harus aktif dan tercatat pada instansi pegawai."))
    if peran == "penilai":
        lama = skp.pejabat_penilai or skp.pejabat_penilai_non_asn
        skp.pejabat_penilai, skp.pejabat_penilai_non_asn = None, pejabat
    else:
        lama = skp.atasan_penilai or skp.atasan_penilai_non_asn
        skp.atasan_penilai, skp.atasan_penilai_non_asn = None, pejabat
    if skp.snapshot:
        baru = blok_skp(skp)
        skp.snapshot = {**skp.snapshot, peran: baru[peran]}
    skp.save(update_fields=["pejabat_penilai", "pejabat_penilai_non_asn", "atasan_penilai",
                            "atasan_penilai_non_asn", "snapshot", "diubah_pada"])
    audit_log(aktor=oleh, aksi="skp.pejabat_non_asn_set", objek=skp, catatan=alasan.strip(),
              data={"peran": peran, "dari": lama.nama if lama else None, "ke": f"{pejabat.nama}, {pejabat.jabatan}"})
    return skp
