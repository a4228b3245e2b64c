"""Account pages: HR's account actions on a pegawai, login lockout page, password change."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from kinerja.web import error_message

from . import access, sso
from .decorators import hr_required
from .forms_akun import GantiSandiForm, LoginForm
from .services_akun import akun_issue_password, akun_password_changed, akun_unlock

# The temporary password waits here, server-side, for the one page that shows it (never in a cookie).
SESI_SANDI_BARU = "kinerja_sandi_sementara"


def _tolak(request, exc: PermissionDenied):
    return render(request, "403.html", {"exception": str(exc)}, status=403)


@hr_required
def pegawai_akun(request, pk):
    """HR creates the login of a pegawai or resets its password; the temporary password is shown once."""
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    if request.method != "POST":
        return redirect("pegawai:detail", pk=pegawai.pk)
    try:
        user, password, created = akun_issue_password(pegawai=pegawai, oleh=request.user)
    except PermissionDenied as exc:
        return _tolak(request, exc)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        request.session[SESI_SANDI_BARU] = {
            "pegawai": pegawai.pk, "username": user.username, "password": password, "dibuat": created,
            "jam": settings.KINERJA["SANDI_SEMENTARA_JAM"],
        }
    return redirect("pegawai:detail", pk=pegawai.pk)


def sandi_baru_untuk(request, pegawai) -> dict | None:
    """Take (once) the temporary password HR just set for ``pegawai``, to render it in the page body."""
    data = request.session.get(SESI_SANDI_BARU)
    if not data or data.get("pegawai") != pegawai.pk:
        return None
    del request.session[SESI_SANDI_BARU]
    return data


@hr_required
def pegawai_buka_kunci(request, pk):
    """HR (for its instansi's pegawai) or admin lifts a login lockout after failed attempts."""
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    if request.method != "POST":
        return redirect("pegawai:detail", pk=pegawai.pk)
    try:
        akun_unlock(pegawai=pegawai, oleh=request.user)
    except PermissionDenied as exc:
        return _tolak(request, exc)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(
            request, _("Kunci akun %(u)s dibuka; pegawai dapat mencoba masuk lagi.") % {"u": pegawai.user.username}
        )
    return redirect("pegawai:detail", pk=pegawai.pk)


def login_terkunci(request, original_response=None, credentials=None):
    """django-axes lockout response: the login page again, with how long to wait (HTTP 429)."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    menit = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    if menit:
        pesan = _(
            "Terlalu banyak percobaan masuk yang gagal. Masuk dikunci sementara; coba lagi dalam "
            "%(menit)s menit, atau minta Admin Kepegawaian membuka kuncinya."
        ) % {"menit": menit}
    else:
        pesan = _("Terlalu banyak percobaan masuk yang gagal. Minta Admin Kepegawaian membuka kunci akun Anda.")
    form = LoginForm(request, initial={"username": (credentials or {}).get("username", "")})
    return render(
        request,
        "registration/login.html",
        {
            "form": form,
            "pesan_terkunci": pesan,
            "next": request.POST.get("next", ""),
            "sso_aktif": sso.aktif(),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class GantiSandiView(auth_views.PasswordChangeView):
    """Password change; choosing a new password ends the temporary-password state."""

    form_class = GantiSandiForm
    success_url = reverse_lazy("password_change_done")

    def get_context_data(self, **kwargs):
        from .dua_faktor import boleh_dua_faktor

        return {**super().get_context_data(**kwargs), "boleh_dua_faktor": boleh_dua_faktor(self.request.user)}

    def form_valid(self, form):
        response = super().form_valid(form)
        akun_password_changed(user=form.user)
        return response
