"""Writes for peer input (§6) and the unit's organisation predikat and finalisation (§3.5, §4).

Keberatan and acknowledgement live in ``keberatan.py`` next to this module.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.once import atomic_unique
from notifikasi.services import notify
from pegawai.models import Pegawai, UnitKerja

from ..kurva import PredikatOrganisasi
from ..models import (
    CapaianOrganisasi,
    FinalisasiUnit,
    MasukanRekan,
    Penilaian,
    PerilakuKerja,
    Periode,
    UndanganRekan,
)
from ..predikat import Rating
from .selectors import MIN_JAWABAN, distribusi_unit

# ---------------------------------------------------------------- peer input (§6)


def _check_open(penilaian: Penilaian) -> None:
    if penilaian.is_final:
        raise ValidationError(_("Penilaian ini sudah final; masukan rekan kerja tidak dapat diubah lagi."))
    if penilaian.periode.terkunci():
        raise ValidationError(_("Batas pengisian periode %(periode)s sudah lewat.") % {"periode": penilaian.periode})


@atomic_unique
def undangan_rekan_create(*, penilaian: Penilaian, rekan: list[Pegawai], oleh) -> list[UndanganRekan]:
    """Invite peers of the same instansi; the evaluation must end up with at least 3 invitations (§6).

    Neither the appraisee nor the penilai can be a peer: the penilai would learn which answer is
    their own, which makes the others' easier to guess.
    """
    _check_open(penilaian)
    skp = penilaian.skp
    instansi_id = skp.pegawai.unit_kerja.instansi_id
    sudah = set(penilaian.undangan_rekan.values_list("rekan_id", flat=True))
    baru = []
    for p in {p.pk: p for p in rekan}.values():
        if p.pk == skp.pegawai_id:
            raise ValidationError(_("Pegawai yang dinilai tidak dapat menjadi rekan penilai dirinya sendiri."))
        if p.pk in (skp.pejabat_penilai_id, penilaian.penilai_id):
            raise ValidationError(_("Pejabat penilai tidak dapat diundang sebagai rekan kerja."))
        if p.unit_kerja.instansi_id != instansi_id or not p.aktif:
            raise ValidationError(_("%(nama)s bukan pegawai aktif instansi ini.") % {"nama": p.nama})
        if p.pk not in sudah:
            baru.append(p)
    if not baru:
        raise ValidationError(_("Pilih minimal satu rekan kerja yang belum diundang."))
    if len(sudah) + len(baru) < MIN_JAWABAN:
        raise ValidationError(_("Undang minimal %(n)d rekan kerja agar masukan tetap anonim.") % {"n": MIN_JAWABAN})
    created = UndanganRekan.objects.bulk_create(
        [UndanganRekan(penilaian=penilaian, rekan=p, diundang_oleh=oleh) for p in baru]
    )
    audit_log(aktor=oleh, aksi="rekan.diundang", objek=penilaian, data={"rekan": [p.nip for p in baru]})
    url = reverse("penilaian:rekan-inbox")
    pesan = _("Anda diminta memberi masukan perilaku kerja untuk %(nama)s (%(periode)s), paling lambat %(batas)s.") % {
        "nama": skp.pegawai.nama, "periode": penilaian.periode, "batas": penilaian.periode.batas_pengisian}
    users = [p.user for p in baru if p.user_id]
    transaction.on_commit(lambda: [
        notify(penerima=u, judul=_("Permintaan masukan rekan kerja"), pesan=pesan, url=url, objek=penilaian)
        for u in users
    ])
    return created


def _clean_jawaban(jawaban: dict) -> dict:
    kodes = list(PerilakuKerja.objects.order_by("urutan").values_list("kode", flat=True))
    valid = {r.value for r in Rating}
    if set(jawaban) != set(kodes) or any(v not in valid for v in jawaban.values()):
        raise ValidationError(_("Isi penilaian untuk ketujuh nilai BerAKHLAK."))
    return {k: jawaban[k] for k in kodes}


@transaction.atomic
def masukan_rekan_submit(*, undangan: UndanganRekan, jawaban: dict, komentar: str, oleh) -> None:
    """Record one anonymous answer: mark the invitation answered and store the answer, atomically.

    The conditional UPDATE on ``sudah_menjawab=False`` is the claim: of two concurrent submits only
    one updates a row, so there is never a second answer. Nothing returned or audited links the
    answer row to the invitation (§6).
    """
    penilaian = Penilaian.objects.select_related("periode").get(pk=undangan.penilaian_id)
    _check_open(penilaian)
    jawaban = _clean_jawaban(jawaban)
    claimed = UndanganRekan.objects.filter(
        pk=undangan.pk, rekan__user=oleh, sudah_menjawab=False
    ).update(sudah_menjawab=True)
    if claimed != 1:
        raise ValidationError(_("Anda sudah memberi masukan untuk penilaian ini."))
    MasukanRekan.objects.create(penilaian=penilaian, jawaban=jawaban, komentar=(komentar or "").strip())
    audit_log(aktor=oleh, aksi="rekan.menjawab", objek=undangan)


# ---------------------------------------------------------------- organisation predikat (§3.5, §4)


@transaction.atomic
def capaian_organisasi_set(*, unit: UnitKerja, periode: Periode, predikat: str, catatan: str, oleh) -> CapaianOrganisasi:
    if periode.instansi_id != unit.instansi_id:
        raise ValidationError(_("Periode bukan milik instansi unit ini."))
    if FinalisasiUnit.objects.filter(unit_kerja=unit, periode=periode).exists():
        raise ValidationError(_("Periode unit ini sudah difinalisasi; capaian organisasi tidak dapat diubah."))
    PredikatOrganisasi(predikat)
    obj = CapaianOrganisasi.objects.filter(unit_kerja=unit, periode=periode).first()
    lama = obj.predikat if obj else ""
    if obj is None:
        obj = CapaianOrganisasi(unit_kerja=unit, periode=periode)
    obj.predikat, obj.catatan, obj.ditetapkan_oleh = predikat, catatan, oleh
    obj.save()
    audit_log(aktor=oleh, aksi="organisasi.capaian_ditetapkan", objek=obj, data={"dari": lama, "ke": predikat},
              catatan=catatan)
    return obj


@transaction.atomic
def unit_finalize(*, unit: UnitKerja, periode: Periode, justifikasi: str, oleh) -> FinalisasiUnit:
    """The unit head closes the period; despite broken §4 rules only with a written justification."""
    if FinalisasiUnit.objects.select_for_update().filter(unit_kerja=unit, periode=periode).exists():
        raise ValidationError(_("Periode unit ini sudah difinalisasi."))
    dist = distribusi_unit(unit, periode)
    if dist.capaian is None:
        raise ValidationError(_("Tetapkan dulu capaian kinerja organisasi unit ini untuk periode ini."))
    justifikasi = (justifikasi or "").strip()
    if dist.pelanggaran and len(justifikasi) < 10:
        raise ValidationError(_(
            "Distribusi predikat belum sesuai pola SE MenPANRB 3/2023. Tuliskan justifikasi (minimal 10 karakter) "
            "untuk tetap memfinalisasi."
        ))
    pelanggaran = [p.as_dict() for p in dist.pelanggaran]
    fin = FinalisasiUnit.objects.create(unit_kerja=unit, periode=periode, pelanggaran=pelanggaran,
                                        justifikasi=justifikasi, oleh=oleh)
    audit_log(aktor=oleh, aksi="organisasi.unit_difinalisasi", objek=fin, catatan=justifikasi, data={
        "capaian": dist.capaian.predikat, "jumlah": {p.value: n for p, n in dist.jumlah.items()},
        "pelanggaran": [p["kode"] for p in pelanggaran],
    })
    return fin
