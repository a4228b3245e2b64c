"""Forms check shape; domain rules (dates, JP, upload type) live in services.py (style.md §7)."""
from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.forms import IdMultipleChoiceField
from kinerja.uploads import SERTIFIKAT_TYPES, check_upload

from .jp import JP_MAKS, pesan_jp_salah
from .models import (
    Bentuk,
    ItemRencana,
    Jalur,
    JenisPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RiwayatForm(forms.ModelForm):
    sertifikat = forms.FileField(
        label=_("Sertifikat/STTPP"), required=False,
        help_text=_("PDF, JPG atau PNG, maksimal 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
    )

    class Meta:
        model = RiwayatPengembangan
        fields = ["nama_kegiatan", "penyelenggara", "jalur", "bentuk", "jenis", "rumpun", "tanggal_mulai",
                  "tanggal_selesai", "jp", "nomor_sertifikat"]
        widgets = {"tanggal_mulai": DATE, "tanggal_selesai": DATE}

    def __init__(self, *args, wajib_sertifikat: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sertifikat"].required = wajib_sertifikat
        self.fields["jalur"].queryset = Jalur.objects.filter(aktif=True)
        self.fields["bentuk"].queryset = Bentuk.objects.filter(aktif=True)
        self.fields["jenis"].queryset = JenisPengembangan.objects.filter(aktif=True).select_related("jalur", "bentuk")
        self.fields["rumpun"].queryset = RumpunKompetensi.objects.filter(aktif=True)
        self.fields["jp"].widget.attrs.update({"min": 1, "max": JP_MAKS})
        # The generic "≥ 0" of the integer field would hide the clear JP message of clean() (issue 11 §8).
        self.fields["jp"].validators = [v for v in self.fields["jp"].validators if not isinstance(v, MinValueValidator)]
        self.fields["tanggal_selesai"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean(self):
        c = super().clean()
        if "jp" in c and not self.has_error("jp"):
            pesan = pesan_jp_salah(c["jp"], c.get("tanggal_mulai"), c.get("tanggal_selesai"))
            if pesan:
                self.add_error("jp", pesan)
        return c

    def clean_sertifikat(self):
        berkas = self.cleaned_data.get("sertifikat")
        if berkas:
            check_upload(berkas, allowed=SERTIFIKAT_TYPES)  # early, clear message; the service checks again
        return berkas


class TolakForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan penolakan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class ItemRencanaForm(forms.ModelForm):
    class Meta:
        model = ItemRencana
        fields = ["kompetensi", "rumpun", "jenis", "target_jp", "target_tanggal", "status", "riwayat", "keterangan"]
        field_classes = {"riwayat": IdMultipleChoiceField}
        widgets = {
            "target_tanggal": DATE,
            "riwayat": forms.CheckboxSelectMultiple,
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["riwayat"].queryset = RiwayatPengembangan.objects.filter(pegawai=pegawai).exclude(
            status=RiwayatPengembangan.Status.DITOLAK
        )
        self.fields["riwayat"].label_from_instance = lambda r: (
            f"{r.nama_kegiatan} — {r.jp} JP ({r.tanggal_selesai:%d-%m-%Y}, {r.get_status_display()})"
        )
        self.fields["jenis"].queryset = JenisPengembangan.objects.filter(aktif=True)
        self.fields["rumpun"].queryset = RumpunKompetensi.objects.filter(aktif=True)
