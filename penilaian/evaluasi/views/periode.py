"""HR: evaluation periods per instansi and year, and unlocking a period for one pegawai (domain.md §3.1)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.audit import audit_for
from kinerja.once import submit_once
from kinerja.web import error_message, errors_to_form, tahun_param
from pegawai.access import pegawai_managed_by, peran
from pegawai.decorators import hr_required, instansi_for
from penilaian.models import BukaKunci, Periode

from .. import selectors
from ..forms import BukaKunciForm, PeriodeForm, PeriodeSetForm
from ..periode import buka_kunci_create, periode_create_standard_set, periode_save


def _periode_for(request, pk) -> Periode:
    """A period of an instansi the HR user manages; 404 otherwise."""
    r = peran(request.user)
    qs = Periode.objects.select_related("instansi")
    if not r.is_admin:
        qs = qs.filter(instansi_id=r.instansi_id)
    try:
        return qs.get(pk=pk)
    except (Periode.DoesNotExist, ValueError):
        raise Http404 from None


def _list_url() -> str:
    return reverse("penilaian:evaluasi-periode-list")


@hr_required
def periode_list(request):
    instansi, tahun = instansi_for(request), tahun_param(request)
    periodes = selectors.periode_of_year(instansi.pk, tahun) if instansi else []
    return render(request, "penilaian/evaluasi/periode_list.html", {
        "instansi": instansi, "tahun": tahun, "periodes": periodes,
        "set_form": PeriodeSetForm(initial={"tahun": tahun, "akhir": True, "hari_batas": 10, "jenis": "TRIWULANAN"}),
    })


@hr_required
@require_POST
@submit_once
def periode_set(request):
    instansi = instansi_for(request)
    form = PeriodeSetForm(request.POST)
    if form.is_valid():
        try:
            baru = periode_create_standard_set(instansi=instansi, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            if baru:
                messages.success(request, _("%(n)d periode dibuat.") % {"n": len(baru)})
            else:
                messages.info(request, _("Semua periode set ini sudah ada; tidak ada yang ditambahkan."))
    else:
        messages.error(request, _("Isian set periode tidak valid."))
    tahun = form.cleaned_data.get("tahun") if form.is_valid() else ""
    return redirect(f"{_list_url()}?tahun={tahun}&instansi={instansi.pk}")


@hr_required
def periode_edit(request, pk=None):
    instansi = instansi_for(request)
    periode = _periode_for(request, pk) if pk else Periode(instansi=instansi, tahun=tahun_param(request))
    form = PeriodeForm(request.POST or None, instance=periode)
    if request.method == "POST" and form.is_valid():
        try:
            periode = periode_save(periode=form.save(commit=False), oleh=request.user)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Periode %(p)s disimpan.") % {"p": periode})
            return redirect(f"{_list_url()}?tahun={periode.tahun}&instansi={periode.instansi_id}")
    return render(request, "penilaian/evaluasi/periode_form.html", {"form": form, "periode": periode,
                                                                     "instansi": periode.instansi})


@hr_required
def buka_kunci(request, pk):
    periode = _periode_for(request, pk)
    form = BukaKunciForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pegawai = pegawai_managed_by(request.user).filter(nip=form.cleaned_data["nip"].strip()).first()
        if pegawai is None:
            form.add_error("nip", _("Pegawai dengan NIP ini tidak ditemukan di instansi Anda."))
        else:
            try:
                buka_kunci_create(periode=periode, pegawai=pegawai, alasan=form.cleaned_data["alasan"],
                                  berlaku_sampai=form.cleaned_data["berlaku_sampai"], oleh=request.user)
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                messages.success(
                    request, _("Kunci periode %(p)s dibuka untuk %(n)s.") % {"p": periode, "n": pegawai.nama}
                )
                return redirect(request.path)
    bukaan = BukaKunci.objects.filter(periode=periode).select_related("pegawai", "dibuat_oleh")[:200]
    return render(
        request,
        "penilaian/evaluasi/buka_kunci.html",
        {
            "periode": periode,
            "form": form,
            "bukaan": bukaan,
            "audit": audit_for(periode)[:50],
        },
    )
