"""Daily activity log ("Progres Harian", domain.md §9.2) in e-Kinerja's 2026 shape (§11.1): an entry hangs
under a rencana aksi of the period (and through it the RHK/IKI of the SKP, §3.2), with tanggal, jam mulai,
jam selesai, kegiatan, realisasi + satuan and a bukti; the atasan approves or returns it."""
import math
import uuid
from datetime import date, datetime
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
JAM_URUT = _("Jam selesai harus setelah jam mulai.")
JAM_BERPASANGAN = _("Isi jam mulai dan jam selesai sekaligus.")
# The working week when an instansi has set nothing: 37 jam 30 menit (README "Jam kerja").
JAM_KERJA_MENIT_DEFAULT = 37 * 60 + 30


def berkas_upload_to(instance, filename):
    # Random names: the original name is kept in ``nama_berkas``; paths reveal nothing.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"harian/{instance.pegawai_id}/{uuid.uuid4().hex}.{ext}"


class KegiatanHarian(models.Model):
    """What one pegawai did on one date, from ``jam_mulai`` to ``jam_selesai``; optionally under a rencana aksi
    of the period and counted towards one IKI of its RHK (the realisasi roll-up)."""

    class Status(models.TextChoices):
        DIAJUKAN = "DIAJUKAN", _("Diajukan")
        DISETUJUI = "DISETUJUI", _("Disetujui")
        DIKEMBALIKAN = "DIKEMBALIKAN", _("Dikembalikan")

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="kegiatan_harian"
    )
    tanggal = models.DateField(_("tanggal"))
    # Both null only for entries recorded before times existed without a duration (migration 0004).
    jam_mulai = models.TimeField(_("jam mulai"), null=True, blank=True)
    jam_selesai = models.TimeField(_("jam selesai"), null=True, blank=True)
    uraian = models.TextField(_("kegiatan"))
    kuantitas = models.DecimalField(
        _("realisasi"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), message=KUANTITAS_NEGATIF)],
    )
    satuan = models.CharField(_("satuan"), max_length=50)
    # SET_NULL, not PROTECT: an SKP revision may delete an IKI; the activity itself stays in the log.
    iki = models.ForeignKey(
        "penilaian.IndikatorKinerja",
        verbose_name=_("indikator kinerja (RHK)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kegiatan_harian",
    )
    # The e-Kinerja parent (§11.1). Nullable: older entries whose IKI had no rencana aksi keep the IKI only.
    rencana_aksi = models.ForeignKey(
        "penilaian.RencanaAksi",
        verbose_name=_("rencana aksi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kegiatan_harian",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DIAJUKAN)
    catatan_atasan = models.CharField(_("catatan atasan"), max_length=500, blank=True)
    diperiksa_oleh = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("diperiksa oleh"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    diperiksa_pada = models.DateTimeField(_("diperiksa pada"), null=True, blank=True)
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
            # A member's entries in the feed's order (also every per-pegawai date range): the team feed
            # reads the first page of each member off it (harian.selectors.teratas_per_anggota).
            models.Index(fields=["pegawai", "tanggal", "dibuat_pada", "id"], name="harian_pegawai_urut"),
            models.Index(fields=["iki", "tanggal"], name="harian_iki_tanggal"),
            # The team feed's ORDER BY (-tanggal, -dibuat_pada, -id), read backwards: HR's feed over an
            # instansi stops after one page instead of sorting every entry of the year.
            models.Index(fields=["tanggal", "dibuat_pada", "id"], name="harian_feed_urut"),
            models.Index(fields=["status", "tanggal"], name="harian_status_tanggal"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kuantitas__gte=0), name="harian_kuantitas_nonneg"),
            models.CheckConstraint(
                condition=Q(jam_mulai__isnull=True, jam_selesai__isnull=True)
                | Q(jam_mulai__isnull=False, jam_selesai__isnull=False, jam_selesai__gt=models.F("jam_mulai")),
                name="harian_jam_urut",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} — {self.uraian[:60]}"

    @property
    def durasi_menit(self) -> int | None:
        """Minutes from jam mulai to jam selesai, rounded up (23:59:59.999999 is the end of the day, 1440);
        what the roll-ups and the hours view add up. None for an entry without times."""
        if self.jam_mulai is None or self.jam_selesai is None:
            return None
        mulai, selesai = datetime.combine(date.min, self.jam_mulai), datetime.combine(date.min, self.jam_selesai)
        detik = (selesai - mulai).total_seconds()
        return max(math.ceil(detik / 60), 0)

    @property
    def bisa_diubah(self) -> bool:
        """An approved entry is settled: the pegawai no longer edits or deletes it."""
        return self.status != self.Status.DISETUJUI

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


class PengaturanHarian(models.Model):
    """Per-instansi settings of the daily log: the standard working week the hours view measures against."""

    instansi = models.OneToOneField(
        "pegawai.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="pengaturan_harian"
    )
    jam_kerja_menit = models.PositiveIntegerField(
        _("jam kerja standar per minggu (menit)"),
        default=JAM_KERJA_MENIT_DEFAULT,
        validators=[MinValueValidator(1), MaxValueValidator(7 * 24 * 60)],
        help_text=_("Bawaan 2250 menit = 37 jam 30 menit per minggu."),
    )

    class Meta:
        verbose_name = _("pengaturan kegiatan harian")
        verbose_name_plural = _("pengaturan kegiatan harian")

    def __str__(self):
        return str(self.instansi)

    @classmethod
    def jam_kerja_untuk(cls, instansi_id: int) -> int:
        """The instansi's standard minutes per week, or the default when it has set none."""
        nilai = cls.objects.filter(instansi_id=instansi_id).values_list("jam_kerja_menit", flat=True).first()
        return nilai or JAM_KERJA_MENIT_DEFAULT
