"""Query filters of the API; the pegawai filter is the list page's own FilterSet."""
import django_filters

from harian.models import KegiatanHarian
from pegawai import access
from pegawai.filters import PegawaiFilter
from pegawai.models import UnitKerja
from pelatihan.models import RiwayatPengembangan
from penilaian.models import Penilaian, Periode, Skp

ID_MAKS = 2**63 - 1  # a bigger number is no id on any database: 400, never an overflow in the query


def id_filter(field_name: str, **kw) -> django_filters.NumberFilter:
    return django_filters.NumberFilter(field_name=field_name, min_value=1, max_value=ID_MAKS, **kw)


def tahun_filter(field_name: str) -> django_filters.NumberFilter:
    return django_filters.NumberFilter(field_name=field_name, min_value=1900, max_value=2999)


class ApiPegawaiFilter(PegawaiFilter):
    def __init__(self, *args, request=None, **kwargs):
        r = access.peran(request.user)
        units = UnitKerja.objects.all() if r.is_admin else UnitKerja.objects.filter(instansi_id=r.instansi_id)
        super().__init__(*args, units=units, **kwargs)


class UnitKerjaFilter(django_filters.FilterSet):
    parent = id_filter("parent")

    class Meta:
        model = UnitKerja
        fields = ["parent", "level", "aktif"]


class SkpFilter(django_filters.FilterSet):
    tahun = tahun_filter("tahun")
    pegawai = id_filter("pegawai")

    class Meta:
        model = Skp
        fields = ["tahun", "pegawai", "status"]


class PeriodeFilter(django_filters.FilterSet):
    tahun = tahun_filter("tahun")

    class Meta:
        model = Periode
        fields = ["tahun", "jenis"]


class PenilaianFilter(django_filters.FilterSet):
    tahun = tahun_filter("periode__tahun")
    pegawai = id_filter("skp__pegawai_id")
    periode = id_filter("periode")

    class Meta:
        model = Penilaian
        fields = ["tahun", "pegawai", "periode", "status", "predikat"]


class RiwayatFilter(django_filters.FilterSet):
    tahun = tahun_filter("tanggal_selesai__year")
    pegawai = id_filter("pegawai")

    class Meta:
        model = RiwayatPengembangan
        fields = ["tahun", "pegawai", "status"]


class KegiatanFilter(django_filters.FilterSet):
    dari = django_filters.DateFilter(field_name="tanggal", lookup_expr="gte")
    sampai = django_filters.DateFilter(field_name="tanggal", lookup_expr="lte")
    pegawai = id_filter("pegawai")
    iki = id_filter("iki")

    class Meta:
        model = KegiatanHarian
        fields = ["pegawai", "iki", "dari", "sampai"]
