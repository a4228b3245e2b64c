"""Search pegawai by name or NIP for the person pickers (atasan, kepala unit, Plt/Plh, mutasi).

JSON for static/js/cari_pegawai.js; the NIP input it enhances still works without script. Scoped by
the access module (``pegawai_searchable_by``): HR finds the active pegawai of its own instansi, an admin
everyone, an atasan (inviting peers) its instansi; a plain pegawai gets 403.
"""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from kinerja.web import int_param

from . import access

PER_HALAMAN = 20


def cari_pegawai_qs(scope, q: str):
    q = " ".join(q.split())
    if len(q) < 2:
        return None
    qs = scope.select_related("unit_kerja__parent", "jabatan")
    digits = q.replace(" ", "")
    if digits.isascii() and digits.isdecimal():  # a NIP as printed, with or without its spaces
        return qs.filter(nip__startswith=digits).order_by("nip")
    cond = Q()
    for word in q.split()[:5]:
        cond &= Q(nama__icontains=word)
    return qs.filter(cond).order_by("nama", "nip")


@require_GET
@login_required
def cari_pegawai(request):
    scope = access.pegawai_searchable_by(request.user)
    if scope is None:
        raise PermissionDenied
    qs = cari_pegawai_qs(scope, request.GET.get("q", "")[:100])
    if qs is None:
        return JsonResponse({"results": [], "page": 1, "has_next": False})
    page = Paginator(qs, PER_HALAMAN).get_page(int_param(request, "page", default=1, min_value=1, max_value=500))
    return JsonResponse({
        "results": [
            {"nip": p.nip, "nama": p.nama_lengkap, "jabatan": str(p.jabatan) if p.jabatan_id else "",
             "unit": p.unit_kerja.label_lengkap}
            for p in page
        ],
        "page": page.number,
        "has_next": page.has_next(),
    })
