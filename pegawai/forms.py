from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from kinerja.once import SubmitOnceMixin

from .models import Golongan, Pegawai, UnitKerja
from .nip import parse_nip
from .unit_label import UnitChoiceField


class NipField(forms.CharField):
    """A NIP as printed ("19850517 201001 1 003"): room for the spaces in the input, removed on cleaning."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 24)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return "".join(super().to_python(value).split())


class NipAtasanField(NipField):
    """Pick a pegawai by NIP: scales to 50,000 pegawai where a <select> would not.

    static/js/cari_pegawai.js turns the input into a combobox searching by name or NIP (pegawai:cari);
    without script the NIP is typed as before.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={
            "data-cari-pegawai": reverse_lazy("pegawai:cari"), "autocomplete": "off", "inputmode": "search",
        }))
        super().__init__(*args, **kwargs)


class PegawaiForm(SubmitOnceMixin, forms.ModelForm):
    atasan_nip = NipAtasanField(
        label=_("NIP atasan langsung (pejabat penilai)"), help_text=_("Kosongkan bila tidak ada.")
    )

    class Meta:
        model = Pegawai
        fields = [
            "nip",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "status",
            "jenis_kelamin",
            "tanggal_lahir",
            "golongan",
            "jabatan",
            "unit_kerja",
            "email",
            "aktif",
        ]
        widgets = {"tanggal_lahir": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        field_classes = {"nip": NipField, "unit_kerja": UnitChoiceField}

    def __init__(self, *args, instansi_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi_id = instansi_id or (self.instance.unit_kerja.instansi_id if self.instance.pk else None)
        units = UnitKerja.objects.filter(aktif=True).order_by("kode")
        if self.instansi_id:
            units = units.filter(instansi_id=self.instansi_id)
        self.fields["unit_kerja"].queryset = units
        self.fields["golongan"].queryset = Golongan.objects.all()
        self.fields["jenis_kelamin"].required = False
        self.fields["tanggal_lahir"].required = False
        self.fields["jenis_kelamin"].help_text = _("Kosongkan untuk diisi dari NIP.")
        self.fields["tanggal_lahir"].help_text = _("Kosongkan untuk diisi dari NIP.")
        if self.instance.pk and self.instance.atasan_id:
            self.fields["atasan_nip"].initial = self.instance.atasan.nip
        if self.instance.pk:
            # The pejabat penilai is changed on its own page, with a reason and history.
            self.fields["atasan_nip"].disabled = True
            self.fields["atasan_nip"].help_text = _("Ubah melalui halaman 'Ganti atasan'.")

    def clean_nip(self):
        nip = self.cleaned_data["nip"].strip()
        parse_nip(nip)
        return nip

    def clean_atasan_nip(self):
        nip = (self.cleaned_data.get("atasan_nip") or "").strip()
        if self.fields["atasan_nip"].disabled or not nip:
            return None
        qs = Pegawai.objects.filter(nip=nip, aktif=True)
        if self.instansi_id:
            qs = qs.filter(unit_kerja__instansi_id=self.instansi_id)
        atasan = qs.first()
        if atasan is None:
            raise ValidationError(_("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi ini.") % {"nip": nip})
        return atasan

    def clean(self):
        data = super().clean()
        nip = data.get("nip")
        if nip:
            try:
                info = parse_nip(nip)
            except ValidationError:
                return data
            if not data.get("tanggal_lahir"):
                data["tanggal_lahir"] = info.tanggal_lahir
                self.instance.tanggal_lahir = info.tanggal_lahir
            if not data.get("jenis_kelamin"):
                data["jenis_kelamin"] = info.jenis_kelamin
                self.instance.jenis_kelamin = info.jenis_kelamin
        if not self.fields["atasan_nip"].disabled:
            self.instance.atasan = data.get("atasan_nip")
        return data


class GantiAtasanForm(forms.Form):
    atasan_nip = NipAtasanField(label=_("NIP atasan baru"), help_text=_("Kosongkan untuk menghapus atasan."))
    alasan = forms.CharField(label=_("Alasan perubahan"), max_length=255)

    def __init__(self, *args, pegawai: Pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.pegawai = pegawai

    def clean_atasan_nip(self):
        nip = (self.cleaned_data.get("atasan_nip") or "").strip()
        if not nip:
            return None
        atasan = Pegawai.objects.filter(
            nip=nip, aktif=True, unit_kerja__instansi_id=self.pegawai.unit_kerja.instansi_id
        ).first()
        if atasan is None:
            raise ValidationError(_("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi ini.") % {"nip": nip})
        if atasan.pk == self.pegawai.pk:
            raise ValidationError(_("Pegawai tidak boleh menjadi atasan dirinya sendiri."))
        return atasan


class UnitKerjaForm(SubmitOnceMixin, forms.ModelForm):
    kepala_nip = NipAtasanField(label=_("NIP kepala unit"))

    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "level", "parent", "aktif"]
        field_classes = {"parent": UnitChoiceField}

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.instansi = instansi
        qs = UnitKerja.objects.filter(instansi=instansi)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
            if self.instance.kepala_id:
                self.fields["kepala_nip"].initial = self.instance.kepala.nip
        self.fields["parent"].queryset = qs

    def clean_kode(self):
        kode = self.cleaned_data["kode"].strip()
        qs = UnitKerja.objects.filter(instansi=self.instance.instansi, kode=kode).exclude(pk=self.instance.pk)
        if qs.exists():
            raise ValidationError(_("Kode unit %(kode)s sudah dipakai.") % {"kode": kode})
        return kode

    def clean_kepala_nip(self):
        nip = (self.cleaned_data.get("kepala_nip") or "").strip()
        if not nip:
            self.instance.kepala = None
            return None
        kepala = Pegawai.objects.filter(nip=nip, unit_kerja__instansi=self.instance.instansi).first()
        if kepala is None:
            raise ValidationError(_("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi ini.") % {"nip": nip})
        self.instance.kepala = kepala
        return kepala


class ImportPegawaiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas CSV"), help_text=_("UTF-8, dipisah koma; kolom yang dibaca tercantum di bawah.")
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith(".csv"):
            raise ValidationError(_("Berkas harus berformat CSV (.csv)."))
        if berkas.size > 20 * 1024 * 1024:
            raise ValidationError(_("Berkas terlalu besar (maksimal 20 MB)."))
        if berkas.size == 0:
            raise ValidationError(_("Berkas kosong."))
        return berkas
