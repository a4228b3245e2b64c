from django.contrib import admin

from .models import KegiatanHarian, TanggapanKegiatan


class TanggapanInline(admin.TabularInline):
    model = TanggapanKegiatan
    extra = 0
    autocomplete_fields = ("oleh",)


@admin.register(KegiatanHarian)
class KegiatanHarianAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "pegawai", "uraian_singkat", "kuantitas", "satuan", "iki", "dibuat_pada")
    list_filter = ("tanggal", "pegawai__unit_kerja__instansi")
    search_fields = ("pegawai__nip", "pegawai__nama", "uraian")
    date_hierarchy = "tanggal"
    autocomplete_fields = ("pegawai",)
    raw_id_fields = ("iki",)
    list_select_related = ("pegawai", "iki")
    readonly_fields = ("nama_berkas", "ukuran", "content_type", "dibuat_pada", "diubah_pada")
    inlines = [TanggapanInline]

    @admin.display(description="uraian")
    def uraian_singkat(self, obj):
        return obj.uraian[:80]


@admin.register(TanggapanKegiatan)
class TanggapanKegiatanAdmin(admin.ModelAdmin):
    list_display = ("kegiatan", "oleh", "tanda", "komentar", "diubah_pada")
    list_filter = ("tanda",)
    search_fields = ("komentar", "oleh__nama", "kegiatan__pegawai__nama", "kegiatan__pegawai__nip")
    autocomplete_fields = ("oleh",)
    raw_id_fields = ("kegiatan",)
    list_select_related = ("kegiatan", "kegiatan__pegawai", "oleh")
