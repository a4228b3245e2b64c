"""Officials at the edges of the appraisal chain (domain.md §1.2, §11.1 Pejabat Penilai Kinerja).

- ``PejabatNonAsn``: a penilai or atasan penilai who is not an ASN (Kepala Daerah, Menteri): nama and
  jabatan, no NIP; the official forms leave the NIP blank and SIASN records ``statusPenilai`` "NON ASN".
- ``DelegasiPenilai``: PermenPANRB 6/2022 Pasal 1 makes the Pejabat Penilai Kinerja "paling rendah pejabat
  pengawas atau pejabat lain yang diberi pendelegasian kewenangan"; this records that delegation.
- ``PenugasanPlt``: a dated Plt/Plh assignment that makes someone acting head (and penilai) of a unit.
"""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Berjangka:
    """A record that holds from ``tanggal_mulai`` to ``tanggal_selesai`` (open-ended when empty)."""

    def clean(self):
        if self.tanggal_selesai and self.tanggal_mulai and self.tanggal_selesai < self.tanggal_mulai:
            raise ValidationError({"tanggal_selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})

    @classmethod
    def aktif_pada(cls, tanggal: date | None = None):
        tanggal = tanggal or date.today()
        return cls.objects.filter(tanggal_mulai__lte=tanggal).filter(
            Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=tanggal)
        )


class PejabatNonAsn(models.Model):
    instansi = models.ForeignKey(
        "pegawai.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="pejabat_non_asn"
    )
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=200, help_text=_("Contoh: Bupati Contoh, Menteri ..."))
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("pejabat non-ASN")
        verbose_name_plural = _("pejabat non-ASN")
        ordering = ["instansi_id", "-aktif", "nama"]
        indexes = [models.Index(fields=["instansi", "aktif"])]

    def __str__(self):
        return f"{self.nama} — {self.jabatan}"


class DelegasiPenilai(Berjangka, models.Model):
    """A dated delegation of the Pejabat Penilai Kinerja's authority to someone below pengawas."""

    instansi = models.ForeignKey(
        "pegawai.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="delegasi_penilai"
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai yang diberi delegasi"), on_delete=models.CASCADE,
        related_name="delegasi_penilai",
    )
    dasar = models.CharField(_("dasar pendelegasian"), max_length=255)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("delegasi pejabat penilai")
        verbose_name_plural = _("delegasi pejabat penilai")
        ordering = ["-tanggal_mulai", "-pk"]
        indexes = [models.Index(fields=["instansi", "tanggal_mulai"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="delegasi_tanggal_urut",
            )
        ]

    def __str__(self):
        return f"{self.pegawai.nama} ({self.nomor_sk})"


class PenugasanPlt(Berjangka, models.Model):
    """A dated acting assignment (Plt/Plh) that makes someone acting head and penilai of a unit."""

    class Jenis(models.TextChoices):
        PLT = "PLT", _("Pelaksana Tugas (Plt)")
        PLH = "PLH", _("Pelaksana Harian (Plh)")

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pejabat Plt/Plh"), on_delete=models.CASCADE, related_name="penugasan_plt"
    )
    unit_kerja = models.ForeignKey(
        "pegawai.UnitKerja", verbose_name=_("unit kerja"), on_delete=models.CASCADE, related_name="penugasan_plt"
    )
    jenis = models.CharField(_("jenis"), max_length=3, choices=Jenis.choices, default=Jenis.PLT)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK/surat perintah"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("penugasan Plt/Plh")
        verbose_name_plural = _("penugasan Plt/Plh")
        ordering = ["-tanggal_mulai"]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.unit_kerja}: {self.pegawai.nama}"
