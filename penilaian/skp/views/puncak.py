"""HR screens for the top of the chain (domain.md §11.1): point an SKP at a non-ASN penilai or atasan
penilai, and the queue of SKPs and evaluations HR records on such an official's behalf."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kinerja.web import errors_to_form, paginate, tahun_param
from pegawai.decorators import hr_required
from pegawai.models import PejabatNonAsn

from ...access import get_skp_for, penilaian_visible_to, skp_visible_to
from ...models import Penilaian, Skp
from ..services_puncak import skp_assign_non_asn


class NonAsnForm(forms.Form):
    peran = forms.ChoiceField(label=_lazy("Sebagai"), choices=[
        ("penilai", _lazy("Pejabat penilai kinerja")), ("atasan_penilai", _lazy("Atasan pejabat penilai kinerja"))])
    pejabat = forms.ModelChoiceField(label=_lazy("Pejabat non-ASN"), queryset=PejabatNonAsn.objects.none())
    alasan = forms.CharField(label=_lazy("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pejabat"].queryset = PejabatNonAsn.objects.filter(
            instansi_id=skp.pegawai.unit_kerja.instansi_id, aktif=True).order_by("nama")


@hr_required
def skp_non_asn(request, pk):
    """HR: the SKP's penilai or atasan penilai becomes a non-ASN official of the instansi."""
    skp = get_skp_for(request.user, pk)
    form = NonAsnForm(request.POST or None, skp=skp)
    if request.method == "POST" and form.is_valid():
        try:
            skp_assign_non_asn(skp=skp, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Pejabat non-ASN ditetapkan pada SKP ini."))
            return redirect("penilaian:skp-detail", skp.pk)
    info = _("Pejabat non-ASN dikelola di halaman Pejabat non-ASN. HR mencatat persetujuan dan penilaiannya "
             "atas nama pejabat tersebut.")
    return render(request, "penilaian/skp/form.html", {
        "form": form, "judul": _("Tetapkan pejabat penilai non-ASN"), "skp": skp, "info": info})


@hr_required
def non_asn_antrian(request):
    """HR: what waits for a decision HR records on behalf of a non-ASN penilai."""
    tahun = tahun_param(request)
    skps = (skp_visible_to(request.user).filter(tahun=tahun, pejabat_penilai_non_asn__isnull=False)
            .select_related("pejabat_penilai_non_asn").order_by("status", "pegawai__nama", "pk"))
    penilaian = (penilaian_visible_to(request.user)
                 .filter(skp__tahun=tahun, skp__pejabat_penilai_non_asn__isnull=False,
                         status__in=[Penilaian.Status.DIAJUKAN, Penilaian.Status.DINILAI])
                 .select_related("skp__pejabat_penilai_non_asn").order_by("periode__tanggal_mulai", "pk"))
    return render(request, "penilaian/skp/non_asn_antrian.html", {
        "tahun": tahun, "page_obj": paginate(request, skps), "penilaian": penilaian[:100],
        "Status": Skp.Status,
    })
