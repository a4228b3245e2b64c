"""The penilai's side: team × period table, feedback (htmx autosave), ratings, return, finalise."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import error_message, error_text, is_htmx, paginate, tahun_param
from pegawai.access import peran
from penilaian.access import get_penilaian_for
from penilaian.models import PerilakuKerja, RencanaHasilKerja
from penilaian.predikat import Predikat

from .. import selectors, services
from ..forms import KembalikanForm, RatingForm, UmpanBalikForm
from .common import rating_card_context, render_detail


@login_required
def bawahan(request):
    r = peran(request.user)
    if r.pegawai is None:
        raise PermissionDenied
    tahun = tahun_param(request)
    qs = selectors.team_pegawai(request.user, tahun)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q))
    page_obj = paginate(request, qs)
    tim = selectors.team_table(request.user, tahun, page_obj)
    periodes = []
    for t in tim:
        for b in t.baris:
            for sel in b.sel:
                if sel.periode not in periodes:
                    periodes.append(sel.periode)
    periodes = selectors.urut_periode(periodes)
    return render(request, "penilaian/evaluasi/bawahan.html", {
        "tahun": tahun, "page_obj": page_obj, "tim": tim, "periodes": periodes, "q": q,
    })


@login_required
@require_POST
def umpan_balik(request, pk):
    """Save one feedback item as it is typed (htmx) or with the page's save button."""
    penilaian = get_penilaian_for(request.user, pk, as_penilai=True)
    form = UmpanBalikForm(request.POST)
    if not form.is_valid():
        return _ub_response(request, penilaian, ok=False, pesan=_("Isian umpan balik tidak valid."))
    jenis, _sep, target_pk = form.cleaned_data["target"].partition("-")
    target = {"rhk": get_object_or_404(RencanaHasilKerja, pk=target_pk, skp_id=penilaian.skp_id)} if jenis == "rhk" \
        else {"perilaku": get_object_or_404(PerilakuKerja, pk=target_pk)}
    try:
        services.umpan_balik_save(penilaian=penilaian, versi=form.cleaned_data["versi"], oleh=request.user,
                                  frasa=form.cleaned_data["frasa"], teks=form.cleaned_data["teks"], **target)
    except ValidationError as exc:
        penilaian.refresh_from_db(fields=["versi"])
        return _ub_response(request, penilaian, ok=False, pesan=error_text(exc))
    return _ub_response(request, penilaian, ok=True, pesan=_("Tersimpan."))


def _ub_response(request, penilaian, *, ok: bool, pesan: str):
    if is_htmx(request):
        return render(request, "penilaian/evaluasi/_ub_status.html",
                      {"ok": ok, "pesan": pesan, "penilaian": penilaian}, status=200)
    (messages.success if ok else messages.error)(request, pesan)
    return redirect("penilaian:evaluasi-detail", penilaian.pk)


def _rating_form(request, penilaian, data=None):
    tetap, _capaian = services.rating_hasil_pimpinan(penilaian)
    return RatingForm(request.POST if data is None else data, rating_tetap=tetap)


def _rating_gagal(request, penilaian, exc: ValidationError):
    """After a refusal the card shows the choice the penilai made, against the current version."""
    penilaian.refresh_from_db()
    data = request.POST.copy()
    data["versi"] = penilaian.versi
    return error_text(exc), _rating_form(request, penilaian, data)


def _rating_response(request, penilaian, form, error: str, *, saved_message: str, status: int = 400):
    if is_htmx(request):
        ctx = rating_card_context(request, penilaian, rating_form=form)
        ctx.update(rating_error=error, rating_saved=not error)
        return render(request, "penilaian/evaluasi/_rating.html", ctx)
    if error:
        messages.error(request, error)
        return render_detail(request, penilaian, status=status, rating_form=form)
    messages.success(request, saved_message)
    return redirect("penilaian:evaluasi-detail", penilaian.pk)


@login_required
@require_POST
def rating(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_penilai=True)
    form = _rating_form(request, penilaian)
    error = ""
    if form.is_valid():
        try:
            services.penilaian_rate(penilaian=penilaian, versi=form.cleaned_data["versi"], oleh=request.user,
                                    rating_hasil=form.cleaned_data["rating_hasil"],
                                    rating_perilaku=form.cleaned_data["rating_perilaku"])
        except ValidationError as exc:
            error, form = _rating_gagal(request, penilaian, exc)
            status = 409 if isinstance(exc, services.KonflikVersi) else 400
        else:
            form, status = None, 200
    else:
        error, status = _("Pilihan rating tidak valid."), 400
    return _rating_response(request, penilaian, form, error, saved_message=_("Rating tersimpan."), status=status)


@login_required
@require_POST
def finalisasi(request, pk):
    """*Finalkan* is a button of the rating form: the ratings on screen are saved and finalised in one
    transaction (style.md §13), so the record never holds an older choice than the one confirmed."""
    penilaian = get_penilaian_for(request.user, pk, as_penilai=True)
    form = _rating_form(request, penilaian)
    if not form.is_valid():
        return _rating_response(request, penilaian, form, _("Pilihan rating tidak valid."), saved_message="")
    try:
        services.penilaian_finalize(penilaian=penilaian, versi=form.cleaned_data["versi"], oleh=request.user,
                                    rating_hasil=form.cleaned_data["rating_hasil"],
                                    rating_perilaku=form.cleaned_data["rating_perilaku"])
    except ValidationError as exc:
        error, form = _rating_gagal(request, penilaian, exc)
        return _rating_response(request, penilaian, form, error, saved_message="",
                                status=409 if isinstance(exc, services.KonflikVersi) else 400)
    messages.success(request, _("Penilaian difinalkan dengan predikat %(predikat)s.")
                     % {"predikat": Predikat(penilaian.predikat).label})
    url = reverse("penilaian:evaluasi-detail", args=[pk])
    if is_htmx(request):
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


def _versi_action(request, pk, service, form_class, sukses: str, **extra):
    penilaian = get_penilaian_for(request.user, pk, as_penilai=True)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("penilaian:evaluasi-detail", pk)
    kwargs = {k: v for k, v in form.cleaned_data.items() if k != "versi"}
    try:
        service(penilaian=penilaian, versi=form.cleaned_data["versi"], oleh=request.user, **kwargs)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, sukses)
    return redirect("penilaian:evaluasi-detail", pk)


@login_required
@require_POST
def kembalikan(request, pk):
    pesan = _("Penilaian dikembalikan ke pegawai.")
    return _versi_action(request, pk, services.penilaian_return, KembalikanForm, pesan)
