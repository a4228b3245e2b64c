from django.contrib import admin

from .models import (
    Bentuk,
    ItemRencana,
    Jalur,
    JenisPengembangan,
    RencanaPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)


class ReferensiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "nama_en", "urutan", "aktif")
    list_editable = ("urutan", "aktif")
    list_filter = ("aktif",)
    search_fields = ("kode", "nama", "nama_en")


admin.site.register(Jalur, ReferensiAdmin)
admin.site.register(Bentuk, ReferensiAdmin)
admin.site.register(RumpunKompetensi, ReferensiAdmin)


@admin.register(JenisPengembangan)
class JenisPengembanganAdmin(ReferensiAdmin):
    list_display = ("kode", "nama", "nama_en", "jalur", "bentuk", "urutan", "aktif")
    list_filter = ("jalur", "bentuk", "aktif")
    list_select_related = ("jalur", "bentuk")


@admin.register(RiwayatPengembangan)
class RiwayatPengembanganAdmin(admin.ModelAdmin):
    list_display = ("nama_kegiatan", "pegawai", "jenis", "tanggal_selesai", "jp", "status", "diverifikasi_oleh")
    list_filter = ("status", "jalur", "bentuk", "rumpun", "jenis")
    search_fields = ("nama_kegiatan", "penyelenggara", "nomor_sertifikat", "pegawai__nip", "pegawai__nama")
    autocomplete_fields = ("pegawai", "diverifikasi_oleh", "dibuat_oleh")
    list_select_related = ("pegawai", "jenis", "diverifikasi_oleh")
    date_hierarchy = "tanggal_selesai"
    readonly_fields = ("nama_berkas", "ukuran", "content_type", "dibuat_pada", "diubah_pada")


class ItemRencanaInline(admin.TabularInline):
    model = ItemRencana
    extra = 0
    autocomplete_fields = ("riwayat",)
    raw_id_fields = ("penilaian",)


@admin.register(RencanaPengembangan)
class RencanaPengembanganAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "tahun", "sumber", "dibuat_pada")
    list_filter = ("tahun", "sumber")
    search_fields = ("pegawai__nip", "pegawai__nama")
    autocomplete_fields = ("pegawai", "dibuat_oleh")
    list_select_related = ("pegawai",)
    inlines = [ItemRencanaInline]


@admin.register(ItemRencana)
class ItemRencanaAdmin(admin.ModelAdmin):
    list_display = ("kompetensi", "rencana", "rumpun", "jenis", "target_jp", "target_tanggal", "status", "area")
    list_filter = ("status", "area", "rumpun")
    search_fields = ("kompetensi", "rencana__pegawai__nip", "rencana__pegawai__nama")
    autocomplete_fields = ("rencana", "riwayat", "rumpun", "jenis")
    raw_id_fields = ("penilaian",)
    list_select_related = ("rencana__pegawai", "rumpun", "jenis")
