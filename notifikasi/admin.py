from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import (
    CetakMassal,
    CetakMassalItem,
    DokumenPdf,
    JadwalBerkala,
    Notifikasi,
    Pengingat,
)


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ("judul", "penerima", "dibuat_pada", "dibaca_pada", "status_email")
    list_filter = ("status_email", ("dibaca_pada", admin.EmptyFieldListFilter), "dibuat_pada")
    search_fields = ("judul", "pesan", "penerima__username", "penerima__pegawai__nama")
    list_select_related = ("penerima",)
    autocomplete_fields = ("penerima",)
    date_hierarchy = "dibuat_pada"


@admin.register(Pengingat)
class PengingatAdmin(admin.ModelAdmin):
    list_display = ("objek_repr", "jenis", "tahap", "penerima", "periode", "status", "percobaan", "terkirim_pada")
    list_filter = ("status", "tahap", "jenis", "periode__instansi")
    search_fields = ("objek_repr", "penerima__username", "penerima__pegawai__nama")
    list_select_related = ("penerima", "periode")
    autocomplete_fields = ("penerima",)
    readonly_fields = ("token", "diklaim_pada", "terkirim_pada", "dibuat_pada")
    actions = ("kembalikan_ke_menunggu",)

    @admin.action(description=_("Kembalikan yang macet (SENDING) ke Menunggu"))
    def kembalikan_ke_menunggu(self, request, queryset):
        n = queryset.filter(status=Pengingat.Status.SENDING).update(status=Pengingat.Status.PENDING, token=None)
        self.message_user(request, _("%(n)d pengingat dikembalikan.") % {"n": n})


@admin.register(DokumenPdf)
class DokumenPdfAdmin(admin.ModelAdmin):
    list_display = ("__str__", "jenis", "status", "ukuran", "dirender_pada")
    list_filter = ("jenis", "status")
    search_fields = ("kunci",)
    readonly_fields = ("sumber_hash", "dirender_pada", "ukuran", "diminta_pada", "percobaan")


class CetakMassalItemInline(admin.TabularInline):
    model = CetakMassalItem
    extra = 0
    fields = ("pegawai", "status", "alasan", "dokumen", "percobaan", "diklaim_pada")
    readonly_fields = fields
    can_delete = False


@admin.register(CetakMassal)
class CetakMassalAdmin(admin.ModelAdmin):
    list_display = ("__str__", "jenis", "status", "total", "dibuat_oleh", "dibuat_pada", "denyut", "selesai_pada")
    list_filter = ("status", "jenis", "instansi")
    search_fields = ("unit_kerja__nama", "unit_kerja__kode")
    list_select_related = ("unit_kerja", "periode", "dibuat_oleh")
    autocomplete_fields = ("unit_kerja", "dibuat_oleh")
    raw_id_fields = ("periode",)
    inlines = (CetakMassalItemInline,)


@admin.register(JadwalBerkala)
class JadwalBerkalaAdmin(admin.ModelAdmin):
    """Read-only view of ``CELERY_BEAT_SCHEDULE``: schedules are code, reviewed like code."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        jadwal = [
            {"nama": nama, "task": e["task"], "jadwal": str(e["schedule"]), "opsi": e.get("options", {})}
            for nama, e in sorted(settings.CELERY_BEAT_SCHEDULE.items())
        ]
        ctx = {**self.admin_site.each_context(request), "title": _("Jadwal tugas berkala"), "jadwal": jadwal,
               "opts": self.model._meta, "timezone": settings.CELERY_TIMEZONE}
        return TemplateResponse(request, "notifikasi/admin_jadwal.html", ctx)
