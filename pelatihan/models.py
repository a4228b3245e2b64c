"""Competency development records, yearly development plans and their reference lists (domain.md §8)."""
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.dwibahasa import DuaBahasa

from .jp import JP_MAKS

JP_TERLALU_BANYAK = _("Jumlah JP satu kegiatan paling banyak 1000.")


class Referensi(DuaBahasa, models.Model):
    """An admin-editable pick-list entry (domain.md §8.2: "keep these lists as reference data"); ``str()``
    gives the reader's language (kinerja/dwibahasa.py)."""

    kode = models.CharField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    nama_en = models.CharField(
        _("nama (bahasa Inggris)"), max_length=150, blank=True, help_text=_("Kosong: nama Indonesia yang tampil.")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        abstract = True
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.dalam_bahasa("nama")


class Jalur(Referensi):
    class Meta(Referensi.Meta):
        verbose_name = _("jalur pengembangan")
        verbose_name_plural = _("jalur pengembangan")


class Bentuk(Referensi):
    class Meta(Referensi.Meta):
        verbose_name = _("bentuk pelatihan")
        verbose_name_plural = _("bentuk pelatihan")


class RumpunKompetensi(Referensi):
    class Meta(Referensi.Meta):
        verbose_name = _("rumpun kompetensi")
        verbose_name_plural = _("rumpun kompetensi")


class JenisPengembangan(Referensi):
    """One entry of the §8.2 lists; ``bentuk`` is empty for the pendidikan jalur."""

    jalur = models.ForeignKey(Jalur, verbose_name=_("jalur"), on_delete=models.PROTECT, related_name="jenis")
    bentuk = models.ForeignKey(
        Bentuk, verbose_name=_("bentuk"), null=True, blank=True, on_delete=models.PROTECT, related_name="jenis"
    )

    class Meta(Referensi.Meta):
        verbose_name = _("jenis pengembangan")
        verbose_name_plural = _("jenis pengembangan")


def sertifikat_upload_to(instance, filename):
    # Random names: the original name is kept in ``nama_berkas``; the path reveals nothing.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"sertifikat/{instance.pegawai_id}/{uuid.uuid4().hex}.{ext}"


class RiwayatPengembangan(models.Model):
    """One training or education record of a pegawai (domain.md §8.3). Only verified records count."""

    class Status(models.TextChoices):
        DIAJUKAN = "DIAJUKAN", _("Diajukan")
        DIVERIFIKASI = "DIVERIFIKASI", _("Diverifikasi")
        DITOLAK = "DITOLAK", _("Ditolak")

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="riwayat_pengembangan"
    )
    nama_kegiatan = models.CharField(_("nama kegiatan"), max_length=255)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200)
    jalur = models.ForeignKey(Jalur, verbose_name=_("jalur"), on_delete=models.PROTECT, related_name="+")
    bentuk = models.ForeignKey(
        Bentuk, verbose_name=_("bentuk"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    jenis = models.ForeignKey(
        JenisPengembangan, verbose_name=_("jenis pengembangan"), on_delete=models.PROTECT, related_name="+"
    )
    rumpun = models.ForeignKey(
        RumpunKompetensi, verbose_name=_("rumpun kompetensi"), on_delete=models.PROTECT, related_name="+"
    )
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"), db_index=True)
    jp = models.PositiveSmallIntegerField(
        _("jumlah JP"),
        help_text=_("1 JP = 45 menit."),
        validators=[MaxValueValidator(JP_MAKS, message=JP_TERLALU_BANYAK)],
    )
    nomor_sertifikat = models.CharField(_("nomor sertifikat/STTPP"), max_length=100, blank=True)
    sertifikat = models.FileField(_("sertifikat"), upload_to=sertifikat_upload_to, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    content_type = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DIAJUKAN, db_index=True
    )
    alasan_tolak = models.TextField(_("alasan penolakan"), blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("riwayat pengembangan kompetensi")
        verbose_name_plural = _("riwayat pengembangan kompetensi")
        ordering = ["-tanggal_selesai", "-pk"]
        indexes = [models.Index(fields=["pegawai", "status", "tanggal_selesai"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=F("tanggal_mulai")),
                name="riwayat_tanggal_urut",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.CheckConstraint(
                condition=Q(jp__gt=0),
                name="riwayat_jp_positif",
                violation_error_message=_("Jumlah JP harus lebih dari 0."),
            ),
        ]

    def __str__(self):
        return f"{self.nama_kegiatan} ({self.jp} JP)"

    @property
    def tahun(self) -> int:
        return self.tanggal_selesai.year

    @property
    def bisa_diubah(self) -> bool:
        return self.status != self.Status.DIVERIFIKASI


class RencanaPengembangan(models.Model):
    """The development plan of one pegawai for one year (PP 11/2017 Pasal 203(5), domain.md §8.1)."""

    class Sumber(models.TextChoices):
        MANUAL = "MANUAL", _("Disusun manual")
        OTOMATIS = "OTOMATIS", _("Usulan otomatis dari predikat")

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="rencana_pengembangan"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    sumber = models.CharField(_("sumber"), max_length=10, choices=Sumber.choices, default=Sumber.MANUAL)
    catatan = models.TextField(_("catatan"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rencana pengembangan")
        verbose_name_plural = _("rencana pengembangan")
        ordering = ["-tahun", "pegawai__nama"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tahun"], name="rencana_unik_per_tahun")]

    def __str__(self):
        return f"{self.pegawai.nama} — {self.tahun}"


class ItemRencana(models.Model):
    """One competency to develop; linked to the records that fulfil it."""

    class Status(models.TextChoices):
        DIRENCANAKAN = "DIRENCANAKAN", _("Direncanakan")
        BERJALAN = "BERJALAN", _("Berjalan")
        TERCAPAI = "TERCAPAI", _("Tercapai")
        BATAL = "BATAL", _("Dibatalkan")

    class Area(models.TextChoices):
        """For automatic proposals: which weak area of the appraisal the item answers."""

        HASIL = "HASIL", _("Hasil kerja")
        PERILAKU = "PERILAKU", _("Perilaku kerja")
        UMUM = "UMUM", _("Umum")

    rencana = models.ForeignKey(RencanaPengembangan, on_delete=models.CASCADE, related_name="items")
    kompetensi = models.CharField(_("kompetensi yang dikembangkan"), max_length=255)
    rumpun = models.ForeignKey(
        RumpunKompetensi,
        verbose_name=_("rumpun kompetensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    jenis = models.ForeignKey(
        JenisPengembangan,
        verbose_name=_("jenis pengembangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_jp = models.PositiveSmallIntegerField(
        _("target JP"), default=0, validators=[MaxValueValidator(JP_MAKS, message=JP_TERLALU_BANYAK)]
    )
    target_tanggal = models.DateField(_("target tanggal"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DIRENCANAKAN)
    riwayat = models.ManyToManyField(
        RiwayatPengembangan, verbose_name=_("dipenuhi oleh"), blank=True, related_name="item_rencana"
    )
    # Set only for automatic proposals, so repeating the follow-up does not add the item twice.
    penilaian = models.ForeignKey(
        "penilaian.Penilaian", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    area = models.CharField(_("area"), max_length=10, choices=Area.choices, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("item rencana pengembangan")
        verbose_name_plural = _("item rencana pengembangan")
        ordering = ["rencana_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rencana", "penilaian", "area"], condition=Q(penilaian__isnull=False), name="item_otomatis_unik"
            )
        ]

    def __str__(self):
        return self.kompetensi
