from django.contrib import admin

from .models import TokenIntegrasi


@admin.register(TokenIntegrasi)
class TokenIntegrasiAdmin(admin.ModelAdmin):
    """Tokens are issued on the token page (the raw value is shown once there); admin inspects and revokes."""

    list_display = ["nama", "awalan", "instansi", "user", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["instansi"]
    search_fields = ["nama", "awalan"]
    readonly_fields = ["awalan", "instansi", "user", "scopes", "created_by", "created_at", "last_used_at"]
    fields = ["nama", "awalan", "instansi", "user", "scopes", "expires_at", "last_used_at", "revoked_at",
              "created_by", "created_at"]

    def has_add_permission(self, request):
        return False
