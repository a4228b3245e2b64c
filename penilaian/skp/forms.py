"""Forms check shape; the services check the domain rules (style.md §7)."""
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from pegawai.models import Pegawai

from ..models import IndikatorKinerja, RencanaHasilKerja, Skp
from ..models.skp import TARGET_POSITIF
from .selectors import induk_choices


def tahun_choices():
    today = date.today().year
    return [(y, y) for y in range(today + 1, today - 3, -1)]


class SkpCreateForm(forms.Form):
    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, choices=tahun_choices)
    tanggal_mulai = forms.DateField(
        label=_("Periode awal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tanggal_selesai = forms.DateField(
        label=_("Periode akhir"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    pendekatan = forms.ChoiceField(
        label=_("Pendekatan"), choices=Skp.Pendekatan.choices, initial=Skp.Pendekatan.KUANTITATIF
    )
    salin = forms.BooleanField(label=_("Salin RHK dan IKI dari SKP tahun lalu"), required=False)

    def __init__(self, *args, pegawai=None, **kwargs):
        super().__init__(*args, **kwargs)
        y = date.today().year
        if pegawai is not None:
            # Offer the first year from now on that has no SKP yet (in December: usually next year's).
            ada = set(Skp.objects.filter(pegawai=pegawai, tahun__gte=y).values_list("tahun", flat=True))
            y = next((t for t in (y, y + 1) if t not in ada), y)
        self.fields["tahun"].initial = y
        self.fields["tanggal_mulai"].initial = date(y, 1, 1)
        self.fields["tanggal_selesai"].initial = date(y, 12, 31)


class RhkForm(forms.ModelForm):
    class Meta:
        model = RencanaHasilKerja
        fields = ["jenis", "klasifikasi", "teks", "induk", "perspektif", "penugasan_dari"]
        widgets = {"teks": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teks"].help_text = _("Contoh: Tersusunnya dokumen perencanaan program yang tepat waktu.")
        if skp.is_jpt:
            del self.fields["induk"]
            self.fields["perspektif"].required = True
        else:
            del self.fields["perspektif"]
            qs = induk_choices(skp)
            self.fields["induk"].queryset = qs
            self.fields["induk"].label_from_instance = lambda r: f"{r.get_jenis_display()}: {r.teks[:120]}"
            self.fields["induk"].help_text = (
                _("Pilih RHK pejabat penilai yang Anda dukung.")
                if qs.exists()
                else _("Pejabat penilai belum menyusun SKP tahun ini; Anda dapat menautkannya nanti.")
            )


class IkiForm(forms.ModelForm):
    class Meta:
        model = IndikatorKinerja
        fields = ["teks", "aspek", "target_angka", "satuan", "target_teks"]
        widgets = {"teks": forms.Textarea(attrs={"rows": 2}), "target_teks": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        if skp.is_jpt:
            del self.fields["aspek"]
        else:
            self.fields["aspek"].required = True
        if skp.pendekatan == Skp.Pendekatan.KUANTITATIF:
            del self.fields["target_teks"]
            self.fields["target_angka"].required = True
            self.fields["target_angka"].widget.attrs["min"] = "0.01"
            self.fields["satuan"].required = True
        else:
            del self.fields["target_angka"]
            del self.fields["satuan"]
            self.fields["target_teks"].required = True

    def clean_target_angka(self):
        nilai = self.cleaned_data.get("target_angka")
        if nilai is not None and nilai <= 0:
            raise forms.ValidationError(TARGET_POSITIF)
        return nilai


class LinkForm(forms.Form):
    induk = forms.ModelChoiceField(
        label=_("RHK pimpinan yang diintervensi"), queryset=RencanaHasilKerja.objects.none(), required=False
    )

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = induk_choices(skp)
        self.fields["induk"].label_from_instance = lambda r: r.teks[:120]


class LampiranForm(forms.ModelForm):
    class Meta:
        model = Skp
        fields = ["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in fields}


class ReturnForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan pengembalian"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Jelaskan apa yang perlu diperbaiki."),
    )


class RevisiForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan revisi"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EkspektasiForm(forms.Form):
    """One picklist + one free-text field per BerAKHLAK value (domain.md §2: picklist and free text)."""

    def __init__(self, *args, perilaku: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.perilaku = perilaku
        for p in perilaku:
            self.fields[f"frasa_{p.pk}"] = forms.ChoiceField(
                label=str(p),
                required=False,
                choices=[("", _("— pilih contoh ekspektasi —"))] + [(f.teks, str(f)) for f in p.frasa_aktif],
            )
            self.fields[f"teks_{p.pk}"] = forms.CharField(
                label=_("Ekspektasi khusus pimpinan"),
                required=False,
                initial=p.ekspektasi,
                widget=forms.Textarea(attrs={"rows": 2, "data-perilaku": p.pk}),
            )

    def rows(self):
        return [(p, self[f"frasa_{p.pk}"], self[f"teks_{p.pk}"]) for p in self.perilaku]

    def ekspektasi(self) -> dict[int, str]:
        """Free text wins; otherwise the picked phrase."""
        return {
            p.pk: self.cleaned_data[f"teks_{p.pk}"].strip() or self.cleaned_data[f"frasa_{p.pk}"] for p in self.perilaku
        }


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status"))] + Skp.Status.choices
    )
    tahun = forms.TypedChoiceField(
        label=_("Tahun"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=lambda: [("", _("Semua tahun"))] + tahun_choices(),
    )
    q = forms.CharField(label=_("Cari nama/NIP"), required=False)


class ReassignForm(forms.Form):
    penilai = forms.ModelChoiceField(label=_("Pejabat penilai baru"), queryset=Pegawai.objects.none(),
                                     widget=forms.Select(attrs={"data-saring": ""}))  # filterable by name/NIP
    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penilai"].queryset = (
            Pegawai.objects.filter(unit_kerja__instansi_id=skp.pegawai.unit_kerja.instansi_id, aktif=True)
            .exclude(pk=skp.pegawai_id)
            .exclude(jabatan__jenis__in=["FUNGSIONAL", "PELAKSANA"])
            .select_related("jabatan")
            .order_by("nama")
        )
        self.fields["penilai"].label_from_instance = lambda p: f"{p.nama_lengkap} — {p.jabatan or '-'} ({p.nip})"
