"""Admin for the SE 3/2023 order exception and the keberatan explanations (PP 30/2019 Pasal 59)."""
from django.contrib import admin

from ..models import PengecualianUrutan


@admin.register(PengecualianUrutan)
class PengecualianUrutanAdmin(admin.ModelAdmin):
    list_display = ("unit_kerja", "periode", "oleh", "waktu")
    list_filter = ("periode__tahun", "periode__jenis")
    search_fields = ("unit_kerja__nama", "unit_kerja__kode", "alasan")
    autocomplete_fields = ("unit_kerja",)
    list_select_related = ("unit_kerja", "periode", "oleh")
    readonly_fields = ("oleh", "waktu")
