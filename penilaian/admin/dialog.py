"""Admin for the performance dialogue. Feedback entries are append-only: read-only here as well."""
from django.contrib import admin

from ..models import (
    AksiTindakLanjut,
    Bimbingan,
    CheckIn,
    EvaluasiKompetensi,
    TanggapanUmpanBalik,
    UmpanBalikBimbingan,
    UmpanBalikEntri,
)


class TanggapanInline(admin.TabularInline):
    model = TanggapanUmpanBalik
    extra = 0
    readonly_fields = ["oleh", "teks", "dibuat_pada"]
    can_delete = False


@admin.register(UmpanBalikEntri)
class UmpanBalikEntriAdmin(admin.ModelAdmin):
    list_display = ["penilaian", "rhk", "iki", "perilaku", "frasa", "teks", "oleh", "sumber", "dibuat_pada"]
    list_filter = ["sumber", "minta_tanggapan", "perilaku"]
    search_fields = ["penilaian__skp__pegawai__nama", "teks", "frasa"]
    list_select_related = ["penilaian__skp__pegawai", "penilaian__periode", "rhk", "iki", "perilaku", "oleh"]
    inlines = [TanggapanInline]

    def has_change_permission(self, request, obj=None):
        return False


class AksiInline(admin.TabularInline):
    model = AksiTindakLanjut
    extra = 0
    fk_name = None
    raw_id_fields = ["item_rencana"]


class BimbinganAksiInline(AksiInline):
    fk_name = "bimbingan"
    exclude = ["checkin"]


class CheckInAksiInline(AksiInline):
    fk_name = "checkin"
    exclude = ["bimbingan"]


class EvaluasiKompetensiInline(admin.TabularInline):
    model = EvaluasiKompetensi
    extra = 0


@admin.register(Bimbingan)
class BimbinganAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "skp", "pembimbing", "peran_pembimbing", "topik", "status"]
    list_filter = ["status", "peran_pembimbing"]
    search_fields = ["skp__pegawai__nama", "pembimbing__nama", "topik"]
    list_select_related = ["skp__pegawai", "pembimbing"]
    raw_id_fields = ["skp", "pembimbing", "penilaian_asal", "dibuat_oleh"]
    inlines = [BimbinganAksiInline, EvaluasiKompetensiInline]


@admin.register(UmpanBalikBimbingan)
class UmpanBalikBimbinganAdmin(admin.ModelAdmin):
    list_display = ["bimbingan", "diisi_pada"]
    raw_id_fields = ["bimbingan"]


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ["jadwal", "penilaian", "status", "dibuat_oleh"]
    list_filter = ["status"]
    search_fields = ["penilaian__skp__pegawai__nama", "agenda", "notulen"]
    list_select_related = ["penilaian__skp__pegawai", "penilaian__periode", "dibuat_oleh"]
    raw_id_fields = ["penilaian", "dibuat_oleh"]
    inlines = [CheckInAksiInline]
