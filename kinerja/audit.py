"""Writing and reading the audit trail (style.md §2: services write the audit entry)."""
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditLog


def audit_log(*, aktor, aksi: str, objek: models.Model, data: dict | None = None, catatan: str = "") -> AuditLog:
    """Record ``aksi`` (a dotted name such as ``skp.approved``) on ``objek``."""
    if aktor is not None and not getattr(aktor, "is_authenticated", False):
        aktor = None
    return AuditLog.objects.create(
        aktor=aktor,
        aksi=aksi,
        content_type=ContentType.objects.get_for_model(objek),
        object_id=str(objek.pk),
        objek_repr=str(objek)[:255],
        data=data or {},
        catatan=catatan,
    )


def audit_for(objek: models.Model):
    """The audit entries of one object, newest first, with the actor loaded."""
    return AuditLog.objects.filter(
        content_type=ContentType.objects.get_for_model(objek), object_id=str(objek.pk)
    ).select_related("aktor")
