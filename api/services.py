"""Issuing and revoking integration tokens (style.md §2: validate, save, audit)."""
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from pegawai.models import Instansi

from .models import TokenIntegrasi, hash_token

Scope = TokenIntegrasi.Scope


@transaction.atomic
def token_issue(*, instansi: Instansi, nama: str, scopes: list[str], expires_at: datetime, oleh,
                user=None) -> tuple[TokenIntegrasi, str]:
    """A new token; returns it with the raw value, which is never stored and shown only this once.

    An instansi token (no ``user``) only reads: writes act for a person, who must be the token's user.
    """
    scopes = sorted(set(scopes))
    if not scopes or not set(scopes) <= set(Scope.values):
        raise ValidationError({"scopes": _("Pilih sedikitnya satu cakupan yang dikenal.")})
    if user is None and scopes != [Scope.READ]:
        raise ValidationError(
            {"scopes": _("Token instansi hanya dapat membaca; cakupan tulis hanya untuk token pribadi.")})
    if expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("Masa berlaku harus di masa depan.")})
    raw = TokenIntegrasi.new_raw()
    token = TokenIntegrasi.objects.create(
        instansi=instansi, user=user, nama=nama.strip(), awalan=raw[:10], token_hash=hash_token(raw),
        scopes=scopes, expires_at=expires_at, created_by=oleh,
    )
    audit_log(aktor=oleh, aksi="api.token_issued", objek=token,
              data={"scopes": scopes, "expires_at": expires_at.isoformat(), "pribadi": user is not None})
    return token, raw


@transaction.atomic
def token_revoke(*, token: TokenIntegrasi, oleh) -> TokenIntegrasi:
    """Revoke at once; the next request with it answers 401. Revoking twice keeps the first time."""
    if TokenIntegrasi.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now()):
        audit_log(aktor=oleh, aksi="api.token_revoked", objek=token)
    token.refresh_from_db()
    return token
