"""Login, SSO start/callback and logout views (mozilla-django-oidc views with Kinerja's messages)."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import sso
from .forms_akun import LoginForm


class MasukView(auth_views.LoginView):
    """The password login page, with the "Masuk dengan SSO" button when SSO is configured."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sso_aktif": sso.aktif()}


class SsoMulaiView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider's login page."""

    get_settings = staticmethod(sso.get_setting)

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)  # endpoints looked up in get()

    def get(self, request):
        if not sso.aktif():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except sso.ProviderTidakTersedia:
            messages.error(request, _("Layanan SSO sedang tidak dapat dihubungi; coba lagi nanti."))
            return redirect("login")
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        return super().get(request)


class SsoCallbackView(OIDCAuthenticationCallbackView):
    """The provider returns here; refused logins go back to the login page with the reason."""

    get_settings = staticmethod(sso.get_setting)

    @property
    def failure_url(self):
        return resolve_url("login")

    def get(self, request):
        if not sso.aktif():
            raise Http404
        return super().get(request)

    def login_failure(self):
        if not getattr(self.request, sso.DITOLAK, False):
            messages.error(self.request, _("Masuk dengan SSO tidak berhasil; coba lagi."))
        return super().login_failure()


class KeluarView(auth_views.LogoutView):
    """Logout; an SSO session also ends the provider's session where the provider supports it."""

    def post(self, request, *args, **kwargs):
        tujuan = sso.url_keluar_provider(request)  # read before the session is flushed
        response = super().post(request, *args, **kwargs)
        if tujuan != resolve_url(settings.LOGOUT_REDIRECT_URL):
            return HttpResponseRedirect(tujuan)
        return response
