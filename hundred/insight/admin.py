from django.contrib import admin

from hundred.insight import models


@admin.register(models.KeptPage)
class KeptPageAdmin(admin.ModelAdmin):
    """Derived data, written only by code (kept.py); its body, which names the account's
    people, is not shown."""

    list_display = ["account", "viewed_on", "valid_until"]
    exclude = ["body", "read_only_body"]
    raw_id_fields = ["account"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
