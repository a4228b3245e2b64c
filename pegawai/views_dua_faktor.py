"""Two-factor pages: set up / turn off TOTP (HR, staff, superuser) and the code step after the password."""
from base64 import b32encode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login

from . import dua_faktor as df


class KodeForm(forms.Form):
    kode = forms.CharField(
        label=gettext_lazy("Kode 6 angka dari aplikasi autentikator"), max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _periksa(request, form, device) -> bool:
    ok, throttled = df.cek_kode(request.user, device, form.cleaned_data["kode"])
    if throttled:
        form.add_error("kode", _("Terlalu banyak kode salah. Tunggu sebentar, lalu coba lagi."))
    elif not ok:
        form.add_error("kode", _("Kode salah atau sudah kedaluwarsa."))
    return ok


@login_required
def dua_faktor(request):
    """Turn two-factor login on (scan, confirm with a code) or off (with a current code)."""
    if not df.boleh_dua_faktor(request.user):
        raise PermissionDenied
    aktif = df.perangkat_aktif(request.user)
    form = KodeForm(request.POST or None)
    if aktif is not None:
        if request.method == "POST" and form.is_valid() and _periksa(request, form, aktif):
            df.dua_faktor_matikan(user=request.user, oleh=request.user)
            request.session[df.SESI_PERLU] = False
            messages.success(request, _("Verifikasi dua langkah dimatikan."))
            return redirect("dua-faktor")
        return render(request, "registration/dua_faktor.html", {"aktif": aktif, "form": form})
    device = df.perangkat_baru(request.user)
    if request.method == "POST" and form.is_valid() and _periksa(request, form, device):
        df.dua_faktor_aktifkan(user=request.user, device=device)
        otp_login(request, device)
        request.session[df.SESI_PERLU] = True
        messages.success(
            request, _("Verifikasi dua langkah aktif. Setiap kali masuk, Anda akan diminta kode dari aplikasi.")
        )
        return redirect("dua-faktor")
    kunci = b32encode(device.bin_key).decode()
    return render(
        request,
        "registration/dua_faktor.html",
        {
            "form": form,
            "qr": df.qr_svg(device),
            "kunci": " ".join(kunci[i : i + 4] for i in range(0, len(kunci), 4)),
        },
    )


@login_required
def dua_faktor_verifikasi(request):
    """The second step of logging in for an account with two-factor login on."""
    tujuan = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        tujuan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        tujuan = ""
    if not df.perlu_verifikasi(request):
        return redirect(tujuan or "home")
    device = df.perangkat_aktif(request.user)
    form = KodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _periksa(request, form, device):
        otp_login(request, device)
        return redirect(tujuan or "home")
    return render(request, "registration/dua_faktor_verifikasi.html", {"form": form, "next": tujuan})
