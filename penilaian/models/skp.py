"""Annual SKP (Sasaran Kinerja Pegawai): RHK, IKI, perilaku expectations, lampiran (domain.md §1, §2)."""
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .referensi import PerilakuKerja


class Skp(models.Model):
    """One SKP of one pegawai for one assignment within a year.

    A pegawai who changes jabatan or unit mid-year gets a new SKP for the rest of the year; the
    old one keeps its data (domain.md §1.5). Date ranges of one pegawai's SKPs never overlap.
    """

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Draf")
        DIAJUKAN = "DIAJUKAN", _("Diajukan")
        DIKEMBALIKAN = "DIKEMBALIKAN", _("Dikembalikan")
        DISETUJUI = "DISETUJUI", _("Disetujui")

    class Pendekatan(models.TextChoices):
        KUANTITATIF = "KUANTITATIF", _("Kuantitatif")
        KUALITATIF = "KUALITATIF", _("Kualitatif")

    class Bentuk(models.TextChoices):
        JPT = "JPT", _("JPT dan Pimpinan Unit Kerja Mandiri")
        JA_JF = "JA_JF", _("Pejabat Administrasi dan Pejabat Fungsional")

    EDITABLE = {Status.DRAFT, Status.DIKEMBALIKAN}

    pegawai = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="skp"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"), db_index=True)
    tanggal_mulai = models.DateField(_("periode awal"))
    tanggal_selesai = models.DateField(_("periode akhir"))
    pendekatan = models.CharField(
        _("pendekatan"), max_length=12, choices=Pendekatan.choices, default=Pendekatan.KUANTITATIF
    )
    bentuk = models.CharField(
        _("bentuk"), max_length=5, choices=Bentuk.choices, help_text=_("Ditentukan dari jenis jabatan.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    pejabat_penilai = models.ForeignKey(
        "pegawai.Pegawai",
        verbose_name=_("pejabat penilai kinerja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skp_dinilai",
    )
    atasan_penilai = models.ForeignKey(
        "pegawai.Pegawai",
        verbose_name=_("atasan pejabat penilai kinerja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The top of the chain (domain.md §11.1): a non-ASN penilai / atasan penilai (Kepala Daerah, Menteri)
    # instead of a pegawai; at most one of each pair is set (DB check below).
    pejabat_penilai_non_asn = models.ForeignKey(
        "pegawai.PejabatNonAsn", verbose_name=_("pejabat penilai kinerja (non-ASN)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="skp_dinilai",
    )
    atasan_penilai_non_asn = models.ForeignKey(
        "pegawai.PejabatNonAsn", verbose_name=_("atasan pejabat penilai kinerja (non-ASN)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    jabatan = models.ForeignKey(
        "pegawai.Jabatan", verbose_name=_("jabatan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit_kerja = models.ForeignKey(
        "pegawai.UnitKerja",
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Identity of pegawai, penilai and atasan penilai frozen when the SKP is submitted:
    # {"pegawai": {"id", "nama", "nip", "pangkat_golongan", "jabatan", "unit", "instansi"}, "penilai": {...},
    # "atasan_penilai": {...}} (pegawai.identitas).
    snapshot = models.JSONField(_("identitas saat diajukan"), default=dict, blank=True)
    dukungan_sumber_daya = models.TextField(_("dukungan sumber daya"), blank=True)
    skema_pertanggungjawaban = models.TextField(_("skema pertanggungjawaban"), blank=True)
    konsekuensi = models.TextField(_("konsekuensi"), blank=True)
    catatan_pengembalian = models.TextField(_("catatan pengembalian"), blank=True)
    versi = models.PositiveSmallIntegerField(_("versi"), default=1, help_text=_("Naik setiap kali revisi disetujui."))
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-tahun", "pegawai__nama", "tanggal_mulai"]
        indexes = [models.Index(fields=["pejabat_penilai", "status"]), models.Index(fields=["pegawai", "tahun"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=models.F("tanggal_mulai")), name="skp_tanggal_urut"
            ),
            models.CheckConstraint(
                condition=Q(pejabat_penilai__isnull=True) | Q(pejabat_penilai_non_asn__isnull=True),
                name="skp_satu_pejabat_penilai",
            ),
            models.CheckConstraint(
                condition=Q(atasan_penilai__isnull=True) | Q(atasan_penilai_non_asn__isnull=True),
                name="skp_satu_atasan_penilai",
            ),
        ]

    def __str__(self):
        return f"SKP {self.tahun} — {self.pegawai.nama}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_jpt(self) -> bool:
        return self.bentuk == self.Bentuk.JPT


class RencanaHasilKerja(models.Model):
    class Jenis(models.TextChoices):
        UTAMA = "UTAMA", _("Utama")
        TAMBAHAN = "TAMBAHAN", _("Tambahan")

    class Klasifikasi(models.TextChoices):
        ORGANISASI = "ORGANISASI", _("Organisasi")
        INDIVIDU = "INDIVIDU", _("Individu")

    class Perspektif(models.TextChoices):
        # domain.md §1.3: the official label is "Penerima Layanan" (not "Penerimaan Layanan").
        PENERIMA_LAYANAN = "PENERIMA_LAYANAN", _("Penerima Layanan")
        PROSES_BISNIS = "PROSES_BISNIS", _("Proses Bisnis")
        PENGUATAN_INTERNAL = "PENGUATAN_INTERNAL", _("Penguatan Internal")
        ANGGARAN = "ANGGARAN", _("Anggaran")

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="rhk")
    jenis = models.CharField(_("jenis"), max_length=8, choices=Jenis.choices, default=Jenis.UTAMA)
    klasifikasi = models.CharField(_("klasifikasi"), max_length=10, choices=Klasifikasi.choices, blank=True)
    teks = models.TextField(_("rencana hasil kerja"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    # RHK pimpinan yang diintervensi: one RHK of the pejabat penilai's SKP of the same year (JA/JF).
    induk = models.ForeignKey(
        "self",
        verbose_name=_("RHK pimpinan yang diintervensi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intervensi",
    )
    perspektif = models.CharField(_("perspektif"), max_length=20, choices=Perspektif.choices, blank=True)
    penugasan_dari = models.CharField(_("penugasan dari"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        # Utama before tambahan, as the SKP form lists them (domain.md §1.3: A. UTAMA, B. TAMBAHAN).
        ordering = [
            "skp_id",
            models.Case(models.When(jenis="UTAMA", then=models.Value(0)), default=models.Value(1)),
            "urutan",
            "pk",
        ]

    def __str__(self):
        return self.teks[:80]


TARGET_POSITIF = _("Target IKI harus berupa angka lebih dari 0.")


class IndikatorKinerja(models.Model):
    """IKI with aspek and target: number + satuan for kuantitatif, text for kualitatif."""

    class Aspek(models.TextChoices):
        KUANTITAS = "KUANTITAS", _("Kuantitas")
        KUALITAS = "KUALITAS", _("Kualitas")
        WAKTU = "WAKTU", _("Waktu")
        BIAYA = "BIAYA", _("Biaya")

    rhk = models.ForeignKey(RencanaHasilKerja, on_delete=models.CASCADE, related_name="iki")
    teks = models.TextField(_("indikator kinerja individu"))
    aspek = models.CharField(_("aspek"), max_length=10, choices=Aspek.choices, blank=True)
    # No DB check constraint: approved SKPs of earlier years may hold such values; forms, services and
    # submission refuse them (issue 11 §8).
    target_angka = models.DecimalField(
        _("target (angka)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"), message=TARGET_POSITIF)],
    )
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target_teks = models.TextField(_("target (uraian)"), blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("indikator kinerja individu")
        verbose_name_plural = _("indikator kinerja individu")
        ordering = ["rhk_id", "urutan", "pk"]

    def __str__(self):
        return self.teks[:80]

    @property
    def target_display(self) -> str:
        if self.target_angka is not None:
            angka = f"{self.target_angka:f}".rstrip("0").rstrip(".")
            return f"{angka} {self.satuan}".strip()
        return self.target_teks


class EkspektasiPerilaku(models.Model):
    """Ekspektasi khusus pimpinan for one core value of one SKP, written by the penilai when approving."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="ekspektasi")
    perilaku = models.ForeignKey(PerilakuKerja, on_delete=models.PROTECT, related_name="+")
    teks = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)

    class Meta:
        verbose_name = _("ekspektasi perilaku")
        verbose_name_plural = _("ekspektasi perilaku")
        ordering = ["skp_id", "perilaku__urutan"]
        constraints = [models.UniqueConstraint(fields=["skp", "perilaku"], name="ekspektasi_unik")]

    def __str__(self):
        return f"{self.perilaku}: {self.teks[:60]}"


class SkpVersi(models.Model):
    """The content of an SKP as approved: stays readable while a revision is drafted."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="versi_disetujui")
    versi = models.PositiveSmallIntegerField(_("versi"))
    data = models.JSONField(_("isi SKP"))
    disetujui_pada = models.DateTimeField(_("disetujui pada"))
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("versi SKP disetujui")
        verbose_name_plural = _("versi SKP disetujui")
        ordering = ["skp_id", "-versi"]
        constraints = [models.UniqueConstraint(fields=["skp", "versi"], name="skp_versi_unik")]

    def __str__(self):
        return f"{self.skp} v{self.versi}"
