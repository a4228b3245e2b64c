import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from pegawai import access
from pegawai.unit_label import UnitChoiceField
from penilaian.models import Periode

from .dokumen import BULK_JENIS
from .models import DokumenPdf


class CetakMassalForm(forms.Form):
    """Shape only; the service checks that the period belongs to the unit's instansi."""

    unit_kerja = UnitChoiceField(
        label=_("Unit kerja"), queryset=None, help_text=_("Termasuk semua unit di bawahnya.")
    )
    jenis = forms.ChoiceField(
        label=_("Dokumen"), choices=[(j.value, j.label) for j in BULK_JENIS], initial=DokumenPdf.Jenis.DOKUMEN_EVALUASI
    )
    periode = forms.ModelChoiceField(
        label=_("Periode"), queryset=None, required=False, help_text=_("Untuk evaluasi periodik dan Dokumen Evaluasi.")
    )
    tahun = forms.IntegerField(
        label=_("Tahun"), required=False, min_value=2000, max_value=2100, help_text=_("Untuk SKP.")
    )
    # New with every form shown: the same submission sent twice (double click, reload) makes one job.
    token = forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = access.units_managed_by(user).order_by("kode")
        self.fields["unit_kerja"].queryset = units
        self.fields["periode"].queryset = Periode.objects.filter(instansi__in=units.values("instansi")).order_by(
            "-tahun", "-tanggal_mulai"
        )

    def clean(self):
        data = super().clean()
        if data.get("jenis") == DokumenPdf.Jenis.SKP and not data.get("tahun"):
            self.add_error("tahun", _("Isi tahun SKP yang akan dicetak."))
        if data.get("jenis") != DokumenPdf.Jenis.SKP and not data.get("periode"):
            self.add_error("periode", _("Pilih periode evaluasi."))
        return data
