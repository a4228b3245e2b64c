"""Riwayat jabatan: the dated history of the post a pegawai holds (domain.md §7.4, §7.5, §11.2 rule 2).

One row per post held: jabatan (with its jenjang as it was), unit kerja, golongan and atasan from ``tmt``
to ``tanggal_selesai`` (empty = the post held now; at most one such row per pegawai). A mutasi or
promosi closes the current row on the day before the new TMT and opens the next one
(``pegawai.mutasi.pegawai_move``). Documents frozen for a date read the row valid on that date
(``pegawai.identitas.identitas_pada``), never today's master data.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RiwayatJabatan(models.Model):
    class Jenis(models.TextChoices):
        DATA_AWAL = "DATA_AWAL", _("Data awal")
        PENGANGKATAN = "PENGANGKATAN", _("Pengangkatan awal")
        MUTASI = "MUTASI", _("Mutasi")
        PROMOSI = "PROMOSI", _("Promosi")

    # What HR records as a move (the initial row is written by the system).
    JENIS_PINDAH = (Jenis.MUTASI, Jenis.PROMOSI, Jenis.PENGANGKATAN)

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="riwayat_jabatan"
    )
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices)
    jabatan = models.ForeignKey(
        "pegawai.Jabatan", verbose_name=_("jabatan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The jenjang of the jabatan when it was held (angka kredit uses the koefisien of that jenjang, §11.1).
    jenjang = models.CharField(_("jenjang fungsional"), max_length=20, blank=True)
    unit_kerja = models.ForeignKey(
        "pegawai.UnitKerja", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+"
    )
    golongan = models.ForeignKey(
        "pegawai.Golongan", verbose_name=_("golongan"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    atasan = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("atasan langsung"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    tmt = models.DateField(_("TMT"), help_text=_("Terhitung mulai tanggal."))
    tanggal_selesai = models.DateField(_("sampai dengan"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")
        ordering = ["pegawai_id", "-tmt", "-pk"]
        indexes = [models.Index(fields=["pegawai", "tmt"], name="riwayat_jabatan_pegawai_tmt")]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=models.F("tmt")),
                name="riwayat_jabatan_tanggal_urut",
            ),
            models.UniqueConstraint(
                fields=["pegawai"], condition=Q(tanggal_selesai__isnull=True), name="riwayat_jabatan_satu_aktif"
            ),
        ]

    def __str__(self):
        return f"{self.pegawai.nama}: {self.jabatan or '-'} / {self.unit_kerja} ({self.tmt:%d-%m-%Y})"

    @property
    def jenjang_label(self) -> str:
        from .models import Jabatan

        return Jabatan.Jenjang(self.jenjang).label if self.jenjang in Jabatan.Jenjang.values else self.jenjang

    @property
    def is_aktif(self) -> bool:
        return self.tanggal_selesai is None

    @classmethod
    def berlaku_pada(cls, tanggal):
        """Rows valid on ``tanggal`` (one per pegawai when the history has no gaps or overlaps)."""
        return cls.objects.filter(tmt__lte=tanggal).filter(
            Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=tanggal)
        )
