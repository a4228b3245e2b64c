"""Forms check shape only; domain rules live in the services (style.md §7)."""
from django import forms
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from kinerja.once import SubmitOnceMixin
from penilaian.models import Periode
from penilaian.predikat import Rating

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersiForm(forms.Form):
    """Every form that changes an evaluation carries the version it was loaded at (no lost updates)."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)


class PeriodeForm(forms.ModelForm):
    class Meta:
        model = Periode
        fields = ["tahun", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "batas_pengisian"]
        widgets = {"tanggal_mulai": DATE, "tanggal_selesai": DATE, "batas_pengisian": DATE}

    def _post_clean(self):
        # Only copy the values: uniqueness and date order are domain rules that ``periode_save``
        # checks with clear Indonesian messages (the DB constraints stay as the last line of defence).
        self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)


class PeriodeSetForm(SubmitOnceMixin, forms.Form):
    JENIS = [(j, lbl) for j, lbl in Periode.Jenis.choices if j != Periode.Jenis.TAHUNAN]

    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    jenis = forms.ChoiceField(label=_("Jenis periode"), choices=JENIS, initial=Periode.Jenis.TRIWULANAN)
    akhir = forms.BooleanField(label=_("Sertakan periode Akhir (tahunan)"), required=False, initial=True)
    hari_batas = forms.IntegerField(label=_("Batas pengisian (hari setelah periode berakhir)"), min_value=0,
                                    max_value=60, initial=10)


class BukaKunciForm(forms.Form):
    nip = forms.CharField(label=_("NIP pegawai"), max_length=18)
    alasan = forms.CharField(label=_("Alasan"), max_length=255)
    berlaku_sampai = forms.DateTimeField(
        label=_("Berlaku sampai"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class IsianForm(VersiForm):
    """Rencana aksi per RHK and realisasi per IKI: a number for a numeric target, text otherwise."""

    def __init__(self, *args, baris_rhk, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris_rhk = baris_rhk
        for b in baris_rhk:
            self.fields[f"ra_{b.rhk.pk}"] = forms.CharField(
                label=_("Rencana aksi"), required=False, initial=b.rencana_aksi,
                widget=forms.Textarea(attrs={"rows": 2}))
            for bi in b.iki:
                r = bi.realisasi
                if bi.iki.target_angka is not None:
                    self.fields[f"real_{bi.iki.pk}"] = forms.DecimalField(
                        label=_("Realisasi"), required=False, max_digits=14, decimal_places=2, min_value=0,
                        initial=r.nilai if r else None, widget=forms.NumberInput(attrs={"step": "any"}))
                else:
                    self.fields[f"real_{bi.iki.pk}"] = forms.CharField(
                        label=_("Realisasi"), required=False, initial=r.teks if r else "",
                        widget=forms.Textarea(attrs={"rows": 2}))

    def rencana_aksi(self) -> dict[int, str]:
        return {b.rhk.pk: self.cleaned_data[f"ra_{b.rhk.pk}"] for b in self.baris_rhk}

    def realisasi(self) -> dict[int, tuple]:
        out = {}
        for b in self.baris_rhk:
            for bi in b.iki:
                v = self.cleaned_data[f"real_{bi.iki.pk}"]
                out[bi.iki.pk] = (v, "") if bi.iki.target_angka is not None else (None, v)
        return out


class BuktiForm(forms.Form):
    iki = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    url = forms.URLField(label=_("Tautan"), required=False, max_length=500, assume_scheme="https")
    berkas = forms.FileField(label=_("Berkas"), required=False, allow_empty_file=True)
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=255)

    def clean(self):
        data = super().clean()
        if bool(data.get("url")) == bool(data.get("berkas")):
            raise forms.ValidationError(_("Isi tautan atau pilih satu berkas (salah satu saja)."))
        return data


class UmpanBalikForm(VersiForm):
    target = forms.RegexField(regex=r"^(rhk|perilaku)-\d+$")
    frasa = forms.CharField(required=False, max_length=255)
    teks = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RatingForm(VersiForm):
    rating_hasil = forms.ChoiceField(label=_("Rating hasil kerja"), choices=[("", "—"), *Rating.choices], required=False,
                                     widget=forms.RadioSelect)
    rating_perilaku = forms.ChoiceField(label=_("Rating perilaku kerja"), choices=[("", "—"), *Rating.choices],
                                        required=False, widget=forms.RadioSelect)


class KembalikanForm(VersiForm):
    catatan = forms.CharField(label=_("Yang perlu diperbaiki"), widget=forms.Textarea(attrs={"rows": 2}))
