"""Peer input (masukan rekan kerja) that stays anonymous (domain.md §6).

The answer row has NO link to its author, no timestamp and a random primary key, so neither a
foreign key, nor creation time, nor id order can tie an answer to an invitation. The invitation
only records that the peer has answered.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .evaluasi import Penilaian


class UndanganRekan(models.Model):
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="undangan_rekan")
    rekan = models.ForeignKey("pegawai.Pegawai", verbose_name=_("rekan kerja"), on_delete=models.CASCADE, related_name="undangan_masukan")
    diundang_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sudah_menjawab = models.BooleanField(_("sudah menjawab"), default=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("undangan masukan rekan")
        verbose_name_plural = _("undangan masukan rekan")
        constraints = [models.UniqueConstraint(fields=["penilaian", "rekan"], name="undangan_rekan_unik")]

    def __str__(self):
        return f"{self.rekan.nama} → {self.penilaian}"


class MasukanRekan(models.Model):
    """One anonymous answer: a rating per BerAKHLAK value and an optional comment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="masukan_rekan")
    # {"BERORIENTASI_PELAYANAN": "SESUAI", ...}: one penilaian.predikat.Rating per PerilakuKerja.kode
    jawaban = models.JSONField(_("jawaban"))
    komentar = models.TextField(_("komentar"), blank=True)

    class Meta:
        verbose_name = _("masukan rekan kerja")
        verbose_name_plural = _("masukan rekan kerja")
        ordering = ["id"]

    def __str__(self):
        return str(_("Masukan anonim"))
