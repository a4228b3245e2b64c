"""Integration tokens: how payroll, SIMPEG, dashboards and phone apps call the REST API."""
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "knj_"


def hash_token(raw: str) -> str:
    """SHA-256 of the token. The token carries 256 random bits, so a fast hash is enough (no brute force)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenIntegrasi(models.Model):
    """A bearer token. Only its hash is stored; the token itself is shown once, when it is issued.

    An *instansi* token (``user`` empty) reads what HR of its instansi sees. A *personal* token acts as
    its ``user`` with exactly that user's rights; only it may write (own daily log, own evaluation input,
    own training records), and only with the matching write scope.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Baca")
        WRITE_HARIAN = "write:harian", _("Tulis kegiatan harian")
        WRITE_EVALUASI = "write:evaluasi", _("Tulis realisasi dan bukti dukung")
        WRITE_PELATIHAN = "write:pelatihan", _("Tulis riwayat pengembangan kompetensi")

    instansi = models.ForeignKey("pegawai.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE,
                                 related_name="token_integrasi")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("atas nama pengguna"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="token_pribadi")
    nama = models.CharField(_("nama integrasi"), max_length=100)
    awalan = models.CharField(_("awalan token"), max_length=12, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("cakupan"), default=list)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("token integrasi")
        verbose_name_plural = _("token integrasi")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.nama} ({self.awalan}…)"

    @staticmethod
    def new_raw() -> str:
        return PREFIX + secrets.token_urlsafe(32)

    @property
    def is_personal(self) -> bool:
        return self.user_id is not None

    def is_valid(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now

    def status_tampil(self) -> str:
        if self.revoked_at:
            return _("Dicabut")
        if self.expires_at <= timezone.now():
            return _("Kedaluwarsa")
        return _("Aktif")

    def scopes_tampil(self) -> str:
        labels = dict(self.Scope.choices)
        return ", ".join(str(labels.get(s, s)) for s in self.scopes)
