from django.contrib import admin
from django.db import transaction

from .models import (
    Bentuk,
    ItemRencana,
    Jalur,
    JenisPengembangan,
    RencanaPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)
from .rekap import rekap_jp_hitung


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

    # An admin edit bypasses the services: keep the stored JP (``pelatihan.rekap``) current all the same.
    @transaction.atomic
    def save_model(self, request, obj, form, change):
        lama = RiwayatPengembangan.objects.filter(pk=obj.pk).values_list("pegawai_id", flat=True).first()
        super().save_model(request, obj, form, change)
        rekap_jp_hitung(pegawai_ids={obj.pegawai_id, lama} - {None})

    @transaction.atomic
    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        rekap_jp_hitung(pegawai_ids=[obj.pegawai_id])

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        ids = set(queryset.values_list("pegawai_id", flat=True))
        super().delete_queryset(request, queryset)
        rekap_jp_hitung(pegawai_ids=ids)


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
