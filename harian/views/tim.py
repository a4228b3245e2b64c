"""The supervisor's "Kegiatan tim" feed with inline reactions (htmx) and the silence highlight."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.keyset import keyset_page
from kinerja.web import error_message, error_text, int_param, is_htmx, parse_int
from pegawai import access

from .. import periksa as periksa_services
from .. import selectors, services
from ..filters import KegiatanTimFilter
from ..forms import TanggapanForm
from . import pegawai_required, tim_required

N_HARI_DEFAULT = 3
TIM_DROPDOWN_MAKS = 60
TIM_PER_ANGGOTA_MAKS = 5000  # beyond it (an instansi-sized team) the newest-first walk finds a page sooner


def _n_hari(request) -> int:
    return int_param(request, "n", default=N_HARI_DEFAULT, min_value=1, max_value=30)


@tim_required
def tim(request):
    r = access.peran(request.user)
    tim_qs = selectors.tim_of(request.user)
    # An atasan's team fits in a dropdown; an instansi (HR), or a team of hundreds (a Sekda's), is searched
    # instead: a select of every member and of their every RHK made the page hundreds of KB.
    n_tim = tim_qs.count() if r.is_atasan else None
    small = n_tim is not None and n_tim <= TIM_DROPDOWN_MAKS
    f = KegiatanTimFilter(request.GET, queryset=selectors.kegiatan_tim(tim_qs),
                          tim=tim_qs if small else None, rhk_qs=selectors.rhk_tim(tim_qs) if small else None)
    n = _n_hari(request)
    hari_ini = timezone.localdate()
    # Keyset pages: HR's feed spans the instansi, and a COUNT(*) of it cost more than the page itself.
    # A team (not HR's instansi) is read per member: its cost follows the team, not the instansi.
    per_anggota = n_tim is not None and n_tim <= TIM_PER_ANGGOTA_MAKS
    page_obj = keyset_page(request, f.qs if f.is_valid() else f.queryset.none(), 20,
                           batasi=selectors.teratas_per_anggota(tim_qs) if per_anggota else None)
    for k in page_obj:
        k.tanggapan_form = TanggapanForm.untuk(k, r.pegawai)
    return render(request, "harian/kegiatan_tim.html", {
        "filter": f, "page_obj": page_obj, "n_hari": n, "bisa_tanggapi": r.is_atasan,
        "me": r.pegawai, "belum_melapor": selectors.belum_melapor(tim_qs, n=n, hari_ini=hari_ini) if small else None,
        "hari_kerja": selectors.hari_kerja_terakhir(n, hari_ini),
    })


@require_POST
@pegawai_required
def tanggapi(request, pk):
    kegiatan = selectors.get_kegiatan_for(request.user, pk, tanggapi=True)
    me = access.peran(request.user).pegawai
    form = TanggapanForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.tanggapan_save(kegiatan=kegiatan, atasan=me, tanda=form.cleaned_data["tanda"],
                                    komentar=form.cleaned_data["komentar"], oleh=request.user)
        except ValidationError as e:
            error = error_text(e)
    else:
        error = " ".join(m for errs in form.errors.values() for m in errs)
    if not is_htmx(request):
        (messages.error if error else messages.success)(request, error or _("Tanggapan tersimpan."))
        return redirect("harian:tim")
    kegiatan = selectors.get_kegiatan_for(request.user, pk)  # reload the reactions
    kegiatan.tanggapan_form = TanggapanForm(request.POST, auto_id=False) if error else TanggapanForm.untuk(kegiatan, me)
    return render(request, "harian/_tanggapan.html", {
        "k": kegiatan, "bisa_tanggapi": True, "me": me, "error": error, "tersimpan": not error,
    })


@require_POST
@pegawai_required
def periksa(request):
    """Bulk approve/return of the ticked entries (the atasan's own team only: anything else is a 404)."""
    r = access.peran(request.user)
    if not r.is_atasan:
        raise Http404
    ids = [parse_int(i) for i in request.POST.getlist("ids")]
    if any(i is None for i in ids):
        raise Http404
    aksi = request.POST.get("aksi", "")
    try:
        n = periksa_services.kegiatan_review_bulk(atasan=r.pegawai, ids=ids, aksi=aksi,
                                                  catatan=request.POST.get("catatan", ""), oleh=request.user)
    except ValidationError as e:
        error_message(request, e)
    else:
        if aksi == periksa_services.SETUJUI:
            messages.success(request, _("%(n)d kegiatan disetujui; pegawai diberi tahu.") % {"n": n})
        else:
            messages.success(request, _("%(n)d kegiatan dikembalikan; pegawai diberi tahu.") % {"n": n})
    kembali = request.POST.get("kembali", "")
    if kembali.startswith("/") and url_has_allowed_host_and_scheme(kembali, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(kembali)
    return redirect("harian:tim")
