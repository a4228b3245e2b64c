from django.contrib import admin

from .models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ("waktu", "aksi", "objek_repr", "aktor")
    list_filter = ("aksi", "content_type")
    search_fields = ("aksi", "objek_repr", "catatan", "aktor__username")
    date_hierarchy = "waktu"
    readonly_fields = [f.name for f in AuditLog._meta.fields]
    list_select_related = ("aktor", "content_type")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
