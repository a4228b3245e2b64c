"""Request middleware of the project."""


def indonesian_by_default(get_response):
    """Serve Indonesian unless the user picked another language with the switch (cookie or session).

    Browsers in Indonesian offices often announce English first; the browser's Accept-Language
    must not turn the interface English by itself. Goes before LocaleMiddleware.
    """

    def middleware(request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
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
        if request.headers.get("HX-Request"):
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
