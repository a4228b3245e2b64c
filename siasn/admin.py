from django.contrib import admin

from .models import EksporSiasn, EksporSiasnBaris, LaporanSiasn, PegawaiSiasn


class BarisInline(admin.TabularInline):
    model = EksporSiasnBaris
    extra = 0
    can_delete = False
    readonly_fields = ("kunci", "hash")


@admin.register(EksporSiasn)
class EksporSiasnAdmin(admin.ModelAdmin):
    list_display = ("dibuat_pada", "instansi", "tahun", "jenis", "format", "jumlah_baris", "oleh")
    list_filter = ("jenis", "format", "tahun", "instansi")
    readonly_fields = ("instansi", "tahun", "jenis", "format", "jumlah_baris", "oleh", "dibuat_pada")
    inlines = [BarisInline]


@admin.register(PegawaiSiasn)
class PegawaiSiasnAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "pns_id", "unor_id", "diperbarui_pada")
    search_fields = ("pegawai__nip", "pegawai__nama", "pns_id")
    raw_id_fields = ("pegawai",)


@admin.register(LaporanSiasn)
class LaporanSiasnAdmin(admin.ModelAdmin):
    """Read-only: the rows are written by the background run (siasn.laporan); HR recomputes on the page."""

    list_display = ("instansi", "tahun", "jenis", "status", "jumlah_baris", "siap", "terhalang", "dihitung_pada")
    list_filter = ("jenis", "status", "tahun", "instansi")
    readonly_fields = [f.name for f in LaporanSiasn._meta.fields]

    def has_add_permission(self, request):
        return False
