from django.contrib import admin

from .models import KegiatanHarian, PengaturanHarian, TanggapanKegiatan


class TanggapanInline(admin.TabularInline):
    model = TanggapanKegiatan
    extra = 0
    autocomplete_fields = ("oleh",)


@admin.register(KegiatanHarian)
class KegiatanHarianAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "jam_mulai", "jam_selesai", "pegawai", "uraian_singkat", "kuantitas", "satuan", "status",
                    "dibuat_pada")
    list_filter = ("status", "tanggal", "pegawai__unit_kerja__instansi")
    search_fields = ("pegawai__nip", "pegawai__nama", "uraian")
    date_hierarchy = "tanggal"
    autocomplete_fields = ("pegawai",)
    raw_id_fields = ("iki", "rencana_aksi", "diperiksa_oleh")
    list_select_related = ("pegawai", "iki")
    readonly_fields = ("nama_berkas", "ukuran", "content_type", "diperiksa_pada", "dibuat_pada", "diubah_pada")
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


@admin.register(PengaturanHarian)
class PengaturanHarianAdmin(admin.ModelAdmin):
    list_display = ("instansi", "jam_kerja_menit")
    search_fields = ("instansi__nama", "instansi__kode")
    autocomplete_fields = ("instansi",)
