"""Admin registrations of the evaluation sub-domain (issue 4). Writes with business rules belong in the
app's screens (services audit them); the admin is for support staff to look things up and fix data."""
from django.contrib import admin

from penilaian.models import (
    BukaKunci,
    BuktiDukung,
    Penilaian,
    Periode,
    Realisasi,
    RencanaAksi,
    UmpanBalik,
)

from .ringkasan import TandaiRingkasan


@admin.register(Periode)
class PeriodeAdmin(TandaiRingkasan, admin.ModelAdmin):
    list_display = ["nama", "tahun", "jenis", "instansi", "tanggal_mulai", "tanggal_selesai", "batas_pengisian"]
    list_filter = ["jenis", "tahun", "instansi"]
    search_fields = ["nama", "instansi__nama"]
    list_select_related = ["instansi"]
    autocomplete_fields = ["instansi"]


@admin.register(BukaKunci)
class BukaKunciAdmin(admin.ModelAdmin):
    list_display = ["periode", "pegawai", "alasan", "berlaku_sampai", "dibuat_oleh", "dibuat_pada"]
    list_filter = ["periode__tahun", "periode__instansi"]
    search_fields = ["pegawai__nama", "pegawai__nip", "alasan"]
    list_select_related = ["periode", "pegawai", "dibuat_oleh"]
    autocomplete_fields = ["periode", "pegawai"]
    readonly_fields = ["dibuat_oleh", "dibuat_pada"]


class RencanaAksiInline(admin.TabularInline):
    model = RencanaAksi
    extra = 0
    autocomplete_fields = ["rhk"]


class UmpanBalikInline(admin.TabularInline):
    model = UmpanBalik
    extra = 0
    fields = ["rhk", "perilaku", "frasa", "teks", "oleh"]
    autocomplete_fields = ["rhk", "oleh"]


@admin.register(Penilaian)
class PenilaianAdmin(TandaiRingkasan, admin.ModelAdmin):
    list_display = ["skp", "periode", "status", "rating_hasil", "rating_perilaku", "predikat", "versi", "diubah_pada"]
    list_filter = ["status", "predikat", "periode__jenis", "periode__tahun"]
    search_fields = ["skp__pegawai__nama", "skp__pegawai__nip", "periode__nama"]
    list_select_related = ["skp__pegawai", "periode"]
    autocomplete_fields = ["skp", "periode", "penilai"]
    # The predikat is derived from the ratings (domain.md §3.4) and the version is the optimistic lock.
    readonly_fields = ["predikat", "versi", "snapshot", "diajukan_pada", "final_pada", "ditanggapi_pada", "diubah_pada"]
    inlines = [RencanaAksiInline, UmpanBalikInline]


class BuktiInline(admin.TabularInline):
    model = BuktiDukung
    extra = 0
    fields = ["url", "berkas", "nama_berkas", "ukuran", "content_type", "keterangan"]
    readonly_fields = ["berkas", "nama_berkas", "ukuran", "content_type"]


@admin.register(Realisasi)
class RealisasiAdmin(admin.ModelAdmin):
    list_display = ["penilaian", "iki", "nilai", "teks"]
    search_fields = ["penilaian__skp__pegawai__nama", "penilaian__skp__pegawai__nip", "iki__teks"]
    list_filter = ["penilaian__periode__tahun"]
    list_select_related = ["penilaian__skp__pegawai", "penilaian__periode", "iki"]
    autocomplete_fields = ["penilaian", "iki"]
    inlines = [BuktiInline]


@admin.register(RencanaAksi)
class RencanaAksiAdmin(admin.ModelAdmin):
    list_display = ["penilaian", "rhk", "teks", "urutan"]
    search_fields = ["penilaian__skp__pegawai__nama", "teks"]
    list_select_related = ["penilaian__skp__pegawai", "penilaian__periode", "rhk"]
    autocomplete_fields = ["penilaian", "rhk"]


@admin.register(BuktiDukung)
class BuktiDukungAdmin(admin.ModelAdmin):
    list_display = ["__str__", "realisasi", "content_type", "ukuran", "diunggah_oleh", "dibuat_pada"]
    list_filter = ["content_type"]
    search_fields = ["nama_berkas", "url", "realisasi__penilaian__skp__pegawai__nama"]
    list_select_related = [
        "realisasi__penilaian__skp__pegawai",
        "realisasi__penilaian__periode",
        "realisasi__iki",
        "diunggah_oleh",
    ]
    autocomplete_fields = ["realisasi"]
    readonly_fields = ["nama_berkas", "ukuran", "content_type", "diunggah_oleh"]


@admin.register(UmpanBalik)
class UmpanBalikAdmin(admin.ModelAdmin):
    list_display = ["penilaian", "rhk", "perilaku", "frasa", "teks", "oleh", "diubah_pada"]
    list_filter = ["perilaku"]
    search_fields = ["penilaian__skp__pegawai__nama", "teks", "frasa"]
    list_select_related = ["penilaian__skp__pegawai", "penilaian__periode", "rhk", "perilaku", "oleh"]
    autocomplete_fields = ["penilaian", "rhk", "oleh"]
