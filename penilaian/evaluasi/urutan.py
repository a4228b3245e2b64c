"""The order of SE MenPANRB 3/2023 (domain.md §3.5, §11.2 rule 5): capaian kinerja organisasi → pola
distribusi → individual predikat.

An evaluation may be finalised only when the capaian kinerja organisasi of the unit its SKP belongs to
(``Skp.unit_kerja``, the unit of the SKP's dates, §11.2 rule 2) is recorded for that period, or when HR
has recorded an exception for the unit and period (``PengecualianUrutan``). With the capaian recorded, the
leader rule of §3.3 applies to a unit head (``services.rating_hasil_pimpinan``).
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from penilaian.models import CapaianOrganisasi, PengecualianUrutan, Penilaian, Periode


def unit_skp(penilaian: Penilaian):
    """The unit the SKP belongs to (recorded on the SKP; older SKPs without one: the pegawai's unit)."""
    skp = penilaian.skp
    return skp.unit_kerja if skp.unit_kerja_id else skp.pegawai.unit_kerja


def alasan_belum_final(penilaian: Penilaian) -> str:
    """Why ``penilaian`` cannot be finalised yet under the SE 3/2023 order; "" when it may be."""
    unit = unit_skp(penilaian)
    if unit is None:
        return ""
    ada = {"unit_kerja": unit, "periode_id": penilaian.periode_id}
    if CapaianOrganisasi.objects.filter(**ada).exists() or PengecualianUrutan.objects.filter(**ada).exists():
        return ""
    return _(
        "Penilaian belum dapat difinalkan: capaian kinerja organisasi %(unit)s untuk periode %(periode)s belum "
        "ditetapkan. Sesuai SE MenPANRB 3/2023, capaian organisasi ditetapkan lebih dahulu, baru predikat "
        "pegawai (atau BKPSDM/HR mencatat pengecualian)."
    ) % {"unit": unit.nama, "periode": penilaian.periode}


def cek_urutan(penilaian: Penilaian) -> None:
    """Refuse finalising before the unit's capaian kinerja organisasi (or HR's exception) exists."""
    alasan = alasan_belum_final(penilaian)
    if alasan:
        raise ValidationError(alasan, code="urutan")


@transaction.atomic
def pengecualian_urutan_record(*, unit, periode: Periode, alasan: str, oleh) -> PengecualianUrutan:
    """HR records that the unit's predikat of ``periode`` may be finalised before its capaian (audited)."""
    alasan = (alasan or "").strip()
    if len(alasan) < 10:
        raise ValidationError(_("Tuliskan alasan pengecualian (minimal 10 karakter)."))
    if periode.instansi_id != unit.instansi_id:
        raise ValidationError(_("Periode bukan milik instansi unit ini."))
    if CapaianOrganisasi.objects.filter(unit_kerja=unit, periode=periode).exists():
        raise ValidationError(_("Capaian kinerja organisasi unit ini sudah ditetapkan; pengecualian tidak diperlukan."))
    obj, created = PengecualianUrutan.objects.get_or_create(
        unit_kerja=unit, periode=periode, defaults={"alasan": alasan, "oleh": oleh})
    if not created:
        raise ValidationError(_("Pengecualian untuk unit dan periode ini sudah dicatat."))
    audit_log(aktor=oleh, aksi="organisasi.pengecualian_urutan", objek=obj, catatan=alasan,
              data={"unit": unit.pk, "periode": periode.pk})
    return obj
