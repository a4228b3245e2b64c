"""Forms of the Mutasi / promosi page and its CSV import. Shape only; the rules are in pegawai.mutasi."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.once import SubmitOnceMixin

from .forms import ImportPegawaiForm, NipAtasanField
from .models import Golongan, Jabatan, Pegawai, RiwayatJabatan, UnitKerja
from .mutasi import ATASAN_BAWAAN
from .nip import golongan_jenis_untuk
from .unit_label import UnitChoiceField


class MutasiForm(SubmitOnceMixin, forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis perpindahan"),
                              choices=[(j.value, j.label) for j in RiwayatJabatan.JENIS_PINDAH])
    tmt = forms.DateField(label=_("TMT (terhitung mulai tanggal)"),
                          widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    unit_kerja = UnitChoiceField(label=_("Unit kerja tujuan"), queryset=UnitKerja.objects.none())
    jabatan = forms.ModelChoiceField(label=_("Jabatan baru"), queryset=Jabatan.objects.all())
    golongan = forms.ModelChoiceField(label=_("Golongan"), queryset=Golongan.objects.none(), required=False,
                                      help_text=_("Kosongkan bila golongan tidak berubah."))
    atasan_nip = NipAtasanField(label=_("NIP atasan baru (pejabat penilai)"),
                                help_text=_("Kosongkan untuk memakai kepala unit tujuan."))
    nomor_sk = forms.CharField(label=_("Nomor SK"), max_length=100, required=False)

    def __init__(self, *args, pegawai: Pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.pegawai = pegawai
        self.fields["unit_kerja"].queryset = UnitKerja.objects.filter(
            instansi_id=pegawai.unit_kerja.instansi_id, aktif=True).order_by("kode")
        self.fields["golongan"].queryset = Golongan.objects.filter(jenis=golongan_jenis_untuk(pegawai.status))
        if not self.is_bound:
            self.initial.update({"unit_kerja": pegawai.unit_kerja_id, "jabatan": pegawai.jabatan_id,
                                 "golongan": pegawai.golongan_id})

    def clean_atasan_nip(self):
        nip = (self.cleaned_data.get("atasan_nip") or "").strip()
        if not nip:
            return None
        atasan = Pegawai.objects.filter(nip=nip, unit_kerja__instansi_id=self.pegawai.unit_kerja.instansi_id).first()
        if atasan is None:
            raise ValidationError(_("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi ini.") % {"nip": nip})
        return atasan

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {"jenis": d["jenis"], "tmt": d["tmt"], "unit": d["unit_kerja"], "jabatan": d["jabatan"],
                "golongan": d["golongan"], "atasan": d["atasan_nip"] or ATASAN_BAWAAN, "nomor_sk": d["nomor_sk"]}


class ImportMutasiForm(ImportPegawaiForm):
    """The same file checks as the pegawai import."""
