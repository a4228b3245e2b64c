"""In-app notifications, reminder claim rows, stored PDF documents and bulk print jobs.

Reminders follow the healthchecks pattern (style.md §5): one row per (recipient, object, stage) under a
unique constraint, claimed by a conditional UPDATE ``PENDING → SENDING`` and marked ``SENT`` right after.
"""
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notifikasi(models.Model):
    class StatusEmail(models.TextChoices):
        TIDAK = "TIDAK", _("Tanpa email")
        PENDING = "PENDING", _("Menunggu dikirim")
        SENDING = "SENDING", _("Sedang dikirim")
        SENT = "SENT", _("Terkirim")
        GAGAL = "GAGAL", _("Gagal")

    penerima = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi")
    judul = models.CharField(_("judul"), max_length=200)
    pesan = models.TextField(_("pesan"), blank=True)
    # {"judul": ..., "pesan": ...} as notifikasi.pesan stores them: rendered in the reader's language.
    teks = models.JSONField(_("teks untuk diterjemahkan"), default=dict, blank=True)
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)
    status_email = models.CharField(_("email"), max_length=8, choices=StatusEmail.choices, default=StatusEmail.TIDAK)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ("-dibuat_pada", "-pk")
        indexes = [models.Index(fields=["penerima", "dibaca_pada"])]

    def __str__(self):
        return self.judul

    @property
    def judul_baca(self) -> str:
        """The title in the reader's language (the stored Indonesian text for older rows)."""
        from .pesan import render

        return render(self.teks["judul"]) if self.teks.get("judul") else self.judul

    @property
    def pesan_baca(self) -> str:
        from .pesan import render

        return render(self.teks["pesan"]) if self.teks.get("pesan") else self.pesan

    @property
    def dibaca(self) -> bool:
        return self.dibaca_pada is not None


class Pengingat(models.Model):
    """One reminder (or escalation) owed to one user about one object for one stage of one period.

    The unique constraint is what makes "at most once" hold when two runs overlap: the second run's
    insert is ignored, and only one of them can win the ``PENDING → SENDING`` UPDATE of a row.
    """

    class Jenis(models.TextChoices):
        SKP_BELUM_DIAJUKAN = "SKP_BELUM", _("SKP belum diajukan")
        REALISASI_BELUM_DIISI = "REALISASI", _("Realisasi belum diisi")
        SKP_PERLU_PERSETUJUAN = "SKP_SETUJU", _("SKP menunggu persetujuan")
        PENILAIAN_PERLU_DINILAI = "NILAI", _("Evaluasi menunggu penilaian")
        MASUKAN_REKAN = "REKAN", _("Masukan rekan kerja belum diisi")
        PENILAIAN_PERLU_DITANGGAPI = "TANGGAPI", _("Hasil evaluasi menunggu tanggapan")
        PENJELASAN_KEBERATAN = "PENJELASAN", _("Penjelasan keberatan diminta")
        CHECKIN = "CHECKIN", _("Dialog kinerja terjadwal")

    class Tahap(models.TextChoices):
        H7 = "H-7", _("H-7")
        H3 = "H-3", _("H-3")
        H1 = "H-1", _("H-1")
        ESKALASI = "ESKALASI", _("Eskalasi (lewat batas)")

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Menunggu")
        SENDING = "SENDING", _("Sedang dikirim")
        SENT = "SENT", _("Terkirim")

    penerima = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pengingat")
    periode = models.ForeignKey("penilaian.Periode", on_delete=models.CASCADE, related_name="pengingat")
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    tahap = models.CharField(_("tahap"), max_length=8, choices=Tahap.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    objek_repr = models.CharField(_("perihal"), max_length=255)
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True)
    token = models.UUIDField(null=True, blank=True, db_index=True, help_text=_("Penanda klaim satu pengiriman."))
    diklaim_pada = models.DateTimeField(null=True, blank=True)
    terkirim_pada = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat")
        verbose_name_plural = _("pengingat")
        ordering = ("-dibuat_pada", "-pk")
        constraints = (
            # "Stage" = (periode, tahap): H-7 of Triwulan I and H-7 of Triwulan II are different stages.
            models.UniqueConstraint(
                fields=["penerima", "jenis", "content_type", "object_id", "periode", "tahap"], name="pengingat_sekali"
            ),
        )
        indexes = [models.Index(fields=["penerima", "status"])]

    def __str__(self):
        return f"{self.get_tahap_display()} {self.get_jenis_display()}: {self.objek_repr}"


class DokumenPdf(models.Model):
    """A rendered PDF of one record. ``sumber_hash`` is the SHA-256 of the HTML it was made from, so a
    change in the data (or the template) means a new render and an unchanged record is served as stored."""

    class Jenis(models.TextChoices):
        SKP = "SKP", _("Sasaran Kinerja Pegawai")
        PENILAIAN = "PENILAIAN", _("Evaluasi kinerja periodik")
        DOKUMEN_EVALUASI = "DOK_EVAL", _("Dokumen Evaluasi Kinerja Pegawai")
        REKAP_UNIT = "REKAP", _("Rekap predikat unit kerja")
        KONVERSI_AK = "KONVERSI", _("Konversi predikat kinerja ke angka kredit")

    class Status(models.TextChoices):
        MENUNGGU = "MENUNGGU", _("Menunggu")
        SIAP = "SIAP", _("Siap")
        GAGAL = "GAGAL", _("Gagal")

    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    kunci = models.CharField(_("kunci"), max_length=60, help_text=_("Id objek sumber, mis. 12 atau unit:periode."))
    berkas = models.FileField(_("berkas"), upload_to="dokumen/%Y/%m/", blank=True)
    sumber_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.MENUNGGU)
    pesan_galat = models.TextField(_("galat"), blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    dirender_pada = models.DateTimeField(_("dirender pada"), null=True, blank=True)
    # When the render was queued: a MENUNGGU row older than CETAK_MACET_DETIK lost its worker (the sweeper).
    diminta_pada = models.DateTimeField(_("diminta pada"), null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)

    class Meta:
        verbose_name = _("dokumen PDF")
        verbose_name_plural = _("dokumen PDF")
        ordering = ("-dirender_pada", "-pk")
        constraints = [models.UniqueConstraint(fields=["jenis", "kunci"], name="dokumen_unik")]

    def __str__(self):
        return f"{self.get_jenis_display()} #{self.kunci}"


def batas_macet() -> timedelta:
    """Work with no progress for this long lost its worker (a crash, a restarted web server)."""
    return timedelta(seconds=settings.CETAK_MACET_DETIK)


def zip_upload_to(instance, filename):
    return f"cetak/{instance.pk}/{filename}"


class CetakMassal(models.Model):
    """HR's bulk print of one unit (and its sub-units) for a period or a year; progress = finished items.

    ``denyut`` moves with every finished item: an active job whose ``denyut`` is older than
    ``batas_macet()`` has stalled (its worker or thread died) and is swept or retried.
    """

    class Status(models.TextChoices):
        MENUNGGU = "MENUNGGU", _("Menunggu")
        BERJALAN = "BERJALAN", _("Sedang mencetak")
        MENGEMAS = "MENGEMAS", _("Menyusun ZIP")
        SELESAI = "SELESAI", _("Selesai")
        TERHENTI = "TERHENTI", _("Terhenti")
        GAGAL = "GAGAL", _("Gagal")

    instansi = models.ForeignKey("pegawai.Instansi", on_delete=models.CASCADE, related_name="+")
    unit_kerja = models.ForeignKey(
        "pegawai.UnitKerja", verbose_name=_("unit kerja"), on_delete=models.CASCADE, related_name="+"
    )
    jenis = models.CharField(_("dokumen"), max_length=10, choices=DokumenPdf.Jenis.choices)
    periode = models.ForeignKey(
        "penilaian.Periode",
        verbose_name=_("periode"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.MENUNGGU)
    total = models.PositiveIntegerField(_("jumlah dokumen"), default=0)
    berkas = models.FileField(_("berkas ZIP"), upload_to=zip_upload_to, blank=True)
    pesan_galat = models.TextField(_("galat"), blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    # The form's one-time token: the same submission sent twice makes one job.
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    denyut = models.DateTimeField(_("kemajuan terakhir"), null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("dilanjutkan otomatis"), default=0)

    SELESAI = frozenset({Status.SELESAI, Status.GAGAL})
    AKTIF = frozenset({Status.MENUNGGU, Status.BERJALAN, Status.MENGEMAS})

    class Meta:
        verbose_name = _("cetak massal")
        verbose_name_plural = _("cetak massal")
        ordering = ("-dibuat_pada", "-pk")
        constraints = [
            # One running job per (user, unit, document, period or year): a second click cannot start another.
            # Coalesce because NULL periode (SKP jobs) or NULL tahun would never collide in a unique index.
            models.UniqueConstraint(
                "dibuat_oleh",
                "unit_kerja",
                "jenis",
                Coalesce("periode", models.Value(0)),
                Coalesce("tahun", models.Value(0)),
                condition=models.Q(status__in=["MENUNGGU", "BERJALAN", "MENGEMAS"]),
                name="cetak_aktif_sekali",
            ),
        ]
        indexes = [models.Index(fields=["status", "denyut"])]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.unit_kerja} ({self.periode or self.tahun})"

    @property
    def is_selesai(self) -> bool:
        return self.status in self.SELESAI

    @property
    def is_aktif(self) -> bool:
        return self.status in self.AKTIF

    @property
    def terhenti(self) -> bool:
        """Given up by the sweeper, or running with no progress for longer than ``batas_macet()``."""
        if self.status == self.Status.TERHENTI:
            return True
        return self.is_aktif and self.denyut is not None and self.denyut < timezone.now() - batas_macet()


class CetakMassalItem(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "MENUNGGU", _("Menunggu")
        PROSES = "PROSES", _("Sedang dicetak")
        OK = "OK", _("Berhasil")
        GAGAL = "GAGAL", _("Gagal")

    BELUM = (Status.MENUNGGU, Status.PROSES)

    job = models.ForeignKey(CetakMassal, on_delete=models.CASCADE, related_name="items")
    pegawai = models.ForeignKey("pegawai.Pegawai", on_delete=models.CASCADE, related_name="+")
    objek_id = models.PositiveBigIntegerField(null=True, blank=True, help_text=_("SKP atau penilaian yang dicetak."))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.MENUNGGU)
    alasan = models.CharField(_("alasan gagal"), max_length=500, blank=True)
    dokumen = models.ForeignKey(DokumenPdf, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Claimed MENUNGGU → PROSES by one worker; a PROSES row older than batas_macet() lost it.
    diklaim_pada = models.DateTimeField(null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)

    class Meta:
        verbose_name = _("dokumen cetak massal")
        verbose_name_plural = _("dokumen cetak massal")
        ordering = ("job", "pk")
        indexes = [models.Index(fields=["job", "status"]), models.Index(fields=["status", "diklaim_pada"])]

    def __str__(self):
        return f"{self.job_id}: {self.pegawai_id} {self.status}"


class JadwalBerkala(models.Model):
    """No table: lets the admin show ``CELERY_BEAT_SCHEDULE`` (the one place schedules are defined)."""

    class Meta:
        managed = False
        verbose_name = _("jadwal tugas berkala")
        verbose_name_plural = _("jadwal tugas berkala")
        default_permissions = ("view",)

    def __str__(self):
        return str(self._meta.verbose_name)
