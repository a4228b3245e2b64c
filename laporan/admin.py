from django.contrib import admin

from .models import AturanTpp, BarisTpp, BulanTpp, LaporanJob


@admin.register(LaporanJob)
class LaporanJobAdmin(admin.ModelAdmin):
    list_display = ("pk", "jenis", "instansi", "status", "selesai", "total", "dibuat_oleh", "dibuat_pada")
    list_filter = ("status", "jenis", "instansi")
    list_select_related = ("instansi", "dibuat_oleh")
    readonly_fields = ("dibuat_pada", "selesai_pada")


@admin.register(AturanTpp)
class AturanTppAdmin(admin.ModelAdmin):
    list_display = ("instansi", "berlaku_mulai", "dasar_hukum", "persen_baik", "potongan_tidak_lapor",
                    "batas_potongan")
    list_filter = ("instansi",)
    list_select_related = ("instansi",)


class BarisTppInline(admin.TabularInline):
    model = BarisTpp
    extra = 0
    can_delete = False
    readonly_fields = ("pegawai", "urutan", "data")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(BulanTpp)
class BulanTppAdmin(admin.ModelAdmin):
    """Read-only: a month is closed by HR on the TPP page and reopened there by an administrator (audited)."""

    list_display = ("unit_kerja", "tahun", "bulan", "ditutup_oleh", "ditutup_pada")
    list_filter = ("instansi", "tahun")
    list_select_related = ("unit_kerja", "ditutup_oleh")
    readonly_fields = ("instansi", "unit_kerja", "tahun", "bulan", "aturan", "aturan_data", "ditutup_oleh",
                       "ditutup_pada")
    inlines = [BarisTppInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
