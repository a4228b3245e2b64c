"""HR pages for perjanjian kerja PPPK / PPPK Paruh Waktu (domain.md §7.6, §11.1): the contracts of one
pegawai with a form for the next one, and the contracts ending soon with the renewal recommendation."""
import csv
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.ekspor import sel_aman
from kinerja.web import error_message, errors_to_form, id_param, int_param, paginate
from pegawai import access
from pegawai.decorators import hr_required, instansi_for

from . import selectors, services
from .forms import BatalForm, PerjanjianForm
from .models import PerjanjianKerja
from .rules import akhir_satu_tahun, tahun_kontrak


def _initial(terakhir: PerjanjianKerja | None) -> dict:
    """The next contract starts the day after the last one and lasts a year (§11.1)."""
    mulai = terakhir.tanggal_selesai + timedelta(days=1) if terakhir else timezone.localdate()
    return {"tanggal_mulai": mulai, "tanggal_selesai": akhir_satu_tahun(mulai),
            "target_kinerja": terakhir.target_kinerja if terakhir else ""}


@hr_required
def pegawai_kontrak(request, pk):
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    daftar = selectors.perjanjian_of(pegawai)
    terakhir = daftar.filter(status=PerjanjianKerja.Status.BERLAKU).first()
    is_pppk = pegawai.is_pppk
    form = PerjanjianForm(request.POST or None, initial=_initial(terakhir)) if is_pppk else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            k = services.perjanjian_create(pegawai=pegawai, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Perjanjian kerja %(nomor)s (%(jenis)s) disimpan.") % {
                "nomor": k.nomor, "jenis": k.get_jenis_display()})
            return redirect("kontrak:pegawai", pegawai.pk)
    hari_ini = timezone.localdate()
    berlaku = daftar.pada(hari_ini).first()
    return render(request, "kontrak/pegawai_kontrak.html", {
        "pegawai": pegawai, "page_obj": paginate(request, daftar), "form": form, "is_pppk": is_pppk,
        "berlaku": berlaku, "hari_ini": hari_ini, "bisa_batal": list(daftar.berlaku()[:50]),
        "tahun_kontrak": tahun_kontrak(berlaku.tanggal_mulai, berlaku.tanggal_selesai, hari_ini) if berlaku else None,
    })


@hr_required
def kontrak_batal(request, pk):
    """Cancel one of the pegawai's contracts (``perjanjian`` = its id, ``alasan`` required); POST only."""
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    if request.method == "POST":
        perjanjian = get_object_or_404(PerjanjianKerja.objects.filter(pegawai=pegawai).select_related("pegawai"),
                                       pk=id_param(request, "perjanjian", source=request.POST))
        form = BatalForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Tuliskan alasan pembatalan perjanjian kerja."))
            services.perjanjian_cancel(perjanjian=perjanjian, alasan=form.cleaned_data["alasan"], oleh=request.user)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Perjanjian kerja %(nomor)s dibatalkan.") % {"nomor": perjanjian.nomor})
    return redirect("kontrak:pegawai", pegawai.pk)


@hr_required
def kontrak_berakhir(request):
    """Contracts ending within ``?hari=`` days (90 by default) with the §11.1 recommendation; ``?format=csv``."""
    instansi = instansi_for(request)
    if instansi is None:
        raise Http404
    hari = int_param(request, "hari", default=selectors.HARI_BAWAAN, min_value=1, max_value=selectors.HARI_MAKS)
    hari_ini = timezone.localdate()
    pegawai_qs = access.pegawai_managed_by(request.user).filter(unit_kerja__instansi=instansi)
    qs = selectors.berakhir_dalam(pegawai_qs, hari=hari, hari_ini=hari_ini)
    if request.GET.get("format") == "csv":
        return _csv(selectors.rekomendasi_rows(list(qs)), instansi, hari)
    page_obj = paginate(request, qs)
    ada_pw = pegawai_qs.filter(status="PPPK_PW", aktif=True).exists()
    tanpa = selectors.tanpa_kontrak(pegawai_qs, hari_ini=hari_ini)
    return render(request, "kontrak/berakhir.html", {
        "instansi": instansi, "hari": hari, "page_obj": page_obj, "hari_ini": hari_ini,
        "tanpa_kontrak": paginate(request, tanpa, param="tanpa"),
        "rows": selectors.rekomendasi_rows(list(page_obj)),
        "periode_kurang": selectors.periode_pppk_pw_kurang(instansi.pk, hari_ini.year) if ada_pw else [],
    })


def _csv(rows, instansi, hari) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="perjanjian-kerja-{instansi.kode}-{hari}-hari.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    w = csv.writer(response)
    w.writerow([_("NIP"), _("Nama"), _("Status"), _("Unit kerja"), _("Nomor perjanjian kerja"), _("Tanggal selesai"),
                _("Predikat tahunan"), _("Predikat triwulan"), _("Rekomendasi"), _("Alasan")])
    for r in rows:
        k, p = r.perjanjian, r.perjanjian.pegawai
        w.writerow([sel_aman(v) for v in (
            p.nip, p.nama_lengkap, p.get_status_display(), p.unit_kerja.nama, k.nomor, k.tanggal_selesai.isoformat(),
            r.tahunan.label if r.tahunan else "", "; ".join(f"{n}: {x.label}" for n, x in r.triwulan),
            r.saran.rekomendasi.label, r.saran.alasan)])
    return response
