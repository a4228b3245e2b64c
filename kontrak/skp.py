"""SKP dates inside the perjanjian kerja (domain.md §11.1: the PPPK Paruh Waktu writes an SKP following the
contract's target, for the contract's year). Called by ``penilaian.skp.services`` on create and submit."""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pegawai.models import Pegawai

from .models import PerjanjianKerja


def perjanjian_untuk_skp(pegawai_id: int, tanggal_mulai: date, tanggal_selesai: date) -> PerjanjianKerja | None:
    """The contract holding the whole SKP period, else the one holding its start (for display)."""
    qs = PerjanjianKerja.objects.berlaku().filter(pegawai_id=pegawai_id, tanggal_mulai__lte=tanggal_mulai)
    return (qs.filter(tanggal_selesai__gte=tanggal_selesai).order_by("-tanggal_mulai").first()
            or qs.filter(tanggal_selesai__gte=tanggal_mulai).order_by("-tanggal_mulai").first())


def skp_check_kontrak(*, pegawai: Pegawai, tanggal_mulai: date, tanggal_selesai: date) -> None:
    """Refuse an SKP period of a PPPK/PPPK PW outside one recorded perjanjian kerja.

    PPPK Paruh Waktu: a contract holding the whole period is required (its SKP follows the contract).
    PPPK: checked once any contract is recorded (older data without contracts keeps working).
    PNS/CPNS: no check.
    """
    if not pegawai.is_pppk:
        return
    kontrak = PerjanjianKerja.objects.berlaku().filter(pegawai=pegawai)
    if pegawai.status != Pegawai.Status.PPPK_PW and not kontrak.exists():
        return
    if kontrak.filter(tanggal_mulai__lte=tanggal_mulai, tanggal_selesai__gte=tanggal_selesai).exists():
        return
    pk = perjanjian_untuk_skp(pegawai.pk, tanggal_mulai, tanggal_selesai) or kontrak.filter(
        tanggal_selesai__gte=tanggal_mulai).order_by("tanggal_mulai").first()
    if pk is None:
        raise ValidationError(_(
            "Periode SKP %(awal)s s.d. %(akhir)s berada di luar perjanjian kerja. Admin Kepegawaian perlu "
            "mencatat perjanjian kerja yang mencakup periode ini.") % {
            "awal": tanggal_mulai.strftime("%d-%m-%Y"), "akhir": tanggal_selesai.strftime("%d-%m-%Y")})
    raise ValidationError(_(
        "Periode SKP %(awal)s s.d. %(akhir)s harus berada di dalam perjanjian kerja %(nomor)s (%(k_awal)s s.d. "
        "%(k_akhir)s).") % {
        "awal": tanggal_mulai.strftime("%d-%m-%Y"), "akhir": tanggal_selesai.strftime("%d-%m-%Y"),
        "nomor": pk.nomor, "k_awal": pk.tanggal_mulai.strftime("%d-%m-%Y"),
        "k_akhir": pk.tanggal_selesai.strftime("%d-%m-%Y")})
