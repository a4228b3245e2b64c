import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pegawai.models import Pegawai
from penilaian.models import IndikatorKinerja, RencanaHasilKerja

from .models import KegiatanHarian

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # ISO: type=date never takes a localised value


class _RentangFilter(django_filters.FilterSet):
    dari = django_filters.DateFilter(label=_("Dari"), field_name="tanggal", lookup_expr="gte", widget=DATE)
    sampai = django_filters.DateFilter(label=_("Sampai"), field_name="tanggal", lookup_expr="lte", widget=DATE)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=KegiatanHarian.Status.choices,
                                         empty_label=_("Semua status"))


class KegiatanSayaFilter(_RentangFilter):
    iki = django_filters.ModelChoiceFilter(label=_("RHK / IKI"), queryset=IndikatorKinerja.objects.none())

    class Meta:
        model = KegiatanHarian
        fields = ["dari", "sampai", "status", "iki"]

    def __init__(self, *args, iki_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if iki_qs is not None:
            self.filters["iki"].queryset = iki_qs


class KegiatanTimFilter(_RentangFilter):
    """Person, date range and RHK for an atasan's small team; HR (a whole instansi) searches by NIP/name."""

    pegawai = django_filters.ModelChoiceFilter(label=_("Pegawai"), queryset=Pegawai.objects.none())
    q = django_filters.CharFilter(label=_("Cari NIP atau nama"), method="cari")
    rhk = django_filters.ModelChoiceFilter(
        label=_("RHK"), field_name="iki__rhk", queryset=RencanaHasilKerja.objects.none()
    )

    class Meta:
        model = KegiatanHarian
        fields = ["pegawai", "q", "dari", "sampai", "status", "rhk"]

    def __init__(self, *args, tim=None, rhk_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tim is not None:
            self.filters["pegawai"].queryset = tim.order_by("nama")
            del self.filters["q"]
        else:
            del self.filters["pegawai"]
        if rhk_qs is not None:
            self.filters["rhk"].queryset = rhk_qs
        else:
            del self.filters["rhk"]

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if value.isascii() and value.isdecimal():  # "²".isdigit() is true; a NIP is ASCII digits
            return queryset.filter(pegawai__nip__startswith=value)
        return queryset.filter(Q(pegawai__nama__icontains=value) | Q(pegawai__nip__icontains=value))

    @property
    def form(self):
        form = super().form
        if "rhk" in form.fields:
            form.fields["rhk"].label_from_instance = lambda r: f"{r.skp.pegawai.nama}: {r.teks[:60]}"
        return form
