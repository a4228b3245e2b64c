from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import TokenIntegrasi

BERLAKU = [(30, _("30 hari")), (90, _("90 hari")), (180, _("180 hari")), (365, _("1 tahun"))]


class TokenForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis token"), choices=[
        ("instansi", _("Token instansi (hanya baca, sebagaimana HR melihat instansi)")),
        ("pribadi", _("Token pribadi (bertindak atas nama saya)")),
    ], widget=forms.RadioSelect, initial="instansi")
    nama = forms.CharField(label=_("Nama integrasi"), max_length=100,
                           help_text=_("Mis. Aplikasi TPP, SIMPEG, Dasbor Pimpinan, Aplikasi ponsel."))
    scopes = forms.MultipleChoiceField(label=_("Cakupan"), choices=TokenIntegrasi.Scope.choices,
                                       widget=forms.CheckboxSelectMultiple, initial=[TokenIntegrasi.Scope.READ])
    berlaku_hari = forms.TypedChoiceField(label=_("Masa berlaku"), choices=BERLAKU, coerce=int, initial=90)

    def __init__(self, *args, boleh_instansi: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not boleh_instansi:
            self.fields["jenis"].choices = self.fields["jenis"].choices[1:]
            self.fields["jenis"].initial = "pribadi"

    def expires_at(self):
        return timezone.now() + timedelta(days=self.cleaned_data["berlaku_hari"])
