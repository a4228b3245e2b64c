from django.contrib import admin

from ..models import FrasaEkspektasi, FrasaUmpanBalik, IndikatorPerilaku, PerilakuKerja


class IndikatorInline(admin.TabularInline):
    model = IndikatorPerilaku
    extra = 0


@admin.register(PerilakuKerja)
class PerilakuKerjaAdmin(admin.ModelAdmin):
    list_display = ("urutan", "nama", "nama_en", "makna", "kode")
    search_fields = ("nama", "nama_en", "kode")
    inlines = [IndikatorInline]


@admin.register(IndikatorPerilaku)
class IndikatorPerilakuAdmin(admin.ModelAdmin):
    list_display = ("perilaku", "urutan", "teks", "teks_en")
    list_filter = ("perilaku",)
    search_fields = ("teks", "teks_en")
    list_select_related = ("perilaku",)


@admin.register(FrasaEkspektasi)
class FrasaEkspektasiAdmin(admin.ModelAdmin):
    list_display = ("teks", "teks_en", "perilaku", "aktif")
    list_filter = ("perilaku", "aktif")
    search_fields = ("teks", "teks_en")
    list_select_related = ("perilaku",)


@admin.register(FrasaUmpanBalik)
class FrasaUmpanBalikAdmin(admin.ModelAdmin):
    list_display = ("teks", "teks_en", "perilaku", "aktif")
    list_filter = ("perilaku", "aktif")
    search_fields = ("teks", "teks_en")
    list_select_related = ("perilaku",)
