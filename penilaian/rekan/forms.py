"""Forms check shape only; services check the domain rules (style.md §7)."""
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from kinerja.forms import IdMultipleChoiceField, ModelChoiceDimuat
from pegawai.models import Pegawai, UnitKerja
from pegawai.unit_label import UnitChoiceField

from ..kurva import PredikatOrganisasi
from ..models import PerilakuKerja, Periode
from ..predikat import Rating
from .segel import MAKS_KOMENTAR


class UndanganForm(forms.Form):
    """Peers from the appraisee's unit (checkboxes) plus any pegawai of the instansi by NIP."""

    rekan = IdMultipleChoiceField(
        label=_("Rekan satu unit"), queryset=Pegawai.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    nip_lain = forms.CharField(
        label=_("NIP rekan dari unit lain"), required=False,
        help_text=_("Pisahkan beberapa NIP dengan koma atau spasi."),
        # static/js/cari_pegawai.js: type a name after the last comma and pick; the NIP is added to the list
        widget=forms.TextInput(attrs={"data-cari-pegawai": reverse_lazy("pegawai:cari"), "data-cari-tambah": "",
                                      "autocomplete": "off"}),
    )

    def __init__(self, *args, penilaian, **kwargs):
        super().__init__(*args, **kwargs)
        skp = penilaian.skp
        self.instansi_id = skp.pegawai.unit_kerja.instansi_id
        self.fields["rekan"].queryset = (
            Pegawai.objects.filter(unit_kerja_id=skp.pegawai.unit_kerja_id, aktif=True)
            .exclude(pk__in=[skp.pegawai_id, skp.pejabat_penilai_id or 0])
            .exclude(undangan_masukan__penilaian=penilaian)
            .select_related("jabatan").order_by("nama")
        )
        self.fields["rekan"].label_from_instance = lambda p: f"{p.nama_lengkap} — {p.jabatan or ''}"

    def clean_nip_lain(self):
        nips = [n for n in self.cleaned_data["nip_lain"].replace(",", " ").split() if n]
        found = list(
            Pegawai.objects.select_related("unit_kerja").filter(nip__in=nips, unit_kerja__instansi_id=self.instansi_id)
        )
        missing = set(nips) - {p.nip for p in found}
        if missing:
            raise forms.ValidationError(
                _("NIP tidak ditemukan di instansi ini: %(nip)s") % {"nip": ", ".join(sorted(missing))}
            )
        return found

    def clean(self):
        data = super().clean()
        data["semua"] = list(data.get("rekan") or []) + list(data.get("nip_lain") or [])
        if not data["semua"] and not self.errors:
            raise forms.ValidationError(_("Pilih minimal satu rekan kerja."))
        return data


class MasukanForm(forms.Form):
    """One radio group per BerAKHLAK value (field name = PerilakuKerja.kode) and an optional comment."""

    komentar = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=MAKS_KOMENTAR,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control", "maxlength": MAKS_KOMENTAR}),
        help_text=_("Jangan menulis hal yang dapat mengungkap identitas Anda."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.perilaku = list(PerilakuKerja.objects.prefetch_related("indikator").order_by("urutan"))
        for p in self.perilaku:
            self.fields[p.kode] = forms.ChoiceField(
                label=str(p),
                choices=Rating.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu untuk %(nama)s.") % {"nama": p}},
            )
        self.order_fields([p.kode for p in self.perilaku] + ["komentar"])

    def jawaban(self) -> dict:
        return {p.kode: self.cleaned_data[p.kode] for p in self.perilaku}

    def baris(self):
        return [(p, self[p.kode]) for p in self.perilaku]


class CapaianForm(forms.Form):
    predikat = forms.ChoiceField(label=_("Capaian kinerja organisasi"), choices=PredikatOrganisasi.choices)
    catatan = forms.CharField(
        label=_("Catatan/dasar penetapan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FinalisasiForm(forms.Form):
    justifikasi = forms.CharField(
        label=_("Justifikasi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila distribusi predikat tidak sesuai pola SE MenPANRB 3/2023."),
    )


class KeberatanForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan keberatan"), min_length=20, widget=forms.Textarea(attrs={"rows": 4}))


KEPUTUSAN = (("PERTAHANKAN", _("Penilaian dipertahankan")), ("UBAH", _("Penilaian diubah")))


class PutusanForm(forms.Form):
    keputusan_jenis = forms.ChoiceField(label=_("Keputusan"), choices=KEPUTUSAN, widget=forms.RadioSelect)
    rating_hasil = forms.ChoiceField(
        label=_("Rating hasil kerja baru"),
        choices=[("", "—"), *Rating.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    rating_perilaku = forms.ChoiceField(
        label=_("Rating perilaku kerja baru"),
        choices=[("", "—"), *Rating.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    keputusan = forms.CharField(
        label=_("Pertimbangan keputusan"), min_length=10, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self):
        data = super().clean()
        if data.get("keputusan_jenis") == "UBAH" and not (data.get("rating_hasil") and data.get("rating_perilaku")):
            raise forms.ValidationError(_("Pilih rating hasil kerja dan rating perilaku kerja yang baru."))
        # Decide what the form shows: new ratings on screen with "dipertahankan" would be silently dropped.
        if data.get("keputusan_jenis") == "PERTAHANKAN" and (data.get("rating_hasil") or data.get("rating_perilaku")):
            raise forms.ValidationError(
                _(
                    "Rating baru dipilih, tetapi keputusannya 'Penilaian dipertahankan'. "
                    "Pilih 'Penilaian diubah', atau kosongkan rating baru."
                )
            )
        return data


class SebaranForm(forms.Form):
    """The perangkat daerah and period of the distribution page (a GET form: shape only)."""

    induk = UnitChoiceField(label=_("Perangkat daerah (beserta seluruh sub-unitnya)"),
                            queryset=UnitKerja.objects.none(), empty_label=None)
    periode = ModelChoiceDimuat(label=_("Periode"), queryset=Periode.objects.none(), empty_label=None)

    def __init__(self, *args, units, periodes, dimuat=None, **kwargs):
        """``dimuat``: (units, periodes) the page loaded from those querysets already (no query then)."""
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = units
        self.fields["periode"].queryset = periodes
        if dimuat is not None:
            self.fields["induk"].pilihan(dimuat[0])
            self.fields["periode"].pilihan(dimuat[1])
        for f in self.fields.values():
            f.widget.attrs["class"] = "form-select form-select-sm"
