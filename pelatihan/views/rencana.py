"""Development plan per pegawai per year (PP 11/2017 Pasal 203(5), domain.md §8.1).

The owner, their supervisor and HR may keep the plan; everyone else gets 404.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.audit import audit_for
from kinerja.web import errors_to_form
from pegawai import access

from .. import services
from ..forms import ItemRencanaForm
from ..models import ItemRencana, RencanaPengembangan


@login_required
def rencana(request, pegawai_pk, tahun):
    pegawai = access.get_pegawai_for(request.user, pegawai_pk)
    rencana = (
        RencanaPengembangan.objects.filter(pegawai=pegawai, tahun=tahun)
        .prefetch_related("items__riwayat", "items__rumpun", "items__jenis").first()
    )
    return render(request, "pelatihan/rencana_detail.html", {
        "pegawai": pegawai, "tahun": tahun, "rencana": rencana,
        "audit": audit_for(rencana)[:20] if rencana else [],
    })


@login_required
@require_POST
def rencana_create(request, pegawai_pk, tahun):
    pegawai = access.get_pegawai_for(request.user, pegawai_pk)
    if not 2000 <= tahun <= 2100:
        raise Http404
    services.rencana_get_or_create(pegawai=pegawai, tahun=tahun, oleh=request.user)
    messages.success(
        request, _("Rencana pengembangan %(t)d dibuat. Tambahkan kompetensi yang akan dikembangkan.") % {"t": tahun}
    )
    return redirect("pelatihan:rencana", pegawai_pk=pegawai.pk, tahun=tahun)


@login_required
def item_edit(request, pegawai_pk, tahun, pk=None):
    pegawai = access.get_pegawai_for(request.user, pegawai_pk)
    rencana = get_object_or_404(RencanaPengembangan, pegawai=pegawai, tahun=tahun)
    item = get_object_or_404(ItemRencana, rencana=rencana, pk=pk) if pk else None
    form = ItemRencanaForm(request.POST or None, instance=item, pegawai=pegawai)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "riwayat"}
        try:
            services.item_save(
                rencana=rencana, item=item, data=data, riwayat=form.cleaned_data["riwayat"], oleh=request.user
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Item rencana disimpan."))
            return redirect("pelatihan:rencana", pegawai_pk=pegawai.pk, tahun=tahun)
    return render(
        request, "pelatihan/item_form.html", {"form": form, "pegawai": pegawai, "rencana": rencana, "item": item}
    )
