"""Perjanjian kerja of a PPPK or PPPK Paruh Waktu (domain.md §7.6, §11.1)."""
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PerjanjianKerjaQuerySet(models.QuerySet):
    def berlaku(self):
        """Not cancelled: the contracts that count (overlap, SKP dates, JP contract year)."""
        return self.exclude(status=PerjanjianKerja.Status.DIBATALKAN)

    def pada(self, tanggal: date):
        return self.berlaku().filter(tanggal_mulai__lte=tanggal, tanggal_selesai__gte=tanggal)


class PerjanjianKerja(models.Model):
    class Jenis(models.TextChoices):
        AWAL = "AWAL", _("Perjanjian kerja awal")
        PERPANJANGAN = "PERPANJANGAN", _("Perpanjangan")

    class Status(models.TextChoices):
        BERLAKU = "BERLAKU", _("Berlaku")
        DIBATALKAN = "BATAL", _("Dibatalkan")

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="perjanjian_kerja"
    )
    nomor = models.CharField(_("nomor perjanjian kerja"), max_length=100)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"), db_index=True)
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices, default=Jenis.AWAL)
    target_kinerja = models.TextField(
        _("target kinerja"), help_text=_("Target kinerja dalam perjanjian kerja; SKP disusun mengikuti target ini.")
    )
    status = models.CharField(_("status"), max_length=7, choices=Status.choices, default=Status.BERLAKU)
    alasan_batal = models.CharField(_("alasan pembatalan"), max_length=255, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    objects = PerjanjianKerjaQuerySet.as_manager()

    class Meta:
        verbose_name = _("perjanjian kerja")
        verbose_name_plural = _("perjanjian kerja")
        ordering = ["pegawai_id", "-tanggal_mulai"]
        indexes = [models.Index(fields=["pegawai", "tanggal_mulai"], name="kontrak_pegawai_mulai")]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "nomor"], name="kontrak_nomor_unik"),
            models.CheckConstraint(condition=Q(tanggal_selesai__gte=F("tanggal_mulai")), name="kontrak_tanggal_urut"),
        ]

    def __str__(self):
        return f"{self.nomor} ({self.tanggal_mulai:%d-%m-%Y} – {self.tanggal_selesai:%d-%m-%Y})"

    @property
    def is_berlaku(self) -> bool:
        """Not cancelled (it counts), whatever its dates."""
        return self.status == self.Status.BERLAKU

    @property
    def keadaan(self) -> tuple[str, str]:
        """(label, Bootstrap colour) as of today: cancelled, ended, upcoming or in force."""
        hari_ini = timezone.localdate()
        if not self.is_berlaku:
            return str(self.get_status_display()), "secondary"
        if self.tanggal_selesai < hari_ini:
            return str(_("Berakhir")), "light"
        if self.tanggal_mulai > hari_ini:
            return str(_("Akan berlaku")), "info"
        return str(_("Berlaku")), "success"
