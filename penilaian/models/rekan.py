"""Peer input (masukan rekan kerja) that stays anonymous (domain.md §6).

Life of a cohort (the invitations of one evaluation):
1. The supervisor or HR invites peers. The cohort is fixed when the first answer arrives.
2. An answer sets the invitation's ``sudah_menjawab`` (a boolean, no time) and stores a
   ``MasukanRekanTersegel``: encrypted, fixed size, no author, no time, random key.
3. Release, once: after the deadline (or finalisation), or when every invitee has answered. The
   sealed answers are opened and written to ``MasukanRekan`` in one shuffled batch in a new
   transaction, with new random ids, and deleted; ``RilisMasukanRekan`` records it. With fewer than
   3 answers nothing is written and the sealed answers are destroyed unread. No answer after release.

An answer row has NO link to its author, no timestamp and a random primary key; the invitation does
not point at it.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .evaluasi import Penilaian


class UndanganRekan(models.Model):
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="undangan_rekan")
    rekan = models.ForeignKey(
        "pegawai.Pegawai", verbose_name=_("rekan kerja"), on_delete=models.CASCADE, related_name="undangan_masukan"
    )
    diundang_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # A boolean and nothing else: no time of answering, no pointer to the answer.
    sudah_menjawab = models.BooleanField(_("sudah menjawab"), default=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("undangan masukan rekan")
        verbose_name_plural = _("undangan masukan rekan")
        constraints = [models.UniqueConstraint(fields=["penilaian", "rekan"], name="undangan_rekan_unik")]

    def __str__(self):
        return f"{self.rekan.nama} → {self.penilaian}"


class MasukanRekanTersegel(models.Model):
    """A submitted answer waiting for release, sealed by ``penilaian.rekan.segel`` (fixed length)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="masukan_tersegel")
    sandi = models.BinaryField()

    class Meta:
        verbose_name = _("masukan rekan tersegel")
        verbose_name_plural = _("masukan rekan tersegel")

    def __str__(self):
        return str(_("Masukan tersegel"))


class MasukanRekan(models.Model):
    """One released anonymous answer: a rating per BerAKHLAK value and an optional comment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="masukan_rekan")
    # {"BERORIENTASI_PELAYANAN": "SESUAI", ...}: one penilaian.predikat.Rating per PerilakuKerja.kode
    jawaban = models.JSONField(_("jawaban"))
    komentar = models.TextField(_("komentar"), blank=True)

    class Meta:
        verbose_name = _("masukan rekan kerja")
        verbose_name_plural = _("masukan rekan kerja")
        ordering = ["id"]  # random: a stable shuffle that says nothing about answer order

    def __str__(self):
        return str(_("Masukan anonim"))


class RilisMasukanRekan(models.Model):
    """The one release of a cohort's answers; ``jumlah_jawaban`` is 0 when fewer than 3 answered."""

    penilaian = models.OneToOneField(Penilaian, on_delete=models.CASCADE, primary_key=True, related_name="rilis_rekan")
    jumlah_jawaban = models.PositiveSmallIntegerField(_("jumlah jawaban dirilis"))
    dirilis_pada = models.DateTimeField(_("dirilis pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("rilis masukan rekan")
        verbose_name_plural = _("rilis masukan rekan")

    def __str__(self):
        return f"{self.penilaian} ({self.jumlah_jawaban})"
