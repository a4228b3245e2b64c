"""Continuous performance dialogue (PermenPANRB 6/2022 stage 2, domain.md §1.1, §3.2, §11.1):
the dated feedback log with replies, bimbingan kinerja (formats B.1.8 and B.1.9) and check-ins.

``UmpanBalikEntri`` rows are never updated in place: an edit is a new row naming the one it revises
(``revisi_dari``), so the earlier text stays visible. ``UmpanBalik`` (models/evaluasi.py) keeps the
period's *current* feedback per target, which is always the latest entry (kept by the services).
"""
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .evaluasi import Penilaian
from .referensi import PerilakuKerja
from .skp import IndikatorKinerja, RencanaHasilKerja, Skp


class UmpanBalikEntri(models.Model):
    """One dated piece of feedback on one RHK (optionally one of its IKI) or one BerAKHLAK value."""

    class Sumber(models.TextChoices):
        LOG = "LOG", _("Halaman umpan balik")
        PENILAIAN = "PENILAIAN", _("Lembar penilaian")
        MIGRASI = "MIGRASI", _("Umpan balik sebelumnya")

    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="umpan_balik_entri")
    rhk = models.ForeignKey(RencanaHasilKerja, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    iki = models.ForeignKey(IndikatorKinerja, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    perilaku = models.ForeignKey(PerilakuKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    frasa = models.CharField(_("frasa"), max_length=255, blank=True)
    teks = models.TextField(_("umpan balik"), blank=True)
    minta_tanggapan = models.BooleanField(_("minta tanggapan pegawai"), default=False)
    revisi_dari = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="revisi",
        verbose_name=_("merevisi entri"),
    )
    sumber = models.CharField(_("sumber"), max_length=10, choices=Sumber.choices, default=Sumber.LOG)
    oleh = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)

    class Meta:
        verbose_name = _("entri umpan balik")
        verbose_name_plural = _("entri umpan balik")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["penilaian", "dibuat_pada"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(rhk__isnull=False) & Q(perilaku__isnull=True))
                | (Q(rhk__isnull=True) & Q(perilaku__isnull=False) & Q(iki__isnull=True)),
                name="ub_entri_satu_sasaran",
            ),
        ]

    def __str__(self):
        return (self.frasa + " " + self.teks).strip()[:80]

    @property
    def target_kunci(self) -> str:
        return f"rhk-{self.rhk_id}" if self.rhk_id else f"perilaku-{self.perilaku_id}"

    @property
    def isi(self) -> str:
        return " — ".join(t for t in (self.frasa, self.teks) if t)


class TanggapanUmpanBalik(models.Model):
    """The pegawai's reply to one feedback entry (the dialogue of Pasal 3)."""

    entri = models.ForeignKey(UmpanBalikEntri, on_delete=models.CASCADE, related_name="tanggapan")
    oleh = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")
    teks = models.TextField(_("tanggapan"))
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)

    class Meta:
        verbose_name = _("tanggapan umpan balik")
        verbose_name_plural = _("tanggapan umpan balik")
        ordering = ["dibuat_pada", "pk"]

    def __str__(self):
        return self.teks[:80]


class Bimbingan(models.Model):
    """A bimbingan kinerja session for the pegawai of one SKP (6/2022 lampiran, domain.md §3.2, §11.1).

    The pembimbing is the leader or "pihak lain yang diberikan penugasan khusus" (mentor, coach,
    konselor). Afterwards the pegawai fills B.1.8 and the pembimbing B.1.9.
    """

    class Status(models.TextChoices):
        DIUSULKAN = "DIUSULKAN", _("Diusulkan")
        DIJADWALKAN = "DIJADWALKAN", _("Dijadwalkan")
        SELESAI = "SELESAI", _("Terlaksana")
        BATAL = "BATAL", _("Dibatalkan")

    class Peran(models.TextChoices):
        PIMPINAN = "PIMPINAN", _("Pimpinan")
        MENTOR = "MENTOR", _("Mentor")
        COACH = "COACH", _("Coach")
        KONSELOR = "KONSELOR", _("Konselor")

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="bimbingan")
    pembimbing = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("pembimbing"), on_delete=models.PROTECT, related_name="bimbingan_diberikan"
    )
    peran_pembimbing = models.CharField(_("peran pembimbing"), max_length=10, choices=Peran.choices,
                                        default=Peran.PIMPINAN)
    tanggal = models.DateField(_("tanggal"), db_index=True)
    topik = models.CharField(_("topik"), max_length=255)
    catatan = models.TextField(_("catatan bimbingan"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DIJADWALKAN,
                              db_index=True)
    # The low annual predikat that proposed the session (domain.md §5.2), so it is proposed once.
    penilaian_asal = models.ForeignKey(
        Penilaian, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("berdasarkan penilaian"),
    )
    dibuat_oleh = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bimbingan kinerja")
        verbose_name_plural = _("bimbingan kinerja")
        ordering = ["-tanggal", "-pk"]
        indexes = [models.Index(fields=["skp", "tanggal"])]

    def __str__(self):
        return f"{self.tanggal:%Y-%m-%d} {self.topik}"


class CheckIn(models.Model):
    """A dialog kinerja (check-in) between the penilai and the pegawai within one evaluation period."""

    class Status(models.TextChoices):
        DIJADWALKAN = "DIJADWALKAN", _("Dijadwalkan")
        SELESAI = "SELESAI", _("Selesai")
        BATAL = "BATAL", _("Dibatalkan")

    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="checkin")
    jadwal = models.DateTimeField(_("jadwal"), db_index=True)
    agenda = models.TextField(_("agenda"))
    notulen = models.TextField(_("notulen"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DIJADWALKAN,
                              db_index=True)
    dibuat_oleh = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("dialog kinerja")
        verbose_name_plural = _("dialog kinerja")
        ordering = ["-jadwal", "-pk"]

    def __str__(self):
        return f"{timezone.localtime(self.jadwal):%Y-%m-%d %H:%M} {self.penilaian.skp.pegawai.nama}"


class AksiTindakLanjut(models.Model):
    """An action agreed in a bimbingan or a check-in, with a due date; may become a development-plan item."""

    bimbingan = models.ForeignKey(Bimbingan, null=True, blank=True, on_delete=models.CASCADE, related_name="aksi")
    checkin = models.ForeignKey(CheckIn, null=True, blank=True, on_delete=models.CASCADE, related_name="aksi")
    teks = models.CharField(_("aksi yang disepakati"), max_length=500)
    tenggat = models.DateField(_("tenggat"), null=True, blank=True)
    selesai = models.BooleanField(_("selesai"), default=False)
    item_rencana = models.ForeignKey(
        "pelatihan.ItemRencana", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("item rencana pengembangan"),
    )

    class Meta:
        verbose_name = _("aksi tindak lanjut")
        verbose_name_plural = _("aksi tindak lanjut")
        ordering = ["tenggat", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(bimbingan__isnull=False) & Q(checkin__isnull=True))
                | (Q(bimbingan__isnull=True) & Q(checkin__isnull=False)),
                name="aksi_satu_induk",
            ),
        ]

    def __str__(self):
        return self.teks[:80]


class UmpanBalikBimbingan(models.Model):
    """Format B.1.8, filled and signed by the pegawai: one answer per statement (``dialog/format.py``)."""

    bimbingan = models.OneToOneField(Bimbingan, on_delete=models.CASCADE, related_name="umpan_balik_pegawai")
    jawaban = models.JSONField(_("jawaban"), default=dict)  # {kode pernyataan: skala}
    saran = models.TextField(_("saran/catatan"), blank=True)
    diisi_pada = models.DateTimeField(_("diisi pada"), default=timezone.now)

    class Meta:
        verbose_name = _("umpan balik pelaksanaan bimbingan")
        verbose_name_plural = _("umpan balik pelaksanaan bimbingan")

    def __str__(self):
        return str(self.bimbingan)


class EvaluasiKompetensi(models.Model):
    """Format B.1.9: one competency of the pegawai scored 1–5 with the reason, by the pembimbing."""

    bimbingan = models.ForeignKey(Bimbingan, on_delete=models.CASCADE, related_name="evaluasi_kompetensi")
    kompetensi = models.CharField(_("kompetensi"), max_length=40)
    skala = models.PositiveSmallIntegerField(
        _("skala"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    alasan = models.TextField(_("alasan"))
    urutan = models.PositiveSmallIntegerField(default=0)
    diisi_oleh = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("evaluasi kompetensi")
        verbose_name_plural = _("evaluasi kompetensi")
        ordering = ["bimbingan_id", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bimbingan", "kompetensi"], name="evaluasi_kompetensi_unik"),
            models.CheckConstraint(condition=Q(skala__gte=1) & Q(skala__lte=5), name="evaluasi_kompetensi_skala"),
        ]

    def __str__(self):
        return f"{self.kompetensi}: {self.skala}"
