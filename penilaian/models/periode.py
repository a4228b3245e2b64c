"""Evaluation periods configured by HR per instansi and year (domain.md §3.1)."""
from datetime import datetime, time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Periode(models.Model):
    class Jenis(models.TextChoices):
        BULANAN = "BULANAN", _("Bulanan")
        TRIWULANAN = "TRIWULANAN", _("Triwulanan")
        SEMESTERAN = "SEMESTERAN", _("Semesteran")
        TAHUNAN = "TAHUNAN", _("Tahunan (akhir)")

    instansi = models.ForeignKey(
        "pegawai.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="periode"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis periode"), max_length=10, choices=Jenis.choices)
    nama = models.CharField(_("nama"), max_length=60, help_text=_("Mis. Triwulan I, Semester II, Akhir."))
    tanggal_mulai = models.DateField(_("periode awal"))
    tanggal_selesai = models.DateField(_("periode akhir"))
    batas_pengisian = models.DateField(
        _("batas pengisian"), help_text=_("Setelah tanggal ini masukan terkunci otomatis.")
    )

    class Meta:
        verbose_name = _("periode evaluasi")
        verbose_name_plural = _("periode evaluasi")
        ordering = ["instansi_id", "tahun", "tanggal_mulai", "jenis"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "nama"], name="periode_nama_unik"),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=models.F("tanggal_mulai")), name="periode_tanggal_urut"
            ),
            models.CheckConstraint(
                condition=Q(batas_pengisian__gte=models.F("tanggal_mulai")), name="periode_batas_setelah_mulai"
            ),
        ]

    def __str__(self):
        return f"{self.nama_tampil} {self.tahun}"

    @property
    def nama_tampil(self) -> str:
        """The name in the reader's language ("Triwulan II" reads "Quarter II" in English); stored names stay
        Indonesian as on the official forms, and a name HR typed is shown as typed."""
        from notifikasi.pesan import nama_periode

        return nama_periode(self.nama)

    @property
    def is_tahunan(self) -> bool:
        return self.jenis == self.Jenis.TAHUNAN

    @property
    def batas_waktu(self) -> datetime:
        """End of the deadline day in the project's time zone (Asia/Jakarta by default)."""
        return timezone.make_aware(datetime.combine(self.batas_pengisian, time.max))

    def terkunci(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) > self.batas_waktu


class BukaKunci(models.Model):
    """HR reopens a locked period for one pegawai until ``berlaku_sampai`` (audited)."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="buka_kunci")
    pegawai = models.ForeignKey("pegawai.Pegawai", on_delete=models.CASCADE, related_name="buka_kunci")
    alasan = models.CharField(_("alasan"), max_length=255)
    berlaku_sampai = models.DateTimeField(_("berlaku sampai"))
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("buka kunci periode")
        verbose_name_plural = _("buka kunci periode")
        ordering = ["-dibuat_pada"]

    def __str__(self):
        return f"{self.periode} — {self.pegawai.nama} s.d. {self.berlaku_sampai:%Y-%m-%d %H:%M}"
