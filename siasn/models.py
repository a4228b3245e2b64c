"""What was sent to SIASN, row by row, so a row changed after its export is flagged for re-export.

Each ``EksporSiasn`` is one download (who, when, instansi, year, kind, format); each of its rows keeps the
row's key and the SHA-256 of the row's content (``siasn.ekspor.hash_baris``), never the content itself.
``PegawaiSiasn`` keeps the SIASN identifiers of a pegawai read by the master-data import (``pnsId``,
``unorId``), which the export writes back as ``pnsDinilaiId``.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EksporSiasn(models.Model):
    class Jenis(models.TextChoices):
        SKP22 = "skp22", _("Hasil SKP tahunan (skp22)")
        PERIODIK = "kinerjaPeriodik", _("Kinerja periodik (kinerjaPeriodik)")

    class Format(models.TextChoices):
        JSON = "json", "JSON"
        XLSX = "xlsx", "XLSX"

    instansi = models.ForeignKey("pegawai.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE,
                                 related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat_pada = models.DateTimeField(_("waktu ekspor"), auto_now_add=True)

    class Meta:
        verbose_name = _("ekspor SIASN")
        verbose_name_plural = _("ekspor SIASN")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["instansi", "tahun", "jenis", "dibuat_pada"])]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.tahun} ({self.dibuat_pada:%Y-%m-%d %H:%M})"


class EksporSiasnBaris(models.Model):
    ekspor = models.ForeignKey(EksporSiasn, on_delete=models.CASCADE, related_name="baris")
    kunci = models.CharField(_("kunci baris"), max_length=80)
    hash = models.CharField(_("hash isi"), max_length=64)

    class Meta:
        verbose_name = _("baris ekspor SIASN")
        verbose_name_plural = _("baris ekspor SIASN")
        indexes = [models.Index(fields=["kunci"])]
        constraints = [models.UniqueConstraint(fields=["ekspor", "kunci"], name="ekspor_siasn_kunci_unik")]

    def __str__(self):
        return self.kunci


class PegawaiSiasn(models.Model):
    pegawai = models.OneToOneField("pegawai.Pegawai", on_delete=models.CASCADE, related_name="siasn")
    pns_id = models.CharField(_("ID PNS SIASN"), max_length=42, blank=True)
    unor_id = models.CharField(_("ID unor SIASN"), max_length=42, blank=True)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    class Meta:
        verbose_name = _("identitas SIASN pegawai")
        verbose_name_plural = _("identitas SIASN pegawai")

    def __str__(self):
        return f"{self.pegawai_id}: {self.pns_id}"


class LaporanSiasn(models.Model):
    """The validation report of one instansi, year and kind, computed in the background (``siasn.laporan``):
    the SIASN page shows these figures and the stored rows, never the year's evaluations. One row is both the
    latest result and the state of its recompute; the figures of the last run stay visible while one runs."""

    class Status(models.TextChoices):
        MENUNGGU = "MENUNGGU", _("Menunggu")
        BERJALAN = "BERJALAN", _("Sedang disusun")
        SELESAI = "SELESAI", _("Selesai")
        GAGAL = "GAGAL", _("Gagal")

    AKTIF = frozenset({Status.MENUNGGU, Status.BERJALAN})

    instansi = models.ForeignKey("pegawai.Instansi", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis"), max_length=20, choices=EksporSiasn.Jenis.choices)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.MENUNGGU)
    jumlah_baris = models.PositiveIntegerField(_("baris"), default=0)
    siap = models.PositiveIntegerField(_("siap diekspor"), default=0)
    terhalang = models.PositiveIntegerField(_("terhalang"), default=0)
    ekspor_ulang = models.PositiveIntegerField(_("perlu ekspor ulang"), default=0)
    belum_diekspor = models.PositiveIntegerField(_("belum pernah diekspor"), default=0)
    per_alasan = models.JSONField(_("jumlah per alasan"), default=dict, blank=True)  # {code: count}
    # When the figures shown were read from the data (null: never computed yet).
    dihitung_pada = models.DateTimeField(_("dihitung pada"), null=True, blank=True)
    diminta_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    diminta_pada = models.DateTimeField(_("diminta pada"), null=True, blank=True)
    # Moves when a run is claimed and when its rows are written: an active run without it for batas_macet()
    # lost its worker (notifikasi.models.batas_macet), and the page offers to start it again.
    denyut = models.DateTimeField(_("kemajuan terakhir"), null=True, blank=True)
    pesan_galat = models.TextField(_("galat"), blank=True)

    class Meta:
        verbose_name = _("laporan validasi SIASN")
        verbose_name_plural = _("laporan validasi SIASN")
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "jenis"], name="laporan_siasn_unik")]

    def __str__(self):
        return f"{self.instansi_id} {self.tahun} {self.jenis}"

    @property
    def is_aktif(self) -> bool:
        return self.status in self.AKTIF

    @property
    def terhenti(self) -> bool:
        from notifikasi.models import batas_macet

        terakhir = self.denyut or self.diminta_pada
        return self.is_aktif and terakhir is not None and terakhir < timezone.now() - batas_macet()


class LaporanSiasnBaris(models.Model):
    """One row of a stored report as the page lists it: who, and what blocks it or its export state."""

    class Kategori(models.TextChoices):
        TERHALANG = "terhalang", _("Terhalang")
        BARU = "baru", _("Belum pernah diekspor")
        BERUBAH = "berubah", _("Berubah sejak ekspor terakhir: ekspor ulang")
        SAMA = "sama", _("Sudah diekspor, tidak berubah")

    # No index of its own: the unique (laporan, urutan) leads with it.
    laporan = models.ForeignKey(LaporanSiasn, on_delete=models.CASCADE, related_name="baris", db_index=False)
    urutan = models.PositiveIntegerField()  # 0, 1, 2, … over the report: page n of "all" is a range of it
    kategori = models.CharField(max_length=10, choices=Kategori.choices)
    nomor = models.PositiveIntegerField()  # 0, 1, 2, … within its kategori: page n of a tab is a range of it
    nip = models.CharField(_("NIP"), max_length=30, blank=True)
    nama = models.CharField(_("nama"), max_length=250)
    alasan = models.CharField(_("alasan"), max_length=200, blank=True)  # codes of siasn.ekspor.ALASAN, "," between

    class Meta:
        verbose_name = _("baris laporan SIASN")
        verbose_name_plural = _("baris laporan SIASN")
        constraints = [models.UniqueConstraint(fields=["laporan", "urutan"], name="laporan_siasn_baris_urut"),
                       models.UniqueConstraint(fields=["laporan", "kategori", "nomor"], name="laporan_siasn_baris_kat")]

    def __str__(self):
        return f"{self.laporan_id}/{self.urutan}"

    @property
    def valid(self) -> bool:
        return self.kategori != self.Kategori.TERHALANG

    @property
    def alasan_teks(self) -> list[str]:
        from .ekspor import ALASAN

        return [str(ALASAN[a]) for a in self.alasan.split(",") if a in ALASAN]

    @property
    def status_ekspor_teks(self) -> str:
        return "" if not self.valid else self.get_kategori_display()
