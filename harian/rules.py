"""When an activity may be recorded or changed (issue 8; domain.md §3.1 periods, §9.2 Progres Harian).

Every check raises ``ValidationError`` with an Indonesian message keyed by the form field it concerns.
"""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pegawai.models import Pegawai
from penilaian.models import BukaKunci, IndikatorKinerja, Periode, Skp

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
