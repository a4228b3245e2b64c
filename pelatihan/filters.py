import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids
from pegawai.unit_label import UnitChoiceFilter

from .models import JenisPengembangan, RiwayatPengembangan


class _UnitMixin:
    def filter_unit(self, queryset, name, value):
        return queryset.filter(**{name + "_id__in": descendant_ids(value)}) if value else queryset


class RiwayatFilter(_UnitMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari NIP, nama atau kegiatan"), method="cari")
    pegawai__unit_kerja = UnitChoiceFilter(
        label=_("Unit kerja"), queryset=UnitKerja.objects.none(), method="filter_unit"
    )
    jenis = django_filters.ModelChoiceFilter(label=_("Jenis"), queryset=JenisPengembangan.objects.all())

    class Meta:
        model = RiwayatPengembangan
        fields = ["q", "pegawai__unit_kerja", "jenis"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.filters["pegawai__unit_kerja"].queryset = units

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(pegawai__nip__startswith=value) | Q(pegawai__nama__icontains=value) | Q(nama_kegiatan__icontains=value)
        )


class LaporanFilter(_UnitMixin, django_filters.FilterSet):
    unit_kerja = UnitChoiceFilter(
        label=_("Unit kerja (termasuk sub-unit)"), queryset=UnitKerja.objects.none(), method="filter_unit"
    )
    status = django_filters.ChoiceFilter(label=_("Status kepegawaian"), choices=Pegawai.Status.choices)

    class Meta:
        model = Pegawai
        fields = ["unit_kerja", "status"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.filters["unit_kerja"].queryset = units
