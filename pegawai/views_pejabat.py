"""HR pages for the edges of the appraisal chain (domain.md §1.2, §11.1): non-ASN officials who appraise
the top of the tree (Kepala Daerah, Menteri), and delegations of the Pejabat Penilai Kinerja's authority
to someone below pejabat pengawas (PermenPANRB 6/2022 Pasal 1)."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kinerja.web import errors_to_form, paginate

from . import services_pejabat
from .decorators import hr_required, instansi_for
from .forms import NipAtasanField
from .models import DelegasiPenilai, Pegawai, PejabatNonAsn


class PejabatNonAsnForm(forms.ModelForm):
    class Meta:
        model = PejabatNonAsn
        fields = ["nama", "jabatan", "aktif"]


def _tanggal(label, required=True, **kw):
    # ISO in the widget: an <input type=date> never takes a localised value
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs={"type": "date"},
                                                                                  format="%Y-%m-%d"), **kw)


class DelegasiForm(forms.Form):
    nip = NipAtasanField(label=_lazy("NIP pegawai yang diberi delegasi"), required=True)
    dasar = forms.CharField(label=_lazy("Dasar pendelegasian"), max_length=255)
    nomor_sk = forms.CharField(label=_lazy("Nomor SK"), max_length=100)
    tanggal_mulai = _tanggal(_lazy("Tanggal mulai"))
    tanggal_selesai = _tanggal(_lazy("Tanggal selesai"), required=False,
                               help_text=_lazy("Kosongkan bila belum ditentukan."))

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi = instansi

    def clean_nip(self):
        nip = (self.cleaned_data.get("nip") or "").strip()
        pegawai = Pegawai.objects.filter(nip=nip, aktif=True, unit_kerja__instansi=self.instansi).first()
        if pegawai is None:
            raise ValidationError(_("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi ini.") % {"nip": nip})
        return pegawai


@hr_required
def pejabat_list(request):
    """Non-ASN officials of the instansi, and a form to add one."""
    instansi = instansi_for(request)
    form = PejabatNonAsnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pejabat = form.save(commit=False)
        pejabat.instansi = instansi
        try:
            services_pejabat.pejabat_non_asn_save(pejabat=pejabat, oleh=request.user, created=True)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Pejabat non-ASN %(nama)s disimpan.") % {"nama": pejabat.nama})
            return redirect("pegawai:pejabat-list")
    qs = PejabatNonAsn.objects.filter(instansi=instansi).order_by("-aktif", "nama", "pk")
    return render(request, "pegawai/pejabat_non_asn_list.html",
                  {"instansi": instansi, "form": form, "page_obj": paginate(request, qs)})


@hr_required
def pejabat_edit(request, pk):
    instansi = instansi_for(request)
    pejabat = get_object_or_404(PejabatNonAsn.objects.filter(instansi=instansi), pk=pk)
    form = PejabatNonAsnForm(request.POST or None, instance=pejabat)
    if request.method == "POST" and form.is_valid():
        try:
            services_pejabat.pejabat_non_asn_save(pejabat=form.save(commit=False), oleh=request.user, created=False)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Pejabat non-ASN %(nama)s disimpan.") % {"nama": pejabat.nama})
            return redirect("pegawai:pejabat-list")
    return render(request, "pegawai/pejabat_non_asn_form.html", {"instansi": instansi, "form": form,
                                                                 "pejabat": pejabat})


@hr_required
def delegasi_list(request):
    """Recorded delegations of the penilai's authority, and a form to record one."""
    instansi = instansi_for(request)
    today = timezone.localdate()
    form = DelegasiForm(request.POST or None, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services_pejabat.delegasi_add(instansi=instansi, pegawai=d["nip"], dasar=d["dasar"], nomor_sk=d["nomor_sk"],
                                          mulai=d["tanggal_mulai"], selesai=d["tanggal_selesai"], oleh=request.user)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Delegasi untuk %(nama)s disimpan.") % {"nama": d["nip"].nama})
            return redirect("pegawai:delegasi-list")
    qs = DelegasiPenilai.objects.filter(instansi=instansi).select_related("pegawai", "pegawai__jabatan")
    if request.GET.get("semua") != "1":
        qs = qs.exclude(tanggal_selesai__lt=today)
    return render(request, "pegawai/delegasi_list.html", {
        "instansi": instansi, "form": form, "today": today,
        "page_obj": paginate(request, qs.order_by("-tanggal_mulai", "-pk")),
    })


@hr_required
def delegasi_end(request, pk):
    instansi = instansi_for(request)
    delegasi = get_object_or_404(DelegasiPenilai.objects.filter(instansi=instansi), pk=pk)
    if request.method == "POST":
        services_pejabat.delegasi_end(delegasi=delegasi, oleh=request.user)
        messages.success(request, _("Delegasi %(nama)s diakhiri hari ini.") % {"nama": delegasi.pegawai.nama})
    return redirect("pegawai:delegasi-list")
