from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PerjanjianKerja


def _tanggal(label):
    # ISO in the widget: an <input type=date> never takes a localised value
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class PerjanjianForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor perjanjian kerja"), max_length=100)
    tanggal_mulai = _tanggal(_("Tanggal mulai"))
    tanggal_selesai = _tanggal(_("Tanggal selesai"))
    target_kinerja = forms.CharField(
        label=_("Target kinerja"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=PerjanjianKerja._meta.get_field("target_kinerja").help_text,
    )


class BatalForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan pembatalan"), max_length=255)
