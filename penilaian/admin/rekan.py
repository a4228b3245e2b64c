"""Admin for peer input, organisation predikat, unit finalisation and keberatan.

Anonymity (domain.md §6): the answer admin shows no author (the model has none), no time (there is
none), cannot be filtered or ordered by anything that correlates with an invitation, and answers
cannot be created or edited here. The invitation admin does not show who has answered (the
supervisor's page does not either) and cannot add invitations behind the cohort rule. Sealed
answers are not registered at all: before release there is nothing to look at.
"""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import (
    CapaianOrganisasi,
    FinalisasiUnit,
    Keberatan,
    MasukanRekan,
    RilisMasukanRekan,
    UndanganRekan,
)


@admin.register(UndanganRekan)
class UndanganRekanAdmin(admin.ModelAdmin):
    list_display = ("penilaian", "rekan", "dibuat_pada")
    list_filter = ("penilaian__periode",)
    search_fields = ("rekan__nama", "rekan__nip", "penilaian__skp__pegawai__nama", "penilaian__skp__pegawai__nip")
    list_select_related = ("rekan", "penilaian__skp__pegawai", "penilaian__periode")
    fields = ("penilaian", "rekan", "diundang_oleh", "dibuat_pada")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # invitations go through the page, which enforces the fixed cohort

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RilisMasukanRekan)
class RilisMasukanRekanAdmin(admin.ModelAdmin):
    list_display = ("penilaian", "jumlah_jawaban", "dirilis_pada")
    list_select_related = ("penilaian__skp__pegawai", "penilaian__periode")
    search_fields = ("penilaian__skp__pegawai__nama", "penilaian__skp__pegawai__nip")
    readonly_fields = ("penilaian", "jumlah_jawaban", "dirilis_pada")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MasukanRekan)
class MasukanRekanAdmin(admin.ModelAdmin):
    list_display = ("__str__", "penilaian")
    search_fields = ("penilaian__skp__pegawai__nama", "penilaian__skp__pegawai__nip")
    list_select_related = ("penilaian__skp__pegawai", "penilaian__periode")
    fields = ("penilaian", "jawaban", "komentar")
    readonly_fields = fields
    # Order by the appraisee only: the random UUID pk is already meaningless, but say so explicitly.
    ordering = ("penilaian",)
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CapaianOrganisasi)
class CapaianOrganisasiAdmin(admin.ModelAdmin):
    list_display = ("unit_kerja", "periode", "predikat", "ditetapkan_oleh", "ditetapkan_pada")
    list_filter = ("predikat", "periode__tahun", "periode__jenis")
    search_fields = ("unit_kerja__nama", "unit_kerja__kode")
    autocomplete_fields = ("unit_kerja",)
    list_select_related = ("unit_kerja", "periode", "ditetapkan_oleh")
    readonly_fields = ("ditetapkan_oleh", "ditetapkan_pada")


@admin.register(FinalisasiUnit)
class FinalisasiUnitAdmin(admin.ModelAdmin):
    list_display = ("unit_kerja", "periode", "oleh", "waktu", "ada_pelanggaran")
    list_filter = ("periode__tahun", "periode__jenis")
    search_fields = ("unit_kerja__nama", "unit_kerja__kode", "justifikasi")
    autocomplete_fields = ("unit_kerja",)
    list_select_related = ("unit_kerja", "periode", "oleh")
    readonly_fields = ("pelanggaran", "oleh", "waktu")

    @admin.display(boolean=True, description=_("ada peringatan"))
    def ada_pelanggaran(self, obj):
        return bool(obj.pelanggaran)


@admin.register(Keberatan)
class KeberatanAdmin(admin.ModelAdmin):
    list_display = ("penilaian", "status", "pemutus", "diajukan_pada", "diputus_pada")
    list_filter = ("status", "penilaian__periode__tahun")
    search_fields = ("penilaian__skp__pegawai__nama", "penilaian__skp__pegawai__nip", "alasan")
    autocomplete_fields = ("pemutus",)
    raw_id_fields = ("penilaian",)
    list_select_related = ("penilaian__skp__pegawai", "penilaian__periode", "pemutus")
    readonly_fields = ("diajukan_oleh", "diajukan_pada", "rating_hasil_lama", "rating_perilaku_lama", "predikat_lama",
                       "diputus_pada")
