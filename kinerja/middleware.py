"""Request middleware of the project."""
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .web import is_htmx


def indonesian_by_default(get_response):
    """Serve Indonesian unless the user picked another language with the switch (cookie or session).

    Browsers in Indonesian offices often announce English first; the browser's Accept-Language
    must not turn the interface English by itself. Goes before LocaleMiddleware.
    """

    def middleware(request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return get_response(request)

    return middleware


def remember_language(get_response):
    """Keep ``User.bahasa`` equal to the language the user reads the site in (one UPDATE when it changes),
    so what is sent to them later (e-mails) is written in it. Goes after AuthenticationMiddleware."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            bahasa = translation.get_language() or ""
            if bahasa in dict(settings.LANGUAGES) and (user.bahasa or settings.LANGUAGE_CODE) != bahasa:
                get_user_model().objects.filter(pk=user.pk).update(bahasa=bahasa)
                user.bahasa = bahasa
        return get_response(request)

    return middleware


class SandiSementaraMiddleware:
    """Until a temporary password (set by HR) is changed, every page leads to the password-change page.

    Only that page, its "done" page, logout and the language switch stay open. Goes after
    AuthenticationMiddleware. An expired temporary password ends the session by itself
    (``pegawai.backends.AkunBackend``). A session opened through SSO is left alone.
    """

    TERBUKA = frozenset({"password_change", "password_change_done", "logout", "set_language", "dua-faktor-verifikasi"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(user, "sandi_sementara_sampai", None) is None:
            return None
        from django.contrib.auth import BACKEND_SESSION_KEY

        if request.session.get(BACKEND_SESSION_KEY) == "pegawai.sso.SsoBackend":
            return None  # logged in through SSO: the unused temporary password need not be changed
        if request.resolver_match and request.resolver_match.url_name in self.TERBUKA:
            return None
        from django.shortcuts import redirect
        from django.urls import reverse

        url = reverse("password_change")
        if is_htmx(request):
            from django.http import HttpResponse

            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return redirect(url)


class DuaFaktorMiddleware:
    """An account with two-factor login on gives its code before any other page of a new session.

    Goes after django_otp's OTPMiddleware. Open without the code: the code page, logout, language switch.
    """

    TERBUKA = frozenset({"dua-faktor-verifikasi", "logout", "set_language"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from pegawai.dua_faktor import perlu_verifikasi

        if request.resolver_match and request.resolver_match.url_name in self.TERBUKA:
            return None
        if not perlu_verifikasi(request):
            return None
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import urlencode

        return redirect(f"{reverse('dua-faktor-verifikasi')}?{urlencode({'next': request.get_full_path()})}")


# --- Input, caching and session hardening (issue 12 items 7–8) -------------------------------------

def _has_nul(querydict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in querydict.lists())


def reject_nul_bytes(get_response):
    """Answer 400 with a readable page when a query string or form field holds a NUL character.

    PostgreSQL cannot store or compare text with NUL (``ValueError: A string literal cannot contain NUL``),
    and no legitimate form sends one. Forms already refuse it field by field; this is the backstop for
    filters (``?q=``), hand-read parameters and htmx posts. Uploaded file contents are not inspected here.
    """

    def middleware(request):
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            pesan = _(
                "Isian mengandung karakter yang tidak diizinkan (karakter NUL). Hapus karakter tersebut lalu coba lagi."
            )
            if request.path.startswith("/api/"):  # API clients get the API's JSON error shape
                from django.http import JsonResponse

                return JsonResponse({"detail": str(pesan)}, status=400)
            return render(request, "400.html", {"pesan": pesan}, status=400)
        return get_response(request)

    return middleware


SESSION_LOGIN = "kinerja_login_pada"
SESSION_AKTIF = "kinerja_aktif_pada"
POLL_PARAM = "poll"


def stamp_login(sender, request, user, **kwargs):
    """``user_logged_in`` receiver: the session's clock starts at login."""
    now = int(time.time())
    request.session[SESSION_LOGIN] = now
    request.session[SESSION_AKTIF] = now


def session_timeout(get_response):
    """Log out after ``SESSION_IDLE_MINUTES`` without activity and ``SESSION_MAX_HOURS`` after login.

    Activity is any request except the page's own background polling (the notification bell, print
    progress), whose URLs carry ``?poll=1``: a tab left open must not keep the session alive. The times live
    in the session (epoch seconds); the last-activity stamp is written at most
    once a minute to spare the session store.
    """

    def middleware(request):
        if not request.user.is_authenticated:
            return get_response(request)
        now = int(time.time())
        session = request.session
        login_pada = session.setdefault(SESSION_LOGIN, now)
        aktif_pada = session.get(SESSION_AKTIF, now)
        if now - aktif_pada > settings.SESSION_IDLE_MINUTES * 60:
            return _expired(
                request,
                _("Sesi Anda berakhir karena tidak ada aktivitas selama %(n)d menit. Silakan masuk lagi.")
                % {"n": settings.SESSION_IDLE_MINUTES},
            )
        if now - login_pada > settings.SESSION_MAX_HOURS * 3600:
            return _expired(
                request,
                _("Sesi Anda berakhir setelah %(n)d jam. Silakan masuk lagi.") % {"n": settings.SESSION_MAX_HOURS},
            )
        if request.GET.get(POLL_PARAM) != "1" and (SESSION_AKTIF not in session or now - aktif_pada >= 60):
            session[SESSION_AKTIF] = now
        return get_response(request)

    return middleware


def _expired(request, pesan: str):
    next_url = request.get_full_path() if request.method == "GET" and not is_htmx(request) else reverse("home")
    logout(request)
    messages.info(request, pesan)
    if is_htmx(request):  # a partial would put the login form inside the bell; send the whole tab there
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse(settings.LOGIN_URL)
        return response
    return redirect_to_login(next_url)


def private_cache(get_response):
    """``Cache-Control: private, no-store`` on every response to a logged-in user, unless the view set its own.

    Personal data must not stay in a shared cache or in the browser's history after logout. Static files
    are answered by WhiteNoise before this middleware and keep their long caching.
    """

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response

    return middleware
