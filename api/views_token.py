"""Pages to issue and revoke API tokens: HR for its instansi, every pegawai for themselves."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from pegawai import access
from pegawai.models import Instansi

from . import services
from .forms import TokenForm
from .models import TokenIntegrasi


def _tokens_of(user):
    """Instansi tokens for HR of that instansi (all for admin), plus the user's own personal tokens."""
    r = access.peran(user)
    q = Q(user=user)
    if r.is_admin:
        q |= Q(user__isnull=True)
    elif r.is_hr:
        q |= Q(user__isnull=True, instansi_id=r.instansi_id)
    return TokenIntegrasi.objects.filter(q).select_related("instansi", "user", "created_by")


def _cek_boleh(user):
    r = access.peran(user)
    if not (r.is_admin or r.is_hr or r.is_pegawai):
        raise Http404
    return r


@login_required
def token_list(request):
    _cek_boleh(request.user)
    return render(request, "api/token_list.html", {"tokens": _tokens_of(request.user)})


@login_required
def token_create(request):
    r = _cek_boleh(request.user)
    boleh_instansi = bool((r.is_hr or r.is_admin) and r.instansi_id)
    form = TokenForm(request.POST or None, boleh_instansi=boleh_instansi)
    if request.method == "POST" and form.is_valid():
        pribadi = form.cleaned_data["jenis"] == "pribadi"
        if not boleh_instansi and not pribadi:
            raise Http404
        if pribadi and r.pegawai is None:
            form.add_error("jenis", _("Token pribadi hanya untuk pengguna yang terhubung dengan data pegawai."))
        else:
            instansi = get_object_or_404(Instansi, pk=r.instansi_id)
            try:
                token, raw = services.token_issue(
                    instansi=instansi, nama=form.cleaned_data["nama"], scopes=form.cleaned_data["scopes"],
                    expires_at=form.expires_at(), oleh=request.user, user=request.user if pribadi else None)
            except ValidationError as exc:
                for field, errs in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errs)
            else:
                response = render(request, "api/token_baru.html", {"token": token, "raw": raw})
                add_never_cache_headers(response)  # the token must not stay in a browser or proxy cache
                return response
    return render(request, "api/token_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def token_revoke(request, pk):
    _cek_boleh(request.user)
    token = get_object_or_404(_tokens_of(request.user), pk=pk)
    if request.method == "POST":
        services.token_revoke(token=token, oleh=request.user)
        messages.success(request, _("Token “%(nama)s” dicabut; aplikasi yang memakainya tidak dapat masuk lagi.")
                         % {"nama": token.nama})
        return redirect("api:token-list")
    return render(request, "api/token_revoke.html", {"token": token})
