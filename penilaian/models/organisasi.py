"""Capaian kinerja organisasi per unit and period, and the unit head's finalisation (domain.md §3.5, §4)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..kurva import PredikatOrganisasi
from .periode import Periode


class CapaianOrganisasi(models.Model):
    unit_kerja = models.ForeignKey("pegawai.UnitKerja", on_delete=models.CASCADE, related_name="capaian_organisasi")
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="capaian_organisasi")
    predikat = models.CharField(_("capaian kinerja organisasi"), max_length=16, choices=PredikatOrganisasi.choices)
    catatan = models.TextField(_("catatan"), blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditetapkan_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("capaian kinerja organisasi")
        verbose_name_plural = _("capaian kinerja organisasi")
        ordering = ["periode_id", "unit_kerja__kode"]
        constraints = [models.UniqueConstraint(fields=["unit_kerja", "periode"], name="capaian_unik")]

    def __str__(self):
        return f"{self.unit_kerja} {self.periode}: {self.get_predikat_display()}"


class FinalisasiUnit(models.Model):
    """The unit head closes a period for the unit; a distribution warning needs a justification."""

    unit_kerja = models.ForeignKey("pegawai.UnitKerja", on_delete=models.CASCADE, related_name="finalisasi")
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="finalisasi_unit")
    pelanggaran = models.JSONField(_("aturan distribusi yang dilanggar"), default=list, blank=True)
    justifikasi = models.TextField(_("justifikasi"), blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("finalisasi unit")
        verbose_name_plural = _("finalisasi unit")
        constraints = [models.UniqueConstraint(fields=["unit_kerja", "periode"], name="finalisasi_unik")]

    def __str__(self):
        return f"{self.unit_kerja} {self.periode}"


class PengecualianUrutan(models.Model):
    """HR's recorded exception to the SE 3/2023 order (domain.md §3.5, §11.2 rule 5): the unit's individual
    predikat of ``periode`` may be finalised before its capaian kinerja organisasi is recorded."""

    unit_kerja = models.ForeignKey("pegawai.UnitKerja", on_delete=models.CASCADE, related_name="pengecualian_urutan")
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="pengecualian_urutan")
    alasan = models.TextField(_("alasan pengecualian"))
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengecualian urutan SE 3/2023")
        verbose_name_plural = _("pengecualian urutan SE 3/2023")
        ordering = ["-waktu"]
        constraints = [models.UniqueConstraint(fields=["unit_kerja", "periode"], name="pengecualian_urutan_unik")]

    def __str__(self):
        return f"{self.unit_kerja} {self.periode}"
