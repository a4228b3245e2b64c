"""Periodic and annual evaluation of one approved SKP (domain.md §3.2–§3.5)."""
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..predikat import Predikat, Rating
from .periode import Periode
from .referensi import PerilakuKerja
from .skp import IndikatorKinerja, RencanaHasilKerja, Skp


class Penilaian(models.Model):
    """The evaluation of one SKP in one period: employee input, supervisor feedback and ratings.

    ``predikat`` is derived from the two ratings by ``penilaian.predikat.hitung_predikat`` and stored
    for querying; it is never typed. ``versi`` is the optimistic lock against lost updates.
    """

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Diisi pegawai")
        DIAJUKAN = "DIAJUKAN", _("Siap dinilai")
        DINILAI = "DINILAI", _("Sedang dinilai")
        FINAL = "FINAL", _("Final, menunggu tanggapan")
        DITERIMA = "DITERIMA", _("Diterima pegawai")
        KEBERATAN = "KEBERATAN", _("Keberatan diajukan")
        DIPUTUS = "DIPUTUS", _("Keberatan diputus")
        # No keberatan within HARI_KEBERATAN days of final: the result stands (PP 30/2019 Pasal 59, domain.md §11.1).
        LEWAT_WAKTU = "LEWAT", _("Diterima (batas tanggapan lewat)")

    SELESAI = {Status.FINAL, Status.DITERIMA, Status.KEBERATAN, Status.DIPUTUS, Status.LEWAT_WAKTU}

    # (status dari, aksi) -> status ke. Anything not listed is refused (like Skp's TRANSISI). Services
    # validate through it, templates read the can_* flags below (domain.md §3.2, §3.5, §11.1).
    TRANSISI = {
        (Status.DRAFT, "isi"): Status.DRAFT,  # isian and bukti dukung, until submitted or returned
        (Status.DRAFT, "submit"): Status.DIAJUKAN,
        (Status.DRAFT, "feedback"): Status.DRAFT,
        (Status.DIAJUKAN, "feedback"): Status.DIAJUKAN,
        (Status.DINILAI, "feedback"): Status.DINILAI,
        (Status.DIAJUKAN, "return"): Status.DRAFT,
        (Status.DINILAI, "return"): Status.DRAFT,
        (Status.DIAJUKAN, "rate"): Status.DINILAI,
        (Status.DINILAI, "rate"): Status.DINILAI,
        (Status.DIAJUKAN, "finalize"): Status.FINAL,
        (Status.DINILAI, "finalize"): Status.FINAL,
        (Status.FINAL, "acknowledge"): Status.DITERIMA,
        (Status.FINAL, "file_keberatan"): Status.KEBERATAN,
        (Status.KEBERATAN, "decide_keberatan"): Status.DIPUTUS,
        (Status.FINAL, "lapse"): Status.LEWAT_WAKTU,
    }
    # Actions on a FINAL row that the response window decides (§11.1): True = only while it is open,
    # False = only once it has passed. An expired FINAL is closed even before the daily task marks it.
    SAAT_TANGGAPAN_TERBUKA = {"acknowledge": True, "file_keberatan": True, "lapse": False}

    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="penilaian")
    periode = models.ForeignKey(Periode, on_delete=models.PROTECT, related_name="penilaian")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    rating_hasil = models.CharField(_("rating hasil kerja"), max_length=8, choices=Rating.choices, blank=True)
    rating_perilaku = models.CharField(_("rating perilaku kerja"), max_length=8, choices=Rating.choices, blank=True)
    predikat = models.CharField(
        _("predikat kinerja"), max_length=16, choices=Predikat.choices, blank=True, db_index=True
    )
    capaian_organisasi = models.CharField(_("capaian kinerja organisasi"), max_length=16, blank=True)
    catatan = models.TextField(_("catatan/rekomendasi"), blank=True)
    # The identity block frozen when the evaluation is finalised (domain.md §3.2), shape of pegawai.identitas:
    # {"pegawai": {...}, "penilai": {...}, "atasan_penilai": {...}}.
    snapshot = models.JSONField(_("identitas saat final"), default=dict, blank=True)
    penilai = models.ForeignKey(
        "pegawai.Pegawai",
        verbose_name=_("dinilai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    versi = models.PositiveIntegerField(_("versi"), default=1)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    final_pada = models.DateTimeField(null=True, blank=True)
    ditanggapi_pada = models.DateTimeField(null=True, blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("penilaian kinerja")
        verbose_name_plural = _("penilaian kinerja")
        ordering = ["periode__tanggal_mulai", "skp__pegawai__nama"]
        constraints = [models.UniqueConstraint(fields=["skp", "periode"], name="penilaian_unik_per_periode")]
        indexes = [models.Index(fields=["periode", "status"])]

    def __str__(self):
        return f"{self.periode} — {self.skp.pegawai.nama}"

    @property
    def is_final(self) -> bool:
        return self.status in self.SELESAI

    def status_setelah(self, aksi: str, now: datetime | None = None) -> str | None:
        """The status ``aksi`` leads to from the current one, or None when ``TRANSISI`` refuses it now."""
        ke = self.TRANSISI.get((self.status, aksi))
        terbuka = self.SAAT_TANGGAPAN_TERBUKA.get(aksi)
        if ke is None or (terbuka is not None and terbuka == self.tanggapan_lewat(now)):
            return None
        return ke

    def boleh(self, aksi: str, now: datetime | None = None) -> bool:
        return self.status_setelah(aksi, now) is not None

    @classmethod
    def status_untuk(cls, aksi: str) -> set[str]:
        """Statuses ``aksi`` is listed from, for querysets (the response window is not applied here)."""
        return {dari for (dari, a) in cls.TRANSISI if a == aksi}

    # The questions templates and views ask; each is one row of TRANSISI (no status codes in templates).
    can_isi = property(lambda self: self.boleh("isi"))
    can_submit = property(lambda self: self.boleh("submit"))
    can_feedback = property(lambda self: self.boleh("feedback"))
    can_return = property(lambda self: self.boleh("return"))
    can_rate = property(lambda self: self.boleh("rate"))
    can_finalize = property(lambda self: self.boleh("finalize"))
    can_acknowledge = property(lambda self: self.boleh("acknowledge"))
    can_file_keberatan = property(lambda self: self.boleh("file_keberatan"))
    can_decide_keberatan = property(lambda self: self.boleh("decide_keberatan"))
    # FINAL with its response window open: the appraisee may acknowledge or object.
    menunggu_tanggapan = can_acknowledge

    @property
    def menunggu_penilai(self) -> bool:
        """Submitted, not rated yet (the appraisee is told it waits for the penilai)."""
        return self.status == self.Status.DIAJUKAN

    @property
    def predikat_sementara(self) -> bool:
        """Rated but not finalised: the predikat shown may still change."""
        return self.status == self.Status.DINILAI

    @staticmethod
    def hari_tanggapan() -> timedelta:
        return timedelta(days=settings.KINERJA["HARI_KEBERATAN"])

    @property
    def batas_tanggapan(self) -> datetime | None:
        """Last moment to acknowledge or object: ``final_pada`` + ``HARI_KEBERATAN`` days (domain.md §11.1)."""
        return self.final_pada + self.hari_tanggapan() if self.final_pada else None

    def tanggapan_lewat(self, now: datetime | None = None) -> bool:
        """FINAL and past its window: closed even before the daily task has marked it."""
        batas = self.batas_tanggapan
        return self.status == self.Status.FINAL and batas is not None and (now or timezone.now()) > batas

    def is_lewat_waktu(self, now: datetime | None = None) -> bool:
        """Accepted by lapse of time: marked LEWAT_WAKTU, or FINAL past its window (not marked yet)."""
        return self.status == self.Status.LEWAT_WAKTU or self.tanggapan_lewat(now)

    @property
    def status_tampil(self) -> str:
        """The status label users see: an expired FINAL already reads as accepted by lapse of time."""
        if self.tanggapan_lewat():
            return self.Status.LEWAT_WAKTU.label
        return self.get_status_display()

    @classmethod
    def q_menunggu_tanggapan(cls, now: datetime | None = None, prefix: str = "") -> Q:
        """Final evaluations whose response window is still open (every to-do list uses this)."""
        batas = (now or timezone.now()) - cls.hari_tanggapan()
        # No final_pada (rows made outside penilaian_finalize): no known deadline, so still waiting.
        terbuka = Q(**{f"{prefix}final_pada__gte": batas}) | Q(**{f"{prefix}final_pada__isnull": True})
        return Q(**{f"{prefix}status__in": cls.status_untuk("acknowledge")}) & terbuka

    @classmethod
    def q_tanggapan_lewat(cls, now: datetime | None = None, prefix: str = "") -> Q:
        """FINAL evaluations past their response window: the rows ``lapse`` may move (complement of the above)."""
        batas = (now or timezone.now()) - cls.hari_tanggapan()
        return Q(**{f"{prefix}status__in": cls.status_untuk("lapse"), f"{prefix}final_pada__lt": batas})

    @classmethod
    def status_efektif(cls, now: datetime | None = None) -> Case:
        """SQL for the status users see: an expired FINAL counts as LEWAT_WAKTU (as ``status_tampil``)."""
        return Case(
            When(cls.q_tanggapan_lewat(now), then=Value(cls.Status.LEWAT_WAKTU.value)),
            default=F("status"),
            output_field=models.CharField(),
        )


class RencanaAksi(models.Model):
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="rencana_aksi")
    rhk = models.ForeignKey(RencanaHasilKerja, on_delete=models.PROTECT, related_name="rencana_aksi")
    teks = models.TextField(_("rencana aksi"))
    target = models.CharField(_("target periode"), max_length=200, blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["penilaian_id", "rhk_id", "urutan", "pk"]

    def __str__(self):
        return self.teks[:80]


class Realisasi(models.Model):
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="realisasi")
    iki = models.ForeignKey(IndikatorKinerja, on_delete=models.PROTECT, related_name="realisasi")
    nilai = models.DecimalField(_("realisasi (angka)"), max_digits=14, decimal_places=2, null=True, blank=True)
    teks = models.TextField(_("realisasi (uraian)"), blank=True)

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        constraints = [models.UniqueConstraint(fields=["penilaian", "iki"], name="realisasi_unik")]

    def __str__(self):
        return f"{self.iki}: {self.nilai if self.nilai is not None else self.teks[:40]}"


def bukti_upload_to(instance, filename):
    # Random names: the original name is kept in ``nama_berkas``; paths reveal nothing.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"bukti/{instance.realisasi.penilaian_id}/{uuid.uuid4().hex}.{ext}"


class BuktiDukung(models.Model):
    """Evidence for a realisasi: a link or an uploaded file, served only through a permission check."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.CASCADE, related_name="bukti")
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    berkas = models.FileField(_("berkas"), upload_to=bukti_upload_to, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    content_type = models.CharField(max_length=100, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["realisasi_id", "dibuat_pada"]
        constraints = [
            models.CheckConstraint(condition=~Q(url="") | ~Q(berkas=""), name="bukti_tautan_atau_berkas"),
        ]

    def __str__(self):
        return self.nama_berkas or self.url


class UmpanBalik(models.Model):
    """Continuous feedback from the penilai on one RHK or on one core value (domain.md §3.2)."""

    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="umpan_balik")
    rhk = models.ForeignKey(
        RencanaHasilKerja, null=True, blank=True, on_delete=models.CASCADE, related_name="umpan_balik"
    )
    perilaku = models.ForeignKey(PerilakuKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    frasa = models.CharField(_("frasa"), max_length=255, blank=True)
    teks = models.TextField(_("umpan balik"), blank=True)
    oleh = models.ForeignKey("pegawai.Pegawai", null=True, on_delete=models.SET_NULL, related_name="+")
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        ordering = ["penilaian_id", "rhk_id", "perilaku__urutan"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(rhk__isnull=False) & Q(perilaku__isnull=True))
                | (Q(rhk__isnull=True) & Q(perilaku__isnull=False)),
                name="umpan_balik_satu_sasaran",
            ),
            models.UniqueConstraint(
                fields=["penilaian", "rhk"], condition=Q(rhk__isnull=False), name="umpan_balik_rhk_unik"
            ),
            models.UniqueConstraint(
                fields=["penilaian", "perilaku"], condition=Q(perilaku__isnull=False), name="umpan_balik_perilaku_unik"
            ),
        ]

    def __str__(self):
        return (self.frasa + " " + self.teks).strip()[:80]
