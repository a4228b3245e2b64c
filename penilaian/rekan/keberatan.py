"""Acknowledgement and keberatan against a finalised evaluation (domain.md §3.5).

FINAL → DITERIMA (employee acknowledges) or → KEBERATAN (within ``KINERJA["HARI_KEBERATAN"]`` days of
``final_pada``) → DIPUTUS (the atasan pejabat penilai upholds or changes the ratings; the predikat is
re-derived with ``hitung_predikat``). FINAL → LEWAT_WAKTU when the window closes without a keberatan:
the result stands (PP 30/2019 Pasal 59, domain.md §11.1). Status changes are conditional UPDATEs on the
expected status, so a double click or a race cannot apply a step twice.
"""
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from notifikasi.pesan import kalimat, periode_teks, pilihan_teks
from notifikasi.services import notify
from pelatihan.services import tindak_lanjut_predikat_tahunan

from ..models import Keberatan, Penilaian
from ..predikat import Rating, hitung_predikat
from ..ringkasan import tandai_penilaian
from .selectors import atasan_penilai_of, can_decide

S = Penilaian.Status


def batas_keberatan(penilaian: Penilaian) -> datetime | None:
    return penilaian.batas_tanggapan


def bisa_ditanggapi(penilaian: Penilaian, now: datetime | None = None) -> bool:
    return penilaian.boleh("acknowledge", now)


def _move(penilaian: Penilaian, dari: str, ke: str, **fields) -> None:
    moved = Penilaian.objects.filter(pk=penilaian.pk, status=dari).update(status=ke, versi=F("versi") + 1, **fields)
    if moved != 1:
        raise ValidationError(_("Status penilaian sudah berubah; muat ulang halaman."))
    penilaian.refresh_from_db()
    tandai_penilaian(penilaian)


def _owner_check(penilaian: Penilaian, oleh) -> None:
    if penilaian.skp.pegawai.user_id != getattr(oleh, "pk", None):
        raise ValidationError(_("Hanya pegawai yang dinilai yang dapat menanggapi penilaian ini."))


@transaction.atomic
def penilaian_acknowledge(*, penilaian: Penilaian, oleh) -> Penilaian:
    """The employee acknowledges the final evaluation."""
    _owner_check(penilaian, oleh)
    ke = penilaian.status_setelah("acknowledge")
    if ke is None and penilaian.is_lewat_waktu() and penilaian.batas_tanggapan:
        raise ValidationError(
            _("Batas waktu tanggapan (sampai %(batas)s) sudah lewat; hasil penilaian ini sudah berlaku.")
            % {"batas": timezone.localtime(batas_keberatan(penilaian)).strftime("%d-%m-%Y %H:%M")})
    if ke is None:
        raise ValidationError(_("Hanya penilaian berstatus final yang dapat diterima."))
    _move(penilaian, penilaian.status, ke, ditanggapi_pada=timezone.now())
    audit_log(aktor=oleh, aksi="penilaian.diterima", objek=penilaian, data={"dari": S.FINAL, "ke": ke})
    notify(penerima=getattr(penilaian.penilai or penilaian.skp.pejabat_penilai, "user", None),
           judul=kalimat("Penilaian diterima"),
           pesan=kalimat("%(nama)s menerima hasil penilaian %(periode)s.", nama=penilaian.skp.pegawai.nama,
                      periode=periode_teks(penilaian.periode)),
           url=reverse("penilaian:tanggapan", args=[penilaian.pk]), objek=penilaian)
    return penilaian


@transaction.atomic
def keberatan_file(*, penilaian: Penilaian, alasan: str, oleh, now: datetime | None = None) -> Keberatan:
    """File a keberatan within the configured window; the atasan pejabat penilai decides it."""
    _owner_check(penilaian, oleh)
    alasan = (alasan or "").strip()
    if len(alasan) < 20:
        raise ValidationError(_("Uraikan alasan keberatan (minimal 20 karakter)."))
    ke = penilaian.status_setelah("file_keberatan", now)
    if ke is None and not penilaian.is_lewat_waktu(now):
        raise ValidationError(_("Keberatan hanya dapat diajukan atas penilaian yang sudah final dan belum ditanggapi."))
    if ke is None:  # FINAL past its window, or already LEWAT_WAKTU: the window closed, say so
        raise ValidationError(_(
            "Batas waktu pengajuan keberatan (%(hari)d hari sejak penilaian final, sampai %(batas)s) sudah lewat."
        ) % {"hari": settings.KINERJA["HARI_KEBERATAN"],
             "batas": timezone.localtime(batas_keberatan(penilaian)).strftime("%d-%m-%Y %H:%M")})
    pemutus = atasan_penilai_of(penilaian)
    _move(penilaian, penilaian.status, ke, ditanggapi_pada=now or timezone.now())
    kb = Keberatan.objects.create(penilaian=penilaian, alasan=alasan, diajukan_oleh=oleh, pemutus=pemutus)
    audit_log(aktor=oleh, aksi="keberatan.diajukan", objek=penilaian, catatan=alasan,
              data={"dari": S.FINAL, "ke": ke, "pemutus": pemutus.nip if pemutus else None})
    url = reverse("penilaian:keberatan-detail", args=[kb.pk])
    pesan = kalimat("%(nama)s mengajukan keberatan atas penilaian %(periode)s.",
                 nama=penilaian.skp.pegawai.nama, periode=periode_teks(penilaian.periode))
    notify(penerima=getattr(pemutus, "user", None), judul=kalimat("Keberatan perlu diputus"), pesan=pesan, url=url,
           objek=kb)
    notify(penerima=getattr(penilaian.penilai or penilaian.skp.pejabat_penilai, "user", None),
           judul=kalimat("Keberatan diajukan"), pesan=pesan, url=url, objek=kb)
    return kb


@transaction.atomic
def keberatan_decide(
    *, keberatan: Keberatan, ubah: bool, keputusan: str, oleh,
    rating_hasil: str = "", rating_perilaku: str = "",
) -> Keberatan:
    """Uphold or change the ratings; the predikat is always re-derived, never typed (§3.4, §3.5)."""
    penilaian = keberatan.penilaian
    if not can_decide(oleh, keberatan):
        raise ValidationError(_("Hanya atasan pejabat penilai yang dapat memutus keberatan ini."))
    if keberatan.status != Keberatan.Status.DIAJUKAN:
        raise ValidationError(_("Keberatan ini sudah diputus."))
    keputusan = (keputusan or "").strip()
    if len(keputusan) < 10:
        raise ValidationError(_("Tuliskan pertimbangan keputusan (minimal 10 karakter)."))
    lama = {"rating_hasil": penilaian.rating_hasil, "rating_perilaku": penilaian.rating_perilaku,
            "predikat": penilaian.predikat}
    baru = dict(lama)
    if ubah:
        if not rating_hasil or not rating_perilaku:
            raise ValidationError(_("Pilih rating hasil kerja dan rating perilaku kerja yang baru."))
        baru = {"rating_hasil": Rating(rating_hasil).value, "rating_perilaku": Rating(rating_perilaku).value}
        baru["predikat"] = hitung_predikat(baru["rating_hasil"], baru["rating_perilaku"]).value
        if baru["rating_hasil"] == lama["rating_hasil"] and baru["rating_perilaku"] == lama["rating_perilaku"]:
            raise ValidationError(_("Rating tidak berubah; pilih 'Penilaian dipertahankan'."))
    now = timezone.now()
    ke = penilaian.status_setelah("decide_keberatan")
    if ke is None:
        raise ValidationError(_("Status penilaian sudah berubah; muat ulang halaman."))
    _move(penilaian, penilaian.status, ke, **baru)
    keberatan.status = Keberatan.Status.DIUBAH if ubah else Keberatan.Status.DIPERTAHANKAN
    keberatan.keputusan, keberatan.diputus_pada = keputusan, now
    keberatan.rating_hasil_lama, keberatan.rating_perilaku_lama = lama["rating_hasil"], lama["rating_perilaku"]
    keberatan.predikat_lama = lama["predikat"]
    if keberatan.pemutus_id is None and getattr(oleh, "pegawai", None) is not None:
        keberatan.pemutus = oleh.pegawai
    keberatan.save()
    audit_log(aktor=oleh, aksi="keberatan.diputus", objek=penilaian, catatan=keputusan,
              data={"dari": lama, "ke": baru, "keputusan": keberatan.status})
    if penilaian.periode.is_tahunan and baru["predikat"] != lama["predikat"]:
        transaction.on_commit(lambda: tindak_lanjut_predikat_tahunan(penilaian=penilaian, oleh=oleh))
    url = reverse("penilaian:tanggapan", args=[penilaian.pk])
    pesan = kalimat("Keberatan atas penilaian %(periode)s telah diputus: %(status)s.",
                 periode=periode_teks(penilaian.periode), status=pilihan_teks(Keberatan, "status", keberatan.status))
    notify(penerima=penilaian.skp.pegawai.user, judul=kalimat("Keberatan diputus"), pesan=pesan, url=url,
           objek=keberatan)
    notify(penerima=getattr(penilaian.penilai or penilaian.skp.pejabat_penilai, "user", None),
           judul=kalimat("Keberatan diputus"), pesan=pesan, url=url, objek=keberatan)
    return keberatan


def penilaian_accept_lapsed(*, now: datetime | None = None) -> int:
    """Mark FINAL evaluations whose window closed without a keberatan as accepted by lapse of time.

    PP 30/2019 Pasal 59 (domain.md §11.1): no keberatan within 14 days, the result stands. Idempotent:
    each row moves by a conditional UPDATE on ``status=FINAL``, so a second run, an overlapping run or a
    keberatan filed in time (already KEBERATAN) is never touched. Returns how many rows moved.
    """
    now = now or timezone.now()
    lewat = Penilaian.q_tanggapan_lewat(now)
    kandidat = Penilaian.objects.filter(lewat).select_related(
        "periode", "skp__pegawai__user", "penilai", "skp__pejabat_penilai")
    n = 0
    for p in kandidat.iterator(chunk_size=500):
        with transaction.atomic():
            moved = Penilaian.objects.filter(lewat, pk=p.pk).update(
                status=p.status_setelah("lapse", now), ditanggapi_pada=now, versi=F("versi") + 1)
            if not moved:
                continue
            n += 1
            tandai_penilaian(p)
            # Shown as "Diterima karena lewat waktu" (translated label) in the evaluation's history.
            audit_log(aktor=None, aksi="penilaian.diterima_lewat_waktu", objek=p,
                      data={"dari": S.FINAL, "ke": S.LEWAT_WAKTU, "batas": p.batas_tanggapan.isoformat()})
            notify(penerima=p.skp.pegawai.user, judul=kalimat("Hasil penilaian berlaku"),
                   pesan=kalimat("Batas tanggapan atas penilaian %(periode)s sudah lewat tanpa keberatan; hasil "
                              "penilaian dianggap diterima.", periode=periode_teks(p.periode)),
                   url=reverse("penilaian:tanggapan", args=[p.pk]), objek=p)
    return n
