"""SKP workflow: create, submit, return, approve, revise, reassign the penilai (domain.md §1.5, §9.2).

Status machine (domain.md §1.5; issue 3):
    DRAFT --submit--> DIAJUKAN --approve--> DISETUJUI --revise--> DRAFT (versi kept)
                      DIAJUKAN --return--> DIKEMBALIKAN --submit--> DIAJUKAN
Content (RHK, IKI, lampiran) is edited in ``services_isi``; every transition is audited here.
"""
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kontrak.skp import skp_check_kontrak
from notifikasi.pesan import kalimat
from notifikasi.services import notify
from pegawai.models import Pegawai

from ..access import is_owner, is_penilai_of
from ..models import (
    EkspektasiPerilaku,
    IndikatorKinerja,
    PerilakuKerja,
    RencanaHasilKerja,
    Skp,
    SkpVersi,
)
from ..pejabat import blok_skp, identitas_keputusan, penilai_default, penilai_plt
from ..ringkasan import tandai_pegawai, tandai_skp
from .selectors import rhk_of

S = Skp.Status

# (status dari, aksi) -> status ke. Anything not listed is refused.
TRANSISI: dict[tuple[str, str], str] = {
    (S.DRAFT, "submit"): S.DIAJUKAN,
    (S.DIKEMBALIKAN, "submit"): S.DIAJUKAN,
    (S.DIAJUKAN, "approve"): S.DISETUJUI,
    (S.DIAJUKAN, "return"): S.DIKEMBALIKAN,
    (S.DISETUJUI, "revise"): S.DRAFT,
}


def _transisi(skp: Skp, aksi: str) -> str:
    ke = TRANSISI.get((skp.status, aksi))
    if ke is None:
        raise ValidationError(
            _("Aksi ini tidak dapat dilakukan pada SKP berstatus %(status)s.") % {"status": skp.get_status_display()}
        )
    return ke


def _lock(skp: Skp) -> Skp:
    """Re-read the row under a lock so two clicks cannot both approve (or submit) it."""
    return Skp.objects.select_for_update(of=("self",)).select_related(
        "pegawai", "pegawai__unit_kerja", "pejabat_penilai", "pejabat_penilai_non_asn__instansi",
        "atasan_penilai_non_asn__instansi").get(pk=skp.pk)


def _url(skp: Skp) -> str:
    return reverse("penilaian:skp-detail", args=[skp.pk])


def bentuk_for(pegawai: Pegawai) -> str:
    """JPT form for JPT jabatan, JA/JF otherwise (domain.md §1.3)."""
    return Skp.Bentuk.JPT if pegawai.jabatan_id and pegawai.jabatan.is_jpt else Skp.Bentuk.JA_JF


def snapshot_of(skp: Skp) -> dict:
    """Identity block of the SKP (domain.md §1.3), read from the live records (pegawai.identitas); a
    non-ASN or acting (Plt/Plh) penilai is named as such (penilaian.pejabat)."""
    return blok_skp(skp)


@transaction.atomic
def skp_create(
    *, pegawai: Pegawai, tahun: int, tanggal_mulai: date, tanggal_selesai: date,
    pendekatan: str = Skp.Pendekatan.KUANTITATIF, salin: bool = False, oleh,
) -> Skp:
    """A new draft SKP for one assignment within ``tahun``; ranges of one pegawai never overlap (§1.5)."""
    if tanggal_mulai.year != tahun or tanggal_selesai.year != tahun:
        raise ValidationError(_("Periode SKP harus berada di dalam tahun %(tahun)s.") % {"tahun": tahun})
    if tanggal_selesai < tanggal_mulai:
        raise ValidationError(_("Periode akhir tidak boleh sebelum periode awal."))
    skp_check_kontrak(pegawai=pegawai, tanggal_mulai=tanggal_mulai, tanggal_selesai=tanggal_selesai)  # §11.1
    bentrok = Skp.objects.filter(
        pegawai=pegawai, tahun=tahun, tanggal_mulai__lte=tanggal_selesai, tanggal_selesai__gte=tanggal_mulai
    ).first()
    if bentrok:
        raise ValidationError(
            _(
                "Periode bertumpang tindih dengan SKP lain (%(awal)s s.d. %(akhir)s). Untuk pindah jabatan, "
                "mulai SKP baru setelah tanggal akhir SKP lama."
            )
            % {
                "awal": bentrok.tanggal_mulai.strftime("%d-%m-%Y"),
                "akhir": bentrok.tanggal_selesai.strftime("%d-%m-%Y"),
            }
        )
    atasan, atasan_penilai = penilai_default(pegawai)  # a vacant post: its Plt/Plh (domain.md §7.5)
    skp = Skp.objects.create(
        pegawai=pegawai,
        tahun=tahun,
        tanggal_mulai=tanggal_mulai,
        tanggal_selesai=tanggal_selesai,
        pendekatan=pendekatan,
        bentuk=bentuk_for(pegawai),
        pejabat_penilai=atasan,
        atasan_penilai=atasan_penilai,
        jabatan=pegawai.jabatan,
        unit_kerja=pegawai.unit_kerja,
    )
    EkspektasiPerilaku.objects.bulk_create(
        [EkspektasiPerilaku(skp=skp, perilaku=p) for p in PerilakuKerja.objects.all()]
    )
    n_salin = _salin_tahun_lalu(skp) if salin else 0
    tandai_pegawai(pegawai.pk)  # a later SKP takes over the Akhir of the earlier one (distribution)
    audit_log(aktor=oleh, aksi="skp.created", objek=skp, data={"ke": skp.status, "rhk_disalin": n_salin})
    return skp


def _salin_tahun_lalu(skp: Skp) -> int:
    """Copy RHK and IKI of last year's latest SKP (approved first). The intervened RHK is not copied:
    it pointed at last year's supervisor SKP."""
    lalu = list(Skp.objects.filter(pegawai_id=skp.pegawai_id, tahun=skp.tahun - 1).prefetch_related("rhk__iki"))
    if not lalu:
        return 0
    sumber = max(lalu, key=lambda s: (s.status == Skp.Status.DISETUJUI, s.tanggal_selesai))
    if sumber is None:
        return 0
    n = 0
    for rhk in sumber.rhk.all():
        baru = RencanaHasilKerja.objects.create(
            skp=skp,
            jenis=rhk.jenis,
            klasifikasi=rhk.klasifikasi,
            teks=rhk.teks,
            urutan=rhk.urutan,
            perspektif=rhk.perspektif if skp.is_jpt else "",
            penugasan_dari=rhk.penugasan_dari,
        )
        IndikatorKinerja.objects.bulk_create(
            [
                IndikatorKinerja(
                    rhk=baru,
                    teks=i.teks,
                    aspek="" if skp.is_jpt else i.aspek,
                    target_angka=i.target_angka,
                    satuan=i.satuan,
                    target_teks=i.target_teks,
                    urutan=i.urutan,
                )
                for i in rhk.iki.all()
            ]
        )
        n += 1
    return n


def _syarat_ajukan(skp: Skp) -> None:
    """Submission needs a penilai and ≥1 RHK utama; every RHK needs ≥1 IKI (domain.md §1.3)."""
    errors = []
    if skp.pejabat_penilai_id is None and skp.pejabat_penilai_non_asn_id is None:
        errors.append(_("Pejabat penilai belum ditetapkan. Hubungi Admin Kepegawaian."))
    rhk = list(skp.rhk.prefetch_related("iki"))
    if not any(r.jenis == RencanaHasilKerja.Jenis.UTAMA for r in rhk):
        errors.append(_("Tambahkan minimal satu rencana hasil kerja utama."))
    tanpa_iki = [r for r in rhk if not r.iki.all()]
    if tanpa_iki:
        errors.append(
            _('Setiap rencana hasil kerja wajib memiliki indikator: "%(teks)s" belum memiliki IKI.')
            % {"teks": tanpa_iki[0].teks[:60]}
        )
    # Copied from last year or entered before the rule: a target of 0 or less cannot be measured (issue 11 §8).
    salah = [i for r in rhk for i in r.iki.all() if i.target_angka is not None and i.target_angka <= 0]
    if salah:
        errors.append(_('Target IKI "%(teks)s" harus berupa angka lebih dari 0.') % {"teks": salah[0].teks[:60]})
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def skp_submit(*, skp: Skp, oleh) -> Skp:
    """Owner submits; the identity of all three parties is frozen now (domain.md §1.3)."""
    skp = _lock(skp)
    if not is_owner(oleh, skp):
        raise ValidationError(_("Hanya pemilik SKP yang dapat mengajukannya."))
    dari, ke = skp.status, _transisi(skp, "submit")
    skp_check_kontrak(pegawai=skp.pegawai, tanggal_mulai=skp.tanggal_mulai, tanggal_selesai=skp.tanggal_selesai)
    if skp.pejabat_penilai_id is None and skp.pejabat_penilai_non_asn_id is None:
        plt, atasan_plt = penilai_plt(skp.pegawai)  # a Plt/Plh appointed to the vacant post since
        if plt is not None:
            skp.pejabat_penilai, skp.atasan_penilai = plt, atasan_plt
            skp.save(update_fields=["pejabat_penilai", "atasan_penilai", "diubah_pada"])
    _syarat_ajukan(skp)
    skp.status, skp.snapshot, skp.diajukan_pada = ke, snapshot_of(skp), timezone.now()
    skp.save(update_fields=["status", "snapshot", "diajukan_pada", "diubah_pada"])
    tandai_skp(skp)
    audit_log(aktor=oleh, aksi="skp.submitted", objek=skp, data={"dari": dari, "ke": ke})
    notify(
        penerima=getattr(skp.pejabat_penilai, "user", None),
        url=_url(skp),
        objek=skp,
        judul=kalimat("SKP bawahan menunggu persetujuan"),
        pesan=kalimat("%(nama)s mengajukan SKP %(tahun)s.", nama=skp.pegawai.nama, tahun=skp.tahun),
    )
    return skp


def _cek_penilai(skp: Skp, oleh) -> None:
    if is_owner(oleh, skp):
        raise ValidationError(_("Anda tidak dapat menyetujui atau mengembalikan SKP Anda sendiri."))
    if not is_penilai_of(oleh, skp):
        raise ValidationError(_("Hanya pejabat penilai SKP ini yang dapat menyetujui atau mengembalikannya."))


@transaction.atomic
def skp_return(*, skp: Skp, catatan: str, oleh) -> Skp:
    skp = _lock(skp)
    _cek_penilai(skp, oleh)
    dari, ke = skp.status, _transisi(skp, "return")
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError(_("Tuliskan catatan pengembalian agar pegawai tahu apa yang harus diperbaiki."))
    skp.status, skp.catatan_pengembalian = ke, catatan
    skp.save(update_fields=["status", "catatan_pengembalian", "diubah_pada"])
    tandai_skp(skp)
    audit_log(aktor=oleh, aksi="skp.returned", objek=skp, data={"dari": dari, "ke": ke}, catatan=catatan)
    notify(
        penerima=skp.pegawai.user,
        url=_url(skp),
        objek=skp,
        judul=kalimat("SKP dikembalikan"),
        pesan=kalimat("SKP %(tahun)s Anda dikembalikan: %(catatan)s", tahun=skp.tahun, catatan=catatan),
    )
    return skp


def skp_content(skp: Skp) -> dict:
    """The approved content as JSON for SkpVersi: readable even after a revision changes the rows."""
    rhk = rhk_of(skp)
    ekspektasi = skp.ekspektasi.select_related("perilaku")
    return {
        "tahun": skp.tahun,
        "bentuk": skp.bentuk,
        "pendekatan": skp.pendekatan,
        "tanggal_mulai": skp.tanggal_mulai.isoformat(),
        "tanggal_selesai": skp.tanggal_selesai.isoformat(),
        "identitas": skp.snapshot,
        "rhk": [
            {
                "id": r.pk,
                "jenis": r.jenis,
                "jenis_display": r.get_jenis_display(),
                "teks": r.teks,
                "klasifikasi": r.klasifikasi,
                "perspektif": r.get_perspektif_display() if r.perspektif else "",
                "induk": r.induk.teks if r.induk_id else "",
                "iki": [
                    {"teks": i.teks, "aspek": i.get_aspek_display() if i.aspek else "", "target": i.target_display}
                    for i in r.iki.all()
                ],
            }
            for r in rhk
        ],
        "perilaku": [{"nama": e.perilaku.nama, "ekspektasi": e.teks} for e in ekspektasi],
        "lampiran": {
            "dukungan_sumber_daya": skp.dukungan_sumber_daya,
            "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
            "konsekuensi": skp.konsekuensi,
        },
    }


@transaction.atomic
def skp_approve(*, skp: Skp, oleh, ekspektasi: dict[int, str] | None = None) -> Skp:
    """Penilai approves, writing ekspektasi khusus pimpinan per core value (domain.md §2); the approved
    content is kept as SkpVersi and the SKP is locked. ``ekspektasi`` maps PerilakuKerja id → text."""
    skp = _lock(skp)
    _cek_penilai(skp, oleh)
    dari, ke = skp.status, _transisi(skp, "approve")
    for perilaku_id, teks in (ekspektasi or {}).items():
        EkspektasiPerilaku.objects.update_or_create(
            skp=skp, perilaku_id=perilaku_id, defaults={"teks": (teks or "").strip()}
        )
    now = timezone.now()
    versi = (skp.versi_disetujui.aggregate(m=Max("versi"))["m"] or 0) + 1
    # An acting (Plt/Plh) or on-behalf (non-ASN, recorded by HR) approval names its decider (penilaian.pejabat).
    keputusan, _penilai, atas_nama = identitas_keputusan(skp, oleh)
    if atas_nama:
        skp.snapshot = {**(skp.snapshot or {}), "penilai": keputusan["penilai"]}
    skp.status, skp.versi, skp.disetujui_pada, skp.catatan_pengembalian = ke, versi, now, ""
    skp.save(update_fields=["status", "versi", "disetujui_pada", "catatan_pengembalian", "snapshot", "diubah_pada"])
    tandai_skp(skp)
    SkpVersi.objects.create(skp=skp, versi=versi, data=skp_content(skp), disetujui_pada=now, disetujui_oleh=oleh)
    audit_log(aktor=oleh, aksi="skp.approved", objek=skp, data={"dari": dari, "ke": ke, "versi": versi},
              catatan=atas_nama)
    notify(
        penerima=skp.pegawai.user,
        url=_url(skp),
        objek=skp,
        judul=kalimat("SKP disetujui"),
        pesan=kalimat("SKP %(tahun)s Anda disetujui (versi %(versi)s).", tahun=skp.tahun, versi=versi),
    )
    return skp


@dataclass
class HasilMassal:
    disetujui: list[Skp]
    gagal: list[tuple[Skp, str]]


def skp_bulk_approve(*, skps, oleh) -> HasilMassal:
    """Approve several at once (domain.md §9.3: bulk review for atasan); each one in its own transaction
    so one refusal does not undo the others. Existing ekspektasi are kept."""
    hasil = HasilMassal(disetujui=[], gagal=[])
    for skp in skps:
        try:
            hasil.disetujui.append(skp_approve(skp=skp, oleh=oleh))
        except ValidationError as exc:
            hasil.gagal.append((skp, " ".join(exc.messages)))
    return hasil


@transaction.atomic
def skp_open_revision(*, skp: Skp, oleh, alasan: str = "") -> Skp:
    """Owner reopens an approved SKP; the last SkpVersi stays readable and re-approval bumps versi."""
    skp = _lock(skp)
    if not is_owner(oleh, skp):
        raise ValidationError(_("Hanya pemilik SKP yang dapat membuka revisi."))
    dari, ke = skp.status, _transisi(skp, "revise")
    skp.status = ke
    skp.save(update_fields=["status", "diubah_pada"])
    tandai_skp(skp)
    audit_log(
        aktor=oleh,
        aksi="skp.revision_opened",
        objek=skp,
        data={"dari": dari, "ke": ke, "versi": skp.versi},
        catatan=alasan,
    )
    return skp


@transaction.atomic
def skp_reassign_penilai(*, skp: Skp, penilai: Pegawai, oleh, alasan: str = "") -> Skp:
    """HR corrects a wrong or missing penilai (domain.md §9.3), audited; the atasan penilai follows."""
    skp = _lock(skp)
    if penilai.pk == skp.pegawai_id:
        raise ValidationError(_("Pegawai tidak dapat menjadi pejabat penilai bagi dirinya sendiri."))
    if penilai.unit_kerja.instansi_id != skp.pegawai.unit_kerja.instansi_id:
        raise ValidationError(_("Pejabat penilai harus berasal dari instansi yang sama."))
    lama = skp.pejabat_penilai or skp.pejabat_penilai_non_asn
    skp.pejabat_penilai, skp.atasan_penilai = penilai, penilai.atasan
    skp.pejabat_penilai_non_asn = None
    if penilai.atasan_id:
        skp.atasan_penilai_non_asn = None
    if skp.snapshot:  # an already frozen identity block follows the correction
        baru = snapshot_of(skp)
        skp.snapshot = {**skp.snapshot, "penilai": baru["penilai"], "atasan_penilai": baru["atasan_penilai"]}
    skp.save(update_fields=["pejabat_penilai", "atasan_penilai", "pejabat_penilai_non_asn",
                            "atasan_penilai_non_asn", "snapshot", "diubah_pada"])
    audit_log(
        aktor=oleh,
        aksi="skp.penilai_changed",
        objek=skp,
        catatan=alasan,
        data={
            "dari": str(getattr(lama, "nama_lengkap", lama.nama)) if lama else None,
            "ke": penilai.nama_lengkap,
        },
    )
    notify(
        penerima=penilai.user,
        url=_url(skp),
        objek=skp,
        judul=kalimat("Anda ditetapkan sebagai pejabat penilai"),
        pesan=kalimat("Anda menjadi pejabat penilai SKP %(tahun)s %(nama)s.", tahun=skp.tahun, nama=skp.pegawai.nama),
    )
    return skp
