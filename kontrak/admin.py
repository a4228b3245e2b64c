from django.contrib import admin

from .models import PerjanjianKerja


@admin.register(PerjanjianKerja)
class PerjanjianKerjaAdmin(admin.ModelAdmin):
    list_display = ("nomor", "pegawai", "jenis", "tanggal_mulai", "tanggal_selesai", "status")
    list_filter = ("status", "jenis", "pegawai__status")
    search_fields = ("nomor", "pegawai__nama", "pegawai__nip")
    date_hierarchy = "tanggal_selesai"
    raw_id_fields = ("pegawai", "dibuat_oleh")
    readonly_fields = ("dibuat_oleh", "dibuat_pada")
