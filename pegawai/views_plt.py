"""HR pages for acting officials (Plt/Plh): a dated assignment that makes someone the acting head and
pejabat penilai of a unit (domain.md §7.5)."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kinerja.web import errors_to_form, paginate

from . import access, services
from .decorators import hr_required, instansi_for
from .forms import NipAtasanField
from .models import Pegawai, PenugasanPlt, UnitKerja
from .unit_label import UnitChoiceField


class PltForm(forms.Form):
    nip = NipAtasanField(label=_lazy("NIP pejabat Plt/Plh"), required=True)
    unit_kerja = UnitChoiceField(label=_lazy("Unit kerja yang dipimpin"), queryset=UnitKerja.objects.none())
    jenis = forms.ChoiceField(label=_lazy("Jenis"), choices=PenugasanPlt.Jenis.choices)
    # ISO in the widget: an <input type=date> never takes a localised value
    tanggal_mulai = forms.DateField(label=_lazy("Tanggal mulai"),
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    tanggal_selesai = forms.DateField(label=_lazy("Tanggal selesai"), required=False,
                                      widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                      help_text=_lazy("Kosongkan bila belum ditentukan."))
    nomor_sk = forms.CharField(label=_lazy("Nomor SK/surat perintah"), max_length=100, required=False)

    def __init__(self, *args, units, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_kerja"].queryset = units
        self.instansi = instansi

    def clean_nip(self):
        nip = (self.cleaned_data.get("nip") or "").strip()
        pegawai = Pegawai.objects.filter(nip=nip, aktif=True, unit_kerja__instansi=self.instansi).first()
        if pegawai is None:
            raise ValidationError(_("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi ini.") % {"nip": nip})
        return pegawai

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("tanggal_mulai"), data.get("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("tanggal_selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


def _scope(request):
    instansi = instansi_for(request)
    units = access.units_managed_by(request.user).filter(instansi=instansi, aktif=True)
    return instansi, units


@hr_required
def plt_list(request):
    instansi, units = _scope(request)
    today = timezone.localdate()
    qs = PenugasanPlt.objects.filter(unit_kerja__in=units).select_related(
        "pegawai", "unit_kerja__parent", "unit_kerja__kepala")
    if request.GET.get("semua") != "1":
        qs = qs.exclude(tanggal_selesai__lt=today)
    form = PltForm(request.POST or None, units=units, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.plt_assign(pegawai=d["nip"], unit=d["unit_kerja"], jenis=d["jenis"], mulai=d["tanggal_mulai"],
                                selesai=d["tanggal_selesai"], nomor_sk=d["nomor_sk"], oleh=request.user)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(
                request,
                _("Penugasan %(jenis)s untuk %(unit)s disimpan.")
                % {"jenis": d["jenis"].title(), "unit": d["unit_kerja"]},
            )
            return redirect("pegawai:plt-list")
    return render(
        request,
        "pegawai/plt_list.html",
        {
            "instansi": instansi,
            "form": form,
            "page_obj": paginate(request, qs.order_by("-tanggal_mulai", "-pk")),
            "today": today,
        },
    )


@hr_required
def plt_end(request, pk):
    _instansi, units = _scope(request)
    penugasan = get_object_or_404(PenugasanPlt.objects.filter(unit_kerja__in=units), pk=pk)
    if request.method == "POST":
        services.plt_end(penugasan=penugasan, oleh=request.user)
        messages.success(request, _("Penugasan %(nama)s diakhiri hari ini.") % {"nama": penugasan.pegawai.nama})
    return redirect("pegawai:plt-list")
