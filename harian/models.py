"""Daily activity log ("Progres Harian", domain.md §9.2) linked to the RHK/IKI of an SKP (§3.2)."""
import uuid
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _


def format_angka(nilai) -> str:
    """2.50 → "2.5", 3.00 → "3": a quantity as an <input type=number> takes it (never localised)."""
    teks = f"{nilai:f}"
    return teks.rstrip("0").rstrip(".") if "." in teks else teks


# One entry is one day's activity: at most a whole day long (issue 11 §8: no 10^12-minute durations).
DURASI_MAKS_MENIT = 24 * 60
KUANTITAS_NEGATIF = _("Kuantitas tidak boleh negatif.")
DURASI_SALAH = _("Durasi kegiatan harus antara 1 dan 1440 menit (24 jam).")


def berkas_upload_to(instance, filename):
    # Random names: the original name is kept in ``nama_berkas``; paths reveal nothing.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"harian/{instance.pegawai_id}/{uuid.uuid4().hex}.{ext}"


class KegiatanHarian(models.Model):
    """What one pegawai did on one date; optionally counted towards one IKI of their SKP."""

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="kegiatan_harian"
    )
    tanggal = models.DateField(_("tanggal"))
    uraian = models.TextField(_("uraian kegiatan"))
    kuantitas = models.DecimalField(
        _("kuantitas"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), message=KUANTITAS_NEGATIF)],
    )
    satuan = models.CharField(_("satuan"), max_length=50)
    durasi_menit = models.PositiveIntegerField(
        _("durasi (menit)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=DURASI_SALAH),
            MaxValueValidator(DURASI_MAKS_MENIT, message=DURASI_SALAH),
        ],
    )
    # SET_NULL, not PROTECT: an SKP revision may delete an IKI; the activity itself stays in the log.
    iki = models.ForeignKey(
        "penilaian.IndikatorKinerja",
        verbose_name=_("indikator kinerja (RHK)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kegiatan_harian",
    )
    bukti_url = models.URLField(_("tautan bukti"), max_length=500, blank=True)
    berkas = models.FileField(_("berkas bukti"), upload_to=berkas_upload_to, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    content_type = models.CharField(max_length=100, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("kegiatan harian")
        verbose_name_plural = _("kegiatan harian")
        ordering = ["-tanggal", "-pk"]
        indexes = [
            models.Index(fields=["pegawai", "tanggal"], name="harian_pegawai_tanggal"),
            models.Index(fields=["iki", "tanggal"], name="harian_iki_tanggal"),
            # The team feed's ORDER BY (-tanggal, -dibuat_pada, -id), read backwards: HR's feed over an
            # instansi stops after one page instead of sorting every entry of the year.
            models.Index(fields=["tanggal", "dibuat_pada", "id"], name="harian_feed_urut"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kuantitas__gte=0), name="harian_kuantitas_nonneg"),
            models.CheckConstraint(
                condition=Q(durasi_menit__isnull=True) | Q(durasi_menit__gte=1, durasi_menit__lte=DURASI_MAKS_MENIT),
                name="harian_durasi_wajar",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} — {self.uraian[:60]}"

    @property
    def kuantitas_display(self) -> str:
        """Shown, not typed: localised ("2,5 berkas" in Indonesian); inputs take ``format_angka``."""
        return f"{number_format(format_angka(self.kuantitas))} {self.satuan}".strip()


class TanggapanKegiatan(models.Model):
    """A supervisor's reaction to one activity: a mark and/or a short comment; one per supervisor."""

    class Tanda(models.TextChoices):
        SESUAI = "SESUAI", _("Sesuai")
        PERLU_PERBAIKAN = "PERLU_PERBAIKAN", _("Perlu perbaikan")

    kegiatan = models.ForeignKey(KegiatanHarian, on_delete=models.CASCADE, related_name="tanggapan")
    oleh = models.ForeignKey("pegawai.Pegawai", verbose_name=_("oleh"), on_delete=models.CASCADE, related_name="+")
    tanda = models.CharField(_("tanda"), max_length=16, choices=Tanda.choices, blank=True)
    komentar = models.CharField(_("komentar"), max_length=500, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("tanggapan atasan")
        verbose_name_plural = _("tanggapan atasan")
        ordering = ["kegiatan_id", "dibuat_pada"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "oleh"], name="harian_tanggapan_unik"),
            models.CheckConstraint(condition=~Q(tanda="") | ~Q(komentar=""), name="harian_tanggapan_isi"),
        ]

    def __str__(self):
        return f"{self.get_tanda_display() or '-'}: {self.komentar[:60]}"
