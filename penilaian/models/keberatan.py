"""Keberatan (objection) against a finalised evaluation, decided by the atasan pejabat penilai (domain.md §3.5)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..predikat import Predikat, Rating
from .evaluasi import Penilaian


class Keberatan(models.Model):
    class Status(models.TextChoices):
        DIAJUKAN = "DIAJUKAN", _("Diajukan")
        DIPERTAHANKAN = "DIPERTAHANKAN", _("Penilaian dipertahankan")
        DIUBAH = "DIUBAH", _("Penilaian diubah")

    penilaian = models.OneToOneField(Penilaian, on_delete=models.CASCADE, related_name="keberatan")
    alasan = models.TextField(_("alasan keberatan"))
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.DIAJUKAN)
    diajukan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    diajukan_pada = models.DateTimeField(auto_now_add=True)
    pemutus = models.ForeignKey(
        "pegawai.Pegawai",
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keputusan = models.TextField(_("keputusan"), blank=True)
    rating_hasil_lama = models.CharField(max_length=8, choices=Rating.choices, blank=True)
    rating_perilaku_lama = models.CharField(max_length=8, choices=Rating.choices, blank=True)
    predikat_lama = models.CharField(max_length=16, choices=Predikat.choices, blank=True)
    diputus_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada"]

    def __str__(self):
        return f"Keberatan {self.penilaian}"
