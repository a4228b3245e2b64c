"""When an activity may be recorded or changed (issue 8; domain.md §3.1 periods, §9.2 Progres Harian).

Every check raises ``ValidationError`` with an Indonesian message keyed by the form field it concerns.
"""
from datetime import date, time

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pegawai.models import Pegawai
from penilaian.models import BukaKunci, IndikatorKinerja, Periode, RencanaAksi, Skp

from .models import JAM_BERPASANGAN, JAM_URUT, KegiatanHarian
from .selectors import skp_tertaut_q


def _tgl(d: date) -> str:
    return date_format(d, "j F Y")


def cek_tanggal(pegawai: Pegawai, tanggal: date) -> None:
    """Not in the future, inside one of the pegawai's SKPs, and not in a locked period."""
    if tanggal > timezone.localdate():
        raise ValidationError({"tanggal": _("Tanggal %(t)s belum terjadi. Kegiatan hanya dapat dicatat untuk hari ini "
                                            "atau hari yang sudah lewat.") % {"t": _tgl(tanggal)}})
    if not Skp.objects.filter(pegawai=pegawai, tanggal_mulai__lte=tanggal, tanggal_selesai__gte=tanggal).exists():
        raise ValidationError({"tanggal": _("Tanggal %(t)s berada di luar masa SKP Anda. Kegiatan harian hanya dapat "
                                            "dicatat dalam rentang tanggal SKP.") % {"t": _tgl(tanggal)}})
    periode = periode_terkunci(pegawai, tanggal)
    if periode is not None:
        raise ValidationError({"tanggal": _("Periode %(p)s sudah terkunci sejak batas pengisian %(b)s; kegiatan pada "
                                            "tanggal %(t)s tidak dapat ditambah, diubah, atau dihapus. Hubungi admin "
                                            "kepegawaian bila perlu dibuka.")
                               % {"p": periode, "b": _tgl(periode.batas_pengisian), "t": _tgl(tanggal)}})


def periode_terkunci(pegawai: Pegawai, tanggal: date) -> Periode | None:
    """The first period of the pegawai's instansi covering ``tanggal`` that is locked for them.

    Several periods may cover one date (a month, its quarter, the year). Entries feed the realisasi of
    each of them, so one locked period is enough to freeze the date, unless HR reopened that period
    for this pegawai (an active BukaKunci).
    """
    now = timezone.now()
    covering = Periode.objects.filter(
        instansi_id=pegawai.unit_kerja.instansi_id, tanggal_mulai__lte=tanggal, tanggal_selesai__gte=tanggal
    ).order_by("tanggal_mulai", "pk")
    locked = [p for p in covering if p.terkunci(now)]
    if not locked:
        return None
    dibuka = set(
        BukaKunci.objects.filter(pegawai=pegawai, periode__in=locked, berlaku_sampai__gte=now).values_list(
            "periode_id", flat=True
        )
    )
    return next((p for p in locked if p.pk not in dibuka), None)


def cek_iki(pegawai: Pegawai, tanggal: date, iki: IndikatorKinerja | None) -> None:
    """The IKI must belong to the pegawai's own approved SKP (see ``skp_tertaut_q``) covering ``tanggal``."""
    if iki is None:
        return
    ok = Skp.objects.filter(
        skp_tertaut_q(), pk=iki.rhk.skp_id, pegawai=pegawai, tanggal_mulai__lte=tanggal, tanggal_selesai__gte=tanggal
    ).exists()
    if not ok:
        raise ValidationError(
            {
                "iki": _(
                    "Indikator ini bukan bagian dari SKP Anda yang disetujui untuk tanggal %(t)s. "
                    "Pilih RHK/IKI dari SKP yang berlaku pada tanggal kegiatan."
                )
                % {"t": _tgl(tanggal)}
            }
        )


def _jam(t: time) -> str:
    return f"{t:%H:%M}"


def cek_jam(mulai: time | None, selesai: time | None) -> None:
    """Both or neither (an integration may send neither), and the end after the start (domain.md §11.1)."""
    if (mulai is None) != (selesai is None):
        raise ValidationError({"jam_selesai" if selesai is None else "jam_mulai": JAM_BERPASANGAN})
    if mulai is not None and selesai <= mulai:
        raise ValidationError({"jam_selesai": JAM_URUT})


def cek_tumpang_tindih(pegawai: Pegawai, tanggal: date, mulai: time | None, selesai: time | None,
                       *, kecuali: int | None = None) -> None:
    """No two entries of one pegawai on one day share a minute (see ``jam.bertumpuk``)."""
    if mulai is None:
        return
    lain = KegiatanHarian.objects.filter(
        pegawai=pegawai, tanggal=tanggal, jam_mulai__lt=selesai, jam_selesai__gt=mulai
    ).exclude(pk=kecuali).order_by("jam_mulai").first()
    if lain is not None:
        raise ValidationError({"jam_mulai": _(
            "Jam %(m)s–%(s)s bertumpang tindih dengan kegiatan lain pada tanggal %(t)s (%(lm)s–%(ls)s: %(u)s). "
            "Satu waktu hanya dapat diisi satu kegiatan; ubah jamnya."
        ) % {"m": _jam(mulai), "s": _jam(selesai), "t": _tgl(tanggal), "lm": _jam(lain.jam_mulai),
             "ls": _jam(lain.jam_selesai), "u": lain.uraian[:60]}})


def cek_rencana_aksi(pegawai: Pegawai, tanggal: date, ra: RencanaAksi | None,
                     iki: IndikatorKinerja | None) -> IndikatorKinerja | None:
    """The rencana aksi is the pegawai's own, of an evaluation whose period and SKP cover ``tanggal``; the IKI
    (counted in the realisasi roll-up) belongs to its RHK. Returns the IKI to store: the chosen one, or the
    RHK's only IKI when none was chosen."""
    if ra is None:
        return iki
    p = ra.penilaian
    ok = (
        p.skp.pegawai_id == pegawai.pk
        and p.periode.tanggal_mulai <= tanggal <= p.periode.tanggal_selesai
        and p.skp.tanggal_mulai <= tanggal <= p.skp.tanggal_selesai
    )
    if not ok:
        raise ValidationError({"rencana_aksi": _(
            "Rencana aksi ini bukan milik periode %(p)s yang mencakup tanggal %(t)s. Pilih rencana aksi periode "
            "tanggal kegiatan, atau kosongkan."
        ) % {"p": p.periode, "t": _tgl(tanggal)}})
    ikis = list(IndikatorKinerja.objects.filter(rhk_id=ra.rhk_id).order_by("urutan", "pk"))
    if iki is None:
        if len(ikis) > 1:
            raise ValidationError({"iki": _(
                "RHK rencana aksi ini memiliki beberapa indikator; pilih indikator yang realisasinya bertambah."
            )})
        return ikis[0] if ikis else None
    if iki.rhk_id != ra.rhk_id:
        raise ValidationError({"iki": _("Indikator ini bukan bagian dari RHK rencana aksi yang dipilih.")})
    return iki


def cek_bisa_diubah(kegiatan: KegiatanHarian) -> None:
    if not kegiatan.bisa_diubah:
        raise ValidationError(_(
            "Kegiatan tanggal %(t)s sudah disetujui atasan sehingga tidak dapat diubah atau dihapus. Minta atasan "
            "mengembalikannya bila perlu diperbaiki."
        ) % {"t": _tgl(kegiatan.tanggal)})

