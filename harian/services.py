"""Writes of the daily activity log (style.md §2: validate, save, audit, side effects on commit)."""
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.uploads import BUKTI_TYPES, check_upload
from notifikasi.pesan import kalimat, pilihan_teks
from notifikasi.services import notify
from pegawai.models import Pegawai
from penilaian.models import IndikatorKinerja, RencanaAksi

from . import rules
from .models import JAM_KERJA_MENIT_DEFAULT, KUANTITAS_NEGATIF, KegiatanHarian, PengaturanHarian, TanggapanKegiatan


@dataclass
class DataKegiatan:
    tanggal: date
    uraian: str
    kuantitas: Decimal
    satuan: str = ""
    iki: IndikatorKinerja | None = None
    bukti_url: str = ""
    jam_mulai: time | None = None
    jam_selesai: time | None = None
    rencana_aksi: RencanaAksi | None = None


def _apply(kegiatan: KegiatanHarian, data: DataKegiatan, berkas, hapus_berkas: bool) -> None:
    if data.kuantitas is None or data.kuantitas < 0:
        raise ValidationError({"kuantitas": KUANTITAS_NEGATIF})
    rules.cek_jam(data.jam_mulai, data.jam_selesai)
    rules.cek_tanggal(kegiatan.pegawai, data.tanggal)
    data.iki = rules.cek_rencana_aksi(kegiatan.pegawai, data.tanggal, data.rencana_aksi, data.iki)
    rules.cek_iki(kegiatan.pegawai, data.tanggal, data.iki)
    rules.cek_tumpang_tindih(kegiatan.pegawai, data.tanggal, data.jam_mulai, data.jam_selesai, kecuali=kegiatan.pk)
    for name in ("tanggal", "uraian", "kuantitas", "jam_mulai", "jam_selesai", "rencana_aksi", "iki", "bukti_url"):
        setattr(kegiatan, name, getattr(data, name))
    # A new or changed entry waits for the atasan again (a returned one is resubmitted by editing it).
    kegiatan.status = KegiatanHarian.Status.DIAJUKAN
    # An IKI's satuan is the natural default, so the roll-up adds like with like.
    kegiatan.satuan = data.satuan or (data.iki.satuan if data.iki else "") or _("kegiatan")
    if hapus_berkas and kegiatan.berkas:
        kegiatan.berkas.delete(save=False)
        kegiatan.nama_berkas, kegiatan.ukuran, kegiatan.content_type = "", 0, ""
    if berkas is not None:
        try:
            checked = check_upload(berkas, allowed=BUKTI_TYPES)
        except ValidationError as e:
            raise ValidationError({"berkas": e.messages}) from None
        if kegiatan.berkas:
            kegiatan.berkas.delete(save=False)
        kegiatan.berkas.save(berkas.name, berkas, save=False)
        kegiatan.nama_berkas, kegiatan.ukuran, kegiatan.content_type = (
            checked.nama,
            checked.ukuran,
            checked.content_type,
        )


def _kunci_pegawai(pegawai: Pegawai) -> None:
    # Two saves of the same pegawai at once could each miss the other's overlap: serialise them.
    Pegawai.objects.select_for_update().filter(pk=pegawai.pk).first()


@transaction.atomic
def kegiatan_create(*, pegawai: Pegawai, data: DataKegiatan, berkas=None, oleh) -> KegiatanHarian:
    _kunci_pegawai(pegawai)
    kegiatan = KegiatanHarian(pegawai=pegawai)
    _apply(kegiatan, data, berkas, hapus_berkas=False)
    kegiatan.save()
    audit_log(
        aktor=oleh,
        aksi="harian.created",
        objek=kegiatan,
        data={"tanggal": str(kegiatan.tanggal), "iki": kegiatan.iki_id},
    )
    return kegiatan


@transaction.atomic
def kegiatan_update(
    *, kegiatan: KegiatanHarian, data: DataKegiatan, berkas=None, hapus_berkas: bool = False, oleh
) -> KegiatanHarian:
    """The owner changes an entry; both the old and the new date must be open."""
    _kunci_pegawai(kegiatan.pegawai)
    kegiatan = KegiatanHarian.objects.select_for_update().select_related("pegawai__unit_kerja").get(pk=kegiatan.pk)
    lama = {"tanggal": str(kegiatan.tanggal), "kuantitas": str(kegiatan.kuantitas), "iki": kegiatan.iki_id,
            "status": kegiatan.status}
    rules.cek_bisa_diubah(kegiatan)
    rules.cek_tanggal(kegiatan.pegawai, kegiatan.tanggal)
    _apply(kegiatan, data, berkas, hapus_berkas)
    kegiatan.save()
    baru = {"tanggal": str(kegiatan.tanggal), "kuantitas": str(kegiatan.kuantitas), "iki": kegiatan.iki_id}
    audit_log(aktor=oleh, aksi="harian.updated", objek=kegiatan, data={"dari": lama, "ke": baru})
    return kegiatan


@transaction.atomic
def kegiatan_delete(*, kegiatan: KegiatanHarian, oleh) -> None:
    rules.cek_bisa_diubah(kegiatan)
    rules.cek_tanggal(kegiatan.pegawai, kegiatan.tanggal)
    audit_log(
        aktor=oleh,
        aksi="harian.deleted",
        objek=kegiatan,
        data={"tanggal": str(kegiatan.tanggal), "uraian": kegiatan.uraian[:200], "kuantitas": str(kegiatan.kuantitas)},
    )
    berkas = kegiatan.berkas.name if kegiatan.berkas else ""
    storage = kegiatan.berkas.storage
    kegiatan.delete()
    if berkas:
        transaction.on_commit(lambda: storage.delete(berkas))


@transaction.atomic
def tanggapan_save(*, kegiatan: KegiatanHarian, atasan: Pegawai, tanda: str, komentar: str, oleh) -> TanggapanKegiatan:
    """The supervisor marks and/or comments on an entry (one reaction per supervisor, updatable);
    the employee is notified. Permission (atasan of the owner) is checked by the caller's scoped fetch."""
    komentar = (komentar or "").strip()
    if not tanda and not komentar:
        raise ValidationError(_("Pilih tanda atau tulis komentar singkat."))
    if tanda and tanda not in TanggapanKegiatan.Tanda.values:
        raise ValidationError(_("Tanda tidak dikenal."))
    obj, _created = TanggapanKegiatan.objects.update_or_create(
        kegiatan=kegiatan, oleh=atasan, defaults={"tanda": tanda, "komentar": komentar[:500]}
    )
    audit_log(aktor=oleh, aksi="harian.tanggapan", objek=kegiatan, data={"tanda": tanda, "komentar": komentar[:200]})
    penerima = kegiatan.pegawai.user
    if penerima is not None:
        judul = kalimat("Tanggapan atasan atas kegiatan %(t)s", t=f"{kegiatan.tanggal:%d-%m-%Y}")
        pesan = kalimat("%(tanda)s — %(komentar)s", tanda=pilihan_teks(TanggapanKegiatan, "tanda", tanda),
                     komentar=komentar) if tanda and komentar else (
            pilihan_teks(TanggapanKegiatan, "tanda", tanda) if tanda else komentar)
        url = reverse("harian:saya") + f"#kegiatan-{kegiatan.pk}"
        notify(penerima=penerima, judul=judul, pesan=pesan, url=url, objek=kegiatan)
    return obj


@transaction.atomic
def jam_kerja_standar_set(*, instansi, menit: int, oleh) -> None:
    """HR sets the instansi's standard working week (minutes). Saving the default where nothing was set
    stores nothing (the page saved back unchanged leaves no trace)."""
    if not 60 <= menit <= 7 * 24 * 60:
        raise ValidationError({"jam_per_minggu": _("Jam kerja standar harus antara 1 dan 168 jam per minggu.")})
    obj = PengaturanHarian.objects.select_for_update().filter(instansi=instansi).first()
    lama = obj.jam_kerja_menit if obj else JAM_KERJA_MENIT_DEFAULT
    if lama == menit:
        return
    if obj is None:
        obj = PengaturanHarian(instansi=instansi)
    obj.jam_kerja_menit = menit
    obj.save()
    audit_log(aktor=oleh, aksi="harian.jam_kerja_standar", objek=instansi, data={"dari": lama, "ke": menit})
