"""Who calls the API: the browser session, or a bearer token (instansi or personal).

An instansi token becomes an ``ApiPrincipal`` whose role is HR of the token's instansi, so every
selector of ``pegawai.access`` / ``penilaian.access`` scopes it exactly as it scopes HR; there is no
second permission implementation. A personal token authenticates as its user.
"""
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions, throttling
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.settings import api_settings

from pegawai.access import Peran

from .models import TokenIntegrasi, hash_token

KEYWORDS = (b"bearer", b"token")


class ApiPrincipal:
    """The caller of an instansi token: reads as HR of that instansi, is nobody's pegawai, writes nothing."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = id = None

    def __init__(self, token: TokenIntegrasi):
        self.token = token
        self.instansi_id = token.instansi_id
        self.username = f"token:{token.awalan}"
        # pegawai.access.peran() returns these cached values untouched.
        self._kinerja_pegawai = None
        self._kinerja_peran = Peran(is_hr=True, instansi_id=token.instansi_id, labels=["hr"])

    def __str__(self):
        return self.username


class TokenAuthentication(BaseAuthentication):
    """``Authorization: Bearer <token>`` (or ``Token <token>``). Revoked or expired tokens answer 401."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Header Authorization tidak valid."))
        try:
            raw = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Header Authorization tidak valid.")) from None
        token = (TokenIntegrasi.objects.select_related("user", "instansi")
                 .filter(token_hash=hash_token(raw)).first())
        now = timezone.now()
        if token is None or not token.is_valid(now):
            raise exceptions.AuthenticationFailed(_("Token tidak dikenal, sudah dicabut, atau kedaluwarsa."))
        if token.user is not None and not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Token tidak dikenal, sudah dicabut, atau kedaluwarsa."))
        TokenIntegrasi.objects.filter(pk=token.pk).update(last_used_at=now)
        return (token.user if token.user is not None else ApiPrincipal(token)), token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


def token_of(request) -> TokenIntegrasi | None:
    return request.auth if isinstance(request.auth, TokenIntegrasi) else None


class TokenScope(permissions.BasePermission):
    """Reads need the ``read`` scope; writes need the view's ``write_scope`` and a personal actor."""

    message = _("Token ini tidak memiliki cakupan untuk tindakan ini.")

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        token = token_of(request)
        if token is None:
            return True  # session: the access module decides per object
        if request.method in permissions.SAFE_METHODS:
            return TokenIntegrasi.Scope.READ in token.scopes
        scope = getattr(view, "write_scope", None)
        return bool(scope) and scope in token.scopes and token.is_personal


class _RateFromSettings:
    """Read the rate on every request, so a changed ``REST_FRAMEWORK`` setting (tests) takes effect."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class TokenRateThrottle(_RateFromSettings, throttling.SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        token = token_of(request)
        return self.cache_format % {"scope": self.scope, "ident": token.pk} if token else None


class UserRateThrottle(_RateFromSettings, throttling.SimpleRateThrottle):
    """Per user, whether by session or personal token; instansi tokens are counted per token only."""

    scope = "user"

    def get_cache_key(self, request, view):
        user = request.user
        if user is None or not user.is_authenticated or user.pk is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": user.pk}


class AnonRateThrottle(_RateFromSettings, throttling.AnonRateThrottle):
    pass
