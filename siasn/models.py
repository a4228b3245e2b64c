"""What was sent to SIASN, row by row, so a row changed after its export is flagged for re-export.

Each ``EksporSiasn`` is one download (who, when, instansi, year, kind, format); each of its rows keeps the
row's key and the SHA-256 of the row's content (``siasn.ekspor.hash_baris``), never the content itself.
``PegawaiSiasn`` keeps the SIASN identifiers of a pegawai read by the master-data import (``pnsId``,
``unorId``), which the export writes back as ``pnsDinilaiId``.
"""
from django.conf import settings
from django.db import models
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
