"""Reference data: BerAKHLAK core values with their official indicator sentences (domain.md §2) and
picklist phrases for ekspektasi khusus pimpinan and umpan balik (editable in admin)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.dwibahasa import DuaBahasa

INGGRIS = _("Kosong: teks Indonesia yang tampil.")


class PerilakuKerja(DuaBahasa, models.Model):
    kode = models.CharField(_("kode"), max_length=30, unique=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), unique=True)
    nama = models.CharField(_("nilai dasar"), max_length=60)
    makna = models.CharField(_("makna"), max_length=200)
    nama_en = models.CharField(_("nilai dasar (bahasa Inggris)"), max_length=60, blank=True, help_text=INGGRIS)
    makna_en = models.CharField(_("makna (bahasa Inggris)"), max_length=200, blank=True, help_text=INGGRIS)

    class Meta:
        verbose_name = _("perilaku kerja (BerAKHLAK)")
        verbose_name_plural = _("perilaku kerja (BerAKHLAK)")
        ordering = ["urutan"]

    def __str__(self):
        return self.dalam_bahasa("nama")


class IndikatorPerilaku(DuaBahasa, models.Model):
    perilaku = models.ForeignKey(PerilakuKerja, on_delete=models.CASCADE, related_name="indikator")
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    teks = models.CharField(_("panduan perilaku"), max_length=255)
    teks_en = models.CharField(_("panduan perilaku (bahasa Inggris)"), max_length=255, blank=True, help_text=INGGRIS)

    class Meta:
        verbose_name = _("indikator perilaku")
        verbose_name_plural = _("indikator perilaku")
        ordering = ["perilaku__urutan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["perilaku", "urutan"], name="indikator_perilaku_unik")]

    def __str__(self):
        return self.dalam_bahasa("teks")


class FrasaEkspektasi(DuaBahasa, models.Model):
    """Example 'ekspektasi khusus pimpinan' a supervisor can pick (domain.md §2)."""

    perilaku = models.ForeignKey(PerilakuKerja, on_delete=models.CASCADE, related_name="frasa_ekspektasi")
    teks = models.CharField(_("teks"), max_length=255)
    teks_en = models.CharField(_("teks (bahasa Inggris)"), max_length=255, blank=True, help_text=INGGRIS)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("frasa ekspektasi pimpinan")
        verbose_name_plural = _("frasa ekspektasi pimpinan")
        ordering = ["perilaku__urutan", "teks"]

    def __str__(self):
        return self.dalam_bahasa("teks")


class FrasaUmpanBalik(DuaBahasa, models.Model):
    """Picklist phrases for umpan balik on hasil kerja (perilaku empty) or on one core value."""

    perilaku = models.ForeignKey(
        PerilakuKerja, null=True, blank=True, on_delete=models.CASCADE, related_name="frasa_umpan_balik"
    )
    teks = models.CharField(_("teks"), max_length=255)
    teks_en = models.CharField(_("teks (bahasa Inggris)"), max_length=255, blank=True, help_text=INGGRIS)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("frasa umpan balik")
        verbose_name_plural = _("frasa umpan balik")
        ordering = ["perilaku__urutan", "teks"]

    def __str__(self):
        return self.dalam_bahasa("teks")
