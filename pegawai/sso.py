"""Single sign-on through OpenID Connect (mozilla-django-oidc), configured only by environment variables.

SSO is on when ``SsoBackend`` is listed in AUTHENTICATION_BACKENDS: settings adds it when OIDC_CLIENT_ID and
OIDC_ISSUER (or the explicit endpoints) are set. The endpoints come from the provider's discovery document,
fetched on first use and kept for the life of the process; an OIDC_*_ENDPOINT variable overrides its entry.
A provider that is down never stops password logins: nothing is fetched until an SSO login starts.

Matching: the NIP claim (spaces removed) must be the NIP of an existing, active pegawai with a login;
no account is ever created from a claim.
"""
import logging
import re
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from .models import Pegawai

logger = logging.getLogger(__name__)

BACKEND = "pegawai.sso.SsoBackend"
# mozilla-django-oidc setting → key of the provider's discovery document.
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_END_SESSION_ENDPOINT": "end_session_endpoint",
}
_discovery: dict[str, dict] = {}  # issuer → its discovery document
# Set on the request when a refusal already told the user why (the callback then adds no generic message).
DITOLAK = "_sso_ditolak"


class ProviderTidakTersedia(Exception):
    """The provider's discovery document could not be read."""


def aktif() -> bool:
    return BACKEND in settings.AUTHENTICATION_BACKENDS


def discovery() -> dict:
    issuer = settings.OIDC_ISSUER.rstrip("/")
    if not issuer:
        return {}
    if issuer not in _discovery:
        try:
            response = requests.get(
                f"{issuer}/.well-known/openid-configuration",
                timeout=settings.OIDC_TIMEOUT, verify=settings.OIDC_VERIFY_SSL,
            )
            response.raise_for_status()
            _discovery[issuer] = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise ProviderTidakTersedia(str(exc)) from exc
    return _discovery[issuer]


def get_setting(attr: str, *default):
    """mozilla-django-oidc's settings lookup, with an unset endpoint taken from the discovery document."""
    if attr in ENDPOINTS and not getattr(settings, attr, ""):
        found = discovery().get(ENDPOINTS[attr])
        if found or default:
            return found or default[0]
    return import_from_settings(attr, *default)


def nip_dari_klaim(claims: dict) -> str:
    """The NIP in the claims: OIDC_NIP_CLAIM, else ``preferred_username``; spaces removed."""
    nilai = claims.get(settings.OIDC_NIP_CLAIM) or claims.get("preferred_username") or ""
    return re.sub(r"\s+", "", str(nilai))


def login_lokal_boleh(user) -> bool:
    """May ``user`` log in with a password? Not when SSO is on and its instansi switched local login off.

    Superusers always may, so an administrator is never locked out; without SSO the switch has no effect.
    """
    if user.is_superuser or not aktif():
        return True
    pegawai = Pegawai.objects.filter(user=user).select_related("unit_kerja__instansi").first()
    instansi = pegawai.unit_kerja.instansi if pegawai else user.instansi
    return instansi is None or instansi.login_lokal


def _tolak(request, pesan: str) -> None:
    messages.error(request, pesan)
    setattr(request, DITOLAK, True)


class SsoBackend(OIDCAuthenticationBackend):
    """The OIDC code flow of mozilla-django-oidc, matching the NIP claim to an existing pegawai."""

    get_settings = staticmethod(get_setting)

    def __init__(self, *args, **kwargs):
        # Endpoints are resolved only for an SSO callback (see authenticate): Django builds every backend for
        # each password login too, and those must not wait on the provider.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not ("code" in request.GET and "state" in request.GET):
            return None
        try:
            super().__init__()
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, ProviderTidakTersedia, SuspiciousOperation) as exc:
            logger.warning("SSO login failed: %s", exc)
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audiences = payload.get("aud") if isinstance(payload.get("aud"), list) else [payload.get("aud")]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        issuer = settings.OIDC_ISSUER.rstrip("/")
        if issuer and "iss" in payload and payload["iss"].rstrip("/") != issuer:
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def verify_claims(self, claims):
        if not nip_dari_klaim(claims):
            logger.warning("SSO claims carry no %r nor preferred_username", settings.OIDC_NIP_CLAIM)
            return False
        return True

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(
            pegawai__nip=nip_dari_klaim(claims), pegawai__aktif=True, is_active=True
        )

    def create_user(self, claims):
        """Never creates: says why the NIP was refused (unknown, inactive, or without a login)."""
        pegawai = Pegawai.objects.filter(nip=nip_dari_klaim(claims)).select_related("user").first()
        if pegawai is None:
            pesan = _("NIP Anda belum terdaftar di Kinerja; hubungi Admin Kepegawaian.")
        elif not pegawai.aktif or (pegawai.user and not pegawai.user.is_active):
            pesan = _("Data kepegawaian atau akun Anda di Kinerja nonaktif; hubungi Admin Kepegawaian.")
        else:
            pesan = _("Akun Kinerja untuk NIP Anda belum dibuat; hubungi Admin Kepegawaian.")
        _tolak(self.request, pesan)
        return None

    def get_user(self, user_id):
        # Not through access.dengan_peran as AkunBackend: with it the SSO journey's account menu lost its
        # logout button (pegawai/tests/test_e2e_sso.py); an SSO session pays the one query of the roles instead.
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def url_keluar_provider(request) -> str:
    """After logout: the provider's end-session endpoint (RP-initiated logout, with the ID token as hint,
    returning to the login page) when the session came from SSO and the provider has one; else Kinerja's
    own page. Call it before the session is flushed."""
    lokal = resolve_url(settings.LOGOUT_REDIRECT_URL)
    id_token = request.session.get("oidc_id_token")
    if not (aktif() and id_token):
        return lokal
    try:
        endpoint = get_setting("OIDC_OP_END_SESSION_ENDPOINT", "")
    except ProviderTidakTersedia:
        endpoint = ""
    if not endpoint:
        return lokal
    query = urlencode({
        "id_token_hint": id_token, "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(resolve_url("login")),
    })
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
