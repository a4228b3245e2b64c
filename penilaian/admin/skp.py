"""Admin registrations of this sub-domain: SKP, RHK, IKI, ekspektasi perilaku, approved versions."""
from django.contrib import admin

from ..models import (
    EkspektasiPerilaku,
    IndikatorKinerja,
    RencanaHasilKerja,
    Skp,
    SkpVersi,
)
from .ringkasan import TandaiRingkasan


class RhkInline(admin.TabularInline):
    model = RencanaHasilKerja
    extra = 0
    fields = ("jenis", "urutan", "teks", "induk", "perspektif")
    raw_id_fields = ("induk",)
    show_change_link = True


class EkspektasiInline(admin.TabularInline):
    model = EkspektasiPerilaku
    extra = 0
    fields = ("perilaku", "teks")


@admin.register(Skp)
class SkpAdmin(TandaiRingkasan, admin.ModelAdmin):
    list_display = (
        "pegawai",
        "tahun",
        "tanggal_mulai",
        "tanggal_selesai",
        "bentuk",
        "status",
        "pejabat_penilai",
        "versi",
    )
    list_filter = ("tahun", "status", "bentuk", "pendekatan", "pegawai__unit_kerja__instansi")
    search_fields = ("pegawai__nama", "pegawai__nip", "pejabat_penilai__nama")
    autocomplete_fields = ("pegawai", "pejabat_penilai", "atasan_penilai", "pejabat_penilai_non_asn",
                           "atasan_penilai_non_asn")
    list_select_related = ("pegawai", "pejabat_penilai")
    readonly_fields = ("snapshot", "diajukan_pada", "disetujui_pada", "dibuat_pada", "diubah_pada")
    inlines = [RhkInline, EkspektasiInline]
    date_hierarchy = "diajukan_pada"


class IkiInline(admin.TabularInline):
    model = IndikatorKinerja
    extra = 0
    fields = ("urutan", "teks", "aspek", "target_angka", "satuan", "target_teks")


@admin.register(RencanaHasilKerja)
class RencanaHasilKerjaAdmin(admin.ModelAdmin):
    list_display = ("teks_pendek", "skp", "jenis", "urutan", "induk")
    list_filter = ("jenis", "klasifikasi", "perspektif", "skp__tahun")
    search_fields = ("teks", "skp__pegawai__nama", "skp__pegawai__nip")
    list_select_related = ("skp__pegawai", "induk")
    raw_id_fields = ("skp", "induk")
    inlines = [IkiInline]

    @admin.display(description="RHK")
    def teks_pendek(self, obj):
        return obj.teks[:80]


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(admin.ModelAdmin):
    list_display = ("teks", "rhk", "aspek", "target_angka", "satuan", "target_teks")
    list_filter = ("aspek",)
    search_fields = ("teks", "rhk__teks", "rhk__skp__pegawai__nama")
    list_select_related = ("rhk",)
    raw_id_fields = ("rhk",)


@admin.register(EkspektasiPerilaku)
class EkspektasiPerilakuAdmin(admin.ModelAdmin):
    list_display = ("skp", "perilaku", "teks")
    list_filter = ("perilaku",)
    search_fields = ("teks", "skp__pegawai__nama")
    list_select_related = ("skp__pegawai", "perilaku")
    raw_id_fields = ("skp",)


@admin.register(SkpVersi)
class SkpVersiAdmin(admin.ModelAdmin):
    list_display = ("skp", "versi", "disetujui_pada", "disetujui_oleh")
    list_filter = ("disetujui_pada",)
    search_fields = ("skp__pegawai__nama", "skp__pegawai__nip")
    list_select_related = ("skp__pegawai", "disetujui_oleh")
    raw_id_fields = ("skp",)
    readonly_fields = ("data",)
