"""Filter forms of the Laporan and TPP pages (shape only; the services check the domain rules)."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.forms import ModelChoiceDimuat
from kinerja.web import MAX_TAHUN, MIN_TAHUN
from pegawai.models import UnitKerja
from penilaian.models import Penilaian, Periode, Skp

from .isi import BELUM_ADA_SKP
from .models import AturanTpp
from .selectors import unit_tpp

TAHUN_SALAH = _("Tahun harus angka antara 2000 dan 2100.")  # kinerja.web MIN_TAHUN, MAX_TAHUN
BULAN_SALAH = _("Bulan harus angka 1 sampai 12.")
UNIT_SALAH = _("Unit kerja tidak ditemukan pada instansi ini.")
PERIODE_SALAH = _("Periode tidak ditemukan pada instansi ini.")
STATUS_SALAH = _("Status tidak dikenal; pilih dari daftar.")


class _Tahun(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(label=_("Tahun"), min_value=MIN_TAHUN, max_value=MAX_TAHUN, required=False,
                         error_messages={"invalid": TAHUN_SALAH, "min_value": TAHUN_SALAH,
                                         "max_value": TAHUN_SALAH}, **kwargs)
        self.widget.attrs.setdefault("class", "form-control")


def _pilih(field):
    field.widget.attrs.setdefault("class", "form-select")
    return field


class LaporanFilterForm(forms.Form):
    unit = _pilih(forms.ModelChoiceField(UnitKerja.objects.none(), label=_("Unit kerja (termasuk sub-unit)"),
                                         required=False, empty_label=_("Semua unit"),
                                         error_messages={"invalid_choice": UNIT_SALAH}))
    tahun = _Tahun()
    periode = _pilih(forms.ModelChoiceField(Periode.objects.none(), label=_("Periode"), required=False,
                                            empty_label=_("Semua periode tahun ini"),
                                            error_messages={"invalid_choice": PERIODE_SALAH}))
    status_skp = _pilih(forms.ChoiceField(label=_("Status SKP"), required=False,
                                          error_messages={"invalid_choice": STATUS_SALAH}))
    status_penilaian = _pilih(forms.ChoiceField(label=_("Status penilaian"), required=False,
                                                error_messages={"invalid_choice": STATUS_SALAH}))

    def __init__(self, data=None, *, instansi, **kwargs):
        super().__init__(data, **kwargs)
        self.instansi = instansi
        self.fields["unit"].queryset = UnitKerja.objects.filter(instansi=instansi).order_by("kode")
        self.fields["unit"].label_from_instance = lambda u: f"{u.kode} — {u.nama}"
        self.fields["periode"].queryset = Periode.objects.filter(instansi=instansi).order_by("-tahun", "tanggal_mulai")
        self.fields["status_skp"].choices = [("", _("Semua status")), *Skp.Status.choices,
                                             (BELUM_ADA_SKP, _("Belum ada SKP"))]
        self.fields["status_penilaian"].choices = [("", _("Semua status")), *Penilaian.Status.choices]

    def clean(self):
        data = super().clean()
        periode = data.get("periode")
        if periode is not None:
            data["tahun"] = periode.tahun  # the period decides the year
        elif not data.get("tahun") and "tahun" not in self.errors:
            data["tahun"] = timezone.localdate().year
        return data

    def params(self) -> dict:
        c = self.cleaned_data
        return {"unit": c["unit"].pk if c.get("unit") else None, "tahun": c["tahun"],
                "periode": c["periode"].pk if c.get("periode") else None,
                "status_skp": c.get("status_skp") or "", "status_penilaian": c.get("status_penilaian") or ""}


class TppFilterForm(forms.Form):
    unit = _pilih(ModelChoiceDimuat(UnitKerja.objects.none(), label=_("Perangkat daerah"),
                                         error_messages={"invalid_choice": UNIT_SALAH,
                                                         "required": _("Pilih perangkat daerah.")}))
    tahun = _Tahun()
    bulan = forms.IntegerField(label=_("Bulan"), min_value=1, max_value=12, required=False,
                               error_messages={"invalid": BULAN_SALAH, "min_value": BULAN_SALAH,
                                               "max_value": BULAN_SALAH})

    def __init__(self, data=None, *, instansi, units=None, **kwargs):
        """``units``: ``unit_tpp(instansi)`` loaded already by the page (then the field runs no query)."""
        super().__init__(data, **kwargs)
        self.fields["unit"].queryset = unit_tpp(instansi)
        if units is not None:
            self.fields["unit"].pilihan(units)
        self.fields["unit"].label_from_instance = lambda u: f"{u.kode} — {u.nama}"
        self.fields["bulan"].widget.attrs.setdefault("class", "form-control")

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        if not data.get("tahun") and "tahun" not in self.errors:
            data["tahun"] = today.year
        if not data.get("bulan") and "bulan" not in self.errors:
            data["bulan"] = today.month
        return data


class AturanTppForm(forms.ModelForm):
    class Meta:
        model = AturanTpp
        fields = ["berlaku_mulai", "dasar_hukum", "persen_sangat_baik", "persen_baik", "persen_butuh_perbaikan",
                  "persen_kurang", "persen_sangat_kurang", "persen_belum_dinilai", "potongan_terlambat",
                  "potongan_tidak_lapor", "batas_potongan", "toleransi_hari"]
        widgets = {"berlaku_mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class BukaBulanForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan membuka kembali"), max_length=500,
                             error_messages={"required": _("Tuliskan alasan membuka kembali bulan ini.")})
