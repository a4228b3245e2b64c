"""Perjanjian kerja PPPK: contract length, contract years and the renewal recommendation. Pure: no ORM.

Sources (domain.md): §7.6 (PPPK contract of at least 1 year, extended on the basis of penilaian kinerja;
low performance: contract not extended), §11.1 (PPPK Paruh Waktu, KepmenPANRB 16/2025: a perjanjian kerja
of 1 year renewed yearly; evaluation triwulan and tahunan; "hasil evaluasi kinerja … digunakan sebagai
pertimbangan perpanjangan perjanjian kerja atau pengangkatan menjadi PPPK").

The recommendation table (:func:`rekomendasi`) is **our reading** of §11.1 and §7.6, not a regulation
table: the regulation says the evaluation is "pertimbangan", not how it is weighed. HR decides.
"""
import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from penilaian.predikat import Predikat

PPPK, PPPK_PW = "PPPK", "PPPK_PW"
BAIK_KE_ATAS = {Predikat.SANGAT_BAIK, Predikat.BAIK}
BURUK = {Predikat.KURANG, Predikat.SANGAT_KURANG}


def tambah_tahun(d: date, n: int) -> date:
    """``d`` plus ``n`` years; 29 February becomes 28 February in a year without it."""
    tahun = d.year + n
    return d.replace(year=tahun, day=min(d.day, calendar.monthrange(tahun, d.month)[1]))


def akhir_satu_tahun(mulai: date) -> date:
    """The last day of a one-year contract starting on ``mulai`` (1 Jan 2026 → 31 Dec 2026)."""
    return tambah_tahun(mulai, 1) - timedelta(days=1)


def pesan_masa_kontrak(status_pegawai: str, mulai: date, selesai: date) -> str:
    """Why these dates cannot be a perjanjian kerja of this pegawai, or "" (domain.md §7.6, §11.1).

    PPPK Paruh Waktu: exactly one year (KepmenPANRB 16/2025). PPPK: at least one year (PP 49/2018, §7.6).
    PNS/CPNS have no perjanjian kerja.
    """
    if status_pegawai not in (PPPK, PPPK_PW):
        return _("Perjanjian kerja hanya untuk pegawai berstatus PPPK atau PPPK Paruh Waktu.")
    if selesai < mulai:
        return _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    satu_tahun = akhir_satu_tahun(mulai)
    if status_pegawai == PPPK_PW and selesai != satu_tahun:
        return _("Perjanjian kerja PPPK Paruh Waktu berlaku 1 tahun: bila mulai %(mulai)s, selesai %(akhir)s.") % {
            "mulai": mulai.strftime("%d-%m-%Y"), "akhir": satu_tahun.strftime("%d-%m-%Y")}
    if status_pegawai == PPPK and selesai < satu_tahun:
        return _("Perjanjian kerja PPPK paling singkat 1 tahun: bila mulai %(mulai)s, selesai paling cepat "
                 "%(akhir)s.") % {"mulai": mulai.strftime("%d-%m-%Y"), "akhir": satu_tahun.strftime("%d-%m-%Y")}
    return ""


def ke_tahun(mulai: date, pada: date) -> int:
    """Which contract year (0, 1, …) of a contract starting on ``mulai`` the date ``pada`` falls in.

    The same integer rule runs in SQL (``pelatihan.selectors.with_jp``): whole years since ``mulai``.
    """
    return pada.year - mulai.year - (1 if (pada.month, pada.day) < (mulai.month, mulai.day) else 0)


def tahun_kontrak(mulai: date, selesai: date, pada: date) -> tuple[date, date] | None:
    """The contract year (first and last day) of the contract ``mulai``–``selesai`` that holds ``pada``;
    None when ``pada`` is outside the contract. The last year may be shorter (ends with the contract)."""
    if not mulai <= pada <= selesai:
        return None
    awal = tambah_tahun(mulai, ke_tahun(mulai, pada))
    return awal, min(akhir_satu_tahun(awal), selesai)


def tanggal_acuan(tahun: int, hari_ini: date) -> date:
    """The day a year's page is judged at: today for the current year, else 31 December of ``tahun``."""
    return hari_ini if tahun == hari_ini.year else date(tahun, 12, 31)


class Rekomendasi(models.TextChoices):
    USUL_PENGANGKATAN = "USUL_PPPK", _lazy("Usul pengangkatan PPPK")
    PERPANJANG = "PERPANJANG", _lazy("Perpanjang")
    PERTIMBANGKAN = "PERTIMBANGKAN", _lazy("Pertimbangkan")
    TIDAK_DIPERPANJANG = "TIDAK", _lazy("Tidak diperpanjang")


@dataclass(frozen=True)
class Saran:
    rekomendasi: Rekomendasi
    alasan: str

    @property
    def warna(self) -> str:
        return {Rekomendasi.USUL_PENGANGKATAN: "primary", Rekomendasi.PERPANJANG: "success",
                Rekomendasi.PERTIMBANGKAN: "warning", Rekomendasi.TIDAK_DIPERPANJANG: "danger"}[self.rekomendasi]


def rekomendasi(status_pegawai: str, tahunan: Predikat | None, triwulan: list[Predikat]) -> Saran:
    """Renewal/conversion recommendation at the end of a contract (our reading of domain.md §11.1, §7.6).

    ``tahunan``: the annual predikat of the contract (``predikat_tahunan``); ``triwulan``: the final
    quarterly predikat inside the contract, in order. The basis is the annual predikat, else the latest
    quarterly one:
    - no result at all → pertimbangkan (HR must look; nothing to weigh);
    - basis Kurang/Misconduct or Sangat Kurang → tidak diperpanjang (§7.6: contract not extended);
    - basis Butuh Perbaikan, or a good basis with a quarter Kurang or worse → pertimbangkan;
    - basis Baik or Sangat Baik → perpanjang; for PPPK Paruh Waktu with an annual predikat of Baik or better
      and no quarter below Baik → usul pengangkatan PPPK (§11.1 "pengangkatan menjadi PPPK").
    """
    basis = tahunan if tahunan is not None else (triwulan[-1] if triwulan else None)
    if basis is None:
        return Saran(Rekomendasi.PERTIMBANGKAN, _("Belum ada hasil evaluasi kinerja yang final."))
    if basis in BURUK:
        return Saran(Rekomendasi.TIDAK_DIPERPANJANG,
                     _("Predikat %(p)s: perjanjian kerja tidak diperpanjang.") % {"p": basis.label})
    if basis == Predikat.BUTUH_PERBAIKAN:
        return Saran(Rekomendasi.PERTIMBANGKAN, _("Predikat Butuh Perbaikan: perlu pertimbangan pejabat."))
    if any(p in BURUK for p in triwulan):
        return Saran(Rekomendasi.PERTIMBANGKAN, _("Ada triwulan dengan predikat Kurang atau lebih rendah."))
    if status_pegawai == PPPK_PW and tahunan is not None and all(p in BAIK_KE_ATAS for p in triwulan):
        return Saran(Rekomendasi.USUL_PENGANGKATAN,
                     _("PPPK Paruh Waktu dengan predikat tahunan %(p)s dan setiap triwulan minimal Baik.")
                     % {"p": tahunan.label})
    return Saran(Rekomendasi.PERPANJANG, _("Predikat %(p)s.") % {"p": basis.label})
