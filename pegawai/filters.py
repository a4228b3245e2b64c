import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Golongan, Jabatan, Pegawai, UnitKerja
from .selectors import descendant_ids
from .unit_label import UnitChoiceFilter


class PegawaiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari NIP atau nama"), method="cari")
    unit_kerja = UnitChoiceFilter(
        label=_("Unit kerja (termasuk sub-unit)"), queryset=UnitKerja.objects.none(), method="filter_unit"
    )
    jabatan = django_filters.ModelChoiceFilter(label=_("Jabatan"), queryset=Jabatan.objects.all())
    golongan = django_filters.ModelChoiceFilter(label=_("Golongan"), queryset=Golongan.objects.all())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Pegawai.Status.choices)
    aktif = django_filters.BooleanFilter(label=_("Aktif"))

    class Meta:
        model = Pegawai
        fields = ["q", "unit_kerja", "jabatan", "golongan", "status", "aktif"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.filters["unit_kerja"].queryset = units

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if value.isascii() and value.isdecimal():  # "²".isdigit() is true; a NIP is ASCII digits
            return queryset.filter(nip__startswith=value)
        # contains, not icontains, for the NIP (digits): the trigram index is on nip itself (pegawai 0009)
        return queryset.filter(Q(nama__icontains=value) | Q(nip__contains=value))

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit_kerja_id__in=descendant_ids(value)) if value else queryset
