from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from penilaian.admin.ringkasan import TandaiRingkasan

from .models import (
    DelegasiPenilai,
    Golongan,
    Instansi,
    Jabatan,
    Pegawai,
    PejabatNonAsn,
    PenugasanPlt,
    RiwayatAtasan,
    RiwayatJabatan,
    UnitKerja,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "email", "instansi", "is_staff", "is_superuser", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", "instansi")
    autocomplete_fields = ("instansi",)
    list_select_related = ("instansi",)
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Lingkup HR"), {"fields": ("instansi",)}),
        (_("Kata sandi sementara"), {"fields": ("sandi_sementara_sampai",)}),
    )

    def save_model(self, request, obj, form, change):
        # Deactivated here too: end the open sessions, as deactivating the pegawai does.
        if change and "is_active" in form.changed_data and not obj.is_active:
            obj.sesi_versi += 1
        super().save_model(request, obj, form, change)


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "jenis", "kota", "login_lokal")
    list_filter = ("jenis", "login_lokal")
    search_fields = ("kode", "nama")


@admin.register(UnitKerja)
class UnitKerjaAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "level", "parent", "kepala", "instansi", "aktif")
    list_filter = ("instansi", "level", "aktif")
    search_fields = ("kode", "nama")
    autocomplete_fields = ("instansi", "parent", "kepala")
    list_select_related = ("parent", "kepala", "instansi")


@admin.register(Golongan)
class GolonganAdmin(admin.ModelAdmin):
    list_display = ("kode", "jenis", "pangkat", "urutan")
    list_filter = ("jenis",)
    search_fields = ("kode", "pangkat")


@admin.register(Jabatan)
class JabatanAdmin(admin.ModelAdmin):
    list_display = ("nama", "jenis", "jenjang")
    list_filter = ("jenis", "jenjang")
    search_fields = ("nama",)


class RiwayatAtasanInline(admin.TabularInline):
    model = RiwayatAtasan
    fk_name = "pegawai"
    extra = 0
    readonly_fields = ("atasan_lama", "atasan_baru", "diubah_oleh", "alasan", "waktu")
    can_delete = False


@admin.register(Pegawai)
class PegawaiAdmin(TandaiRingkasan, admin.ModelAdmin):
    list_display = ("nip", "nama", "status", "jabatan", "golongan", "unit_kerja", "atasan", "aktif")
    list_filter = ("status", "aktif", "jabatan__jenis", "golongan", "unit_kerja__instansi")
    search_fields = ("nip", "nama")
    autocomplete_fields = ("golongan", "jabatan", "unit_kerja", "atasan", "user")
    list_select_related = ("jabatan", "golongan", "unit_kerja", "atasan")
    inlines = [RiwayatAtasanInline]

    def save_model(self, request, obj, form, change):
        # The login follows "aktif" (deactivate = inactive user, sessions ended), as on the HR pages.
        from .services_akun import akun_sync_status

        aktif_lama = form.initial.get("aktif", obj.aktif) if change else obj.aktif
        super().save_model(request, obj, form, change)
        akun_sync_status(pegawai=obj, oleh=request.user, aktif_lama=aktif_lama)


@admin.register(RiwayatAtasan)
class RiwayatAtasanAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "atasan_lama", "atasan_baru", "diubah_oleh", "alasan", "waktu")
    search_fields = ("pegawai__nip", "pegawai__nama", "alasan")
    autocomplete_fields = ("pegawai", "atasan_lama", "atasan_baru", "diubah_oleh")
    list_select_related = ("pegawai", "atasan_lama", "atasan_baru", "diubah_oleh")
    date_hierarchy = "waktu"


@admin.register(PenugasanPlt)
class PenugasanPltAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "jenis", "unit_kerja", "tanggal_mulai", "tanggal_selesai", "nomor_sk")
    list_filter = ("jenis",)
    search_fields = ("pegawai__nip", "pegawai__nama", "unit_kerja__nama", "nomor_sk")
    autocomplete_fields = ("pegawai", "unit_kerja")
    list_select_related = ("pegawai", "unit_kerja")


@admin.register(RiwayatJabatan)
class RiwayatJabatanAdmin(admin.ModelAdmin):
    """Corrections only: a move is recorded on the HR page (Mutasi / promosi), which also closes the SKP."""

    list_display = ("pegawai", "jenis", "jabatan", "jenjang", "unit_kerja", "golongan", "tmt", "tanggal_selesai",
                    "nomor_sk")
    list_filter = ("jenis", "unit_kerja__instansi")
    search_fields = ("pegawai__nip", "pegawai__nama", "nomor_sk")
    autocomplete_fields = ("pegawai", "jabatan", "unit_kerja", "golongan", "atasan", "dicatat_oleh")
    list_select_related = ("pegawai", "jabatan", "unit_kerja", "golongan")
    date_hierarchy = "tmt"


@admin.register(PejabatNonAsn)
class PejabatNonAsnAdmin(admin.ModelAdmin):
    list_display = ("nama", "jabatan", "instansi", "aktif")
    list_filter = ("instansi", "aktif")
    search_fields = ("nama", "jabatan")
    autocomplete_fields = ("instansi",)
    list_select_related = ("instansi",)


@admin.register(DelegasiPenilai)
class DelegasiPenilaiAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "nomor_sk", "tanggal_mulai", "tanggal_selesai", "instansi")
    list_filter = ("instansi",)
    search_fields = ("pegawai__nama", "pegawai__nip", "nomor_sk")
    autocomplete_fields = ("instansi", "pegawai")
    list_select_related = ("pegawai", "instansi")
