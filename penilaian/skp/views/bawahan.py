"""Supervisor screens: "SKP bawahan" queue, approve/return (one or several), Matriks peran hasil (issue 3 §5)."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import id_list, paginate, tahun_param
from pegawai import access as pegawai_access

from ...access import get_skp_for, skp_to_approve
from ...models import Skp
from .. import selectors, services
from ..forms import EkspektasiForm, QueueFilterForm, ReturnForm
from .common import form_errors, show_errors

MATRIKS_BARIS = 50  # subordinates per page: a Sekda may have hundreds


@login_required
def skp_queue(request):
    """SKP of the people I appraise (as penilai or acting penilai), newest submissions first."""
    if pegawai_access.peran(request.user).pegawai is None:
        raise PermissionDenied
    data = request.GET.copy()
    data.setdefault("status", Skp.Status.DIAJUKAN)
    form = QueueFilterForm(data)
    qs = skp_to_approve(request.user).annotate(n_rhk=Count("rhk"))
    if form.is_valid():
        f = form.cleaned_data
        if f["status"]:
            qs = qs.filter(status=f["status"])
        if f["tahun"]:
            qs = qs.filter(tahun=f["tahun"])
        if f["q"]:
            qs = qs.filter(Q(pegawai__nama__icontains=f["q"]) | Q(pegawai__nip__startswith=f["q"]))
    page = paginate(request, qs.order_by("diajukan_pada", "pegawai__nama", "pk"))
    return render(
        request, "penilaian/skp/queue.html", {"form": form, "page_obj": page, "DIAJUKAN": Skp.Status.DIAJUKAN}
    )


@login_required
@require_POST
def skp_bulk_approve(request):
    ids = id_list(request.POST.getlist("skp"))
    skps = list(skp_to_approve(request.user).filter(pk__in=ids))
    if not skps:
        messages.warning(request, _("Pilih minimal satu SKP yang akan disetujui."))
        return redirect("penilaian:skp-queue")
    hasil = services.skp_bulk_approve(skps=skps, oleh=request.user)
    if hasil.disetujui:
        messages.success(request, _("%(n)s SKP disetujui.") % {"n": len(hasil.disetujui)})
    for skp, pesan in hasil.gagal:
        messages.error(request, f"{skp.pegawai.nama_lengkap}: {pesan}")
    return redirect("penilaian:skp-queue")


@login_required
@require_POST
def skp_approve(request, pk):
    skp = get_skp_for(request.user, pk, approve=True)
    form = EkspektasiForm(request.POST, perilaku=selectors.perilaku_with_ekspektasi(skp))
    if not form.is_valid():
        form_errors(request, form)
        return redirect("penilaian:skp-detail", skp.pk)
    try:
        services.skp_approve(skp=skp, oleh=request.user, ekspektasi=form.ekspektasi())
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("penilaian:skp-detail", skp.pk)
    messages.success(request, _("SKP %(nama)s disetujui.") % {"nama": skp.pegawai.nama_lengkap})
    return redirect("penilaian:skp-queue")


@login_required
@require_POST
def skp_return(request, pk):
    skp = get_skp_for(request.user, pk, approve=True)
    form = ReturnForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Tuliskan catatan pengembalian agar pegawai tahu apa yang harus diperbaiki."))
        services.skp_return(skp=skp, catatan=form.cleaned_data["catatan"], oleh=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("penilaian:skp-detail", skp.pk)
    messages.success(request, _("SKP %(nama)s dikembalikan dengan catatan.") % {"nama": skp.pegawai.nama_lengkap})
    return redirect("penilaian:skp-queue")


@login_required
def skp_matriks(request):
    """Matriks peran hasil: my RHK × my subordinates (domain.md §1.4)."""
    me = pegawai_access.peran(request.user).pegawai
    if me is None:
        raise PermissionDenied
    tahun = tahun_param(request)
    bawahan = pegawai_access.bawahan_of(me)
    page = paginate(request, bawahan.select_related("jabatan").order_by("nama", "pk"), MATRIKS_BARIS)
    matriks = selectors.matriks_peran_hasil(me, bawahan, tahun, people=list(page.object_list))
    return render(request, "penilaian/skp/matriks.html", {
        "m": matriks, "page_obj": page, "tahun": tahun, "me": me,
        "tahun_list": range(date.today().year + 1, date.today().year - 3, -1),
    })
