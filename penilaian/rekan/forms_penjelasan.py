"""Forms of the SE 3/2023 order exception and the keberatan explanations; shape only (style.md §7)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import PermintaanPenjelasan


class PengecualianUrutanForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan pengecualian"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=_(
            "Mengapa predikat pegawai unit ini boleh difinalkan sebelum capaian kinerja organisasinya ditetapkan."
        ),
    )


class PermintaanPenjelasanForm(forms.Form):
    pihak = forms.ChoiceField(
        label=_("Diminta kepada"),
        choices=PermintaanPenjelasan.Pihak.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    pertanyaan = forms.CharField(
        label=_("Hal yang perlu dijelaskan"), widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"})
    )
    # ISO value in the input (never localised, style.md §13).
    batas = forms.DateField(
        label=_("Batas jawaban"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )


class JawabanPenjelasanForm(forms.Form):
    jawaban = forms.CharField(
        label=_("Penjelasan Anda"), widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"})
    )
