"""Forms check shape only; domain rules live in the services (style.md §7)."""
from decimal import Decimal

from django import forms
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from kinerja.once import SubmitOnceMixin
from penilaian.models import Periode
from penilaian.predikat import Rating

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersiForm(forms.Form):
    """Every form that changes an evaluation carries the version it was loaded at (no lost updates)."""

    # js-versi: the page's script sends the latest version it has seen (htmx autosaves bump it).
    versi = forms.IntegerField(widget=forms.HiddenInput(attrs={"class": "js-versi"}), min_value=0, max_value=2**31 - 1)


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
        label=_("Berlaku sampai"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


def angka_polos(nilai: Decimal | None) -> Decimal | None:
    """12.50 → 12.5 and 100.00 → 100 (never 1E+2), so an input shows the number as it was typed."""
    if nilai is None:
        return None
    return nilai.quantize(Decimal(1)) if nilai == nilai.to_integral_value() else nilai.normalize()


class IsianForm(VersiForm):
    """Rencana aksi per RHK and realisasi per IKI: a number for a numeric target, text otherwise.

    Rendered through the widgets (never hand-written inputs): a number in ``value=`` is never localised,
    so a saved 12.5 comes back as 12.5 and survives the next save. Each field has its own id and label.
    """

    def __init__(self, *args, baris_rhk, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris_rhk = baris_rhk
        for b in baris_rhk:
            self.fields[f"ra_{b.rhk.pk}"] = forms.CharField(
                label=_("Rencana aksi — %(rhk)s") % {"rhk": b.rhk.teks},
                required=False,
                initial=b.rencana_aksi,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )
            for bi in b.iki:
                r = bi.realisasi
                label = _("Realisasi — %(iki)s") % {"iki": bi.iki.teks}
                if bi.iki.target_angka is not None:
                    self.fields[f"real_{bi.iki.pk}"] = forms.DecimalField(
                        label=label,
                        required=False,
                        max_digits=14,
                        decimal_places=2,
                        min_value=0,
                        initial=angka_polos(r.nilai) if r else None,
                        error_messages={
                            "min_value": _("Realisasi tidak boleh kurang dari 0."),
                            "invalid": _("Realisasi harus berupa angka, misalnya 12.5."),
                            "max_decimal_places": _("Realisasi paling banyak 2 angka di belakang koma."),
                            "max_digits": _("Realisasi terlalu besar."),
                        },
                        widget=forms.NumberInput(
                            attrs={"step": "any", "min": "0", "class": "form-control form-control-sm"}
                        ),
                    )
                else:
                    self.fields[f"real_{bi.iki.pk}"] = forms.CharField(
                        label=label,
                        required=False,
                        initial=r.teks if r else "",
                        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
                    )

    def _dikirim(self, name: str) -> bool:
        # Only what the page showed and sent is written: a POST without a field (an older page, another
        # form posting here) never blanks a value the user did not see.
        return self.add_prefix(name) in self.data

    def rencana_aksi(self) -> dict[int, str]:
        return {
            b.rhk.pk: self.cleaned_data[f"ra_{b.rhk.pk}"] for b in self.baris_rhk if self._dikirim(f"ra_{b.rhk.pk}")
        }

    def realisasi(self) -> dict[int, tuple]:
        out = {}
        for b in self.baris_rhk:
            for bi in b.iki:
                name = f"real_{bi.iki.pk}"
                if not self._dikirim(name):
                    continue
                v = self.cleaned_data[name]
                out[bi.iki.pk] = (v, "") if bi.iki.target_angka is not None else (None, v)
        return out


class BuktiForm(forms.Form):
    """One evidence item. Per IKI the page shows one of these inside the isian form, bound to its own
    ``<form id="bukti-<iki>">`` through the ``form`` attribute (forms cannot nest), with its own ids."""

    iki = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    url = forms.URLField(
        label=_("Tautan"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "form-control form-control-sm mt-1", "placeholder": "https://…"}),
    )
    berkas = forms.FileField(
        label=_("Berkas"),
        required=False,
        allow_empty_file=True,
        widget=forms.FileInput(
            attrs={"class": "form-control form-control-sm", "accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}
        ),
    )
    keterangan = forms.CharField(
        label=_("Keterangan"),
        required=False,
        max_length=255,
        widget=forms.TextInput(
            attrs={"class": "form-control form-control-sm mt-1", "placeholder": _("Keterangan (opsional)")}
        ),
    )

    def __init__(self, *args, iki=None, **kwargs):
        if iki is not None:
            kwargs.setdefault("auto_id", f"id_bukti_{iki.pk}_%s")
            kwargs.setdefault("initial", {"iki": iki.pk})
        super().__init__(*args, **kwargs)
        if iki is not None:
            labels = {
                "url": _("Tautan bukti — %(iki)s"),
                "berkas": _("Berkas bukti — %(iki)s"),
                "keterangan": _("Keterangan bukti — %(iki)s"),
            }
            for name, field in self.fields.items():
                field.widget.attrs["form"] = f"bukti-{iki.pk}"
                if name in labels:
                    field.label = labels[name] % {"iki": iki.teks}

    def clean(self):
        data = super().clean()
        if bool(data.get("url")) == bool(data.get("berkas")):
            raise forms.ValidationError(_("Isi tautan atau pilih satu berkas (salah satu saja)."))
        return data


class UmpanBalikForm(VersiForm):
    target = forms.RegexField(regex=r"^(rhk|perilaku)-\d+$")
    frasa = forms.CharField(required=False, max_length=255)
    teks = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RatingRadio(forms.RadioSelect):
    """Radio buttons with ids from the value (``rh-DI_ATAS``), stable for labels and tests."""

    def __init__(self, prefix: str, attrs=None):
        super().__init__(attrs={"class": "form-check-input js-rating", **(attrs or {})})
        self.prefix = prefix

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"]["id"] = f"{self.prefix}-{value}"
        return option


class RatingForm(VersiForm):
    """The two ratings of the rating card; the same fields are posted by *Simpan rating* and *Finalkan*,
    so finalising locks what the card shows (style.md §13). With the leader rule (§3.3) rating hasil is
    fixed and travels as a hidden field."""

    rating_hasil = forms.ChoiceField(
        label=_("Rating hasil kerja"), choices=Rating.choices, required=False, widget=RatingRadio("rh")
    )
    rating_perilaku = forms.ChoiceField(
        label=_("Rating perilaku kerja"), choices=Rating.choices, required=False, widget=RatingRadio("rp")
    )

    def __init__(self, *args, rating_tetap: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versi"].widget.attrs["id"] = "id_versi_rating"
        if rating_tetap:
            self.fields["rating_hasil"].widget = forms.HiddenInput()
            self.initial["rating_hasil"] = rating_tetap


class KembalikanForm(VersiForm):
    catatan = forms.CharField(
        label=_("Catatan pengembalian"),
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-sm flex-grow-1 w-auto",
                "placeholder": _("Yang perlu diperbaiki pegawai"),
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_kembalikan_%s")
        super().__init__(*args, **kwargs)
