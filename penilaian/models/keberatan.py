"""Keberatan (objection) against a finalised evaluation, decided by the atasan pejabat penilai (domain.md §3.5),
and the written explanations that official asks of both sides first (PP 30/2019 Pasal 59(3), domain.md §11.1)."""
from datetime import datetime, timedelta

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
    # Set once by the escalation job when the decision deadline passed undecided (HR was told).
    dieskalasi_pada = models.DateTimeField(_("dieskalasi pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada"]
        indexes = [models.Index(fields=["status", "diajukan_pada"], name="keberatan_status_diajukan")]

    def __str__(self):
        return f"Keberatan {self.penilaian}"

    @staticmethod
    def hari_putusan() -> int:
        return settings.KINERJA["HARI_PUTUSAN_KEBERATAN"]

    @property
    def batas_putusan(self) -> datetime | None:
        """Decision deadline: ``HARI_PUTUSAN_KEBERATAN`` days (default 14) after filing; our reading, see
        ``penilaian.rekan.penjelasan``."""
        return self.diajukan_pada + timedelta(days=self.hari_putusan()) if self.diajukan_pada else None


class PermintaanPenjelasan(models.Model):
    """A written explanation the atasan pejabat penilai asks of one side before deciding (PP 30/2019 Pasal
    59(3): "meminta penjelasan kepada Pejabat Penilai Kinerja PNS dan PNS yang dinilai")."""

    class Pihak(models.TextChoices):
        PENILAI = "PENILAI", _("Pejabat penilai kinerja")
        PEGAWAI = "PEGAWAI", _("Pegawai yang dinilai")

    keberatan = models.ForeignKey(Keberatan, on_delete=models.CASCADE, related_name="penjelasan")
    pihak = models.CharField(_("pihak"), max_length=8, choices=Pihak.choices)
    kepada = models.ForeignKey("pegawai.Pegawai", verbose_name=_("ditujukan kepada"), on_delete=models.CASCADE,
                               related_name="+")
    pertanyaan = models.TextField(_("hal yang perlu dijelaskan"))
    batas = models.DateField(_("batas jawaban"))
    diminta_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    diminta_pada = models.DateTimeField(auto_now_add=True)
    jawaban = models.TextField(_("penjelasan"), blank=True)
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("permintaan penjelasan keberatan")
        verbose_name_plural = _("permintaan penjelasan keberatan")
        ordering = ["keberatan_id", "pihak"]
        constraints = [models.UniqueConstraint(fields=["keberatan", "pihak"], name="penjelasan_satu_per_pihak")]
        indexes = [models.Index(fields=["dijawab_pada", "batas"], name="penjelasan_terbuka_batas")]

    def __str__(self):
        return f"{self.get_pihak_display()}: {self.keberatan}"
