"""Cross-cutting models: the audit trail every workflow writes to."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditLog(models.Model):
    """One recorded action: who did what to which object, with before/after values."""

    waktu = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pelaku"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    aksi = models.CharField(_("aksi"), max_length=64, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    objek = GenericForeignKey("content_type", "object_id")
    objek_repr = models.CharField(_("objek"), max_length=255, blank=True)
    data = models.JSONField(_("perubahan"), default=dict, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-waktu"])]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi} {self.objek_repr}"

    @property
    def label_aksi(self) -> str:
        from .audit import label_aksi

        return label_aksi(self.aksi)

    @property
    def aktor_nama(self) -> str:
        """The actor's name (the pegawai's, not the NIP login); "Sistem" if none."""
        from .audit import nama_orang

        return nama_orang(self.aktor)

    @property
    def kalimat(self) -> str:
        """One history line in plain words: "Disetujui oleh Sari Harahap"."""
        return _("%(aksi)s oleh %(nama)s") % {"aksi": self.label_aksi, "nama": self.aktor_nama}

class IdempotencyKey(models.Model):
    """A create form's one-time token, stored with the transaction that used it (kinerja/once.py).

    The unique (user, key) makes a second submission of the same form (a double click, a resent request)
    fail to claim it, so the work is done once; ``url`` is where the first submission led.
    """

    key = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("token formulir")
        verbose_name_plural = _("token formulir")
        # Per user: another account sending the same token (replayed from a page) does not block this one.
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unik_per_user")]

    def __str__(self):
        return self.key
