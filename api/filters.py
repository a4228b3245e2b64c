"""Query filters of the API; the pegawai filter is the list page's own FilterSet."""
import django_filters

from harian.models import KegiatanHarian
from pegawai import access
from pegawai.filters import PegawaiFilter
from pegawai.models import UnitKerja
from pelatihan.models import RiwayatPengembangan
from penilaian.models import Penilaian, Periode, Skp


class ApiPegawaiFilter(PegawaiFilter):
    def __init__(self, *args, request=None, **kwargs):
        r = access.peran(request.user)
        units = UnitKerja.objects.all() if r.is_admin else UnitKerja.objects.filter(instansi_id=r.instansi_id)
        super().__init__(*args, units=units, **kwargs)


class UnitKerjaFilter(django_filters.FilterSet):
    class Meta:
        model = UnitKerja
        fields = ["parent", "level", "aktif"]


class SkpFilter(django_filters.FilterSet):
    class Meta:
        model = Skp
        fields = ["tahun", "pegawai", "status"]


class PeriodeFilter(django_filters.FilterSet):
    class Meta:
        model = Periode
        fields = ["tahun", "jenis"]


class PenilaianFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(field_name="periode__tahun")
    pegawai = django_filters.NumberFilter(field_name="skp__pegawai_id")

    class Meta:
        model = Penilaian
        fields = ["tahun", "pegawai", "periode", "status", "predikat"]


class RiwayatFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(field_name="tanggal_selesai__year")

    class Meta:
        model = RiwayatPengembangan
        fields = ["tahun", "pegawai", "status"]


class KegiatanFilter(django_filters.FilterSet):
    dari = django_filters.DateFilter(field_name="tanggal", lookup_expr="gte")
    sampai = django_filters.DateFilter(field_name="tanggal", lookup_expr="lte")

    class Meta:
        model = KegiatanHarian
        fields = ["pegawai", "iki", "dari", "sampai"]
