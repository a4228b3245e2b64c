"""Admin for the SE 3/2023 order exception and the keberatan explanations (PP 30/2019 Pasal 59)."""
from django.contrib import admin

from ..models import PengecualianUrutan, PermintaanPenjelasan


@admin.register(PengecualianUrutan)
class PengecualianUrutanAdmin(admin.ModelAdmin):
    list_display = ("unit_kerja", "periode", "oleh", "waktu")
    list_filter = ("periode__tahun", "periode__jenis")
    search_fields = ("unit_kerja__nama", "unit_kerja__kode", "alasan")
    autocomplete_fields = ("unit_kerja",)
    list_select_related = ("unit_kerja", "periode", "oleh")
    readonly_fields = ("oleh", "waktu")


@admin.register(PermintaanPenjelasan)
class PermintaanPenjelasanAdmin(admin.ModelAdmin):
    list_display = ("keberatan", "pihak", "kepada", "batas", "dijawab_pada")
    list_filter = ("pihak", "keberatan__status")
    search_fields = ("kepada__nama", "kepada__nip", "keberatan__penilaian__skp__pegawai__nama")
    raw_id_fields = ("keberatan",)
    autocomplete_fields = ("kepada",)
    list_select_related = ("keberatan__penilaian__skp__pegawai", "keberatan__penilaian__periode", "kepada")
    readonly_fields = ("diminta_oleh", "diminta_pada", "dijawab_pada")
