"""Writes on training and development records (style.md §2: validate, save, audit, side effects on commit).

pelatihan depends on penilaian. The only calls the other way are the §5.2 trigger below
(``tindak_lanjut_predikat_tahunan``, called on commit by penilaian's finalise and keberatan decision) and,
from both apps, ``notifikasi.services.notify``.
"""
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.uploads import SERTIFIKAT_TYPES, check_upload
from notifikasi.pesan import kalimat, pilihan_teks
from pegawai import access
from pegawai.models import Pegawai
from penilaian.evaluasi.selectors import penilaian_penentu_tahunan
from penilaian.tindak_lanjut import perlu_perbaikan

from .jp import BATAS_PPPK, STATUS_PPPK, TARGET_PNS, pesan_jp_salah
from .models import (
    ItemRencana,
    JenisPengembangan,
    RencanaPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)
from .rekap import rekap_jp_hitung

Status = RiwayatPengembangan.Status
TANGGAL_MIN = date(1970, 1, 1)
FIELDS = ["nama_kegiatan", "penyelenggara", "jalur", "bentuk", "jenis", "rumpun", "tanggal_mulai",
          "tanggal_selesai", "jp", "nomor_sertifikat"]


def _validate(r: RiwayatPengembangan) -> None:
    errors = {}
    today = timezone.localdate()
    if r.tanggal_mulai and r.tanggal_selesai and r.tanggal_selesai < r.tanggal_mulai:
        errors["tanggal_selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    elif r.tanggal_selesai and r.tanggal_selesai > today:
        errors["tanggal_selesai"] = _("Tanggal selesai tidak boleh di masa depan; catat kegiatan yang sudah selesai.")
    if r.tanggal_mulai and r.tanggal_mulai < TANGGAL_MIN:
        errors["tanggal_mulai"] = _("Tanggal mulai tidak wajar.")
    pesan_jp = pesan_jp_salah(r.jp, r.tanggal_mulai, r.tanggal_selesai)
    if pesan_jp:
        errors["jp"] = pesan_jp
    if r.jenis_id and r.jalur_id and r.jenis.jalur_id != r.jalur_id:
        errors["jenis"] = _("Jenis pengembangan tidak termasuk jalur %(jalur)s.") % {"jalur": r.jalur}
    if r.jenis_id and r.jenis.bentuk_id and r.bentuk_id and r.jenis.bentuk_id != r.bentuk_id:
        errors["bentuk"] = _("Jenis %(jenis)s termasuk pelatihan %(bentuk)s.") % {
            "jenis": r.jenis,
            "bentuk": r.jenis.bentuk,
        }
    if errors:
        raise ValidationError(errors)


def _attach(r: RiwayatPengembangan, berkas) -> None:
    checked = check_upload(berkas, allowed=SERTIFIKAT_TYPES)
    r.sertifikat.save(f"s.{checked.jenis}", berkas, save=False)
    # Keep the original name for people, but with the extension of the sniffed type, so the file is
    # served with the right Content-Type (serve_private guesses it from this name).
    stem = checked.nama.rsplit(".", 1)[0] if "." in checked.nama else checked.nama
    r.nama_berkas = f"{stem[:240]}.{checked.jenis}"
    r.ukuran, r.content_type = checked.ukuran, checked.content_type


@transaction.atomic
def riwayat_create(*, pegawai: Pegawai, data: dict, berkas, oleh) -> RiwayatPengembangan:
    """An employee records a completed training with its certificate (domain.md §8.3); status Diajukan."""
    r = RiwayatPengembangan(pegawai=pegawai, dibuat_oleh=oleh, status=Status.DIAJUKAN)
    for f in FIELDS:
        if f in data:
            setattr(r, f, data[f])
    if r.jenis_id and not r.bentuk_id:
        r.bentuk_id = r.jenis.bentuk_id
    _validate(r)
    if berkas is None:
        raise ValidationError({"sertifikat": _("Unggah sertifikat/STTPP sebagai bukti.")})
    _attach(r, berkas)
    r.save()
    audit_log(aktor=oleh, aksi="pelatihan.diajukan", objek=r, data={"jp": r.jp})
    return r


@transaction.atomic
def riwayat_update(*, riwayat: RiwayatPengembangan, data: dict, berkas=None, oleh) -> RiwayatPengembangan:
    """The owner corrects a record not yet verified; a rejected record goes back to Diajukan."""
    riwayat = RiwayatPengembangan.objects.select_for_update().get(pk=riwayat.pk)
    if not riwayat.bisa_diubah:
        raise ValidationError(_("Riwayat yang sudah diverifikasi tidak dapat diubah."))
    dari = riwayat.status
    for f in FIELDS:
        if f in data:
            setattr(riwayat, f, data[f])
    _validate(riwayat)
    if berkas is not None:
        _attach(riwayat, berkas)
    riwayat.status, riwayat.alasan_tolak = Status.DIAJUKAN, ""
    riwayat.save()
    audit_log(aktor=oleh, aksi="pelatihan.diubah", objek=riwayat, data={"dari": dari, "ke": riwayat.status})
    return riwayat


@transaction.atomic
def riwayat_delete(*, riwayat: RiwayatPengembangan, oleh) -> None:
    if not riwayat.bisa_diubah:
        raise ValidationError(_("Riwayat yang sudah diverifikasi tidak dapat dihapus."))
    audit_log(aktor=oleh, aksi="pelatihan.dihapus", objek=riwayat, data={"nama": riwayat.nama_kegiatan})
    berkas = riwayat.sertifikat.name
    riwayat.delete()
    if berkas:
        storage = RiwayatPengembangan._meta.get_field("sertifikat").storage
        transaction.on_commit(lambda: storage.delete(berkas))


def _check_verifier(riwayat: RiwayatPengembangan, oleh) -> None:
    """HR of the record's instansi, and not the record's owner (domain rule: nobody verifies own JP)."""
    if not access.is_hr(oleh):
        raise PermissionDenied
    r = access.peran(oleh)
    if r.pegawai and r.pegawai.pk == riwayat.pegawai_id:
        raise PermissionDenied(_("Anda tidak dapat memverifikasi riwayat Anda sendiri."))
    if not r.is_admin and riwayat.pegawai.unit_kerja.instansi_id != r.instansi_id:
        raise PermissionDenied


def _decide(riwayat: RiwayatPengembangan, *, ke: str, oleh, alasan: str = "") -> RiwayatPengembangan:
    _check_verifier(riwayat, oleh)
    locked = RiwayatPengembangan.objects.select_for_update().get(pk=riwayat.pk)
    if locked.status != Status.DIAJUKAN:
        raise ValidationError(_("Riwayat ini sudah %(status)s.") % {"status": locked.get_status_display().lower()})
    locked.status, locked.alasan_tolak = ke, alasan
    locked.diverifikasi_oleh, locked.diverifikasi_pada = oleh, timezone.now()
    locked.save(update_fields=["status", "alasan_tolak", "diverifikasi_oleh", "diverifikasi_pada", "diubah_pada"])
    aksi = "pelatihan.diverifikasi" if ke == Status.DIVERIFIKASI else "pelatihan.ditolak"
    audit_log(aktor=oleh, aksi=aksi, objek=locked, data={"dari": Status.DIAJUKAN, "ke": ke}, catatan=alasan)
    if ke == Status.DIVERIFIKASI:
        rekap_jp_hitung(pegawai_ids=[locked.pegawai_id])
    _tell_owner(locked)
    return locked


def _tell_owner(r: RiwayatPengembangan) -> None:
    from notifikasi.services import notify

    user = r.pegawai.user
    if user is None:
        return
    if r.status == Status.DIVERIFIKASI:
        judul = kalimat("Riwayat pelatihan diverifikasi")
        pesan = kalimat("%(nama)s (%(jp)d JP) sudah diverifikasi dan dihitung.", nama=r.nama_kegiatan, jp=r.jp)
    else:
        judul = kalimat("Riwayat pelatihan ditolak")
        pesan = kalimat("%(nama)s ditolak: %(alasan)s", nama=r.nama_kegiatan, alasan=r.alasan_tolak)
    url = reverse("pelatihan:riwayat-detail", args=[r.pk])
    notify(penerima=user, judul=judul, pesan=pesan, url=url, objek=r)


@transaction.atomic
def riwayat_verify(*, riwayat: RiwayatPengembangan, oleh) -> RiwayatPengembangan:
    return _decide(riwayat, ke=Status.DIVERIFIKASI, oleh=oleh)


@transaction.atomic
def riwayat_reject(*, riwayat: RiwayatPengembangan, oleh, alasan: str) -> RiwayatPengembangan:
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan penolakan agar pegawai dapat memperbaikinya.")})
    return _decide(riwayat, ke=Status.DITOLAK, oleh=oleh, alasan=alasan)


@transaction.atomic
def riwayat_verify_bulk(*, riwayat_list, oleh) -> int:
    """Verify several submitted records at once (HR queue); records no longer Diajukan are skipped."""
    n = 0
    for r in riwayat_list:
        if r.status == Status.DIAJUKAN:
            _decide(r, ke=Status.DIVERIFIKASI, oleh=oleh)
            n += 1
    return n


# --- rencana pengembangan -------------------------------------------------------------------------


@transaction.atomic
def rencana_get_or_create(*, pegawai: Pegawai, tahun: int, oleh, sumber=RencanaPengembangan.Sumber.MANUAL):
    rencana, created = RencanaPengembangan.objects.get_or_create(
        pegawai=pegawai, tahun=tahun, defaults={"sumber": sumber, "dibuat_oleh": oleh}
    )
    if created:
        audit_log(
            aktor=oleh, aksi="rencana_pengembangan.dibuat", objek=rencana, data={"tahun": tahun, "sumber": sumber}
        )
    return rencana, created


def _validate_item(item: ItemRencana, riwayat) -> None:
    if item.target_tanggal and item.target_tanggal.year != item.rencana.tahun:
        raise ValidationError(
            {"target_tanggal": _("Target tanggal harus pada tahun rencana (%(t)d).") % {"t": item.rencana.tahun}}
        )
    if any(r.pegawai_id != item.rencana.pegawai_id for r in riwayat):
        raise ValidationError({"riwayat": _("Hanya riwayat milik pegawai yang sama yang dapat ditautkan.")})


@transaction.atomic
def item_save(
    *, rencana: RencanaPengembangan, data: dict, riwayat=(), oleh, item: ItemRencana | None = None
) -> ItemRencana:
    """Add or change one plan item and the records that fulfil it."""
    item = item or ItemRencana(rencana=rencana)
    for f in ("kompetensi", "rumpun", "jenis", "target_jp", "target_tanggal", "status", "keterangan"):
        if f in data:
            setattr(item, f, data[f])
    riwayat = list(riwayat)
    _validate_item(item, riwayat)
    baru = item.pk is None
    item.save()
    item.riwayat.set(riwayat)
    audit_log(
        aktor=oleh,
        aksi="rencana_pengembangan.item_" + ("ditambah" if baru else "diubah"),
        objek=rencana,
        data={"item": item.pk, "status": item.status},
    )
    return item


# --- follow-up of the annual predikat (domain.md §5.2, PP 11/2017 Pasal 206) ------------------------


def _usulan_items(penilaian) -> list[dict]:
    """The weak areas of an annual evaluation → plan items (performance-gap analysis, §8.1)."""
    pegawai = penilaian.skp.pegawai
    target = min(TARGET_PNS, BATAS_PPPK) if pegawai.status in STATUS_PPPK else TARGET_PNS
    rumpun = {r.kode: r for r in RumpunKompetensi.objects.all()}
    jenis = {j.kode: j for j in JenisPengembangan.objects.filter(kode__in=["PELATIHAN_TEKNIS", "COACHING"])}
    jabatan = pegawai.jabatan.nama if pegawai.jabatan_id else _("jabatan")
    items = []
    if penilaian.rating_hasil == "DI_BAWAH":
        items.append(
            {
                "area": ItemRencana.Area.HASIL,
                "rumpun": rumpun.get("TEKNIS"),
                "jenis": jenis.get("PELATIHAN_TEKNIS"),
                "kompetensi": _("Kompetensi teknis %(jabatan)s untuk mencapai target hasil kerja")
                % {"jabatan": jabatan},
                "target_jp": target,
            }
        )
    if penilaian.rating_perilaku == "DI_BAWAH":
        items.append(
            {
                "area": ItemRencana.Area.PERILAKU,
                "rumpun": rumpun.get("SOSIAL_KULTURAL"),
                "jenis": jenis.get("COACHING"),
                "kompetensi": _("Perilaku kerja BerAKHLAK (pembinaan oleh atasan)"),
                "target_jp": 0,
            }
        )
    if not items:
        items.append(
            {
                "area": ItemRencana.Area.UMUM,
                "rumpun": rumpun.get("TEKNIS"),
                "jenis": jenis.get("PELATIHAN_TEKNIS"),
                "kompetensi": _("Peningkatan kompetensi sesuai hasil evaluasi kinerja"),
                "target_jp": target,
            }
        )
    return items


def _supervisor_user(penilaian):
    for p in (penilaian.penilai, penilaian.skp.pejabat_penilai, penilaian.skp.pegawai.atasan):
        if p is not None and p.user_id:
            return p.user
    return None


@transaction.atomic
def tindak_lanjut_predikat_tahunan(*, penilaian, oleh=None) -> RencanaPengembangan | None:
    """Follow-up of an annual predikat (domain.md §5.2; rule in ``penilaian.tindak_lanjut``): called
    on commit when an annual evaluation becomes final or its predikat changes after a keberatan (one
    of the two calls from penilaian into pelatihan, with ``notify``).

    Butuh Perbaikan or lower: propose (idempotently) a plan for the next year with items from the weak
    area and tell the supervisor. A better predikat after a keberatan cancels the year's automatic items
    that were not started. Baik/Sangat Baik two years in a row are computed when shown
    (``selectors.penanda_per_pegawai``), so nothing is stored for them. With several SKPs in a year the
    evaluation that decides the annual predikat acts (``penilaian_penentu_tahunan``, domain.md §11.2);
    not-started automatic items of an earlier SKP's result it replaces are cancelled.
    """
    if penilaian.periode.jenis != "TAHUNAN" or not penilaian.is_final or not penilaian.predikat:
        return None
    pegawai, tahun = penilaian.skp.pegawai, penilaian.periode.tahun + 1
    penilaian = penilaian_penentu_tahunan(pegawai.pk, penilaian.periode.tahun) or penilaian
    perlu = perlu_perbaikan(penilaian.predikat)
    usang = ItemRencana.objects.filter(
        rencana__pegawai=pegawai,
        rencana__tahun=tahun,
        penilaian__isnull=False,
        status=ItemRencana.Status.DIRENCANAKAN,
        riwayat__isnull=True,
    )
    batal = (usang.exclude(penilaian=penilaian) if perlu else usang).update(status=ItemRencana.Status.BATAL)
    if batal:
        rencana = RencanaPengembangan.objects.get(pegawai=pegawai, tahun=tahun)
        audit_log(
            aktor=oleh,
            aksi="rencana_pengembangan.usulan_dibatalkan",
            objek=rencana,
            data={"penilaian": penilaian.pk, "predikat": penilaian.predikat, "item": batal},
        )
    if not perlu:
        return None
    rencana, _created = rencana_get_or_create(
        pegawai=pegawai, tahun=tahun, oleh=oleh, sumber=RencanaPengembangan.Sumber.OTOMATIS
    )
    baru = []
    for usulan in _usulan_items(penilaian):
        item, created = ItemRencana.objects.get_or_create(
            rencana=rencana,
            penilaian=penilaian,
            area=usulan.pop("area"),
            defaults={
                **usulan,
                "target_tanggal": date(tahun, 12, 31) - timedelta(days=30),
                "keterangan": _("Usulan otomatis dari predikat %(p)s tahun %(t)d.")
                % {"p": penilaian.get_predikat_display(), "t": penilaian.periode.tahun},
            },
        )
        if created:
            baru.append(item)
        elif item.status == ItemRencana.Status.BATAL:
            item.status = ItemRencana.Status.DIRENCANAKAN
            item.save(update_fields=["status"])
            baru.append(item)
    if baru:
        audit_log(
            aktor=oleh,
            aksi="rencana_pengembangan.diusulkan",
            objek=rencana,
            data={"penilaian": penilaian.pk, "predikat": penilaian.predikat, "item": [i.pk for i in baru]},
        )
        _tell_supervisor(penilaian, rencana)
    return rencana


def _tell_supervisor(penilaian, rencana: RencanaPengembangan) -> None:
    from notifikasi.services import notify

    user = _supervisor_user(penilaian)
    if user is None:
        return
    judul = kalimat("Rencana pengembangan diusulkan")
    pesan = kalimat("Predikat %(p)s tahun %(t)d untuk %(nama)s: rencana pengembangan %(th)d diusulkan, mohon ditinjau.",
                 p=pilihan_teks(type(penilaian), "predikat", penilaian.predikat), t=penilaian.periode.tahun,
                 nama=rencana.pegawai.nama_lengkap, th=rencana.tahun)
    url = reverse("pelatihan:rencana", args=[rencana.pegawai_id, rencana.tahun])
    notify(penerima=user, judul=judul, pesan=pesan, url=url, objek=rencana)
