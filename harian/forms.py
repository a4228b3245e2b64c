"""Shapes of the daily-log forms; the domain rules live in ``rules``/``services``."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.once import SubmitOnceMixin

from .models import KegiatanHarian, TanggapanKegiatan
from .selectors import iki_pilihan, rencana_aksi_pilihan
from .services import DataKegiatan

# ISO in the widget: an <input type=time> never takes a localised value (style.md §13).
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class IkiChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, iki):
        skp = iki.rhk.skp
        return f"[{skp.tanggal_mulai:%d/%m}–{skp.tanggal_selesai:%d/%m/%Y}] {iki.rhk.teks[:70]} — {iki.teks[:70]}"


class RencanaAksiChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, ra):
        return f"[{ra.penilaian.periode}] {ra.rhk.teks[:60]} — {ra.teks[:80]}"


class KegiatanForm(SubmitOnceMixin, forms.ModelForm):
    rencana_aksi = RencanaAksiChoiceField(
        queryset=None, required=False, label=_("Rencana aksi"),
        empty_label=_("— tanpa rencana aksi —"),
        help_text=_("Rencana aksi periode berjalan; RHK dan indikatornya mengikuti."),
    )
    iki = IkiChoiceField(
        queryset=None, required=False, label=_("RHK / indikator kinerja"),
        empty_label=_("— tidak dikaitkan dengan RHK —"),
        help_text=_("Kuantitas kegiatan yang dikaitkan dijumlahkan sebagai usulan realisasi IKI tersebut."),
    )
    berkas = forms.FileField(
        label=_("Berkas bukti"), required=False,
        help_text=_("PDF, JPG, PNG, DOCX, atau XLSX; jenis diperiksa dari isi berkas."),
    )
    bukti_url = forms.URLField(label=_("Tautan bukti"), required=False, max_length=500, assume_scheme="https",
                               help_text=_("Mis. tautan Google Drive atau aplikasi dinas."))
    hapus_berkas = forms.BooleanField(label=_("Hapus berkas yang ada"), required=False)

    class Meta:
        model = KegiatanHarian
        fields = ["tanggal", "jam_mulai", "jam_selesai", "rencana_aksi", "iki", "uraian", "kuantitas", "satuan",
                  "bukti_url"]
        widgets = {
            "tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "jam_mulai": TIME,
            "jam_selesai": TIME,
            "uraian": forms.Textarea(
                attrs={"rows": 3, "placeholder": _("Mis. Memverifikasi 12 berkas usulan kenaikan pangkat")}
            ),
        }
        help_texts = {"satuan": _("Kosongkan untuk memakai satuan IKI yang dipilih.")}

    def __init__(self, *args, pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iki"].queryset = iki_pilihan(pegawai)
        self.fields["rencana_aksi"].queryset = rencana_aksi_pilihan(pegawai)
        self.fields["iki"].label = _("Indikator kinerja (RHK)")
        self.fields["iki"].help_text = _("Terisi otomatis bila RHK rencana aksi hanya punya satu indikator. "
                                         "Realisasi kegiatan dijumlahkan sebagai usulan realisasi indikator ini.")
        self.fields["satuan"].required = False
        for name in ("jam_mulai", "jam_selesai"):
            self.fields[name].required = True  # e-Kinerja 2026 (domain.md §11.1); integrations may omit them
        # Setting min_value after construction adds no validator: add the model's own (issue 11 §8).
        kuantitas = self.fields["kuantitas"]
        kuantitas.validators += [
            v for v in KegiatanHarian._meta.get_field("kuantitas").validators if v not in kuantitas.validators
        ]
        kuantitas.widget.attrs.update({"min": "0", "step": "any"})
        if not self.instance.pk:
            self.initial.setdefault("tanggal", timezone.localdate())
            self.initial.setdefault("kuantitas", 1)
            del self.fields["hapus_berkas"]
        elif not self.instance.berkas:
            del self.fields["hapus_berkas"]

    def data_kegiatan(self) -> DataKegiatan:
        c = self.cleaned_data
        return DataKegiatan(
            tanggal=c["tanggal"],
            uraian=c["uraian"].strip(),
            kuantitas=c["kuantitas"],
            satuan=c.get("satuan", "").strip(),
            iki=c.get("iki"),
            bukti_url=c.get("bukti_url", ""),
            jam_mulai=c.get("jam_mulai"),
            jam_selesai=c.get("jam_selesai"),
            rencana_aksi=c.get("rencana_aksi"),
        )

    def _post_clean(self):
        # Domain rules belong to the service; skip ModelForm's instance validation.
        pass


class TanggapanForm(forms.Form):
    tanda = forms.ChoiceField(
        label=_("Tanda"),
        required=False,
        choices=[("", _("— tanpa tanda —"))] + TanggapanKegiatan.Tanda.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm", "aria-label": _("Tanda")}),
    )
    komentar = forms.CharField(
        label=_("Komentar"),
        required=False,
        max_length=500,
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-sm",
                "placeholder": _("Komentar singkat…"),
                "aria-label": _("Komentar"),
            }
        ),
    )

    @classmethod
    def untuk(cls, kegiatan: KegiatanHarian, atasan) -> "TanggapanForm":
        """The supervisor's own reaction in the inputs (one row per supervisor): saving one part keeps the other."""
        mine = next((t for t in kegiatan.tanggapan.all() if atasan and t.oleh_id == atasan.pk), None)
        initial = {"tanda": mine.tanda, "komentar": mine.komentar} if mine else {}
        return cls(initial=initial, auto_id=False)  # one form per row: no duplicate ids


class RentangForm(forms.Form):
    """Date range for lists and exports."""

    # ISO in the widget: an <input type=date> never takes a localised value
    dari = forms.DateField(
        label=_("Dari"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sampai = forms.DateField(
        label=_("Sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        c = super().clean()
        if c.get("dari") and c.get("sampai") and c["dari"] > c["sampai"]:
            raise forms.ValidationError(_("Tanggal 'dari' harus sebelum atau sama dengan 'sampai'."))
        return c


class JamKerjaStandarForm(forms.Form):
    """The instansi's standard week in hours (37.5 = 37 jam 30 menit); stored in minutes."""

    jam_per_minggu = forms.DecimalField(
        label=_("Jam kerja standar instansi (jam per minggu)"), min_value=1, max_value=168, max_digits=5,
        decimal_places=2, widget=forms.NumberInput(attrs={"step": "0.25", "class": "form-control form-control-sm"}),
    )

    def menit(self) -> int:
        return round(self.cleaned_data["jam_per_minggu"] * 60)
