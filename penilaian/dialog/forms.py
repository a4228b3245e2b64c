"""Forms of the dialogue pages: they check shape; services check domain rules (style.md §7).
Dates and times render unlocalised (ISO) so a form saved back unchanged changes nothing (style.md §13)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from pegawai.models import Pegawai
from penilaian.models import Bimbingan, FrasaUmpanBalik

from .format import KOMPETENSI_B19, PERNYATAAN_B18, SKALA_SETUJU

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def frasa_choices():
    hasil, perilaku = [], {}
    for f in FrasaUmpanBalik.objects.filter(aktif=True).select_related("perilaku").order_by("perilaku__urutan", "pk"):
        if f.perilaku_id is None:
            hasil.append((f.teks, str(f)))
        else:  # the value stays the Indonesian phrase (what is stored); the label is in the reader's language
            perilaku.setdefault(str(f.perilaku), []).append((f.teks, str(f)))
    return [("", _("— pilih frasa (opsional) —")), (_("Hasil kerja"), hasil), *perilaku.items()]


class VersiMixin(forms.Form):
    versi = forms.IntegerField(widget=forms.HiddenInput)


class UmpanBalikEntriForm(VersiMixin):
    target = forms.ChoiceField(label=_("Tentang"))
    frasa = forms.ChoiceField(label=_("Frasa"), required=False)
    teks = forms.CharField(label=_("Umpan balik"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    minta_tanggapan = forms.BooleanField(label=_("Minta tanggapan pegawai"), required=False)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = list(targets)
        self.fields["frasa"].choices = frasa_choices()


class RevisiForm(VersiMixin):
    frasa = forms.ChoiceField(label=_("Frasa"), required=False,
                              widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    teks = forms.CharField(label=_("Teks revisi"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}))
    minta_tanggapan = forms.BooleanField(label=_("Minta tanggapan pegawai"), required=False,
                                         widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def __init__(self, *args, pilihan_frasa=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["frasa"].choices = pilihan_frasa if pilihan_frasa is not None else frasa_choices()


class TanggapanForm(forms.Form):
    teks = forms.CharField(label=_("Tanggapan Anda"), widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": _("Tuliskan tanggapan Anda.")})


class AksiForm(forms.Form):
    teks = forms.CharField(label=_("Aksi yang disepakati"), max_length=500, required=False,
                           widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))
    tenggat = forms.DateField(label=_("Tenggat"), required=False, input_formats=["%Y-%m-%d"], widget=forms.DateInput(
        attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"))


AksiFormSet = forms.formset_factory(AksiForm, extra=2, max_num=20)


def aksi_initial(qs) -> list[dict]:
    return [{"teks": a.teks, "tenggat": a.tenggat} for a in qs]


def aksi_rows(formset) -> list[tuple[str, object]]:
    return [(f.cleaned_data["teks"], f.cleaned_data.get("tenggat")) for f in formset
            if f.cleaned_data.get("teks", "").strip()]


class BimbinganForm(forms.ModelForm):
    terlaksana = forms.BooleanField(label=_("Bimbingan sudah terlaksana"), required=False)

    class Meta:
        model = Bimbingan
        fields = ["tanggal", "topik", "pembimbing", "peran_pembimbing", "catatan"]
        widgets = {"tanggal": DATE, "catatan": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, instansi_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].input_formats = ["%Y-%m-%d"]
        self.fields["pembimbing"].queryset = Pegawai.objects.filter(
            aktif=True, unit_kerja__instansi_id=instansi_id).order_by("nama")
        if self.instance.pk and self.instance.status == Bimbingan.Status.SELESAI:
            self.fields["terlaksana"].initial = True


class UmpanBalikBimbinganForm(forms.Form):
    """Format B.1.8: one 1–5 answer per statement."""

    saran = forms.CharField(label=_("Saran/catatan untuk pembimbing"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kode, teks in PERNYATAAN_B18:
            self.fields[kode] = forms.TypedChoiceField(
                label=teks, choices=SKALA_SETUJU, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Pilih jawaban untuk pernyataan ini.")})
        self.order_fields([k for k, _t in PERNYATAAN_B18] + ["saran"])

    def jawaban(self) -> dict:
        return {k: self.cleaned_data[k] for k, _t in PERNYATAAN_B18}


SKALA_PILIHAN = [("", "—"), *[(i, str(i)) for i in range(1, 6)]]


class EvaluasiKompetensiForm(forms.Form):
    """Format B.1.9: per competency a 1–5 score and the reason."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kode, nama in KOMPETENSI_B19:
            self.fields[f"skala_{kode}"] = forms.TypedChoiceField(
                label=_("Skala: %(k)s") % {"k": nama}, choices=SKALA_PILIHAN, coerce=int, empty_value=None,
                required=False, widget=forms.Select(attrs={"class": "form-select"}))
            self.fields[f"alasan_{kode}"] = forms.CharField(
                label=_("Alasan: %(k)s") % {"k": nama}, required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))

    def baris(self) -> list[tuple[str, int | None, str]]:
        return [(k, self.cleaned_data.get(f"skala_{k}"), self.cleaned_data.get(f"alasan_{k}", ""))
                for k, _n in KOMPETENSI_B19]

    def pasangan(self):
        return [(nama, self[f"skala_{k}"], self[f"alasan_{k}"]) for k, nama in KOMPETENSI_B19]


class CheckInForm(forms.Form):
    jadwal = forms.DateTimeField(label=_("Tanggal dan jam"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 6}),
                             error_messages={"required": _("Agenda dialog kinerja wajib diisi.")})


class NotulenForm(forms.Form):
    notulen = forms.CharField(label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 6}),
                              error_messages={"required": _("Notulen dialog kinerja wajib diisi.")})
