"""HR reports in Excel (a background job row per large export) and the monthly TPP feed: the instansi's
rule table (its Perkada, versioned by effective date) and the closed months with their frozen rows."""
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifikasi.models import batas_macet

PERSEN = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


def laporan_upload_to(instance, filename):
    return f"laporan/{instance.pk}/{filename}"


class LaporanJob(models.Model):
    """One Excel export built in the background: who asked, which report and filters, progress, the file."""

    class Status(models.TextChoices):
        MENUNGGU = "MENUNGGU", _("Menunggu")
        BERJALAN = "BERJALAN", _("Sedang disusun")
        SELESAI = "SELESAI", _("Selesai")
        GAGAL = "GAGAL", _("Gagal")

    AKTIF = frozenset({Status.MENUNGGU, Status.BERJALAN})

    instansi = models.ForeignKey("pegawai.Instansi", on_delete=models.CASCADE, related_name="+")
    jenis = models.CharField(_("laporan"), max_length=20)
    params = models.JSONField(_("filter"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.MENUNGGU)
    selesai = models.PositiveIntegerField(_("bagian selesai"), default=0)
    total = models.PositiveIntegerField(_("jumlah bagian"), default=0)
    berkas = models.FileField(_("berkas"), upload_to=laporan_upload_to, blank=True)
    pesan_galat = models.TextField(_("galat"), blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    # Moves with every finished sheet: an active job without progress for batas_macet() lost its runner.
    denyut = models.DateTimeField(_("kemajuan terakhir"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekspor laporan")
        verbose_name_plural = _("ekspor laporan")
        ordering = ("-dibuat_pada", "-pk")
        indexes = [models.Index(fields=["instansi", "-dibuat_pada"], name="laporan_job_instansi")]

    def __str__(self):
        return f"{self.jenis} #{self.pk}"

    @property
    def is_aktif(self) -> bool:
        return self.status in self.AKTIF

    @property
    def terhenti(self) -> bool:
        """Active, but no progress for ``batas_macet()`` (its thread or worker died, e.g. a restart)."""
        terakhir = self.denyut or self.dibuat_pada
        return self.is_aktif and terakhir is not None and terakhir < timezone.now() - batas_macet()

    @property
    def persen(self) -> int:
        if self.status == self.Status.SELESAI:
            return 100
        return 100 * self.selesai // self.total if self.total else 0


class AturanTpp(models.Model):
    """The kinerja share of TPP as the instansi's Perkada sets it; there is no national rule (domain.md
    §5.2: "Tukin/TPP percentages per predikat are instansi-specific"). A new version applies from
    ``berlaku_mulai``; a month uses the latest version that started on or before its first day."""

    instansi = models.ForeignKey("pegawai.Instansi", on_delete=models.CASCADE, related_name="aturan_tpp")
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    dasar_hukum = models.CharField(_("dasar hukum (Perkada)"), max_length=200, blank=True)
    persen_sangat_baik = models.DecimalField(_("% Sangat Baik"), max_digits=5, decimal_places=2, validators=PERSEN)
    persen_baik = models.DecimalField(_("% Baik"), max_digits=5, decimal_places=2, validators=PERSEN)
    persen_butuh_perbaikan = models.DecimalField(
        _("% Butuh Perbaikan"), max_digits=5, decimal_places=2, validators=PERSEN
    )
    persen_kurang = models.DecimalField(_("% Kurang/Misconduct"), max_digits=5, decimal_places=2, validators=PERSEN)
    persen_sangat_kurang = models.DecimalField(_("% Sangat Kurang"), max_digits=5, decimal_places=2, validators=PERSEN)
    persen_belum_dinilai = models.DecimalField(
        _("% belum ada predikat"), max_digits=5, decimal_places=2, default=Decimal(0), validators=PERSEN
    )
    potongan_terlambat = models.DecimalField(
        _("potongan per hari laporan harian terlambat (%)"), max_digits=5, decimal_places=2, validators=PERSEN
    )
    potongan_tidak_lapor = models.DecimalField(
        _("potongan per hari tanpa laporan harian (%)"), max_digits=5, decimal_places=2, validators=PERSEN
    )
    batas_potongan = models.DecimalField(
        _("batas potongan laporan harian (%)"), max_digits=5, decimal_places=2, validators=PERSEN
    )
    toleransi_hari = models.PositiveSmallIntegerField(
        _("toleransi keterlambatan (hari)"),
        default=1,
        validators=[MaxValueValidator(31)],
        help_text=_("Kegiatan yang dicatat paling lambat sekian hari setelah tanggalnya dihitung tepat waktu."),
    )
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("aturan TPP")
        verbose_name_plural = _("aturan TPP")
        ordering = ("instansi_id", "-berlaku_mulai")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "berlaku_mulai"], name="aturan_tpp_satu_per_tanggal")
        ]

    def __str__(self):
        return f"{self.instansi_id}: {self.berlaku_mulai:%Y-%m-%d}"


class BulanTpp(models.Model):
    """A month of one perangkat daerah signed off by HR: from then on its figures are the stored rows."""

    instansi = models.ForeignKey("pegawai.Instansi", on_delete=models.CASCADE, related_name="+")
    unit_kerja = models.ForeignKey("pegawai.UnitKerja", verbose_name=_("perangkat daerah"), on_delete=models.PROTECT,
                                   related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    bulan = models.PositiveSmallIntegerField(_("bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    aturan = models.ForeignKey(AturanTpp, verbose_name=_("aturan TPP"), on_delete=models.PROTECT, related_name="+")
    aturan_data = models.JSONField(_("aturan saat ditutup"), default=dict)
    ditutup_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    ditutup_pada = models.DateTimeField(_("ditutup pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("bulan TPP ditutup")
        verbose_name_plural = _("bulan TPP ditutup")
        ordering = ("-tahun", "-bulan", "unit_kerja_id")
        constraints = [
            models.UniqueConstraint(fields=["unit_kerja", "tahun", "bulan"], name="bulan_tpp_sekali"),
        ]
        indexes = [models.Index(fields=["instansi", "tahun", "bulan"], name="bulan_tpp_instansi")]

    def __str__(self):
        return f"{self.unit_kerja_id} {self.tahun}-{self.bulan:02d}"


class BarisTpp(models.Model):
    """One pegawai's frozen figures in a closed month (copied, never recomputed)."""

    bulan_tpp = models.ForeignKey(BulanTpp, on_delete=models.CASCADE, related_name="baris")
    pegawai = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")
    urutan = models.PositiveIntegerField(default=0)
    data = models.JSONField(_("isi baris"))

    class Meta:
        verbose_name = _("baris TPP")
        verbose_name_plural = _("baris TPP")
        ordering = ("bulan_tpp", "urutan")
        indexes = [models.Index(fields=["bulan_tpp", "urutan"], name="baris_tpp_urut")]

    def __str__(self):
        return f"{self.bulan_tpp_id}: {self.data.get('nip', '')}"
