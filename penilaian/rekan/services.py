"""Writes for peer input (§6) and the unit's organisation predikat and finalisation (§3.5, §4).

Keberatan and acknowledgement live in ``keberatan.py`` next to this module.
"""
import logging
import random
import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.once import atomic_unique
from notifikasi.pesan import kalimat, periode_teks
from notifikasi.services import notify
from pegawai.models import Pegawai, UnitKerja

from ..kurva import PredikatOrganisasi
from ..models import (
    CapaianOrganisasi,
    FinalisasiUnit,
    MasukanRekan,
    MasukanRekanTersegel,
    Penilaian,
    PerilakuKerja,
    Periode,
    RilisMasukanRekan,
    UndanganRekan,
)
from ..predikat import Rating
from .segel import MAKS_KOMENTAR, buka, segel
from .selectors import MIN_JAWABAN, distribusi_unit

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------- peer input (§6)


def _check_open(penilaian: Penilaian) -> None:
    if penilaian.is_final:
        raise ValidationError(_("Penilaian ini sudah final; masukan rekan kerja tidak dapat diubah lagi."))
    if penilaian.periode.terkunci():
        raise ValidationError(_("Batas pengisian periode %(periode)s sudah lewat.") % {"periode": penilaian.periode})
    if RilisMasukanRekan.objects.filter(penilaian=penilaian).exists():
        raise ValidationError(_("Masukan rekan kerja untuk penilaian ini sudah ditutup dan dirilis."))


def _lock(penilaian_id: int) -> Penilaian:
    """Lock the evaluation row: invitations, answers and the release of one cohort run one at a time,
    so no invitation slips in next to the first answer and the release sees every answer."""
    return Penilaian.objects.select_for_update(of=("self",)).select_related("periode").get(pk=penilaian_id)


@atomic_unique
def undangan_rekan_create(*, penilaian: Penilaian, rekan: list[Pegawai], oleh) -> list[UndanganRekan]:
    """Invite peers of the same instansi; the evaluation must end up with at least 3 invitations (§6).

    Neither the appraisee nor the penilai (nor whoever invites) can be a peer: they would learn
    which answer is their own, which makes the others' easier to guess. The cohort is fixed at the
    first answer: a peer added later would make their own answer readable from the difference.
    """
    penilaian = _lock(penilaian.pk)
    _check_open(penilaian)
    if penilaian.undangan_rekan.filter(sudah_menjawab=True).exists():
        raise ValidationError(_(
            "Rekan kerja sudah mulai menjawab, sehingga daftar rekan dikunci: menambah rekan sekarang dapat "
            "mengungkap jawaban mereka."
        ))
    skp = penilaian.skp
    instansi_id = skp.pegawai.unit_kerja.instansi_id
    sudah = set(penilaian.undangan_rekan.values_list("rekan_id", flat=True))
    baru = []
    for p in {p.pk: p for p in rekan}.values():
        if p.pk == skp.pegawai_id:
            raise ValidationError(_("Pegawai yang dinilai tidak dapat menjadi rekan penilai dirinya sendiri."))
        if p.pk in (skp.pejabat_penilai_id, penilaian.penilai_id):
            raise ValidationError(_("Pejabat penilai tidak dapat diundang sebagai rekan kerja."))
        if oleh is not None and p.user_id is not None and p.user_id == oleh.pk:
            raise ValidationError(_("Anda tidak dapat mengundang diri sendiri sebagai rekan kerja."))
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
    pesan = kalimat(
        "Anda diminta memberi masukan perilaku kerja untuk %(nama)s (%(periode)s), paling lambat %(batas)s.",
        nama=skp.pegawai.nama, periode=periode_teks(penilaian.periode), batas=penilaian.periode.batas_pengisian)
    users = [p.user for p in baru if p.user_id]
    for u in users:
        notify(penerima=u, judul=kalimat("Permintaan masukan rekan kerja"), pesan=pesan, url=url, objek=penilaian)
    return created


def _clean_jawaban(jawaban: dict) -> dict:
    kodes = list(PerilakuKerja.objects.order_by("urutan").values_list("kode", flat=True))
    valid = {r.value for r in Rating}
    if set(jawaban) != set(kodes) or any(v not in valid for v in jawaban.values()):
        raise ValidationError(_("Isi penilaian untuk ketujuh nilai BerAKHLAK."))
    return {k: jawaban[k] for k in kodes}


@transaction.atomic
def masukan_rekan_submit(*, undangan: UndanganRekan, jawaban: dict, komentar: str, oleh) -> None:
    """Record one anonymous answer: mark the invitation done and seal the answer, atomically.

    The conditional UPDATE on the invitation's own columns (``sudah_menjawab=False``, no join: a join
    becomes a subquery that PostgreSQL does not re-check after waiting for a concurrent submit) is
    the claim: of two concurrent submits only one updates the row, so there is never a second
    answer. Nothing is audited and nothing returned links the sealed row to the invitation.
    """
    penilaian = _lock(undangan.penilaian_id)
    _check_open(penilaian)
    if oleh is None or undangan.rekan.user_id != oleh.pk:
        raise ValidationError(_("Undangan ini bukan untuk Anda."))
    jawaban = _clean_jawaban(jawaban)
    komentar = (komentar or "").strip()
    if len(komentar) > MAKS_KOMENTAR:
        raise ValidationError(_("Komentar paling banyak %(n)d karakter.") % {"n": MAKS_KOMENTAR})
    claimed = UndanganRekan.objects.filter(pk=undangan.pk, sudah_menjawab=False).update(sudah_menjawab=True)
    if claimed != 1:
        raise ValidationError(_("Anda sudah memberi masukan untuk penilaian ini."))
    MasukanRekanTersegel.objects.create(
        penilaian=penilaian, sandi=segel(penilaian_id=penilaian.pk, jawaban=jawaban, komentar=komentar))
    if not penilaian.undangan_rekan.filter(sudah_menjawab=False).exists():
        # The whole cohort has answered: release, in a transaction of its own.
        from ..tasks import release_masukan_rekan_task

        transaction.on_commit(lambda: release_masukan_rekan_task.delay(penilaian.pk))


def masukan_rekan_release(*, penilaian_id: int) -> bool:
    """Release a cohort once it is due (§6): deadline passed, evaluation final, or everyone answered.

    In one transaction: open the sealed answers, write them in a shuffled order with new random ids
    (only when at least 3; otherwise they are destroyed unread), delete the sealed rows, give every
    invitation a new row version (its PostgreSQL ``xmin`` no longer tells who answered when) and
    record the release with an unattributed audit entry. Idempotent; returns True when it released.
    """
    with transaction.atomic():
        penilaian = _lock(penilaian_id)
        if RilisMasukanRekan.objects.filter(penilaian=penilaian).exists():
            return False
        undangan = penilaian.undangan_rekan.all()
        if not undangan.exists():
            return False
        lengkap = not undangan.filter(sudah_menjawab=False).exists()
        if not (lengkap or penilaian.is_final or penilaian.periode.terkunci()):
            return False
        tersegel = MasukanRekanTersegel.objects.filter(penilaian=penilaian)
        rows = []
        for sandi in tersegel.values_list("sandi", flat=True):
            try:
                rows.append(buka(penilaian_id=penilaian.pk, sandi=sandi))
            except ValueError:
                logger.error("Sealed peer answer of penilaian %s cannot be opened (SECRET_KEY changed?)", penilaian.pk)
        tersegel.delete()
        jumlah = len(rows) if len(rows) >= MIN_JAWABAN else 0
        if jumlah:
            random.SystemRandom().shuffle(rows)
            MasukanRekan.objects.bulk_create(
                [MasukanRekan(id=uuid.uuid4(), penilaian=penilaian, jawaban=j, komentar=k) for j, k in rows])
        undangan.update(sudah_menjawab=F("sudah_menjawab"))
        RilisMasukanRekan.objects.create(penilaian=penilaian, jumlah_jawaban=jumlah)
        audit_log(aktor=None, aksi="rekan.dirilis", objek=penilaian, data={"jawaban": jumlah})
    return True


def masukan_rekan_release_due(*, today: date | None = None) -> int:
    """The periodic sweep: release every cohort whose deadline passed, whose evaluation is final, or
    (should the task queued with the last answer have been lost) whose invitees have all answered."""
    today = today or timezone.localdate()
    terbuka = UndanganRekan.objects.filter(penilaian=OuterRef("pk"), sudah_menjawab=False)
    ids = list(
        Penilaian.objects.filter(undangan_rekan__isnull=False, rilis_rekan__isnull=True)
        .filter(Q(periode__batas_pengisian__lt=today) | Q(status__in=Penilaian.SELESAI) | ~Exists(terbuka))
        .values_list("pk", flat=True).distinct()
    )
    return sum(masukan_rekan_release(penilaian_id=pk) for pk in ids)


# ---------------------------------------------------------------- organisation predikat (§3.5, §4)


@transaction.atomic
def capaian_organisasi_set(
    *, unit: UnitKerja, periode: Periode, predikat: str, catatan: str, oleh
) -> CapaianOrganisasi:
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
    audit_log(
        aktor=oleh,
        aksi="organisasi.capaian_ditetapkan",
        objek=obj,
        data={"dari": lama, "ke": predikat},
        catatan=catatan,
    )
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
        raise ValidationError(
            _(
                "Distribusi predikat belum sesuai pola SE MenPANRB 3/2023. Tuliskan justifikasi (minimal 10 karakter) "
                "untuk tetap memfinalisasi."
            )
        )
    pelanggaran = [p.as_dict() for p in dist.pelanggaran]
    fin = FinalisasiUnit.objects.create(
        unit_kerja=unit, periode=periode, pelanggaran=pelanggaran, justifikasi=justifikasi, oleh=oleh
    )
    audit_log(
        aktor=oleh,
        aksi="organisasi.unit_difinalisasi",
        objek=fin,
        catatan=justifikasi,
        data={
            "capaian": dist.capaian.predikat,
            "jumlah": {p.value: n for p, n in dist.jumlah.items()},
            "pelanggaran": [p["kode"] for p in pelanggaran],
        },
    )
    return fin
